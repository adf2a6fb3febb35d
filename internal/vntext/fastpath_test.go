package vntext

import (
	"testing"
	"unicode"
)

// onlySpaceBetweenRef is onlySpaceBetween as it was before its ASCII fast
// path: every rune of s[a:b] tested with unicode.IsSpace.
func onlySpaceBetweenRef(s string, a, b int) bool {
	if a >= b {
		return a == b
	}
	for _, r := range s[a:b] {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// onlySpaceBetween gives the answers of the reference for every rune,
// alone and between blanks, and for invalid UTF-8.
func TestOnlySpaceBetweenSameAsRef(t *testing.T) {
	check := func(s string) {
		t.Helper()
		for a := 0; a <= len(s); a++ {
			for b := 0; b <= len(s); b++ {
				if got, want := onlySpaceBetween(s, a, b), onlySpaceBetweenRef(s, a, b); got != want {
					t.Fatalf("onlySpaceBetween(%q, %d, %d) = %v, want %v", s, a, b, got, want)
				}
			}
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		c := string(r)
		if onlySpaceBetween(c, 0, len(c)) != onlySpaceBetweenRef(c, 0, len(c)) {
			t.Fatalf("rune %U: got %v", r, onlySpaceBetween(c, 0, len(c)))
		}
		if r < 0x3100 {
			check(" " + c + "\t")
			check("\u00a0\n" + c)
		}
	}
	for _, s := range []string{"", " ", "\xff", " \xff ", "\u2028 \u3000x", "a b", "\u0085\u00a0 \t\r\n\v\f"} {
		check(s)
	}
}
