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
			if len(content)+len(b) > limits.MaxPartBytes {
				return fmt.Errorf("nội dung trang quá lớn (hơn %s)", limits.MiB(limits.MaxPartBytes))
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
			over = text.Len() > limits.MaxOutputBytes
			return !over
		})
		tm = matrix{1, 0, 0, 1, adv, 0}.mul(tm)
		x1, _ := matrix{gs.size * gs.th, 0, 0, gs.size, 0, gs.rise}.mul(tm).mul(gs.ctm).apply(0, 0)
		size := math.Hypot(trm[2], trm[3])
		if err := emit(run{x: x0, y: y0, endX: x1, size: size, text: text.String()}); err != nil || !over {
			return err
		}
		return limits.ErrFull
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
		if limits.IsCut(err) {
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
