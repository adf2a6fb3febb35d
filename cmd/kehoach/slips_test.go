package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"kehoach/internal/build"
	"kehoach/internal/testkit"
)

// The done-when measure of issue #18: realistic typing slips, written fresh
// (none of them is one of the seed's slips the rules were built on), each
// injected alone into a copy of a corpus plan, on a text line (not a
// comment); a slip is caught when kehoach check (load validation, text
// rules, unfinished-draft checks: everything the command prints) reports a
// finding on the slipped line that the unmodified plan does not draw.
//
// Measured on main on 02/12/2026, before the rules of #18 landed: 10 of 56
// slips caught (17,9%): the hỏi/ngã and missing-tone slips tu-ghep knows,
// three legacy fragments am-tiet sees as non-syllables, and the Nơi nhận
// punctuation plan validation refuses. With the rules of #18 (nham-am, the
// typing-slip rules, the citation and year rules): 46 of 56 (82,1%); 48 (85,7%) once a stray tone key after a marked syllable and a digit after “;” were caught; 50 (89,3%) with i-y (one spelling of tỷ/tỉ, lý/lí … per plan); 51 (91,1%) once the start of a longer word (“chợ nông” of “chợ nông thôn”) no longer explained a neighbour away. The
// target of #18 is 90%. slipFloor
// is what is caught today, so the rate can only ratchet up: raise it when
// rules land (the test logs when the measure is above it), and run
// go test ./cmd/kehoach -run TestSlipCorpus -update to rewrite the
// README's figures.
const slipFloor = 51

// slipTarget is the rate issue #18 asks for, in percent.
const slipTarget = 90

// slipFile lists the slips: one a line, tab-separated class, file (from the
// repository root), the correct text as it stands on one line of the file,
// and the slipped text put in its place; lines starting with # are
// comments.
const slipFile = "../../testdata/slips/slips.tsv"

// slipClasses are the classes of issue #18 in the README's order, with
// the name the README gives them; every class has at least minPerClass
// slips.
var slipClasses = []struct{ id, name string }{
	{"legacy-fragment", "đoạn chữ TCVN3, VNI giữa câu Unicode"},
	{"s/x", ""},
	{"ch/tr", ""},
	{"d/gi/r", ""},
	{"l/n", ""},
	{"i/y", "tỉ lệ, quản lí"},
	{"hỏi/ngã", ""},
	{"missing-tone", "thiếu dấu thanh"},
	{"repeated-word", "lặp từ (của của)"},
	{"telex-residue", "sót phím Telex (khoong, xax)"},
	{"vni-residue", "sót số VNI (xa4)"},
	{"doubled-punct", "lặp dấu câu (,, ..)"},
	{"missing-space", "thiếu dấu cách sau dấu câu"},
	{"agency-abbrev", "gõ sai chữ viết tắt cơ quan (UNBD)"},
	{"qui/quy", "“qui” thay “quy”"},
	{"citation-mismatch", "căn cứ sai ngày, cơ quan, số"},
	{"year-leftover", "năm cũ còn sót"},
	{"noi-nhan-punct", "dấu câu gõ thêm ở Nơi nhận"},
}

const (
	minSlips    = 40
	minPerClass = 2
	minCommunes = 5
)

// typingSlip is one line of slipFile, with the line of the file it is on.
type typingSlip struct {
	class, file, correct, slipped string
	at                            int // line of slipFile
	line                          int // line of file holding correct
}

