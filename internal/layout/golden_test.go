package layout_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/internal/layout"
	"kehoach/internal/layout/layouttest"
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
	pages, err := layout.Layout(layouttest.Document(fam), prof, fam)
	if err != nil {
		t.Fatal(err)
	}
	got := layout.Dump(pages)
	path := filepath.Join("testdata", "sample.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/layout -update)", err)
	}
	if got != string(want) {
		g, w := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(g) || i < len(w); i++ {
			var gl, wl string
			if i < len(g) {
				gl = g[i]
			}
			if i < len(w) {
				wl = w[i]
			}
			if gl != wl {
				t.Fatalf("dump differs from %s at line %d:\n got %s\nwant %s\n(run go test ./internal/layout -update if the change is intended)", path, i+1, gl, wl)
			}
		}
	}
	// The dump is stable: a second layout gives the same text.
	again, _ := layout.Layout(layouttest.Document(fam), prof, fam)
	if layout.Dump(again) != got {
		t.Error("two layouts of the same document differ")
	}
}
