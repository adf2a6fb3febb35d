package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"kehoach/internal/compose"
	"kehoach/internal/doc"
	"kehoach/internal/layout"
	"kehoach/internal/plan"
	"kehoach/internal/plan/plantest"
	"kehoach/internal/sheet"
	"kehoach/internal/style"
	"kehoach/internal/testkit"
	"kehoach/internal/vn"
)

var date = time.Date(2025, 8, 5, 0, 0, 0, 0, time.UTC)

func load(t *testing.T) *plan.Plan {
	t.Helper()
	res, err := plan.Load("../../../plans/muong-khoa/2025.yaml")
	if err != nil || !res.OK() {
		t.Fatalf("load: %v %v", err, res.Errors)
	}
	return res.Plan
}

// prof is the ND30 profile: the annexes are fitted to its landscape page
// and the workbook printed on it.
var prof = style.Default()

// fitted are the plan's annexes with their columns fitted to the page, as
// kehoach build writes them.
func fitted(t *testing.T, p *plan.Plan) []sheet.Sheet {
	t.Helper()
	sheets, probs, err := compose.Annexes(p, prof, layout.Bundled())
	if err != nil || len(probs) > 0 {
		t.Fatalf("annexes: %v %v", err, probs)
	}
	return sheets
}

func write(t *testing.T, sheets []sheet.Sheet) []byte {
	t.Helper()
	return writeWith(t, sheets, prof)
}

// writeWith writes the workbook in the styles and on the page of p.
func writeWith(t *testing.T, sheets []sheet.Sheet, p *doc.Profile) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, sheets, p, date); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func open(t *testing.T, b []byte) *book {
	t.Helper()
	return readBook(t, b)
}

func unzip(t *testing.T, b []byte) (map[string][]byte, []*zip.File) {
	return testkit.Unzip(t, b)
}

