package textconv

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// The budget of `kehoach text`, in one place. git runs the command on
// every committed .docx, .xlsx and .pdf a user diffs, so whatever the file
// holds it must end soon and small: every reader here works in time and
// memory linear in what it reads, and stops at these limits. README.md
// (“Giới hạn đầu vào”) states them; TestREADMELimits checks that it says
// what this block says.
//
// Two kinds of limit, two outcomes:
//
//   - the file itself is too large or not built as a document (limits
//     checked before any text is read: file size, zip members, one part's
//     size, PDF objects, nesting): the file is refused, with a Vietnamese
//     message naming it, and `kehoach text` exits 2;
//   - the text is longer than the budget (output bytes, pages, operators,
//     cells, decompressed bytes in all, time): the text read so far is
//     printed, cut at a line, and a last line says where and why it was cut
//     (cutNotice), and the command exits 0, so that `git diff`, `git log -p`
//     and `git show` go on with the other files instead of stopping.
const (
	// MaxFileBytes is the largest file read; its size is checked before
	// reading (kehoach's documents are well under 1 MB).
	MaxFileBytes = 32 << 20
	// MaxZipMembers is the most members a .docx or .xlsx package may have
	// (kehoach writes about 10, Word and Excel a few dozen).
	MaxZipMembers = 10_000
	// MaxPartBytes is the most one decompressed part of a package or one
	// decoded PDF stream may hold (the plan's document.xml is ~200 KB).
	MaxPartBytes = 4 << 20
	// MaxUnpackedBytes is the most all parts or streams read may hold
	// together.
	MaxUnpackedBytes = 16 << 20
	// MaxNesting is the deepest XML elements or PDF arrays and
	// dictionaries may nest.
	MaxNesting = 256
	// MaxObjects is the most PDF objects a file may have (kehoach's PDF
	// of a plan has about 100).
	MaxObjects = 100_000
	// MaxPages is the most PDF pages printed (a plan has about 15).
	MaxPages = 2_000
	// MaxOperators is the most PDF values read in all: the operators and
	// operands of content streams and CMaps, the values of the objects
	// (too many in the objects: the file is refused).
	MaxOperators = 2_000_000
	// MaxCells is the most XLSX cells read in all sheets.
	MaxCells = 500_000
	// MaxOutputBytes is the most text printed (a plan's text is ~35 KB).
	MaxOutputBytes = 8 << 20
	// MaxDuration is how long reading may take.
	MaxDuration = 3 * time.Second
)

// budget counts what a reading has used.
type budget struct {
	deadline  time.Time
	unpacked  int // decompressed bytes of parts or streams
	operators int
	cells     int
	ticks     int
}

func newBudget() *budget {
	return &budget{deadline: time.Now().Add(MaxDuration)}
}

// cut is the error that ends a reading at a budget: the text so far is
// printed with a notice saying why.
type cut struct{ why string }

func (c *cut) Error() string { return c.why }

// isCut reports whether err ends the reading at a budget.
func isCut(err error) bool {
	var c *cut
	return errors.As(err, &c)
}

// tick is called in every loop that reads the file; it checks the clock
// now and then.
func (b *budget) tick() error {
	b.ticks++
	if b.ticks&1023 == 0 && time.Now().After(b.deadline) {
		return &cut{fmt.Sprintf("đọc quá %d giây", int(MaxDuration/time.Second))}
	}
	return nil
}

// unpack counts n more decompressed bytes.
func (b *budget) unpack(n int) error {
	b.unpacked += n
	if b.unpacked > MaxUnpackedBytes {
		return &cut{"dữ liệu giải nén vượt " + mib(MaxUnpackedBytes)}
	}
	return nil
}

// operator counts one more PDF value (an operator, an operand, a value
// of an object).
func (b *budget) operator() error {
	b.operators++
	if b.operators > MaxOperators {
		return &cut{"quá " + thousands(MaxOperators) + " toán tử và giá trị PDF"}
	}
	return b.tick()
}

// cell counts one more XLSX cell.
func (b *budget) cell() error {
	b.cells++
	if b.cells > MaxCells {
		return &cut{"quá " + thousands(MaxCells) + " ô"}
	}
	return b.tick()
}

