package vntext

import (
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// classreSamples are the lines of every YAML file of plans/, testdata/ and
// templates/, and random strings over an alphabet that meets every class
// of the document-number expressions.
func classreSamples(t *testing.T) []string {
	var out []string
	for _, pat := range []string{"../../plans/*/*.yaml", "../../testdata/*/*/*.yaml", "../../testdata/*/*.yaml", "../../templates/*.yaml", "../../templates/*/*.yaml"} {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, strings.Split(string(b), "\n")...)
		}
	}
	if len(out) < 1000 {
		t.Fatalf("only %d lines of YAML found", len(out))
	}
	alphabet := []string{"1", "2", "0", "2025", " ", "  ", "\t", "/", "-", "–", "—", "(", ")", "A", "QĐ", "Đ", "Ư", "ố", "a", "đ", "ư", "ệ", "TTg", "x", ".", ",", "\u00a0", "\xff", "日", "ǅ", "Ⅷ"}
	rng := rand.New(rand.NewSource(1))
	for range 30000 {
		var b strings.Builder
		for range rng.Intn(16) {
			b.WriteString(alphabet[rng.Intn(len(alphabet))])
		}
		out = append(out, b.String())
	}
	return out
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