// The 2025 workbook read back (readBook): sheets, headings in merged
// cells, headers, every body value with its type and number format,
// formulas that compute their cached values, print setup, frozen panes.
func TestWorkbook2025(t *testing.T) {
	sheets := fitted(t, load(t))
	b := write(t, sheets)
	f := open(t, b)
	parts, _ := unzip(t, b)
	var list []string
	for _, s := range f.sheets {
		list = append(list, s.name)
	}
	if got := strings.Join(list, ","); got != "Bieu 01,Bieu 02,Bieu 03,Bieu 04" {
		t.Fatalf("sheets %s", got)
	}
	names := f.names
	for i := range sheets {
		s := &sheets[i]
		name := SheetName(s.Number)
		t.Run(name, func(t *testing.T) {
			ws := f.byName[name]
			nc, hr := len(s.Columns), s.HeaderRows()
			last := colName(nc)
			get := func(cell string) string { return ws.cell(cell).value }
			style := func(cell string) cellStyle { return ws.cell(cell).st }
			// Heading: one merged cell per line.
			merges := map[string]string{}
			for _, m := range ws.merges {
				from, _, _ := strings.Cut(m, ":")
				merges[m] = get(from)
			}
			heading := []struct {
				text         string
				size         float64
				bold, italic bool
				align        string
			}{
				{s.Heading, 14, true, false, "center"},
				{s.Title, 14, true, false, "center"},
				{s.Ref, 13, false, true, "center"},
				{s.Unit, 12, false, true, "right"},
			}
			for k, h := range heading {
				rng := fmt.Sprintf("A%d:%s%d", k+1, last, k+1)
				if v, ok := merges[rng]; !ok || v != h.text {
					t.Errorf("heading line %d: merge %s = %q (%v), want %q", k+1, rng, v, ok, h.text)
				}
				st := style(fmt.Sprintf("A%d", k+1))
				if st.font != "Times New Roman" || st.size != h.size || st.bold != h.bold || st.italic != h.italic || st.horizontal != h.align || !st.wrap {
					t.Errorf("heading line %d style: %+v", k+1, st)
				}
			}
			// Header rows, with their merges.
			for lv, row := range s.Header() {
				for _, hc := range row {
					if hc.Covered {
						continue
					}
					cell := cellName(hc.Col+1, headTop+lv)
					if got := get(cell); got != hc.Text {
						t.Errorf("header %s = %q, want %q", cell, got, hc.Text)
					}
					if hc.ColSpan > 1 || hc.RowSpan > 1 {
						rng := cell + ":" + cellName(hc.Col+hc.ColSpan, headTop+lv+hc.RowSpan-1)
						if _, ok := merges[rng]; !ok {
							t.Errorf("header %q: no merge %s", hc.Text, rng)
						}
					}
					if st := style(cell); !st.bold || st.borders != 4 || !st.wrap || st.horizontal != "center" || st.fill != "patternFill(patternType=solid) fgColor(rgb=FFD9D9D9)" {
						t.Errorf("header %s style %+v", cell, st)
					}
				}
			}
			// Body.
			first := headTop + hr
			spans := 0
			for r, row := range s.Rows {
				covered := 0 // cells left that a span to their left covers
				for c, cell := range row.Cells {
					ref := cellName(c+1, first+r)
					st := style(ref)
					if st.font != "Times New Roman" || st.size != 11 || st.bold != row.Bold || st.borders != 4 || !st.wrap || (st.fill != "") != row.Total {
						t.Errorf("%s style: %+v", ref, st)
					}
					if cell.Span > 1 {
						// A group row's name: merged to the last column.
						spans++
						rng := ref + ":" + cellName(c+cell.Span, first+r)
						if _, ok := merges[rng]; !ok || c+cell.Span != len(s.Columns) {
							t.Errorf("%s spans %d columns: no merge %s", ref, cell.Span, rng)
						}
						covered = cell.Span
					}
					if covered--; covered >= 0 && cell.Span <= 1 {
						continue // inside the merge
					}
					formula, typ := ws.cell(ref).formula, ws.cell(ref).typ
					switch cell.Kind {
					case sheet.Empty:
						if v := get(ref); v != "" || formula != "" {
							t.Errorf("%s = %q %q, want empty", ref, v, formula)
						}
					case sheet.Text:
						if v := get(ref); v != cell.Text || formula != "" || typ != "inlineStr" {
							t.Errorf("%s = %q (type %v, formula %q), want the string %q", ref, v, typ, formula, cell.Text)
						}
					case sheet.Number, sheet.Total:
						want := strconv.FormatFloat(cell.Value.Float(), 'f', -1, 64)
						if v := get(ref); v != want {
							t.Errorf("%s = %q, want %s", ref, v, want)
						}
						if st.numFmt != NumFmt(places(cell)) || typ != "" {
							t.Errorf("%s number format %v type %q, want %s, a number", ref, st.numFmt, typ, NumFmt(places(cell)))
						}
						if cell.Kind == sheet.Number && formula != "" {
							t.Errorf("%s: a number with formula %q", ref, formula)
						}
						if cell.Kind == sheet.Total {
							if formula != sumFormula(cell.Sum, first) || !strings.HasPrefix(formula, "SUM(") {
								t.Errorf("%s formula %q, want %q", ref, formula, sumFormula(cell.Sum, first))
							}
							// The formula computes the cached value.
							if calc := ws.sumOf(t, formula); calc != cell.Value.Float() {
								t.Errorf("%s: %s computes %v, cached %s", ref, formula, calc, want)
							}
							// The cached value is in the sheet XML, as a number.
							re := regexp.MustCompile(`<c r="` + ref + `" s="\d+"><f>` + regexp.QuoteMeta(formula) + `</f><v>` + regexp.QuoteMeta(want) + `</v></c>`)
							if !re.Match(parts[fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)]) {
								t.Errorf("%s: no <c><f>%s</f><v>%s</v></c> in the sheet XML", ref, formula, want)
							}
						}
					}
				}
				if h := ws.rowHeight(first + r); h < 11*lineFactor+padPt || boolNorm(ws.rows[first+r]["customHeight"]) != "1" {
					t.Errorf("row %d height %.2f %v", first+r, h, ws.rows[first+r])
				}
			}
			if want := map[string]int{"01": 5}[s.Number]; spans != want {
				t.Errorf("%d merged group rows, want %d", spans, want)
			}
			// Print titles, page setup, footer, frozen panes.
			if got, want := names[name+" _xlnm.Print_Titles"], fmt.Sprintf("'%s'!$%d:$%d", name, headTop, headTop+hr-1); got != want {
				t.Errorf("print titles %q, want %q", got, want)
			}
			if got, want := ws.setup.String(), "firstPageNumber=1 fitToHeight=0 fitToWidth=1 orientation=landscape paperSize=9 useFirstPageNumber=1"; got != want {
				t.Errorf("page setup %s, want %s", got, want)
			}
			if boolNorm(ws.sheetPr["fitToPage"]) != "1" || boolNorm(ws.print["horizontalCentered"]) != "1" {
				t.Errorf("fitToPage %v, printOptions %v", ws.sheetPr, ws.print)
			}
			// The profile's landscape margins (20, 20, 30, 15 mm), in inches;
			// header and footer 8 mm from the edges.
			if got, want := ws.margins.String(), "bottom=0.787 footer=0.315 header=0.315 left=1.181 right=0.591 top=0.787"; got != want {
				t.Errorf("margins %s, want %s", got, want)
			}
			if ws.oddFooter != `&C&"Times New Roman,Regular"&11Trang &P` || ws.oddHeader != "" {
				t.Errorf("footer %q header %q", ws.oddFooter, ws.oddHeader)
			}
			if got, want := ws.pane.String(), fmt.Sprintf("activePane=bottomLeft state=frozen topLeftCell=A%d ySplit=%d", headTop+hr, headTop+hr-1); got != want {
				t.Errorf("panes %s, want %s", got, want)
			}
			if ws.tabSelected != (i == 0) {
				t.Errorf("tabSelected %v", ws.tabSelected)
			}
			// Column widths follow the model, in ascending <col> order.
			for c, w := range s.Widths() {
				if got := ws.colWidth(c + 1); got != excelWidth(w) {
					t.Errorf("column %s width %.2f, want %.2f", colName(c+1), got, excelWidth(w))
				}
			}
			if ws.dim != fmt.Sprintf("A1:%s%d", last, first+len(s.Rows)-1) {
				t.Errorf("dimension %s", ws.dim)
			}
			mins := regexp.MustCompile(`<col min="(\d+)"`).FindAllSubmatch(parts[fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)], -1)
			for k, m := range mins {
				if string(m[1]) != strconv.Itoa(k+1) {
					t.Errorf("<col> %d has min %s: not in ascending order", k+1, m[1])
				}
			}
		})
	}
	// Document properties carry the given date, never the clock.
	if prop(f.core, "created") != "2025-08-05T00:00:00Z" || prop(f.core, "modified") != "2025-08-05T00:00:00Z" || prop(f.core, "creator") != "Ủy ban nhân dân xã Mường Khoa" || prop(f.core, "language") != "vi-VN" {
		t.Errorf("doc props %v", f.core)
	}
	if !bytes.Contains(parts["docProps/app.xml"], []byte("<Application>kehoach</Application>")) {
		t.Errorf("app.xml: %s", parts["docProps/app.xml"])
	}
}

