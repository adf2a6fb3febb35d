package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/internal/extract/para"
	"kehoach/internal/plan"
	"kehoach/internal/testkit"
)

// textParas is a tiny test-only splitter, one paragraph per non-blank
// line, standing in for a text reader: the importer joins the lines a
// hard-wrapped file split (reflow).
func textParas(s string) []para.Para {
	var ps []para.Para
	for i, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		ps = append(ps, para.Para{Runs: []para.Run{{Text: l}}, Line: i + 1})
	}
	return ps
}

// load reads an imported draft as kehoach would (its commune file beside it).
func load(t *testing.T, r *Result) *plan.Plan {
	t.Helper()
	res, err := plan.LoadBytes(r.PlanName, r.Plan, func(p string) ([]byte, error) {
		if filepath.Base(p) == r.CommuneName && r.Commune != nil {
			return r.Commune, nil
		}
		return nil, os.ErrNotExist
	})
	if err != nil {
		t.Fatalf("load draft: %v\n%s", err, r.Plan)
	}
	if res.Plan == nil {
		t.Fatalf("draft does not load: %v\n%s", res.Errors, r.Plan)
	}
	return res.Plan
}

func seed(t testing.TB) []byte {
	t.Helper()
	s := testkit.SharedDir()
	if s == "" {
		testkit.Missing(t, "BỎ QUA: không có thư mục shared/ cạnh kho mã (văn bản mẫu)")
	}
	b, err := os.ReadFile(filepath.Join(s, "seed", "ke-hoach-ntm-2025-muong-khoa.txt"))
	if err != nil {
		testkit.Missing(t, "BỎ QUA: %v", err)
	}
	return b
}

