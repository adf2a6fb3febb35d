// Package pdfobj is a small reader of PDF objects for tests, written
// apart from the PDF writer (render/pdf) and from the text reader
// (extract/pdf) so that the checks of the tagged, archival and
// signing-ready PDFs do not trust the code they check: it finds every
// object through the classic cross-reference table (and so checks that
// the table is right), parses PDF values, decodes FlateDecode streams,
// splits content streams into operators and dumps the structure tree
// with the text of each element.
package pdfobj

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"unicode/utf16"
)

// PDF value types.
type (
	Name   string
	Dict   map[Name]any
	Array  []any
	String []byte
	Ref    struct{ Num, Gen int }
	Stream struct {
		Dict Dict
		Raw  []byte
	}
	// Keyword is an operator or a bare word (true, false, null are
	// parsed as bool and nil).
	Keyword string
)

// File is a parsed PDF.
type File struct {
	Data    []byte
	Version string // from the header, "1.7"
	Objs    map[int]any
	Trailer Dict
}

var reStartXref = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)

// Parse reads a PDF with one classic cross-reference table; every
// object in use must sit at the offset the table gives.
func Parse(data []byte) (*File, error) {
	f := &File{Data: data, Objs: map[int]any{}}
	if !bytes.HasPrefix(data, []byte("%PDF-")) || len(data) < 8 {
		return nil, fmt.Errorf("no %%PDF- header")
	}
	f.Version = string(data[5:8])
	m := reStartXref.FindSubmatch(data)
	if m == nil {
		return nil, fmt.Errorf("no startxref at the end")
	}
	x, _ := strconv.Atoi(string(m[1]))
	if x >= len(data) || !bytes.HasPrefix(data[x:], []byte("xref")) {
		return nil, fmt.Errorf("startxref %d does not point at a cross-reference table", x)
	}
	l := &lexer{data: data, pos: x + 4}
	for {
		l.space()
		if bytes.HasPrefix(data[l.pos:], []byte("trailer")) {
			l.pos += len("trailer")
			break
		}
		start, err1 := l.value()
		count, err2 := l.value()
		s, ok1 := start.(float64)
		c, ok2 := count.(float64)
		if err1 != nil || err2 != nil || !ok1 || !ok2 {
			return nil, fmt.Errorf("bad cross-reference subsection at %d", l.pos)
		}
		l.space()
		for i := 0; i < int(c); i++ {
			if l.pos+20 > len(data) {
				return nil, fmt.Errorf("cross-reference table cut short")
			}
			e := data[l.pos : l.pos+20]
			l.pos += 20
			if e[17] != 'n' {
				continue
			}
			off, err := strconv.Atoi(string(e[:10]))
			if err != nil {
				return nil, fmt.Errorf("bad cross-reference entry %q", e)
			}
			num := int(s) + i
			v, err := f.objectAt(num, off)
			if err != nil {
				return nil, err
			}
			f.Objs[num] = v
		}
	}
	t, err := l.value()
	if err != nil {
		return nil, fmt.Errorf("trailer: %w", err)
	}
	td, ok := t.(Dict)
	if !ok {
		return nil, fmt.Errorf("trailer is not a dictionary")
	}
	f.Trailer = td
	return f, nil
}

func (f *File) objectAt(num, off int) (any, error) {
	head := []byte(strconv.Itoa(num) + " 0 obj")
	if off < 0 || off >= len(f.Data) || !bytes.HasPrefix(f.Data[off:], head) {
		return nil, fmt.Errorf("object %d is not at offset %d", num, off)
	}
	l := &lexer{data: f.Data, pos: off + len(head)}
	v, err := l.value()
	if err != nil {
		return nil, fmt.Errorf("object %d: %w", num, err)
	}
	l.space()
	if bytes.HasPrefix(f.Data[l.pos:], []byte("stream")) {
		d, ok := v.(Dict)
		if !ok {
			return nil, fmt.Errorf("object %d: stream without dictionary", num)
		}
		p := l.pos + len("stream")
		if p < len(f.Data) && f.Data[p] == '\r' {
			p++
		}
		if p >= len(f.Data) || f.Data[p] != '\n' {
			return nil, fmt.Errorf("object %d: no end of line after stream", num)
		}
		p++
		n, ok := f.Resolve(d["Length"]).(float64)
		if !ok || p+int(n) > len(f.Data) {
			return nil, fmt.Errorf("object %d: bad stream length", num)
		}
		raw := f.Data[p : p+int(n)]
		rest := bytes.TrimLeft(f.Data[p+int(n):], "\r\n")
		if !bytes.HasPrefix(rest, []byte("endstream")) {
			return nil, fmt.Errorf("object %d: /Length %d does not end at endstream", num, int(n))
		}
		v = &Stream{Dict: d, Raw: raw}
		l.pos = len(f.Data) - len(rest) + len("endstream")
	}
	l.space()
	if !bytes.HasPrefix(f.Data[l.pos:], []byte("endobj")) {
		return nil, fmt.Errorf("object %d: no endobj", num)
	}
	return v, nil
}