// Biểu 01's indicator lines in the workbook: the threshold for the
// commune's region in “Chỉ tiêu quy định” (Mường Khoa, tdmnpb: 15.3 ≤ 24
// from QĐ 318), blank without a verified one, and the plan's values in the
// unit, now and planned columns.
func TestBieu01IndicatorCells(t *testing.T) {
	f := open(t, write(t, fitted(t, load(t))))
	rows := f.byName[SheetName("01")].grid(t)
	at := func(r []string, col int) string {
		if col < len(r) {
			return r[col]
		}
		return ""
	}
	// The columns by their header texts.
	cols := map[string]int{}
	for _, r := range rows[:headTop+1] {
		for c, v := range r {
			cols[v] = c
		}
	}
	unit, rule, now, target := cols["ĐVT"], cols["Chỉ tiêu quy định"], cols["Kết quả"], cols["Chỉ tiêu"]
	if unit != 2 || rule != 3 || now != 4 || target != 6 {
		t.Fatalf("columns ĐVT %d, Chỉ tiêu quy định %d, Kết quả %d, Chỉ tiêu %d; want C, D, E, G", unit, rule, now, target)
	}
	tests := []struct {
		code                    string
		unit, rule, now, target string
	}{
		{"15.3", "%", "≤\u00a024", "", "<\u00a018,92"},
		{"15.1", "%", "", "", "≥\u00a060"},
		{"17.7", "%", "", "", "100"},
		{"10", "triệu đồng/người/năm", "", "", "≥\u00a054"},
	}
	for _, tc := range tests {
		var row []string
		for _, r := range rows[headTop:] {
			// The criterion 10 row comes first, bold, its indicator after.
			if at(r, 0) == tc.code {
				row = r
			}
		}
		if row == nil {
			t.Errorf("no row %s in %s", tc.code, SheetName("01"))
			continue
		}
		got := []string{at(row, unit), at(row, rule), at(row, now), at(row, target)}
		if want := []string{tc.unit, tc.rule, tc.now, tc.target}; strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("row %s (ĐVT, quy định, hiện trạng, kế hoạch) = %q, want %q", tc.code, got, want)
		}
	}
}

