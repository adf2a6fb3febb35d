package extract

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
)

// This file extracts the text of a PDF written by kehoach (fpdf: subset
// TrueType fonts as Type0/Identity-H with a ToUnicode CMap, FlateDecode
// content streams, each word or line placed with BT x y Td <hex> Tj ET).
// It interprets the text operators of each page, maps the glyph codes
// through the ToUnicode CMaps, measures each run with the fonts' widths,
// and groups runs into lines by baseline in the order they are drawn.

// readPDF prints the text of a PDF: a line "--- trang N ---" before each
// page, then one line per text line; at most MaxPages pages.
func readPDF(data []byte, out *output, b *budget) error {
	d, err := parseDocument(data, b)
	if err != nil {
		return err
	}
	pages, err := d.pages()
	if err != nil {
		return err
	}
	for i, pg := range pages {
		if i == MaxPages {
			return &cut{"quá " + thousands(MaxPages) + " trang"}
		}
		if err := out.writeLine(fmt.Sprintf("--- trang %d ---", i+1)); err != nil {
			return err
		}
		lw := &lineWriter{out: out}
		if err := d.pageRuns(pg, lw.add); err != nil {
			return fmt.Errorf("trang %d: %w", i+1, err)
		}
		if err := lw.flush(); err != nil {
			return err
		}
	}
	return nil
}

// page is a page object with its inherited resources.
type page struct {
	dict      dict
	resources dict
}

