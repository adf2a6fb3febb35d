package plandiff

import (
	"os"
	"testing"

	"kehoach/internal/plan"
	"kehoach/internal/testkit"
)

// FuzzDiff: comparing any two valid plans never panics, a plan equals
// itself, and a difference one way is a difference the other way.
func FuzzDiff(f *testing.F) {
	base, err := os.ReadFile("../plan/testdata/minimal.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(base, base)
	f.Add(base, []byte(string(base)+"\nngoai_le: [x]\n"))
	load := func(b []byte) *plan.Plan {
		res, err := plan.LoadBytes("../plan/testdata/p.yaml", b, os.ReadFile)
		if err != nil || !res.OK() {
			return nil
		}
		return res.Plan
	}
	f.Fuzz(func(t *testing.T, a, b []byte) {
		testkit.Within(t, testkit.FuzzBudget, func() {
			pa, pb := load(a), load(b)
			if pa == nil || pb == nil {
				return
			}
			if r := Compare(pa, pa); !r.Equal() {
				t.Fatalf("a plan differs from itself:\n%s", r.Text(false))
			}
			ab, ba := Compare(pa, pb), Compare(pb, pa)
			if ab.Equal() != ba.Equal() {
				t.Fatalf("asymmetric: %v vs %v", ab.Equal(), ba.Equal())
			}
			_ = ab.Markdown()
			if _, err := ab.JSON(); err != nil {
				t.Fatal(err)
			}
		})
	})
}
