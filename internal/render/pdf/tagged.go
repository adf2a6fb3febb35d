package pdf

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"kehoach/internal/doc"
	"kehoach/internal/fonts"
	"kehoach/internal/layout"
)

// A tagged PDF (ISO 32000-1 §14.8) has a structure tree built from the
// document model: Document → Sect per doc.Section → one element per
// block: P or H1…H6 (doc.Paragraph.Heading), L/LI/Lbl/LBody (doc.ListItem:
// consecutive items form a list, "+" items a list inside the "-" item
// before them), Table/TR/TH/TD (doc.Table: the header rows' cells are TH
// with /Scope /Column, spans as /RowSpan and /ColSpan attributes; a cell's
// text is the cell's content, or P elements when it has several
// paragraphs), Div (doc.Columns: the header block, the Nơi nhận and
// signature block, one Div per column) and Form (the signature field of a
// signing room, doc.SignArea). Each run of text items of one element on a
// page is one marked-content sequence (BDC … EMC with an MCID) listed in
// the page's ParentTree entry; page numbers, the banner, repeated table
// header rows and every line and fill (rules, borders, underlines,
// shading) are artifacts.

// leaf is a piece of the document whose text is marked content: the text
// of a paragraph or list item, or a list item's marker (label).
type leaf struct {
	node  doc.Block
	label bool
}

// mcRef is one marked-content sequence: page index and MCID.
type mcRef struct{ page, mcid int }

// selem is a structure element.
type selem struct {
	typ    string
	attrs  string // the /A attribute dictionary, "" for none
	kids   []any  // *selem, mcRef, objRef
	parent *selem
	num    int // object number, set when written
	keep   bool
}

// objRef is an annotation a structure element owns (the signature widget).
type objRef struct{ page int }

// tagger builds the structure tree before drawing and marks the content
// while drawing.
type tagger struct {
	root   *selem
	leaves map[leaf]*selem
	form   *selem // the Form element of the signing room, nil when none

	page  int      // current page index
	mcids [][]leaf // per page: the leaf of each MCID
	open  string   // what the open sequence is: "" none, "A…" an artifact, "L…" a leaf
	cur   leaf
	// labelled: list items whose marker was drawn (the first line's).
	labelled map[doc.Block]bool
	// end and baseline of the last text drawn in the open sequence.
	lastX, lastY float64
}

// newTagger builds the structure tree of d.
func newTagger(d *doc.Document, sign bool) *tagger {
	t := &tagger{root: &selem{typ: "Document", keep: true}, leaves: map[leaf]*selem{}, labelled: map[doc.Block]bool{}}
	if d == nil {
		return t
	}
	for i := range d.Sections {
		sect := t.child(t.root, "Sect")
		t.blocks(sect, d.Sections[i].Blocks, sign)
	}
	return t
}

func (t *tagger) child(parent *selem, typ string) *selem {
	e := &selem{typ: typ, parent: parent}
	parent.kids = append(parent.kids, e)
	return e
}

// blocks adds the elements of blocks under parent.
func (t *tagger) blocks(parent *selem, blocks []doc.Block, sign bool) {
	var list, inner, lastLI *selem // the open list, its nested list, its last item
	for _, b := range blocks {
		li, isItem := b.(*doc.ListItem)
		if !isItem {
			list, inner, lastLI = nil, nil, nil
		}
		switch v := b.(type) {
		case *doc.Paragraph:
			typ := "P"
			if v.Heading > 0 {
				typ = "H" + strconv.Itoa(min(v.Heading, 6))
			}
			t.leaves[leaf{node: v}] = t.child(parent, typ)
		case *doc.ListItem:
			if list == nil {
				list = t.child(parent, "L")
			}
			in := list
			if li.Level >= 2 && lastLI != nil {
				if inner == nil {
					inner = t.child(lastLI, "L")
				}
				in = inner
			} else {
				inner = nil
			}
			item := t.child(in, "LI")
			if in == list {
				lastLI = item
			}
			if v.Marker != "" {
				t.leaves[leaf{node: v, label: true}] = t.child(item, "Lbl")
			}
			t.leaves[leaf{node: v}] = t.child(item, "LBody")
		case *doc.Table:
			t.table(parent, v)
		case *doc.Columns:
			div := t.child(parent, "Div")
			for _, col := range v.Cols {
				t.blocks(t.child(div, "Div"), col, sign)
			}
		case *doc.Spacer:
			if v.Sign != nil && sign && t.form == nil {
				t.form = t.child(parent, "Form")
				t.form.keep = true
			}
		}
	}
}

