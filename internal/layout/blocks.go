package layout

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"kehoach/internal/doc"
)

// elem is an unbreakable vertical piece of content: a line of a paragraph,
// a table row, a band of a Columns block, a spacer. Pages break between
// elems only.
type elem struct {
	before, height, after float64 // mm
	items                 []Item  // Y relative to the elem's top
	marks                 []Mark  // Y relative to the elem's top
	areas                 []Area  // Y relative to the elem's top
	keepNext              bool    // no page break between this elem and the next
	pageBreak             bool    // a forced page break (no content)
	// baseline and descent of the last text line, relative to the top;
	// baseline < 0 when the elem has no text line (a following Rule then
	// goes under its bottom).
	baseline, descent float64
	// repeat are the header rows of the table this body row belongs to,
	// repeated when the row starts a page.
	repeat []elem
	// problems are layout faults of this elem's lines (a cut word, a line
	// starting with a phrase dash), moved to the page it lands on.
	problems []Problem
	// ruled: a Rule is the elem's bottom, so the white space below it is
	// at least the profile's RuleSpaceBelow (see spaceBelowRules).
	ruled bool
}

// box is a container: a column of the given x and width.
type box struct{ x, w float64 }

// mode changes how paragraphs are set inside table cells.
type mode int

const (
	modeFlow mode = iota // page body or a Columns column
	modeCell             // table cell: no indents, no paragraph spacing, single spacing
)

// blocks lays out a list of blocks into elems stacked in container b.
func (e *engine) blocks(b box, blocks []doc.Block, md mode) ([]elem, error) {
	// The elems are gathered in the engine's scratch array of this depth
	// (a table cell's or a column's blocks are laid out one level down)
	// and copied out once, exactly sized.
	d := e.depth
	e.depth++
	defer func() { e.depth-- }()
	if d == len(e.elems) {
		e.elems = append(e.elems, nil)
	}
	out := e.elems[d][:0]
	for bi, blk := range blocks {
		switch v := blk.(type) {
		case *doc.Paragraph:
			out = e.paragraph(out, b, v, md)
		case *doc.ListItem:
			out = e.listItem(out, b, v, md)
		case *doc.Table:
			rows, err := e.table(b, v)
			if err != nil {
				return nil, fmt.Errorf("block %d: %w", bi+1, err)
			}
			out = append(out, rows...)
		case *doc.Columns:
			bands, err := e.columns(b, v)
			if err != nil {
				return nil, fmt.Errorf("block %d: %w", bi+1, err)
			}
			out = append(out, bands...)
		case *doc.Rule:
			out = e.rule(b, v, out)
		case *doc.Spacer:
			// White space between blocks that must stay together stays
			// with them.
			keep := len(out) > 0 && out[len(out)-1].keepNext
			out = append(out, elem{height: v.Height, baseline: -1, keepNext: keep, areas: signAreas(b, v)})
		case *doc.PageBreak:
			out = append(out, elem{pageBreak: true, baseline: -1})
		case nil:
			return nil, fmt.Errorf("block %d is nil", bi+1)
		default:
			return nil, fmt.Errorf("block %d: unknown block type %T", bi+1, blk)
		}
	}
	e.spaceBelowRules(out)
	var els []elem
	if len(out) > 0 {
		els = make([]elem, len(out))
		copy(els, out)
	}
	clear(out) // the scratch array keeps no items alive
	e.elems[d] = out[:0]
	return els, nil
}

// spaceBelowRules makes the white space between each rule and the next
// content below it (a line box, a table row) at least the profile's
// RuleSpaceBelow: the space already there — the rule elem's SpaceAfter,
// Spacers, the next elem's SpaceBefore — counts, and what is missing goes
// into the rule elem's SpaceAfter. A rule with nothing after it in its
// container, or before a page break, is left alone.
func (e *engine) spaceBelowRules(els []elem) {
	need := pt(e.p.RuleSpaceBelow)
	for i := range els {
		if !els[i].ruled {
			continue
		}
		have := els[i].after
		j := i + 1
		for j < len(els) && blank(els[j]) {
			have += els[j].before + els[j].height + els[j].after
			j++
		}
		if j == len(els) || els[j].pageBreak {
			continue
		}
		if have += els[j].before; have < need {
			els[i].after += need - have
		}
	}
}

