package rollover

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v4"

	"kehoach/internal/compose"
	"kehoach/internal/draft"
	"kehoach/internal/layout"
	"kehoach/internal/plan"
	"kehoach/internal/plan/plantest"
	"kehoach/internal/planfmt"
	"kehoach/internal/programme"
	"kehoach/internal/render/text"
	"kehoach/internal/testkit"
)

// copyPlan copies the 2025 plan of Mường Khoa and its commune file into a
// temporary plans/muong-khoa/ folder as name, editing the plan text.
func copyPlan(t *testing.T, name string, edit func(string) string) string {
	return testkit.CopyPlan(t, t.TempDir(), "muong-khoa", name, edit)
}

// create makes the plan for year from the plan from (into target, or
// beside it when target is ""), failing the test on an error, and returns
// the report's lines (what kehoach new prints is tested in cmd/kehoach).
func create(t *testing.T, from string, year int, target string) string {
	t.Helper()
	rep, err := Create(from, year, target)
	if err != nil {
		t.Fatalf("Create(%s, %d): %v", from, year, err)
	}
	done, period, review := rep.Summary()
	return strings.Join(append(append(done, period...), review...), "\n")
}

func load(t *testing.T, path string) *plan.Plan {
	t.Helper()
	res, err := plan.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK() {
		t.Fatalf("%s does not validate:\n%v", path, res.Errors)
	}
	return res.Plan
}

// comments lists the comment texts of a YAML file, sorted.
func comments(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if i := strings.Index(l, "# "); i >= 0 && !strings.Contains(l[:i], `"`) {
			out = append(out, strings.TrimSpace(l[i:]))
		}
	}
	sort.Strings(out)
	return out
}

// checkAmounts asserts every amount is 0 and no total is declared, with
// the structure of the source: leaves funding leaves, works Biểu 03 works,
// rows Biểu 04 rows.
func checkAmounts(t *testing.T, p *plan.Plan, leaves, works, rows int) {
	t.Helper()
	if p.NguonLuc.Tong.Set {
		t.Error("nguon_luc.tong kept")
	}
	n := 0
	p.EachSource(func(s *plan.Nguon, depth int) {
		if s.Tong.Set {
			t.Errorf("tong kept on %q", s.Ten)
		}
		if len(s.Con) == 0 {
			n++
			if !s.SoTien.Set || !s.SoTien.IsZero() {
				t.Errorf("so_tien of %q = %s, want 0", s.Ten, s.SoTien.String())
			}
		}
	})
	if n != leaves {
		t.Errorf("%d funding leaves, want %d", n, leaves)
	}
	if !p.Total().IsZero() {
		t.Errorf("total %s", p.Total().String())
	}
	if len(p.Bieu.CongTrinh) != works || len(p.Bieu.SuNghiep) != rows {
		t.Errorf("annex rows %d/%d, want %d/%d", len(p.Bieu.CongTrinh), len(p.Bieu.SuNghiep), works, rows)
	}
	for _, w := range p.Bieu.CongTrinh {
		for _, v := range w.Von {
			if !v.SoTien.IsZero() {
				t.Errorf("Biểu 03 %q: %s", w.Ten, v.SoTien.String())
			}
		}
	}
	for _, s := range p.Bieu.SuNghiep {
		if !s.SoTien.IsZero() {
			t.Errorf("Biểu 04 %q: %s", s.NoiDung, s.SoTien.String())
		}
	}
}

// flat joins a report or a comment block into one line of words.
func flat(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n#", "")), " ")
}

