package compose

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"kehoach/internal/annex"
	"kehoach/internal/doc"
	"kehoach/internal/fonts"
	"kehoach/internal/layout"
	"kehoach/internal/plan"
	"kehoach/internal/plan/plantest"
	"kehoach/internal/render/docx"
	"kehoach/internal/render/pdf"
	"kehoach/internal/render/text"
	"kehoach/internal/sheet"
	"kehoach/internal/testkit"
	"kehoach/internal/vn"
)

func load2025(t *testing.T) *plan.Result {
	t.Helper()
	res, err := plan.Load("../../plans/muong-khoa/2025.yaml")
	if err != nil || !res.OK() {
		t.Fatalf("load: %v %v", err, res.Errors)
	}
	return res
}

func tableText(tb *doc.Table) string {
	d := &doc.Document{Sections: []doc.Section{{Blocks: []doc.Block{tb}}}}
	return text.Render(d)
}

// Each referred-to annex is a landscape section numbered from 1: the ND30
// heading in the profile's annex styles, then a bordered table whose header
// rows repeat.
func TestAnnexSections(t *testing.T) {
	res := load2025(t)
	prof := plantest.Profile(t, res)
	secs := fittedSections(t, res.Plan, prof)
	sheets, err := annex.Sheets(res.Plan)
	if err != nil {
		t.Fatal(err)
	}
	if len(secs) != 4 {
		t.Fatalf("%d annex sections, want 4", len(secs))
	}
	for i, s := range secs {
		sh := sheets[i]
		if s.Page != prof.Landscape || !s.Page.Landscape {
			t.Errorf("biểu %s: page %+v, want the profile's landscape page", sh.Number, s.Page)
		}
		if w, h := s.Page.Size(); w != 297 || h != 210 {
			t.Errorf("biểu %s: page %v×%v mm", sh.Number, w, h)
		}
		if s.PageNumbers != (doc.PageNumbering{Show: true, Start: 1}) {
			t.Errorf("biểu %s: numbering %+v, want shown from 1 (not on its first page)", sh.Number, s.PageNumbers)
		}
		var styles []string
		var tb *doc.Table
		for _, b := range s.Blocks {
			switch x := b.(type) {
			case *doc.Paragraph:
				styles = append(styles, string(x.Style)+"="+doc.PlainText(x.Runs))
			case *doc.Rule:
				styles = append(styles, "Rule")
			case *doc.Table:
				tb = x
			}
		}
		want := []string{"AnnexNumber=Biểu số " + sh.Number, "AnnexTitle=" + sh.Title, "AnnexRef=" + sh.Ref, "Rule"}
		if sh.Unit != "" {
			want = append(want, "Unit="+sh.Unit)
		}
		if strings.Join(styles, "\n") != strings.Join(want, "\n") {
			t.Errorf("biểu %s heading:\n%s\nwant\n%s", sh.Number, strings.Join(styles, "\n"), strings.Join(want, "\n"))
		}
		if tb == nil {
			t.Fatalf("biểu %s: no table", sh.Number)
		}
		if !tb.Borders || tb.HeaderRows != sh.HeaderRows() || len(tb.Rows) != sh.HeaderRows()+len(sh.Rows) {
			t.Errorf("biểu %s: borders %v, header rows %d, rows %d", sh.Number, tb.Borders, tb.HeaderRows, len(tb.Rows))
		}
		sum := 0.0
		for _, w := range tb.Columns {
			sum += w
		}
		if d := sum - prof.Landscape.TextWidth(); d > 1e-9 || d < -1e-9 {
			t.Errorf("biểu %s: table %.2f mm wide, text width %.2f", sh.Number, sum, prof.Landscape.TextWidth())
		}
		for r := 0; r < tb.HeaderRows; r++ {
			for _, c := range tb.Rows[r].Cells {
				if !c.Merged && !c.Shade {
					t.Errorf("biểu %s: header cell not shaded", sh.Number)
				}
			}
		}
	}
	// Numbers the Vietnamese way, bold totals.
	tests := []struct {
		sec  int
		line string
	}{
		{1, "TỔNG SỐ | 3.900 | 504 | 800 |"},
		{1, "I | Vốn Ngân sách Trung ương | 1.304 | 504 | 800 |"},
		{1, "III | Vốn lồng ghép | 2.556 | | |"},
		{2, "TỔNG SỐ | | | | | | 504 | 504 | | 1 | Bê tông hóa"},
		{3, "TỔNG SỐ | | 800 | | |"},
		{0, "Tổng số tiêu chí đạt | | | | 12/19 | | 13/19 | | |"},
		{0, "10 | Thu nhập bình quân đầu người khu vực nông thôn | triệu đồng/người/năm | | | | ≥ 54 |"},
	}
	for _, tc := range tests {
		var tb *doc.Table
		for _, b := range secs[tc.sec].Blocks {
			if x, ok := b.(*doc.Table); ok {
				tb = x
			}
		}
		if got := testkit.Words(tableText(tb)); !strings.Contains(got, testkit.Words(tc.line)) {
			t.Errorf("section %d lacks %q:\n%s", tc.sec, tc.line, got)
		}
	}
	// Biểu 01's group rows: TT, then the name across the other ten columns.
	for _, b := range secs[0].Blocks {
		if tb, ok := b.(*doc.Table); ok {
			groups := 0
			for _, r := range tb.Rows[tb.HeaderRows:] {
				if len(r.Cells) == 2 {
					groups++
					if r.Cells[1].ColSpan != 10 {
						t.Errorf("group row %q spans %d columns, want 10", doc.PlainText(r.Cells[1].Paragraphs[0].Runs), r.Cells[1].ColSpan)
					}
				} else if len(r.Cells) != 11 {
					t.Errorf("Biểu 01 row with %d cells", len(r.Cells))
				}
			}
			if groups != 5 {
				t.Errorf("%d group rows spanning the row, want 5", groups)
			}
		}
	}
	for _, b := range secs[1].Blocks {
		if tb, ok := b.(*doc.Table); ok {
			total := tb.Rows[tb.HeaderRows]
			for _, c := range total.Cells {
				if !c.Shade {
					t.Error("Biểu 02 TỔNG SỐ cell not shaded")
				}
				for _, p := range c.Paragraphs {
					for _, r := range p.Runs {
						if !r.Bold {
							t.Errorf("Biểu 02 TỔNG SỐ run %q not bold", r.Text)
						}
					}
				}
			}
			if got := total.Cells[2].Paragraphs[0].Align; got != doc.AlignRight {
				t.Errorf("amounts aligned %v, want right", got)
			}
		}
	}
}

