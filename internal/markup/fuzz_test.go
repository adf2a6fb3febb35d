package markup

import (
	"strings"
	"testing"
	"unicode/utf8"

	"kehoach/internal/testkit"
)

// FuzzParse: parsing never panics, and the runs hold every character of the
// input that is not markup.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"a **b** c", "*x*", `\*`, "***", "**a*b***"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		testkit.Within(t, testkit.FuzzBudget, func() {
			if !utf8.ValidString(s) {
				return // plan text is valid UTF-8: the loader refuses anything else
			}
			runs, err := Parse(s)
			if err != nil {
				return
			}
			var b strings.Builder
			for _, r := range runs {
				b.WriteString(r.Text)
			}
			want := strings.NewReplacer(`\*`, "*", "*", "").Replace(s)
			if !strings.Contains(s, `\*`) && b.String() != want {
				t.Fatalf("Parse(%q) text %q, want %q", s, b.String(), want)
			}
		})
	})
}
