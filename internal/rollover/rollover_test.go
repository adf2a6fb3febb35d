package rollover

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v4"

	"kehoach/internal/plan"
	"kehoach/internal/planfmt"
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

// checkAmounts asserts every amount is 0 and no total is declared.
func checkAmounts(t *testing.T, p *plan.Plan) {
	t.Helper()
	if p.NguonLuc.Tong.Set {
		t.Error("nguon_luc.tong kept")
	}
	leaves := 0
	p.EachSource(func(n *plan.Nguon, depth int) {
		if n.Tong.Set {
			t.Errorf("tong kept on %q", n.Ten)
		}
		if len(n.Con) == 0 {
			leaves++
			if !n.SoTien.Set || !n.SoTien.IsZero() {
				t.Errorf("so_tien of %q = %s, want 0", n.Ten, n.SoTien.String())
			}
		}
	})
	if leaves != 5 {
		t.Errorf("%d funding leaves, want the 5 of 2025 (structure kept)", leaves)
	}
	if !p.Total().IsZero() {
		t.Errorf("total %s", p.Total().String())
	}
	if len(p.Bieu.CongTrinh) != 1 || len(p.Bieu.SuNghiep) != 5 {
		t.Errorf("annex rows %d/%d, want 1/5", len(p.Bieu.CongTrinh), len(p.Bieu.SuNghiep))
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

func TestNewYearPeriodChange(t *testing.T) {
	src := copyPlan(t, "2025.yaml", nil)
	report := create(t, src, 2026, "")
	target := filepath.Join(filepath.Dir(src), "2026.yaml")
	p := load(t, target)
	if p.Nam != 2026 || !p.IsDraft() || p.VanBan.So != 0 || !p.VanBan.Ngay.IsZero() {
		t.Errorf("nam %d, van_ban %+v; want a 2026 draft", p.Nam, p.VanBan)
	}
	if !strings.Contains(p.VanBan.TrichYeu, "nông thôn mới năm 2026 trên địa bàn") {
		t.Errorf("trich_yeu %q", p.VanBan.TrichYeu)
	}
	if !strings.Contains(p.CanCu[0].TrichYeu, "giai đoạn 2021-2025") {
		t.Errorf("a căn cứ was rewritten: %q", p.CanCu[0].TrichYeu)
	}
	checkAmounts(t, p)
	if got := p.Bieu.SuNghiep[0].ThoiGian; got != "Quý III-IV/2026" {
		t.Errorf("Biểu 04 thoi_gian %q", got)
	}
	if got := p.Bieu.CongTrinh[0].ThoiGian; got != "2025" {
		t.Errorf("Biểu 03 thoi_gian rewritten: %q", got)
	}

	// The new criteria set, with the one criterion of the same name carried.
	if p.TieuChi.Bo != "qd51-2026-2030" || p.CountCriteria() != 10 {
		t.Fatalf("set %s with %d criteria", p.TieuChi.Bo, p.CountCriteria())
	}
	for _, d := range p.TieuChi.DanhGia {
		want := plan.StatusNotMet
		if d.So == 1 {
			want = plan.StatusMet // Quy hoạch: dat in 2025
		}
		if d.HienTrang != want {
			t.Errorf("criterion %d: %s, want %s", d.So, d.HienTrang, want)
		}
		if len(d.ChiTieu) > 0 {
			t.Errorf("criterion %d kept indicator rows of the old set", d.So)
		}
	}
	if p.TieuChi.DanhGia[0].ChuTri != "kinh-te" {
		t.Errorf("unit of criterion 1 not carried: %q", p.TieuChi.DanhGia[0].ChuTri)
	}
	for _, ct := range p.MucTieu.ChiTieu {
		if ct.TieuChi != "" {
			t.Errorf("indicator %q still refers to old criterion %s", ct.Ten, ct.TieuChi)
		}
	}
	if len(p.Bieu.CongTrinh[0].TieuChi) != 0 {
		t.Errorf("work still refers to criteria %v", p.Bieu.CongTrinh[0].TieuChi)
	}

	// Reported (Summary, which kehoach new prints under its headings) and in
	// the header comment.
	b, _ := os.ReadFile(target)
	out := string(b)
	header := out[:strings.Index(out, "\nxa: ")]
	for _, want := range []string{
		"qd318-2021-2025 (giai đoạn 2021-2025) không áp dụng cho năm 2026",
		"qd51-2026-2030",
		"1. Quy hoạch → 1. Quy hoạch (đạt)",
		"18 tiêu chí cũ không có tiêu chí cùng tên",
		"2. Giao thông (chưa đạt)",
		"17. Môi trường và an toàn thực phẩm (phấn đấu đạt)",
		"19. Quốc phòng và An ninh (đạt)",
		"chỉ tiêu 17.7",
		"muc_tieu.chi_tieu[0].tieu_chi “10”",
		"9 tiêu chí của bộ mới ghi “chua_dat”",
	} {
		if !strings.Contains(strings.Join(strings.Fields(report), " "), want) {
			t.Errorf("report lacks %q", want)
		}
		if !strings.Contains(strings.Join(strings.Fields(strings.ReplaceAll(header, "\n#", "")), " "), want) {
			t.Errorf("header lacks %q", want)
		}
	}
	for _, want := range []string{"căn cứ (can_cu)", "chỉ tiêu (muc_tieu.chi_tieu)", "nhiệm vụ (nhiem_vu)", "nguồn vốn (nguon_luc)", "nơi nhận (noi_nhan)", "người ký (ky)"} {
		if !strings.Contains(header, want) {
			t.Errorf("header review list lacks %q", want)
		}
	}
	if !strings.HasPrefix(out, "# yaml-language-server: $schema=../../schema/plan.schema.json\n") {
		t.Error("the editor modeline is not the first line")
	}
	for _, want := range []string{"CHUYỂN GIAI ĐOẠN", "Cần xem lại"} {
		if !strings.Contains(header, want) {
			t.Errorf("header lacks %q", want)
		}
	}
	if n := strings.Count(out, "# TODO: nhập số tiền năm 2026 (năm 2025: "); n != 11 {
		t.Errorf("%d amount TODO comments, want 11 (5 sources, 1 work, 5 Biểu 04 rows)", n)
	}
	for _, want := range []string{"so_tien: 0 # TODO: nhập số tiền năm 2026 (năm 2025: 1954)", "so_tien: 0 # TODO: nhập số tiền năm 2026 (năm 2025: 504)"} {
		if !strings.Contains(out, want) {
			t.Errorf("file lacks %q", want)
		}
	}
	if f, err := planfmt.Format(target, b); err != nil || !bytes.Equal(f, b) {
		t.Errorf("new plan is not canonical (err %v)", err)
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
	checkAmounts(t, p)

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
	if n := strings.Count(s, headBegin); n != 1 {
		t.Errorf("%d review blocks in the header, want 1", n)
	}
	if strings.Contains(s, "CHUYỂN GIAI ĐOẠN") || strings.Contains(s, "Ghi chú đầu tệp của kế hoạch năm 2025") {
		t.Error("the 2026 review block was carried into 2027")
	}
	if !strings.Contains(s, "# Chép từ văn bản mẫu") || !strings.Contains(s, "Ghi chú đầu tệp của kế hoạch năm 2026") {
		t.Error("the original header description was not kept once")
	}
	if n := strings.Count(s, "# TODO: nhập số tiền năm 2027 (năm 2026: 0)"); n != 11 {
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