// pages lists the pages in order, from /Root /Pages.
func (d *document) pages() ([]page, error) {
	root := d.dictOf(d.trailer["Root"])
	if root == nil {
		return nil, errors.New("không tìm thấy mục lục tài liệu (/Root)")
	}
	top := d.dictOf(root["Pages"])
	if top == nil {
		return nil, errors.New("không tìm thấy cây trang (/Pages)")
	}
	var out []page
	seen := map[int]bool{}
	var walk func(n dict, res dict, depth int) error
	walk = func(n dict, res dict, depth int) error {
		if depth > MaxNesting {
			return errors.New("cây trang quá sâu")
		}
		if r := d.dictOf(n["Resources"]); r != nil {
			res = r
		}
		kids, isNode := d.resolve(n["Kids"]).(array)
		if !isNode {
			if t, _ := n["Type"].(name); t != "" && t != "Page" {
				return fmt.Errorf("nút trang kiểu /%s không hợp lệ", t)
			}
			out = append(out, page{dict: n, resources: res})
			return nil
		}
		for _, k := range kids {
			if len(out) > MaxPages { // readPDF stops there
				return nil
			}
			r, isRef := k.(ref)
			if !isRef {
				return errors.New("cây trang hỏng")
			}
			if seen[r.num] {
				return errors.New("cây trang lặp vòng")
			}
			seen[r.num] = true
			kd := d.dictOf(k)
			if kd == nil {
				return errors.New("thiếu một trang trong cây trang (tệp bị cắt cụt?)")
			}
			if err := walk(kd, res, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(top, nil, 0); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, errors.New("tài liệu không có trang nào")
	}
	return out, nil
}

// matrix is a PDF transformation [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n (m applied first).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

// run is one shown string: where it starts and ends on the page, its
// size there, and its text.
type run struct {
	x, y, endX, size float64
	text             string
}

type gstate struct {
	ctm                  matrix
	font                 *font
	size, tc, tw, th, tl float64
	rise                 float64
}

// pageRuns interprets a page's content streams, giving each shown
// string to emit in drawing order.
func (d *document) pageRuns(pg page, emit func(run) error) error {
	var content []byte
	switch c := d.resolve(pg.dict["Contents"]).(type) {
	case nil:
		return nil
	case *stream:
		b, err := d.decode(c)
		if err != nil {
			return err
		}
		content = b
	case array:
		for _, x := range c {
			s, ok := d.resolve(x).(*stream)
			if !ok {
				return errors.New("nội dung trang hỏng (thiếu luồng nội dung)")
			}
			b, err := d.decode(s)
			if err != nil {
				return err
			}
			if len(content)+len(b) > MaxPartBytes {
				return fmt.Errorf("nội dung trang quá lớn (hơn %s)", mib(MaxPartBytes))
			}
			content = append(append(content, b...), '\n')
		}
	default:
		return errors.New("nội dung trang không hợp lệ")
	}
	fonts := map[name]*font{}
	fontDict := d.dictOf(pg.resources["Font"])
	getFont := func(n name) (*font, error) {
		if f, ok := fonts[n]; ok {
			return f, nil
		}
		r, isRef := fontDict[n].(ref)
		if f, ok := d.fonts[r.num]; isRef && ok {
			fonts[n] = f
			return f, nil
		}
		fd := d.dictOf(fontDict[n])
		if fd == nil {
			return nil, fmt.Errorf("trang dùng phông /%s không có trong tài nguyên", n)
		}
		f, err := d.loadFont(fd)
		if err != nil {
			return nil, fmt.Errorf("phông /%s: %w", n, err)
		}
		fonts[n] = f
		if isRef {
			d.fonts[r.num] = f
		}
		return f, nil
	}

	gs := gstate{ctm: identity, th: 1}
	var stack []gstate
	var tm, lm matrix
	inText := false
	var ops []any
	l := &lexer{data: content, b: d.b}
	num := func(i int) float64 {
		if i < len(ops) {
			if f, ok := ops[i].(float64); ok {
				return f
			}
		}
		return 0
	}
	show := func(s pdfStr) error {
		if gs.font == nil {
			return errors.New("chữ được vẽ khi chưa chọn phông (Tf)")
		}
		trm := matrix{gs.size * gs.th, 0, 0, gs.size, 0, gs.rise}.mul(tm).mul(gs.ctm)
		x0, y0 := trm.apply(0, 0)
		var text strings.Builder
		adv := 0.0
		over := false
		gs.font.glyphs(s, func(g glyph) bool {
			text.WriteString(g.text)
			w := g.width/1000*gs.size + gs.tc
			if g.space {
				w += gs.tw
			}
			adv += w * gs.th
			// Past what may be printed: what there is goes out, cut.
			over = text.Len() > MaxOutputBytes
			return !over
		})
		tm = matrix{1, 0, 0, 1, adv, 0}.mul(tm)
		x1, _ := matrix{gs.size * gs.th, 0, 0, gs.size, 0, gs.rise}.mul(tm).mul(gs.ctm).apply(0, 0)
		size := math.Hypot(trm[2], trm[3])
		if err := emit(run{x: x0, y: y0, endX: x1, size: size, text: text.String()}); err != nil || !over {
			return err
		}
		return errFull
	}
	nextLine := func(tx, ty float64) {
		lm = matrix{1, 0, 0, 1, tx, ty}.mul(lm)
		tm = lm
	}
	for {
		v, err := l.value(0)
		if err == errEOF {
			break
		}
		if isCut(err) {
			return err
		}
		if err != nil {
			return fmt.Errorf("luồng nội dung hỏng: %v", err)
		}
		op, isOp := v.(keyword)
		if !isOp {
			if len(ops) > 1000 {
				return errors.New("luồng nội dung hỏng: quá nhiều toán hạng")
			}
			ops = append(ops, v)
			continue
		}
		switch op {
		case "q":
			if len(stack) > 256 {
				return errors.New("luồng nội dung hỏng: q lồng quá sâu")
			}
			stack = append(stack, gs)
		case "Q":
			if len(stack) > 0 {
				gs, stack = stack[len(stack)-1], stack[:len(stack)-1]
			}
		case "cm":
			gs.ctm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}.mul(gs.ctm)
		case "BT":
			inText = true
			tm, lm = identity, identity
		case "ET":
			inText = false
		case "Tf":
			if len(ops) < 2 {
				return errors.New("luồng nội dung hỏng: Tf thiếu toán hạng")
			}
			fn, ok := ops[len(ops)-2].(name)
			if !ok {
				return errors.New("luồng nội dung hỏng: Tf không có tên phông")
			}
			f, err := getFont(fn)
			if err != nil {
				return err
			}
			gs.font, gs.size = f, num(len(ops)-1)
		case "Tc":
			gs.tc = num(0)
		case "Tw":
			gs.tw = num(0)
		case "Tz":
			gs.th = num(0) / 100
		case "TL":
			gs.tl = num(0)
		case "Ts":
			gs.rise = num(0)
		case "Td":
			nextLine(num(0), num(1))
		case "TD":
			gs.tl = -num(1)
			nextLine(num(0), num(1))
		case "Tm":
			lm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}
			tm = lm
		case "T*":
			nextLine(0, -gs.tl)
		case "Tj", "'", "\"":
			if !inText {
				return fmt.Errorf("luồng nội dung hỏng: %s ngoài BT … ET", op)
			}
			if op == "\"" {
				gs.tw, gs.tc = num(0), num(1)
			}
			if op != "Tj" {
				nextLine(0, -gs.tl)
			}
			if len(ops) == 0 {
				return fmt.Errorf("luồng nội dung hỏng: %s thiếu chuỗi", op)
			}
			s, ok := ops[len(ops)-1].(pdfStr)
			if !ok {
				return fmt.Errorf("luồng nội dung hỏng: %s thiếu chuỗi", op)
			}
			if err := show(s); err != nil {
				return err
			}
		case "TJ":
			if !inText {
				return errors.New("luồng nội dung hỏng: TJ ngoài BT … ET")
			}
			if len(ops) == 0 {
				return errors.New("luồng nội dung hỏng: TJ thiếu mảng")
			}
			items, ok := ops[len(ops)-1].(array)
			if !ok {
				return errors.New("luồng nội dung hỏng: TJ thiếu mảng")
			}
			for _, it := range items {
				switch x := it.(type) {
				case pdfStr:
					if err := show(x); err != nil {
						return err
					}
				case float64:
					tm = matrix{1, 0, 0, 1, -x / 1000 * gs.size * gs.th, 0}.mul(tm)
				}
			}
		case "BI":
			// An inline image: skip its data up to "EI".
			// Both searches look at the stream itself, from where the lexer
			// is, and the lexer goes on after EI: each byte is seen once.
			k := bytes.Index(content[l.pos:], []byte("ID"))
			if k < 0 {
				return errors.New("luồng nội dung hỏng: ảnh nhúng không có ID")
			}
			e := indexEI(content, l.pos+k+2)
			if e < 0 {
				return errors.New("luồng nội dung hỏng: ảnh nhúng không có EI")
			}
			l.pos = e
		}
		ops = ops[:0]
	}
	return nil
}

