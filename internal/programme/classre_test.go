package programme

import (
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// dropAbbrDefs removes what regexp's ReplaceAllString(s, "") of
// abbrDefExpr removes, on every line of the YAML files of plans/,
// testdata/ and templates/ and on random strings over an alphabet that
// meets every class of the expression.
func TestAbbrDefSameAsExpr(t *testing.T) {
	orig := regexp.MustCompile(abbrDefExpr)
	var samples []string
	for _, pat := range []string{"../../plans/*/*.yaml", "../../testdata/*/*/*.yaml", "../../templates/*.yaml", "../../templates/*/*.yaml"} {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			samples = append(samples, strings.Split(string(b), "\n")...)
		}
	}
	alphabet := []string{"(", ")", " ", "\u00a0", "MTQG", "Đ", "Ư", "a", "ư", "1", "-", "–", ".", "\xff", "Ⅷ", "ǅ"}
	rng := rand.New(rand.NewSource(1))
	for range 30000 {
		var b strings.Builder
		for range rng.Intn(12) {
			b.WriteString(alphabet[rng.Intn(len(alphabet))])
		}
		samples = append(samples, b.String())
	}
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
