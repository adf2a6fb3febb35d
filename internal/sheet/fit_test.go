package sheet

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"kehoach/internal/vn"
)

// mono is a measurer for exact arithmetic: 2 mm a character, 2,5 mm bold,
// whatever the size.
func mono(text string, size float64, bold bool) float64 {
	w := 2.0
	if bold {
		w = 2.5
	}
	return w * float64(utf8.RuneCountInString(text))
}

func monoMetrics(width float64) Metrics {
	return Metrics{Width: width, PadLeft: 1, PadRight: 1, HeadSize: 11, CellSize: 11, Measure: mono}
}

// pad is monoMetrics' padding plus the slack every column gets.
const pad = 1 + 1 + FitSlack

func dec(t *testing.T, s string) vn.Decimal {
	t.Helper()
	d, err := vn.ParseDecimal(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// amounts is a sheet with a text column and an amount column holding big,
// decimal and small amounts.
func amounts(t *testing.T) Sheet {
	s := Sheet{Number: "09", Columns: []Column{
		{Head: []string{"Nội dung"}, Wrap: true},
		{Head: []string{"Kinh phí"}, Align: AlignRight, Numeric: true},
	}}
	for _, a := range []string{"100000", "12345.5", "0.5"} {
		s.Rows = append(s.Rows, Row{Cells: []Cell{{Kind: Text, Text: "Một việc khá dài để phải xuống dòng"}, {Kind: Number, Value: dec(t, a)}}})
	}
	return s
}

func sum(s *Sheet) float64 {
	w := 0.0
	for _, c := range s.Columns {
		w += c.Width
	}
	return w
}

// The least width: an amount column fits its widest amount as printed
// ("12.345,5", 8 characters) on one line with the padding; a header word
// fits whole; the widths add up to the page.
func TestFitLeastWidths(t *testing.T) {
	t.Parallel()
	s := amounts(t)
	if got := s.Rows[1].Cells[1].String(); got != "12.345,5" {
		t.Fatalf("amount prints %q", got)
	}
	if p := s.Fit(monoMetrics(120)); p != nil {
		t.Fatalf("problems: %v", p)
	}
	if math.Abs(sum(&s)-120) > 1e-9 {
		t.Errorf("widths add up to %.3f", sum(&s))
	}
	if want := 8*2.0 + pad; s.Columns[1].Width < want-1e-9 {
		t.Errorf("amount column %.2f mm, want at least %.2f (12.345,5 on one line)", s.Columns[1].Width, want)
	}
	// The header word "Kinh" (bold): 10 mm + padding. The amounts are wider.
	if p := s.Check(monoMetrics(120)); p != nil {
		t.Errorf("Check of a fitted sheet: %v", p)
	}
}

// With room for everything on one line, the text columns are in
// proportion to their natural widths, the others at their own.
func TestFitProportional(t *testing.T) {
	t.Parallel()
	s := Sheet{Number: "09", Columns: []Column{
		{Head: []string{"TT"}, Align: AlignCenter},
		{Head: []string{"A"}, Wrap: true},
		{Head: []string{"B"}, Wrap: true},
	}, Rows: []Row{{Cells: []Cell{{Kind: Text, Text: "1"}, {Kind: Text, Text: strings.Repeat("x", 40)}, {Kind: Text, Text: strings.Repeat("y", 10) + " " + strings.Repeat("y", 9)}}}}}
	if p := s.Fit(monoMetrics(300)); p != nil {
		t.Fatal(p)
	}
	tt, a, b := s.Columns[0].Width, s.Columns[1].Width, s.Columns[2].Width
	// TT: its header "TT" bold (5 mm) + padding; A natural 80 + pad, B 40 + pad.
	if math.Abs(tt-(5+pad)) > 0.05 {
		t.Errorf("TT %.2f mm, want %.2f", tt, 5+pad)
	}
	if r := a / b; math.Abs(r-(80+pad)/(40+pad)) > 0.01 {
		t.Errorf("A/B = %.3f, want the ratio of their natural widths %.3f", r, (80+pad)/(40+pad))
	}
	if math.Abs(tt+a+b-300) > 1e-6 {
		t.Errorf("widths add up to %.3f", tt+a+b)
	}
}

// A tight page: the widths go where the table gets shorter. Column A holds
// one long text, column B many texts of two lines: B gets room first.
func TestFitShortens(t *testing.T) {
	t.Parallel()
	s := Sheet{Number: "09", Columns: []Column{{Head: []string{"A"}, Wrap: true}, {Head: []string{"B"}, Wrap: true}}}
	s.Rows = append(s.Rows, Row{Cells: []Cell{{Kind: Text, Text: strings.Repeat("aaaa ", 20)}, {}}})
	for i := 0; i < 6; i++ {
		s.Rows = append(s.Rows, Row{Cells: []Cell{{}, {Kind: Text, Text: "bbbbbbbb bbbbbbbb"}}}) // 16 + 2 + 16 mm
	}
	if p := s.Fit(monoMetrics(60)); p != nil {
		t.Fatal(p)
	}
	// B on one line needs 34 mm + padding: the six rows lose a line each.
	if b := s.Columns[1].Width; b < 34+pad-1e-6 {
		t.Errorf("B %.2f mm: its six rows still wrap (A %.2f mm)", b, s.Columns[0].Width)
	}
}

// Spanning cells: a group header's words fit the columns it spans
// together; a group row's text (Span) needs its words across its columns,
// and its length does not widen the first of them.
func TestFitSpans(t *testing.T) {
	t.Parallel()
	s := Sheet{Number: "09", Columns: []Column{
		{Head: []string{"TT"}, Align: AlignCenter},
		{Head: []string{"Tên"}, Wrap: true},
		{Head: []string{"Kếhoạchvốnnăm", "X"}, Align: AlignRight, Numeric: true},
		{Head: []string{"Kếhoạchvốnnăm", "Y"}, Align: AlignRight, Numeric: true},
	}, Rows: []Row{
		{Bold: true, Cells: []Cell{{Kind: Text, Text: "I"}, {Kind: Text, Text: "NHÓM " + strings.Repeat("DÀI ", 30), Span: 3}, {}, {}}},
		{Cells: []Cell{{Kind: Text, Text: "1"}, {Kind: Text, Text: "Việc"}, number(vn.Int(5)), number(vn.Int(7))}},
	}}
	m := monoMetrics(200)
	if p := s.Fit(m); p != nil {
		t.Fatal(p)
	}
	if got, want := s.Columns[2].Width+s.Columns[3].Width, 13*2.5+pad; got < want-1e-9 {
		t.Errorf("the group header's word needs %.1f mm, its columns give %.1f", want, got)
	}
	// The group row is 125 characters: it wraps across the three columns
	// and leaves the name column to its own texts.
	if p := s.Check(m); p != nil {
		t.Errorf("Check: %v", p)
	}
	s.Columns[2].Width, s.Columns[3].Width = 10, 10
	p := s.Check(m)
	if len(p) != 1 || p[0].Column != 2 || p[0].Token != "Kếhoạchvốnnăm" || p[0].Head != "Kếhoạchvốnnăm / X" {
		t.Errorf("narrowed group: %+v", p)
	}
}

// The checker: an amount column narrowed below its widest amount is
// reported with the annex, the column and the amount, in Vietnamese.
func TestCheckNarrowAmount(t *testing.T) {
	t.Parallel()
	s := amounts(t)
	m := monoMetrics(120)
	s.Fit(m)
	need := 8*2.0 + pad
	s.Columns[1].Width = need - 1
	s.Columns[0].Width += 1
	p := s.Check(m)
	if len(p) != 1 {
		t.Fatalf("problems %+v, want one", p)
	}
	got := p[0]
	if got.Sheet != "09" || got.Column != 1 || got.Token != "12.345,5" || math.Abs(got.Need-need) > 1e-9 || math.Abs(got.Have-(need-1)) > 1e-9 {
		t.Errorf("problem %+v", got)
	}
	msg := got.Message()
	for _, want := range []string{"Biểu số 09", "cột 2 “Kinh phí”", "“12.345,5”", "cần 18,5 mm", "chỉ rộng 17,5 mm"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	// Widened back, nothing to report.
	s.Columns[1].Width = need
	if p := s.Check(m); p != nil {
		t.Errorf("at its least width: %v", p)
	}
}

// A page too narrow for the least widths: the columns are scaled down to
// the page and every column that cuts a word is reported, with the
// table's need and the page's width.
func TestFitPageTooNarrow(t *testing.T) {
	t.Parallel()
	s := amounts(t)
	for i := 0; i < 6; i++ {
		s.Columns = append(s.Columns, Column{Head: []string{"Ng"}, Align: AlignRight, Numeric: true})
		for r := range s.Rows {
			s.Rows[r].Cells = append(s.Rows[r].Cells, number(dec(t, "1250")))
		}
	}
	p := s.Fit(monoMetrics(100))
	if len(p) != len(s.Columns) {
		t.Fatalf("%d problems for %d columns: %+v", len(p), len(s.Columns), p)
	}
	if math.Abs(sum(&s)-100) > 1e-9 {
		t.Errorf("widths add up to %.3f, want the page's 100", sum(&s))
	}
	if p[2].Token != "1.250" || !strings.Contains(p[2].Message(), "trang ngang chỉ có 100,0 mm") {
		t.Errorf("problem %+v: %s", p[2], p[2].Message())
	}
}

// A page a little too narrow: the text column gives up its room first, so
// the amounts stay whole and only the text column is reported.
func TestFitOverflowCutsWordsFirst(t *testing.T) {
	t.Parallel()
	s := amounts(t)
	s.Rows[0].Cells[0] = Cell{Kind: Text, Text: "Mộtchữrấtdàikhôngcóchỗngắt"} // 26 characters: 52 mm + padding
	m := monoMetrics(60)                                                      // 54,5 + 18,5 needed
	p := s.Fit(m)
	if len(p) != 1 || p[0].Column != 0 || p[0].Token != "Mộtchữrấtdàikhôngcóchỗngắt" {
		t.Fatalf("problems %+v, want the text column only", p)
	}
	if w := s.Columns[1].Width; w < 8*2+pad-1e-9 {
		t.Errorf("amount column %.2f mm: 12.345,5 is cut", w)
	}
	if math.Abs(sum(&s)-60) > 1e-9 {
		t.Errorf("widths add up to %.3f", sum(&s))
	}
}

func number(d vn.Decimal) Cell { return Cell{Kind: Number, Value: d} }

// cellStep is the next step of one cell alone, by its own bisection (as
// shorten once found each cell's): the least width above width, up to
// nat, at which it takes fewer lines than at width, or +Inf.
func cellStep(x *wrapped, width, nat float64) float64 {
	n := x.countLines(width)
	if n <= len(x.paras) || x.countLines(nat) >= n {
		return math.Inf(1)
	}
	lo, hi := width, nat
	for hi-lo > 0.02 {
		mid := (lo + hi) / 2
		if x.countLines(mid) < n {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

// A column's next step, found in one bisection for all its cells, is
// exactly the least of the cells' own steps.
func TestNextStepIsLeastCellStep(t *testing.T) {
	t.Parallel()
	cell := func(inset float64, paras ...[]float64) *wrapped {
		return &wrapped{paras: paras, space: 0.93, inset: inset}
	}
	words := func(n int, seed float64) []float64 {
		ws := make([]float64, n)
		for i := range ws {
			ws[i] = 2.1 + math.Mod(seed*float64(i+3)*7.31, 9.7)
		}
		return ws
	}
	tests := []struct {
		name       string
		cells      []*wrapped
		width, nat float64
	}{
		{"one cell", []*wrapped{cell(2.5, words(12, 1.1))}, 20, 80},
		{"a cell on one line already", []*wrapped{cell(2.5, words(2, 1.3))}, 40, 80},
		{"cells with paragraphs and indents", []*wrapped{
			cell(2.5, words(9, 1.7), words(4, 2.9)),
			cell(5.1, words(15, 0.7)),
			cell(2.5, words(3, 3.3), words(22, 1.9), words(1, 0.4)),
		}, 24.37, 96.2},
		{"no cell loses a line by nat", []*wrapped{cell(2.5, words(6, 1.2))}, 30, 30.01},
		{"no cells", nil, 10, 50},
	}
	for k := range 40 { // widths and cells of every kind
		var cs []*wrapped
		for j := range 1 + k%7 {
			cs = append(cs, cell(2.5+float64(j%3)*2.6, words(1+(k*j+5)%23, 0.3+float64(k)*0.17), words((k+j)%6, 1.1+float64(j))))
		}
		tests = append(tests, struct {
			name       string
			cells      []*wrapped
			width, nat float64
		}{fmt.Sprintf("varied %d", k), cs, 12 + float64(k)*1.37, 60 + float64(k%9)*11.3})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := math.Inf(1)
			for _, x := range tt.cells {
				x.lines, x.natLines = x.countLines(tt.width), x.countLines(tt.nat)
				want = math.Min(want, cellStep(x, tt.width, tt.nat))
			}
			if got := nextStep(tt.cells, tt.width, tt.nat, nil); math.Float64bits(got) != math.Float64bits(want) {
				t.Errorf("nextStep = %v, want the least cell step %v", got, want)
			}
		})
	}
}
