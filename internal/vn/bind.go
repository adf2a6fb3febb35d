package vn

import (
	"strings"
	"unicode/utf8"
)

// The three replacements of Bind, written out by hand. Each gives exactly
// what a regular expression's ReplaceAll gives (leftmost-first,
// non-overlapping matches; the expressions are in bind_test.go, which
// compares the two on every string of a small alphabet and by fuzzing):
// the expressions cost about a twentieth of a build's CPU, most of it in
// the backtracking matcher's set-up for each text.

// units are the units that bind to the number before them, in the order of
// the expression's alternation (none is a prefix of another).
var units = [...]string{"km", "ha", "tấn", "triệu đồng", "tỷ đồng", "nghìn đồng", "đồng", "người", "m2", "m²", "kg", "tuổi"}

// bindUnits is
//
//	(\d)[ ]+(km|ha|tấn|triệu đồng|tỷ đồng|nghìn đồng|đồng|người|m2|m²|kg|tuổi)([^0-9A-Za-z_]|$)
//
// replaced by the digit, one no-break space and the unit with its spaces
// made no-break (and the character after it as it is).
func bindUnits(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			continue
		}
		j := i + 1
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if j == i+1 {
			continue
		}
		u := unitAt(s, j)
		if u == "" {
			continue
		}
		if b.Len() == 0 {
			b.Grow(len(s) + 8)
		}
		b.WriteString(s[last : i+1])
		b.WriteString("\u00a0")
		b.WriteString(strings.ReplaceAll(u, " ", "\u00a0"))
		last = j + len(u)
		i = last - 1
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// unitAt is the first of units that s has at j where a word ends: at the
// end of s or before a character that is not an ASCII letter, digit or
// underscore. (The expression this was written from had \b there, which
// after "m²", not a word character itself, wanted a word character next:
// "2.400 m²" was left unbound and the typo "m²a" bound.)
func unitAt(s string, j int) string {
	for _, u := range units {
		if !strings.HasPrefix(s[j:], u) {
			continue
		}
		if e := j + len(u); e == len(s) || s[e] >= utf8.RuneSelf || !isWordChar(rune(s[e])) {
			return u
		}
	}
	return ""
}

// isWordChar is \w of the expressions: an ASCII letter, digit or
// underscore.
func isWordChar(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '_'
}

// bindSigns is ([≥≤<>]) (\d) replaced by the sign, a no-break space and
// the digit.
func bindSigns(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); i++ {
		n := charAt(s, i, '<', '>', "≥", "≤")
		if n == 0 {
			continue
		}
		j := i + n
		if j+1 >= len(s) || s[j] != ' ' || s[j+1] < '0' || s[j+1] > '9' {
			i = j - 1
			continue
		}
		if b.Len() == 0 {
			b.Grow(len(s) + 4)
		}
		b.WriteString(s[last:j])
		b.WriteString("\u00a0")
		last = j + 1
		i = j + 1
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// bindDashes is
//
//	(\S)[ \x{00a0}]+([-–+])[ \x{00a0}]+(\S)
//
// replaced by $1, a no-break space, the dash, a space and $3. \S is any
// character but the expressions' ASCII white space (so a no-break space
// is one: it can be $1, and $3 when the run after the dash ends in a space
// the expression cannot take as $3).
func bindDashes(s string) string {
	var b strings.Builder
	last := 0
	for p := 0; p < len(s); {
		r, n := utf8.DecodeRuneInString(s[p:])
		if isPerlSpace(r) {
			p += n
			continue
		}
		q := p + n
		j := spaceRun(s, q)
		if j == q || j == len(s) {
			p += n
			continue
		}
		d := charAt(s, j, '-', '+', "–", "–")
		if d == 0 {
			p += n
			continue
		}
		third, end := dashThird(s, j+d)
		if end < 0 {
			p += n
			continue
		}
		if b.Len() == 0 {
			b.Grow(len(s) + 8)
		}
		b.WriteString(s[last:q])
		b.WriteString("\u00a0")
		b.WriteString(s[j : j+d])
		b.WriteString(" ")
		b.WriteString(third)
		last, p = end, end
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// dashThird matches [ \x{00a0}]+(\S) at k as the expression's backtracking
// does: the longest run of spaces and no-break spaces (at least one) that a
// non-space follows. It gives that character and the end of the match, or
// end -1.
func dashThird(s string, k int) (third string, end int) {
	e := spaceRun(s, k)
	if e == k {
		return "", -1
	}
	if e < len(s) {
		if r, n := utf8.DecodeRuneInString(s[e:]); !isPerlSpace(r) {
			return s[e : e+n], e + n
		}
	}
	// Shorter runs: the character after one is the run's own, and only a
	// no-break space there is \S; the run keeps at least one character.
	for i := e - 2; i > k; i-- {
		if s[i] == 0xC2 { // the run holds only ' ' and C2 A0
			return s[i : i+2], i + 2
		}
	}
	return "", -1
}

// spaceRun is the end of the run of spaces and no-break spaces at i.
func spaceRun(s string, i int) int {
	for {
		switch {
		case i < len(s) && s[i] == ' ':
			i++
		case i+1 < len(s) && s[i] == 0xC2 && s[i+1] == 0xA0:
			i += 2
		default:
			return i
		}
	}
}

// isPerlSpace is \s of the expressions: [\t\n\f\r ].
func isPerlSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\f' || r == '\r'
}
