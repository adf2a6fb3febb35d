package testkit

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// RepoYAMLLines returns the lines of every YAML file of plans/, testdata/
// (one and two folders down) and templates/ (the same), found from the
// module root: real text for the tests that compare a fast path with the
// code it replaced. It fails the test when fewer than 1,000 lines are
// found.
func RepoYAMLLines(t testing.TB) []string {
	t.Helper()
	root := RepoRoot(t)
	var out []string
	for _, pat := range []string{"plans/*/*.yaml", "testdata/*/*/*.yaml", "testdata/*/*.yaml", "templates/*.yaml", "templates/*/*.yaml"} {
		files, err := filepath.Glob(filepath.Join(root, pat))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, strings.Split(string(b), "\n")...)
		}
	}
	if len(out) < 1000 {
		t.Fatalf("only %d lines of YAML found under %s", len(out), root)
	}
	return out
}

// RandomStrings returns n strings, each of fewer than maxParts pieces of
// alphabet picked at random, from a fixed seed: the same strings on every
// run.
func RandomStrings(n, maxParts int, alphabet []string) []string {
	rng := rand.New(rand.NewSource(1))
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		for range rng.Intn(maxParts) {
			b.WriteString(alphabet[rng.Intn(len(alphabet))])
		}
		out[i] = b.String()
	}
	return out
}
