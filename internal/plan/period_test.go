package plan

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The plan's period, criteria set, programme names and legal bases: what
// the plan writes, what the period gives by default, and every refusal.
func TestPeriodResolution(t *testing.T) {
	base := readTestdata(t, "minimal.yaml")
	typedBases := "can_cu:\n  - loai: Quyết định\n    so: 263/QĐ-TTg\n    ngay: 2022-02-22\n    co_quan: Thủ tướng Chính phủ\n    trich_yeu: phê duyệt Chương trình\n"
	names := "chuong_trinh:\n  ten: Chương trình mục tiêu quốc gia (MTQG) xây dựng nông thôn mới (NTM)\n  ten_ngan: Chương trình MTQG xây dựng NTM\n"
	for _, c := range []struct {
		name        string
		edits       [][2]string
		period, bo  string
		programme   string   // start of p.ChuongTrinh.Ten
		bases       []string // numbers of p.CanCu
		errs, warns []string // parts of the messages, in order
	}{
		{name: "typed names and bases stay", period: "2026-2030", bo: "qd51-2026-2030",
			programme: "Chương trình mục tiêu quốc gia (MTQG) xây dựng nông thôn mới (NTM)", bases: []string{"263/QĐ-TTg"}},
		{name: "defaults from the period", edits: [][2]string{{names, ""}, {typedBases, ""}, {"  bo: qd51-2026-2030\n", ""}},
			period: "2026-2030", bo: "qd51-2026-2030",
			programme: "Chương trình mục tiêu quốc gia (MTQG) xây dựng nông thôn mới (NTM), giảm nghèo bền vững",
			bases:     []string{"257/2025/QH15", "424/NQ-CP", "417/QĐ-BNNMT", "51/2025/QĐ-TTg"},
			warns:     []string{"templates/can-cu.yaml:", "424/NQ-CP: trích yếu chưa đối chiếu", "templates/can-cu.yaml:", "417/QĐ-BNNMT: trích yếu chưa đối chiếu"}},
		{name: "defaults then the commune's own bases",
			edits:  [][2]string{{typedBases, "can_cu_them:\n  - {loai: Quyết định, so: 12/QĐ-UBND, ngay: 2026-01-05, co_quan: UBND xã, trich_yeu: kiện toàn Ban Chỉ đạo}\n"}},
			period: "2026-2030", bo: "qd51-2026-2030", programme: "Chương trình mục tiêu quốc gia (MTQG) xây dựng nông thôn mới (NTM)",
			bases: []string{"257/2025/QH15", "424/NQ-CP", "417/QĐ-BNNMT", "51/2025/QĐ-TTg", "12/QĐ-UBND"},
			warns: []string{"424/NQ-CP", "417/QĐ-BNNMT"}},
		{name: "a base by its registry id", edits: [][2]string{{typedBases, "can_cu:\n  - ma: qd51-2025\n  - {loai: Kế hoạch, so: 3/KH-UBND, trich_yeu: thực hiện Chương trình}\n"}},
			period: "2026-2030", bo: "qd51-2026-2030", programme: "Chương trình mục tiêu quốc gia (MTQG)",
			bases: []string{"51/2025/QĐ-TTg", "3/KH-UBND"}},
		{name: "unknown registry id", edits: [][2]string{{typedBases, "can_cu:\n  - ma: qd51-2026\n"}},
			errs: []string{"testdata/p.yaml:11:9: không có văn bản “qd51-2026”; có phải ý bạn là “qd51-2025”?"}},
		{name: "registry id with its fields retyped", edits: [][2]string{{typedBases, "can_cu:\n  - {ma: qd51-2025, so: 51/QĐ-TTg}\n"}},
			errs: []string{"thì không ghi thêm loai, so"}},
		{name: "a typed base without its type", edits: [][2]string{{"  - loai: Quyết định\n    so: 263", "  - so: 263"}},
			errs: []string{"testdata/p.yaml:11:5: căn cứ thiếu tên loại văn bản (loai)"}},
		{name: "can_cu_them beside can_cu", edits: [][2]string{{"muc_tieu:", "can_cu_them:\n  - {loai: Kế hoạch, trich_yeu: t}\nmuc_tieu:"}},
			errs: []string{"can_cu_them chỉ dùng khi không ghi can_cu"}},
		{name: "only one of the two names", edits: [][2]string{{"  ten_ngan: Chương trình MTQG xây dựng NTM\n", ""}},
			errs: []string{"hãy ghi cả ten và ten_ngan"}},
		{name: "period named", edits: [][2]string{{"nam: 2026\n", "nam: 2026\ngiai_doan: 2026-2030\n"}},
			period: "2026-2030", bo: "qd51-2026-2030", programme: "Chương trình mục tiêu quốc gia (MTQG) xây dựng nông thôn mới (NTM)", bases: []string{"263/QĐ-TTg"}},
		{name: "period that does not cover the year", edits: [][2]string{{"nam: 2026\n", "nam: 2026\ngiai_doan: 2021-2025\n"}},
			errs: []string{"testdata/p.yaml:3:12: năm kế hoạch 2026 không thuộc giai đoạn 2021-2025"}},
		{name: "unknown period", edits: [][2]string{{"nam: 2026\n", "nam: 2026\ngiai_doan: 2026-2035\n"}},
			errs: []string{"không có giai đoạn “2026-2035”; có phải ý bạn là “2026-2030”?"}},
		{name: "year no period covers", edits: [][2]string{{"nam: 2026\n", "nam: 2019\n"}, {"ngay: 2025-08-05", "ngay: 2019-08-05"}},
			errs: []string{"testdata/p.yaml:2:6: chưa có giai đoạn nào của Chương trình chứa năm 2019"}},
		{name: "set of another period", edits: [][2]string{{"nam: 2026\n", "nam: 2025\n"}},
			errs: []string{"bộ tiêu chí qd51-2026-2030 áp dụng cho giai đoạn 2026 - 2030, không cho năm 2025; hãy dùng bộ qd318-2021-2025"}},
		{name: "unknown provincial set", edits: [][2]string{{"  bo: qd51-2026-2030\n", "  bo: qd51-2026-2030\n  bo_tinh: lai-chau-qd1487\n"}},
			errs: []string{"không có bộ tiêu chí của tỉnh “lai-chau-qd1487”; có phải ý bạn là “lai-chau-qd1487-2024”?"}},
		{name: "provincial set of the other period", edits: [][2]string{{"  bo: qd51-2026-2030\n", "  bo: qd51-2026-2030\n  bo_tinh: lai-chau-qd1487-2024\n"}},
			errs: []string{"áp dụng bộ quốc gia qd318-2021-2025, còn kế hoạch dùng bộ qd51-2026-2030"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := base
			for _, e := range c.edits {
				if !strings.Contains(p, e[0]) {
					t.Fatalf("fixture lacks %q", e[0])
				}
				p = strings.Replace(p, e[0], e[1], 1)
			}
			res := loadString(t, p, "")
			match(t, "error", res.Errors.Error(), c.errs)
			if len(c.errs) > 0 {
				return
			}
			var ws []string
			for _, w := range res.Warnings {
				ws = append(ws, w.Error())
			}
			match(t, "warning", strings.Join(ws, "\n"), c.warns)
			pl := res.Plan
			if pl.Period == nil || pl.Period.Ma != c.period || pl.Set == nil || pl.Set.Ma != c.bo {
				t.Fatalf("period %v, set %v; want %s, %s", pl.Period, pl.Set, c.period, c.bo)
			}
			if !strings.HasPrefix(pl.ChuongTrinh.Ten, c.programme) || pl.ChuongTrinh.TenNgan == "" {
				t.Errorf("programme = %q / %q; want %q…", pl.ChuongTrinh.Ten, pl.ChuongTrinh.TenNgan, c.programme)
			}
			var so []string
			for _, b := range pl.CanCu {
				so = append(so, b.So)
				if b.Loai == "" || b.TrichYeu == "" {
					t.Errorf("base %+v lacks its type or summary", b)
				}
			}
			if strings.Join(so, " ") != strings.Join(c.bases, " ") {
				t.Errorf("bases = %v; want %v", so, c.bases)
			}
		})
	}
}