// output is the text being printed: each line made visible (visible)
// and the whole held to MaxOutputBytes. A write that goes beyond keeps
// what fits of its line and returns errFull; nothing is written after it.
type output struct {
	b    strings.Builder
	line []byte // the line being written, made visible
	full bool
}

var errFull = &cut{"văn bản in ra vượt " + mib(MaxOutputBytes)}

// write adds s, made visible, to the current line.
func (o *output) write(s string) error {
	if o.full {
		return errFull
	}
	o.line = appendVisible(o.line, s)
	if room := MaxOutputBytes - o.b.Len() - 1; len(o.line) > room {
		n := max(room, 0)
		for n > 0 && !utf8.RuneStart(o.line[n]) {
			n--
		}
		o.line = o.line[:n]
		o.full = true
		return errFull
	}
	return nil
}

// end ends the current line.
func (o *output) end() error {
	if o.full {
		return errFull
	}
	o.b.Write(o.line)
	o.b.WriteByte('\n')
	o.line = o.line[:0]
	return nil
}

// endTrimmed ends the current line without its trailing spaces, and
// drops it when nothing is left.
func (o *output) endTrimmed() error {
	if o.full {
		return errFull
	}
	for len(o.line) > 0 && o.line[len(o.line)-1] == ' ' {
		o.line = o.line[:len(o.line)-1]
	}
	if len(o.line) == 0 {
		return nil
	}
	return o.end()
}

// writeLine writes s as one line (newlines in s stay: they end lines of
// the text printed).
func (o *output) writeLine(s string) error {
	if err := o.write(s); err != nil {
		return err
	}
	return o.end()
}

// text is what was printed, a line cut short by the limit included.
func (o *output) text() string {
	if len(o.line) > 0 {
		o.b.Write(o.line)
		o.b.WriteByte('\n')
		o.line = o.line[:0]
	}
	return o.b.String()
}

// cutNotice is the last line of a text cut at a budget. It gives the
// file's size and the start of its SHA-256, so that two different files
// cut at the same place still differ in `git diff`.
func cutNotice(why string, data []byte) string {
	sum := sha256.Sum256(data)
	return fmt.Sprintf("[kehoach text: dừng ở đây vì %s; phần sau không in (tệp %s byte, SHA-256 %x)]\n", why, thousands(len(data)), sum[:8])
}

// appendVisible appends s to dst with every character that could drive a
// terminal or reorder the text shown written out visibly: the C0 controls
// but tab and newline (ESC as \x1b, CR as \x0d), DEL and the C1 controls
// (U+0080–U+009F, as \u009b), the bidirectional marks, embeddings,
// overrides and isolates (U+061C, U+200E, U+200F, U+202A–U+202E,
// U+2066–U+2069, as \u202e), the line and paragraph separators U+2028,
// U+2029, and bytes that are not UTF-8 (as \xff). Everything else,
// backslashes included, is copied as it is.
func appendVisible(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' || c == 0x7f {
				dst = append(dst, '\\', 'x', hexDigit[c>>4], hexDigit[c&15])
			} else {
				dst = append(dst, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			dst = append(dst, '\\', 'x', hexDigit[c>>4], hexDigit[c&15])
		case hidden(r):
			dst = append(dst, '\\', 'u', hexDigit[r>>12&15], hexDigit[r>>8&15], hexDigit[r>>4&15], hexDigit[r&15])
		default:
			dst = append(dst, s[i:i+n]...)
		}
		i += n
	}
	return dst
}

// Visible is s as kehoach text prints it: with every character that
// could drive a terminal or reorder the text shown written out (see
// appendVisible). kehoach text prints its messages through it too.
func Visible(s string) string {
	return string(appendVisible(nil, s))
}

const hexDigit = "0123456789abcdef"

// hidden reports whether r is a C1 control or a character that changes
// the direction or the lines of the text around it.
func hidden(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f,
		r == 0x061c, r == 0x200e, r == 0x200f,
		r >= 0x202a && r <= 0x202e,
		r >= 0x2066 && r <= 0x2069,
		r == 0x2028, r == 0x2029:
		return true
	}
	return false
}

// thousands writes n with dots between the thousands, as Vietnamese does.
func thousands(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// mib writes a size in whole MiB.
func mib(n int) string { return strconv.Itoa(n>>20) + " MiB" }