// indexEI finds the end of inline image data: "EI" between white space.
func indexEI(b []byte, from int) int {
	for i := from; i+2 <= len(b); i++ {
		if b[i] == 'E' && b[i+1] == 'I' && i > 0 && isWhite(b[i-1]) && (i+2 == len(b) || isWhite(b[i+2])) {
			return i + 2
		}
	}
	return -1
}

// lineWriter groups runs into text lines and prints them: a run
// continues the current line when it sits on the same baseline and does
// not go back to the left; the words of a line are joined by a space, or
// by " | " across a gap wider than three em (table columns, the two halves
// of the heading). No-break spaces become plain spaces.
type lineWriter struct {
	out  *output
	cur  strings.Builder
	last run
	have bool
}

func (w *lineWriter) flush() error {
	if w.have {
		if s := strings.TrimRight(w.cur.String(), " "); strings.TrimSpace(s) != "" {
			if err := w.out.writeLine(s); err != nil {
				return err
			}
		}
	}
	w.cur.Reset()
	w.have = false
	return nil
}

func (w *lineWriter) add(r run) error {
	text := strings.ReplaceAll(r.text, "\u00a0", " ")
	if text == "" {
		return nil
	}
	em := math.Max(r.size, 1)
	if w.have && math.Abs(r.y-w.last.y) <= 0.2*em && r.x >= w.last.endX-0.3*em {
		gap := r.x - w.last.endX
		switch {
		case gap > 3*em:
			w.cur.WriteString(" | ")
		case gap > 0.1*em && !strings.HasSuffix(w.cur.String(), " ") && !strings.HasPrefix(text, " "):
			w.cur.WriteByte(' ')
		}
	} else {
		if err := w.flush(); err != nil {
			return err
		}
		w.have = true
	}
	if w.cur.Len()+len(text) > MaxOutputBytes {
		w.cur.WriteString(text)
		w.have = false
		return w.out.writeLine(w.cur.String()) // more than may be printed: errFull
	}
	w.cur.WriteString(text)
	w.last = r
	return nil
}

// font maps a font's codes to text and widths.
type font struct {
	twoByte bool
	cmap    *cmap
	simple  *[256]rune // codes of a simple font without ToUnicode
	widths  []widthRange
	dw      float64
}

type widthRange struct {
	lo, hi uint32
	w      []float64 // one per code, or a single width for the whole range
}

type glyph struct {
	text  string
	width float64
	space bool // the single-byte code 32, which takes word spacing
}

