package classre

import (
	"math/rand"
	"regexp"
	"slices"
	"testing"
	"unicode"
)

// letters is a class function for the test expressions: digits, blanks
// and slashes as they are, the dashes - and – apart, upper-case letters
// A, other letters a, anything else “.”.
func letters(r rune) byte {
	switch {
	case r >= '0' && r <= '9', r == ' ', r == '\t', r == '/', r == '-':
		return byte(r)
	case r == '–':
		return '~'
	case unicode.IsUpper(r):
		return 'A'
	case unicode.IsLetter(r):
		return 'a'
	}
	return '.'
}

// The class expressions find what the original ones find, on random
// strings over an alphabet that meets every class (with invalid UTF-8).
func TestSameAsOriginal(t *testing.T) {
	pairs := [][2]string{
		{`\p{Lu}[\p{L}]*(?:[ \t]*[-–/][ \t]*\p{Lu}[\p{L}]*)+`, `A[Aa]*(?:[ \t]*[-~/][ \t]*A[Aa]*)+`},
		{`^(\d+)(?:/(\d{4}))?[/-]([\p{L}][\p{L}\d]*(?:[-/][\p{L}\d]+)*)$`, `^(\d+)(?:/(\d{4}))?[/-]([Aa][Aa\d]*(?:[-/][Aa\d]+)*)$`},
		{`\d*`, `\d*`}, // empty matches
		{`(\p{L}+)|(\d+)`, `([Aa]+)|(\d+)`},
	}
	// NewFirst: the class bytes that start a match, for the expressions
	// that match no empty string and no “.”.
	firsts := map[string]string{pairs[0][0]: "A"}
	alphabet := []string{"1", "2", "0", " ", "\t", "/", "-", "–", "A", "Đ", "Ư", "a", "đ", "ư", "ệ", "x", ".", ",", "\u00a0", "\xff", "\xe1\xba", "日"}
	rng := rand.New(rand.NewSource(1))
	for _, p := range pairs {
		orig, x := regexp.MustCompile(p[0]), New(p[1], letters)
		var xf *Regexp
		if f, ok := firsts[p[0]]; ok {
			xf = NewFirst(p[1], f, letters)
		}
		for range 20000 {
			var s string
			for range rng.Intn(14) {
				s += alphabet[rng.Intn(len(alphabet))]
			}
			if got, want := x.FindAllStringIndex(s, -1), orig.FindAllStringIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
				t.Fatalf("%s on %q: FindAll %v, want %v", p[0], s, got, want)
			}
			if xf != nil {
				if got, want := xf.FindAllStringIndex(s, -1), orig.FindAllStringIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
					t.Fatalf("%s on %q: NewFirst's FindAll %v, want %v", p[0], s, got, want)
				}
				if got, want := xf.FindAllStringIndex(s, 1), orig.FindAllStringIndex(s, 1); !slices.EqualFunc(got, want, slices.Equal) {
					t.Fatalf("%s on %q: NewFirst's FindAll 1 %v, want %v", p[0], s, got, want)
				}
			}
			if got, want := x.FindStringSubmatchIndex(s), orig.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
				t.Fatalf("%s on %q: submatch %v, want %v", p[0], s, got, want)
			}
			if got, want := x.FindStringSubmatch(s), orig.FindStringSubmatch(s); !slices.Equal(got, want) || (got == nil) != (want == nil) {
				t.Fatalf("%s on %q: submatch %q, want %q", p[0], s, got, want)
			}
		}
	}
}
