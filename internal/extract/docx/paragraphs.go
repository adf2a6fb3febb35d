package docx

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode"

	"kehoach/internal/extract/limits"
	"kehoach/internal/extract/para"

	"golang.org/x/text/unicode/norm"
)

// The parts Paragraphs reads besides the main document (ECMA-376 Part 1,
// 17.7 and 17.9), at the names Word, LibreOffice and kehoach give them.
const (
	PartStyles    = "word/styles.xml"
	PartNumbering = "word/numbering.xml"
)

// Name spaces: WordprocessingML as transitional and strict OOXML write
// it, and markup compatibility (mc:AlternateContent).
const (
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// maxLabelBytes bounds a list label, its w:lvlText and the label it
// expands to: Word's own labels are a few characters ("1.", "a)", "II.").
const maxLabelBytes = 256

// Paragraphs reads the paragraphs of a .docx package in reading order,
// for `kehoach import`, within the budget b (the limits of package
// limits; a reading cut at a budget is an error here, for a document read
// in part cannot be imported) and at most limits.MaxParagraphs paragraphs.
//
// Each paragraph has its runs with the bold, italic and underline Word
// shows (direct formatting over the character style over the paragraph
// style over the document defaults), soft line breaks as "\n", tabs as
// "\t", no-break spaces as spaces, the text in NFC and trimmed of spaces
// at both ends; the automatic list label computed from numbering.xml, its
// level, its style id, its alignment (direct or from its style), and its
// place in a table. Deleted text (w:del, w:moveFrom), field instructions
// and the fallback copy of mc:AlternateContent are skipped; inserted text
// (w:ins) and field results are kept; hidden text (w:vanish) is left out
// and text in w:caps written in capitals, as Word shows them. Paragraphs
// without text give none (their list labels are still counted). Other
// characters are kept as the file has them, controls included: a caller
// that prints them makes them visible.
//
// Errors are in Vietnamese and name the part at fault; they do not name
// the file, which the caller adds.
func Paragraphs(data []byte, b *limits.Budget) ([]para.Para, error) {
	if len(data) == 0 {
		return nil, errors.New("tệp trống")
	}
	if len(data) > limits.MaxFileBytes {
		return nil, fmt.Errorf("tệp quá lớn (%s byte; tối đa %s)", limits.Thousands(len(data)), limits.MiB(limits.MaxFileBytes))
	}
	zr, err := limits.OpenZip(data)
	if err != nil {
		if err == limits.ErrManyMembers {
			return nil, err
		}
		return nil, errors.New("tệp không phải gói DOCX (không mở được như tệp zip): hãy mở tệp bằng Word rồi lưu lại thành “Word Document (*.docx)”")
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		if _, dup := parts[f.Name]; !dup {
			parts[f.Name] = f
		}
	}
	r := &reader{b: b, styles: map[string]*style{}, abstracts: map[string]*abstractNum{}, nums: map[string]*num{}, counters: map[string]*[9]counter{}, restarted: map[[2]string]bool{}}
	main, styles, numbering, err := r.partNames(parts)
	if err != nil {
		return nil, err
	}
	if parts[main] == nil {
		return nil, errors.New("gói không có word/document.xml: đây không phải văn bản Word (.docx); nếu là bảng tính hay trình chiếu, hãy chép nội dung sang Word rồi lưu thành .docx")
	}
	for _, p := range []struct {
		name string
		read func(*limits.XMLDecoder) error
	}{{styles, r.readStyles}, {numbering, r.readNumbering}, {main, r.readDocument}} {
		f := parts[p.name]
		if f == nil {
			continue
		}
		if err := r.readPart(f, p.read); err != nil {
			return nil, err
		}
	}
	return r.out, nil
}

// Relationship types (ECMA-376 Part 1, 11.3) of the parts Paragraphs
// reads.
const (
	relOffice    = "/officeDocument"
	relStyles    = "/styles"
	relNumbering = "/numbering"
)

// partNames finds the main document and its styles and numbering parts
// through the package's relationships (_rels/.rels, then the main
// part's), at the usual names when there are none.
func (r *reader) partNames(parts map[string]*zip.File) (main, styles, numbering string, err error) {
	main, styles, numbering = PartDocument, PartStyles, PartNumbering
	rels, err := r.relationships(parts, "_rels/.rels", "")
	if err != nil {
		return
	}
	if t := limits.RelOfType(rels, relOffice); t != "" && parts[t] != nil {
		main = t
	}
	dir, file := path.Split(main)
	rels, err = r.relationships(parts, dir+"_rels/"+file+".rels", dir)
	if t := limits.RelOfType(rels, relStyles); t != "" && parts[t] != nil {
		styles = t
	}
	if t := limits.RelOfType(rels, relNumbering); t != "" && parts[t] != nil {
		numbering = t
	}
	return
}

// relationships reads a relationships part, if there is one, with its
// targets resolved from dir.
func (r *reader) relationships(parts map[string]*zip.File, name, dir string) ([]limits.Rel, error) {
	f := parts[name]
	if f == nil {
		return nil, nil
	}
	data, err := limits.ReadPart(f, r.b)
	if err != nil {
		return nil, cutError(err)
	}
	rels, err := limits.Relationships(data, dir, r.b)
	if err != nil {
		return nil, fmt.Errorf("phần %s: %w", f.Name, cutError(err))
	}
	return rels, nil
}

// readPart decompresses a part within the budget and walks it.
func (r *reader) readPart(f *zip.File, walk func(*limits.XMLDecoder) error) error {
	data, err := limits.ReadPart(f, r.b)
	if err != nil {
		return cutError(err)
	}
	if err := walk(limits.NewXMLDecoder(data, r.b)); err != nil {
		return fmt.Errorf("phần %s: %w", f.Name, cutError(err))
	}
	return nil
}

// cutError says that a reading cut at a budget was not read to its end.
func cutError(err error) error {
	if limits.IsCut(err) {
		return fmt.Errorf("không đọc hết được văn bản: %w", err)
	}
	return err
}

// reader holds what Paragraphs has read of the package.
type reader struct {
	b         *limits.Budget
	defaults  emphasis // w:docDefaults
	styles    map[string]*style
	defPara   string // the default paragraph style
	abstracts map[string]*abstractNum
	nums      map[string]*num
	counters  map[string]*[9]counter // by abstractNum
	restarted map[[2]string]bool     // the num and level whose w:startOverride has been applied
	paras     int                    // paragraphs seen, empty ones too
	tables    int
	out       []para.Para
}

// tri is an on/off property that may be unset.
type tri int8

const (
	unset tri = iota
	on
	off
)

// over is p over q: p unless p is unset.
func (p tri) over(q tri) tri {
	if p != unset {
		return p
	}
	return q
}

// emphasis is the run properties Paragraphs reads: bold, italic,
// underline, all capitals (w:caps: the text shows in capitals), hidden
// (w:vanish: the text is not shown).
type emphasis struct{ b, i, u, caps, vanish tri }

func (e emphasis) over(q emphasis) emphasis {
	return emphasis{e.b.over(q.b), e.i.over(q.i), e.u.over(q.u), e.caps.over(q.caps), e.vanish.over(q.vanish)}
}

// isEmphasis tells whether an element of a w:rPr is one emphasis reads.
func isEmphasis(name string) bool {
	switch name {
	case "b", "i", "u", "caps", "vanish":
		return true
	}
	return false
}

// numPr is a paragraph's numbering: its list and level.
type numPr struct {
	numID   string
	ilvl    int
	hasNum  bool // w:numId given
	hasIlvl bool // w:ilvl given
}

// style is one w:style of styles.xml.
type style struct {
	basedOn string
	rpr     emphasis
	jc      string
	num     numPr
}

// abstractNum is a list definition: its nine levels.
type abstractNum struct {
	lvls      [9]level
	styleLink string // w:numStyleLink: the levels are those of this numbering style's list
}

// level is one w:lvl.
type level struct {
	set   bool
	start int
	fmt   string // w:numFmt
	text  string // w:lvlText
	isLgl bool
}

// num is one w:num: a list instance of an abstractNum, its levels maybe
// restarted or redefined.
type num struct {
	abstract string
	start    [9]int   // w:startOverride + 1 (0: none)
	lvl      [9]level // w:lvlOverride/w:lvl
	restarts bool
}

// counter is one level's number in a list.
type counter struct {
	n       int
	started bool
}

// isW tells whether a name is in the WordprocessingML name space.
func isW(n xml.Name) bool { return n.Space == nsW || n.Space == nsWStrict }

// wAttr is the value of a w: attribute of an element and whether it is
// there.
func wAttr(e xml.StartElement, local string) (string, bool) {
	for _, a := range e.Attr {
		if a.Name.Local == local && (isW(a.Name) || a.Name.Space == "") {
			return a.Value, true
		}
	}
	return "", false
}

// toggle reads an on/off property (w:b, w:i): on unless w:val says off.
func toggle(e xml.StartElement) tri {
	switch v, _ := wAttr(e, "val"); v {
	case "0", "false", "off", "none":
		return off
	}
	return on
}

// underline reads w:u: on for every kind of line but "none".
func underline(e xml.StartElement) tri {
	if v, ok := wAttr(e, "val"); ok && (v == "none" || v == "0" || v == "false") {
		return off
	}
	return on
}

// intAttr reads an integer attribute (w:val, w:ilvl) of an element,
// within [0, limit] (a negative number is 0, a larger one limit).
func intAttr(e xml.StartElement, attr string, limit int) (int, error) {
	v, ok := wAttr(e, attr)
	if !ok {
		return 0, fmt.Errorf("thẻ w:%s thiếu thuộc tính w:%s", e.Name.Local, attr)
	}
	s := strings.TrimSpace(v)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	bad := s == ""
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			bad = true
			break
		}
		n = min(n*10+int(c-'0'), limit)
	}
	if bad {
		return 0, fmt.Errorf("thẻ w:%s có w:%s=“%s”, không phải số nguyên", e.Name.Local, attr, limits.Visible(v))
	}
	if neg {
		return 0, nil
	}
	return n, nil
}