// blank reports whether an elem is white space only (a Spacer).
func blank(el elem) bool {
	return !el.pageBreak && empty(el)
}

// empty reports whether an elem has nothing to place: no item, no mark,
// no signing area.
func empty(el elem) bool {
	return len(el.items) == 0 && len(el.marks) == 0 && len(el.areas) == 0
}

// signAreas are the signing areas of a Spacer that marks one (doc.SignArea)
// in container b, relative to the Spacer's top: the signature box centred
// in the container, as tall as the Spacer; the seal box centred on it
// vertically, its right edge a third of the way into the signature box.
func signAreas(b box, s *doc.Spacer) []Area {
	if s.Sign == nil || s.Height <= 0 {
		return nil
	}
	w := s.Sign.Width
	if w <= 0 || w > b.w {
		w = b.w
	}
	sig := Area{Kind: AreaSignature, X: b.x + (b.w-w)/2, Y: 0, W: w, H: s.Height}
	out := []Area{sig}
	if d := s.Sign.Seal; d > 0 {
		out = append(out, Area{Kind: AreaSeal, X: sig.X + w/3 - d, Y: (s.Height - d) / 2, W: d, H: d})
	}
	return out
}

// paraSpec is a paragraph ready to set.
type paraSpec struct {
	st       doc.ParagraphStyle
	runs     []doc.Run
	align    doc.Align
	first    float64 // first-line indent from the container's left edge
	left     float64 // indent of the other lines
	keepNext bool
	heading  int
	node     doc.Block // the block set (Item.Node)
}

func (e *engine) resolve(name doc.StyleName, md mode) doc.ParagraphStyle {
	if name == "" && md == modeCell {
		name = doc.StyleTableCell
	}
	st := e.p.Style(name)
	if md == modeCell {
		st.FirstIndent, st.LeftIndent = 0, 0
		st.SpaceBefore, st.SpaceAfter = 0, 0
		st.LineSpacing = 1
	}
	return st
}

// paragraph appends the lines of p to out.
func (e *engine) paragraph(out []elem, b box, p *doc.Paragraph, md mode) []elem {
	st := e.resolve(p.Style, md)
	sp := paraSpec{st: st, runs: p.Runs, align: p.Align, left: st.LeftIndent,
		first: st.LeftIndent + st.FirstIndent, keepNext: p.KeepNext || st.KeepNext, heading: p.Heading, node: p}
	if p.NoIndent {
		sp.first = st.LeftIndent
	}
	return e.setPara(out, b, sp)
}

// listItem sets the marker at the first-line indent like a body paragraph's
// first line; the following lines start at the left margin (ND30 practice).
func (e *engine) listItem(out []elem, b box, li *doc.ListItem, md mode) []elem {
	st := e.resolve(li.Style, md)
	runs := make([]doc.Run, 0, len(li.Runs)+1)
	if li.Marker != "" {
		runs = append(runs, doc.Run{Text: li.Marker + " "})
	}
	runs = append(runs, li.Runs...)
	return e.setPara(out, b, paraSpec{st: st, runs: runs, left: st.LeftIndent,
		first: st.LeftIndent + st.FirstIndent, keepNext: st.KeepNext, node: li})
}

