// Package termsafe keeps text that came from a plan, a file name or any
// other input from driving the terminal it is printed on. Every character
// a terminal would act on rather than show — C0 controls but tab and
// newline (and the CR of a CRLF line end), DEL, C1 controls, the bidi
// embeddings, overrides, isolates and marks, the line and paragraph
// separators — and every byte that is not UTF-8 is written visibly as an
// escape: \x1b, \x0d, \xff for C0 controls and bad bytes, \u009b, \u202e
// for the others. So an escape sequence in a plan key (ESC ] 0 ; … BEL,
// CSI 2J, OSC 52) prints as \x1b]0;…\x07 and does nothing.
//
// Writer does it for a whole output stream: kehoach's commands print only
// through one, so a new message is safe without any care at its call site.
// Escape does it for one string, where text is printed around the program's
// own control codes (the colours of kehoach diff, the \r of a progress bar).
//
// The escapes are plain ASCII and contain no character that is escaped, so
// escaping twice changes nothing: output of Escape passes a Writer as is.
// A JSON text stays valid JSON: encoding/json writes C0 controls as \u00XX
// and never writes bad bytes, and \u009b, \u202e, \u007f are JSON escapes
// of the same characters.
package termsafe

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode/utf8"
)

// Unsafe reports whether r is a character that is written as an escape
// (tab and newline are not; CR is, unless it ends a CRLF line end).
func Unsafe(r rune) bool {
	switch {
	case r < 0x20:
		return r != '\t' && r != '\n'
	case r < 0x7f:
		return false
	case r <= 0x9f: // DEL, C1 controls
		return true
	}
	switch r {
	case 0x061c, // ARABIC LETTER MARK
		0x200e, 0x200f, // LEFT-TO-RIGHT MARK, RIGHT-TO-LEFT MARK
		0x2028, 0x2029, // LINE SEPARATOR, PARAGRAPH SEPARATOR
		0x202a, 0x202b, 0x202c, 0x202d, 0x202e, // embeddings, pop, overrides
		0x2066, 0x2067, 0x2068, 0x2069: // isolates
		return true
	}
	return false
}

// escapeRune writes the visible escape of an unsafe rune.
func escapeRune(b *bytes.Buffer, r rune) {
	if r < 0x20 {
		fmt.Fprintf(b, `\x%02x`, r)
		return
	}
	fmt.Fprintf(b, `\u%04x`, r)
}

// Escape returns s with every unsafe character and every byte that is not
// UTF-8 written as a visible escape (\x1b, \u202e, \xff). A CR is kept only
// in a CRLF line end.
func Escape(s string) string {
	if clean(s) {
		return s
	}
	var b bytes.Buffer
	b.Grow(len(s) + 16)
	escapeTo(&b, []byte(s), true)
	return b.String()
}

// clean reports whether s needs no escape at all (the common case, checked
// without allocating).
func clean(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || Unsafe(r) {
			return false
		}
		i += n
	}
	return true
}

// escapeTo writes p to b with escapes and returns how many bytes of p's end
// it left unwritten because they may be completed by what follows (a CR
// that a LF may follow, the start of a UTF-8 sequence); with final, it
// writes everything.
func escapeTo(b *bytes.Buffer, p []byte, final bool) int {
	start := 0 // start of the run of bytes to copy as they are
	for i := 0; i < len(p); {
		c := p[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != 0x7f || c == '\t' || c == '\n' {
				i++
				continue
			}
			if c == '\r' {
				if i+1 < len(p) && p[i+1] == '\n' {
					i += 2
					continue
				}
				if i+1 == len(p) && !final {
					b.Write(p[start:i])
					return 1
				}
			}
			b.Write(p[start:i])
			escapeRune(b, rune(c))
			i++
			start = i
			continue
		}
		// Most text kehoach prints is Vietnamese: letters of U+00C0–U+07FF
		// (lead bytes C3–DF) and U+1E00–U+1EFF (E1), where no character
		// is unsafe but U+061C (D8 9C). They pass without decoding.
		if c >= 0xc3 && c <= 0xdf && c != 0xd8 && i+1 < len(p) && p[i+1]&0xc0 == 0x80 {
			i += 2
			continue
		}
		if c == 0xe1 && i+2 < len(p) && p[i+1]&0xc0 == 0x80 && p[i+2]&0xc0 == 0x80 {
			i += 3
			continue
		}
		if !final && !utf8.FullRune(p[i:]) {
			b.Write(p[start:i])
			return len(p) - i
		}
		r, n := utf8.DecodeRune(p[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.Write(p[start:i])
			fmt.Fprintf(b, `\x%02x`, c)
		case Unsafe(r):
			b.Write(p[start:i])
			escapeRune(b, r)
		default:
			i += n
			continue
		}
		i += n
		start = i
	}
	b.Write(p[start:])
	return 0
}

// Find names the first character of s that a Writer would escape (a raw
// control or bidi character, a CR not followed by LF, a byte that is not
// UTF-8) as its escape; "" when there is none. Tests use it to assert that
// output is safe.
func Find(s string) string {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			return "byte " + Escape(s[i:i+1])
		case r == '\r' && strings.HasPrefix(s[i:], "\r\n"):
		case Unsafe(r):
			return Escape(string(r))
		}
		i += n
	}
	return ""
}

// A Writer escapes everything written to it (as Escape does) before it
// passes it on. It holds back at most the last three bytes of a write when
// they may be the start of a character, or a CR, that the next write
// completes; Flush writes them. It may be used from several goroutines.
type Writer struct {
	mu      sync.Mutex
	w       io.Writer
	pending []byte
	buf     bytes.Buffer
}

// NewWriter returns a Writer that writes to w. A Writer given again is
// returned as it is.
func NewWriter(w io.Writer) *Writer {
	if t, ok := w.(*Writer); ok {
		return t
	}
	return &Writer{w: w}
}

// Write escapes p and writes it on; it reports len(p) written when the
// escaped text was written.
func (t *Writer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	data := p
	if len(t.pending) > 0 {
		data = append(t.pending, p...)
		t.pending = nil
	}
	t.buf.Reset()
	held := escapeTo(&t.buf, data, false)
	if held > 0 {
		t.pending = append([]byte(nil), data[len(data)-held:]...)
	}
	if t.buf.Len() > 0 {
		if _, err := t.w.Write(t.buf.Bytes()); err != nil {
			return 0, err
		}
	}
	return len(p), nil
}

// WriteString is Write for a string.
func (t *Writer) WriteString(s string) (int, error) { return t.Write([]byte(s)) }

// Flush writes what Write held back, escaped as the end of the text.
func (t *Writer) Flush() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.pending) == 0 {
		return nil
	}
	t.buf.Reset()
	escapeTo(&t.buf, t.pending, true)
	t.pending = nil
	_, err := t.w.Write(t.buf.Bytes())
	return err
}

// Underlying is the writer t writes to, for text that is already escaped
// and carries the program's own control codes (colours, a progress bar's
// \r), and for a console check. Anything else goes through t.
func (t *Writer) Underlying() io.Writer { return t.w }

// Unwrap is w's underlying writer when w is a Writer, else w.
func Unwrap(w io.Writer) io.Writer {
	if t, ok := w.(*Writer); ok {
		return t.w
	}
	return w
}