// each calls visit with every token next gives, skipping what
// revisions skips, to the part's end.
func (w *walker) each(visit func(xml.Token) error) error {
	for {
		tok, err := w.next(revisions)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if err := visit(tok); err != nil {
			return err
		}
	}
}

// walker tracks where a token of a part is: the w: element path, and
// the elements whose content is skipped.
type walker struct {
	d     *limits.XMLDecoder
	path  []string // local names of the open elements ("" for another name space)
	skip  int      // depth of the element being skipped, 0 when none
	depth int
}

// next is the next token not inside a skipped element; skipWhen tells
// which starting elements to skip (with their content).
func (w *walker) next(skipWhen func(xml.StartElement, []string) bool) (xml.Token, error) {
	for {
		tok, err := w.d.Token()
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			w.depth++
			name := ""
			if isW(t.Name) {
				name = t.Name.Local
			}
			w.path = append(w.path, name)
			if w.skip > 0 {
				continue
			}
			if t.Name.Space == nsMC && t.Name.Local == "Fallback" || skipWhen(t, w.path) {
				w.skip = w.depth
				continue
			}
			return t, nil
		case xml.EndElement:
			w.path = w.path[:len(w.path)-1]
			w.depth--
			if w.skip > 0 {
				if w.depth < w.skip {
					w.skip = 0
				}
				continue
			}
			return t, nil
		case xml.CharData:
			if w.skip == 0 {
				return t, nil
			}
		}
	}
}

