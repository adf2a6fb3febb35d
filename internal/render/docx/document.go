package docx

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"kehoach/internal/doc"
)

// Fixed layout values (twips unless noted).
const (
	tinyLine     = 20       // exact line height of rules and helper paragraphs: 1 pt
	ruleGap      = 40       // space between a rule and the text line above it: 2 pt
	tinyMarkSize = 2        // half-points: the paragraph mark of tiny paragraphs
	shadeFill    = "D9D9D9" // light grey cell background
	headerGap    = 709      // header distance when PageSetup.HeaderMM is unset (12.5 mm)
)

// container says where blocks are being laid out.
type container int

const (
	inBody    container = iota // the section's text column
	inTable                    // a doc.Table cell
	inColumns                  // a column of a doc.Columns block
)

// ctx is the layout context of a run of blocks.
type ctx struct {
	where    *place    // position for error messages
	width    int       // container text width, twips
	in       container // where the blocks sit
	keepNext bool      // keep every paragraph with the next (KeepTogether)
	// keepEnd, with keepNext, also keeps the run's last paragraph with
	// what follows the container. A KeepTogether block keeps its inside
	// together but not itself with the next block, so the last paragraph
	// of each of its columns (the end of the row) does not keep.
	keepEnd  bool
	fontSize int  // half-points for runs without a size (table FontSize); 0 = style
	head     bool // inside a table header row
}

// place is where in the document a block is, for error messages: section
// 2, block 3, row 1, cell 2 ("section 2, block 3, row 1, cell 2"). It is
// spelled out only for an error.
type place struct {
	up   *place // the place it is in; nil for a section
	what string // "section", "block", "row", "cell", "column"
	n    int    // from 1
}

func (p *place) String() string {
	s := p.what + " " + itoa(p.n)
	if p.up != nil {
		s = p.up.String() + ", " + s
	}
	return s
}

// extra are per-paragraph properties decided by the block sequence.
type extra struct {
	sect        []byte // section properties carried by this paragraph
	breakBefore bool   // a PageBreak precedes it
	ruleNext    bool   // a Rule follows it: keep with it
	// keepNext: a Spacer or Rule after a paragraph that keeps with the next
	// keeps too (see doc.Spacer).
	keepNext bool
	after    int // twips of space after a rule paragraph (see ruleAfter)
}

type renderer struct {
	p *doc.Profile
	x xw
}

func documentXML(d *doc.Document, p *doc.Profile) ([]byte, error) {
	r := &renderer{p: p}
	r.x.b.Grow(128 << 10) // a 15-page plan's body is about 220 KB
	r.x.raw(xmlHeader)
	r.x.open("w:document", "xmlns:w", nsW, "xmlns:r", nsR)
	r.x.raw("\n<w:body>")
	sections := d.Sections
	if len(sections) == 0 {
		sections = []doc.Section{{}}
	}
	for i, s := range sections {
		if err := r.section(i, s, i == len(sections)-1); err != nil {
			return nil, err
		}
	}
	r.x.raw("\n</w:body>")
	r.x.close("w:document")
	return r.x.bytes(), nil
}

func (r *renderer) section(i int, s doc.Section, last bool) error {
	where := &place{what: "section", n: i + 1}
	page := s.Page
	if page == (doc.PageSetup{}) {
		page = r.p.Page
	}
	if page.Width <= 0 || page.Height <= 0 {
		return errorf(where, "page size %v × %v mm is not positive", page.Width, page.Height)
	}
	if page.TextWidth() <= 0 {
		return errorf(where, "margins leave no text width")
	}
	sect := sectPr(page, s.PageNumbers)
	blocks := s.Blocks
	if !last {
		// The section break starts a new page already; a trailing page
		// break would leave an empty page.
		for len(blocks) > 0 {
			last := blocks[len(blocks)-1]
			if _, ok := last.(*doc.PageBreak); !ok && emits(last) {
				break
			}
			blocks = blocks[:len(blocks)-1]
		}
	}
	c := ctx{where: where, width: tw(page.TextWidth()), in: inBody}
	var carry []byte
	if !last {
		carry = sect
	}
	lastP, attached, err := r.blocks(blocks, c, carry)
	if err != nil {
		return err
	}
	if !last && !attached {
		r.tinyParagraph(false, sect, false)
	}
	if last {
		if !lastP {
			r.tinyParagraph(false, nil, false)
		}
		r.x.raw("\n")
		r.x.b.Write(sect)
	}
	return nil
}

