package vn

import (
	"regexp"
	"strings"
	"testing"
)

// The expressions bindUnits, bindSigns and bindDashes are written out
// from: each must give what ReplaceAll of its expression gives.
var (
	unitRe = regexp.MustCompile(`(\d)[ ]+(km|ha|tấn|triệu đồng|tỷ đồng|nghìn đồng|đồng|người|m2|m²|kg|tuổi)([^0-9A-Za-z_]|$)`)
	signRe = regexp.MustCompile(`([≥≤<>]) (\d)`)
	dashRe = regexp.MustCompile(`(\S)[ \x{00a0}]+([-–+])[ \x{00a0}]+(\S)`)
)

// unitsByRe takes the groups from the matches in s itself. (Bind before
// its replacements were written out had \b after the unit and matched each
// match again alone, which panicked on "5 m²x": the match "5 m²" alone has
// no \b at its end.) The character after the unit, if any, cannot start a
// match, so consuming it changes nothing.
func unitsByRe(s string) string {
	var b strings.Builder
	last := 0
	for _, m := range unitRe.FindAllStringSubmatchIndex(s, -1) {
		b.WriteString(s[last:m[0]])
		b.WriteString(s[m[2]:m[3]] + "\u00a0" + strings.ReplaceAll(s[m[4]:m[5]], " ", "\u00a0") + s[m[6]:m[7]])
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

func signsByRe(s string) string { return signRe.ReplaceAllString(s, "$1\u00a0$2") }

func dashesByRe(s string) string { return dashRe.ReplaceAllString(s, "$1\u00a0$2 $3") }

// sameAsRe fails t where one of the hand-written replacements differs from
// its expression on s.
func sameAsRe(t *testing.T, s string) {
	t.Helper()
	for _, c := range []struct {
		name       string
		hand, byRe func(string) string
	}{
		{"bindUnits", bindUnits, unitsByRe},
		{"bindSigns", bindSigns, signsByRe},
		{"bindDashes", bindDashes, dashesByRe},
	} {
		if got, want := c.hand(s), c.byRe(s); got != want {
			t.Fatalf("%s(%q) = %q, the expression gives %q", c.name, s, got, want)
		}
	}
}

// TestBindSameAsExpressions compares the replacements with their
// expressions on every string of up to five characters of an alphabet of
// what they look at (digits, spaces of each kind, dashes, signs, word and
// non-word characters), and on strings built around each unit.
func TestBindSameAsExpressions(t *testing.T) {
	t.Parallel()
	alphabet := []string{"a", "5", " ", "\u00a0", "-", "–", "+", "\n", "≥", "<", "\xff"}
	n := 0
	var gen func(prefix string, depth int)
	gen = func(prefix string, depth int) {
		sameAsRe(t, prefix)
		n++
		if depth == 0 {
			return
		}
		for _, c := range alphabet {
			gen(prefix+c, depth-1)
		}
	}
	gen("", 5)
	for _, u := range units {
		for _, before := range []string{"", "x", "7", "7 ", "7  ", "7\u00a0", "a 7 ", "≥ 7 ", "7 - "} {
			for _, after := range []string{"", " ", "a", "_", "2", "²", "/năm", "\u00a0", ".", "ặ"} {
				sameAsRe(t, before+u+after)
				sameAsRe(t, before+u+after+" 9 "+u)
				n += 2
			}
		}
	}
	if n < 100000 {
		t.Fatalf("compared %d strings only", n)
	}
}

// FuzzBindSameAsExpressions: the replacements give what their
// expressions give on any string.
func FuzzBindSameAsExpressions(f *testing.F) {
	for _, s := range []string{"a - b", "5 km", "≥ 5", "x - \u00a0", "x -  \u00a0 \u00a0\n", "\u00a0 - y", "1 triệu đồng", "5 m²x", "a  -  b - c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { sameAsRe(t, s) })
}
