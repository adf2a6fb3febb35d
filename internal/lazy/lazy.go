// Package lazy holds a regular expression that is compiled on first use.
//
// A package-level
//
//	var numberRe = lazy.MustCompile(`^\d+$`)
//
// costs nothing at start-up: the compiler lays the value out in the
// binary (no allocation, no init code), where sync.OnceValue(func() …)
// allocates its closures when the package is initialised. kehoach's help
// and usage errors are measured against an empty Go program (README,
// "Tốc độ và bộ nhớ"), so package initialisation does no work a command
// may not need.
package lazy

import (
	"regexp"
	"sync"
)

// A Regexp is a regular expression compiled by its first Get; it may be
// used from several goroutines.
type Regexp struct {
	once sync.Once
	expr string
	re   *regexp.Regexp
}

// MustCompile returns expr to be compiled on first use; Get panics, as
// regexp.MustCompile does, if expr does not compile.
func MustCompile(expr string) *Regexp { return &Regexp{expr: expr} }

// Get returns the compiled expression.
func (r *Regexp) Get() *regexp.Regexp {
	r.once.Do(func() { r.re = regexp.MustCompile(r.expr) })
	return r.re
}
