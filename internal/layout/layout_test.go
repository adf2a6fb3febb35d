package layout_test

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"kehoach/internal/doc"
	"kehoach/internal/doc/doctest"
	"kehoach/internal/fonts"
	"kehoach/internal/layout"
	"kehoach/internal/style"
)

const tol = 0.01 // mm

var (
	prof = style.Default()
	fam  = fonts.Bundled()
)

// lay lays out blocks as one numbered portrait section.
func lay(t *testing.T, blocks ...doc.Block) []layout.Page {
	t.Helper()
	d := &doc.Document{Sections: []doc.Section{{PageNumbers: doc.PageNumbering{Show: true}, Blocks: blocks}}}
	pages, err := layout.Layout(d, prof, fam)
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// body returns the text lines of role RoleText on a page.
func body(p layout.Page) []layout.TextLine {
	var out []layout.TextLine
	for _, ln := range layout.TextLines(p) {
		if ln.Items[0].Role == layout.RoleText {
			out = append(out, ln)
		}
	}
	return out
}

func near(a, b float64) bool { return math.Abs(a-b) <= tol }

var (
	left  = prof.Page.Margins.Left
	right = prof.Page.Width - prof.Page.Margins.Right
)

func TestJustifiedParagraph(t *testing.T) {
	t.Parallel()
	bodySt := prof.Style(doc.StyleBody)
	pages := lay(t, doctest.P(doc.StyleBody, doctest.Para(0, 5)))
	lines := body(pages[0])
	if len(lines) < 4 {
		t.Fatalf("want a long paragraph, got %d lines", len(lines))
	}
	lh := 14 * 2355.0 / 2048 / fonts.PtPerMM
	for i, ln := range lines {
		wantX := left
		if i == 0 {
			wantX = left + bodySt.FirstIndent
		}
		if !near(ln.X, wantX) {
			t.Errorf("line %d starts at %.3f, want %.3f", i+1, ln.X, wantX)
		}
		if i > 0 && !near(ln.Y-lines[i-1].Y, lh) {
			t.Errorf("line %d is %.3f mm below the previous, want %.3f (single spacing)", i+1, ln.Y-lines[i-1].Y, lh)
		}
		if i < len(lines)-1 {
			if !near(ln.End, right) {
				t.Errorf("justified line %d ends at %.3f, want the right edge %.3f", i+1, ln.End, right)
			}
			if ln.WordSpacing < 0 {
				t.Errorf("line %d has negative spacing %.3f", i+1, ln.WordSpacing)
			}
			// The spacing is what makes the line end at the edge.
			natural := 0.0
			spaces := 0
			for _, it := range ln.Items {
				natural += fam.WidthMM(it.Style, it.Size, it.Text)
				spaces += strings.Count(it.Text, " ")
			}
			if !near(ln.X+natural+float64(spaces)*ln.WordSpacing, right) {
				t.Errorf("line %d: natural %.3f + %d × %.3f does not reach %.3f", i+1, natural, spaces, ln.WordSpacing, right)
			}
		} else {
			if ln.WordSpacing != 0 {
				t.Errorf("last line is stretched (ws=%.3f)", ln.WordSpacing)
			}
			if ln.End > right-1 {
				t.Errorf("last line ends at %.3f, not left-aligned", ln.End)
			}
		}
	}
	// Words flow in order: the lines joined give back the paragraph.
	var got []string
	for _, ln := range lines {
		got = append(got, ln.Text)
	}
	if g, w := strings.Join(got, " "), doctest.Para(0, 5); g != w {
		t.Errorf("text changed:\n got %q\nwant %q", g, w)
	}
}

func TestAlignments(t *testing.T) {
	t.Parallel()
	w := right - left
	tests := []struct {
		align doc.Align
		x     func(tw float64) float64
	}{
		{doc.AlignLeft, func(float64) float64 { return left }},
		{doc.AlignCenter, func(tw float64) float64 { return left + (w-tw)/2 }},
		{doc.AlignRight, func(tw float64) float64 { return right - tw }},
	}
	for _, tc := range tests {
		p := &doc.Paragraph{Style: doc.StyleDocType, Align: tc.align, Runs: []doc.Run{{Text: "KẾ HOẠCH"}}}
		ln := body(lay(t, p)[0])[0]
		tw := fam.WidthMM(fonts.Bold, 14, "KẾ HOẠCH")
		if !near(ln.X, tc.x(tw)) || !near(ln.End-ln.X, tw) {
			t.Errorf("align %d: x=%.3f..%.3f, want %.3f wide at %.3f", tc.align, ln.X, ln.End, tw, tc.x(tw))
		}
	}
}

// A style change inside a word is no break opportunity, and a mixed line
// measures as the sum of its pieces in their own faces.
func TestMixedRuns(t *testing.T) {
	t.Parallel()
	runs := []doc.Run{{Text: "Xã đạt "}, {Text: "19/19", Bold: true}, {Text: "tiêu chí và "}, {Text: "Mường", Italic: true}, {Text: "Khoa"}}
	want := 0.0
	for _, r := range runs {
		want += fam.WidthMM(fonts.StyleOf(r.Bold, r.Italic), 14, r.Text)
	}
	p := &doc.Paragraph{Style: doc.StyleBody, NoIndent: true, Align: doc.AlignLeft, Runs: runs}
	ln := body(lay(t, p)[0])[0]
	if !near(ln.End-ln.X, want) {
		t.Errorf("mixed line is %.3f mm, want %.3f", ln.End-ln.X, want)
	}
	var styles []fonts.Style
	for _, it := range ln.Items {
		styles = append(styles, it.Style)
	}
	if len(ln.Items) != 5 || styles[1] != fonts.Bold || styles[3] != fonts.Italic {
		t.Errorf("fragments %q styles %v", ln.Text, styles)
	}
	// In columns too narrow for both halves, "19/19tiêu" and "MườngKhoa"
	// still never split at the style change.
	for _, width := range []float64{20, 25, 30, 35, 40, 50} {
		c := &doc.Columns{Widths: []float64{width}, Cols: [][]doc.Block{{p}}}
		for _, ln := range body(lay(t, c)[0]) {
			for _, bad := range []string{"19/19", "Mường"} {
				if strings.HasSuffix(ln.Text, bad) {
					t.Errorf("width %v: line %q breaks inside a word at a style change", width, ln.Text)
				}
			}
		}
	}
}

func TestUnderline(t *testing.T) {
	t.Parallel()
	p := &doc.Paragraph{Style: doc.StyleBody, Align: doc.AlignLeft, Runs: []doc.Run{{Text: "Xem "}, {Text: "Phụ lục I", Underline: true}, {Text: " kèm theo."}}}
	pg := lay(t, p)[0]
	var ul []layout.Item
	for _, it := range pg.Items {
		if it.Role == layout.RoleUnderline {
			ul = append(ul, it)
		}
	}
	ln := body(pg)[0]
	if len(ul) != 1 || len(ln.Items) != 3 {
		t.Fatalf("underlines %v in line %q", ul, ln.Text)
	}
	u, txt := ul[0], ln.Items[1]
	if txt.Text != "Phụ lục I" || !near(u.X, txt.X) || !near(u.X2, txt.X+txt.W) || u.Y <= txt.Y || u.Y > txt.Y+1 {
		t.Errorf("underline %.2f..%.2f at %.2f under %q at %.2f..%.2f, %.2f", u.X, u.X2, u.Y, txt.Text, txt.X, txt.X+txt.W, txt.Y)
	}
}

func TestNoBreakSpace(t *testing.T) {
	t.Parallel()
	if a, b := fam.WidthMM(fonts.Regular, 14, "7\u00a0km"), fam.WidthMM(fonts.Regular, 14, "7 km"); !near(a, b) {
		t.Errorf("NBSP measures %.3f, space %.3f", a, b)
	}
	// Pad the line so that the break would fall at every position around
	// "7 km": the number and its unit always stay on one line.
	for pad := 0; pad < 30; pad++ {
		text := strings.Repeat("x", pad) + " " + strings.Repeat("đường giao thông ", 8) + "dài 7\u00a0km và Số:\u00a0\u00a0\u00a0/KH-UBND ở cuối"
		pages := lay(t, doctest.P(doc.StyleBody, text))
		lines := body(pages[0])
		for _, ln := range lines {
			if strings.HasSuffix(ln.Text, "7") || strings.HasPrefix(ln.Text, "km") || strings.HasSuffix(ln.Text, "Số:") {
				t.Errorf("pad %d: line %q broke at a no-break space", pad, ln.Text)
			}
		}
	}
}

func TestHardBreak(t *testing.T) {
	t.Parallel()
	p := doctest.P(doc.StyleBody, "Dòng thứ nhất\nDòng thứ hai rất dài "+doctest.Para(1, 1))
	lines := body(lay(t, p)[0])
	if len(lines) < 3 || lines[0].Text != "Dòng thứ nhất" || !strings.HasPrefix(lines[1].Text, "Dòng thứ hai") {
		t.Fatalf("lines %q", texts(lines))
	}
	if lines[0].WordSpacing != 0 {
		t.Error("a line ending in a hard break is stretched")
	}
	if !near(lines[1].X, left) {
		t.Errorf("line after a hard break starts at %.2f, want the left margin", lines[1].X)
	}
	if !near(lines[1].End, right) {
		t.Errorf("full line after a hard break is not justified: ends at %.2f", lines[1].End)
	}
}

func texts(lines []layout.TextLine) []string {
	var s []string
	for _, l := range lines {
		s = append(s, l.Text)
	}
	return s
}

func TestListItem(t *testing.T) {
	t.Parallel()
	indent := prof.Style(doc.StyleBody).FirstIndent
	for _, marker := range []string{"-", "+"} {
		lines := body(lay(t, doctest.Item(marker, doctest.Para(2, 2)))[0])
		if len(lines) < 3 {
			t.Fatalf("want a long item, got %q", texts(lines))
		}
		if !strings.HasPrefix(lines[0].Text, marker+" ") || !near(lines[0].X, left+indent) {
			t.Errorf("marker line %q at %.2f, want %q at %.2f", lines[0].Text, lines[0].X, marker, left+indent)
		}
		for i, ln := range lines[1:] {
			if !near(ln.X, left) {
				t.Errorf("line %d at %.2f, want the left margin %.2f", i+2, ln.X, left)
			}
		}
		for i, ln := range lines[:len(lines)-1] {
			if !near(ln.End, right) {
				t.Errorf("line %d ends at %.2f, not justified", i+1, ln.End)
			}
		}
	}
}

// spaced puts a spacer of h mm before blocks, so they start at every
// height of the page in turn.
func spaced(h float64, blocks ...doc.Block) []doc.Block {
	return append([]doc.Block{&doc.Spacer{Height: h}}, blocks...)
}

// pageOf maps each body line text to the pages it appears on.
func linesPerPage(pages []layout.Page, match func(string) bool) []int {
	n := make([]int, len(pages))
	for i, p := range pages {
		for _, ln := range body(p) {
			if match(ln.Text) {
				n[i]++
			}
		}
	}
	return n
}

func TestWidowOrphan(t *testing.T) {
	t.Parallel()
	para := doctest.P(doc.StyleBody, "MARK "+doctest.Para(3, 2)) // 5 lines
	nLines := len(body(lay(t, para)[0]))
	if nLines < 3 {
		t.Fatalf("paragraph too short: %d lines", nLines)
	}
	inPara := map[string]bool{}
	for _, ln := range body(lay(t, para)[0]) {
		inPara[ln.Text] = true
	}
	split := 0
	for h := 200.0; h < 260; h += 0.5 {
		pages := lay(t, spaced(h, para)...)
		n := linesPerPage(pages, func(s string) bool { return inPara[s] })
		for i, c := range n {
			if c == 1 {
				t.Errorf("spacer %.1f: page %d holds a single line of the paragraph (%v)", h, i+1, n)
			}
		}
		if len(n) == 2 && n[0] > 0 && n[1] > 0 {
			split++
		}
	}
	if split == 0 {
		t.Error("the paragraph was never split: the test does not exercise page breaks")
	}
}

func TestKeepWithNext(t *testing.T) {
	t.Parallel()
	h1 := doctest.Heading1("II. MỤC TIÊU")
	h2 := doctest.Heading2("1. Mục tiêu chung")
	para := doctest.P(doc.StyleBody, doctest.Para(1, 3))
	for h := 200.0; h < 262; h += 0.5 {
		pages := lay(t, spaced(h, h1, h2, para)...)
		for pi, p := range pages {
			lines := body(p)
			if len(lines) == 0 {
				continue
			}
			last := lines[len(lines)-1].Text
			if last == "II. MỤC TIÊU" || last == "1. Mục tiêu chung" {
				t.Errorf("spacer %.1f: page %d ends with heading %q", h, pi+1, last)
			}
		}
	}
}

func TestKeepTogether(t *testing.T) {
	t.Parallel()
	for _, keep := range []bool{true, false} {
		sig := doctest.LongSignature()
		sig.KeepTogether = keep
		pages := lay(t, spaced(215, sig)...)
		n := linesPerPage(pages, func(s string) bool { return true })
		if keep && (len(pages) != 2 || n[0] != 0) {
			t.Errorf("KeepTogether block split or not moved: lines per page %v", n)
		}
		if !keep && (len(pages) != 2 || n[0] == 0 || n[1] == 0) {
			t.Errorf("without KeepTogether the block should split here: lines per page %v", n)
		}
	}
	// Columns stand side by side from left margin + Offset.
	sig := doctest.LongSignature()
	lines := body(lay(t, sig)[0])
	if lines[0].Text != "Nơi nhận:" || !near(lines[0].X, left+sig.Offset) {
		t.Errorf("first column line %q at %.2f, want %.2f", lines[0].Text, lines[0].X, left+sig.Offset)
	}
	if lines[1].Text != "TM. ỦY BAN NHÂN DÂN" || lines[1].Y > lines[0].Y+2 {
		t.Errorf("second column does not start beside the first: %q at y=%.2f", lines[1].Text, lines[1].Y)
	}
}

func TestTableHeaderRepeats(t *testing.T) {
	t.Parallel()
	const rows = 100
	tbl := doctest.CriteriaTable(rows, []float64{10, 65, 30, 30, 30}, 0)
	pages := lay(t, doctest.P(doc.StyleBody, "Bảng:"), tbl)
	if len(pages) < 3 {
		t.Fatalf("want the table over 3+ pages, got %d", len(pages))
	}
	headers := []string{"TT", "Tên tiêu chí", "Kết quả thực hiện", "Chỉ tiêu", "Năm 2024", "Đánh giá"}
	top := prof.Page.Margins.Top
	for pi, p := range pages {
		lines := body(p)
		start := 0
		if pi == 0 {
			start = 1
		}
		var got []string
		for _, ln := range lines[start : start+len(headers)] {
			got = append(got, ln.Text)
		}
		if strings.Join(got, "|") != strings.Join(headers, "|") {
			t.Errorf("page %d starts with %q, want the header rows", pi+1, got)
		}
		if pi > 0 {
			// the header sits at the top margin
			var firstBorder float64 = -1
			for _, it := range p.Items {
				if it.Role == layout.RoleBorder {
					firstBorder = it.Y
					break
				}
			}
			if !near(firstBorder, top) {
				t.Errorf("page %d: table starts at %.2f, want %.2f", pi+1, firstBorder, top)
			}
		}
		// rows are never split: every row's cells are on one page, and no
		// border reaches into the bottom margin.
		for _, it := range p.Items {
			if it.Role == layout.RoleBorder && math.Max(it.Y, it.Y2) > prof.Page.Height-prof.Page.Margins.Bottom+tol {
				t.Errorf("page %d: border at %.2f below the text area", pi+1, math.Max(it.Y, it.Y2))
			}
		}
	}
	// Every row number (in the TT column) appears exactly once.
	seen := map[string]int{}
	for _, p := range pages {
		for _, ln := range body(p) {
			if ln.X < left+10 {
				seen[ln.Text]++
			}
		}
	}
	for i := 1; i <= rows; i++ {
		if n := seen[itoa(i)]; n != 1 {
			t.Errorf("row %d appears %d times", i, n)
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestTableSpansAndPadding(t *testing.T) {
	t.Parallel()
	tbl := doctest.CriteriaTable(2, []float64{10, 65, 30, 30, 30}, 0)
	p := lay(t, tbl)[0]
	tx := left + (165-165)/2.0
	var shade []layout.Item
	for _, it := range p.Items {
		if it.Kind == layout.KindFill {
			shade = append(shade, it)
		}
	}
	// Row 1: TT and Tên (row span 2), Kết quả (col span 3); row 2: three
	// heads; total row: col span 4 and the sum.
	if len(shade) != 8 {
		t.Fatalf("want 8 shaded cells, got %d", len(shade))
	}
	rowH := shade[2].H // "Kết quả thực hiện", one row
	if !near(shade[0].H, 2*rowH) || !near(shade[0].W, 10) || !near(shade[2].W, 90) || !near(shade[6].W, 135) {
		t.Errorf("spans wrong: TT %.2fx%.2f, group %.2f, total %.2f (row %.2f)", shade[0].W, shade[0].H, shade[2].W, shade[6].W, rowH)
	}
	if p.Items[0].Kind != layout.KindFill {
		t.Error("fills are not painted first")
	}
	found := false
	for _, ln := range body(p) {
		if ln.Text == "Quy hoạch (nhóm 1)" {
			found = true
			if !near(ln.X, tx+10+prof.CellPad.Left) {
				t.Errorf("cell text at %.2f, want %.2f", ln.X, tx+10+prof.CellPad.Left)
			}
		}
	}
	if !found {
		t.Error("no cell line “Quy hoạch (nhóm 1)”")
	}
}

// The cell padding is the profile's (templates/nd30.yaml le_o_bang): text
// starts Left from the left border, a one-line row is the line plus Top and
// Bottom, and the tallest letters with their diacritics stay clear of the
// borders. Another profile's padding moves them.
func TestCellPadding(t *testing.T) {
	t.Parallel()
	if prof.CellPad.Top < 1 || prof.CellPad.Bottom < 1 {
		t.Fatalf("ND30 profile cell padding %+v: top and bottom under 1 mm", prof.CellPad)
	}
	one := func(p *doc.Profile) (text layout.TextLine, top, bottom, leftBorder float64) {
		tbl := &doc.Table{Columns: []float64{60}, Borders: true, Rows: []doc.Row{{Cells: []doc.Cell{{
			Paragraphs: []doc.Paragraph{{Style: doc.StyleTableCell, Runs: []doc.Run{{Text: "ẤP ỖNG Ợ gjpqy"}}}},
		}}}}}
		d := &doc.Document{Sections: []doc.Section{{Blocks: []doc.Block{tbl}}}}
		pages, err := layout.Layout(d, p, fam)
		if err != nil {
			t.Fatal(err)
		}
		top, bottom, leftBorder = math.Inf(1), math.Inf(-1), math.Inf(1)
		for _, it := range pages[0].Items {
			if it.Kind == layout.KindLine && it.Role == layout.RoleBorder {
				top, bottom = math.Min(top, math.Min(it.Y, it.Y2)), math.Max(bottom, math.Max(it.Y, it.Y2))
				leftBorder = math.Min(leftBorder, math.Min(it.X, it.X2))
			}
		}
		return body(pages[0])[0], top, bottom, leftBorder
	}
	for _, pad := range []doc.Margins{prof.CellPad, {Top: 3, Bottom: 2, Left: 4, Right: 1}} {
		p := *prof
		p.CellPad = pad
		ln, top, bottom, lb := one(&p)
		size := p.Style(doc.StyleTableCell).Size
		lineH := size * 2355 / 2048 / fonts.PtPerMM
		if !near(ln.X, lb+pad.Left) {
			t.Errorf("pad %+v: text at %.2f, left border %.2f", pad, ln.X, lb)
		}
		if !near(bottom-top, lineH+pad.Top+pad.Bottom) {
			t.Errorf("pad %+v: row %.2f mm high, want line %.2f + %.2f", pad, bottom-top, lineH, pad.Top+pad.Bottom)
		}
		// The tallest stacked capital and the deepest descender of Liberation
		// Serif (bold Ấ 1875, bold ỵ −452 of 2048 em, measured): both reach
		// past the hhea ascent and descent (1825, 443).
		asc, desc := size*1875/2048/fonts.PtPerMM, size*452/2048/fonts.PtPerMM
		if gap := ln.Y - asc - top; gap < pad.Top-tol {
			t.Errorf("pad %+v: diacritics %.2f mm under the top border, want ≥ %.2f", pad, gap, pad.Top)
		}
		// The bold descender dips 9/2048 em (0,02 mm) below the line box.
		if gap := bottom - (ln.Y + desc); gap < pad.Bottom-0.05 {
			t.Errorf("pad %+v: descenders %.2f mm over the bottom border, want ≥ %.2f", pad, gap, pad.Bottom)
		}
	}
}

func TestRules(t *testing.T) {
	t.Parallel()
	hdr := doctest.FittedHeader(fam)
	pages := lay(t, hdr, doctest.P(doc.StyleTrichYeu, "Về việc thử"), &doc.Rule{Length: 40})
	p := pages[0]
	lines := body(p)
	var rules []layout.Item
	for _, it := range p.Items {
		if it.Role == layout.RoleRule {
			rules = append(rules, it)
		}
	}
	if len(rules) != 3 {
		t.Fatalf("want 3 rules, got %d", len(rules))
	}
	find := func(s string) layout.TextLine {
		for _, l := range lines {
			if l.Text == s {
				return l
			}
		}
		t.Fatalf("no line %q", s)
		return layout.TextLine{}
	}
	tests := []struct {
		above  string
		length float64
		size   float64
	}{
		{"XÃ MƯỜNG KHOA", hdr.Cols[0][2].(*doc.Rule).Length, 13},
		{"Độc lập - Tự do - Hạnh phúc", hdr.Cols[1][2].(*doc.Rule).Length, 14},
		{"Về việc thử", 40, 14},
	}
	for i, tc := range tests {
		r := rules[i]
		ln := find(tc.above)
		if !near(r.X2-r.X, tc.length) || r.Y != r.Y2 {
			t.Errorf("rule under %q is %.3f mm, want %.3f horizontal", tc.above, r.X2-r.X, tc.length)
		}
		if !near((r.X+r.X2)/2, (ln.X+ln.End)/2) {
			t.Errorf("rule under %q centred at %.2f, text at %.2f", tc.above, (r.X+r.X2)/2, (ln.X+ln.End)/2)
		}
		gap := r.Y - ln.Y
		desc := tc.size * 443 / 2048 / fonts.PtPerMM
		if !near(gap, desc+layout.RuleGap) {
			t.Errorf("rule under %q is %.2f mm below the baseline, want %.2f", tc.above, gap, desc+layout.RuleGap)
		}
		if r.Thickness != layout.RulePt {
			t.Errorf("rule thickness %v", r.Thickness)
		}
	}
	// The motto rule is exactly as long as the motto.
	motto := find("Độc lập - Tự do - Hạnh phúc")
	if math.Abs((motto.End-motto.X)-(rules[1].X2-rules[1].X)) > 0.05 {
		t.Errorf("motto %.2f mm, its rule %.2f mm", motto.End-motto.X, rules[1].X2-rules[1].X)
	}
	// Nothing overlaps the rule: the next line's top is below it.
	num := find("Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/KH-UBND")
	if top := num.Y - 13*0.891/fonts.PtPerMM; top < rules[0].Y {
		t.Errorf("“Số” line top %.2f above the rule at %.2f", top, rules[0].Y)
	}
}

func TestPageNumbers(t *testing.T) {
	t.Parallel()
	pages, err := layout.Layout(doctest.Long(fam), prof, fam)
	if err != nil {
		t.Fatal(err)
	}
	sec2 := -1
	for i, p := range pages {
		if p.Section == 1 && sec2 < 0 {
			sec2 = i
		}
	}
	if sec2 < 2 || sec2 > len(pages)-2 {
		t.Fatalf("want 2+ portrait and 2+ landscape pages, annex starts at page %d of %d", sec2+1, len(pages))
	}
	for i, p := range pages {
		var nums []layout.Item
		for _, it := range p.Items {
			if it.Role == layout.RolePageNumber {
				nums = append(nums, it)
			}
		}
		want := i + 1
		setup := prof.Page
		if i >= sec2 {
			want = i - sec2 + 1
			setup = prof.Landscape
		}
		w, h := setup.Size()
		if p.Width != w || p.Height != h {
			t.Errorf("page %d is %vx%v, want %vx%v", i+1, p.Width, p.Height, w, h)
		}
		if i == 0 || i == sec2 {
			if len(nums) != 0 || p.Number != 0 {
				t.Errorf("page %d (a section's first) has a page number", i+1)
			}
			continue
		}
		if len(nums) != 1 || p.Number != want || nums[0].Text != itoa(want) {
			t.Errorf("page %d: number %d, items %v, want %d", i+1, p.Number, nums, want)
			continue
		}
		n := nums[0]
		centre := setup.Margins.Left + setup.TextWidth()/2
		if !near(n.X+n.W/2, centre) {
			t.Errorf("page %d: number centred at %.2f, want %.2f", i+1, n.X+n.W/2, centre)
		}
		if n.Y <= setup.HeaderMM || n.Y >= setup.Margins.Top {
			t.Errorf("page %d: number baseline %.2f not in the top margin", i+1, n.Y)
		}
		if n.Size != prof.Style(doc.StylePageNumber).Size {
			t.Errorf("page %d: number size %v", i+1, n.Size)
		}
	}
}

func TestPageFieldAndSpacing(t *testing.T) {
	t.Parallel()
	p := &doc.Paragraph{Style: doc.StyleBody, Runs: []doc.Run{{Text: "Trang "}, {Text: "0", Field: doc.FieldPage}}}
	pages := lay(t, &doc.PageBreak{}, p, &doc.PageBreak{}, p)
	if len(pages) != 2 {
		t.Fatalf("a leading page break made a blank page: %d pages", len(pages))
	}
	for i, pg := range pages {
		if got := body(pg)[0].Text; got != "Trang "+itoa(i+1) {
			t.Errorf("page %d: field gave %q", i+1, got)
		}
	}
	// SpaceAfter of one paragraph and SpaceBefore of the next add up.
	a := doctest.P(doc.StyleBody, "Một.")
	b := doctest.Heading1("I. HAI")
	lines := body(lay(t, a, b)[0])
	bodySt, h1 := prof.Style(doc.StyleBody), prof.Style(doc.StyleHeading1)
	want := 14*2355.0/2048/fonts.PtPerMM + (bodySt.SpaceAfter+h1.SpaceBefore)/fonts.PtPerMM
	if !near(lines[1].Y-lines[0].Y, want) {
		t.Errorf("paragraph distance %.3f, want %.3f", lines[1].Y-lines[0].Y, want)
	}
}

func TestErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		block doc.Block
		want  string
	}{
		{"too many cells", &doc.Table{Columns: []float64{10}, Rows: []doc.Row{{Cells: []doc.Cell{{}, {}}}}}, "more cells"},
		{"no columns", &doc.Table{}, "no columns"},
		{"columns without widths", &doc.Columns{Cols: [][]doc.Block{{}}}, "widths"},
		{"nil", nil, "nil"},
	}
	for _, tc := range tests {
		d := &doc.Document{Sections: []doc.Section{{Blocks: []doc.Block{tc.block}}}}
		_, err := layout.Layout(d, prof, fam)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}

// A KeepNext row (an annex heading row) never ends a page: it moves to the
// next page with the row below it.
func TestTableRowKeepNext(t *testing.T) {
	t.Parallel()
	lastOnPage := func(pages []layout.Page, pi int) string {
		var last string
		for _, ln := range body(pages[pi]) {
			if ln.X < left+10 {
				if _, err := strconv.Atoi(ln.Text); err == nil {
					last = ln.Text
				}
			}
		}
		return last
	}
	tbl := doctest.CriteriaTable(100, []float64{10, 65, 30, 30, 30}, 0)
	pages := lay(t, doctest.P(doc.StyleBody, "Bảng:"), tbl)
	n, err := strconv.Atoi(lastOnPage(pages, 0))
	if err != nil {
		t.Fatal(err)
	}
	row := tbl.HeaderRows + n - 1
	if got := tbl.Rows[row].Cells[0].Paragraphs[0].Runs[0].Text; got != itoa(n) {
		t.Fatalf("row %d holds %q, want %d", row, got, n)
	}
	tbl.Rows[row].KeepNext = true
	pages = lay(t, doctest.P(doc.StyleBody, "Bảng:"), tbl)
	if got := lastOnPage(pages, 0); got != itoa(n-1) {
		t.Errorf("page 1 ends with row %s; want %d (row %d keeps with %d)", got, n-1, n, n+1)
	}
}