// Rolling the 2025 plan of Mường Khoa (2021–2025 programme, QĐ 318) into
// the merged 2026–2030 programme (QĐ 51), in its first year and later.
func TestNewPeriod(t *testing.T) {
	before := load(t, filepath.Join(testkit.RepoRoot(t), "plans", "muong-khoa", "2025.yaml"))
	oldItem := map[int]plan.DanhGiaTC{}
	for _, d := range before.TieuChi.DanhGia {
		oldItem[d.So] = d
	}
	const merged = "Chương trình mục tiêu quốc gia (MTQG) xây dựng nông thôn mới (NTM), giảm nghèo bền vững và phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi"
	for _, year := range []int{2026, 2027} {
		t.Run(strconv.Itoa(year), func(t *testing.T) {
			y := strconv.Itoa(year)
			src := copyPlan(t, "2025.yaml", nil)
			report := create(t, src, year, "")
			target := filepath.Join(filepath.Dir(src), y+".yaml")
			p := load(t, target)
			b, _ := os.ReadFile(target)
			out := string(b)
			end := strings.Index(out, draft.ReviewEnd)
			header, body := out[:end], out[end:]

			if p.Nam != year || !p.IsDraft() {
				t.Errorf("nam %d, draft %v", p.Nam, p.IsDraft())
			}
			// 1. Names: the period's, in the opening sentence and the title.
			if p.Period == nil || p.Period.Ma != "2026-2030" || p.ChuongTrinh.Ten != p.Period.ChuongTrinh.Ten || p.ChuongTrinh.TenNgan != p.Period.ChuongTrinh.TenNgan {
				t.Errorf("programme %+v", p.ChuongTrinh)
			}
			if strings.Contains(out, "\nchuong_trinh:") {
				t.Error("chuong_trinh kept")
			}
			if want := "Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới, giảm nghèo bền vững và phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi năm " + y + " trên địa bàn xã Mường Khoa"; p.VanBan.TrichYeu != want {
				t.Errorf("trich_yeu %q\nwant      %q", p.VanBan.TrichYeu, want)
			}
			if !strings.HasPrefix(p.MucTieu.Chung, "Triển khai thực hiện Chương trình MTQG gắn với") {
				t.Errorf("muc_tieu.chung %q", p.MucTieu.Chung[:60])
			}
			// A text naming a programme now merged into the new one is flagged.
			if !strings.Contains(report, "1 đoạn văn còn nêu Chương trình giảm nghèo bền vững hoặc Chương trình phát triển KT-XH vùng đồng bào DTTS như Chương trình riêng (nay thuộc Chương trình hợp nhất; có TODO): to_chuc_thuc_hien[2].noi_dung[0].y.") ||
				!strings.Contains(body, "# TODO: còn nêu Chương trình mục tiêu quốc gia giảm nghèo bền vững như một Chương trình riêng") {
				t.Errorf("merged programmes not flagged:\n%s", report)
			}
			res, err := plan.Load(target)
			if err != nil {
				t.Fatal(err)
			}
			d, err := compose.Compose(res.Plan, plantest.Profile(t, res), layout.Bundled())
			if err != nil {
				t.Fatal(err)
			}
			if doc := flat(text.Render(d)); !strings.Contains(doc, "Ủy ban nhân dân xã Mường Khoa xây dựng Kế hoạch thực hiện "+merged+" năm "+y+", như sau:") {
				t.Errorf("opening sentence not found in:\n%.1500s", doc)
			}

			// 2. Legal bases: the new chain, then the commune's own.
			var nums []string
			for _, c := range p.CanCu {
				nums = append(nums, c.So)
			}
			if got, want := strings.Join(nums, " "), "257/2025/QH15 424/NQ-CP 417/QĐ-BNNMT 51/2025/QĐ-TTg 37-QĐ/ĐU"; got != want {
				t.Errorf("căn cứ %s, want %s", got, want)
			}
			if strings.Contains(body, "263/QĐ-TTg") || strings.Contains(out, "\ncan_cu:") {
				t.Error("an old căn cứ or the can_cu key kept")
			}
			if !strings.Contains(body, "can_cu_them:\n  # TODO: căn cứ nêu giai đoạn 2021-2025: giữ nếu văn bản còn hiệu lực năm "+y) {
				t.Error("no TODO on the căn cứ naming the old period")
			}

			// 3. Criteria: QĐ 51, mapped by thay_cho, every status to assess.
			if p.TieuChi.Bo != "qd51-2026-2030" || p.CountCriteria() != 10 || p.TieuChi.BoTinh != "" {
				t.Fatalf("set %s with %d criteria, bo_tinh %q", p.TieuChi.Bo, p.CountCriteria(), p.TieuChi.BoTinh)
			}
			for i, dg := range p.TieuChi.DanhGia {
				nc := p.Set.TieuChi[i]
				if dg.So != nc.So || dg.HienTrang != plan.StatusNotMet || len(dg.ChiTieu) > 0 || dg.GhiChu != "" {
					t.Errorf("criterion %+v", dg)
				}
				first := oldItem[nc.ThayCho[0]]
				if dg.ChuTri != first.ChuTri {
					t.Errorf("criterion %d: chu_tri %q, want %q (old criterion %d)", dg.So, dg.ChuTri, first.ChuTri, first.So)
				}
				want := map[string]bool{}
				for _, so := range nc.ThayCho {
					o := oldItem[so]
					for _, u := range append([]string{o.ChuTri}, o.PhoiHop...) {
						if u != dg.ChuTri {
							want[u] = true
						}
					}
				}
				if len(want) != len(dg.PhoiHop) {
					t.Errorf("criterion %d: phoi_hop %v, want %v", dg.So, dg.PhoiHop, want)
				}
				for _, u := range dg.PhoiHop {
					if !want[u] {
						t.Errorf("criterion %d: phoi_hop %v, want %v", dg.So, dg.PhoiHop, want)
					}
				}
			}
			if got := p.TieuChi.DanhGia[1]; got.ChuTri != "kinh-te" || strings.Join(got.PhoiHop, ",") != "van-hoa-xa-hoi" {
				t.Errorf("criterion 2 (from 2, 3, 4, 5, 6, 7, 9): %q %v", got.ChuTri, got.PhoiHop)
			}
			if got := p.TieuChi.DanhGia[7]; got.ChuTri != "kinh-te" || strings.Join(got.PhoiHop, ",") != "tram-y-te,van-hoa-xa-hoi" {
				t.Errorf("criterion 8 (from 17): %q %v", got.ChuTri, got.PhoiHop)
			}
			for _, want := range []string{
				"# TODO: theo QĐ 318/QĐ-TTg: 1. Quy hoạch đạt; hãy đánh giá lại theo QĐ 51/2025/QĐ-TTg\n    - {so: 1, hien_trang: chua_dat, chu_tri: kinh-te}",
				"# TODO: theo QĐ 318/QĐ-TTg: 2. Giao thông chưa đạt; 3. Thủy lợi và phòng, chống thiên\n    #   tai đạt;",
				"17. Môi trường và an toàn thực phẩm phấn đấu đạt; hãy đánh\n    #   giá lại theo QĐ 51/2025/QĐ-TTg\n    - so: 8",
				"# TODO: tệp xã chưa ghi nhom_xa; hãy thêm nhom_xa: 1, 2 hoặc 3 vào xa.yaml theo QĐ 51/2025/QĐ-TTg",
				"# TODO: bộ tiêu chí của tỉnh cho qd51-2026-2030 (thay lai-chau-qd1487-2024, QĐ 1487/QĐ-UBND)",
			} {
				if !strings.Contains(body, want) {
					t.Errorf("file lacks %q", want)
				}
			}
			if n := strings.Count(body, "# TODO: theo QĐ 318/QĐ-TTg:"); n != 10 {
				t.Errorf("%d criteria TODO comments, want 10", n)
			}
			var refs []string
			for _, ct := range p.MucTieu.ChiTieu {
				refs = append(refs, ct.TieuChi)
			}
			if got := strings.Join(refs, ","); got != "3,6,," {
				t.Errorf("muc_tieu.chi_tieu references %q, want 3,6,, (10 → 3, 11 → 6, indicators 15.1 and 17.7 dropped)", got)
			}
			if got := p.Bieu.CongTrinh[0].TieuChi; len(got) != 1 || got[0] != 2 {
				t.Errorf("work criteria %v, want [2] (Giao thông → Hạ tầng kinh tế - xã hội)", got)
			}

			// 4. Funding: renamed, the former lồng ghép programmes removed.
			var names []string
			p.EachSource(func(n *plan.Nguon, depth int) { names = append(names, n.Ma+"="+n.Ten) })
			if got, want := strings.Join(names, "; "), "nstw=Vốn Ngân sách Trung ương; nstw-dau-tu=Vốn đầu tư công; nstw-su-nghiep=Kinh phí thường xuyên; ns-xa=Ngân sách xã"; got != want {
				t.Errorf("sources %s\nwant    %s", got, want)
			}
			if strings.Contains(body, "long-ghep") {
				t.Error("a removed source is still in the file")
			}
			checkAmounts(t, p, 3, 1, 5)
			if p.Bieu.SuNghiep[0].ThoiGian != "Quý III-IV/"+y || p.Bieu.SuNghiep[0].Nguon != "nstw-su-nghiep" || p.NguonLuc.Nguon[0].Con[1].Loai != "su_nghiep" {
				t.Errorf("Biểu 04 %+v", p.Bieu.SuNghiep[0])
			}

			// 6. Reported the same in the header and by Summary.
			for _, want := range []string{
				"giai đoạn 2021-2025 → 2026-2030; tên Chương trình: “Chương trình mục tiêu quốc gia (MTQG) xây dựng nông thôn mới (NTM)” → “" + merged + "”",
				"tên cũ đã đổi ở: van_ban.trich_yeu, muc_tieu.chung",
				"bỏ Quyết định 263/QĐ-TTg (căn cứ của Chương trình giai đoạn 2021-2025), Quyết định 1487/QĐ-UBND (bộ tiêu chí của tỉnh Lai Châu giai đoạn 2021-2025",
				"giữ, chuyển sang can_cu_them: Quyết định 37-QĐ/ĐU (có TODO: nêu giai đoạn 2021-2025)",
				"Nghị quyết 257/2025/QH15, Nghị quyết 424/NQ-CP, Quyết định 417/QĐ-BNNMT, Quyết định 51/2025/QĐ-TTg",
				"đổi tên nguồn “Vốn sự nghiệp” → “Kinh phí thường xuyên”: biểu mẫu giai đoạn 2026 - 2030 gọi vốn sự nghiệp",
				"bỏ nguồn “Vốn Chương trình MTQG giảm nghèo bền vững” (năm 2025: 602), “Vốn Chương trình MTQG phát triển KT-XH vùng đồng bào dân tộc thiểu số và miền núi” (năm 2025: 1.954): từ năm 2026 Chương trình giảm nghèo bền vững",
				"bỏ “Vốn lồng ghép” (không còn nguồn con)",
				"19 tiêu chí; năm 2025 đạt 12/19, cuối năm 13/19) không áp dụng cho năm " + y,
				"10 tiêu chí: mọi tiêu chí ghi “chua_dat”, đánh giá lại trên 10",
				"2. Hạ tầng kinh tế - xã hội ← 2, 3, 4, 5, 6, 7, 9; 3. Phát triển kinh tế nông thôn ← 10, 13;",
				"muc_tieu.chi_tieu[0].tieu_chi “10” → “3”",
				"chỉ tiêu 17.7",
				"muc_tieu.chi_tieu[2].tieu_chi “15.1”",
				"ghi chú của tiêu chí 2 cũ “Bê tông hóa 07 km đường bản Hô Tra”",
				"hãy thêm một dòng “nhom_xa: 1”, “nhom_xa: 2” hoặc “nhom_xa: 3” theo QĐ 51/2025/QĐ-TTg: nhóm 1 — xã liền kề đô thị",
				"nhóm 3 — xã khu vực II và xã khu vực III",
			} {
				if !strings.Contains(flat(report), want) {
					t.Errorf("report lacks %q", want)
				}
				if !strings.Contains(flat(header), want) {
					t.Errorf("header lacks %q", want)
				}
			}
			if !strings.HasPrefix(out, "# yaml-language-server: $schema=../../schema/plan.schema.json\n") {
				t.Error("the editor modeline is not the first line")
			}
			if n := strings.Count(out, "# TODO: nhập số tiền năm "+y+" (năm 2025: "); n != 9 {
				t.Errorf("%d amount TODO comments, want 9 (3 sources, 1 work, 5 Biểu 04 rows)", n)
			}
			if f, err := planfmt.Format(target, b); err != nil || !bytes.Equal(f, b) {
				t.Errorf("new plan is not canonical (err %v)", err)
			}
		})
	}
}