// The figures of the plan, cell by cell, with their formulas.
func TestTotals2025(t *testing.T) {
	f := open(t, write(t, fitted(t, load(t))))
	tests := []struct {
		sheet, cell, formula, value string
	}{
		{"Bieu 02", "C7", "SUM(C8,C11:C12)", "3900"},
		{"Bieu 02", "D7", "SUM(D8,D11:D12)", "504"},
		{"Bieu 02", "E7", "SUM(E8,E11:E12)", "800"},
		{"Bieu 02", "C8", "SUM(C9:C10)", "1304"},
		{"Bieu 02", "C11", "", "40"},
		{"Bieu 02", "C12", "SUM(C13:C14)", "2556"},
		{"Bieu 03", "H8", "SUM(H9)", "504"},
		{"Bieu 03", "I8", "SUM(I9)", "504"},
		{"Bieu 03", "H9", "SUM(I9)", "504"}, // NSTW, the one source the work draws on
		{"Bieu 04", "D6", "SUM(D7:D11)", "800"},
	}
	for _, tc := range tests {
		c := f.byName[tc.sheet].cell(tc.cell)
		v, fo := c.value, c.formula
		if v != tc.value || fo != tc.formula {
			t.Errorf("%s!%s = %q %q, want %q %q", tc.sheet, tc.cell, v, fo, tc.value, tc.formula)
		}
	}
	// Labels.
	for _, tc := range []struct{ sheet, cell, label string }{
		{"Bieu 01", "F38", "12/19"}, {"Bieu 01", "H38", "13/19"}, {"Bieu 01", "B38", "Tổng số tiêu chí đạt"},
		{"Bieu 02", "B7", "TỔNG SỐ"}, {"Bieu 02", "A8", "I"}, {"Bieu 02", "A9", "1"},
	} {
		if v := f.byName[tc.sheet].cell(tc.cell).value; v != tc.label {
			t.Errorf("%s!%s = %q, want %q", tc.sheet, tc.cell, v, tc.label)
		}
	}
}