// match checks that the parts occur in got, in order; no parts means got
// must be empty.
func match(t *testing.T, what, got string, parts []string) {
	t.Helper()
	if len(parts) == 0 {
		if got != "" {
			t.Errorf("unexpected %s:\n%s", what, got)
		}
		return
	}
	rest := got
	for _, p := range parts {
		i := strings.Index(rest, p)
		if i < 0 {
			t.Errorf("%s lacks %q (in order):\n%s", what, p, got)
			return
		}
		rest = rest[i+len(p):]
	}
}

// A provincial set named by a path beside the plan overrides the national
// threshold in Biểu 01 and is cited after the national bases.
func TestProvincialSetByPath(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("xa.yaml", strings.Replace(readTestdata(t, "xa.yaml"), "nhom_xa: 3", "vung: dbscl", 1))
	write("bo-tieu-chi-tinh.yaml", `ma: tinh-thu
tinh: Lai Châu
bo: qd318-2021-2025
van_ban: {loai: Quyết định, so: 9/QĐ-UBND, ngay: 2024-05-06, co_quan: UBND tỉnh Lai Châu, trich_yeu: ban hành Bộ tiêu chí xã nông thôn mới, nguon: [SEED], da_doi_chieu: true}
chi_tieu:
  - ma: "15.3"
    nguong: [{ap_dung: chung, gia_tri: "18.5", nguon: SEED, da_doi_chieu: true}]
`)
	p := readTestdata(t, "minimal.yaml")
	for _, e := range [][2]string{
		{"nam: 2026", "nam: 2025"},
		{"  bo: qd51-2026-2030\n", "  bo_tinh: bo-tieu-chi-tinh.yaml\n"},
		{"can_cu:\n  - loai: Quyết định\n    so: 263/QĐ-TTg\n    ngay: 2022-02-22\n    co_quan: Thủ tướng Chính phủ\n    trich_yeu: phê duyệt Chương trình\n", ""},
		{"    - {so: 1, hien_trang: dat, chu_tri: kinh-te}\n", "    - so: 1\n      hien_trang: dat\n      chu_tri: kinh-te\n"},
	} {
		if !strings.Contains(p, e[0]) {
			t.Fatalf("fixture lacks %q", e[0])
		}
		p = strings.Replace(p, e[0], e[1], 1)
	}
	// QĐ 318 has 19 criteria: list them all, 15 with the stunting row.
	var dg strings.Builder
	dg.WriteString("  danh_gia:\n")
	for so := 1; so <= 19; so++ {
		st := "dat"
		if so == 19 {
			st = "phan_dau"
		}
		dg.WriteString("    - {so: " + strconv.Itoa(so) + ", hien_trang: " + st + "}\n")
		if so == 15 {
			dg.WriteString("    # stunting\n")
		}
	}
	i := strings.Index(p, "  danh_gia:\n")
	j := strings.Index(p, "nhiem_vu:")
	p = p[:i] + strings.Replace(dg.String(), "    - {so: 15, hien_trang: dat}\n", "    - so: 15\n      hien_trang: dat\n      chi_tieu: [{ma: \"15.3\", ke_hoach: \"< 18\"}]\n", 1) + p[j:]
	if err := os.WriteFile(filepath.Join(dir, "2025.yaml"), []byte(p), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Load(filepath.Join(dir, "2025.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK() {
		t.Fatalf("errors: %v", res.Errors)
	}
	pl := res.Plan
	var so []string
	for _, b := range pl.CanCu {
		so = append(so, b.So)
	}
	if got := strings.Join(so, " "); got != "263/QĐ-TTg 318/QĐ-TTg 9/QĐ-UBND" {
		t.Errorf("bases = %s; want the period's, the national set's, then the province's", got)
	}
	var row IndicatorRow
	for _, d := range pl.TieuChi.DanhGia {
		if d.So == 15 && len(d.Rows) == 1 {
			row = d.Rows[0]
		}
	}
	want := IndicatorRow{Ma: "15.3", Ten: "Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi (chiều cao theo tuổi)", DonVi: "%", QuyDinh: "≤ 18,5", KeHoach: "< 18"}
	if row != want {
		t.Errorf("row = %+v\nwant %+v", row, want)
	}
	if len(res.Warnings) != 0 {
		t.Errorf("warnings: %v", res.Warnings)
	}
}

// A 2026–2030 plan that names its sources as the previous period did is
// warned, by the period's own carry-over rules.
func TestPeriodVocabulary(t *testing.T) {
	p := readTestdata(t, "minimal.yaml")
	for _, e := range [][2]string{
		{"ten: Kinh phí thường xuyên,", "ten: Vốn sự nghiệp,"},
		{"{ma: ns-xa, ten: Ngân sách xã, so_tien: 100}", "{ma: ns-xa, ten: Ngân sách huyện, so_tien: 100}"},
	} {
		if !strings.Contains(p, e[0]) {
			t.Fatalf("fixture lacks %q", e[0])
		}
		p = strings.Replace(p, e[0], e[1], 1)
	}
	res := loadString(t, p, "")
	var ws []string
	for _, w := range res.Warnings {
		ws = append(ws, w.Error())
	}
	match(t, "warning", strings.Join(ws, "\n"), []string{
		"testdata/p.yaml:48:37: giai đoạn 2026-2030 gọi nguồn “Vốn sự nghiệp” là “Kinh phí thường xuyên”",
		"testdata/p.yaml:49:24: nguồn “Ngân sách huyện” không còn là một nguồn riêng trong giai đoạn 2026-2030: từ ngày 01/7/2025 không còn cấp huyện",
	})
}

// What check accepts, build builds (#15 F-17): an annex text too long for
// an XLSX cell and a commune id too long for a file name are refused by
// check, with their position.
func TestWriterLimits(t *testing.T) {
	long := strings.Repeat("dài ", 8200) // 32.799 characters once trimmed
	p := strings.Replace(readTestdata(t, "minimal.yaml"), "{so: 1, hien_trang: dat, chu_tri: kinh-te}", "{so: 1, hien_trang: dat, chu_tri: kinh-te, ghi_chu: "+long+"}", 1)
	res := loadString(t, p, "")
	match(t, "error", res.Errors.Error(), []string{"testdata/p.yaml:23:59: đoạn chữ dài 32799 ký tự, quá 32767 ký tự một ô của sổ tính biểu (XLSX)"})
	c := strings.Replace(readTestdata(t, "xa.yaml"), "ma: thu-nghiem", "ma: "+strings.Repeat("xa-", 30)+"x", 1)
	res = loadString(t, readTestdata(t, "minimal.yaml"), c)
	match(t, "error", res.Errors.Error(), []string{"testdata/xa.yaml:1:5: mã xã dài 91 ký tự (tối đa 64"})
}

// The issuing body is spelt in one place (#16): full, abbreviated, with
// the level a phường or a đặc khu has.
func TestAgency(t *testing.T) {
	for _, c := range []struct {
		cm          *Commune
		full, short string
	}{
		{&Commune{Ten: "Mường Khoa", CoQuan: CoQuan{Ten: "Ủy ban nhân dân", VietTat: "UBND"}}, "Ủy ban nhân dân xã Mường Khoa", "UBND xã Mường Khoa"},
		{&Commune{Ten: "Hương Lâm Đông", Cap: "phường", CoQuan: CoQuan{Ten: "Ủy ban nhân dân", VietTat: "UBND"}}, "Ủy ban nhân dân phường Hương Lâm Đông", "UBND phường Hương Lâm Đông"},
		{nil, "", ""},
	} {
		if got := c.cm.Agency(); got != c.full {
			t.Errorf("Agency = %q, want %q", got, c.full)
		}
		if got := c.cm.AgencyShort(); got != c.short {
			t.Errorf("AgencyShort = %q, want %q", got, c.short)
		}
	}
}