// Every 2025 plan of the corpus rolls into 2026 and validates; the
// 2026 plans roll within their period, their names and bases untouched.
func TestNewPeriodCorpus(t *testing.T) {
	for _, src := range testkit.CorpusPlans(t) {
		name := filepath.Base(filepath.Dir(src)) + "/" + filepath.Base(src)
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), filepath.Base(filepath.Dir(src)))
			os.MkdirAll(dir, 0o755)
			// The plan, its commune file and a provincial set beside it
			// (tieu_chi.bo_tinh: bo-tieu-chi-tinh.yaml, see testdata/corpus).
			files := []string{filepath.Base(src), "xa.yaml"}
			sets, _ := filepath.Glob(filepath.Join(filepath.Dir(src), plan.ProvincialSetPrefix+"*.yaml"))
			for _, f := range sets {
				files = append(files, filepath.Base(f))
			}
			for _, f := range files {
				b, err := os.ReadFile(filepath.Join(filepath.Dir(src), f))
				if err != nil {
					t.Fatal(err)
				}
				os.WriteFile(filepath.Join(dir, f), b, 0o644)
			}
			from := filepath.Join(dir, filepath.Base(src))
			before := load(t, from)
			year := before.Nam + 1
			rep, err := Create(from, year, "")
			if err != nil {
				t.Fatal(err)
			}
			target := filepath.Join(dir, strconv.Itoa(year)+".yaml")
			p := load(t, target)
			b, _ := os.ReadFile(target)
			if f, err := planfmt.Format(target, b); err != nil || !bytes.Equal(f, b) {
				t.Errorf("not canonical (err %v)", err)
			}
			if before.Period.Covers(year) {
				if rep.PeriodChange || rep.SetChange || p.ChuongTrinh != before.ChuongTrinh || len(p.CanCu) != len(before.CanCu) {
					t.Errorf("within the period: change %v/%v, programme %+v", rep.PeriodChange, rep.SetChange, p.ChuongTrinh)
				}
				return
			}
			if !rep.PeriodChange || !rep.SetChange || p.Period.Ma != "2026-2030" || p.TieuChi.Bo != "qd51-2026-2030" {
				t.Fatalf("change %v/%v, period %s, set %s", rep.PeriodChange, rep.SetChange, p.Period.Ma, p.TieuChi.Bo)
			}
			if strings.Contains(string(b), "\nchuong_trinh:") || strings.Contains(string(b), "\ncan_cu:") || p.ChuongTrinh.Ten != p.Period.ChuongTrinh.Ten {
				t.Error("chuong_trinh or can_cu kept")
			}
			for i, id := range p.Period.CanCu {
				if p.CanCu[i].Ma != id {
					t.Errorf("căn cứ %d: %s, want %s", i, p.CanCu[i].So, id)
				}
			}
			for _, c := range p.CanCu {
				if c.So == "263/QĐ-TTg" || c.So == "318/QĐ-TTg" {
					t.Errorf("old căn cứ %s kept", c.So)
				}
			}
			p.EachSource(func(n *plan.Nguon, depth int) {
				for _, r := range p.Period.ChuyenNguon {
					if r.Matches(n.Ten) && (r.Bo || n.Ten != r.DoiTen) {
						t.Errorf("source %q: rule %q not applied", n.Ten, r.LyDo)
					}
				}
			})
			for _, d := range p.TieuChi.DanhGia {
				if d.HienTrang != plan.StatusNotMet {
					t.Errorf("criterion %d: %s carried across sets", d.So, d.HienTrang)
				}
			}
			for _, m := range rep.SetCounts {
				if !strings.Contains(string(b), "# TODO: “"+m.Excerpt+"” đếm theo bộ qd318-2021-2025 (19 tiêu chí)") {
					t.Errorf("count %s at %s has no TODO", m.Excerpt, m.Path)
				}
			}
			if name == "an-luong-hai/2025.yaml" && (len(rep.SetCounts) != 1 || rep.SetCounts[0].Excerpt != "19/19" || rep.SetCounts[0].Path != "muc_tieu.chung") {
				t.Errorf("an-luong-hai: counts %+v, want 19/19 in muc_tieu.chung", rep.SetCounts)
			}
		})
	}
}

