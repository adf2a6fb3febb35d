package layout_test

import (
	"flag"
	"path/filepath"
	"testing"

	"kehoach/internal/doc/doctest"
	"kehoach/internal/layout"
	"kehoach/internal/testkit"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden pins the line and page breaks of the sample plan. After an
// intended layout change, regenerate with
//
//	go test ./internal/layout -update
//
// and read the diff: every changed line is a moved line of text.
func TestGolden(t *testing.T) {
	t.Parallel()
	pages, err := layout.Layout(doctest.Long(fam), prof, fam)
	if err != nil {
		t.Fatal(err)
	}
	got := layout.Dump(pages)
	testkit.Golden(t, filepath.Join("testdata", "sample.golden"), []byte(got), *update)
	// The dump is stable: a second layout gives the same text.
	again, _ := layout.Layout(doctest.Long(fam), prof, fam)
	if layout.Dump(again) != got {
		t.Error("two layouts of the same document differ")
	}
}
