package draft

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"kehoach/internal/diag"
	"kehoach/internal/plan"
	"kehoach/internal/testkit"
)

// FindLoaded, which takes the bytes and YAML trees Load kept, reports what
// Find reports from the files read and parsed again: for every corpus plan
// and a plan with TODO comments, a review block and a TODO in a text, at
// both severities.
func TestFindLoadedSameAsFind(t *testing.T) {
	todo := testkit.CopyPlan(t, t.TempDir(), "muong-khoa", "2025.yaml", func(s string) string {
		return "# " + ReviewTitle + "\n# " + ReviewBegin + "\n# " + ReviewEnd + "\n" +
			strings.Replace(s, "vùng sản xuất hàng hóa", "vùng TODO hàng hóa", 1) + "# TODO: kiểm tra\n"
	})
	found := 0
	for _, f := range append(testkit.CorpusPlans(t), todo) {
		res, err := plan.Load(f)
		if err != nil || !res.OK() {
			t.Fatalf("%s: %v %v", f, err, res.Errors)
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		csrc, err := os.ReadFile(res.Plan.Commune.File)
		if err != nil {
			t.Fatal(err)
		}
		for _, sev := range []diag.Severity{diag.Warning, diag.Error} {
			want := Find(res.Plan, src, csrc, sev)
			if got := FindLoaded(res, sev); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: FindLoaded\n%v\nFind\n%v", f, got, want)
			}
			found += len(want)
		}
	}
	if found < 6 {
		t.Errorf("only %d findings: the test checks too little", found)
	}
}
