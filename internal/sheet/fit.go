package sheet

import (
	"fmt"
	"math"
	"strings"
)

// Measure is the width in mm of text set at size points, bold or regular,
// in the font the tables are printed in. The caller supplies it (package
// compose measures with the family the document is set in): the sheet
// model knows no font.
type Measure func(text string, size float64, bold bool) float64

// Metrics is what fitting the columns needs to know of the page and of the
// type: all of it comes from the ND30 profile and the font.
type Metrics struct {
	Width             float64 // the table's width, mm: the landscape page's text width
	PadLeft, PadRight float64 // a cell's left and right padding, mm
	HeadSize          float64 // header text, points (bold)
	CellSize          float64 // body text, points
	Measure           Measure
}

// FitSlack is added to every column's least width, mm: room for rounding
// (DOCX twips, Excel pixels) and for a reader that measures text a little
// wider than the font's metrics (LibreOffice's hinting).
const FitSlack = 0.5

// OverflowFloor is how narrow, mm, a text column may become when the page
// cannot hold the least widths: the text columns shrink to it before an
// amount column is cut.
const OverflowFloor = 8.0

// IndentMM is the indent of the label column per row Level in the
// workbook (Excel's indent step at 11 pt); the fit leaves room for it.
const IndentMM = 2.6

// LabelColumn is the column whose text the workbook indents by row level:
// the first left-aligned column, or -1.
func (s *Sheet) LabelColumn() int {
	for i, c := range s.Columns {
		if c.Align == AlignLeft {
			return i
		}
	}
	return -1
}

// Widths returns the column widths in mm (as Fit set them).
func (s *Sheet) Widths() []float64 {
	out := make([]float64, len(s.Columns))
	for i, c := range s.Columns {
		out[i] = c.Width
	}
	return out
}

// need is what a column needs and would like.
type need struct {
	own   float64 // the longest unbreakable token plus padding and slack
	token string  // that token
	min   float64 // own, or more for a share of a spanning cell's words
	nat   float64 // the longest body text unwrapped (text columns: or the header on two lines), plus padding and slack
	head3 float64 // the header set on at most three lines, plus padding and slack
	head2 float64 // the header set on at most two lines, plus padding and slack
}

// spanNeed is the least width of a cell spanning several columns.
type spanNeed struct {
	from, n int
	min     float64
	token   string
}

// tokens splits printed text where a line may break: at spaces and new
// lines (never at no-break spaces, which vn.Bind puts between a number and
// its unit, after ≥ and before a phrase dash).
func tokens(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\n' || r == '\t' })
}