func TestNewYearSamePeriod(t *testing.T) {
	// A 2024 plan rolls over to 2025 within the 2021–2025 set.
	src := copyPlan(t, "2024.yaml", func(s string) string {
		s = strings.Replace(s, "nam: 2025", "nam: 2024", 1)
		s = strings.Replace(s, "xây dựng nông thôn mới năm 2025 trên địa bàn", "xây dựng nông thôn mới năm 2024 trên địa bàn", 1)
		return strings.Replace(s, "  bo: qd318-2021-2025\n", "  bo: qd318-2021-2025\n  so_dat: 12\n", 1)
	})
	os.Remove(filepath.Join(filepath.Dir(src), "2025.yaml"))
	before := load(t, src)
	rep, err := Create(src, 2025, "")
	if err != nil {
		t.Fatal(err)
	}
	done, period, review := rep.Summary()
	report := strings.Join(append(append(done, period...), review...), "\n")
	target := filepath.Join(filepath.Dir(src), "2025.yaml")
	p := load(t, target)
	if p.TieuChi.Bo != "qd318-2021-2025" || len(period) > 0 {
		t.Errorf("set changed within its period: %s %q", p.TieuChi.Bo, period)
	}
	// phan_dau → dat; every other status carried; indicator rows kept.
	for i, d := range p.TieuChi.DanhGia {
		old := before.TieuChi.DanhGia[i]
		want := old.HienTrang
		if want == plan.StatusPlanned {
			want = plan.StatusMet
		}
		if d.So != old.So || d.HienTrang != want || len(d.ChiTieu) != len(old.ChiTieu) || d.ChuTri != old.ChuTri {
			t.Errorf("criterion %d: %+v, want status %s carried from %+v", d.So, d, want, old)
		}
	}
	if p.CountMet() != 13 || p.CountPlanned() != 0 {
		t.Errorf("%d met, %d planned; want 13, 0", p.CountMet(), p.CountPlanned())
	}
	if p.TieuChi.SoDat != nil {
		t.Error("so_dat kept")
	}
	if !strings.Contains(report, "17. Môi trường và an toàn thực phẩm") {
		t.Errorf("the report does not name the criterion carried to dat:\n%s", report)
	}
	for i, ct := range p.MucTieu.ChiTieu {
		if ct.TieuChi != before.MucTieu.ChiTieu[i].TieuChi {
			t.Errorf("indicator reference changed: %q", ct.TieuChi)
		}
	}
	if p.VanBan.TrichYeu != strings.Replace(before.VanBan.TrichYeu, "năm 2024", "năm 2025", 1) {
		t.Errorf("trich_yeu %q", p.VanBan.TrichYeu)
	}
	checkAmounts(t, p, 5, 1, 5)

	// Every comment of the source is kept, except those on removed lines
	// (tong, so_dat) and the draft hints, which are rewritten.
	sb, _ := os.ReadFile(src)
	nb, _ := os.ReadFile(target)
	have := map[string]int{}
	for _, c := range comments(string(nb)) {
		have[c]++
	}
	for _, c := range comments(string(sb)) {
		if strings.HasPrefix(c, "# bản mẫu ghi 3.900") || strings.HasPrefix(c, "# dự thảo") {
			continue
		}
		if have[c] == 0 {
			t.Errorf("comment lost: %s", c)
		}
		have[c]--
	}
}