// Decimal places are kept: 1.282,2 is stored as 1282.2 with #,##0.0, and a
// total of 1 and 2 places shows 2.
func TestDecimals(t *testing.T) {
	d := func(s string) vn.Decimal {
		v, err := vn.ParseDecimal(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	s := sheet.Sheet{Number: "09", Heading: "Biểu số 09", Title: "THỬ", Columns: []sheet.Column{
		{Head: []string{"Nội dung"}, Width: 200},
		{Head: []string{"Số"}, Width: 57, Align: sheet.AlignRight, Numeric: true},
	}, Rows: []sheet.Row{
		{Cells: []sheet.Cell{{Kind: sheet.Text, Text: "Tổng"}, {Kind: sheet.Total, Value: d("1282.45"), Sum: []sheet.Ref{{Row: 1, Col: 1}, {Row: 2, Col: 1}, {Row: 3, Col: 1}}}}},
		{Cells: []sheet.Cell{{Kind: sheet.Text, Text: "a"}, {Kind: sheet.Number, Value: d("1282.2")}}},
		{Cells: []sheet.Cell{{Kind: sheet.Text, Text: "b"}, {Kind: sheet.Number, Value: d("0.25")}}},
		{Cells: []sheet.Cell{{Kind: sheet.Text, Text: "c"}, {}}},
	}}
	f := open(t, write(t, []sheet.Sheet{s}))
	tests := []struct{ cell, raw, fmt, formula string }{
		{"B6", "1282.45", "[$-42A]#,##0.00", "SUM(B7:B9)"},
		{"B7", "1282.2", "[$-42A]#,##0.0", ""},
		{"B8", "0.25", "[$-42A]#,##0.00", ""},
	}
	ws := f.byName["Bieu 09"]
	for _, tc := range tests {
		c := ws.cell(tc.cell)
		if c.value != tc.raw || c.formula != tc.formula || c.st.numFmt != tc.fmt || c.typ != "" {
			t.Errorf("%s = %q %q %v type %q, want %q %q %q, a number", tc.cell, c.value, c.formula, c.st.numFmt, c.typ, tc.raw, tc.formula, tc.fmt)
		}
	}
	if got := ws.sumOf(t, ws.cell("B6").formula); got != 1282.45 {
		t.Errorf("B6 computes %v", got)
	}
}

// Text that looks like a formula is stored as a string: no <f>, no
// evaluation (formula injection).
func TestFormulaInjection(t *testing.T) {
	p := load(t)
	evil := []string{`=HYPERLINK("http://x","y")`, "+1+2", "-2", "@SUM(A1)", "=1+1"}
	p.Bieu.CongTrinh[0].Ten = evil[0]
	p.Bieu.SuNghiep[0].NoiDung = evil[1]
	p.Bieu.SuNghiep[1].GhiChu = evil[2]
	p.Bieu.SuNghiep[2].ThoiGian = evil[3]
	p.NguonLuc.Nguon[1].Ten = evil[4]
	b := write(t, fitted(t, p))
	f := open(t, b)
	parts, _ := unzip(t, b)
	cells := []struct{ sheet, cell string }{{"Bieu 03", "B9"}, {"Bieu 04", "B7"}, {"Bieu 04", "G8"}, {"Bieu 04", "F9"}, {"Bieu 02", "B11"}}
	sheetXML := map[string]string{"Bieu 02": "xl/worksheets/sheet2.xml", "Bieu 03": "xl/worksheets/sheet3.xml", "Bieu 04": "xl/worksheets/sheet4.xml"}
	for i, c := range cells {
		cell := f.byName[c.sheet].cell(c.cell)
		v, fo, typ := cell.value, cell.formula, cell.typ
		if v != evil[i] || cell.hasFormula || typ != "inlineStr" {
			t.Errorf("%s!%s = %q formula %q type %v, want the string %q", c.sheet, c.cell, v, fo, typ, evil[i])
		}
		m := regexp.MustCompile(`<c r="` + c.cell + `"[^>]*>(.*?)</c>`).FindSubmatch(parts[sheetXML[c.sheet]])
		if m == nil || bytes.Contains(m[1], []byte("<f>")) || !bytes.HasPrefix(m[1], []byte("<is><t>")) {
			t.Errorf("%s!%s XML: %q", c.sheet, c.cell, m)
		}
	}
	// Only the totals are formulas.
	for _, name := range []string{"xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml"} {
		for _, m := range regexp.MustCompile(`<f>([^<]*)</f>`).FindAllSubmatch(parts[name], -1) {
			if !regexp.MustCompile(`^SUM\([A-Z]+\d+(:[A-Z]+\d+)?(,[A-Z]+\d+(:[A-Z]+\d+)?)*\)$`).Match(m[1]) {
				t.Errorf("%s: formula %q", name, m[1])
			}
		}
	}
}

// Same input, same bytes; entries in a fixed order with the given date.
func TestDeterministic(t *testing.T) {
	sheets := fitted(t, load(t))
	a, b := write(t, sheets), write(t, sheets)
	if !bytes.Equal(a, b) {
		t.Fatal("two writes of the same workbook differ")
	}
	var other bytes.Buffer
	if err := Write(&other, sheets, prof, date.AddDate(0, 0, 1)); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(a, other.Bytes()) {
		t.Error("the date does not reach the file")
	}
	_, files := unzip(t, a)
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
		if !f.Modified.Equal(date) {
			t.Errorf("%s modified %v, want %v", f.Name, f.Modified, date)
		}
	}
	want := "[Content_Types].xml _rels/.rels docProps/app.xml docProps/core.xml xl/_rels/workbook.xml.rels xl/styles.xml xl/workbook.xml xl/worksheets/sheet1.xml xl/worksheets/sheet2.xml xl/worksheets/sheet3.xml xl/worksheets/sheet4.xml"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("entries:\n%s\nwant\n%s", got, want)
	}
}