// Only the annexes the text refers to are attached.
func TestAnnexSectionsReferenced(t *testing.T) {
	tests := []struct {
		nhiemVu, nguonLuc []string
		want              string
	}{
		{[]string{"01"}, []string{"02", "03", "04"}, "01 02 03 04"},
		{nil, []string{"02"}, "02"},
		{[]string{"01"}, nil, "01"},
		{nil, nil, ""},
	}
	for _, tc := range tests {
		res := load2025(t)
		res.Plan.NhiemVu.Bieu, res.Plan.NguonLuc.Bieu = tc.nhiemVu, tc.nguonLuc
		var got []string
		for _, s := range fittedSections(t, res.Plan, plantest.Profile(t, res)) {
			p := s.Blocks[0].(*doc.Paragraph)
			got = append(got, strings.TrimPrefix(doc.PlainText(p.Runs), "Biểu số "))
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("refs %v %v: annexes %v, want %s", tc.nhiemVu, tc.nguonLuc, got, tc.want)
		}
	}
}

// The composed document: the annexes follow the signature block; the text
// rendering holds them; the figures of the text and the annexes are the same
// plan values and move together.
func TestComposeWithAnnexes(t *testing.T) {
	res := load2025(t)
	d, err := Compose(res.Plan, plantest.Profile(t, res), layout.Bundled())
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Sections) != 5 || d.Sections[0].Page.Landscape {
		t.Fatalf("%d sections, want the portrait main section then 4 annexes", len(d.Sections))
	}
	all := text.Render(d)
	parts := strings.Split(all, "\f\n")
	if len(parts) != 5 {
		t.Fatalf("text has %d parts", len(parts))
	}
	if !strings.Contains(parts[0], "./.") || strings.Contains(parts[0], "Biểu số 01\n") {
		t.Error("the main section should end with the signature block and hold no annex")
	}
	for i, want := range []string{"Biểu số 01\nKẾ HOẠCH THỰC HIỆN CÁC TIÊU CHÍ", "Biểu số 02\nTỔNG HỢP NGUỒN LỰC", "Biểu số 03\nDANH MỤC CÔNG TRÌNH", "Biểu số 04\nPHÂN BỔ VỐN SỰ NGHIỆP"} {
		if !strings.HasPrefix(parts[i+1], want) {
			t.Errorf("annex part %d starts %.60q, want %q", i+1, parts[i+1], want)
		}
	}
	// The same figures in the text and in the annexes.
	main := testkit.Words(parts[0])
	for _, f := range []struct{ text, annex string }{
		{"năm 2025: 3.900 triệu đồng", "TỔNG SỐ | 3.900 |"},
		{"Vốn Ngân sách Trung ương: 1.304 triệu đồng (trong đó: vốn đầu tư 504 triệu đồng; vốn sự nghiệp 800 triệu đồng)", "Vốn Ngân sách Trung ương | 1.304 | 504 | 800"},
		{"Vốn lồng ghép: 2.556 triệu đồng", "Vốn lồng ghép | 2.556"},
		{"12/19 tiêu chí đã đạt", "| 12/19 |"},
		{"lên 13/19 vào cuối năm 2025", "| 13/19 |"},
	} {
		if !strings.Contains(main, f.text) {
			t.Errorf("text lacks %q", f.text)
		}
		if !strings.Contains(testkit.Words(all), testkit.Words(f.annex)) {
			t.Errorf("annexes lack %q", f.annex)
		}
	}
}