// glyphs splits a shown string into glyphs, giving each to yield until
// it returns false.
func (f *font) glyphs(s pdfStr, yield func(glyph) bool) {
	step := 1
	if f.twoByte {
		step = 2
	}
	for i := 0; i+step <= len(s); i += step {
		code := uint32(s[i])
		if step == 2 {
			code = code<<8 | uint32(s[i+1])
		}
		g := glyph{width: f.width(code), space: step == 1 && code == 32}
		switch {
		case f.cmap != nil:
			g.text = f.cmap.lookup(code)
		case f.simple != nil:
			g.text = string(f.simple[code&0xff])
		}
		if !yield(g) {
			return
		}
	}
}

// width is the width of a code: binary search in the sorted, disjoint
// ranges (sortWidths).
func (f *font) width(code uint32) float64 {
	i := sort.Search(len(f.widths), func(i int) bool { return f.widths[i].hi >= code })
	if i < len(f.widths) && f.widths[i].lo <= code {
		r := f.widths[i]
		if len(r.w) == 1 {
			return r.w[0]
		}
		if k := int(code - r.lo); k < len(r.w) {
			return r.w[k]
		}
	}
	return f.dw
}

// sortWidths sorts the width ranges by their first code and makes them
// disjoint: where ranges overlap, the one listed first in /W keeps its
// codes (as a scan of /W in order would find it), the other keeps what is
// left of it at its start or end.
func sortWidths(ws []widthRange) []widthRange {
	disjoint := true
	for i := 1; i < len(ws) && disjoint; i++ {
		disjoint = ws[i].lo > ws[i-1].hi
	}
	if disjoint {
		return ws // what fpdf writes: in order, disjoint
	}
	// Keep, in /W order, the parts of each range that no earlier range
	// covers; each range then holds a run of the elementary segments
	// between the ranges' bounds.
	sg := newSegments(len(ws), func(i int) (uint32, uint32) { return ws[i].lo, ws[i].hi })
	var out []widthRange
	sg.assign(func(owner int, lo, hi uint32) {
		r := ws[owner]
		if len(r.w) == 1 {
			out = append(out, widthRange{lo: lo, hi: hi, w: r.w})
			return
		}
		out = append(out, widthRange{lo: lo, hi: hi, w: r.w[lo-r.lo : hi-r.lo+1]})
	})
	return out
}

// segments splits a set of code ranges [lo, hi] at all their bounds, so
// that each elementary segment is inside or outside each range.
type segments struct {
	bounds []uint64 // sorted, distinct; segment k is [bounds[k], bounds[k+1])
	owner  []int32  // the range a segment was given to, or -1
	next   []int32  // for assign: the first segment at or after k still free
	n      int
	rng    func(int) (uint32, uint32)
}

func newSegments(n int, rng func(int) (uint32, uint32)) *segments {
	b := make([]uint64, 0, 2*n)
	for i := 0; i < n; i++ {
		lo, hi := rng(i)
		b = append(b, uint64(lo), uint64(hi)+1)
	}
	sort.Slice(b, func(i, j int) bool { return b[i] < b[j] })
	k := 0
	for i, x := range b {
		if i == 0 || x != b[k-1] {
			b[k] = x
			k++
		}
	}
	b = b[:k]
	sg := &segments{bounds: b, n: n, rng: rng}
	sg.owner = make([]int32, max(len(b)-1, 0))
	sg.next = make([]int32, len(b))
	for i := range sg.owner {
		sg.owner[i] = -1
	}
	for i := range sg.next {
		sg.next[i] = int32(i)
	}
	return sg
}

// free is the first segment at or after k not yet given to a range
// (union-find with path halving, so that giving every segment once costs
// about as much as the segments).
func (sg *segments) free(k int32) int32 {
	for sg.next[k] != k {
		sg.next[k] = sg.next[sg.next[k]]
		k = sg.next[k]
	}
	return k
}

// index is the segment starting at x.
func (sg *segments) index(x uint64) int32 {
	return int32(sort.Search(len(sg.bounds), func(i int) bool { return sg.bounds[i] >= x }))
}