// parent is the w: name of the element enclosing the current one.
func (w *walker) parent() string {
	if len(w.path) < 2 {
		return ""
	}
	return w.path[len(w.path)-2]
}

// within tells whether an element of that w: name is open.
func (w *walker) within(name string) bool {
	for _, n := range w.path {
		if n == name {
			return true
		}
	}
	return false
}

// revisions skips what a tracked change replaced or removed.
func revisions(t xml.StartElement, _ []string) bool {
	if !isW(t.Name) {
		return false
	}
	switch t.Name.Local {
	case "del", "moveFrom", "rPrChange", "pPrChange", "numberingChange", "sectPr", "tblPrChange", "trPrChange", "tcPrChange":
		return true
	}
	return false
}

// readStyles reads the emphasis, alignment and numbering of each style,
// and the document defaults.
func (r *reader) readStyles(d *limits.XMLDecoder) error {
	w := &walker{d: d}
	var cur *style
	return w.each(func(tok xml.Token) error {
		t, ok := tok.(xml.StartElement)
		if !ok || !isW(t.Name) {
			if e, ok := tok.(xml.EndElement); ok && isW(e.Name) && e.Name.Local == "style" {
				cur = nil
			}
			return nil
		}
		switch name := t.Name.Local; {
		case name == "style":
			id, _ := wAttr(t, "styleId")
			cur = &style{}
			if _, dup := r.styles[id]; !dup {
				r.styles[id] = cur
			}
			if typ, _ := wAttr(t, "type"); typ == "paragraph" {
				if def, _ := wAttr(t, "default"); (def == "1" || def == "true") && r.defPara == "" {
					r.defPara = id
				}
			}
		case name == "basedOn" && cur != nil:
			cur.basedOn, _ = wAttr(t, "val")
		case isEmphasis(name) && w.parent() == "rPr":
			e := &r.defaults
			if cur != nil {
				e = &cur.rpr
			} else if !w.within("docDefaults") {
				return nil
			}
			setEmphasis(e, t)
		case name == "jc" && w.parent() == "pPr" && cur != nil:
			cur.jc, _ = wAttr(t, "val")
		case (name == "numId" || name == "ilvl") && w.parent() == "numPr" && cur != nil:
			if err := readNumPr(&cur.num, t); err != nil {
				return err
			}
		}
		return nil
	})
}

