package programme

import (
	"regexp"
	"testing"

	"kehoach/internal/testkit"
)

// dropAbbrDefs removes what regexp's ReplaceAllString(s, "") of
// abbrDefExpr removes, on every line of the YAML files of plans/,
// testdata/ and templates/ and on random strings over an alphabet that
// meets every class of the expression.
func TestAbbrDefSameAsExpr(t *testing.T) {
	orig := regexp.MustCompile(abbrDefExpr)
	alphabet := []string{"(", ")", " ", "\u00a0", "MTQG", "Đ", "Ư", "a", "ư", "1", "-", "–", ".", "\xff", "Ⅷ", "ǅ"}
	samples := append(testkit.RepoYAMLLines(t), testkit.RandomStrings(30000, 12, alphabet)...)
	changed := 0
	for _, s := range samples {
		got, want := dropAbbrDefs(s), orig.ReplaceAllString(s, "")
		if got != want {
			t.Fatalf("%q: %q, want %q", s, got, want)
		}
		if want != s {
			changed++
		}
	}
	if changed < 100 {
		t.Errorf("only %d samples hold a definition: they do not test much", changed)
	}
}