// A changed amount moves the text and the annexes together.
func TestFiguresMoveTogether(t *testing.T) {
	src, err := os.ReadFile("../../plans/muong-khoa/2025.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	xa, _ := os.ReadFile("../../plans/muong-khoa/xa.yaml")
	// Vốn đầu tư 504 → 604, and the one work that spends it.
	s := strings.Replace(string(src), "so_tien: 504\n", "so_tien: 604\n", 1)
	s = strings.Replace(s, "{nguon: nstw-dau-tu, so_tien: 504}", "{nguon: nstw-dau-tu, so_tien: 604}", 1)
	s = strings.Replace(s, "tong: 1304", "tong: 1404", 1)
	s = strings.Replace(s, "tong: 3900", "tong: 4000", 1)
	if err := os.WriteFile(filepath.Join(dir, "2025.yaml"), []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "xa.yaml"), xa, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := plan.Load(filepath.Join(dir, "2025.yaml"))
	if err != nil || !res.OK() {
		t.Fatalf("load: %v %v", err, res.Errors)
	}
	d, err := Compose(res.Plan, plantest.Profile(t, res), layout.Bundled())
	if err != nil {
		t.Fatal(err)
	}
	all := testkit.Words(text.Render(d))
	for _, want := range []string{
		"năm 2025: 4.000 triệu đồng",
		"Vốn Ngân sách Trung ương: 1.404 triệu đồng (trong đó: vốn đầu tư 604 triệu đồng",
		"TỔNG SỐ | 4.000 | 604 | 800 |",
		"I | Vốn Ngân sách Trung ương | 1.404 | 604 | 800 |",
		"TỔNG SỐ | | | | | | 604 | 604 |",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("document lacks %q", want)
		}
	}
}

