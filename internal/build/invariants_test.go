package build

import (
	"path/filepath"
	"regexp"
	"testing"

	"kehoach/internal/annex"
	"kehoach/internal/fonts"
	"kehoach/internal/layout"
	"kehoach/internal/plan/plantest"
	"kehoach/internal/testkit"
)

// trailingZero is a Vietnamese decimal with a zero at its end ("9.511,0",
// "10.100,00", "640,50"): a number printed beyond the precision of its data.
var trailingZero = regexp.MustCompile(`\d,\d*0(\D|$)`)

// TestCorpusInvariants lays out every corpus plan and checks the layout
// invariants (layout.Check: no cut word, no wrapped line starting with a
// phrase dash, no broken keep chain, 6 pt under every rule) and that every
// number of the document and its annexes prints to the precision of its
// data (no trailing decimal zero).
func TestCorpusInvariants(t *testing.T) {
	root := testkit.RepoRoot(t)
	for _, path := range testkit.CorpusPlans(t) {
		rel, _ := filepath.Rel(root, path)
		t.Run(filepath.ToSlash(rel), func(t *testing.T) {
			t.Parallel()
			res, d, err := Compose(path, Options{})
			if err != nil || d == nil {
				t.Fatalf("compose: %v %v", err, res)
			}
			pages, err := layout.Layout(d, plantest.Profile(t, res), fonts.Bundled())
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range layout.Check(pages) {
				t.Errorf("%s [%s]", p.Message(), p.Code)
			}
			for _, s := range d.Sections {
				for _, text := range testkit.BlockTexts(s.Blocks) {
					if m := trailingZero.FindString(text); m != "" {
						t.Errorf("number with a trailing decimal zero %q in %q", m, text)
					}
				}
			}
			sheets, err := annex.Sheets(res.Plan)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range sheets {
				for _, r := range s.Rows {
					for _, c := range r.Cells {
						if c.IsNumber() && trailingZero.MatchString(c.String()) {
							t.Errorf("Biểu %s: %q", s.Number, c.String())
						}
					}
				}
			}
		})
	}
}
