package vntext

import (
	"regexp"
	"slices"
	"testing"

	"kehoach/internal/testkit"
)

// classreSamples are the lines of every YAML file of plans/, testdata/ and
// templates/, and random strings over an alphabet that meets every class
// of the document-number expressions.
func classreSamples(t *testing.T) []string {
	alphabet := []string{"1", "2", "0", "2025", " ", "  ", "\t", "/", "-", "–", "—", "(", ")", "A", "QĐ", "Đ", "Ư", "ố", "a", "đ", "ư", "ệ", "TTg", "x", ".", ",", "\u00a0", "\xff", "日", "ǅ", "Ⅷ"}
	return append(testkit.RepoYAMLLines(t), testkit.RandomStrings(30000, 16, alphabet)...)
}

// kyHieuRe, over the class bytes, finds what kyHieuExpr finds.
func TestKyHieuReSameAsExpr(t *testing.T) {
	orig := regexp.MustCompile(kyHieuExpr)
	n := 0
	for _, s := range classreSamples(t) {
		got, want := kyHieuRe.FindAllStringIndex(s, -1), orig.FindAllStringIndex(s, -1)
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("%q: %v, want %v", s, got, want)
		}
		n += len(want)
	}
	if n < 100 {
		t.Errorf("only %d matches: the samples do not test much", n)
	}
}
