package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strings"

	"kehoach/internal/extract/limits"
)

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
	content, err := d.pageContent(pg)
	if err != nil || content == nil {
		return err
	}
	in := &interp{d: d, content: content, emit: emit, fonts: map[name]*font{}, fontDict: d.dictOf(pg.resources["Font"]),
		gs: gstate{ctm: identity, th: 1}, l: &lexer{data: content, b: d.b}}
	for {
		v, err := in.l.value(0)
		if err == errEOF {
			break
		}
		if limits.IsCut(err) {
			return err
		}
		if err != nil {
			return fmt.Errorf("luồng nội dung hỏng: %v", err)
		}
		op, isOp := v.(keyword)
		if !isOp {
			if len(in.ops) > 1000 {
				return errors.New("luồng nội dung hỏng: quá nhiều toán hạng")
			}
			in.ops = append(in.ops, v)
			continue
		}
		if err := in.operator(op); err != nil {
			return err
		}
		in.ops = in.ops[:0]
	}
	return nil
}

// pageContent is a page's content: its stream, or its streams one after
// the other (at most MaxPartBytes); nil for a page without content.
func (d *document) pageContent(pg page) ([]byte, error) {
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
			if len(content)+len(b) > limits.MaxPartBytes {
				return nil, fmt.Errorf("nội dung trang quá lớn (hơn %s)", limits.MiB(limits.MaxPartBytes))
			}
			content = append(append(content, b...), '\n')
		}
	default:
		return nil, errors.New("nội dung trang không hợp lệ")
	}
	return content, nil
}

// interp is the state of the content-stream interpreter on one page: the
// graphics state and its stack, the text and line matrices, the operands
// read since the last operator.
type interp struct {
	d        *document
	content  []byte
	emit     func(run) error
	fonts    map[name]*font // the page's fonts loaded so far
	fontDict dict           // the page's /Font resources
	gs       gstate
	stack    []gstate
	tm, lm   matrix
	inText   bool
	ops      []any
	l        *lexer
}

// font is the page's font named n, loaded once per document.
func (in *interp) font(n name) (*font, error) {
	if f, ok := in.fonts[n]; ok {
		return f, nil
	}
	r, isRef := in.fontDict[n].(ref)
	if f, ok := in.d.fonts[r.num]; isRef && ok {
		in.fonts[n] = f
		return f, nil
	}
	fd := in.d.dictOf(in.fontDict[n])
	if fd == nil {
		return nil, fmt.Errorf("trang dùng phông /%s không có trong tài nguyên", n)
	}
	f, err := in.d.loadFont(fd)
	if err != nil {
		return nil, fmt.Errorf("phông /%s: %w", n, err)
	}
	in.fonts[n] = f
	if isRef {
		in.d.fonts[r.num] = f
	}
	return f, nil
}

// num is operand i as a number (0 when missing or not a number).
func (in *interp) num(i int) float64 {
	if i < len(in.ops) {
		if f, ok := in.ops[i].(float64); ok {
			return f
		}
	}
	return 0
}

// show emits a shown string as a run and advances the text matrix past
// it.
func (in *interp) show(s pdfStr) error {
	gs := &in.gs
	if gs.font == nil {
		return errors.New("chữ được vẽ khi chưa chọn phông (Tf)")
	}
	trm := matrix{gs.size * gs.th, 0, 0, gs.size, 0, gs.rise}.mul(in.tm).mul(gs.ctm)
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
		over = text.Len() > limits.MaxOutputBytes
		return !over
	})
	in.tm = matrix{1, 0, 0, 1, adv, 0}.mul(in.tm)
	x1, _ := matrix{gs.size * gs.th, 0, 0, gs.size, 0, gs.rise}.mul(in.tm).mul(gs.ctm).apply(0, 0)
	size := math.Hypot(trm[2], trm[3])
	if err := in.emit(run{x: x0, y: y0, endX: x1, size: size, text: text.String()}); err != nil || !over {
		return err
	}
	return limits.ErrFull
}

// nextLine moves to the start of the next line, offset by tx, ty.
func (in *interp) nextLine(tx, ty float64) {
	in.lm = matrix{1, 0, 0, 1, tx, ty}.mul(in.lm)
	in.tm = in.lm
}