// Every XML part validates against the OOXML transitional schemas. For
// validation only, xml:space is stripped from SpreadsheetML <t> (caveat 3
// of shared/ooxml-schemas/README.md) and, should a part ever carry Markup
// Compatibility extras (mc:Ignorable, x14ac:…, as Excel writes; caveat 2),
// they are processed away as an MCE consumer would. The writer writes
// none: no part has an mc: attribute.
func TestSchemas(t *testing.T) {
	sheets := fitted(t, load(t))
	// A text with blanks at both ends gets xml:space="preserve".
	sheets = append(sheets, sheet.Sheet{Number: "09", Heading: "Biểu số 09", Columns: []sheet.Column{{Head: []string{"a"}, Width: 257}},
		Rows: []sheet.Row{{Cells: []sheet.Cell{{Kind: sheet.Text, Text: " lề hai bên "}}}}})
	b := write(t, sheets)
	parts, _ := unzip(t, b)
	if !bytes.Contains(parts["xl/worksheets/sheet5.xml"], []byte(`<t xml:space="preserve"> lề hai bên </t>`)) {
		t.Error("no xml:space on a text with blanks at its ends")
	}
	for name, data := range parts {
		if bytes.Contains(data, []byte("mc:Ignorable")) {
			t.Errorf("%s has Markup Compatibility extras", name)
		}
	}
	testkit.ValidateParts(t, parts, func(part string, data []byte) []byte {
		if !strings.HasPrefix(part, "xl/") || !strings.HasSuffix(part, ".xml") {
			return data
		}
		out, err := mceStrip(data)
		if err != nil {
			t.Errorf("%s: %v", part, err)
			return data
		}
		return out
	})
}

// mceStrip does for validation what an MCE consumer that knows only the
// ECMA namespaces does (shared/ooxml-schemas/tools/mce_strip.py): it drops
// mc:Ignorable and every element and attribute of an ignorable namespace;
// it also drops xml:space from SpreadsheetML <t>. Prefixes are kept as
// written.
func mceStrip(data []byte) ([]byte, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var out bytes.Buffer
	ignorable := map[string]bool{}
	skip := 0
	esc := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace
	qname := func(n xml.Name) string {
		if n.Space == "" {
			return n.Local
		}
		return n.Space + ":" + n.Local
	}
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch x := tok.(type) {
		case xml.StartElement:
			for _, a := range x.Attr {
				if a.Name.Space == "mc" && a.Name.Local == "Ignorable" {
					for _, p := range strings.Fields(a.Value) {
						ignorable[p] = true
					}
				}
			}
			if skip > 0 || ignorable[x.Name.Space] {
				skip++
				continue
			}
			out.WriteString("<" + qname(x.Name))
			for _, a := range x.Attr {
				switch {
				case a.Name.Space == "mc" && a.Name.Local == "Ignorable",
					ignorable[a.Name.Space],
					a.Name.Space == "xmlns" && ignorable[a.Name.Local],
					a.Name.Space == "xml" && a.Name.Local == "space" && x.Name.Local == "t" && x.Name.Space == "":
					continue
				}
				out.WriteString(" " + qname(a.Name) + `="` + esc(a.Value) + `"`)
			}
			out.WriteString(">")
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			out.WriteString("</" + qname(x.Name) + ">")
		case xml.CharData:
			if skip == 0 {
				out.WriteString(esc(string(x)))
			}
		case xml.ProcInst:
			out.WriteString("<?" + x.Target + " " + string(x.Inst) + "?>")
		}
	}
	return out.Bytes(), nil
}

// The stripper keeps what it must and drops what it should.
func TestMCEStrip(t *testing.T) {
	in := `<?xml version="1.0"?><a xmlns="u" xmlns:mc="m" xmlns:x14ac="e" mc:Ignorable="x14ac" x14ac:k="1" b="&amp;"><x14ac:e>z</x14ac:e><t xml:space="preserve"> x </t></a>`
	want := `<?xml version="1.0"?><a xmlns="u" xmlns:mc="m" b="&amp;"><t> x </t></a>`
	got, err := mceStrip([]byte(in))
	if err != nil || string(got) != want {
		t.Errorf("mceStrip:\n%s (%v)\nwant\n%s", got, err, want)
	}
}