// setPara breaks a paragraph into lines, one elem each, appended to dst.
func (e *engine) setPara(dst []elem, b box, sp paraSpec) []elem {
	st := sp.st
	align := sp.align
	if align == doc.AlignDefault {
		align = st.Align
	}
	toks := e.tokenize(sp.runs, inlineFormat{size: st.Size, bold: st.Bold, italic: st.Italic})
	lines := e.breakLines(toks, func(i int) float64 {
		if i == 0 {
			return b.w - sp.first
		}
		return b.w - sp.left
	}, st.Size)
	first := len(dst)
	dst = slices.Grow(dst, len(lines))
	out := dst[first : first+len(lines)]
	for i, ln := range lines {
		indent := sp.left
		if i == 0 {
			indent = sp.first
		}
		avail := b.w - indent
		x := b.x + indent
		ws := 0.0
		switch align {
		case doc.AlignCenter:
			x += (avail - ln.w) / 2
		case doc.AlignRight:
			x += avail - ln.w
		case doc.AlignJustify:
			if !ln.hard && i < len(lines)-1 {
				if n := countSpaces(ln); n > 0 && avail > ln.w {
					ws = (avail - ln.w) / float64(n)
				}
			}
		}
		h := e.lineHeight(ln.size, st.LineSpacing)
		d := e.descent(ln.size)
		el := elem{height: h, baseline: h - d, descent: d}
		items := placeLine(e.lineItems[:0], ln, x, h-d, ws)
		for k := range items {
			items[k].Node = sp.node
		}
		for _, it := range items {
			if it.Kind == KindText && it.ul {
				items = append(items, underline(it))
			}
		}
		el.items = e.keep(items)
		e.lineItems = items[:0]
		if ln.cut != "" {
			el.problems = append(el.problems, Problem{Code: ProblemCutWord, Text: ln.cut})
		}
		if i > 0 && !lines[i-1].hard {
			if startsWithPhraseDash(lineHead(ln)) {
				t := lineText(ln)
				el.problems = append(el.problems, Problem{Code: ProblemLeadingDash, Text: lineText(lines[i-1]) + " / " + t})
			}
		}
		if i == 0 {
			el.before = pt(st.SpaceBefore)
			if sp.heading > 0 {
				el.marks = []Mark{{Level: sp.heading, Text: headingText(sp.runs)}}
			}
		}
		if i == len(lines)-1 {
			el.after = pt(st.SpaceAfter)
		}
		out[i] = el
	}
	n := len(out)
	switch {
	case sp.keepNext:
		for i := range out {
			out[i].keepNext = true
		}
	case n >= 2:
		out[0].keepNext = true   // no orphan: line 1 never alone at a page bottom
		out[n-2].keepNext = true // no widow: the last line never alone at a page top
	}
	return dst[:first+len(lines)]
}

// itemChunk is the number of items of the arrays keep carves line items
// from.
const itemChunk = 128

// keep returns a copy of items, capped, carved from an array shared with
// the items of other lines (one allocation for many lines rather than one
// or more each).
func (e *engine) keep(items []Item) []Item {
	n := len(items)
	if n == 0 {
		return nil
	}
	if n > itemChunk/4 {
		return append([]Item(nil), items...)
	}
	if cap(e.chunk)-len(e.chunk) < n {
		e.chunk = make([]Item, 0, itemChunk)
	}
	start := len(e.chunk)
	e.chunk = append(e.chunk, items...)
	return e.chunk[start:len(e.chunk):len(e.chunk)]
}

func countSpaces(ln line) int {
	n := 0
	for _, t := range ln.toks {
		if t.kind == tSpace {
			n++
		}
	}
	return n
}

// underline draws the underline of a text fragment.
func underline(it Item) Item {
	y := it.Y + pt(it.Size*0.1)
	return Item{Kind: KindLine, Role: RoleUnderline, X: it.X, Y: y, X2: it.X + it.W, Y2: y, Thickness: it.Size * 0.05}
}

