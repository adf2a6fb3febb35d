package planfmt

import (
	"bytes"
	"fmt"
)

// Style is how a file's bytes frame its content: a UTF-8 byte-order mark
// (Notepad's "UTF-8 with BOM") and the line ends (CRLF on Windows: Notepad,
// Git for Windows with core.autocrlf). The canonical form is about content,
// not framing: every command that rewrites or derives a file (fmt -w,
// check -fix, issue, new --from) gives the output the style of its source,
// so `fmt -l` never lists a file for its line ends or BOM alone.
type Style struct {
	BOM  bool // the file starts with EF BB BF
	CRLF bool // lines end in CR LF, else in LF
	// Mixed: the source had both CRLF and LF line ends. The output is all
	// one style, the majority's (see StyleOf).
	Mixed bool
}

var bom = []byte("\ufeff")

// StyleOf reads the style of src. A file whose lines end partly in CRLF and
// partly in LF (an editor that kept the line ends of a pasted block, a file
// edited on two machines) takes the style of the majority of its line
// ends, so the fewest lines change; a tie goes to LF, the canonical form's
// own. A lone CR (old Mac) counts as neither.
func StyleOf(src []byte) Style {
	s := Style{BOM: bytes.HasPrefix(src, bom)}
	lf := bytes.Count(src, []byte("\n"))
	crlf := bytes.Count(src, []byte("\r\n"))
	lf -= crlf
	s.CRLF = crlf > lf
	s.Mixed = crlf > 0 && lf > 0
	return s
}

// Apply frames b, text with LF line ends and no BOM (what the formatter
// writes), in the style.
func (s Style) Apply(b []byte) []byte {
	if !s.BOM && !s.CRLF {
		return b
	}
	n := len(b)
	if s.CRLF {
		n += bytes.Count(b, []byte("\n"))
	}
	out := make([]byte, 0, n+len(bom))
	if s.BOM {
		out = append(out, bom...)
	}
	if !s.CRLF {
		return append(out, b...)
	}
	for {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			return append(out, b...)
		}
		out = append(out, b[:i]...)
		out = append(out, '\r', '\n')
		b = b[i+1:]
	}
}

// Ends names the line ends in Vietnamese: "CRLF (Windows)" or "LF".
func (s Style) Ends() string {
	if s.CRLF {
		return "CRLF (kiểu Windows)"
	}
	return "LF"
}

// Note is what a command that rewrote the file says about its line ends:
// nothing, unless they were mixed and are now all one style.
func (s Style) Note() string {
	if !s.Mixed {
		return ""
	}
	return fmt.Sprintf("tệp trộn hai kiểu xuống dòng (CRLF và LF); nay mọi dòng đều xuống dòng kiểu %s như phần lớn các dòng của tệp", s.Ends())
}
