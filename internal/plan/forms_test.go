package plan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/internal/testkit"
)

// TestREADMEInputForms keeps the README's account of accepted number and
// date forms and the loader in step: every form the README names in
// backquotes is accepted or refused exactly as the README says (the JSON
// schema agrees with the loader by TestSchemaAgreesWithLoader).
func TestREADMEInputForms(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(testkit.RepoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		form   string
		date   bool
		accept bool
	}{
		{"1954", false, true}, {"1282.2", false, true}, {"0.5", false, true},
		{"1282,2", false, true}, {"1.282,2", false, true}, {"1.282.000", false, true}, {"1.9540", false, true},
		{"1250", false, true}, {"1.25", false, true},
		{"1.250", false, false}, {"1,250", false, false},
		{"2025-08-05", true, true}, {"05/08/2025", true, true}, {"5/8/2025", true, true},
	}
	for _, tc := range tests {
		if !strings.Contains(string(readme), "`"+tc.form+"`") {
			t.Errorf("README.md does not name the form `%s`", tc.form)
		}
		var err error
		if tc.date {
			var d Date
			err = d.DecodeScalar(tc.form, false)
		} else {
			var n Number
			err = n.DecodeScalar(tc.form, false)
		}
		if (err == nil) != tc.accept {
			t.Errorf("%s: loader says %v, README says accepted=%v", tc.form, err, tc.accept)
		}
	}
}
