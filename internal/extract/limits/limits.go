// Package limits is the budget every reader of package extract works
// within (file size, zip members, part size, nesting, objects, pages,
// operators, cells, output bytes, time), the text they print (Output, made
// visible and held to MaxOutputBytes), and the bounded zip and XML readers
// the DOCX and XLSX readers share.
package limits

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"kehoach/internal/termsafe"
	"kehoach/internal/vn"
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
//     (CutNotice), and the command exits 0, so that `git diff`, `git log -p`
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
	// MaxParagraphs is the most paragraphs `kehoach import` reads from a
	// .docx (a plan has about 600; a document of more is refused).
	MaxParagraphs = 50_000
)

// Budget counts what a reading has used.
type Budget struct {
	deadline  time.Time
	unpacked  int // decompressed bytes of parts or streams
	operators int
	cells     int
	ticks     int
}

// NewBudget starts a reading's budget: its clock runs from now for
// MaxDuration.
func NewBudget() *Budget {
	return &Budget{deadline: time.Now().Add(MaxDuration)}
}

// Cut is the error that ends a reading at a budget: the text so far is
// printed with a notice saying why.
type Cut struct{ Why string }

// Error is why the reading was cut, in Vietnamese.
func (c *Cut) Error() string { return c.Why }

// IsCut reports whether err ends the reading at a budget.
func IsCut(err error) bool {
	var c *Cut
	return errors.As(err, &c)
}

// Tick is called in every loop that reads the file; it checks the clock
// now and then.
func (b *Budget) Tick() error {
	b.ticks++
	if b.ticks&1023 == 0 && time.Now().After(b.deadline) {
		return &Cut{fmt.Sprintf("đọc quá %d giây", int(MaxDuration/time.Second))}
	}
	return nil
}

// Unpack counts n more decompressed bytes.
func (b *Budget) Unpack(n int) error {
	b.unpacked += n
	if b.unpacked > MaxUnpackedBytes {
		return &Cut{"dữ liệu giải nén vượt " + MiB(MaxUnpackedBytes)}
	}
	return nil
}

// Operator counts one more PDF value (an operator, an operand, a value
// of an object).
func (b *Budget) Operator() error {
	b.operators++
	if b.operators > MaxOperators {
		return &Cut{"quá " + Thousands(MaxOperators) + " toán tử và giá trị PDF"}
	}
	return b.Tick()
}

// Cell counts one more XLSX cell.
func (b *Budget) Cell() error {
	b.cells++
	if b.cells > MaxCells {
		return &Cut{"quá " + Thousands(MaxCells) + " ô"}
	}
	return b.Tick()
}

// Output is the text being printed: each line made visible (visible)
// and the whole held to MaxOutputBytes. A write that goes beyond keeps
// what fits of its line and returns ErrFull; nothing is written after it.
type Output struct {
	b    strings.Builder
	line []byte // the line being written, made visible
	full bool
}

// ErrFull ends a reading whose text has filled MaxOutputBytes. Its text is
// written out (TestErrorTextsFollowTheLimits checks it against
// MiB(MaxOutputBytes)), so the value is laid out by the compiler and
// package initialisation formats nothing.
var ErrFull = &Cut{"văn bản in ra vượt 8 MiB"}

// Write adds s, made visible, to the current line.
func (o *Output) Write(s string) error {
	if o.full {
		return ErrFull
	}
	o.line = append(o.line, termsafe.Escape(s)...)
	if room := MaxOutputBytes - o.b.Len() - 1; len(o.line) > room {
		n := max(room, 0)
		for n > 0 && !utf8.RuneStart(o.line[n]) {
			n--
		}
		o.line = o.line[:n]
		o.full = true
		return ErrFull
	}
	return nil
}

// End ends the current line.
func (o *Output) End() error {
	if o.full {
		return ErrFull
	}
	o.b.Write(o.line)
	o.b.WriteByte('\n')
	o.line = o.line[:0]
	return nil
}

// EndTrimmed ends the current line without its trailing spaces, and
// drops it when nothing is left.
func (o *Output) EndTrimmed() error {
	if o.full {
		return ErrFull
	}
	for len(o.line) > 0 && o.line[len(o.line)-1] == ' ' {
		o.line = o.line[:len(o.line)-1]
	}
	if len(o.line) == 0 {
		return nil
	}
	return o.End()
}

// WriteLine writes s as one line (newlines in s stay: they end lines of
// the text printed).
func (o *Output) WriteLine(s string) error {
	if err := o.Write(s); err != nil {
		return err
	}
	return o.End()
}

// Text is what was printed, a line cut short by the limit included.
func (o *Output) Text() string {
	if len(o.line) > 0 {
		o.b.Write(o.line)
		o.b.WriteByte('\n')
		o.line = o.line[:0]
	}
	return o.b.String()
}

// CutNotice is the last line of a text cut at a budget. It gives the
// file's size and the start of its SHA-256, so that two different files
// cut at the same place still differ in `git diff`.
func CutNotice(why string, data []byte) string {
	sum := sha256.Sum256(data)
	return fmt.Sprintf("[kehoach text: dừng ở đây vì %s; phần sau không in (tệp %s byte, SHA-256 %x)]\n", why, Thousands(len(data)), sum[:8])
}

// Visible is s as kehoach text prints it: every character that could
// drive a terminal or reorder the text shown is written out visibly, by the
// one escaping function every command uses (termsafe.Escape). kehoach text
// prints its messages through it too.
func Visible(s string) string { return termsafe.Escape(s) }

// Thousands writes n with dots between the thousands, as Vietnamese does.
func Thousands(n int) string { return vn.Int(int64(n)).String() }

// MiB writes a size in whole MiB.
func MiB(n int) string { return strconv.Itoa(n>>20) + " MiB" }