// sectPr returns a section's w:sectPr. Both the default and the first-page
// header are always referenced explicitly, so no section inherits the
// previous section's headers.
func sectPr(page doc.PageSetup, n doc.PageNumbering) []byte {
	var x xw
	x.raw("<w:sectPr>")
	def, first := ridHeaderEmpty, ridHeaderEmpty
	if n.Show {
		def = ridHeaderPage
		if n.FirstPage {
			first = ridHeaderPage
		}
	}
	x.empty("w:headerReference", "w:type", "default", "r:id", def)
	x.empty("w:headerReference", "w:type", "first", "r:id", first)
	w, h := page.Size()
	sz := []string{"w:w", itoa(tw(w)), "w:h", itoa(tw(h))}
	if page.Landscape {
		sz = append(sz, "w:orient", "landscape")
	}
	x.empty("w:pgSz", sz...)
	hdr := headerGap
	if page.HeaderMM > 0 {
		hdr = tw(page.HeaderMM)
	}
	m := page.Margins
	x.empty("w:pgMar", "w:top", itoa(tw(m.Top)), "w:right", itoa(tw(m.Right)), "w:bottom", itoa(tw(m.Bottom)),
		"w:left", itoa(tw(m.Left)), "w:header", itoa(hdr), "w:footer", itoa(hdr), "w:gutter", "0")
	if n.Start > 0 {
		x.empty("w:pgNumType", "w:start", itoa(n.Start))
	}
	x.empty("w:cols", "w:space", "720")
	if n.Show && !n.FirstPage {
		x.empty("w:titlePg")
	}
	x.raw("</w:sectPr>")
	return x.bytes()
}

// emits reports whether a block produces any output.
func emits(b doc.Block) bool {
	switch b := b.(type) {
	case *doc.Paragraph:
		return b != nil
	case *doc.ListItem:
		return b != nil
	case *doc.Table:
		return b != nil
	case *doc.Columns:
		return b != nil
	case *doc.Rule:
		return b != nil && b.Length > 0
	case *doc.PageBreak:
		return b != nil
	case *doc.Spacer:
		return b != nil && b.Height > 0
	case nil:
		return false
	}
	return true // unknown types are reported by blocks
}

// paragraphLike reports whether a block renders as a single w:p that can
// carry section properties or a page break before it.
func paragraphLike(b doc.Block) bool {
	switch b.(type) {
	case *doc.Paragraph, *doc.ListItem, *doc.Rule, *doc.Spacer:
		return true
	}
	return false
}