func headingText(runs []doc.Run) string {
	s := doc.PlainText(runs)
	s = strings.NewReplacer("\n", " ", "\u00a0", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// rule attaches a Rule to the last elem (so no page break can separate it
// from the line above), just under that line's descender.
func (e *engine) rule(b box, r *doc.Rule, out []elem) []elem {
	th := r.Thickness
	if th <= 0 {
		th = RulePt
	}
	x := b.x + (b.w-r.Length)/2
	switch r.Align {
	case doc.AlignLeft:
		x = b.x
	case doc.AlignRight:
		x = b.x + b.w - r.Length
	}
	if len(out) == 0 || out[len(out)-1].pageBreak {
		y := pt(th) / 2
		return append(out, elem{height: pt(th), baseline: -1, ruled: true,
			items: []Item{{Kind: KindLine, Role: RoleRule, X: x, Y: y, X2: x + r.Length, Y2: y, Thickness: th}}})
	}
	last := &out[len(out)-1]
	y := last.height + RuleGap + pt(r.SpaceAbove)
	if last.baseline >= 0 {
		y = last.baseline + last.descent + RuleGap + pt(r.SpaceAbove)
	}
	last.items = append(last.items, Item{Kind: KindLine, Role: RoleRule, X: x, Y: y, X2: x + r.Length, Y2: y, Thickness: th})
	if bottom := y + pt(th)/2; bottom > last.height {
		last.height = bottom
	}
	last.baseline = -1
	last.ruled = true
	return out
}

// placed is an elem at a vertical offset inside a block.
type placed struct {
	top float64
	el  elem
}

// stack puts elems one under another (ignoring page breaks) and returns
// them with their offsets and the total height, trailing space included.
func stack(els []elem) ([]placed, float64) {
	out := make([]placed, 0, len(els))
	y := 0.0
	for _, el := range els {
		if el.pageBreak {
			continue
		}
		y += el.before
		out = append(out, placed{top: y, el: el})
		y += el.height + el.after
	}
	return out, y
}

// whole joins stacked elems into one, from the top of the first with
// content to the bottom of the last: a margin note (doc.Columns.Note), set
// and read as one piece.
func whole(ps []placed) []placed {
	first, last := -1, -1
	for k, p := range ps {
		if !empty(p.el) {
			if first < 0 {
				first = k
			}
			last = k
		}
	}
	if first < 0 {
		return ps
	}
	top := ps[first].top
	one := elem{baseline: -1}
	for _, p := range ps[first : last+1] {
		one.join(p.el, p.top-top)
	}
	one.height = ps[last].top + ps[last].el.height - top
	out := append([]placed{}, ps[:first]...)
	out = append(out, placed{top: top, el: one})
	return append(out, ps[last+1:]...)
}

// join adds the content of src (items, marks, problems) to el, dy lower.
func (el *elem) join(src elem, dy float64) {
	for _, it := range src.items {
		el.items = append(el.items, shift(it, 0, dy))
	}
	for _, m := range src.marks {
		m.Y += dy
		el.marks = append(el.marks, m)
	}
	for _, a := range src.areas {
		a.Y += dy
		el.areas = append(el.areas, a)
	}
	el.problems = append(el.problems, src.problems...)
}

// flatten returns the items of stacked elems shifted by dy.
func flatten(ps []placed, dx, dy float64, items []Item) []Item {
	for _, p := range ps {
		for _, it := range p.el.items {
			items = append(items, shift(it, dx, p.top+dy))
		}
	}
	return items
}

func shift(it Item, dx, dy float64) Item {
	it.X += dx
	it.X2 += dx
	it.Y += dy
	it.Y2 += dy
	return it
}

// columns lays out a Columns block: each column is stacked, then the lines
// of all columns are merged into horizontal bands (page breaks fall only
// between bands). KeepTogether glues all bands.
func (e *engine) columns(b box, c *doc.Columns) ([]elem, error) {
	if len(c.Cols) > len(c.Widths) {
		return nil, fmt.Errorf("columns block has %d columns but %d widths", len(c.Cols), len(c.Widths))
	}
	type piece struct {
		top, bottom float64
		el          elem
		lastOfCol   bool
	}
	var pieces []piece
	total := 0.0
	x := b.x + c.Offset
	for i, w := range c.Widths {
		if i < len(c.Cols) {
			els, err := e.blocks(box{x: x, w: w}, c.Cols[i], modeFlow)
			if err != nil {
				return nil, fmt.Errorf("column %d: %w", i+1, err)
			}
			ps, h := stack(els)
			if c.Note && i == len(c.Widths)-1 {
				ps = whole(ps)
			}
			for k, p := range ps {
				if empty(p.el) {
					continue // blank space (a Spacer) joins no band
				}
				pieces = append(pieces, piece{top: p.top, bottom: p.top + p.el.height, el: p.el, lastOfCol: k == len(ps)-1})
			}
			if h > total {
				total = h
			}
		}
		x += w
	}
	if len(pieces) == 0 {
		return []elem{{height: total, baseline: -1}}, nil
	}
	sort.SliceStable(pieces, func(i, j int) bool { return pieces[i].top < pieces[j].top })
	var bands []elem
	var tops []float64
	bottom := 0.0
	for _, pc := range pieces {
		if len(bands) == 0 || pc.top >= bottom-eps {
			bands = append(bands, elem{before: pc.top - bottom, baseline: -1})
			tops = append(tops, pc.top)
		}
		bd := &bands[len(bands)-1]
		top := tops[len(tops)-1]
		bd.join(pc.el, pc.top-top)
		if pc.bottom > bottom {
			bottom = pc.bottom
		}
		if pc.bottom-top > bd.height {
			bd.height = pc.bottom - top
		}
		if pc.el.keepNext && !pc.lastOfCol {
			bd.keepNext = true
		}
	}
	bands[len(bands)-1].after = total - bottom
	for i := range bands {
		if c.KeepTogether && i < len(bands)-1 {
			bands[i].keepNext = true
		}
	}
	if c.KeepNext {
		bands[len(bands)-1].keepNext = true
	}
	return bands, nil
}

// table lays out a table: one elem per row. Header rows keep with the first
// body row and are repeated on every page the table continues on; rows
// joined by a RowSpan keep together, and a KeepNext row keeps with the next.
func (e *engine) table(b box, t *doc.Table) ([]elem, error) {
	nc := len(t.Columns)
	if nc == 0 {
		return nil, fmt.Errorf("table has no columns")
	}
	colX := make([]float64, nc+1)
	for i, w := range t.Columns {
		colX[i+1] = colX[i] + w
	}
	tw := colX[nc]
	tx := b.x + (b.w-tw)/2
	switch t.Align {
	case doc.AlignLeft, doc.AlignJustify:
		tx = b.x
	case doc.AlignRight:
		tx = b.x + b.w - tw
	}
	type cellBox struct {
		r, c, cs, rs int
		cell         *doc.Cell
		content      []placed
		h            float64
	}
	nr := len(t.Rows)
	if nr == 0 {
		return nil, nil
	}
	pad := e.p.CellPad // the profile's cell padding (templates/nd30.yaml le_o_bang)
	padY := pad.Top + pad.Bottom
	cells := make([][]cellBox, nr)
	rowH := make([]float64, nr)
	glueTo := make([]int, nr) // last row each row must stay with
	for r := range t.Rows {
		glueTo[r] = r
	}
	grid, err := doc.Grid(t)
	if err != nil {
		return nil, err
	}
	for r := range t.Rows {
		cells[r] = make([]cellBox, 0, len(grid[r]))
		for _, g := range grid[r] {
			if g.Cell.Merged {
				continue
			}
			cell, ci, c, cs, rs := g.Cell, g.Index, g.Col, g.ColSpan, g.RowSpan
			x := tx + colX[c] + pad.Left
			w := colX[c+cs] - colX[c] - pad.Left - pad.Right
			blocks := make([]doc.Block, len(cell.Paragraphs))
			for i := range cell.Paragraphs {
				p := cell.Paragraphs[i]
				if t.FontSize > 0 {
					p.Runs = withSize(p.Runs, t.FontSize)
				}
				blocks[i] = &p
			}
			els, err := e.blocks(box{x: x, w: w}, blocks, modeCell)
			if err != nil {
				return nil, fmt.Errorf("row %d cell %d: %w", r+1, ci+1, err)
			}
			ps, h := stack(els)
			nodeOf(ps, blocks, cell)
			cells[r] = append(cells[r], cellBox{r: r, c: c, cs: cs, rs: rs, cell: cell, content: ps, h: h + padY})
			if rs == 1 && h+padY > rowH[r] {
				rowH[r] = h + padY
			}
			for k := r; k < r+rs; k++ {
				glueTo[k] = max(glueTo[k], r+rs-1)
			}
		}
	}
	// Grow the last row of each row span to fit the spanning cell.
	for r := range cells {
		for _, cb := range cells[r] {
			if cb.rs > 1 {
				have := 0.0
				for k := r; k < r+cb.rs; k++ {
					have += rowH[k]
				}
				if cb.h > have {
					rowH[r+cb.rs-1] += cb.h - have
				}
			}
		}
	}
	for r := 1; r < nr; r++ { // a span keeps every row it covers together
		glueTo[r] = max(glueTo[r], glueTo[r-1])
	}
	out := make([]elem, nr)
	var tops, bottoms, sides []Item // a row's borders, each drawn once
	for r := range out {
		el := elem{height: rowH[r], baseline: -1, keepNext: glueTo[r] > r || r < t.HeaderRows || (t.Rows[r].KeepNext && r+1 < nr)}
		// The row's items: shades and contents, then the borders, in one
		// array sized for them.
		n, nb := 0, 0
		for _, cb := range cells[r] {
			if cb.cell.Shade {
				n++
			}
			for _, p := range cb.content {
				n += len(p.el.items)
			}
			if t.Borders {
				nb += 4
			}
		}
		all := make([]Item, n+nb)
		el.items = all[:0:n]
		borders := all[n : n : n+nb]
		for _, cb := range cells[r] {
			x0 := tx + colX[cb.c]
			x1 := tx + colX[cb.c+cb.cs]
			h := 0.0
			for k := r; k < r+cb.rs; k++ {
				h += rowH[k]
			}
			if cb.cell.Shade {
				el.items = append(el.items, Item{Kind: KindFill, Role: RoleShade, X: x0, Y: 0, W: x1 - x0, H: h})
			}
			contentH := cb.h - padY
			dy := pad.Top
			switch cb.cell.VAlign {
			case doc.VAlignCenter:
				dy = pad.Top + (h-padY-contentH)/2
			case doc.VAlignBottom:
				dy = h - pad.Bottom - contentH
			}
			el.items = flatten(cb.content, 0, dy, el.items)
			for _, p := range cb.content {
				el.problems = append(el.problems, p.el.problems...)
			}
			if t.Borders {
				tops, bottoms, sides = addBorders(tops, bottoms, sides, x0, x1, h)
			}
		}
		if t.Borders {
			if r > 0 {
				for k := range tops {
					tops[k].seam = true
				}
			}
			borders = append(append(append(borders, tops...), bottoms...), sides...)
			tops, bottoms, sides = tops[:0], bottoms[:0], sides[:0]
		}
		el.items = all[:len(el.items)+len(borders)]
		out[r] = el
	}
	// Like a paragraph, a table is followed by the paragraph spacing (so the
	// next heading does not touch its bottom border).
	out[nr-1].after = pt(e.p.Style(doc.StyleBody).SpaceAfter)
	if hr := min(t.HeaderRows, nr); hr > 0 && hr < nr {
		header := out[:hr:hr]
		for r := hr; r < nr; r++ {
			out[r].repeat = header
		}
	}
	return out, nil
}

// addBorders adds the borders of a cell from x0 to x1, h high, to a row's
// top, bottom and side borders, each line drawn once: a cell's top or
// bottom border that continues the one of the cell before it lengthens
// that line, and a side the cell shares with its neighbour (same x, same
// height) is not drawn again. Four lines a cell, as before, drew every
// inner border twice: 1,959 lines on the 2025 plan's pages, 697 now (and
// fewer still where the pager leaves out a row's top, Item.seam).
func addBorders(tops, bottoms, sides []Item, x0, x1, h float64) ([]Item, []Item, []Item) {
	line := func(xa, ya, xb, yb float64) Item {
		return Item{Kind: KindLine, Role: RoleBorder, X: xa, Y: ya, X2: xb, Y2: yb, Thickness: BorderPt}
	}
	if n := len(tops); n > 0 && tops[n-1].X2 == x0 {
		tops[n-1].X2 = x1
	} else {
		tops = append(tops, line(x0, 0, x1, 0))
	}
	if n := len(bottoms); n > 0 && bottoms[n-1].X2 == x0 && bottoms[n-1].Y == h {
		bottoms[n-1].X2 = x1
	} else {
		bottoms = append(bottoms, line(x0, h, x1, h))
	}
	for _, x := range [2]float64{x0, x1} {
		if !slices.ContainsFunc(sides, func(it Item) bool { return it.X == x && it.Y2 == h }) {
			sides = append(sides, line(x, 0, x, h))
		}
	}
	return tops, bottoms, sides
}

// nodeOf gives the items set from the copies of a cell's paragraphs
// (blocks) the paragraphs of the cell as their Node.
func nodeOf(ps []placed, blocks []doc.Block, cell *doc.Cell) {
	for k := range ps {
		items := ps[k].el.items
		for n := range items {
			for i, b := range blocks {
				if items[n].Node == b {
					items[n].Node = &cell.Paragraphs[i]
					break
				}
			}
		}
	}
}

// withSize gives runs without their own size the table's font size.
func withSize(runs []doc.Run, size float64) []doc.Run {
	out := make([]doc.Run, len(runs))
	for i, r := range runs {
		if r.Size == 0 {
			r.Size = size
		}
		out[i] = r
	}
	return out
}
