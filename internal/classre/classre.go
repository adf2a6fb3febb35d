// Package classre runs a regular expression over the classes of a
// string's characters: each rune is replaced by one ASCII byte that names
// its class (upper-case letter, other letter, digit, a separator, other),
// and an expression written over those bytes is matched against the
// result. An expression such as `\p{Lu}[\p{L}]*` costs hundreds of
// thousands of instructions to compile (package regexp builds the Unicode
// tables of each class) and a table search for every rune it meets; over
// the class bytes it is `A[Aa]*`, compiled in a few thousand.
//
// The matches are those of the original expression on the original string,
// with offsets into it, when the class function keeps apart exactly what
// the original expression tells apart: the expression sees a rune only
// through the classes and literals it names, so a match on the class bytes
// is a match on the runes, position for position.
package classre

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"kehoach/internal/lazy"
)

// A Regexp is an expression over class bytes, compiled on first use.
type Regexp struct {
	class func(rune) byte
	rx    *lazy.Regexp
	first string // with NewFirst: the class bytes a match starts with
}

// New returns the expression expr over the bytes class gives each rune
// (each below utf8.RuneSelf); it is compiled on first use.
func New(expr string, class func(rune) byte) *Regexp {
	return &Regexp{class: class, rx: lazy.MustCompile(expr)}
}

// re is the compiled expression.
func (x *Regexp) re() *regexp.Regexp { return x.rx.Get() }

// NewFirst is New for an expression that matches no empty string, whose
// matches start with one of the class bytes of first and hold no byte
// “.”. FindAllStringIndex then tries the expression, anchored, only where
// such a byte starts a run without “.”, on that run alone: package
// regexp, searching a long string, clears state the size of the whole
// string for each match it looks for.
func NewFirst(expr, first string, class func(rune) byte) *Regexp {
	return &Regexp{class: class, rx: lazy.MustCompile(`^(?:` + expr + `)`), first: first}
}

// shape is s with each rune, and each byte of invalid UTF-8 (as package
// regexp reads it: U+FFFD, one byte), replaced by its class byte.
func (x *Regexp) shape(s string) []byte {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = append(b, x.class(r))
	}
	return b
}

// offsets turns rune indexes of the shape, in increasing order, into byte
// offsets of s; -1 stays -1.
type offsets struct {
	s         string
	rune, off int
}

func (o *offsets) at(i int) int {
	if i < 0 {
		return -1
	}
	if i < o.rune {
		o.rune, o.off = 0, 0
	}
	for o.rune < i {
		_, n := utf8.DecodeRuneInString(o.s[o.off:])
		o.off += n
		o.rune++
	}
	return o.off
}

// FindAllStringIndex is regexp's FindAllStringIndex of the original
// expression on s.
func (x *Regexp) FindAllStringIndex(s string, n int) [][]int {
	if x.first != "" {
		return x.findAllFirst(s, n)
	}
	ms := x.re().FindAllIndex(x.shape(s), n)
	o := offsets{s: s}
	for _, m := range ms {
		m[0], m[1] = o.at(m[0]), o.at(m[1])
	}
	return ms
}

// findAllFirst is FindAllStringIndex for NewFirst: the leftmost match
// is the one at the first place where the anchored expression matches,
// and the next is looked for from its end, as package regexp does (no
// match is empty).
func (x *Regexp) findAllFirst(s string, n int) [][]int {
	b := x.shape(s)
	var ms [][]int
	for p := 0; p < len(b) && (n < 0 || len(ms) < n); {
		if strings.IndexByte(x.first, b[p]) < 0 {
			p++
			continue
		}
		q := p + bytes.IndexByte(b[p:], '.')
		if q < p {
			q = len(b)
		}
		m := x.re().FindIndex(b[p:q])
		if m == nil || m[1] == 0 {
			p++
			continue
		}
		ms = append(ms, []int{p, p + m[1]})
		p += m[1]
	}
	o := offsets{s: s}
	for _, m := range ms {
		m[0], m[1] = o.at(m[0]), o.at(m[1])
	}
	return ms
}

// FindStringSubmatchIndex is regexp's FindStringSubmatchIndex of the
// original expression on s.
func (x *Regexp) FindStringSubmatchIndex(s string) []int {
	m := x.re().FindSubmatchIndex(x.shape(s))
	o := offsets{s: s}
	for i := range m {
		m[i] = o.at(m[i])
	}
	return m
}

// FindStringSubmatch is regexp's FindStringSubmatch of the original
// expression on s: nil for no match, "" for a group that took no part.
func (x *Regexp) FindStringSubmatch(s string) []string {
	m := x.FindStringSubmatchIndex(s)
	if m == nil {
		return nil
	}
	out := make([]string, len(m)/2)
	for i := range out {
		if m[2*i] >= 0 {
			out[i] = s[m[2*i]:m[2*i+1]]
		}
	}
	return out
}