// blocks renders a run of blocks. sect, when not nil, is attached to the
// last block if that is a paragraph (attached reports it). lastP reports
// whether the last element written is a w:p (a table cell must end with
// one).
func (r *renderer) blocks(bs []doc.Block, c ctx, sect []byte) (lastP, attached bool, err error) {
	lastIdx := -1
	for j := len(bs) - 1; j >= 0; j-- {
		if emits(bs[j]) {
			lastIdx = j
			break
		}
	}
	pending := false  // a page break waits for the next paragraph
	emitted := false  // something has been written
	prevKeep := false // the last paragraph written keeps with the next
	for j, b := range bs {
		if !emits(b) {
			continue
		}
		bc := c
		bc.where = &place{up: c.where, what: "block", n: j + 1}
		bc.keepNext = c.keepNext && (j != lastIdx || c.keepEnd)
		if _, ok := b.(*doc.PageBreak); ok {
			if c.in != inBody {
				return false, false, errorf(bc.where, "page break inside a table or column block")
			}
			if pending {
				r.tinyParagraph(false, nil, true)
			}
			pending = true
			lastP, emitted, prevKeep = true, true, false
			continue
		}
		var e extra
		if paragraphLike(b) {
			e.breakBefore, pending = pending, false
			if j == lastIdx && sect != nil {
				e.sect, attached = sect, true
			}
			if j+1 < len(bs) {
				if _, ok := bs[j+1].(*doc.Rule); ok && emits(bs[j+1]) {
					e.ruleNext = true
				}
			}
			if _, ok := b.(*doc.Rule); ok {
				e.after = r.ruleAfter(bs[j+1:], c)
			}
			switch b.(type) {
			case *doc.Spacer, *doc.Rule:
				// White space and a rule belong to the block before them:
				// they keep with the next block when it does, so a keep
				// chain (the closing sentence, the spacer, the signature)
				// is never cut at them.
				e.keepNext = prevKeep
			}
		} else if pending {
			r.tinyParagraph(false, nil, true)
			pending = false
		} else if j > 0 && !lastP && emitted {
			// Word joins adjacent tables into one; keep them apart (and
			// the keep chain of a KeepNext Columns block whole).
			r.tinyParagraph(c.keepNext || prevKeep, nil, false)
		}
		emitted = true
		switch b := b.(type) {
		case *doc.Paragraph:
			prevKeep = r.paragraph(b, bc, e)
			lastP = true
		case *doc.ListItem:
			prevKeep = r.listItem(b, bc, e)
			lastP = true
		case *doc.Rule:
			prevKeep = r.rule(b, bc, e)
			lastP = true
		case *doc.Spacer:
			prevKeep = r.spacer(b, bc, e)
			lastP = true
		case *doc.Table:
			if err := r.table(b, bc); err != nil {
				return false, false, err
			}
			lastP, prevKeep = false, false
		case *doc.Columns:
			if err := r.columns(b, bc); err != nil {
				return false, false, err
			}
			lastP, prevKeep = false, b.KeepNext
		default:
			return false, false, errorf(bc.where, "unknown block type %T", b)
		}
	}
	if pending {
		r.tinyParagraph(false, nil, true)
		lastP = true
	}
	return lastP, attached, nil
}

// styleID returns the style a paragraph references: its own when the
// profile knows it, otherwise the container's default.
func (r *renderer) styleID(n doc.StyleName, c ctx) doc.StyleName {
	if n != "" {
		if _, ok := r.p.Styles[n]; ok || slices.Contains(doc.AllStyles, n) {
			return n
		}
	}
	if c.in == inTable {
		if c.head {
			return doc.StyleTableHead
		}
		return doc.StyleTableCell
	}
	return doc.StyleBody
}

// basePPr is the paragraph properties every paragraph in context c gets.
func (r *renderer) basePPr(name doc.StyleName, c ctx, e extra) pPr {
	pp := pPr{
		style:           string(name),
		keepNext:        c.keepNext || e.keepNext || e.ruleNext,
		pageBreakBefore: e.breakBefore,
		sectPr:          e.sect,
	}
	if c.in == inTable {
		// Table cells: single-spaced, no space around, no first-line indent.
		pp.before, pp.after, pp.line = ip(0), ip(0), ip(240)
		pp.firstLine = ip(0)
	}
	pp.mark.size = c.fontSize
	return pp
}

// paragraph writes a paragraph and reports whether it keeps with the next
// by its own properties, its style's or its container's (a following Rule
// does not count: the rule takes the paragraph's own keep).
func (r *renderer) paragraph(p *doc.Paragraph, c ctx, e extra) bool {
	id := r.styleID(p.Style, c)
	pp := r.basePPr(id, c, e)
	if p.KeepNext || p.Heading > 0 {
		pp.keepNext = true
	}
	if v := jcVal(p.Align); v != "" {
		pp.jc = v
	}
	if p.NoIndent {
		pp.firstLine = ip(0)
	}
	if p.Heading > 0 {
		pp.outline = ip(min(p.Heading, 9) - 1)
	}
	r.x.raw("\n<w:p>")
	pp.write(&r.x)
	for _, run := range p.Runs {
		writeRun(&r.x, run, c.fontSize)
	}
	r.x.raw("</w:p>")
	return c.keepNext || p.KeepNext || p.Heading > 0 || r.p.Style(id).KeepNext
}