// Resolve follows indirect references.
func (f *File) Resolve(v any) any {
	for i := 0; i < 16; i++ {
		r, ok := v.(Ref)
		if !ok {
			return v
		}
		v = f.Objs[r.Num]
	}
	return nil
}

// Dict resolves v to a dictionary (a stream's dictionary too); nil when
// it is none.
func (f *File) Dict(v any) Dict {
	switch x := f.Resolve(v).(type) {
	case Dict:
		return x
	case *Stream:
		return x.Dict
	}
	return nil
}

// Array resolves v to an array.
func (f *File) Array(v any) Array {
	a, _ := f.Resolve(v).(Array)
	return a
}

// Catalog is the document catalog.
func (f *File) Catalog() Dict { return f.Dict(f.Trailer["Root"]) }

// Info is the document information dictionary.
func (f *File) Info() Dict { return f.Dict(f.Trailer["Info"]) }

// Pages are the page objects in order.
func (f *File) Pages() []Ref {
	var out []Ref
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		d := f.Dict(v)
		if d == nil || depth > 32 {
			return
		}
		if d["Type"] == Name("Page") {
			if r, ok := v.(Ref); ok {
				out = append(out, r)
			}
			return
		}
		for _, k := range f.Array(d["Kids"]) {
			walk(k, depth+1)
		}
	}
	walk(f.Catalog()["Pages"], 0)
	return out
}

// Data is the decoded data of a stream (FlateDecode or none).
func (s *Stream) Data() ([]byte, error) {
	switch s.Dict["Filter"] {
	case nil:
		return s.Raw, nil
	case Name("FlateDecode"):
		r, err := zlib.NewReader(bytes.NewReader(s.Raw))
		if err != nil {
			return nil, err
		}
		return io.ReadAll(r)
	}
	return nil, fmt.Errorf("filter %v not read", s.Dict["Filter"])
}

// Text is a PDF text string as Go text: UTF-16BE after a byte order
// mark, else PDFDocEncoding read as Latin-1 (what ASCII text needs).
func Text(v any) string {
	s, ok := v.(String)
	if !ok {
		return ""
	}
	if len(s) >= 2 && s[0] == 0xfe && s[1] == 0xff {
		u := make([]uint16, 0, len(s)/2)
		for i := 2; i+1 < len(s); i += 2 {
			u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
		}
		return string(utf16.Decode(u))
	}
	r := make([]rune, len(s))
	for i, c := range s {
		r[i] = rune(c)
	}
	return string(r)
}

// Number is v as a number (0 when it is not one).
func Number(v any) float64 {
	n, _ := v.(float64)
	return n
}

// lexer reads PDF tokens.
type lexer struct {
	data []byte
	pos  int
}

func isWhite(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}
func isDelim(c byte) bool {
	return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' || c == '/' || c == '%'
}

