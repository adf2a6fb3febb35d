// Package txt reads a plain-text Kế hoạch for `kehoach import`: the file
// decoded from the encodings Windows saves text in, one paragraph a
// non-empty line.
package txt

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"kehoach/internal/codepage"
	"kehoach/internal/extract/para"

	"golang.org/x/text/unicode/norm"
)

// MaxBytes is the largest text file read (a plan's text is ~35 KB).
const MaxBytes = 8 << 20

// Error is a file that cannot be read as text, at a 1-based line and
// column (counted in characters; 0 when the whole file is meant).
type Error struct {
	Line, Col int
	Msg       string // in Vietnamese
}

// Error is the message with its place: "dòng L, cột C: …".
func (e *Error) Error() string {
	if e.Line == 0 {
		return e.Msg
	}
	return fmt.Sprintf("dòng %d, cột %d: %s", e.Line, e.Col, e.Msg)
}

// saveUTF8 is how to save a file as UTF-8 in Notepad.
const saveUTF8 = "mở tệp bằng Notepad, chọn Tệp → Lưu thành… (File → Save as…), ở ô Mã hóa (Encoding) chọn “UTF-8” rồi bấm Lưu"

// Paragraphs reads a text file: UTF-8 (with or without a byte-order
// mark), UTF-16 LE or BE with a byte-order mark, or Windows-1258 (what
// Notepad calls "ANSI" on a Vietnamese Windows). Lines end in CR LF, LF
// or CR; a form feed (a page break) ends a line too, and a vertical tab
// (a line break Word copies as text) is a soft break "\n" inside its
// line. Each line with text is one paragraph of one plain run, its text
// in NFC with the spaces at both ends trimmed and no-break spaces made
// plain spaces, Line its 1-based line. A file that is not text (NUL
// bytes, control characters, bytes of no known encoding) is an *Error.
func Paragraphs(data []byte) ([]para.Para, error) {
	text, _, err := decode(data)
	if err != nil {
		return nil, err
	}
	var out []para.Para
	line := 1
	for len(text) > 0 {
		i := strings.IndexAny(text, "\r\n\f")
		cur, rest := text, ""
		if i >= 0 {
			cur, rest = text[:i], text[i+1:]
			if text[i] == '\r' && strings.HasPrefix(rest, "\n") {
				rest = rest[1:]
			}
		}
		if err := checkControls(cur, line); err != nil {
			return nil, err
		}
		if s := clean(cur); s != "" {
			out = append(out, para.Para{Runs: []para.Run{{Text: s}}, Line: line})
		}
		text = rest
		line++
	}
	return out, nil
}

// clean is a line's text as a paragraph holds it.
func clean(s string) string {
	s = strings.ReplaceAll(s, "\v", "\n")
	s = strings.ReplaceAll(s, "\u00a0", " ")
	s = strings.TrimFunc(s, unicode.IsSpace)
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	return s
}

// checkControls refuses a line with a control character other than tab
// and vertical tab: a text file has none, a binary file has many.
func checkControls(s string, line int) error {
	col := 0
	for _, r := range s {
		col++
		if r == '\t' || r == '\v' || !(r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0) {
			continue
		}
		if r == 0 {
			return &Error{line, col, "tệp có byte NUL (số 0): đây không phải tệp văn bản (có thể là tệp Word .doc, .docx hay tệp nén đổi tên); hãy mở bằng Word rồi lưu thành “Plain Text (*.txt)” với bảng mã UTF-8, hoặc nhập thẳng tệp .docx."}
		}
		return &Error{line, col, fmt.Sprintf("tệp có ký tự điều khiển U+%04X, tệp văn bản không có ký tự này; hãy xóa nó (hoặc kiểm tra lại đây có phải tệp văn bản không).", r)}
	}
	return nil
}

// Encoding names the encoding Paragraphs reads data in, as Notepad
// names it ("UTF-8", "UTF-8 có BOM", "UTF-16 LE", "UTF-16 BE",
// "Windows-1258"), for the import report; "" for data it refuses.
func Encoding(data []byte) string {
	_, name, err := decode(data)
	if err != nil {
		return ""
	}
	return name
}

