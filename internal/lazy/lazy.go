// Package lazy holds values made on first use: a regular expression
// compiled by its first Get, and a table built by its first Get.
//
// Package-level
//
//	var numberRe = lazy.MustCompile(`^\d+$`)
//	var units lazy.Value[map[string]bool]
//
// cost nothing at start-up: the compiler lays the values out in the
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

// A Value is a T made by the first Get, by the function that Get is
// given; its zero value is ready to use, and it may be used from several
// goroutines. Every Get of one Value should pass the same function.
type Value[T any] struct {
	once sync.Once
	v    T
}

// Get returns the value, made by build on the first call.
func (l *Value[T]) Get(build func() T) T {
	l.once.Do(func() { l.v = build() })
	return l.v
}