// The PDF: the annex pages are landscape A4, numbered from 1 per annex
// (from their second page), and carry the tables' text.
func TestAnnexPDF(t *testing.T) {
	res := load2025(t)
	d, err := Compose(res.Plan, plantest.Profile(t, res), layout.Bundled())
	if err != nil {
		t.Fatal(err)
	}
	font := fonts.Bundled()
	pages, err := layout.Layout(d, plantest.Profile(t, res), font)
	if err != nil {
		t.Fatal(err)
	}
	perSection := map[int][]layout.Page{}
	for _, pg := range pages {
		perSection[pg.Section] = append(perSection[pg.Section], pg)
		wantW, wantH := 210.0, 297.0
		if pg.Section > 0 {
			wantW, wantH = 297, 210
		}
		if pg.Width != wantW || pg.Height != wantH {
			t.Errorf("page of section %d: %v×%v mm, want %v×%v", pg.Section, pg.Width, pg.Height, wantW, wantH)
		}
	}
	for sec := 1; sec <= 4; sec++ {
		pgs := perSection[sec]
		if len(pgs) == 0 {
			t.Fatalf("section %d has no page", sec)
		}
		for k, pg := range pgs {
			want := k + 1
			if k == 0 {
				want = 0
			}
			if pg.Number != want {
				t.Errorf("annex %d page %d numbered %d, want %d", sec, k+1, pg.Number, want)
			}
		}
	}
	if n := len(perSection[1]); n < 2 {
		t.Errorf("Biểu 01 takes %d page(s); expected to run over (header repetition untested)", n)
	}
	// The group names span the row: each on one line.
	lines := map[string]bool{}
	for _, pg := range perSection[1] {
		for _, ln := range layout.TextLines(pg) {
			lines[strings.ReplaceAll(ln.Text, "\u00a0", " ")] = true
		}
	}
	for _, g := range []string{"HẠ TẦNG KINH TẾ - XÃ HỘI", "KINH TẾ VÀ TỔ CHỨC SẢN XUẤT", "VĂN HÓA - XÃ HỘI - MÔI TRƯỜNG", "HỆ THỐNG CHÍNH TRỊ"} {
		if !lines[g] {
			t.Errorf("Biểu 01: group %q is not one line", g)
		}
	}
	var b bytes.Buffer
	if err := pdf.WritePages(&b, d.Meta, pages, font); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "kh.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	testkit.AnnexPDFPages(t, path, len(perSection[0]), len(pages)-len(perSection[0]))
	// The header of Biểu 01 repeats on its second page.
	first := len(perSection[0]) + 1
	p2 := testkit.Words(testkit.PDFText(t, path, "-f", fmt.Sprint(first+1), "-l", fmt.Sprint(first+1)))
	for _, w := range []string{"TT", "Tiêu chí, chỉ tiêu", "Đánh giá dự kiến", "Phối hợp", "Ghi chú"} {
		if !strings.Contains(p2, w) {
			t.Errorf("Biểu 01 page 2 lacks header text %q: %.300s", w, p2)
		}
	}
}

// The DOCX: one landscape section per annex restarting its page numbers at
// 1, repeated header rows; every part valid (LibreOffice's layout of it is
// checked in internal/integration).
func TestAnnexDOCX(t *testing.T) {
	res := load2025(t)
	d, err := Compose(res.Plan, plantest.Profile(t, res), layout.Bundled())
	if err != nil {
		t.Fatal(err)
	}
	parts, err := docx.Parts(d, plantest.Profile(t, res))
	if err != nil {
		t.Fatal(err)
	}
	body := string(parts["word/document.xml"])
	sects := regexp.MustCompile(`<w:sectPr>.*?</w:sectPr>`).FindAllString(body, -1)
	if len(sects) != 5 {
		t.Fatalf("%d sections, want 5", len(sects))
	}
	for i, s := range sects {
		land := strings.Contains(s, `<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>`)
		if land != (i > 0) {
			t.Errorf("section %d landscape = %v: %s", i+1, land, s)
		}
		if !strings.Contains(s, `<w:pgNumType w:start="1"/>`) || !strings.Contains(s, "<w:titlePg/>") {
			t.Errorf("section %d does not restart at page 1 without a number on its first page: %s", i+1, s)
		}
	}
	if n := strings.Count(body, "<w:tblHeader/>"); n != 2+2+3+1 {
		t.Errorf("%d repeated header rows, want 8 (2+2+3+1)", n)
	}
	// Biểu 01's five group rows span their name over ten grid columns.
	if n := strings.Count(body, `<w:gridSpan w:val="10"/>`); n != 5 {
		t.Errorf("%d cells spanning 10 columns, want Biểu 01's 5 group rows", n)
	}
	testkit.ValidateParts(t, parts, nil)
	// LibreOffice lays the annexes out on landscape pages: TestLibreOffice/compose/TestAnnexDOCX in internal/integration.
}