// setEmphasis sets the property a w:b, w:i or w:u element gives.
func setEmphasis(e *emphasis, t xml.StartElement) {
	switch t.Name.Local {
	case "b":
		e.b = toggle(t)
	case "i":
		e.i = toggle(t)
	case "u":
		e.u = underline(t)
	case "caps":
		e.caps = toggle(t)
	case "vanish":
		e.vanish = toggle(t)
	}
}

// readNumPr reads a w:numId or w:ilvl of a w:numPr.
func readNumPr(n *numPr, t xml.StartElement) error {
	if t.Name.Local == "numId" {
		n.numID, _ = wAttr(t, "val")
		n.hasNum = true
		return nil
	}
	v, err := intAttr(t, "val", 1<<20)
	n.ilvl, n.hasIlvl = v, true
	return err
}

// readNumbering reads the list definitions and their instances.
func (r *reader) readNumbering(d *limits.XMLDecoder) error {
	w := &walker{d: d}
	var (
		abs  *abstractNum
		inst *num
		lvl  *level // the w:lvl being read
		ilvl = -1   // the w:lvlOverride being read
	)
	return w.each(func(tok xml.Token) error {
		if e, ok := tok.(xml.EndElement); ok && isW(e.Name) {
			switch e.Name.Local {
			case "abstractNum":
				abs = nil
			case "num":
				inst = nil
			case "lvl":
				lvl = nil
			case "lvlOverride":
				ilvl = -1
			}
			return nil
		}
		t, ok := tok.(xml.StartElement)
		if !ok || !isW(t.Name) {
			return nil
		}
		switch t.Name.Local {
		case "abstractNum":
			id, _ := wAttr(t, "abstractNumId")
			abs, inst = &abstractNum{}, nil
			if _, dup := r.abstracts[id]; !dup {
				r.abstracts[id] = abs
			}
		case "num":
			id, _ := wAttr(t, "numId")
			inst, abs = &num{}, nil
			if _, dup := r.nums[id]; !dup {
				r.nums[id] = inst
			}
		case "abstractNumId":
			if inst != nil {
				inst.abstract, _ = wAttr(t, "val")
			}
		case "numStyleLink":
			if abs != nil {
				abs.styleLink, _ = wAttr(t, "val")
			}
		case "lvlOverride":
			if inst == nil {
				return nil
			}
			n, err := intAttr(t, "ilvl", 1<<20)
			if err != nil {
				return err
			}
			ilvl = -1
			if n < 9 {
				ilvl = n
			}
		case "startOverride":
			if inst != nil && ilvl >= 0 {
				n, err := intAttr(t, "val", 1<<20)
				if err != nil {
					return err
				}
				inst.start[ilvl] = n + 1
			}
		case "lvl":
			lvl = nil
			n, err := intAttr(t, "ilvl", 1<<20)
			if err != nil {
				return err
			}
			switch {
			case n >= 9:
			case abs != nil:
				lvl = &abs.lvls[n]
			case inst != nil && ilvl >= 0:
				lvl = &inst.lvl[ilvl]
			}
			if lvl != nil {
				*lvl = level{set: true, start: 0, fmt: "decimal"}
			}
		case "start":
			if lvl != nil {
				n, err := intAttr(t, "val", 1<<20)
				if err != nil {
					return err
				}
				lvl.start = n
			}
		case "numFmt":
			if lvl != nil {
				lvl.fmt, _ = wAttr(t, "val")
			}
		case "lvlText":
			if lvl != nil {
				v, _ := wAttr(t, "val")
				if len(v) > maxLabelBytes {
					return fmt.Errorf("nhãn đánh số (w:lvlText) dài %s byte, quá %d byte: phần đánh số tự động hỏng; hãy bỏ đánh số tự động của danh sách này trong Word rồi lưu lại", limits.Thousands(len(v)), maxLabelBytes)
				}
				lvl.text = v
			}
		case "isLgl":
			if lvl != nil {
				lvl.isLgl = toggle(t) == on
			}
		}
		return nil
	})
}

