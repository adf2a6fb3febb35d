package vntext

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// trimLegacyPunctRef and anyLegacyLookingRef are the two as they were
// before their shortcuts.
func trimLegacyPunctRef(s string, a, b int) (int, int) {
	cut := func(r rune) bool {
		return r < 0x80 && !unicode.IsLetter(r) && !unicode.IsDigit(r) || strings.ContainsRune("“”‘’–—…", r)
	}
	for a < b {
		r, n := utf8.DecodeRuneInString(s[a:b])
		if !cut(r) {
			break
		}
		a += n
	}
	for a < b {
		r, n := utf8.DecodeLastRuneInString(s[a:b])
		if !cut(r) {
			break
		}
		b -= n
	}
	return a, b
}

func anyLegacyLookingRef(s string) bool {
	start := -1
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch space := unicode.IsSpace(r); {
		case space && start >= 0:
			if legacyLooking(s[start:i]) {
				return true
			}
			start = -1
		case !space && start < 0:
			start = i
		}
		i += size
	}
	return start >= 0 && legacyLooking(s[start:])
}

// The two answer as the references on the repository's YAML lines, random
// strings, and every rune at both ends of a word.
func TestLegacyFragHelpersSameAsRef(t *testing.T) {
	samples := classreSamples(t)
	for r := rune(0); r <= 0x3000; r++ {
		samples = append(samples, string(r)+"hoàn"+string(r), "Uû "+string(r)+" nh©n")
	}
	for _, s := range samples {
		if got, want := anyLegacyLooking(s), anyLegacyLookingRef(s); got != want {
			t.Fatalf("anyLegacyLooking(%q) = %v", s, got)
		}
		a, b := trimLegacyPunct(s, 0, len(s))
		if wa, wb := trimLegacyPunctRef(s, 0, len(s)); a != wa || b != wb {
			t.Fatalf("trimLegacyPunct(%q) = %d %d, want %d %d", s, a, b, wa, wb)
		}
	}
}