func (t *tagger) table(parent *selem, tb *doc.Table) {
	tab := t.child(parent, "Table")
	tab.keep = true
	grid, err := doc.Grid(tb)
	if err != nil {
		return
	}
	for r := range tb.Rows {
		tr := t.child(tab, "TR")
		tr.keep = true
		for _, g := range grid[r] {
			if g.Cell.Merged {
				continue
			}
			typ := "TD"
			var attrs []string
			if r < tb.HeaderRows {
				typ = "TH"
				attrs = append(attrs, "/Scope /Column")
			}
			if g.RowSpan > 1 {
				attrs = append(attrs, "/RowSpan "+strconv.Itoa(g.RowSpan))
			}
			if g.ColSpan > 1 {
				attrs = append(attrs, "/ColSpan "+strconv.Itoa(g.ColSpan))
			}
			cell := t.child(tr, typ)
			cell.keep = true
			if len(attrs) > 0 {
				cell.attrs = "<</O /Table " + strings.Join(attrs, " ") + ">>"
			}
			ps := g.Cell.Paragraphs
			if len(ps) == 1 {
				t.leaves[leaf{node: &ps[0]}] = cell
				continue
			}
			for i := range ps {
				t.leaves[leaf{node: &ps[i]}] = t.child(cell, "P")
			}
		}
	}
}

// startPage begins marking page i.
func (t *tagger) startPage(i int) {
	t.page = i
	t.mcids = append(t.mcids, nil)
	t.open = ""
}

// close ends the open marked-content sequence.
func (t *tagger) close(pdf *fpdf.Fpdf) {
	if t.open != "" {
		pdf.RawWriteStr("EMC")
		t.open = ""
	}
}

// artifact opens an artifact sequence of the given kind (its property
// list, "" for a plain /Artifact BMC) unless one of that kind is open.
func (t *tagger) artifact(pdf *fpdf.Fpdf, props string) {
	if t.open == "A"+props {
		return
	}
	t.close(pdf)
	if props == "" {
		pdf.RawWriteStr("/Artifact BMC")
	} else {
		pdf.RawWriteStr("/Artifact " + props + " BDC")
	}
	t.open = "A" + props
}

// mark opens the marked-content sequence of leaf l unless it is open.
func (t *tagger) mark(pdf *fpdf.Fpdf, l leaf) {
	if t.open == "L" && t.cur == l {
		return
	}
	t.close(pdf)
	e := t.leaves[l]
	if e == nil {
		e = t.leaves[leaf{}]
		if e == nil { // text the tree does not know: a paragraph at the end
			e = t.child(t.root, "P")
			t.leaves[leaf{}] = e
		}
	}
	mcid := len(t.mcids[t.page])
	t.mcids[t.page] = append(t.mcids[t.page], l)
	e.kids = append(e.kids, mcRef{page: t.page, mcid: mcid})
	pdf.RawWriteStr("/" + e.typ + " <</MCID " + strconv.Itoa(mcid) + ">> BDC")
	t.open, t.cur = "L", l
}

// item opens the sequence a non-text item or a text item's whole text
// belongs to.
func (t *tagger) item(pdf *fpdf.Fpdf, it layout.Item) {
	switch {
	case it.Kind != layout.KindText:
		t.artifact(pdf, "")
	case it.Role == layout.RolePageNumber || it.Role == layout.RoleBanner:
		t.artifact(pdf, "<</Type /Pagination /Subtype /Header>>")
	case it.Repeated:
		t.artifact(pdf, "<</Type /Pagination>>")
	default:
		t.mark(pdf, leaf{node: it.Node})
	}
}

// drawTagged draws text item it inside its marked-content sequence. The
// text carries the spaces a reader needs: each word of a justified line
// (drawn at its own place) is followed by its space, and a line that
// continues the sequence of the line above gets a space at the end of
// that line, so that the marked content reads as the paragraph's text.
// The spaces draw nothing: the page looks as the paper PDF does.
func drawTagged(pdf *fpdf.Fpdf, t *tagger, it layout.Item, f *fonts.Family) {
	n := 0
	if it.Role == layout.RoleText {
		n = t.label(it)
	}
	if n > 0 {
		t.mark(pdf, leaf{node: it.Node, label: true})
	} else {
		cont := t.open == "L" && t.cur == leaf{node: it.Node} && it.Role == layout.RoleText && !it.Repeated
		t.item(pdf, it)
		if cont && math.Abs(it.Y-t.lastY) > 0.01 {
			pdf.Text(t.lastX, t.lastY, " ")
		}
	}
	body := func() {
		if n > 0 {
			t.mark(pdf, leaf{node: it.Node})
		}
	}
	t.lastX, t.lastY = it.X+it.W, it.Y
	if it.WordSpacing == 0 {
		if n == 0 {
			pdf.Text(it.X, it.Y, it.Text)
			return
		}
		pdf.Text(it.X, it.Y, it.Text[:n])
		body()
		pdf.Text(it.X+f.WidthMM(it.Style, it.Size, it.Text[:n]), it.Y, it.Text[n:])
		return
	}
	leading, trailing := strings.HasPrefix(it.Text, " "), strings.HasSuffix(it.Text, " ")
	for k, w := range it.Words {
		if k == 1 {
			body()
		}
		text, x := w.Text, w.X
		if k == 0 && leading && n == 0 { // the space after the item before, in another format
			text = " " + text
			x -= f.WidthMM(it.Style, it.Size, " ")
		}
		if k < len(it.Words)-1 || trailing {
			text += " "
		}
		pdf.Text(x, it.Y, text)
	}
}

