package draft_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/internal/diag"
	"kehoach/internal/draft"
	"kehoach/internal/plan"
	"kehoach/internal/rollover"
	"kehoach/internal/testkit"
)

// A draft straight from kehoach new (rollover.Next) is unfinished in
// exactly the places it marks: one RuleTodo at each of its TODO comments
// (the lines it reports, one for every "# TODO: " it wrote), one RuleZero
// for every amount it set to 0, the review block (and the line above the
// previous year's head comments, when it kept some), and nothing else.
func TestNewDraftIsUnfinished(t *testing.T) {
	root := testkit.RepoRoot(t)
	for _, tc := range []struct {
		src  string
		year int
		old  bool // the source has head comments of its own
	}{
		{"plans/muong-khoa/2025.yaml", 2026, true},               // into the 2026 - 2030 period
		{"testdata/corpus/binh-lac-dien/2027.yaml", 2028, false}, // within it
		{"testdata/corpus/tan-phuoc-dien/2025.yaml", 2026, true},
	} {
		t.Run(tc.src, func(t *testing.T) {
			from := filepath.Join(root, filepath.FromSlash(tc.src))
			src, err := os.ReadFile(from)
			if err != nil {
				t.Fatal(err)
			}
			target := rollover.Target(from, tc.year)
			out, rep, err := rollover.Next(from, src, target, tc.year)
			if err != nil {
				t.Fatal(err)
			}
			res, err := plan.LoadBytes(target, out, plan.ReadFile)
			if err != nil || !res.OK() {
				t.Fatalf("the draft does not load: %v %v", err, res.Errors)
			}
			cs, err := os.ReadFile(res.Plan.Commune.File)
			if err != nil {
				t.Fatal(err)
			}
			got := draft.Find(res.Plan, out, cs, diag.Warning)
			count := map[string]int{}
			todoLines := map[int]bool{}
			for _, d := range got {
				count[d.Rule]++
				if d.Rule == draft.RuleTodo {
					todoLines[d.Pos.Line] = true
				}
				if d.File != target || d.Pos.IsZero() || d.Hint == "" {
					t.Errorf("unplaced or without a hint: %s", d)
				}
			}
			review := 1 + strings.Count(string(out), "\n# Ghi chú đầu tệp của kế hoạch năm ")
			want := map[string]int{
				draft.RuleTodo:   strings.Count(string(out), "# TODO: "),
				draft.RuleZero:   rep.Amounts,
				draft.RuleReview: review,
			}
			for rule, n := range want {
				if count[rule] != n {
					t.Errorf("%d diagnostics [%s], want %d", count[rule], rule, n)
				}
			}
			if len(got) != want[draft.RuleTodo]+want[draft.RuleZero]+review {
				t.Errorf("%d diagnostics, want only those:\n%v", len(got), got)
			}
			if rep.Amounts == 0 || want[draft.RuleTodo] == 0 {
				t.Errorf("the draft has %d amounts and %d TODO comments: nothing to test", rep.Amounts, want[draft.RuleTodo])
			}
			// What new reports on the terminal is where check points.
			if len(rep.TodoLines) != len(todoLines) {
				t.Errorf("new reports %d TODO lines, check %d", len(rep.TodoLines), len(todoLines))
			}
			for _, l := range rep.TodoLines {
				if !todoLines[l.Line] {
					t.Errorf("new reports a TODO at line %d (%s), check does not", l.Line, l.Text)
				}
			}
		})
	}
}
