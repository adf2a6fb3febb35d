package textconv

import (
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

// pdfText returns the text of a PDF as textconv prints it: a line
// "--- trang N ---" before each page, then one line per text line.
func pdfText(data []byte) (string, error) {
	d, err := parseDocument(data)
	if err != nil {
		return "", err
	}
	pages, err := d.pages()
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for i, pg := range pages {
		runs, err := d.pageRuns(pg)
		if err != nil {
			return "", fmt.Errorf("trang %d: %v", i+1, err)
		}
		fmt.Fprintf(&b, "--- trang %d ---\n", i+1)
		for _, line := range lines(runs) {
			b.WriteString(line)
			b.WriteByte('\n')
		}
	}
	return b.String(), nil
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
		if depth > maxNesting {
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
			if len(out) > 100000 {
				return errors.New("quá nhiều trang")
			}
			return nil
		}
		for _, k := range kids {
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

// pageRuns interprets a page's content streams.
func (d *document) pageRuns(pg page) ([]run, error) {
	var content []byte
	switch c := d.resolve(pg.dict["Contents"]).(type) {
	case nil:
		return nil, nil
	case *stream:
		b, err := d.decode(c)
		if err != nil {
			return nil, err
		}
		content = b
	case array:
		for _, x := range c {
			s, ok := d.resolve(x).(*stream)
			if !ok {
				return nil, errors.New("nội dung trang hỏng (thiếu luồng nội dung)")
			}
			b, err := d.decode(s)
			if err != nil {
				return nil, err
			}
			content = append(append(content, b...), '\n')
		}
	default:
		return nil, errors.New("nội dung trang không hợp lệ")
	}
	fonts := map[name]*font{}
	fontDict := d.dictOf(pg.resources["Font"])
	getFont := func(n name) (*font, error) {
		if f, ok := fonts[n]; ok {
			return f, nil
		}
		fd := d.dictOf(fontDict[n])
		if fd == nil {
			return nil, fmt.Errorf("trang dùng phông /%s không có trong tài nguyên", n)
		}
		f, err := d.loadFont(fd)
		if err != nil {
			return nil, fmt.Errorf("phông /%s: %v", n, err)
		}
		fonts[n] = f
		return f, nil
	}

	gs := gstate{ctm: identity, th: 1}
	var stack []gstate
	var tm, lm matrix
	inText := false
	var runs []run
	var ops []any
	l := &lexer{data: content}
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
		for _, g := range gs.font.glyphs(s) {
			text.WriteString(g.text)
			w := g.width/1000*gs.size + gs.tc
			if g.space {
				w += gs.tw
			}
			adv += w * gs.th
		}
		tm = matrix{1, 0, 0, 1, adv, 0}.mul(tm)
		x1, _ := matrix{gs.size * gs.th, 0, 0, gs.size, 0, gs.rise}.mul(tm).mul(gs.ctm).apply(0, 0)
		size := math.Hypot(trm[2], trm[3])
		runs = append(runs, run{x: x0, y: y0, endX: x1, size: size, text: text.String()})
		return nil
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
		if err != nil {
			return nil, fmt.Errorf("luồng nội dung hỏng: %v", err)
		}
		op, isOp := v.(keyword)
		if !isOp {
			if len(ops) > 1000 {
				return nil, errors.New("luồng nội dung hỏng: quá nhiều toán hạng")
			}
			ops = append(ops, v)
			continue
		}
		switch op {
		case "q":
			if len(stack) > 256 {
				return nil, errors.New("luồng nội dung hỏng: q lồng quá sâu")
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
				return nil, errors.New("luồng nội dung hỏng: Tf thiếu toán hạng")
			}
			fn, ok := ops[len(ops)-2].(name)
			if !ok {
				return nil, errors.New("luồng nội dung hỏng: Tf không có tên phông")
			}
			f, err := getFont(fn)
			if err != nil {
				return nil, err
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
				return nil, fmt.Errorf("luồng nội dung hỏng: %s ngoài BT … ET", op)
			}
			if op == "\"" {
				gs.tw, gs.tc = num(0), num(1)
			}
			if op != "Tj" {
				nextLine(0, -gs.tl)
			}
			if len(ops) == 0 {
				return nil, fmt.Errorf("luồng nội dung hỏng: %s thiếu chuỗi", op)
			}
			s, ok := ops[len(ops)-1].(pdfStr)
			if !ok {
				return nil, fmt.Errorf("luồng nội dung hỏng: %s thiếu chuỗi", op)
			}
			if err := show(s); err != nil {
				return nil, err
			}
		case "TJ":
			if !inText {
				return nil, errors.New("luồng nội dung hỏng: TJ ngoài BT … ET")
			}
			if len(ops) == 0 {
				return nil, errors.New("luồng nội dung hỏng: TJ thiếu mảng")
			}
			items, ok := ops[len(ops)-1].(array)
			if !ok {
				return nil, errors.New("luồng nội dung hỏng: TJ thiếu mảng")
			}
			for _, it := range items {
				switch x := it.(type) {
				case pdfStr:
					if err := show(x); err != nil {
						return nil, err
					}
				case float64:
					tm = matrix{1, 0, 0, 1, -x / 1000 * gs.size * gs.th, 0}.mul(tm)
				}
			}
		case "BI":
			// An inline image: skip its data up to "EI".
			k := strings.Index(string(content[l.pos:]), "ID")
			if k < 0 {
				return nil, errors.New("luồng nội dung hỏng: ảnh nhúng không có ID")
			}
			e := indexEI(content, l.pos+k+2)
			if e < 0 {
				return nil, errors.New("luồng nội dung hỏng: ảnh nhúng không có EI")
			}
			l.pos = e
		}
		ops = ops[:0]
	}
	return runs, nil
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

// lines groups runs into text lines: a run continues the current line when
// it sits on the same baseline and does not go back to the left; the words
// of a line are joined by a space, or by " | " across a gap wider than
// three em (table columns, the two halves of the heading). No-break spaces
// become plain spaces.
func lines(runs []run) []string {
	var out []string
	var cur strings.Builder
	var last run
	have := false
	flush := func() {
		if have {
			if s := strings.TrimRight(cur.String(), " "); strings.TrimSpace(s) != "" {
				out = append(out, s)
			}
		}
		cur.Reset()
		have = false
	}
	for _, r := range runs {
		text := strings.ReplaceAll(r.text, "\u00a0", " ")
		if text == "" {
			continue
		}
		em := math.Max(r.size, 1)
		if have && math.Abs(r.y-last.y) <= 0.2*em && r.x >= last.endX-0.3*em {
			gap := r.x - last.endX
			switch {
			case gap > 3*em:
				cur.WriteString(" | ")
			case gap > 0.1*em && !strings.HasSuffix(cur.String(), " ") && !strings.HasPrefix(text, " "):
				cur.WriteByte(' ')
			}
		} else {
			flush()
			have = true
		}
		cur.WriteString(text)
		last = r
	}
	flush()
	return out
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

// glyphs splits a shown string into glyphs.
func (f *font) glyphs(s pdfStr) []glyph {
	var out []glyph
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
		out = append(out, g)
	}
	return out
}

func (f *font) width(code uint32) float64 {
	for _, r := range f.widths {
		if code >= r.lo && code <= r.hi {
			if len(r.w) == 1 {
				return r.w[0]
			}
			if i := int(code - r.lo); i < len(r.w) {
				return r.w[i]
			}
		}
	}
	return f.dw
}

// loadFont reads a font dictionary: its ToUnicode map and widths.
func (d *document) loadFont(fd dict) (*font, error) {
	f := &font{dw: 1000}
	sub, _ := d.resolve(fd["Subtype"]).(name)
	if tu, ok := d.resolve(fd["ToUnicode"]).(*stream); ok {
		data, err := d.decode(tu)
		if err != nil {
			return nil, fmt.Errorf("bảng ToUnicode: %v", err)
		}
		cm, err := parseCMap(data)
		if err != nil {
			return nil, fmt.Errorf("bảng ToUnicode: %v", err)
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
}

type cmapRange struct {
	lo, hi uint32
	dst    []uint16 // UTF-16 of the text of lo; the last unit counts up
}

func (c *cmap) lookup(code uint32) string {
	if s, ok := c.chars[code]; ok {
		return s
	}
	for _, r := range c.ranges {
		if code >= r.lo && code <= r.hi && len(r.dst) > 0 {
			u := append([]uint16(nil), r.dst...)
			u[len(u)-1] += uint16(code - r.lo)
			return string(utf16.Decode(u))
		}
	}
	return "\uFFFD"
}

// parseCMap reads the bfchar and bfrange sections of a ToUnicode CMap.
func parseCMap(data []byte) (*cmap, error) {
	c := &cmap{chars: map[uint32]string{}}
	l := &lexer{data: data}
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
					c.ranges = append(c.ranges, cmapRange{lo: code(lo), hi: code(hi), dst: units(dst)})
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
	// Narrow ranges first, so a specific range wins over a catch-all one.
	sort.SliceStable(c.ranges, func(i, j int) bool { return c.ranges[i].hi-c.ranges[i].lo < c.ranges[j].hi-c.ranges[j].lo })
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
