package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"kehoach/internal/plan"
	"kehoach/internal/testkit"
)

// repoGit runs git in dir (no user or system configuration) and returns
// its output.
func repoGit(t *testing.T, git, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command(git, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// finish does by hand what the review block of a draft asks, the way a
// văn thư would: every amount back to last year's (the TODO comment gives
// it), the TODO comments and the review block deleted.
func finish(s string) string {
	s = amountTodo.ReplaceAllString(s, "so_tien: $1")
	var out []string
	inBlock := false
	for _, l := range strings.SplitAfter(s, "\n") {
		t := strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(t, "# ==== KẾ HOẠCH NĂM"):
			inBlock = true
		case strings.HasPrefix(t, "# ==== HẾT PHẦN CẦN XEM LẠI ===="):
			inBlock = false
			continue
		}
		if inBlock || strings.HasPrefix(t, "# TODO") || strings.HasPrefix(t, "# Ghi chú đầu tệp của kế hoạch năm") {
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "")
}

var amountTodo = regexp.MustCompile(`so_tien: 0 # TODO: nhập số tiền năm \d+ \(năm \d+: ([0-9.,]+)\)`)

// The unfinished lines of a check or issue report, by rule.
var unfinishedLine = regexp.MustCompile(`(?m)^(.+):(\d+):(\d+): \[(todo|khoi-xem-lai|so-tien-0|de-trong)\] (.+) — gợi ý: (.+)$`)

// A draft straight from kehoach new, in a plan repository: check reports
// every unfinished place as a warning (an error with -nghiem-ngat), issue
// refuses with the list and leaves the file as it was, issues it only with
// --chua-xong, and issues the same draft without it once finished.
func TestUnfinishedDraft(t *testing.T) {
	git := testkit.Tool(t, "git", "git")
	root := testkit.RepoRoot(t)
	for _, tc := range []struct {
		folder, plan string
		year         int
		from         string // how new is told the source: --tu, or the old --from
	}{
		{"plans/muong-khoa", "2025.yaml", 2026, "--from"},
		{"testdata/corpus/binh-lac-dien", "2027.yaml", 2028, "--tu"},
	} {
		t.Run(tc.folder, func(t *testing.T) {
			repo := t.TempDir()
			name := filepath.Base(tc.folder)
			dir := filepath.Join(repo, "plans", name)
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			for _, f := range []string{tc.plan, "xa.yaml"} {
				b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(tc.folder), f))
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			repoGit(t, git, repo, "init", "-q")
			repoGit(t, git, repo, "add", ".")
			repoGit(t, git, repo, "commit", "-q", "-m", "kế hoạch năm trước")
			t.Chdir(repo)

			src := filepath.Join("plans", name, tc.plan)
			if code, stdout, stderr := runArgs("new", tc.from, src, strconv.Itoa(tc.year)); code != 0 {
				t.Fatalf("new: exit %d\n%s%s", code, stdout, stderr)
			}
			p := filepath.Join("plans", name, strconv.Itoa(tc.year)+".yaml")
			draftBytes, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			text := string(draftBytes)
			// What the draft holds, counted on its text.
			want := map[string]int{
				"todo":         strings.Count(text, "# TODO: "),
				"so-tien-0":    len(amountTodo.FindAllString(text, -1)),
				"khoi-xem-lai": 1 + strings.Count(text, "\n# Ghi chú đầu tệp của kế hoạch năm "),
			}
			total := want["todo"] + want["so-tien-0"] + want["khoi-xem-lai"]
			if want["todo"] < 10 || want["so-tien-0"] < 5 {
				t.Fatalf("the draft has %v: too few marks to test", want)
			}
			// listed checks the unfinished places a report lists: all of
			// them with their rules, or the first 50 and a line counting the
			// rest, as every list of diagnostics is capped.
			listed := func(what, report string, warning bool) {
				t.Helper()
				got, n := map[string]int{}, 0
				for _, m := range unfinishedLine.FindAllStringSubmatch(report, -1) {
					got[m[4]]++
					n++
					if m[1] != p {
						t.Errorf("%s: in another file: %s", what, m[0])
					}
					if strings.HasSuffix(m[6], " (cảnh báo)") != warning {
						t.Errorf("%s: warning %v, want %v: %s", what, !warning, warning, m[0])
					}
				}
				word := "lỗi"
				if warning {
					word = "cảnh báo"
				}
				rest := fmt.Sprintf("… và %d %s khác", total-50, word)
				switch {
				case total <= 50 && fmt.Sprint(got) != fmt.Sprint(want):
					t.Errorf("%s lists %v, want %v:\n%s", what, got, want, report)
				case total > 50 && (n != 50 || !strings.Contains(report, rest)):
					t.Errorf("%s lists %d places of %d, want 50 and “%s”:\n%s", what, n, total, rest, report)
				}
				for rule, k := range got {
					if k > want[rule] {
						t.Errorf("%s lists %d [%s], want at most %d", what, k, rule, want[rule])
					}
				}
			}

			// check: valid, every unfinished place a positioned warning.
			code, stdout, stderr := runArgs("check", p)
			if code != 0 {
				t.Fatalf("check: exit %d\n%s%s", code, stdout, stderr)
			}
			listed("check", stderr, true)
			if w := fmt.Sprintf("nhưng còn %d chỗ chưa xong của dự thảo; sửa hết rồi mới ban hành được", total); !strings.Contains(stdout, w) {
				t.Errorf("check's summary lacks %q:\n%s", w, stdout)
			}

			// check -nghiem-ngat (or -strict): the same places, as errors.
			for _, flag := range []string{"-nghiem-ngat", "-strict"} {
				code, stdout, stderr := runArgs("check", flag, p)
				if code != 1 {
					t.Errorf("check %s: exit %d, want 1\n%s%s", flag, code, stdout, stderr)
				}
				listed("check "+flag, stderr, false)
				if w := fmt.Sprintf("%s: %d chỗ chưa xong (lỗi vì -nghiem-ngat)", p, total); !strings.Contains(stderr, w) {
					t.Errorf("check %s lacks %q:\n%s", flag, w, stderr)
				}
			}

			// issue: refused, with the list (capped as every list of
			// errors), and the file is left as it was.
			status := repoGit(t, git, repo, "status", "--porcelain")
			date := fmt.Sprintf("%d-01-15", tc.year)
			code, stdout, stderr = runArgs("issue", p, "--so", "7", "--ngay", date)
			if code != 1 || stdout != "" {
				t.Errorf("issue: exit %d, want 1\n%s", code, stdout)
			}
			if w := fmt.Sprintf("kehoach issue: %s: kế hoạch còn %d chỗ chưa xong", p, total); !strings.HasPrefix(stderr, w) || !strings.Contains(stderr, "thêm --chua-xong") {
				t.Errorf("issue's refusal does not start with %q nor say --chua-xong:\n%s", w, stderr)
			}
			listed("issue", stderr, false)
			if after, _ := os.ReadFile(p); !bytes.Equal(after, draftBytes) {
				t.Error("a refused issue changed the plan file")
			}
			if after := repoGit(t, git, repo, "status", "--porcelain"); after != status {
				t.Errorf("a refused issue changed the repository:\n%s\nwas:\n%s", after, status)
			}

			// issue --chua-xong, on a copy of the draft: issued as it is,
			// saying so.
			asIs := filepath.Join("plans", name, strconv.Itoa(tc.year)+"-nhu-hien-co.yaml")
			if err := os.WriteFile(asIs, draftBytes, 0o644); err != nil {
				t.Fatal(err)
			}
			code, stdout, stderr = runArgs("issue", asIs, "--so", "8", "--ngay", date, "--chua-xong")
			if code != 0 || !strings.Contains(stdout, fmt.Sprintf("ban hành dù còn %d chỗ chưa xong (--chua-xong)", total)) {
				t.Errorf("issue --chua-xong: exit %d\n%s%s", code, stdout, stderr)
			}
			if res, err := plan.Load(asIs); err != nil || !res.OK() || res.Plan.IsDraft() || res.Plan.VanBan.So != 8 {
				t.Errorf("issue --chua-xong did not issue the plan: %v %v", err, res.Errors)
			}

			// Finished by hand, the draft checks clean, even with
			// -nghiem-ngat, and is issued.
			if err := os.WriteFile(p, []byte(finish(text)), 0o644); err != nil {
				t.Fatal(err)
			}
			code, stdout, stderr = runArgs("check", "-nghiem-ngat", p)
			if code != 0 || strings.Contains(stdout, "chưa xong") || unfinishedLine.MatchString(stderr) {
				t.Errorf("check -nghiem-ngat of the finished plan: exit %d\n%s%s", code, stdout, stderr)
			}
			if code, stdout, stderr = runArgs("issue", p, "--so", "7", "--ngay", date); code != 0 || strings.Contains(stdout, "chưa xong") {
				t.Errorf("issue of the finished plan: exit %d\n%s%s", code, stdout, stderr)
			}
		})
	}
}

// Finished plans have no unfinished warnings: check -nghiem-ngat passes on
// every plan of plans/ and testdata/corpus, and prints none of its rules.
func TestFinishedPlansCheckStrict(t *testing.T) {
	root := testkit.RepoRoot(t)
	code, stdout, stderr := runArgs("check", "-nghiem-ngat", filepath.Join(root, "plans"), filepath.Join(root, "testdata", "corpus"))
	if code != 0 || unfinishedLine.MatchString(stderr) || strings.Contains(stdout, "chưa xong") {
		t.Errorf("exit %d\n%s%s", code, stdout, stderr)
	}
	if n := strings.Count(stdout, ": hợp lệ ("); n < testkit.MinCorpusPlans {
		t.Errorf("%d plans checked, want at least %d:\n%s", n, testkit.MinCorpusPlans, stdout)
	}
}