// label reports how many bytes at the start of text item it are its list
// item's marker (with the space after it), to be marked as the item's
// label, the first time that item's text is drawn; 0 otherwise.
func (t *tagger) label(it layout.Item) int {
	li, ok := it.Node.(*doc.ListItem)
	if !ok || it.Repeated || li.Marker == "" || t.labelled[li] {
		return 0
	}
	t.labelled[li] = true
	if !strings.HasPrefix(it.Text, li.Marker) {
		return 0
	}
	return len(li.Marker)
}

// endPage closes the page's last sequence.
func (t *tagger) endPage(pdf *fpdf.Fpdf) { t.close(pdf) }

// write adds the structure tree to f: the element objects, the
// ParentTree (one entry per page, then one for the signature widget,
// sigKey ≥ 0), StructParents on every page, and returns the
// StructTreeRoot's object number.
func (t *tagger) write(f *objFile, pages []int, sigKey, sigObj int) int {
	prune(t.root)
	rootNum := f.reserve()
	var walk func(e *selem)
	walk = func(e *selem) {
		e.num = f.reserve()
		for _, k := range e.kids {
			if c, ok := k.(*selem); ok {
				walk(c)
			}
		}
	}
	walk(t.root)
	var emit func(e *selem)
	emit = func(e *selem) {
		var b bytes.Buffer
		parent := rootNum
		if e.parent != nil {
			parent = e.parent.num
		}
		fmt.Fprintf(&b, "<</Type /StructElem /S /%s /P %d 0 R", e.typ, parent)
		if e == t.root {
			b.WriteString(" /Lang (vi-VN)")
		}
		if pg := firstPage(e); pg >= 0 {
			fmt.Fprintf(&b, " /Pg %d 0 R", pages[pg])
		}
		if e.attrs != "" {
			b.WriteString(" /A " + e.attrs)
		}
		b.WriteString("\n/K [")
		pg := firstPage(e)
		for i, k := range e.kids {
			if i > 0 {
				b.WriteByte(' ')
			}
			switch v := k.(type) {
			case *selem:
				fmt.Fprintf(&b, "%d 0 R", v.num)
			case mcRef:
				if v.page == pg {
					b.WriteString(strconv.Itoa(v.mcid))
				} else {
					fmt.Fprintf(&b, "<</Type /MCR /Pg %d 0 R /MCID %d>>", pages[v.page], v.mcid)
				}
			case objRef:
				fmt.Fprintf(&b, "<</Type /OBJR /Pg %d 0 R /Obj %d 0 R>>", pages[v.page], sigObj)
			}
		}
		b.WriteString("]>>\n")
		f.set(e.num, b.Bytes())
		for _, k := range e.kids {
			if c, ok := k.(*selem); ok {
				emit(c)
			}
		}
	}
	emit(t.root)
	// ParentTree: a flat number tree, keys in order.
	var pt bytes.Buffer
	pt.WriteString("<</Nums [")
	for i := range pages {
		fmt.Fprintf(&pt, "\n%d [", i)
		var ids []leaf
		if i < len(t.mcids) { // fpdf's blank page of an empty document has none
			ids = t.mcids[i]
		}
		for k, l := range ids {
			if k > 0 {
				pt.WriteByte(' ')
			}
			e := t.leaves[l]
			if e == nil {
				e = t.leaves[leaf{}]
			}
			fmt.Fprintf(&pt, "%d 0 R", e.num)
		}
		pt.WriteString("]")
	}
	if sigKey >= 0 && t.form != nil {
		fmt.Fprintf(&pt, "\n%d %d 0 R", sigKey, t.form.num)
	}
	pt.WriteString("\n]>>\n")
	ptNum := f.add(pt.Bytes())
	next := len(pages)
	if sigKey >= 0 {
		next = sigKey + 1
	}
	f.set(rootNum, fmt.Appendf(nil, "<</Type /StructTreeRoot /K [%d 0 R] /ParentTree %d 0 R /ParentTreeNextKey %d>>\n", t.root.num, ptNum, next))
	for i, n := range pages {
		f.addToDict(n, fmt.Sprintf("/StructParents %d /Tabs /S", i))
	}
	return rootNum
}

// firstPage is the page of an element's first marked content (its own
// or its descendants'), -1 when it has none.
func firstPage(e *selem) int {
	for _, k := range e.kids {
		switch v := k.(type) {
		case mcRef:
			return v.page
		case objRef:
			return v.page
		case *selem:
			if p := firstPage(v); p >= 0 {
				return p
			}
		}
	}
	return -1
}

// prune drops the elements that hold no content and need not stay (a
// table's rows and cells stay, empty or not, so the table keeps its
// grid), and reports whether e holds anything.
func prune(e *selem) bool {
	out := e.kids[:0]
	for _, k := range e.kids {
		if c, ok := k.(*selem); ok && !prune(c) {
			continue
		}
		out = append(out, k)
	}
	e.kids = out
	return e.keep || len(e.kids) > 0
}
