// Package plantest loads plans for tests of the packages that compose and
// render them: the plan with its document profile, which the plan loader
// leaves to the build (build.Preflight).
package plantest

import (
	"testing"

	"kehoach/internal/doc"
	"kehoach/internal/plan"
	"kehoach/internal/style"
)

// Profile returns the document profile of a loaded plan: its commune's
// trinh_bay applied to templates/nd30.yaml. It fails the test when the
// plan has no commune or the profile is invalid.
func Profile(t testing.TB, res *plan.Result) *doc.Profile {
	t.Helper()
	c := res.Plan.Commune
	if c == nil {
		t.Fatalf("%s: no commune file, so no profile", res.Plan.File)
	}
	p, err := style.Load(c.TrinhBay)
	if err != nil {
		t.Fatalf("%s: profile: %v", c.File, err)
	}
	return p
}
