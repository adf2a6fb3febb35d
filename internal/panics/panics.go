// Package panics turns a panic in one of kehoach's workers into an error
// the user can act on, so that a fault in kehoach met by one plan is
// reported for that plan, in Vietnamese, with nothing written for it,
// instead of ending the whole run with a Go stack trace.
package panics

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
)

// Error is a recovered panic: the value and where in kehoach it happened.
type Error struct {
	Value any
	// Where is the innermost frame in kehoach's own code ("vn.go:371"),
	// or "" when none is on the stack.
	Where string
}

func (e *Error) Error() string {
	where := ""
	if e.Where != "" {
		where = " tại " + e.Where
	}
	return fmt.Sprintf("lỗi nội bộ của kehoach (%v%s); hãy gửi tệp kế hoạch và dòng này cho người bảo trì kehoach để sửa", e.Value, where)
}

// Catch, deferred, turns a panic of the goroutine it runs in into an
// *Error in *err. It must be the deferred call itself (recover works only
// there):
//
//	defer panics.Catch(&err)
func Catch(err *error) {
	if p := recover(); p != nil {
		*err = From(p)
	}
}

// From is the *Error of the value p that recover gave, for a deferred
// function that recovers itself. It must be called while the panic is
// being recovered (in that deferred function), to find where it happened.
func From(p any) *Error {
	return &Error{Value: p, Where: where()}
}

// where is the frame that panicked, or the innermost kehoach frame below
// it (an index out of range panics in the runtime): the first frame in a
// kehoach package after runtime.gopanic on the stack.
func where() string {
	pcs := make([]uintptr, 64)
	n := runtime.Callers(2, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	panicking := false
	for {
		f, more := frames.Next()
		switch {
		case f.Function == "runtime.gopanic":
			panicking = true
		case panicking && strings.HasPrefix(f.Function, "kehoach/"):
			return fmt.Sprintf("%s:%d", filepath.Base(f.File), f.Line)
		}
		if !more {
			return ""
		}
	}
}
