package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"strconv"

	"kehoach/internal/extract/limits"
)

// This file reads the object structure of a PDF: the lexer and parser of
// PDF values, the objects found by scanning for "N G obj" (so a wrong xref
// table does not matter), the trailer and the decoding of FlateDecode
// streams. It reads what fpdf writes (PDF 1.3, classic trailer, no object
// streams) and refuses, with an error, anything it does not understand.

type (
	name   string
	dict   map[name]any
	array  []any
	pdfStr []byte
	ref    struct{ num, gen int }
	stream struct {
		dict dict
		raw  []byte
	}
	keyword string // an operator or a bare word
)

// lexer reads PDF tokens from data; each value it makes counts in the
// budget b (when set): a PDF file or stream of tiny values costs memory
// in proportion to their number, not their bytes.
type lexer struct {
	data []byte
	pos  int
	b    *limits.Budget
}

func isWhite(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func (l *lexer) skipSpace() {
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		switch {
		case isWhite(c):
			l.pos++
		case c == '%':
			for l.pos < len(l.data) && l.data[l.pos] != '\n' && l.data[l.pos] != '\r' {
				l.pos++
			}
		default:
			return
		}
	}
}

var errEOF = errors.New("hết dữ liệu giữa chừng")

// value parses one PDF value; a bare word (operator) is returned as a
// keyword. Indirect references "N G R" are recognised.
func (l *lexer) value(depth int) (any, error) {
	if depth > limits.MaxNesting {
		return nil, fmt.Errorf("cấu trúc lồng nhau quá sâu (hơn %d cấp)", limits.MaxNesting)
	}
	if l.b != nil {
		if err := l.b.Operator(); err != nil {
			return nil, err
		}
	}
	l.skipSpace()
	if l.pos >= len(l.data) {
		return nil, errEOF
	}
	c := l.data[l.pos]
	switch {
	case c == '/':
		l.pos++
		start := l.pos
		for l.pos < len(l.data) && !isWhite(l.data[l.pos]) && !isDelim(l.data[l.pos]) {
			l.pos++
		}
		return name(unescapeName(l.data[start:l.pos])), nil
	case c == '(':
		return l.literal()
	case c == '<' && l.pos+1 < len(l.data) && l.data[l.pos+1] == '<':
		l.pos += 2
		d := dict{}
		for {
			l.skipSpace()
			if l.pos+1 < len(l.data) && l.data[l.pos] == '>' && l.data[l.pos+1] == '>' {
				l.pos += 2
				return d, nil
			}
			k, err := l.value(depth + 1)
			if err != nil {
				return nil, err
			}
			kn, ok := k.(name)
			if !ok {
				return nil, fmt.Errorf("khóa của từ điển không phải tên (%v)", k)
			}
			v, err := l.value(depth + 1)
			if err != nil {
				return nil, err
			}
			d[kn] = v
		}
	case c == '<':
		return l.hex()
	case c == '[':
		l.pos++
		var a array
		for {
			l.skipSpace()
			if l.pos < len(l.data) && l.data[l.pos] == ']' {
				l.pos++
				return a, nil
			}
			v, err := l.value(depth + 1)
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
	case c == ']' || c == ')' || c == '>' || c == '{' || c == '}':
		l.pos++
		return nil, fmt.Errorf("ký tự “%c” không đúng chỗ", c)
	case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
		start := l.pos
		l.pos++
		for l.pos < len(l.data) && (l.data[l.pos] == '.' || l.data[l.pos] >= '0' && l.data[l.pos] <= '9') {
			l.pos++
		}
		f, err := strconv.ParseFloat(string(l.data[start:l.pos]), 64)
		if err != nil {
			if string(l.data[start:l.pos]) == "-" || string(l.data[start:l.pos]) == "+" || string(l.data[start:l.pos]) == "." {
				return 0.0, nil // tolerated as 0, as readers do
			}
			return nil, fmt.Errorf("số không hợp lệ “%s”", l.data[start:l.pos])
		}
		// An integer may start a reference "N G R".
		if f >= 0 && f == float64(int(f)) && f < 1e9 && !bytes.ContainsAny(l.data[start:l.pos], ".+-") {
			save := l.pos
			if gen, ok := l.uint(); ok {
				l.skipSpace()
				if l.pos < len(l.data) && l.data[l.pos] == 'R' && (l.pos+1 == len(l.data) || isWhite(l.data[l.pos+1]) || isDelim(l.data[l.pos+1])) {
					l.pos++
					return ref{int(f), gen}, nil
				}
			}
			l.pos = save
		}
		return f, nil
	}
	start := l.pos
	for l.pos < len(l.data) && !isWhite(l.data[l.pos]) && !isDelim(l.data[l.pos]) {
		l.pos++
	}
	switch w := string(l.data[start:l.pos]); w {
	case "true":
		return true, nil
	case "false":
		return false, nil
	case "null":
		return nil, nil
	default:
		return keyword(w), nil
	}
}

// uint reads an unsigned integer after white space, for "N G R".
func (l *lexer) uint() (int, bool) {
	l.skipSpace()
	start := l.pos
	for l.pos < len(l.data) && l.data[l.pos] >= '0' && l.data[l.pos] <= '9' && l.pos-start < 9 {
		l.pos++
	}
	if l.pos == start || (l.pos < len(l.data) && !isWhite(l.data[l.pos]) && !isDelim(l.data[l.pos])) {
		return 0, false
	}
	n, err := strconv.Atoi(string(l.data[start:l.pos]))
	return n, err == nil
}

func unescapeName(b []byte) string {
	if bytes.IndexByte(b, '#') < 0 {
		return string(b)
	}
	var out []byte
	for i := 0; i < len(b); i++ {
		if b[i] == '#' && i+2 < len(b) {
			if v, err := strconv.ParseUint(string(b[i+1:i+3]), 16, 8); err == nil {
				out = append(out, byte(v))
				i += 2
				continue
			}
		}
		out = append(out, b[i])
	}
	return string(out)
}

// literal reads a (string) with its escapes and balanced parentheses.
func (l *lexer) literal() (any, error) {
	l.pos++ // (
	var out []byte
	depth := 1
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
			out = append(out, c)
		case ')':
			depth--
			if depth == 0 {
				return pdfStr(out), nil
			}
			out = append(out, c)
		case '\\':
			if l.pos >= len(l.data) {
				return nil, errEOF
			}
			e := l.data[l.pos]
			l.pos++
			switch e {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case '\r':
				if l.pos < len(l.data) && l.data[l.pos] == '\n' {
					l.pos++
				}
			case '\n':
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.pos < len(l.data) && l.data[l.pos] >= '0' && l.data[l.pos] <= '7'; k++ {
						v = v*8 + int(l.data[l.pos]-'0')
						l.pos++
					}
					out = append(out, byte(v))
				} else {
					out = append(out, e)
				}
			}
		default:
			out = append(out, c)
		}
	}
	return nil, errEOF
}