// listItem renders a list item the ND30 way: a paragraph of its style whose
// text starts with the marker and a space, so the marker sits at the
// first-line indent and following lines return to the left indent.
func (r *renderer) listItem(li *doc.ListItem, c ctx, e extra) bool {
	marker := li.Marker
	if marker == "" {
		marker = "-"
		if li.Level >= 2 {
			marker = "+"
		}
	}
	runs := make([]doc.Run, 0, len(li.Runs)+1)
	if len(li.Runs) > 0 && plain(li.Runs[0]) {
		first := li.Runs[0]
		first.Text = marker + " " + first.Text
		runs = append(append(runs, first), li.Runs[1:]...)
	} else {
		runs = append(append(runs, doc.Run{Text: marker + " "}), li.Runs...)
	}
	return r.paragraph(&doc.Paragraph{Style: li.Style, Runs: runs}, c, e)
}

// plain reports whether a run has no formatting of its own.
func plain(run doc.Run) bool {
	return !run.Bold && !run.Italic && !run.Underline && run.Size == 0 && run.Field == doc.FieldNone
}

// rule renders a Rule: an empty paragraph of exact 1 pt height whose top
// border is Length long, positioned by indents inside the container. The
// border sits ruleGap below the previous line, clear of its descenders.
func (r *renderer) rule(rl *doc.Rule, c ctx, e extra) bool {
	length, width := tw(rl.Length), c.width
	var left int
	switch rl.Align {
	case doc.AlignLeft:
		left = 0
	case doc.AlignRight:
		left = width - length
	default:
		left = (width - length) / 2
	}
	right := width - length - left
	size := 4
	if rl.Thickness > 0 {
		size = min(max(int(math.Round(rl.Thickness*8)), 2), 96)
	}
	pp := pPr{
		keepNext:        c.keepNext || e.keepNext || e.ruleNext,
		pageBreakBefore: e.breakBefore,
		border:          &border{size: size},
		before:          ip(ruleGap + ptTw(rl.SpaceAbove)), after: ip(e.after), line: ip(tinyLine), lineExact: true,
		left: ip(left), right: ip(right), firstLine: ip(0),
		mark:   rPr{size: tinyMarkSize},
		sectPr: e.sect,
	}
	r.x.raw("\n<w:p>")
	pp.write(&r.x)
	r.x.raw("</w:p>")
	return c.keepNext || e.keepNext
}

// ruleAfter is the space after a rule paragraph that makes the white space
// between the border and the next content below it (a line box, a table)
// the profile's RuleSpaceBelow, counting what is there already: the rule
// paragraph's own 1 pt line under the border, Spacers, the next
// paragraph's space before. Nothing is added when no content follows in
// the container, or a page break does.
func (r *renderer) ruleAfter(next []doc.Block, c ctx) int {
	have := tinyLine
	for _, b := range next {
		if !emits(b) {
			continue
		}
		switch b := b.(type) {
		case *doc.Spacer:
			have += max(tw(b.Height), 1)
			continue
		case *doc.PageBreak:
			return 0
		case *doc.Paragraph:
			have += r.spaceBefore(b.Style, c)
		case *doc.ListItem:
			have += r.spaceBefore(b.Style, c)
		}
		return max(ptTw(r.p.RuleSpaceBelow)-have, 0)
	}
	return 0
}

// spaceBefore is the space before (twips) a paragraph of style n gets in
// context c.
func (r *renderer) spaceBefore(n doc.StyleName, c ctx) int {
	if c.in == inTable {
		return 0
	}
	return ptTw(r.p.Style(r.styleID(n, c)).SpaceBefore)
}