// inLines is the least width that sets bold text on at most n lines,
// breaking greedily at spaces as every renderer does.
func inLines(text string, n int, size float64, measure Measure) float64 {
	words := tokens(text)
	if len(words) == 0 {
		return 0
	}
	space := measure(" ", size, true)
	ws := make([]float64, len(words))
	lo, hi := 0.0, -space
	for i, w := range words {
		ws[i] = measure(w, size, true)
		lo, hi = math.Max(lo, ws[i]), hi+ws[i]+space
	}
	lines := func(width float64) int {
		count, line := 1, -space
		for _, w := range ws {
			if line >= 0 && line+space+w > width+1e-9 {
				count, line = count+1, w
			} else {
				line += space + w
			}
		}
		return count
	}
	if lines(lo) <= n {
		return lo
	}
	for k := 0; k < 40; k++ {
		mid := (lo + hi) / 2
		if lines(mid) <= n {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

// needs measures every column and every spanning cell. Text is measured as
// printed (bound by annex.Sheets with vn.Bind), headers in bold at
// HeadSize; the label column of a nested row has the workbook's indent.
func (s *Sheet) needs(m Metrics) ([]need, []spanNeed) {
	pad := m.PadLeft + m.PadRight + FitSlack
	cols := make([]need, len(s.Columns))
	for i := range cols {
		cols[i] = need{own: pad, nat: pad, head3: pad, head2: pad}
	}
	var spans []spanNeed
	measure := func(text string, size float64, bold bool, indent float64) (minW float64, token string, nat float64) {
		for _, t := range tokens(text) {
			if w := m.Measure(t, size, bold) + indent; w > minW {
				minW, token = w, t
			}
		}
		for _, line := range strings.Split(text, "\n") {
			nat = math.Max(nat, m.Measure(strings.TrimSpace(line), size, bold)+indent)
		}
		return minW + pad, token, nat + pad
	}
	for _, row := range s.Header() {
		for _, hc := range row {
			if hc.Covered || hc.Text == "" {
				continue
			}
			w, tok, _ := measure(hc.Text, m.HeadSize, true, 0)
			if hc.ColSpan > 1 {
				spans = append(spans, spanNeed{from: hc.Col, n: hc.ColSpan, min: w, token: tok})
				continue
			}
			// Headers wrap between words: their words must fit, and the
			// column would like its header on few lines.
			c := &cols[hc.Col]
			if w > c.own {
				c.own, c.token = w, tok
			}
			text := hc.Text
			c.head3 = math.Max(c.head3, inLines(text, 3, m.HeadSize, m.Measure)+pad)
			c.head2 = math.Max(c.head2, inLines(text, 2, m.HeadSize, m.Measure)+pad)
			if s.Columns[hc.Col].Wrap {
				c.nat = math.Max(c.nat, c.head2)
			}
		}
	}
	label := s.LabelColumn()
	for _, r := range s.Rows {
		for c := 0; c < len(r.Cells) && c < len(cols); c++ {
			cell := r.Cells[c]
			text := cell.String()
			if text == "" {
				continue
			}
			indent := 0.0
			if c == label {
				indent = IndentMM * float64(r.Level)
			}
			w, tok, nat := measure(text, m.CellSize, r.Bold, indent)
			if n := min(cell.Span, len(cols)-c); n > 1 {
				spans = append(spans, spanNeed{from: c, n: n, min: w, token: tok})
				continue
			}
			if w > cols[c].own {
				cols[c].own, cols[c].token = w, tok
			}
			cols[c].nat = math.Max(cols[c].nat, nat)
		}
	}
	for i := range cols {
		cols[i].min = cols[i].own
	}
	// A spanning cell's words must fit its columns together: the shortfall
	// is shared evenly.
	for _, sp := range spans {
		have := 0.0
		for k := sp.from; k < sp.from+sp.n; k++ {
			have += cols[k].min
		}
		if short := sp.min - have; short > 0 {
			for k := sp.from; k < sp.from+sp.n; k++ {
				cols[k].min += short / float64(sp.n)
			}
		}
	}
	for i := range cols {
		cols[i].nat = math.Max(cols[i].nat, cols[i].min)
	}
	return cols, spans
}

// Fit sets the column widths from the content, to add up to m.Width. In
// order, while there is room:
//
//  1. every column gets its least width: its longest unbreakable token
//     (a word, an amount as printed, "1.250", "1.890,5", a header word)
//     in its face and size, plus the cell's padding and FitSlack, so no
//     word or number is ever cut; a cell spanning columns (a group header,
//     a group row) needs its longest word across them;
//  2. the columns that do not wrap (Column.Wrap false: amounts, codes,
//     dates, Đạt / Chưa đạt) grow to keep their longest value on one line,
//     taking at most half of the room left (if they want more, they share
//     what they get in proportion to what they lack);
//  3. every column grows to set its header on three lines at most, taking
//     at most a third of the room left (the header repeats on every page);
//  4. the text columns (Wrap) grow where that shortens the table: step by
//     step the column whose next width (at which one of its cells loses a
//     line) saves the most row lines per mm is widened (see shorten); this
//     gives fewer lines than sharing in proportion to the natural widths
//     (Mường Khoa 2025: Biểu 01 60 body lines instead of 70, Biểu 04 9 for 11);
//  5. every column grows to set its header on two lines;
//  6. what is left goes to the text columns in proportion to their
//     natural widths, their longest text unwrapped (or their header on
//     two lines), none below what it has: width = max(width, k × natural)
//     (to every column when there is no text column). When the page holds
//     every text on one line, the text columns end up exactly in
//     proportion to their natural widths.
//
// If the least widths add up to more than m.Width, words will be cut: the
// text columns shrink first (to OverflowFloor), so that amounts stay whole
// as long as they can, then all columns in proportion; Fit returns the
// problems, one per column too narrow (see Check). Otherwise it returns
// none.
func (s *Sheet) Fit(m Metrics) []Problem {
	if len(s.Columns) == 0 {
		return nil
	}
	cols, _ := s.needs(m)
	w := make([]float64, len(cols))
	least := 0.0
	for i, c := range cols {
		w[i] = c.min
		least += c.min
	}
	if least > m.Width {
		// Words are cut before numbers: the text columns give up their
		// room first, down to OverflowFloor, then every column shrinks.
		give := 0.0
		for i, c := range s.Columns {
			if c.Wrap {
				give += math.Max(0, w[i]-OverflowFloor)
			}
		}
		if take := math.Min(least-m.Width, give); take > 0 {
			for i, c := range s.Columns {
				if c.Wrap {
					w[i] -= math.Max(0, w[i]-OverflowFloor) * take / give
				}
			}
			least -= take
		}
		for i := range w {
			w[i] *= m.Width / least
		}
		s.setWidths(w)
		return s.Check(m)
	}
	room := m.Width - least
	var fixed, flex, all []int
	for i, c := range s.Columns {
		all = append(all, i)
		if c.Wrap {
			flex = append(flex, i)
		} else {
			fixed = append(fixed, i)
		}
	}
	grow := func(idx []int, want func(i int) float64, limit float64) {
		lack := 0.0
		for _, i := range idx {
			lack += math.Max(0, want(i)-w[i])
		}
		if lack <= 0 {
			return
		}
		give := math.Min(lack, limit)
		for _, i := range idx {
			w[i] += math.Max(0, want(i)-w[i]) * give / lack
		}
		room -= give
	}
	nat := func(i int) float64 { return cols[i].nat }
	grow(fixed, nat, room/2)                                        // 2
	grow(all, func(i int) float64 { return cols[i].head3 }, room/3) // 3
	room -= s.shorten(w, flex, cols, m, room)                       // 4
	grow(all, func(i int) float64 { return cols[i].head2 }, room)   // 5
	if len(flex) == 0 {
		flex = fixed
	}
	share(w, flex, nat, room, math.Inf(1)) // 6
	s.setWidths(w)
	return nil
}

// share grows the columns idx by up to room in total so that each becomes
// k × weight(i), capped at kmax × weight(i) and never below its width;
// it returns the room used.
func share(w []float64, idx []int, weight func(i int) float64, room, kmax float64) float64 {
	if room <= 0 || len(idx) == 0 {
		return 0
	}
	at := func(k float64) float64 {
		sum := 0.0
		for _, i := range idx {
			sum += math.Max(0, k*weight(i)-w[i])
		}
		return sum
	}
	hi := kmax
	if math.IsInf(hi, 1) {
		hi = 1
		for at(hi) < room {
			hi *= 2
		}
	}
	used := room
	if at(hi) <= room {
		used = at(hi)
	} else {
		lo := 0.0
		for n := 0; n < 60; n++ {
			mid := (lo + hi) / 2
			if at(mid) < room {
				lo = mid
			} else {
				hi = mid
			}
		}
	}
	total := 0.0
	for _, i := range idx {
		total += math.Max(0, hi*weight(i)-w[i])
	}
	for _, i := range idx {
		if total > 0 {
			w[i] += math.Max(0, hi*weight(i)-w[i]) * used / total
		}
	}
	return used
}

func (s *Sheet) setWidths(w []float64) {
	for i := range s.Columns {
		s.Columns[i].Width = w[i]
	}
}

// Problem is a column narrower than a token it must show whole: the page
// cannot hold the table's columns at their least widths.
type Problem struct {
	Sheet  string // "03"
	Column int    // 0-based column index
	Head   string // the column's header path: "Kế hoạch vốn năm 2025 / Trong đó / Ngân sách xã"
	Token  string // the word or number that does not fit
	Need   float64
	Have   float64 // mm
	// TableNeed is the sum of the columns' least widths, TableWidth the
	// page's text width, mm.
	TableNeed, TableWidth float64
}

// Message says in Vietnamese which annex and column is too narrow, by how
// much, and what to do.
func (p Problem) Message() string {
	return fmt.Sprintf("Biểu số %s, cột %d “%s”: chữ “%s” cần %s mm nhưng cột chỉ rộng %s mm nên bị cắt (các cột của biểu cần ít nhất %s mm, trang ngang chỉ có %s mm); hãy bớt cột (nguồn vốn) hoặc viết ngắn lại chữ đó.",
		p.Sheet, p.Column+1, p.Head, clip(strings.ReplaceAll(p.Token, "\u00a0", " ")), mm(p.Need), mm(p.Have), mm(p.TableNeed), mm(p.TableWidth))
}

// clip shortens a token for a message to 40 characters.
func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return s
}

func mm(v float64) string { return strings.Replace(fmt.Sprintf("%.1f", v), ".", ",", 1) }

// Check reports every column narrower than its least width (see Fit) and
// every spanning cell whose columns together are: the columns in which a
// word or an amount would be cut.
func (s *Sheet) Check(m Metrics) []Problem {
	cols, spans := s.needs(m)
	least := 0.0
	for _, c := range cols {
		least += c.min
	}
	const tol = 1e-6
	var out []Problem
	add := func(col int, token string, need, have float64) {
		out = append(out, Problem{Sheet: s.Number, Column: col, Head: strings.Join(s.Columns[col].Head, " / "),
			Token: token, Need: need, Have: have, TableNeed: least, TableWidth: m.Width})
	}
	for i, c := range cols {
		if c.token != "" && s.Columns[i].Width < c.own-tol {
			add(i, c.token, c.own, s.Columns[i].Width)
		}
	}
	for _, sp := range spans {
		have := 0.0
		for k := sp.from; k < sp.from+sp.n; k++ {
			have += s.Columns[k].Width
		}
		if have < sp.min-tol {
			add(sp.from, sp.token, sp.min, have)
		}
	}
	return out
}

// wrapped is a body cell measured for counting its lines.
type wrapped struct {
	row, col int
	paras    [][]float64 // word widths by paragraph (hard line breaks), mm
	space    float64     // width of a space, mm
	inset    float64     // padding, slack and indent: width the words do not get
	lines    int         // lines at the column's width
	natLines int         // lines at the column's natural width
	atNext   int         // lines at the column's next step
}

// countLines is the number of lines greedy breaking at spaces gives words
// in avail mm.
func (c *wrapped) countLines(width float64) int { return c.count(width, math.MaxInt) }

// count is countLines, or limit when there are limit lines or more: it
// stops counting there.
func (c *wrapped) count(width float64, limit int) int {
	avail := width - c.inset
	n := 0
	for _, ws := range c.paras {
		n++
		line := -1.0
		for _, w := range ws {
			switch {
			case line < 0:
				line = w
			case line+c.space+w > avail+1e-9:
				if n++; n >= limit {
					return limit
				}
				line = w
			default:
				line += c.space + w
			}
		}
		if n >= limit {
			return limit
		}
	}
	return n
}

// nextStep is a column's next step: the least width above its width, up
// to its natural width nat, at which one of its cells xs takes fewer
// lines than it does at width (wrapped.lines), found by bisection down to
// 0.02 mm, or +Inf when none does by nat. live is scratch room.
//
// It is the least of what bisecting each cell alone gives, in one
// bisection: a cell's line count only falls as the width grows (greedy
// breaking), so whether it has lost a line at a width is false below one
// threshold and true above, and bisecting the same interval ends at a
// width that never falls as the threshold rises; the least cell's result
// is then the bisection of "some cell has lost a line", whose threshold is
// the least.
func nextStep(xs []*wrapped, width, nat float64, live []*wrapped) float64 {
	live = live[:0]
	for _, x := range xs {
		if x.lines > len(x.paras) && x.natLines < x.lines {
			live = append(live, x)
		}
	}
	if len(live) == 0 {
		return math.Inf(1)
	}
	fewer := func(width float64) bool {
		for i, x := range live {
			if x.count(width, x.lines) < x.lines {
				// The cells before it keep their lines at width, so at
				// every narrower width, which is all the bisection asks
				// from now on: they are done with. It comes first, likely
				// to lose a line at the next width too.
				live = live[i:]
				return true
			}
		}
		return false
	}
	lo, hi := width, nat
	for hi-lo > 0.02 {
		mid := (lo + hi) / 2
		if fewer(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

// shorten spends up to room on the text columns idx so that the body gets
// as few lines as it can: again and again it widens the column whose next
// step (the width at which one of its cells loses a line) saves the most
// lines per mm, a line of a row's height counting 1 and a line of a cell
// ½ (a greedy search counting row heights alone stalls where two columns
// both make a row tall: on Mường Khoa's Biểu 01 it stops at 66 body lines,
// counting the cells' lines too it reaches 60). It returns the room used.
//
// A column's next step, its cells' lines there and the cell lines it saves
// change only when the column is widened, so they are worked out then and
// kept; each round only recounts the rows' heights.
func (s *Sheet) shorten(w []float64, idx []int, cols []need, m Metrics, room float64) float64 {
	pad := m.PadLeft + m.PadRight + FitSlack
	text := make([]bool, len(w))
	for _, i := range idx {
		text[i] = true
	}
	label := s.LabelColumn()
	byCol := make([][]*wrapped, len(w))
	byRow := make([][]*wrapped, len(s.Rows)) // the text columns' cells of each row
	fixedLines := make([]int, len(s.Rows))
	most := 0 // the most cells of a text column
	for r, row := range s.Rows {
		for c := 0; c < len(row.Cells) && c < len(w); c++ {
			cell := row.Cells[c]
			str := cell.String()
			if str == "" || cell.Span > 1 {
				continue
			}
			size := m.CellSize
			x := &wrapped{row: r, col: c, space: m.Measure(" ", size, row.Bold), inset: pad}
			if c == label {
				x.inset += IndentMM * float64(row.Level)
			}
			for para := range strings.SplitSeq(str, "\n") {
				var ws []float64
				for _, t := range tokens(para) {
					ws = append(ws, m.Measure(t, size, row.Bold))
				}
				x.paras = append(x.paras, ws)
			}
			x.lines = x.countLines(w[c])
			if !text[c] {
				fixedLines[r] = max(fixedLines[r], x.lines)
				continue
			}
			x.natLines = x.countLines(cols[c].nat)
			byCol[c] = append(byCol[c], x)
			byRow[r] = append(byRow[r], x)
			most = max(most, len(byCol[c]))
		}
	}
	rowLines := func(r int, c int, lines int) int { // the row's lines with column c's cell at lines
		n := fixedLines[r]
		for _, x := range byRow[r] {
			if x.col == c {
				n = max(n, lines)
			} else {
				n = max(n, x.lines)
			}
		}
		return n
	}
	next := make([]float64, len(w)) // each text column's next step
	saved := make([]int, len(w))    // the cell lines it saves
	live := make([]*wrapped, 0, most)
	step := func(c int) {
		next[c], saved[c] = nextStep(byCol[c], w[c], cols[c].nat, live), 0
		if math.IsInf(next[c], 1) {
			return
		}
		for _, x := range byCol[c] {
			if x.atNext = x.countLines(next[c]); x.atNext < x.lines {
				saved[c] += x.lines - x.atNext
			}
		}
	}
	for _, c := range idx {
		step(c)
	}
	used := 0.0
	for {
		best, bestW, bestScore := -1, 0.0, 0.0
		for _, c := range idx {
			if math.IsInf(next[c], 1) || next[c]-w[c] > room-used+1e-9 {
				continue
			}
			savedRows := 0
			for _, x := range byCol[c] {
				if x.atNext < x.lines {
					savedRows += rowLines(x.row, c, x.lines) - rowLines(x.row, c, x.atNext)
				}
			}
			if score := (float64(savedRows) + float64(saved[c])/2) / math.Max(next[c]-w[c], 1e-3); score > bestScore {
				best, bestW, bestScore = c, next[c], score
			}
		}
		if best < 0 {
			return used
		}
		used += bestW - w[best]
		w[best] = bestW
		for _, x := range byCol[best] {
			x.lines = x.countLines(bestW)
		}
		step(best)
	}
}