// decode is the file's text as UTF-8, without a byte-order mark, and the
// name of the encoding it was in.
func decode(data []byte) (text, name string, err error) {
	name = "UTF-8"
	if len(data) > MaxBytes {
		return "", "", &Error{Msg: fmt.Sprintf("tệp quá lớn (%d byte; tối đa %d MiB): một kế hoạch chỉ khoảng 35 KB chữ.", len(data), MaxBytes>>20)}
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data, name = data[3:], "UTF-8 có BOM"
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		text, err = utf16Text(data[2:], false)
		return text, "UTF-16 LE", err
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		text, err = utf16Text(data[2:], true)
		return text, "UTF-16 BE", err
	}
	if e := codepage.UTF16WithoutBOM(data); e != "" {
		return "", "", &Error{Line: 1, Col: 1, Msg: "tệp có vẻ lưu bằng bảng mã " + e + " nhưng không có dấu BOM ở đầu tệp, nên không biết chắc thứ tự byte; hãy " + saveUTF8 + "."}
	}
	if utf8.Valid(data) {
		return string(data), name, nil
	}
	off := codepage.InvalidOffset(data)
	line, col := offsetPos(data, off)
	switch codepage.Detect(data) {
	case codepage.Vietnamese:
		s, _ := codepage.Decode(data, codepage.Vietnamese)
		return s, "Windows-1258", nil
	case codepage.Western:
		return "", "", &Error{line, col, fmt.Sprintf("tệp lưu bằng bảng mã Windows-1252 (Tây Âu; Notepad ghi là “ANSI”): ở đây là chữ “%s” viết theo bảng mã đó; bảng mã này thiếu nhiều chữ tiếng Việt (ơ, ư, đ, ạ, ế…) nên Notepad có thể đã thay chúng bằng dấu “?”; hãy lấy lại văn bản từ tệp gốc (Word) và lưu bằng bảng mã UTF-8.", codepage.Word(data, off, codepage.Western))}
	}
	return "", "", &Error{line, col, "ở đây có byte không hợp lệ trong bảng mã UTF-8 và tệp không phải bảng mã Windows-1258 (tiếng Việt) hay UTF-16; tệp bị hỏng hoặc không phải tệp văn bản: hãy " + saveUTF8 + "."}
}

// utf16Text decodes UTF-16 after its byte-order mark.
func utf16Text(data []byte, bigEndian bool) (string, error) {
	name := "UTF-16 LE"
	if bigEndian {
		name = "UTF-16 BE"
	}
	if len(data)%2 != 0 {
		return "", &Error{Msg: "tệp " + name + " có số byte lẻ (bị cắt hoặc hỏng); hãy " + saveUTF8 + "."}
	}
	u := make([]uint16, len(data)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			u[i] = uint16(data[2*i]) | uint16(data[2*i+1])<<8
		}
	}
	var b strings.Builder
	b.Grow(len(data))
	line, col := 1, 0
	for i := 0; i < len(u); i++ {
		r := rune(u[i])
		col++
		switch {
		case utf16.IsSurrogate(r) && i+1 < len(u) && r < 0xDC00 && u[i+1] >= 0xDC00 && u[i+1] < 0xE000:
			r = utf16.DecodeRune(r, rune(u[i+1]))
			i++
		case utf16.IsSurrogate(r):
			return "", &Error{line, col, "tệp " + name + " có một nửa cặp thay thế (surrogate) lẻ loi: tệp bị hỏng ở đây; hãy xóa rồi gõ lại ký tự ở chỗ này và " + saveUTF8 + "."}
		case r == '\n' || r == '\r' && (i+1 == len(u) || u[i+1] != '\n'):
			line, col = line+1, 0
		}
		b.WriteRune(r)
	}
	return b.String(), nil
}

// offsetPos is the 1-based line and column (in characters) of a byte
// offset of data, lines ending as Paragraphs ends them (CR LF, LF, CR,
// form feed).
func offsetPos(data []byte, off int) (line, col int) {
	line, start := 1, 0
	for i := 0; i < off; i++ {
		switch data[i] {
		case '\r':
			if i+1 < len(data) && data[i+1] == '\n' {
				i++
			}
		case '\n', '\f':
		default:
			continue
		}
		line, start = line+1, i+1
	}
	return line, 1 + utf8.RuneCount(data[start:off])
}