// spacer renders vertical space as an empty paragraph of exact height.
func (r *renderer) spacer(s *doc.Spacer, c ctx, e extra) bool {
	pp := pPr{
		keepNext:        c.keepNext || e.keepNext || e.ruleNext,
		pageBreakBefore: e.breakBefore,
		before:          ip(0), after: ip(0), line: ip(max(tw(s.Height), 1)), lineExact: true,
		mark:   rPr{size: tinyMarkSize},
		sectPr: e.sect,
	}
	r.x.raw("\n<w:p>")
	pp.write(&r.x)
	r.x.raw("</w:p>")
	return c.keepNext || e.keepNext
}

// tinyParagraph writes an empty 1 pt paragraph: the end of a table cell
// that has no paragraph, the carrier of a section break after a table, a
// separator between adjacent tables, or (pageBreak) a page break with no
// paragraph to carry it.
//
// Page breaks are always w:pageBreakBefore, never a w:br run: Word and
// LibreOffice place a paragraph holding only a w:br differently (LibreOffice
// moves it to the new page), so consecutive breaks would give different
// page counts.
func (r *renderer) tinyParagraph(keepNext bool, sect []byte, pageBreak bool) {
	pp := pPr{
		keepNext:        keepNext,
		pageBreakBefore: pageBreak,
		before:          ip(0), after: ip(0), line: ip(tinyLine), lineExact: true,
		mark:   rPr{size: tinyMarkSize},
		sectPr: sect,
	}
	r.x.raw("\n<w:p>")
	pp.write(&r.x)
	r.x.raw("</w:p>")
}

// tableBorders writes w:tblBorders: single 0.5 pt black lines, or none.
func tableBorders(x *xw, on bool) {
	x.raw("<w:tblBorders>")
	for _, side := range []string{"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"} {
		if on {
			x.empty(side, "w:val", "single", "w:sz", "4", "w:space", "0", "w:color", "000000")
		} else {
			x.empty(side, "w:val", "nil")
		}
	}
	x.raw("</w:tblBorders>")
}

// cellMargins writes w:tblCellMar: the padding m (mm) inside every cell,
// top, left, bottom and right (Word and LibreOffice add the top and bottom
// margins to each row's height, as the PDF layout does).
func cellMargins(x *xw, m doc.Margins) {
	x.raw("<w:tblCellMar>")
	x.empty("w:top", "w:w", itoa(tw(m.Top)), "w:type", "dxa")
	x.empty("w:left", "w:w", itoa(tw(m.Left)), "w:type", "dxa")
	x.empty("w:bottom", "w:w", itoa(tw(m.Bottom)), "w:type", "dxa")
	x.empty("w:right", "w:w", itoa(tw(m.Right)), "w:type", "dxa")
	x.raw("</w:tblCellMar>")
}

// grid converts column widths to twips and writes w:tblGrid.
func grid(x *xw, widths []float64, where *place) ([]int, int, error) {
	cols := make([]int, len(widths))
	total := 0
	for i, w := range widths {
		if w <= 0 {
			return nil, 0, errorf(where, "column %d width %v mm is not positive", i+1, w)
		}
		cols[i] = tw(w)
		total += cols[i]
	}
	x.raw("<w:tblGrid>")
	for _, w := range cols {
		x.empty("w:gridCol", "w:w", itoa(w))
	}
	x.raw("</w:tblGrid>")
	return cols, total, nil
}