// LibreOffice's reading of the workbooks (CSV of every sheet, printing
// without ###) is checked in internal/integration.

// FuzzWrite: the annexes of any plan that validates are written, read
// back, and hold no formula but the totals' SUM; text comes back as
// written.
func FuzzWrite(f *testing.F) {
	for _, p := range []string{"../../plan/testdata/minimal.yaml", "../../../cmd/kehoach/testdata/hostile/60-chen-xml-cong-thuc-mau.yaml"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
			f.Add(bytes.Replace(b, []byte("ten: Đường bản Một"), []byte(`ten: "=HYPERLINK(\"http://x\",\"y\")"`), 1))
		}
	}
	xa, err := os.ReadFile(filepath.Join("..", "..", "plan", "testdata", "xa.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	sumRe := regexp.MustCompile(`^SUM\([A-Z]+\d+(:[A-Z]+\d+)?(,[A-Z]+\d+(:[A-Z]+\d+)?)*\)$`)
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := plan.LoadBytes("f.yaml", data, func(string) ([]byte, error) { return xa, nil })
		if err != nil || !res.OK() {
			return
		}
		sheets, _, err := compose.Annexes(res.Plan, plantest.Profile(t, res), layout.Bundled())
		if err != nil {
			t.Fatalf("a valid plan has no annexes: %v", err)
		}
		var b bytes.Buffer
		if err := Write(&b, sheets, plantest.Profile(t, res), date); err != nil {
			t.Fatalf("write: %v", err)
		}
		wb := readBook(t, b.Bytes())
		for _, s := range sheets {
			name, first := SheetName(s.Number), headTop+s.HeaderRows()
			ws := wb.byName[name]
			for r, row := range s.Rows {
				for c, cell := range row.Cells {
					ref := cellName(c+1, first+r)
					fo := ws.cell(ref).formula
					if (fo != "") != (cell.Kind == sheet.Total) || (fo != "" && !sumRe.MatchString(fo)) {
						t.Fatalf("%s!%s: formula %q for a %v cell", name, ref, fo, cell.Kind)
					}
					if cell.Kind == sheet.Text {
						if v := ws.cell(ref).value; v != cell.Text {
							t.Fatalf("%s!%s = %q, want %q", name, ref, v, cell.Text)
						}
					}
				}
			}
		}
	})
}

// Very long text: the row stops at Excel's 409 pt; text longer than a cell
// can hold is refused with a message rather than cut silently.
func TestLongText(t *testing.T) {
	p := load(t)
	p.Bieu.SuNghiep[0].GhiChu = strings.Repeat("rất dài ", 1000)
	f := open(t, write(t, fitted(t, p)))
	if h := f.byName["Bieu 04"].rowHeight(7); h != MaxRowHeight {
		t.Errorf("row height %.1f, want %d", h, MaxRowHeight)
	}
	if v := f.byName["Bieu 04"].cell("G7").value; v != strings.TrimSpace(p.Bieu.SuNghiep[0].GhiChu) {
		t.Errorf("long text cut to %d bytes", len(v))
	}
	p.Bieu.SuNghiep[0].GhiChu = strings.Repeat("x", MaxCellChars+1)
	sheets, _, err := compose.Annexes(p, prof, layout.Bundled()) // the word does not fit the page either: reported, still written
	if err != nil {
		t.Fatal(err)
	}
	err = Write(io.Discard, sheets, prof, date)
	if err == nil || !strings.Contains(err.Error(), "ô G7") || !strings.Contains(err.Error(), "biểu 04") {
		t.Errorf("err = %v", err)
	}
}

// sixSources loads the 2025 plan edited to draw its one work on six
// top-level sources with big, decimal and tiny amounts (testkit.SixSources).
func sixSources(t *testing.T) *plan.Plan {
	t.Helper()
	path := testkit.CopyPlan(t, t.TempDir(), "six", "2025.yaml", testkit.SixSources)
	res, err := plan.Load(path)
	if err != nil || !res.OK() {
		t.Fatalf("load: %v %v", err, res.Errors)
	}
	return res.Plan
}