func readSlips(t *testing.T) []typingSlip {
	t.Helper()
	b, err := os.ReadFile(slipFile)
	if err != nil {
		t.Fatal(err)
	}
	root := testkit.RepoRoot(t)
	known := map[string]bool{}
	for _, c := range slipClasses {
		known[c.id] = true
	}
	var out []typingSlip
	for i, l := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) != 4 {
			t.Fatalf("%s:%d: %d columns, want 4 (class, file, correct, slipped)", slipFile, i+1, len(f))
		}
		s := typingSlip{class: f[0], file: f[1], correct: f[2], slipped: f[3], at: i + 1}
		if !known[s.class] {
			t.Fatalf("%s:%d: unknown class %q", slipFile, s.at, s.class)
		}
		if s.correct == s.slipped || s.correct == "" {
			t.Fatalf("%s:%d: the slipped text must differ from a non-empty correct text", slipFile, s.at)
		}
		src, err := os.ReadFile(filepath.Join(root, s.file))
		if err != nil {
			t.Fatalf("%s:%d: %v", slipFile, s.at, err)
		}
		if n := strings.Count(string(src), s.correct); n != 1 {
			t.Errorf("%s:%d: %q occurs %d times in %s, want once", slipFile, s.at, s.correct, n, s.file)
			continue
		}
		k := strings.Index(string(src), s.correct)
		start := strings.LastIndexByte(string(src[:k]), '\n') + 1
		before := string(src[start:k])
		if strings.HasPrefix(strings.TrimSpace(before), "#") || strings.Contains(before, " #") {
			t.Errorf("%s:%d: %q is in a comment of %s, not in text", slipFile, s.at, s.correct, s.file)
			continue
		}
		s.line = strings.Count(string(src[:k]), "\n") + 1
		out = append(out, s)
	}
	if t.Failed() {
		t.FailNow()
	}
	return out
}

// finding is one line kehoach check prints about a place of a file.
type finding struct {
	file       string // base name
	line       int
	rule, text string // text: the message without the column
}

var findingRe = regexp.MustCompile(`^(.+?):(\d+):\d+: (?:\[([a-z0-9-]+)\] )?(.*)$`)

// checkFindings runs kehoach check on a plan and returns every placed
// finding it prints, the plan's folder written $DIR in the messages (so
// that the findings of two copies compare equal).
func checkFindings(t *testing.T, path string) []finding {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if st := run([]string{"check", path}, &stdout, &stderr); st == 2 {
		t.Fatalf("check %s: status 2\n%s", path, stderr.String())
	}
	var out []finding
	for _, l := range strings.Split(stdout.String()+stderr.String(), "\n") {
		if m := findingRe.FindStringSubmatch(l); m != nil {
			n, _ := strconv.Atoi(m[2])
			text := strings.ReplaceAll(m[4], filepath.Dir(path), "$DIR")
			out = append(out, finding{file: filepath.Base(m[1]), line: n, rule: m[3], text: text})
		}
	}
	return out
}