// The 2025 seed, read line by line, gives the plan's structure, each
// figure as written, and exactly one figure that disagrees with its parts.
func TestSeedStructure(t *testing.T) {
	r, err := Convert(textParas(string(seed(t))), Options{Source: "seed.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Mismatches) != 1 || r.Mismatches[0].Text != "Vốn lồng ghép: 2.256 ≠ 602 + 1.954" {
		t.Errorf("mismatches = %+v, want exactly Vốn lồng ghép: 2.256 ≠ 602 + 1.954", r.Mismatches)
	}
	if r.Ma != "muong-khoa" || r.PlanName != "2025.yaml" || r.Commune == nil {
		t.Errorf("ma %q, plan %q, commune file %v", r.Ma, r.PlanName, r.Commune != nil)
	}
	p := load(t, r)
	if p.Nam != 2025 || p.VanBan.So != 0 || !p.VanBan.Ngay.IsZero() {
		t.Errorf("nam %d, số %d, ngày %v: want a 2025 draft", p.Nam, p.VanBan.So, p.VanBan.Ngay)
	}
	var sos []string
	for _, c := range p.CanCu {
		sos = append(sos, c.Loai+" "+c.So+" "+c.Ngay.Format("2006-01-02")+" "+c.CoQuan)
	}
	if got, want := strings.Join(sos, "; "), "Quyết định 263/QĐ-TTg 2022-02-22 Thủ tướng Chính phủ; Quyết định 1487/QĐ-UBND 2024-10-22 UBND tỉnh Lai Châu; Quyết định 37-QĐ/ĐU 2025-07-29 Đảng ủy xã Mường Khoa"; got != want {
		t.Errorf("căn cứ:\n got %s\nwant %s", got, want)
	}
	var cts []string
	for _, c := range p.MucTieu.ChiTieu {
		cts = append(cts, string(c.SoSanh)+c.GiaTri.String()+" "+c.DonVi)
	}
	if got, want := strings.Join(cts, "; "), "≥54 triệu đồng/năm; ≤11 %; ≥60 % dân số; 100 %"; got != want {
		t.Errorf("chỉ tiêu: got %s, want %s", got, want)
	}
	if p.CountMet() != 12 || p.CountPlanned() != 1 || p.Status(17) != plan.StatusPlanned || p.CountCriteria() != 19 {
		t.Errorf("criteria: met %d planned %d (17: %s) of %d, want 12, 1 (17), 19", p.CountMet(), p.CountPlanned(), p.Status(17), p.CountCriteria())
	}
	if n := len(p.NhiemVu.Nhom); n != 11 {
		t.Errorf("%d task groups, want 11", n)
	}
	g3 := p.NhiemVu.Nhom[2].NoiDung
	if len(g3) != 3 || len(g3[0].YNho) != 3 || !strings.HasPrefix(g3[0].YNho[0], "Duy trì, nâng cao hiệu quả vùng chè") {
		t.Errorf("group 3: %+v, want 3 items, the first with 3 “+” sub-items", g3)
	}
	if got := strings.Join(p.NhiemVu.Bieu, ","); got != "01" {
		t.Errorf("part II annexes %q, want 01", got)
	}
	var src []string
	p.EachSource(func(n *plan.Nguon, depth int) {
		src = append(src, strings.Repeat("  ", depth)+n.Ten+" "+n.Sum.String())
	})
	want := "Vốn Ngân sách Trung ương 1.304|  Vốn đầu tư 504|  Vốn sự nghiệp 800|Ngân sách xã 40|Vốn lồng ghép 2.556|  Vốn CT MTQG giảm nghèo bền vững 602|  Vốn Chương trình MTQG phát triển KT-XH vùng đồng bào dân tộc thiểu số và miền núi 1.954"
	if got := strings.Join(src, "|"); got != want {
		t.Errorf("sources:\n got %s\nwant %s", got, want)
	}
	if p.Total().String() != "3.900" || strings.Join(p.NguonLuc.Bieu, ",") != "02,03,04" {
		t.Errorf("total %s, annexes %v", p.Total(), p.NguonLuc.Bieu)
	}
	if len(p.GiaiPhap) != 7 || len(p.ToChuc) != 6 || p.ToChuc[3].DonVi != "Văn phòng HĐND và UBND xã, Ban Chỉ huy Quân sự, Công an xã, Trạm y tế xã" {
		t.Errorf("%d giải pháp, %d units (4th %q)", len(p.GiaiPhap), len(p.ToChuc), p.ToChuc[3].DonVi)
	}
	var nn []string
	for _, n := range p.NoiNhan.Nhan {
		nn = append(nn, n.Ten+"("+n.GhiChu+")")
	}
	if got := strings.Join(nn, ";") + " Lưu " + strings.Join(p.NoiNhan.Luu, ","); got != "Sở Nông nghiệp và Môi trường(b/c);TT. Đảng ủy xã(b/c);TT. HĐND xã();Chủ tịch, các PCT UBND xã();Các cơ quan, đơn vị, đoàn thể xã();Trưởng các bản() Lưu VT,KT" {
		t.Errorf("nơi nhận: %s", got)
	}
	if k := p.Ky; !k.ThayMat || k.QuyenHan != "KT" || k.ThuTruong != "Chủ tịch" || k.ChucVu != "Phó Chủ tịch" {
		t.Errorf("ky = %+v", k)
	}
	// Every TODO the report lists is a comment at that line of the file.
	lines := strings.Split(string(r.Plan), "\n")
	for _, td := range r.Todos {
		f := lines
		if td.File == r.CommuneName {
			f = strings.Split(string(r.Commune), "\n")
		}
		if td.Line < 1 || td.Line > len(f) || !strings.HasPrefix(strings.TrimSpace(f[td.Line-1]), "# TODO: kiểm tra") {
			t.Errorf("TODO %s:%d is not a TODO comment line there (deleting it must leave the YAML whole)", td.File, td.Line)
		}
	}
	if len(r.Todos) == 0 {
		t.Error("no TODO: the seed's criteria, signer's name and the 2.256 total are uncertain")
	}
}

// The same source gives the same bytes.
func TestDeterministic(t *testing.T) {
	src := string(seed(t))
	a, err := Convert(textParas(src), Options{Source: "seed.txt"})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		b, _ := Convert(textParas(src), Options{Source: "seed.txt"})
		if string(a.Plan) != string(b.Plan) || string(a.Commune) != string(b.Commune) {
			t.Fatal("two imports of the seed differ")
		}
	}
}

// BenchmarkConvertSeed imports the seed's 327 lines (reflow, parse, the
// text rules, canonical form).
func BenchmarkConvertSeed(b *testing.B) {
	src := string(seed(b))
	ps := textParas(src)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Convert(ps, Options{Source: "seed.txt"}); err != nil {
			b.Fatal(err)
		}
	}
}