// wholeTokens lays out an annex section and returns what is wrong with its
// table lines (the 11 pt text): a token of the sheet (a word or an amount
// as printed, a header word) not whole on any line, or a line word that is
// no token of the sheet (a fragment of one).
func wholeTokens(t *testing.T, s *sheet.Sheet, prof *doc.Profile) []string {
	t.Helper()
	font := fonts.Bundled()
	d := &doc.Document{Sections: []doc.Section{annexSection(s, prof, layout.Bundled(), "")}}
	pages, err := layout.Layout(d, prof, font)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	add := func(text string) {
		for _, w := range strings.Split(vn.Bind(text), " ") {
			if w != "" {
				want[w] = true
			}
		}
	}
	for _, row := range s.Header() {
		for _, hc := range row {
			add(hc.Text)
		}
	}
	for _, r := range s.Rows {
		for _, c := range r.Cells {
			add(c.String())
		}
	}
	seen := map[string]bool{}
	var bad []string
	for _, pg := range pages {
		for _, ln := range layout.TextLines(pg) {
			if ln.Items[0].Size != prof.Style(doc.StyleTableCell).Size {
				continue
			}
			for _, w := range strings.Split(ln.Text, " ") {
				if w == "" {
					continue
				}
				seen[w] = true
				if !want[w] {
					bad = append(bad, fmt.Sprintf("line %q: %q is a piece of a word", ln.Text, w))
				}
			}
		}
		for _, p := range layout.Check([]layout.Page{pg}) {
			if p.Code == layout.ProblemCutWord {
				bad = append(bad, p.Message())
			}
		}
	}
	for w := range want {
		if !seen[w] {
			bad = append(bad, fmt.Sprintf("%q is on no line whole", w))
		}
	}
	sort.Strings(bad)
	return bad
}

// The Biểu 03 of a plan whose work draws on six sources, laid out on the
// landscape page: every number and word of its cells and headers is whole
// on one line (no "1.25" / "0", no "Ngâ" / "n"), and the fit reports no
// problem. The same table with its widest amount column 4 mm narrower
// (the room given to the name column) cuts that amount: the check sees it.
func TestSixSourcesLayout(t *testing.T) {
	res := plantest.SixSources(t)
	sheets, probs, err := Annexes(res.Plan, plantest.Profile(t, res), layout.Bundled())
	if err != nil || len(probs) > 0 {
		t.Fatalf("annexes: %v %v", err, probs)
	}
	s := sheets[2]
	var amounts []string
	for c, col := range s.Columns {
		if col.Numeric && len(col.Head) == 3 {
			amounts = append(amounts, col.Title()+"="+s.Rows[1].Cells[c].String())
		}
	}
	if got := strings.Join(amounts, " "); got != "Vốn Ngân sách Trung ương=100.000 Ngân sách tỉnh=12.345,5 Ngân sách huyện=1.890,5 Ngân sách xã=0,5 Vốn lồng ghép=1.250 Vốn huy động Nhân dân đóng góp=640" {
		t.Fatalf("Biểu 03 source columns: %s", got)
	}
	for i := range sheets {
		if bad := wholeTokens(t, &sheets[i], plantest.Profile(t, res)); len(bad) > 0 {
			t.Errorf("Biểu %s of six sources:\n%s", sheets[i].Number, strings.Join(bad, "\n"))
		}
	}
	mk := load2025(t)
	mkSheets, _, err := Annexes(mk.Plan, plantest.Profile(t, mk), layout.Bundled())
	if err != nil {
		t.Fatal(err)
	}
	for i := range mkSheets {
		if bad := wholeTokens(t, &mkSheets[i], plantest.Profile(t, mk)); len(bad) > 0 {
			t.Errorf("Biểu %s of Mường Khoa:\n%s", mkSheets[i].Number, strings.Join(bad, "\n"))
		}
	}
	// Narrowed below its widest amount ("116.126,5" in the total column).
	narrow := s
	narrow.Columns = append([]sheet.Column(nil), s.Columns...)
	narrow.Columns[7].Width -= 4
	narrow.Columns[1].Width += 4
	bad := wholeTokens(t, &narrow, plantest.Profile(t, res))
	t.Logf("narrowed:\n%s", strings.Join(bad, "\n"))
	if len(bad) == 0 || !strings.Contains(strings.Join(bad, "\n"), "116.126,5") {
		t.Errorf("a total column 4 mm too narrow goes unnoticed: %q", bad)
	}
	if p := narrow.Check(AnnexMetrics(plantest.Profile(t, res), layout.Bundled())); len(p) != 1 || p[0].Column != 7 || p[0].Token != "116.126,5" {
		t.Errorf("annex.Check of the narrowed table: %+v", p)
	}
}

// fittedSections is annexSections of the plan's annexes as Annexes fits them.
func fittedSections(t *testing.T, p *plan.Plan, prof *doc.Profile) []doc.Section {
	t.Helper()
	sheets, _, err := Annexes(p, prof, layout.Bundled())
	if err != nil {
		t.Fatal(err)
	}
	return annexSections(p, prof, sheets, layout.Bundled(), "")
}