// assign gives each segment to the first range, in order 0…n-1, that
// covers it, then reports the runs of segments each range got, in code
// order, merged where one range's runs touch.
func (sg *segments) assign(part func(owner int, lo, hi uint32)) {
	for i := 0; i < sg.n; i++ {
		lo, hi := sg.rng(i)
		a, z := sg.index(uint64(lo)), sg.index(uint64(hi)+1)
		for k := sg.free(a); k < z; k = sg.free(k) {
			sg.owner[k] = int32(i)
			sg.next[k] = k + 1
		}
	}
	for k := 0; k < len(sg.owner); {
		o := sg.owner[k]
		e := k + 1
		for e < len(sg.owner) && sg.owner[e] == o {
			e++
		}
		if o >= 0 {
			part(int(o), uint32(sg.bounds[k]), uint32(sg.bounds[e]-1))
		}
		k = e
	}
}

// loadFont reads a font dictionary: its ToUnicode map and widths.
func (d *document) loadFont(fd dict) (*font, error) {
	f := &font{dw: 1000}
	sub, _ := d.resolve(fd["Subtype"]).(name)
	if tu, ok := d.resolve(fd["ToUnicode"]).(*stream); ok {
		data, err := d.decode(tu)
		if err != nil {
			return nil, fmt.Errorf("bảng ToUnicode: %w", err)
		}
		cm, err := parseCMap(data, d.b)
		if err != nil {
			return nil, fmt.Errorf("bảng ToUnicode: %w", err)
		}
		f.cmap = cm
	}
	switch sub {
	case "Type0":
		enc, _ := d.resolve(fd["Encoding"]).(name)
		if enc != "Identity-H" && enc != "Identity-V" {
			return nil, fmt.Errorf("bảng mã phông /%s không được hỗ trợ (chỉ Identity-H)", enc)
		}
		f.twoByte = true
		if f.cmap == nil {
			return nil, errors.New("phông không có bảng ToUnicode nên không đọc được chữ")
		}
		desc, _ := d.resolve(fd["DescendantFonts"]).(array)
		if len(desc) == 0 {
			return nil, errors.New("phông thiếu DescendantFonts")
		}
		cid := d.dictOf(desc[0])
		if cid == nil {
			return nil, errors.New("phông thiếu DescendantFonts")
		}
		if dw, ok := d.resolve(cid["DW"]).(float64); ok {
			f.dw = dw
		}
		w, _ := d.resolve(cid["W"]).(array)
		for i := 0; i < len(w); {
			lo, ok := d.resolve(w[i]).(float64)
			if !ok || i+1 >= len(w) || lo < 0 || lo > 0xffff {
				return nil, errors.New("bảng độ rộng /W hỏng")
			}
			if list, ok := d.resolve(w[i+1]).(array); ok {
				r := widthRange{lo: uint32(lo), hi: uint32(lo) + uint32(len(list)) - 1}
				if len(list) == 0 {
					i += 2
					continue
				}
				for _, x := range list {
					v, _ := d.resolve(x).(float64)
					r.w = append(r.w, v)
				}
				f.widths = append(f.widths, r)
				i += 2
				continue
			}
			hi, ok1 := d.resolve(w[i+1]).(float64)
			if i+2 >= len(w) || !ok1 || hi < lo || hi > 0xffff {
				return nil, errors.New("bảng độ rộng /W hỏng")
			}
			v, _ := d.resolve(w[i+2]).(float64)
			f.widths = append(f.widths, widthRange{lo: uint32(lo), hi: uint32(hi), w: []float64{v}})
			i += 3
		}
		f.widths = sortWidths(f.widths)
	default:
		// A simple font (1-byte codes): /FirstChar and /Widths.
		f.dw = 500
		first, _ := d.resolve(fd["FirstChar"]).(float64)
		if ws, ok := d.resolve(fd["Widths"]).(array); ok && first >= 0 && first < 256 && len(ws) > 0 {
			r := widthRange{lo: uint32(first), hi: uint32(first) + uint32(len(ws)) - 1}
			for _, x := range ws {
				v, _ := d.resolve(x).(float64)
				r.w = append(r.w, v)
			}
			f.widths = append(f.widths, r)
		}
		if f.cmap == nil {
			var t [256]rune
			dec := charmap.Windows1252
			for i := range t {
				t[i] = dec.DecodeByte(byte(i))
			}
			f.simple = &t
		}
	}
	return f, nil
}

// cmap is a ToUnicode CMap: single codes (bfchar) and ranges (bfrange).
type cmap struct {
	chars  map[uint32]string
	ranges []cmapRange
	found  map[uint32]string // codes looked up in ranges so far
}