func TestSecondRollover(t *testing.T) {
	src := copyPlan(t, "2025.yaml", nil)
	create(t, src, 2026, "")
	p2026 := filepath.Join(filepath.Dir(src), "2026.yaml")
	create(t, p2026, 2027, "")
	p := load(t, filepath.Join(filepath.Dir(src), "2027.yaml"))
	if p.TieuChi.Bo != "qd51-2026-2030" || p.Nam != 2027 {
		t.Errorf("2027: set %s, nam %d", p.TieuChi.Bo, p.Nam)
	}
	b, _ := os.ReadFile(filepath.Join(filepath.Dir(src), "2027.yaml"))
	s := string(b)
	if n := strings.Count(s, draft.ReviewBegin); n != 1 {
		t.Errorf("%d review blocks in the header, want 1", n)
	}
	if strings.Contains(s, "CHUYỂN GIAI ĐOẠN") || strings.Contains(s, "Ghi chú đầu tệp của kế hoạch năm 2025") {
		t.Error("the 2026 review block was carried into 2027")
	}
	if !strings.Contains(s, "# Chép từ văn bản mẫu") || !strings.Contains(s, "Ghi chú đầu tệp của kế hoạch năm 2026") {
		t.Error("the original header description was not kept once")
	}
	if n := strings.Count(s, "# TODO: nhập số tiền năm 2027 (năm 2026: 0)"); n != 9 {
		t.Errorf("%d amount TODOs for 2027", n)
	}
}