// operator runs one operator on the operands read before it; operators
// that do not bear on the text are skipped.
func (in *interp) operator(op keyword) error {
	gs := &in.gs
	switch op {
	case "q":
		if len(in.stack) > 256 {
			return errors.New("luồng nội dung hỏng: q lồng quá sâu")
		}
		in.stack = append(in.stack, *gs)
	case "Q":
		if len(in.stack) > 0 {
			*gs, in.stack = in.stack[len(in.stack)-1], in.stack[:len(in.stack)-1]
		}
	case "cm":
		gs.ctm = matrix{in.num(0), in.num(1), in.num(2), in.num(3), in.num(4), in.num(5)}.mul(gs.ctm)
	case "BT":
		in.inText = true
		in.tm, in.lm = identity, identity
	case "ET":
		in.inText = false
	case "Tf":
		if len(in.ops) < 2 {
			return errors.New("luồng nội dung hỏng: Tf thiếu toán hạng")
		}
		fn, ok := in.ops[len(in.ops)-2].(name)
		if !ok {
			return errors.New("luồng nội dung hỏng: Tf không có tên phông")
		}
		f, err := in.font(fn)
		if err != nil {
			return err
		}
		gs.font, gs.size = f, in.num(len(in.ops)-1)
	case "Tc":
		gs.tc = in.num(0)
	case "Tw":
		gs.tw = in.num(0)
	case "Tz":
		gs.th = in.num(0) / 100
	case "TL":
		gs.tl = in.num(0)
	case "Ts":
		gs.rise = in.num(0)
	case "Td":
		in.nextLine(in.num(0), in.num(1))
	case "TD":
		gs.tl = -in.num(1)
		in.nextLine(in.num(0), in.num(1))
	case "Tm":
		in.lm = matrix{in.num(0), in.num(1), in.num(2), in.num(3), in.num(4), in.num(5)}
		in.tm = in.lm
	case "T*":
		in.nextLine(0, -gs.tl)
	case "Tj", "'", "\"":
		return in.showString(op)
	case "TJ":
		return in.showArray()
	case "BI":
		return in.skipInlineImage()
	}
	return nil
}

// showString runs Tj, ' and ": a string, after a new line for ' and ",
// and new word and character spacing for ".
func (in *interp) showString(op keyword) error {
	if !in.inText {
		return fmt.Errorf("luồng nội dung hỏng: %s ngoài BT … ET", op)
	}
	if op == "\"" {
		in.gs.tw, in.gs.tc = in.num(0), in.num(1)
	}
	if op != "Tj" {
		in.nextLine(0, -in.gs.tl)
	}
	if len(in.ops) == 0 {
		return fmt.Errorf("luồng nội dung hỏng: %s thiếu chuỗi", op)
	}
	s, ok := in.ops[len(in.ops)-1].(pdfStr)
	if !ok {
		return fmt.Errorf("luồng nội dung hỏng: %s thiếu chuỗi", op)
	}
	return in.show(s)
}

// showArray runs TJ: strings and the moves between them.
func (in *interp) showArray() error {
	if !in.inText {
		return errors.New("luồng nội dung hỏng: TJ ngoài BT … ET")
	}
	if len(in.ops) == 0 {
		return errors.New("luồng nội dung hỏng: TJ thiếu mảng")
	}
	items, ok := in.ops[len(in.ops)-1].(array)
	if !ok {
		return errors.New("luồng nội dung hỏng: TJ thiếu mảng")
	}
	for _, it := range items {
		switch x := it.(type) {
		case pdfStr:
			if err := in.show(x); err != nil {
				return err
			}
		case float64:
			in.tm = matrix{1, 0, 0, 1, -x / 1000 * in.gs.size * in.gs.th, 0}.mul(in.tm)
		}
	}
	return nil
}

// skipInlineImage skips an inline image (BI) up to its "EI". Both searches
// look at the stream itself, from where the lexer is, and the lexer goes
// on after EI: each byte is seen once.
func (in *interp) skipInlineImage() error {
	k := bytes.Index(in.content[in.l.pos:], []byte("ID"))
	if k < 0 {
		return errors.New("luồng nội dung hỏng: ảnh nhúng không có ID")
	}
	e := indexEI(in.content, in.l.pos+k+2)
	if e < 0 {
		return errors.New("luồng nội dung hỏng: ảnh nhúng không có EI")
	}
	in.l.pos = e
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