// table is an open w:tbl: its index and the row and cell being read.
type table struct{ index, row, cell int }

// run is an open w:r: its properties and text.
type run struct {
	style string
	rpr   emphasis
	text  strings.Builder
	para  *paragraph
}

// paragraph is an open w:p.
type paragraph struct {
	p   para.Para
	num numPr
	jc  string
}

// readDocument walks the main document.
func (r *reader) readDocument(d *limits.XMLDecoder) error {
	w := &walker{d: d}
	var (
		paras  []*paragraph
		runs   []*run
		tables []*table
		inText bool
	)
	return w.each(func(tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			if !isW(t.Name) {
				return nil
			}
			var p *paragraph
			if len(paras) > 0 {
				p = paras[len(paras)-1]
			}
			var rn *run
			if len(runs) > 0 {
				rn = runs[len(runs)-1]
			}
			inRPr := w.parent() == "rPr" && len(w.path) >= 3 && w.path[len(w.path)-3] == "r"
			switch name := t.Name.Local; {
			case name == "p":
				np := &paragraph{}
				if n := len(tables); n > 0 {
					tb := tables[n-1]
					np.p.Table, np.p.Row, np.p.Cell = tb.index, tb.row, tb.cell
				}
				paras = append(paras, np)
			case name == "pStyle" && w.parent() == "pPr" && p != nil:
				p.p.Style, _ = wAttr(t, "val")
			case name == "jc" && w.parent() == "pPr" && p != nil:
				p.jc, _ = wAttr(t, "val")
			case (name == "numId" || name == "ilvl") && w.parent() == "numPr" && p != nil:
				if err := readNumPr(&p.num, t); err != nil {
					return err
				}
			case name == "r":
				runs = append(runs, &run{para: p})
			case name == "rStyle" && inRPr && rn != nil:
				rn.style, _ = wAttr(t, "val")
			case isEmphasis(name) && inRPr && rn != nil:
				setEmphasis(&rn.rpr, t)
			case name == "t" && rn != nil && w.parent() == "r":
				inText = true
			case name == "tab" && rn != nil && w.parent() == "r":
				rn.text.WriteByte('\t')
			case (name == "br" || name == "cr") && rn != nil && w.parent() == "r":
				if typ, _ := wAttr(t, "type"); typ != "page" && typ != "column" {
					rn.text.WriteByte('\n')
				}
			case name == "noBreakHyphen" && rn != nil:
				rn.text.WriteByte('-')
			case name == "sym" && rn != nil && w.parent() == "r":
				// A symbol inserted from a font (Insert → Symbol): its
				// character code is the font's private-use code.
				if c, err := strconv.ParseUint(attr(t, "char"), 16, 16); err == nil {
					if c < 0xF000 {
						c += 0xF000
					}
					rn.text.WriteString(bullet(string(rune(c))))
				}
			case name == "tbl":
				r.tables++
				tables = append(tables, &table{index: r.tables})
			case name == "tr" && len(tables) > 0:
				tb := tables[len(tables)-1]
				tb.row, tb.cell = tb.row+1, 0
			case name == "tc" && len(tables) > 0:
				tables[len(tables)-1].cell++
			}
		case xml.EndElement:
			if !isW(t.Name) {
				return nil
			}
			switch t.Name.Local {
			case "t":
				inText = false
			case "r":
				if n := len(runs); n > 0 {
					rn := runs[n-1]
					runs = runs[:n-1]
					if rn.para != nil && rn.text.Len() > 0 {
						if out, shown := r.resolveRun(rn); shown {
							rn.para.p.Runs = append(rn.para.p.Runs, out)
						}
					}
				}
			case "p":
				if n := len(paras); n > 0 {
					p := paras[n-1]
					paras = paras[:n-1]
					if err := r.endParagraph(p); err != nil {
						return err
					}
				}
			case "tbl":
				if n := len(tables); n > 0 {
					tables = tables[:n-1]
				}
			}
		case xml.CharData:
			if inText && len(runs) > 0 {
				runs[len(runs)-1].text.Write(t)
			}
		}
		return nil
	})
}