func (r *renderer) table(t *doc.Table, c ctx) error {
	if len(t.Columns) == 0 {
		return errorf(c.where, "table has no columns")
	}
	// An error leaves nothing behind: the table is cut off again.
	x := &r.x
	start := x.b.Len()
	total := 0
	for _, w := range t.Columns {
		total += tw(w)
	}
	x.raw("\n<w:tbl><w:tblPr>")
	x.empty("w:tblW", "w:w", itoa(total), "w:type", "dxa")
	jc := "center"
	switch t.Align {
	case doc.AlignLeft:
		jc = "left"
	case doc.AlignRight:
		jc = "right"
	}
	x.empty("w:jc", "w:val", jc)
	tableBorders(x, t.Borders)
	x.empty("w:tblLayout", "w:type", "fixed")
	cellMargins(x, r.p.CellPad) // the profile's cell padding (templates/nd30.yaml le_o_bang)
	x.raw("</w:tblPr>")
	cols, _, err := grid(x, t.Columns, c.where)
	if err != nil {
		x.b.Truncate(start)
		return err
	}
	fontSize := c.fontSize
	if t.FontSize > 0 {
		fontSize = halfPt(t.FontSize)
	}
	rows, err := doc.Grid(t)
	if err != nil {
		x.b.Truncate(start)
		return gridErr(err, c.where)
	}
	for ri, row := range t.Rows {
		rw := &place{up: c.where, what: "row", n: ri + 1}
		head := ri < t.HeaderRows
		x.raw("\n<w:tr><w:trPr><w:cantSplit/>")
		if head {
			x.raw("<w:tblHeader/>")
		}
		x.raw("</w:trPr>")
		for _, g := range rows[ri] {
			cell := g.Cell
			cw := &place{up: rw, what: "cell", n: g.Index + 1}
			gc, span, shade, valign := g.Col, g.ColSpan, g.Shade, g.VAlign
			width := 0
			for _, w := range cols[gc : gc+span] {
				width += w
			}
			x.raw("\n<w:tc><w:tcPr>")
			x.empty("w:tcW", "w:w", itoa(width), "w:type", "dxa")
			if span > 1 {
				x.empty("w:gridSpan", "w:val", itoa(span))
			}
			if cell.Merged {
				x.empty("w:vMerge")
			} else if cell.RowSpan > 1 {
				x.empty("w:vMerge", "w:val", "restart")
			}
			if shade {
				x.empty("w:shd", "w:val", "clear", "w:color", "auto", "w:fill", shadeFill)
			}
			switch valign {
			case doc.VAlignCenter:
				x.empty("w:vAlign", "w:val", "center")
			case doc.VAlignBottom:
				x.empty("w:vAlign", "w:val", "bottom")
			}
			x.raw("</w:tcPr>")
			// Word keeps a row with the next when its paragraphs keep with
			// the next (a heading row of an annex with its first child).
			keep := c.keepNext || (row.KeepNext && ri+1 < len(t.Rows))
			cc := ctx{where: cw, width: width - tw(r.p.CellPad.Left) - tw(r.p.CellPad.Right), in: inTable, keepNext: keep, fontSize: fontSize, head: head}
			if cell.Merged || len(cell.Paragraphs) == 0 {
				pp := r.basePPr(r.styleID("", cc), cc, extra{})
				x.raw("\n<w:p>")
				pp.write(x)
				x.raw("</w:p>")
			} else {
				for k := range cell.Paragraphs {
					r.paragraph(&cell.Paragraphs[k], cc, extra{})
				}
			}
			x.raw("</w:tc>")
		}
		x.raw("</w:tr>")
	}
	x.raw("\n</w:tbl>")
	return nil
}

// gridErr places a doc.Grid error of the table at where: at its row and
// cell, as the other errors of the body.
func gridErr(err error, where *place) error {
	ge, ok := err.(*doc.GridError)
	if !ok {
		return errorf(where, "%v", err)
	}
	switch {
	case ge.Row < 0:
	case ge.Cell < 0:
		where = &place{up: where, what: "row", n: ge.Row + 1}
	default:
		where = &place{up: &place{up: where, what: "row", n: ge.Row + 1}, what: "cell", n: ge.Cell + 1}
	}
	return errorf(where, "%s", ge.Msg)
}