// hex reads a <hex string>.
func (l *lexer) hex() (any, error) {
	l.pos++ // <
	var out []byte
	var hi byte
	half := false
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		l.pos++
		var v byte
		switch {
		case c == '>':
			if half {
				out = append(out, hi<<4)
			}
			return pdfStr(out), nil
		case isWhite(c):
			continue
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			return nil, fmt.Errorf("ký tự “%c” trong chuỗi hex", c)
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	return nil, errEOF
}

// document is a parsed PDF: its objects by number and its trailer.
type document struct {
	objs    map[int]any
	trailer dict
	b       *limits.Budget
	decoded map[*stream][]byte // streams decoded so far
	fonts   map[int]*font      // fonts loaded so far, by object number
}

// nextObject finds the next object header "N G obj" at or after from and
// returns the object number, where the header starts and where it ends.
func nextObject(data []byte, from int) (num, start, end int, ok bool) {
	for {
		k := bytes.Index(data[from:], []byte("obj"))
		if k < 0 {
			return 0, 0, 0, false
		}
		at := from + k
		from = at + 3
		if from < len(data) && !isWhite(data[from]) && !isDelim(data[from]) {
			continue // "objx"
		}
		i := at
		digits := func(max int) (int, int, bool) { // back over white space then digits
			j := i
			for j > 0 && isWhite(data[j-1]) {
				j--
			}
			if j == i {
				return 0, 0, false
			}
			e := j
			for j > 0 && e-j < max && data[j-1] >= '0' && data[j-1] <= '9' {
				j--
			}
			if j == e || (j > 0 && data[j-1] >= '0' && data[j-1] <= '9') {
				return 0, 0, false
			}
			n, err := strconv.Atoi(string(data[j:e]))
			return n, j, err == nil
		}
		var good bool
		if _, i, good = digits(5); !good {
			continue
		}
		if num, i, good = digits(9); !good {
			continue
		}
		return num, i, from, true
	}
}

// parseDocument finds every object and the trailer. The scan goes
// forward only: after a broken object it goes on where the lexer stopped
// (an unclosed string or array has consumed what follows it), so no byte
// is read twice however many broken objects there are.
func parseDocument(data []byte, b *limits.Budget) (*document, error) {
	if !bytes.HasPrefix(bytes.TrimLeft(data[:min(len(data), 1024)], "\x00\t\n\r\f "), []byte("%PDF-")) {
		return nil, errors.New("tệp không bắt đầu bằng “%PDF-”")
	}
	d := &document{objs: map[int]any{}, b: b, decoded: map[*stream][]byte{}, fonts: map[int]*font{}}
	noEnd := len(data) + 1 // no "endstream" at or after this offset
	headers := 0
	for pos := 0; ; {
		num, _, hdrEnd, found := nextObject(data, pos)
		if !found {
			break
		}
		pos = hdrEnd
		if headers++; headers > limits.MaxObjects {
			return nil, fmt.Errorf("quá nhiều đối tượng (hơn %s)", limits.Thousands(limits.MaxObjects))
		}
		if err := b.Tick(); err != nil {
			return nil, err
		}
		l := &lexer{data: data, pos: hdrEnd, b: b}
		v, err := l.value(0)
		if limits.IsCut(err) {
			return nil, fmt.Errorf("quá nhiều giá trị trong các đối tượng (hơn %s)", limits.Thousands(limits.MaxOperators))
		}
		if err != nil {
			pos = max(pos, l.pos) // a broken object: references to it fail later
			continue
		}
		save := l.pos
		l.skipSpace()
		if bytes.HasPrefix(data[l.pos:], []byte("stream")) {
			sd, ok := v.(dict)
			if !ok {
				continue
			}
			raw, next, err := streamData(data, l.pos+len("stream"), sd, &noEnd)
			if err != nil {
				continue
			}
			v = &stream{dict: sd, raw: raw}
			l.pos = next
		} else {
			l.pos = save
		}
		d.objs[num] = v
		pos = l.pos // past the object: its stream data is not searched
	}
	i := bytes.LastIndex(data, []byte("trailer"))
	if i < 0 {
		return nil, errors.New("không có phần “trailer” (tệp bị cắt cụt, hoặc dùng bảng xref dạng luồng mà kehoach không tạo)")
	}
	l := &lexer{data: data, pos: i + len("trailer")}
	v, err := l.value(0)
	if err != nil {
		return nil, fmt.Errorf("phần trailer hỏng: %v", err)
	}
	t, ok := v.(dict)
	if !ok {
		return nil, errors.New("phần trailer không phải từ điển")
	}
	d.trailer = t
	return d, nil
}

// streamData returns the raw bytes of a stream starting at pos (just
// after the keyword "stream") and the position after "endstream".
// noEnd remembers the first offset from which "endstream" was not found,
// so that many broken streams do not each search the rest of the file.
func streamData(data []byte, pos int, sd dict, noEnd *int) ([]byte, int, error) {
	if pos < len(data) && data[pos] == '\r' {
		pos++
	}
	if pos < len(data) && data[pos] == '\n' {
		pos++
	}
	if n, ok := sd["Length"].(float64); ok && n >= 0 && n <= float64(len(data)-pos) {
		e := pos + int(n)
		rest := bytes.TrimLeft(data[e:min(len(data), e+16)], "\r\n \t")
		if bytes.HasPrefix(rest, []byte("endstream")) {
			return data[pos:e], e + bytes.Index(data[e:], []byte("endstream")) + len("endstream"), nil
		}
	}
	// No usable direct /Length: the data runs to "endstream".
	if pos >= *noEnd {
		return nil, 0, errEOF
	}
	k := bytes.Index(data[pos:], []byte("endstream"))
	if k < 0 {
		*noEnd = pos
		return nil, 0, errEOF
	}
	raw := bytes.TrimSuffix(bytes.TrimSuffix(data[pos:pos+k], []byte("\n")), []byte("\r"))
	return raw, pos + k + len("endstream"), nil
}

// resolve follows indirect references.
func (d *document) resolve(v any) any {
	for i := 0; i < 32; i++ {
		r, ok := v.(ref)
		if !ok {
			return v
		}
		v = d.objs[r.num]
	}
	return nil
}

func (d *document) dictOf(v any) dict {
	switch x := d.resolve(v).(type) {
	case dict:
		return x
	case *stream:
		return x.dict
	}
	return nil
}

// decode returns a stream's data with its filters undone (FlateDecode
// only, as fpdf writes).
func (d *document) decode(s *stream) ([]byte, error) {
	var filters []name
	switch f := d.resolve(s.dict["Filter"]).(type) {
	case nil:
	case name:
		filters = []name{f}
	case array:
		for _, x := range f {
			n, ok := d.resolve(x).(name)
			if !ok {
				return nil, errors.New("bộ lọc luồng không hợp lệ")
			}
			filters = append(filters, n)
		}
	default:
		return nil, errors.New("bộ lọc luồng không hợp lệ")
	}
	if p := d.dictOf(s.dict["DecodeParms"]); p != nil {
		if pr, ok := p["Predictor"].(float64); ok && pr > 1 {
			return nil, errors.New("luồng dùng bộ dự đoán (Predictor) mà kehoach không tạo")
		}
	}
	if out, ok := d.decoded[s]; ok {
		return out, nil
	}
	out := s.raw
	for _, f := range filters {
		switch f {
		case "FlateDecode", "Fl":
			zr, err := zlib.NewReader(bytes.NewReader(out))
			if err != nil {
				return nil, fmt.Errorf("luồng nén hỏng: %v", err)
			}
			var buf bytes.Buffer
			if _, err := buf.ReadFrom(io.LimitReader(zr, limits.MaxPartBytes+1)); err != nil {
				return nil, fmt.Errorf("luồng nén hỏng: %v", err)
			}
			if buf.Len() > limits.MaxPartBytes {
				return nil, fmt.Errorf("luồng giải nén quá lớn (hơn %s)", limits.MiB(limits.MaxPartBytes))
			}
			out = buf.Bytes()
		default:
			return nil, fmt.Errorf("bộ lọc /%s không được hỗ trợ", f)
		}
	}
	if err := d.b.Unpack(len(out)); err != nil {
		return nil, err
	}
	d.decoded[s] = out
	return out, nil
}
