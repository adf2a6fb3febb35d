package build

import (
	"fmt"
	"testing"

	"kehoach/internal/fonts"
	"kehoach/internal/layout"
	"kehoach/internal/plan/plantest"
	"kehoach/internal/testkit"
)

// Every rule in the laid-out document (all sections, every plan) has at
// least the profile's white space under it: from the rule's lower edge to
// the top of the next text line below (baseline − ascent) and to the next
// table border below.
func TestRuleGapsLayout(t *testing.T) {
	for _, path := range testkit.PaginationPlans(t) {
		name := testkit.RelName(t, path)
		res, d, err := Compose(path, Options{})
		if err != nil || d == nil {
			t.Errorf("%s does not compose: %v", name, err)
			continue
		}
		pages, err := layout.Layout(d, plantest.Profile(t, res), fonts.Bundled())
		if err != nil {
			t.Fatal(err)
		}
		need := plantest.Profile(t, res).RuleSpaceBelow / fonts.PtPerMM
		rules := 0
		for pi, p := range pages {
			for _, r := range p.Items {
				if r.Role != layout.RoleRule {
					continue
				}
				rules++
				bottom := r.Y + r.Thickness/fonts.PtPerMM/2
				next, what := 1e9, ""
				for _, it := range p.Items {
					switch {
					case it.Kind == layout.KindText && it.Y > r.Y:
						if top := it.Y - testkit.Ascent*it.Size/fonts.PtPerMM; top < next {
							next, what = top, fmt.Sprintf("text %q", it.Text)
						}
					case it.Role == layout.RoleBorder && it.Y == it.Y2 && it.Y > r.Y && it.Y < next:
						next, what = it.Y, "a table border"
					}
				}
				if what == "" {
					continue // nothing below the rule on its page
				}
				gap := (next - bottom) * fonts.PtPerMM
				if gap < need*fonts.PtPerMM-1e-6 {
					t.Errorf("%s page %d: %s is %.2f pt below the %.1f mm rule at y=%.2f mm, want ≥ %g pt",
						name, pi+1, what, gap, r.X2-r.X, r.Y, plantest.Profile(t, res).RuleSpaceBelow)
				}
				if testing.Verbose() {
					t.Logf("%s page %d: %.1f mm rule at y=%.2f mm, %s %.2f pt below", name, pi+1, r.X2-r.X, r.Y, what, gap)
				}
			}
		}
		if rules == 0 {
			t.Errorf("%s: no rules laid out", name)
		}
	}
}