type cmapRange struct {
	lo, hi uint32
	base   uint32   // the first code of the bfrange entry this part is of
	dst    []uint16 // UTF-16 of the text of base; the last unit counts up
}

// lookup maps a code to text: a bfchar entry, else the range holding the
// code (binary search in the disjoint ranges parseCMap made).
func (c *cmap) lookup(code uint32) string {
	if s, ok := c.chars[code]; ok {
		return s
	}
	if s, ok := c.found[code]; ok {
		return s
	}
	s := "\uFFFD"
	i := sort.Search(len(c.ranges), func(i int) bool { return c.ranges[i].hi >= code })
	if i < len(c.ranges) && c.ranges[i].lo <= code {
		r := c.ranges[i]
		u := append([]uint16(nil), r.dst...)
		u[len(u)-1] += uint16(code - r.base)
		s = string(utf16.Decode(u))
	}
	if len(c.found) < 1<<16 {
		c.found[code] = s
	}
	return s
}

// parseCMap reads the bfchar and bfrange sections of a ToUnicode CMap.
func parseCMap(data []byte, b *budget) (*cmap, error) {
	c := &cmap{chars: map[uint32]string{}, found: map[uint32]string{}}
	l := &lexer{data: data, b: b}
	var ops []any
	mode := ""
	for {
		v, err := l.value(0)
		if err == errEOF {
			break
		}
		if err != nil {
			return nil, err
		}
		k, isKw := v.(keyword)
		if !isKw {
			if mode != "" {
				ops = append(ops, v)
				if len(ops) > 1<<20 {
					return nil, errors.New("quá lớn")
				}
			}
			continue
		}
		switch k {
		case "beginbfchar":
			mode, ops = "char", ops[:0]
		case "beginbfrange":
			mode, ops = "range", ops[:0]
		case "endbfchar":
			for i := 0; i+1 < len(ops); i += 2 {
				src, ok1 := ops[i].(pdfStr)
				dst, ok2 := ops[i+1].(pdfStr)
				if !ok1 || !ok2 || len(src) == 0 || len(src) > 4 {
					return nil, errors.New("mục bfchar hỏng")
				}
				c.chars[code(src)] = string(utf16.Decode(units(dst)))
			}
			mode, ops = "", ops[:0]
		case "endbfrange":
			for i := 0; i+2 < len(ops); i += 3 {
				lo, ok1 := ops[i].(pdfStr)
				hi, ok2 := ops[i+1].(pdfStr)
				if !ok1 || !ok2 || len(lo) == 0 || len(lo) > 4 || len(hi) > 4 || code(hi) < code(lo) {
					return nil, errors.New("mục bfrange hỏng")
				}
				switch dst := ops[i+2].(type) {
				case pdfStr:
					if u := units(dst); len(u) > 0 {
						c.ranges = append(c.ranges, cmapRange{lo: code(lo), hi: code(hi), base: code(lo), dst: u})
					}
				case array:
					for j, x := range dst {
						s, ok := x.(pdfStr)
						if !ok || uint64(code(lo))+uint64(j) > uint64(code(hi)) {
							break
						}
						c.chars[code(lo)+uint32(j)] = string(utf16.Decode(units(s)))
					}
				default:
					return nil, errors.New("mục bfrange hỏng")
				}
			}
			mode, ops = "", ops[:0]
		}
	}
	if len(c.chars) == 0 && len(c.ranges) == 0 {
		return nil, errors.New("không có mục nào")
	}
	// Narrow ranges first, so a specific range wins over a catch-all one;
	// then the codes each keeps, disjoint and in order, for lookup.
	sort.SliceStable(c.ranges, func(i, j int) bool { return c.ranges[i].hi-c.ranges[i].lo < c.ranges[j].hi-c.ranges[j].lo })
	rs := c.ranges
	sg := newSegments(len(rs), func(i int) (uint32, uint32) { return rs[i].lo, rs[i].hi })
	c.ranges = nil
	sg.assign(func(owner int, lo, hi uint32) {
		r := rs[owner]
		c.ranges = append(c.ranges, cmapRange{lo: lo, hi: hi, base: r.base, dst: r.dst})
	})
	return c, nil
}

func code(b pdfStr) uint32 {
	var v uint32
	for _, x := range b {
		v = v<<8 | uint32(x)
	}
	return v
}

func units(b pdfStr) []uint16 {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return u
}