func TestOtherFolder(t *testing.T) {
	// -o into another folder: the commune file reference follows.
	src := copyPlan(t, "2025.yaml", nil)
	out := filepath.Join(filepath.Dir(filepath.Dir(src)), "nhap", "2026.yaml")
	os.MkdirAll(filepath.Dir(out), 0o755)
	create(t, src, 2026, out)
	p := load(t, out)
	if p.Xa != "../muong-khoa/xa.yaml" {
		t.Errorf("xa = %q", p.Xa)
	}
}

func TestReplaceYear(t *testing.T) {
	for _, tc := range []struct {
		in   string
		mode yearMode
		want string
	}{
		{"Thực hiện Chương trình năm 2025 trên địa bàn", namYear, "Thực hiện Chương trình năm 2026 trên địa bàn"},
		{"NĂM 2025; Năm 2025; năm\u00a02025.", namYear, "NĂM 2026; Năm 2026; năm\u00a02026."},
		{"giai đoạn 2021-2025 và năm 2025", namYear, "giai đoạn 2021-2025 và năm 2026"},
		{"các năm 2025-2026", namYear, "các năm 2025-2026"},
		{"năm 2025 – 2030", namYear, "năm 2025 – 2030"},
		{"năm 20250 và năm 2024", namYear, "năm 20250 và năm 2024"},
		{"từ 2025 đến năm 2025", namYear, "từ 2025 đến năm 2026"},
		{"Hànăm 2025", namYear, "Hànăm 2025"},
		{"Quý III-IV/2025", bareYear, "Quý III-IV/2026"},
		{"Năm 2025", bareYear, "Năm 2026"},
		{"2025", bareYear, "2026"},
		{"2024 - 2025", bareYear, "2024 - 2025"},
		{"12025 và 20251", bareYear, "12025 và 20251"},
	} {
		if got := replaceYear(tc.in, 2025, 2026, tc.mode); got != tc.want {
			t.Errorf("replaceYear(%q, %d) = %q, want %q", tc.in, tc.mode, got, tc.want)
		}
	}
}

func TestSetFor(t *testing.T) {
	for year, want := range map[int]string{2021: "qd318-2021-2025", 2025: "qd318-2021-2025", 2026: "qd51-2026-2030", 2030: "qd51-2026-2030"} {
		if s := SetFor(year); s == nil || s.Ma != want {
			t.Errorf("SetFor(%d) = %v, want %s", year, s, want)
		}
	}
	if s := SetFor(2031); s != nil {
		t.Errorf("SetFor(2031) = %s", s.Ma)
	}
}

func TestHeaderBlock(t *testing.T) {
	for _, tc := range []struct {
		name, head string
		modeline   int
		kept       []string
	}{
		{"plain", "# yaml-language-server: $schema=x\n# Kế hoạch của xã.", 1, []string{"# Kế hoạch của xã."}},
		{"previous block dropped", "# yaml-language-server: $schema=x\n# ==== KẾ HOẠCH NĂM 2026: CẦN XEM LẠI ====\n# - việc\n# ==== HẾT PHẦN CẦN XEM LẠI ====\n# Ghi chú đầu tệp của kế hoạch năm 2025 (xem lại, sửa hoặc xóa):\n# Mô tả.", 1, []string{"# Mô tả."}},
		{"end marker deleted: nothing dropped", "# ==== KẾ HOẠCH NĂM 2026: CẦN XEM LẠI ====\n# - việc\n# Mô tả.", 0, []string{"# ==== KẾ HOẠCH NĂM 2026: CẦN XEM LẠI ====", "# - việc", "# Mô tả."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := &editor{}
			d := &yaml.Node{Kind: yaml.DocumentNode, HeadComment: tc.head}
			root := &yaml.Node{Kind: yaml.MappingNode}
			e.header(d, root)
			if len(e.modeline) != tc.modeline || strings.Join(e.oldHead, "\n") != strings.Join(tc.kept, "\n") {
				t.Errorf("modeline %q, kept %q; want %d, %q", e.modeline, e.oldHead, tc.modeline, tc.kept)
			}
		})
	}
}

