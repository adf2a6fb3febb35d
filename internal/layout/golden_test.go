package layout_test

import (
	"math"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/internal/doc/doctest"
	"kehoach/internal/layout"
	"kehoach/internal/testkit"
)

var update = testkit.Update

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

// Layout places the words of justified lines (#16: the PDF renderer
// measured them again): the words are Text's, in order; the first starts
// at the item's X; each follows the one before by its advance and a space
// widened by WordSpacing; the last ends where the item does.
func TestJustifiedWords(t *testing.T) {
	pages, err := layout.Layout(doctest.Long(fam), prof, fam)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, pg := range pages {
		for _, it := range pg.Items {
			if it.WordSpacing == 0 {
				if it.Words != nil {
					t.Errorf("words on an unjustified item %q", it.Text)
				}
				continue
			}
			n++
			var words []string // split at U+0020 only: U+00A0 binds
			for _, w := range strings.Split(it.Text, " ") {
				if w != "" {
					words = append(words, w)
				}
			}
			if got, want := len(it.Words), len(words); got != want {
				t.Fatalf("%q: %d words, want %d", it.Text, got, want)
			}
			space := fam.WidthMM(it.Style, it.Size, " ") + it.WordSpacing
			for k, w := range it.Words {
				if w.Text != words[k] {
					t.Errorf("%q: word %d is %q", it.Text, k, w.Text)
				}
				if k == 0 && !strings.HasPrefix(it.Text, " ") && w.X != it.X {
					t.Errorf("%q: first word at %v, item at %v", it.Text, w.X, it.X)
				}
				if k > 0 {
					prev := it.Words[k-1]
					if gap := w.X - prev.X - fam.WidthMM(it.Style, it.Size, prev.Text); math.Abs(gap-space) > 1e-9 {
						t.Errorf("%q: %q follows %q by %v mm, want %v", it.Text, w.Text, prev.Text, gap, space)
					}
				}
			}
			last := it.Words[len(it.Words)-1]
			end := last.X + fam.WidthMM(it.Style, it.Size, last.Text)
			if trail := strings.HasSuffix(it.Text, " "); !trail && math.Abs(end-(it.X+it.W)) > 0.01 {
				t.Errorf("%q: last word ends at %v, the item at %v", it.Text, end, it.X+it.W)
			}
		}
	}
	if n == 0 {
		t.Fatal("the sample has no justified line")
	}
}