func (l *lexer) space() {
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		if c == '%' {
			for l.pos < len(l.data) && l.data[l.pos] != '\n' && l.data[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		if !isWhite(c) {
			return
		}
		l.pos++
	}
}

var errEnd = fmt.Errorf("end of data")

// token reads one token: a value, or a closing delimiter as Keyword.
func (l *lexer) value() (any, error) {
	l.space()
	if l.pos >= len(l.data) {
		return nil, errEnd
	}
	c := l.data[l.pos]
	switch {
	case c == '/':
		l.pos++
		s := l.pos
		for l.pos < len(l.data) && !isWhite(l.data[l.pos]) && !isDelim(l.data[l.pos]) {
			l.pos++
		}
		return Name(l.data[s:l.pos]), nil
	case c == '(':
		return l.literal()
	case c == '<' && l.pos+1 < len(l.data) && l.data[l.pos+1] == '<':
		l.pos += 2
		d := Dict{}
		for {
			l.space()
			if bytes.HasPrefix(l.data[l.pos:], []byte(">>")) {
				l.pos += 2
				return d, nil
			}
			k, err := l.value()
			if err != nil {
				return nil, err
			}
			n, ok := k.(Name)
			if !ok {
				return nil, fmt.Errorf("dictionary key %v at %d is not a name", k, l.pos)
			}
			v, err := l.value()
			if err != nil {
				return nil, err
			}
			d[n] = v
		}
	case c == '<':
		l.pos++
		var hex []byte
		for l.pos < len(l.data) && l.data[l.pos] != '>' {
			if !isWhite(l.data[l.pos]) {
				hex = append(hex, l.data[l.pos])
			}
			l.pos++
		}
		l.pos++
		if len(hex)%2 == 1 {
			hex = append(hex, '0')
		}
		out := make([]byte, len(hex)/2)
		for i := range out {
			b, err := strconv.ParseUint(string(hex[2*i:2*i+2]), 16, 8)
			if err != nil {
				return nil, fmt.Errorf("bad hex string")
			}
			out[i] = byte(b)
		}
		return String(out), nil
	case c == '[':
		l.pos++
		var a Array
		for {
			l.space()
			if l.pos < len(l.data) && l.data[l.pos] == ']' {
				l.pos++
				if a == nil {
					a = Array{}
				}
				return a, nil
			}
			v, err := l.value()
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
	case c == ']' || c == '>' || c == ')' || c == '{' || c == '}':
		l.pos++
		return Keyword(c), nil
	}
	s := l.pos
	for l.pos < len(l.data) && !isWhite(l.data[l.pos]) && !isDelim(l.data[l.pos]) {
		l.pos++
	}
	w := string(l.data[s:l.pos])
	if n, err := strconv.ParseFloat(w, 64); err == nil {
		// "N G R" is a reference.
		save := l.pos
		l.space()
		g := l.pos
		for l.pos < len(l.data) && l.data[l.pos] >= '0' && l.data[l.pos] <= '9' {
			l.pos++
		}
		if l.pos > g {
			gen, _ := strconv.Atoi(string(l.data[g:l.pos]))
			l.space()
			if l.pos < len(l.data) && l.data[l.pos] == 'R' && (l.pos+1 == len(l.data) || isWhite(l.data[l.pos+1]) || isDelim(l.data[l.pos+1])) {
				l.pos++
				return Ref{int(n), gen}, nil
			}
		}
		l.pos = save
		return n, nil
	}
	switch w {
	case "true":
		return true, nil
	case "false":
		return false, nil
	case "null":
		return nil, nil
	case "":
		return nil, fmt.Errorf("unexpected %q at %d", l.data[l.pos], l.pos)
	}
	return Keyword(w), nil
}

func (l *lexer) literal() (any, error) {
	l.pos++
	var out []byte
	depth := 1
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return String(out), nil
			}
		case '\\':
			if l.pos >= len(l.data) {
				return nil, errEnd
			}
			e := l.data[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r', '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.pos < len(l.data) && l.data[l.pos] >= '0' && l.data[l.pos] <= '7'; k++ {
						v = v*8 + int(l.data[l.pos]-'0')
						l.pos++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return nil, errEnd
}

// Op is a content stream operator with its operands.
type Op struct {
	Name string
	Args []any
}

// Content splits a content stream into operators.
func Content(data []byte) ([]Op, error) {
	l := &lexer{data: data}
	var ops []Op
	var args []any
	for {
		v, err := l.value()
		if err == errEnd {
			return ops, nil
		}
		if err != nil {
			return nil, err
		}
		if k, ok := v.(Keyword); ok {
			ops = append(ops, Op{Name: string(k), Args: args})
			args = nil
			continue
		}
		args = append(args, v)
	}
}