// Variants of the 2025 plan rolled into 2026: what the source spells out
// decides what is rewritten.
func TestNewPeriodVariants(t *testing.T) {
	// bases replaces the two căn cứ before the commune's own (37-QĐ/ĐU).
	bases := func(head string) func(string) string {
		return func(s string) string {
			i := strings.Index(s, "can_cu:\n")
			j := strings.Index(s, "  - loai: Quyết định\n    so: 37-QĐ/ĐU")
			return s[:i] + head + s[j:]
		}
	}
	for _, tc := range []struct {
		name  string
		edit  func(string) string
		xa    string // appended to the commune file
		check func(t *testing.T, p *plan.Plan, rep *Report, out string)
	}{
		{"explicit period, provincial set, commune group",
			func(s string) string {
				s = strings.Replace(s, "nam: 2025\n", "nam: 2025\ngiai_doan: 2021-2025\n", 1)
				if !strings.Contains(s, "  bo_tinh: lai-chau-qd1487-2024\n") {
					s = strings.Replace(s, "  bo: qd318-2021-2025\n", "  bo: qd318-2021-2025\n  bo_tinh: lai-chau-qd1487-2024\n", 1)
				}
				return s
			}, "nhom_xa: 3\n",
			func(t *testing.T, p *plan.Plan, rep *Report, out string) {
				if p.GiaiDoan != "2026-2030" || !strings.Contains(out, "giai_doan: 2026-2030 # đổi từ 2021-2025") || !strings.Contains(flat(out), "giai đoạn 2021-2025 → 2026-2030 (giai_doan: 2026-2030); tên Chương trình") {
					t.Errorf("giai_doan %q", p.GiaiDoan)
				}
				if p.TieuChi.BoTinh != "" || rep.BoTinh != "lai-chau-qd1487-2024" || !strings.Contains(out, "# TODO: bộ tiêu chí của tỉnh cho qd51-2026-2030 (thay lai-chau-qd1487-2024, QĐ 1487/QĐ-UBND)") {
					t.Errorf("bo_tinh %q, report %q", p.TieuChi.BoTinh, rep.BoTinh)
				}
				if len(rep.Groups) > 0 || strings.Contains(out, "nhom_xa") {
					t.Error("nhom_xa hint for a commune that has its group")
				}
			}},
		{"registry references", bases("can_cu:\n  - {ma: qd263-2022}\n  - {ma: qd318-2022}\n"), "",
			func(t *testing.T, p *plan.Plan, rep *Report, out string) {
				if got := strings.Join(rep.BasesDropped, "; "); got != "Quyết định 263/QĐ-TTg (căn cứ của Chương trình giai đoạn 2021-2025); Quyết định 318/QĐ-TTg (Bộ tiêu chí qd318-2021-2025)" {
					t.Errorf("dropped %s", got)
				}
				if len(p.CanCu) != 5 || p.CanCu[4].So != "37-QĐ/ĐU" {
					t.Errorf("căn cứ %+v", p.CanCu)
				}
			}},
		{"default bases", bases("can_cu_them:\n"), "",
			func(t *testing.T, p *plan.Plan, rep *Report, out string) {
				if got := strings.Join(rep.BasesDropped, "; "); got != "Quyết định 263/QĐ-TTg (căn cứ mặc định của giai đoạn 2021-2025); Quyết định 318/QĐ-TTg (căn cứ mặc định của giai đoạn 2021-2025); Quyết định 1487/QĐ-UBND (căn cứ mặc định của giai đoạn 2021-2025)" {
					t.Errorf("dropped %s", got)
				}
				if len(p.CanCuThem) != 1 || !strings.Contains(out, "can_cu_them:\n  # TODO: căn cứ nêu giai đoạn 2021-2025") || len(p.CanCu) != 5 {
					t.Errorf("can_cu_them %+v", p.CanCuThem)
				}
			}},
		{"title without the programme's name",
			func(s string) string {
				return strings.Replace(s, "Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2025", "Xây dựng nông thôn mới năm 2025", 1)
			}, "",
			func(t *testing.T, p *plan.Plan, rep *Report, out string) {
				if p.VanBan.TrichYeu != "Xây dựng nông thôn mới năm 2026 trên địa bàn xã Mường Khoa" || strings.Join(rep.NameTodo, ",") != "van_ban.trich_yeu" {
					t.Errorf("trich_yeu %q, todo %v", p.VanBan.TrichYeu, rep.NameTodo)
				}
				if !strings.Contains(out, "  # TODO: trích yếu không có tên Chương trình giai đoạn 2021-2025 nên chưa đổi; hãy xem lại (tên mới ở đầu tệp)\n  trich_yeu:") {
					t.Error("no TODO above trich_yeu")
				}
			}},
		{"allocations from removed sources",
			func(s string) string {
				s = strings.Replace(s, "  su_nghiep:\n", `    - ten: Nhà văn hóa bản Nà Ún
      von:
        - {nguon: long-ghep-dtts, so_tien: 500}
    - ten: Đường nội đồng bản Hô Tra
      von:
        - {nguon: nstw-dau-tu, so_tien: 0}
        - {nguon: long-ghep-giam-ngheo, so_tien: 100}
  su_nghiep:
    - noi_dung: Hỗ trợ sinh kế hộ nghèo
      nguon: long-ghep-giam-ngheo
      so_tien: 50.5
`, 1)
				return s
			}, "",
			func(t *testing.T, p *plan.Plan, rep *Report, out string) {
				if len(p.Bieu.CongTrinh) != 2 || p.Bieu.CongTrinh[1].Ten != "Đường nội đồng bản Hô Tra" || len(p.Bieu.CongTrinh[1].Von) != 1 || len(p.Bieu.SuNghiep) != 5 {
					t.Errorf("annexes %+v", p.Bieu)
				}
				if got := strings.Join(rep.WorksRemoved, "; "); got != "“Nhà văn hóa bản Nà Ún” (chỉ có vốn từ long-ghep-dtts, năm 2025: 500)" {
					t.Errorf("works removed %s", got)
				}
				if got := strings.Join(rep.SourceRefs, "; "); got != "công trình “Đường nội đồng bản Hô Tra”: vốn từ long-ghep-giam-ngheo, năm 2025: 100; Biểu 04 “Hỗ trợ sinh kế hộ nghèo”: vốn từ long-ghep-giam-ngheo (năm 2025: 50,5)" {
					t.Errorf("allocations removed %s", got)
				}
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := copyPlan(t, "2025.yaml", tc.edit)
			if tc.xa != "" {
				xa := filepath.Join(filepath.Dir(src), "xa.yaml")
				b, _ := os.ReadFile(xa)
				os.WriteFile(xa, append(b, tc.xa...), 0o644)
			}
			load(t, src)
			rep, err := Create(src, 2026, "")
			if err != nil {
				t.Fatal(err)
			}
			target := filepath.Join(filepath.Dir(src), "2026.yaml")
			b, _ := os.ReadFile(target)
			if f, err := planfmt.Format(target, b); err != nil || !bytes.Equal(f, b) {
				t.Errorf("not canonical (err %v)", err)
			}
			tc.check(t, load(t, target), rep, string(b))
		})
	}
}

