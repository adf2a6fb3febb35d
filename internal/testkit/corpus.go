package testkit

import (
	"path/filepath"
	"sort"
	"testing"
)

// MinCorpusPlans is the fewest plans CorpusPlans accepts: the nine (or
// more) example plans of testdata/corpus/ and the plans of plans/.
const MinCorpusPlans = 10

// CorpusPlans returns the sorted paths of every yearly plan of the test
// corpus (testdata/corpus/*/NNNN.yaml, see testdata/corpus/README.md) and of
// plans/ (plans/*/NNNN.yaml), found from the module root. Commune files
// (xa.yaml) and other YAML files are left out. It fails the test when fewer
// than MinCorpusPlans are found (a moved or deleted corpus must not make the
// tests pass by testing nothing).
func CorpusPlans(t testing.TB) []string {
	t.Helper()
	root := RepoRoot(t)
	var out []string
	for _, pattern := range []string{
		filepath.Join(root, "testdata", "corpus", "*", "[0-9][0-9][0-9][0-9].yaml"),
		filepath.Join(root, "plans", "*", "[0-9][0-9][0-9][0-9].yaml"),
	} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, m...)
	}
	sort.Strings(out)
	if len(out) < MinCorpusPlans {
		t.Fatalf("found %d plans under %s (testdata/corpus/*/ and plans/*/), want at least %d: %v", len(out), root, MinCorpusPlans, out)
	}
	return out
}