// maxChain bounds a chain of styles based on one another (Word's
// own are a few deep; a loop ends there).
const maxChain = 32

// chain calls fn with the style id and the styles it is based on, the
// closest first.
func (r *reader) chain(id string, fn func(*style)) {
	for i := 0; id != "" && i < maxChain; i++ {
		s := r.styles[id]
		if s == nil {
			return
		}
		fn(s)
		id = s.basedOn
	}
}

// paraStyle is the id of a paragraph's style: its own, or the default.
func (r *reader) paraStyle(p *paragraph) string {
	if p.p.Style != "" {
		return p.p.Style
	}
	return r.defPara
}

// resolveRun is a run as it shows: its emphasis from its own properties,
// its character style, its paragraph's style and the document defaults,
// its text in capitals under w:caps; shown is false for hidden text.
func (r *reader) resolveRun(rn *run) (out para.Run, shown bool) {
	e := rn.rpr
	r.chain(rn.style, func(s *style) { e = e.over(s.rpr) })
	r.chain(r.paraStyle(rn.para), func(s *style) { e = e.over(s.rpr) })
	e = e.over(r.defaults)
	out = para.Run{Text: rn.text.String(), Bold: e.b == on, Italic: e.i == on, Underline: e.u == on}
	if e.caps == on {
		out.Text = strings.ToUpper(out.Text)
	}
	return out, e.vanish != on
}

// endParagraph finishes a paragraph: its alignment, its list label, its
// runs merged and cleaned; it is kept when it has text.
func (r *reader) endParagraph(p *paragraph) error {
	r.paras++
	if r.paras > limits.MaxParagraphs {
		return fmt.Errorf("văn bản có quá %s đoạn (một kế hoạch có khoảng 600): không nhập tệp này", limits.Thousands(limits.MaxParagraphs))
	}
	np := p.num
	jc := p.jc
	r.chain(r.paraStyle(p), func(s *style) {
		if jc == "" {
			jc = s.jc
		}
		if !np.hasNum && s.num.hasNum {
			np.numID, np.hasNum = s.num.numID, true
		}
		if !np.hasIlvl && s.num.hasIlvl {
			np.ilvl, np.hasIlvl = s.num.ilvl, true
		}
	})
	switch jc {
	case "left", "start":
		p.p.Align = "left"
	case "center":
		p.p.Align = "center"
	case "right", "end":
		p.p.Align = "right"
	case "both", "distribute", "lowKashida", "mediumKashida", "highKashida", "thaiDistribute":
		p.p.Align = "both"
	}
	if np.hasNum && np.numID != "0" && np.numID != "" {
		label, err := r.label(np.numID, np.ilvl)
		if err != nil {
			return err
		}
		p.p.Label = label
		p.p.Level = min(np.ilvl, 8)
	}
	p.p.Runs = cleanRuns(p.p.Runs)
	if len(p.p.Runs) > 0 {
		r.out = append(r.out, p.p)
	}
	return nil
}

// cleanRuns merges adjacent runs of one emphasis, writes no-break spaces
// as spaces, normalises to NFC and trims spaces at the paragraph's ends.
func cleanRuns(runs []para.Run) []para.Run {
	var out []para.Run
	for _, rn := range runs {
		if n := len(out); n > 0 && out[n-1].Bold == rn.Bold && out[n-1].Italic == rn.Italic && out[n-1].Underline == rn.Underline {
			out[n-1].Text += rn.Text
			continue
		}
		out = append(out, rn)
	}
	for len(out) > 0 {
		out[0].Text = strings.TrimLeftFunc(strings.ReplaceAll(out[0].Text, "\u00a0", " "), unicode.IsSpace)
		if out[0].Text != "" {
			break
		}
		out = out[1:]
	}
	for len(out) > 0 {
		n := len(out) - 1
		out[n].Text = strings.TrimRightFunc(strings.ReplaceAll(out[n].Text, "\u00a0", " "), unicode.IsSpace)
		if out[n].Text != "" {
			break
		}
		out = out[:n]
	}
	for i := range out {
		out[i].Text = strings.ReplaceAll(out[i].Text, "\u00a0", " ")
		if !norm.NFC.IsNormalString(out[i].Text) {
			out[i].Text = norm.NFC.String(out[i].Text)
		}
	}
	return out
}
