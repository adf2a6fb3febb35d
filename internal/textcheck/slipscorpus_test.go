package textcheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/internal/plan"
	"kehoach/internal/plan/plantest"
	"kehoach/internal/vntext"
)

// slipRules are the rules of the typing-slip and legacy-fragment checks
// (issue #18, deliver 2 and 3).
var slipRules = map[string]bool{
	vntext.RuleRepeat: true, vntext.RuleTelex: true, vntext.RuleVNIDigits: true, vntext.RuleDoubled: true,
	vntext.RuleNoSpace: true, vntext.RuleAgency: true, vntext.RuleQuiSpelled: true,
	vntext.RuleTCVN3: true, vntext.RuleVNI: true, RuleKinhGui: true,
}

// The correct corpus — every plan of plans/ and testdata/corpus/ and the
// fixed wording of templates/*.tmpl — draws no finding of the slip rules,
// of kinh-gui nor of the signature chain.
func TestSlipRulesQuietOnCorpus(t *testing.T) {
	n := 0
	for _, path := range corpusPlans(t) {
		res, err := plan.Load(path)
		if err != nil || !res.OK() {
			t.Errorf("%s: %v %v", path, err, res.Errors)
			continue
		}
		for _, w := range res.Warnings {
			if strings.Contains(w.Msg, "Nghị định 30, Điều 13") {
				t.Errorf("%s: unexpected %s", path, w)
			}
		}
		n++
		ps, _ := os.ReadFile(res.Plan.File)
		cs, _ := os.ReadFile(res.Plan.Commune.File)
		for _, f := range Check(res.Plan, ps, cs, plantest.Profile(t, res).ToneStyle) {
			if slipRules[f.Rule] {
				t.Errorf("%s: unexpected %s", path, f)
			}
		}
	}
	if n < 10 {
		t.Fatalf("only %d valid corpus plans", n)
	}
	tmpls, _ := filepath.Glob("../../templates/*.tmpl")
	if len(tmpls) == 0 {
		t.Fatal("no templates")
	}
	for _, p := range tmpls {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			for _, f := range vntext.Check(line, vntext.Options{}) {
				if slipRules[f.Rule] {
					t.Errorf("%s:%d: unexpected %s %s in %q", p, i+1, f.Rule, f.Msg, line)
				}
			}
		}
	}
}