// An amount column is wider, in Excel's unit, than its widest amount plus
// NumberSafety characters, whatever the fitted width: numbers do not wrap.
func TestAmountColumnsHoldTheirNumbers(t *testing.T) {
	sheets := fitted(t, sixSources(t))
	f := open(t, write(t, sheets))
	checked := 0
	for _, s := range sheets {
		name := SheetName(s.Number)
		for c, col := range s.Columns {
			widest := 0
			for _, r := range s.Rows {
				if r.Cells[c].IsNumber() {
					widest = max(widest, len([]rune(r.Cells[c].String())))
				}
			}
			if !col.Numeric || widest == 0 {
				continue
			}
			checked++
			letter := colName(c + 1)
			if got := f.byName[name].colWidth(c + 1); got < float64(widest)+NumberSafety {
				t.Errorf("%s!%s (%s): width %.2f for amounts of %d characters", name, letter, col.Title(), got, widest)
			}
		}
	}
	if checked < 6+2+3 {
		t.Errorf("only %d amount columns checked", checked)
	}
	// A column fitted too narrow for its amount is widened in the workbook.
	s := sheet.Sheet{Number: "09", Heading: "Biểu số 09", Title: "THỬ", Columns: []sheet.Column{
		{Head: []string{"Nội dung"}, Width: 240},
		{Head: []string{"Số"}, Width: 5, Align: sheet.AlignRight, Numeric: true},
	}, Rows: []sheet.Row{{Cells: []sheet.Cell{{Kind: sheet.Text, Text: "a"}, {Kind: sheet.Number, Value: vn.Int(100000000)}}}}}
	if got := open(t, write(t, []sheet.Sheet{s})).byName["Bieu 09"].colWidth(2); got != 11+NumberSafety {
		t.Errorf("narrow amount column: width %.2f, want %v (“100.000.000” + %v)", got, 11+NumberSafety, NumberSafety)
	}
}

// Text comes back as written whatever it holds: markup characters,
// blanks, tabs and line breaks at its ends (kept with xml:space), a CR LF
// (escaped, so that no XML reader folds it to LF), and an _xHHHH_ that
// Excel would otherwise read as an escaped character (written _x005F_xHHHH_,
// ECMA-376 Part 1 §22.9.2.19).
func TestTextEscapes(t *testing.T) {
	texts := []string{`a & b < c > "d" 'e'`, "_x000D_ và _x0041_", "_x00_ _xZZZZ_", " đầu", "cuối\t", "dòng 1\ndòng 2", "\r\nsau CR LF", "\n"}
	s := sheet.Sheet{Number: "09", Heading: "Biểu số 09", Columns: []sheet.Column{{Head: []string{"a"}, Width: 257}}}
	for _, tx := range texts {
		s.Rows = append(s.Rows, sheet.Row{Cells: []sheet.Cell{{Kind: sheet.Text, Text: tx}}})
	}
	b := write(t, []sheet.Sheet{s})
	parts, _ := unzip(t, b)
	ws := open(t, b).byName["Bieu 09"]
	for i, tx := range texts {
		ref := cellName(1, headTop+1+i)
		c := ws.cell(ref)
		if got := strings.ReplaceAll(c.value, "_x005F_", "_"); got != tx || c.typ != "inlineStr" {
			t.Errorf("%s = %q (%s), want %q", ref, got, c.typ, tx)
		}
		m := regexp.MustCompile(`<c r="` + ref + `"[^>]*><is>(<t[^>]*>)`).FindSubmatch(parts["xl/worksheets/sheet1.xml"])
		edge := strings.ContainsAny(tx[:1], " \t\r\n") || strings.ContainsAny(tx[len(tx)-1:], " \t\r\n")
		if m == nil || (string(m[1]) == `<t xml:space="preserve">`) != edge {
			t.Errorf("%s: %q for %q", ref, m, tx)
		}
	}
	if x := parts["xl/worksheets/sheet1.xml"]; !bytes.Contains(x, []byte("_x005F_x000D_ và _x005F_x0041_")) || !bytes.Contains(x, []byte("_x00_ _xZZZZ_")) {
		t.Errorf("_xHHHH_ not escaped, or escaped where it is not one")
	}
}
