// Package diag is the one diagnostics type of kehoach: a problem at a place
// of a file (line and column), its severity, the rule that found it, a
// Vietnamese message and hint, and an optional safe fix — with one way to
// sort a list of them and one way to print them, in the manner of
// go/scanner's ErrorList.
//
// The printed form of a diagnostic is
//
//	FILE:LINE:COL: [RULE] MESSAGE — gợi ý: HINT (cảnh báo)
//
// where the position, the rule, the hint and the warning mark appear only
// when known (FILE: MESSAGE for a file-wide error); a message followed by a
// hint loses its final full stop.
package diag

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Pos is a 1-based line and column (counted in runes) in a source file.
type Pos struct {
	Line, Col int
}

// IsZero reports whether the position is unknown.
func (p Pos) IsZero() bool { return p.Line == 0 }

// Severity says whether a diagnostic stops the work (Error) or only asks a
// văn thư to look (Warning).
type Severity int

// The severities, the zero value being Error.
const (
	Error Severity = iota
	Warning
)

// String is the Vietnamese name of the severity.
func (s Severity) String() string {
	if s == Warning {
		return "cảnh báo"
	}
	return "lỗi"
}

// Span is a byte range [Start, End) in the value of one text field.
type Span struct {
	Start, End int
}

// Diagnostic is one problem at one place.
type Diagnostic struct {
	File     string
	Pos      Pos // where the problem starts; zero for the whole file
	End      Pos // where it ends (exclusive), zero when unknown
	Severity Severity
	Rule     string  // short rule id (“viet-tat”, “cot-hep”), empty for the loader's checks
	Msg      string  // Vietnamese: what is wrong and how to fix it
	Hint     string  // Vietnamese: a suggestion, printed after “gợi ý:”
	Path     string  // YAML path of the text field concerned, if any
	Span     Span    // the text concerned in the field's value (Path)
	Fix      *string // when not nil, a safe replacement of Span in the field's value
}

// Error formats the diagnostic in the one printed form (see the package
// documentation).
func (d *Diagnostic) Error() string {
	var b strings.Builder
	b.WriteString(d.File)
	if !d.Pos.IsZero() {
		fmt.Fprintf(&b, ":%d:%d", d.Pos.Line, d.Pos.Col)
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	if d.Rule != "" {
		b.WriteString("[" + d.Rule + "] ")
	}
	if d.Hint != "" {
		b.WriteString(strings.TrimSuffix(d.Msg, ".") + " — gợi ý: " + d.Hint)
	} else {
		b.WriteString(d.Msg)
	}
	if d.Severity == Warning {
		b.WriteString(" (cảnh báo)")
	}
	return b.String()
}

// List is a list of diagnostics. Its zero value is an empty list ready to
// use.
type List []*Diagnostic

// Error formats the list one diagnostic a line.
func (l List) Error() string {
	var b strings.Builder
	for i, d := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.Error())
	}
	return b.String()
}

// Sort orders the list by file, line and column, keeping the order of
// diagnostics at the same place.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		return a.Pos.Col < b.Pos.Col
	})
}

// Capped keeps the first n diagnostics (in order) and replaces the rest by
// one counting them (“… và 312 lỗi khác …”, of the severity of the first
// one left out), so that a file with thousands of mistakes (a pasted list
// of unknown keys) gives a readable report.
func (l List) Capped(n int) List {
	if len(l) <= n {
		return l
	}
	rest := l[n:]
	last := rest[0]
	word := last.Severity.String()
	out := append(List(nil), l[:n]...)
	return append(out, &Diagnostic{File: last.File, Pos: last.Pos, Severity: last.Severity,
		Msg: fmt.Sprintf("… và %d %s khác từ dòng %d trở đi; hãy sửa các %s trên rồi chạy lại để xem tiếp.", len(rest), word, last.Pos.Line, word)})
}

// Errors returns the diagnostics of severity Error, in order.
func (l List) Errors() List { return l.filter(Error) }

// Warnings returns the diagnostics of severity Warning, in order.
func (l List) Warnings() List { return l.filter(Warning) }

func (l List) filter(s Severity) List {
	var out List
	for _, d := range l {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	return out
}

// Err returns the errors of the list as an error, or nil when the list
// holds none (warnings alone are no error).
func (l List) Err() error {
	if es := l.Errors(); len(es) > 0 {
		return es
	}
	return nil
}

// Print writes the list to w, one diagnostic a line, in the printed form.
func (l List) Print(w io.Writer) error {
	for _, d := range l {
		if _, err := fmt.Fprintln(w, d.Error()); err != nil {
			return err
		}
	}
	return nil
}

// Refusal is a reason not to do what was asked (a command then exits with
// status 1, not 2 as for an I/O problem). Msg says what is wrong and how to
// fix it; Details lists the plan's errors behind it, if any.
type Refusal struct {
	Msg     string
	Details List
}

// Error is Msg followed by the details, one a line.
func (r *Refusal) Error() string {
	if len(r.Details) == 0 {
		return r.Msg
	}
	return r.Msg + "\n" + r.Details.Error()
}

// Refuse returns a Refusal with a formatted message.
func Refuse(format string, args ...any) error {
	return &Refusal{Msg: fmt.Sprintf(format, args...)}
}

// IsRefusal reports whether err is, or wraps, a Refusal or a List: a
// problem of the input the user can fix (exit status 1) rather than one of
// reading or writing files (exit status 2).
func IsRefusal(err error) bool {
	var r *Refusal
	var l List
	return errors.As(err, &r) || errors.As(err, &l)
}