func TestReplaceNames(t *testing.T) {
	old := programme.Programme{Ten: "Chương trình mục tiêu quốc gia (MTQG) xây dựng nông thôn mới (NTM)", TenNgan: "Chương trình MTQG xây dựng NTM"}
	nw := programme.Programme{Ten: "Chương trình mục tiêu quốc gia (MTQG) xây dựng nông thôn mới (NTM), giảm nghèo bền vững", TenNgan: "Chương trình MTQG"}
	subs := nameSubs(old, old, nw)
	for _, tc := range []struct{ in, want string }{
		{"Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2026", "Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới, giảm nghèo bền vững năm 2026"},
		{"Triển khai Chương trình MTQG xây dựng NTM gắn với", "Triển khai Chương trình MTQG gắn với"},
		{"theo Chương trình mục tiêu quốc gia (MTQG) xây dựng nông thôn mới (NTM).", "theo Chương trình mục tiêu quốc gia (MTQG) xây dựng nông thôn mới (NTM), giảm nghèo bền vững."},
		{"Chương trình mục tiêu quốc gia xây dựng nông thôn mới, giảm nghèo bền vững năm 2026", "Chương trình mục tiêu quốc gia xây dựng nông thôn mới, giảm nghèo bền vững năm 2026"},
		{"Chương trình mục tiêu quốc gia xây dựng\u00a0nông thôn\nmới", "Chương trình mục tiêu quốc gia xây dựng nông thôn mới, giảm nghèo bền vững"},
		{"Chương trình MTQG xây dựng NTMX", "Chương trình MTQG xây dựng NTMX"},
		{"Chương trình xây dựng nông thôn mới", "Chương trình xây dựng nông thôn mới"},
		{"chương trình mục tiêu quốc gia xây dựng nông thôn mới", "chương trình mục tiêu quốc gia xây dựng nông thôn mới"},
	} {
		if got := replaceNames(tc.in, subs); got != tc.want {
			t.Errorf("replaceNames(%q)\n = %q\nwant %q", tc.in, got, tc.want)
		}
	}
	if got := inSentence(old.Ten); got != "Chương trình mục tiêu quốc gia xây dựng nông thôn mới" {
		t.Errorf("inSentence = %q", got)
	}
}

func TestCountRe(t *testing.T) {
	re := countRe(19)
	for in, want := range map[string]string{
		"Duy trì 12/19 tiêu chí":  "12",
		"19/19 tiêu chí đã đạt":   "19",
		"(5/19)":                  "5",
		"ngày 12/19/2025":         "",
		"112/19":                  "",
		"12/190":                  "",
		"tỷ lệ 3,12/19":           "",
		"Chỉ thị 12/19 của tỉnh.": "12",
	} {
		got := ""
		if m := re.FindStringSubmatch(in); m != nil {
			got = m[1]
		}
		if got != want {
			t.Errorf("countRe(19) in %q: %q, want %q", in, got, want)
		}
	}
}