// columns renders a Columns block as a borderless one-row table with zero
// cell margins, a fixed grid and the block's offset as table indent.
func (r *renderer) columns(cb *doc.Columns, c ctx) error {
	if len(cb.Widths) == 0 {
		return errorf(c.where, "column block has no widths")
	}
	if len(cb.Cols) > len(cb.Widths) {
		return errorf(c.where, "column block has %d columns of content but %d widths", len(cb.Cols), len(cb.Widths))
	}
	// An error leaves nothing behind: the table is cut off again.
	x := &r.x
	start := x.b.Len()
	total := 0
	for _, w := range cb.Widths {
		total += tw(w)
	}
	x.raw("\n<w:tbl><w:tblPr>")
	x.empty("w:tblW", "w:w", itoa(total), "w:type", "dxa")
	x.empty("w:jc", "w:val", "left")
	x.empty("w:tblInd", "w:w", itoa(tw(cb.Offset)), "w:type", "dxa")
	tableBorders(x, false)
	x.empty("w:tblLayout", "w:type", "fixed")
	cellMargins(x, doc.Margins{})
	x.raw("</w:tblPr>")
	cols, _, err := grid(x, cb.Widths, c.where)
	if err != nil {
		x.b.Truncate(start)
		return err
	}
	x.raw("\n<w:tr>")
	if cb.KeepTogether {
		x.raw("<w:trPr><w:cantSplit/></w:trPr>")
	}
	for i, w := range cols {
		var blocks []doc.Block
		if i < len(cb.Cols) {
			blocks = cb.Cols[i]
		}
		// Inside a KeepTogether block every paragraph keeps with the
		// next except the last of each column, which ends the row: the
		// block keeps with what follows only if its container says so.
		// A KeepNext block keeps every paragraph with the next, the last
		// of each column too, so that Word keeps the row with what follows.
		cc := ctx{where: &place{up: c.where, what: "column", n: i + 1}, width: w, in: inColumns,
			keepNext: c.keepNext || cb.KeepTogether || cb.KeepNext, keepEnd: c.keepNext || cb.KeepNext}
		x.raw("\n<w:tc><w:tcPr>")
		x.empty("w:tcW", "w:w", itoa(w), "w:type", "dxa")
		x.raw("</w:tcPr>")
		lastP, _, err := r.blocks(blocks, cc, nil)
		if err != nil {
			x.b.Truncate(start)
			return err
		}
		if !lastP {
			r.tinyParagraph(cc.keepNext && cc.keepEnd, nil, false)
		}
		x.raw("</w:tc>")
	}
	x.raw("</w:tr>\n</w:tbl>")
	return nil
}

// writeRun writes one doc.Run: a text run (tabs and line breaks become
// w:tab and w:br) or a PAGE field. defSize (half-points) applies when the
// run has no size of its own.
func writeRun(x *xw, run doc.Run, defSize int) {
	rp := rPr{bold: run.Bold, italic: run.Italic, underline: run.Underline, size: defSize}
	if run.Size > 0 {
		rp.size = halfPt(run.Size)
	}
	if run.Field == doc.FieldPage {
		text := run.Text
		if text == "" {
			text = "1"
		}
		fieldChar := func(typ string) {
			x.raw("<w:r>")
			rp.write(x)
			x.empty("w:fldChar", "w:fldCharType", typ)
			x.raw("</w:r>")
		}
		fieldChar("begin")
		x.raw("<w:r>")
		rp.write(x)
		x.raw(`<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>`)
		fieldChar("separate")
		textRun(x, rp, text)
		fieldChar("end")
		return
	}
	if run.Text == "" {
		return
	}
	textRun(x, rp, run.Text)
}

// textRun writes a w:r with text split at tabs and line breaks.
func textRun(x *xw, rp rPr, s string) {
	x.raw("<w:r>")
	rp.write(x)
	flush := func(t string) {
		if t == "" {
			return
		}
		if needsPreserve(t) {
			x.open("w:t", "xml:space", "preserve")
		} else {
			x.open("w:t")
		}
		x.text(t)
		x.close("w:t")
	}
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\t':
			flush(s[start:i])
			x.raw("<w:tab/>")
			start = i + 1
		case '\n', '\r':
			flush(s[start:i])
			if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			x.raw("<w:br/>")
			start = i + 1
		}
	}
	flush(s[start:])
	x.raw("</w:r>")
}

// needsPreserve reports whether w:t needs xml:space="preserve": leading or
// trailing white space, or runs of it.
func needsPreserve(t string) bool {
	first, _ := utf8.DecodeRuneInString(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	return unicode.IsSpace(first) || unicode.IsSpace(last) || strings.Contains(t, "  ")
}
