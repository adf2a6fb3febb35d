package textcheck

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"kehoach/internal/plan/plantest"
	"kehoach/internal/vntext"
)

// yearPlan matches the file names of plans (2025.yaml), not commune files
// (xa.yaml) nor provincial criteria sets (bo-tieu-chi-*.yaml).
var yearPlan = regexp.MustCompile(`^\d{4}\.yaml$`)

// corpusPlans lists every plan of plans/ and testdata/corpus/.
func corpusPlans(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, root := range []string{"../../plans", "../../testdata/corpus"} {
		err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && yearPlan.MatchString(d.Name()) {
				out = append(out, path)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(out) < 10 {
		t.Fatalf("found %d corpus plans, want at least 10: %v", len(out), out)
	}
	return out
}

// tmplAction is a template action or comment; its value is unknown text.
var tmplAction = regexp.MustCompile(`(?s)\{\{.*?\}\}`)

// templateTexts returns the fixed wording of templates/*.tmpl, one string
// per piece of text between two actions (an inserted value ends a piece) and
// the inline markup (**, *) removed.
func templateTexts(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../../templates/*.tmpl")
	if err != nil || len(files) < 2 {
		t.Fatalf("templates: %v %v", files, err)
	}
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src := regexp.MustCompile(`(?s)\{\{-?\s*/\*.*?\*/\s*-?\}\}`).ReplaceAllString(string(b), "")
		src = tmplAction.ReplaceAllString(src, "\n")
		src = strings.ReplaceAll(src, "*", "")
		for _, line := range strings.Split(src, "\n") {
			if line = strings.TrimSpace(line); line != "" {
				out = append(out, line)
			}
		}
	}
	return out
}

// criteriaName matches the names (ten) and descriptions of the criteria sets.
// A quoted value ends at its closing quote, a plain one at the end of the
// line or of its flow mapping.
var criteriaName = regexp.MustCompile(`(?m)\b(?:ten|ten_ngan|mo_ta|noi_dung): (?:"([^"\n]*)"|([^"{}\n#>|][^}\n#]*))`)

// criteriaTexts returns the names in templates/tieu-chi and the programme
// periods (templates/giai-doan).
func criteriaTexts(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, root := range []string{"../../templates/tieu-chi", "../../templates/giai-doan"} {
		err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".yaml") {
				return err
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, m := range criteriaName.FindAllStringSubmatch(string(b), -1) {
				s := strings.TrimSpace(m[1] + m[2])
				if s != "" {
					out = append(out, s)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// words counts the tokens of s that contain a letter.
func words(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		if strings.IndexFunc(w, func(r rune) bool { return r >= 'A' && (r <= 'Z' || r >= 'a') }) >= 0 {
			n++
		}
	}
	return n
}

// deliberate are the findings a corpus plan provokes on purpose (listed in
// testdata/corpus/README.md, "Cảnh báo"): the straight quotes that test
// escaping.
var deliberate = map[string]bool{
	"../../testdata/corpus/phuoc-hiep-dong/2025.yaml:130:68 ngoac-kep": true,
	"../../testdata/corpus/phuoc-hiep-dong/2025.yaml:130:89 ngoac-kep": true,
}

// Correct administrative Vietnamese draws no finding (issue 18, deliver 4):
// the text fields of every corpus plan (through textcheck.Check, as
// `kehoach check` sees them), the fixed wording of the templates and the
// names of the criteria sets (through vntext.Check). At least 5.000 words
// are checked.
func TestPrecisionCorpus(t *testing.T) {
	total := 0
	for _, path := range corpusPlans(t) {
		res, ps, cs := load(t, path)
		for _, f := range fields(res.Plan, ps, cs) {
			if !skip(f.path) {
				total += words(f.text)
			}
		}
		for _, f := range Check(res.Plan, ps, cs, plantest.Profile(t, res).ToneStyle) {
			if deliberate[fmt.Sprintf("%s:%d:%d %s", f.File, f.Pos.Line, f.Pos.Col, f.Rule)] {
				continue
			}
			t.Errorf("%s: unexpected finding: %s", path, f)
		}
	}
	plans := total
	for _, group := range [][]string{templateTexts(t), criteriaTexts(t)} {
		for _, s := range group {
			total += words(s)
			for _, f := range vntext.Check(s, vntext.Options{}) {
				t.Errorf("%q in %q: unexpected finding [%s] %s — %s", s[f.Start:f.End], s, f.Rule, f.Msg, f.Suggest)
			}
		}
	}
	t.Logf("precision corpus: %d words checked (%d in plans), no finding expected", total, plans)
	if total < 5000 {
		t.Errorf("precision corpus has %d words, want at least 5.000", total)
	}
}