// copyFolder copies every file of a plan's folder into dir.
func copyFolder(t *testing.T, from, dir string) {
	t.Helper()
	ents, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if e.Type().IsRegular() {
			b, err := os.ReadFile(filepath.Join(from, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// planOf is the yearly plan of a folder.
func planOf(t *testing.T, dir string) string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, "[0-9][0-9][0-9][0-9].yaml"))
	if len(m) != 1 {
		t.Fatalf("%s: %d yearly plans, want 1", dir, len(m))
	}
	return m[0]
}

// slipResult is what check said about one slip: the rules of the new
// findings on its line (none: missed).
type slipResult struct {
	typingSlip
	rules []string
}

// measureSlips injects every slip alone into a copy of its plan's folder
// and runs check.
func measureSlips(t *testing.T, slips []typingSlip) []slipResult {
	t.Helper()
	root := testkit.RepoRoot(t)
	baseline := map[string]map[finding]bool{}
	var out []slipResult
	for _, s := range slips {
		folder := filepath.Join(root, filepath.Dir(s.file))
		if baseline[folder] == nil {
			dir := t.TempDir()
			copyFolder(t, folder, dir)
			baseline[folder] = map[finding]bool{}
			for _, f := range checkFindings(t, planOf(t, dir)) {
				baseline[folder][f] = true
			}
		}
		dir := t.TempDir()
		copyFolder(t, folder, dir)
		path := filepath.Join(dir, filepath.Base(s.file))
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(strings.Replace(string(src), s.correct, s.slipped, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		r := slipResult{typingSlip: s}
		for _, f := range checkFindings(t, planOf(t, dir)) {
			if f.file == filepath.Base(s.file) && f.line == s.line && !baseline[folder][f] {
				rule := f.rule
				if rule == "" {
					rule = "kiểm tra kế hoạch, không mã"
				}
				r.rules = append(r.rules, rule)
			}
		}
		out = append(out, r)
	}
	return out
}

// percent writes n/total as a Vietnamese percentage with one decimal.
func percent(n, total int) string {
	return strings.Replace(strconv.FormatFloat(float64(n)*100/float64(total), 'f', 1, 64), ".", ",", 1) + "%"
}

// slipReport is the README's measured statement: the overall rate, the
// false positives on the correct corpus, and a table by class with the
// rules that caught the slips.
func slipReport(res []slipResult, plans, textFindings int) (string, int) {
	intended := 0
	var why []string
	for k, n := range knownTextFindings {
		intended += n
		file, rule, _ := strings.Cut(k, " ")
		why = append(why, fmt.Sprintf("%d `%s` ở `%s`", n, rule, file))
	}
	sort.Strings(why)
	type row struct {
		caught, total int
		rules         map[string]int
	}
	rows := map[string]*row{}
	caught := 0
	for _, r := range res {
		w := rows[r.class]
		if w == nil {
			w = &row{rules: map[string]int{}}
			rows[r.class] = w
		}
		w.total++
		if len(r.rules) > 0 {
			w.caught++
			caught++
		}
		seen := map[string]bool{}
		for _, rule := range r.rules {
			if !seen[rule] {
				seen[rule] = true
				w.rules[rule]++
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Trên %d lỗi gõ mẫu (`testdata/slips/slips.tsv`: viết mới, không lấy từ các lỗi của văn bản gốc; mỗi lỗi chèn riêng vào một dòng chữ của một kế hoạch mẫu), `kehoach check` báo đúng dòng %d lỗi (%s; mục tiêu %d%%). Văn bản đúng (%d kế hoạch mẫu không sửa): %d cảnh báo chữ sai, ngoài %d cảnh báo cố ý (%s, xem `testdata/corpus/README.md`).\n\n",
		len(res), caught, percent(caught, len(res)), slipTarget, plans, textFindings-intended, intended, strings.Join(why, "; "))
	b.WriteString("| Loại lỗi | Bắt được | Quy tắc đã báo (số lỗi) |\n|---|---|---|\n")
	for _, c := range slipClasses {
		w := rows[c.id]
		if w == nil {
			continue
		}
		var rules []string
		for rule := range w.rules {
			rules = append(rules, rule)
		}
		sort.Strings(rules)
		for i, rule := range rules {
			rules[i] = fmt.Sprintf("`%s` %d", rule, w.rules[rule])
		}
		list := strings.Join(rules, ", ")
		if list == "" {
			list = "—"
		}
		name := "`" + c.id + "`"
		if c.name != "" {
			name += ": " + c.name
		}
		fmt.Fprintf(&b, "| %s | %d/%d | %s |\n", name, w.caught, w.total, list)
	}
	return b.String(), caught
}

const (
	slipStart = "<!-- do-loi-go:bat-dau (tạo bởi go test ./cmd/kehoach -run TestSlipCorpus -update) -->\n"
	slipEnd   = "<!-- do-loi-go:ket-thuc -->"
)

// knownTextFindings are the text findings the unmodified corpus draws on
// purpose (testdata/corpus/README.md, “Cảnh báo”), by plan and rule.
var knownTextFindings = map[string]int{
	"testdata/corpus/phuoc-hiep-dong/2025.yaml ngoac-kep": 2,
}

// corpusTextFindings runs the text checks of kehoach check on every
// unmodified corpus plan and returns each finding as “plan rule”.
func corpusTextFindings(t *testing.T) ([]string, int) {
	t.Helper()
	plans := testkit.CorpusPlans(t)
	var out []string
	for _, p := range plans {
		res, prof, err := build.Load(p, nil)
		if err != nil || !res.OK() {
			t.Fatalf("%s: %v %v", p, err, res.Errors)
		}
		fs, _, err := textFindings(res, prof.ToneStyle)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fs {
			t.Logf("%s", f)
			out = append(out, testkit.RelName(t, p)+" "+f.Rule)
		}
	}
	return out, len(plans)
}

// The unmodified corpus draws no text finding from check but the ones it
// carries on purpose.
func TestCorpusTextClean(t *testing.T) {
	got, _ := corpusTextFindings(t)
	count := map[string]int{}
	for _, k := range got {
		count[k]++
	}
	for k, n := range count {
		if knownTextFindings[k] != n {
			t.Errorf("%s: %d text findings, want %d", k, n, knownTextFindings[k])
		}
	}
	for k, n := range knownTextFindings {
		if count[k] == 0 {
			t.Errorf("%s: no text finding, want %d (update knownTextFindings and testdata/corpus/README.md)", k, n)
		}
	}
}

// The slips of testdata/slips are caught at their line at least as often
// as slipFloor says, and the README says the measured figures.
func TestSlipCorpus(t *testing.T) {
	slips := readSlips(t)
	classes, communes := map[string]int{}, map[string]bool{}
	for _, s := range slips {
		classes[s.class]++
		communes[filepath.Dir(s.file)] = true
	}
	if len(slips) < minSlips {
		t.Errorf("%d slips, want at least %d", len(slips), minSlips)
	}
	for _, c := range slipClasses {
		if classes[c.id] < minPerClass {
			t.Errorf("class %s: %d slips, want at least %d", c.id, classes[c.id], minPerClass)
		}
	}
	if len(communes) < minCommunes {
		t.Errorf("slips in %d communes' plans, want at least %d", len(communes), minCommunes)
	}
	res := measureSlips(t, slips)
	for _, r := range res {
		if len(r.rules) == 0 {
			t.Logf("missed %s:%d [%s] %s:%d %q → %q", slipFile, r.at, r.class, r.file, r.line, r.correct, r.slipped)
		}
	}
	text, plans := corpusTextFindings(t)
	report, caught := slipReport(res, plans, len(text))
	t.Logf("\n%s", report)
	if caught < slipFloor {
		t.Errorf("%d of %d slips caught, below the floor of %d", caught, len(res), slipFloor)
	} else if caught > slipFloor {
		t.Logf("%d slips caught, above the floor of %d: raise slipFloor", caught, slipFloor)
	}
	const readme = "../../README.md"
	b, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i, j := strings.Index(s, slipStart), strings.Index(s, slipEnd)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the markers %q … %q", slipStart, slipEnd)
	}
	if s[i+len(slipStart):j] == report {
		return
	}
	if *testkit.Update {
		if err := os.WriteFile(readme, []byte(s[:i+len(slipStart)]+report+s[j:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md's measured slips are out of date; run go test ./cmd/kehoach -run TestSlipCorpus -update")
}

// A slip counts only for a new finding on its line: a slip on a line that
// already draws a finding, which the slip leaves as it is, is missed; a
// finding without a rule id (plan validation) counts.
func TestMeasureSlipsCountsNewFindingsOnly(t *testing.T) {
	const file = "testdata/corpus/phuoc-hiep-dong/2025.yaml"
	slips := []typingSlip{
		{class: "s/x", file: file, correct: "Phước Hiệp Đông xanh", slipped: "Phước Hiệp Đông sạch", line: 130},
		{class: "noi-nhan-punct", file: file, correct: "(phối hợp)}", slipped: "(phối hợp);}", line: 182},
	}
	got := measureSlips(t, slips)
	want := [][]string{nil, {"kiểm tra kế hoạch, không mã"}}
	for i, r := range got {
		if strings.Join(r.rules, ",") != strings.Join(want[i], ",") {
			t.Errorf("%q → %q: rules %v, want %v", r.correct, r.slipped, r.rules, want[i])
		}
	}
}
