package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/internal/testkit"
)

func gitIn(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@x", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@x")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// planRepo makes a git repository of the Mường Khoa plan, one commit, and
// works in it; rel is the plan's path there.
func planRepo(t *testing.T) (repo, rel string) {
	t.Helper()
	testkit.Tool(t, "git", "git")
	plan := copyPlan(t, nil)
	repo = filepath.Dir(filepath.Dir(filepath.Dir(plan)))
	gitIn(t, repo, "init", "-q")
	gitIn(t, repo, "add", ".")
	gitIn(t, repo, "commit", "-qm", "2025")
	t.Chdir(repo)
	return repo, "plans/muong-khoa/2025.yaml"
}

// kehoach diff resolves files, git revisions and REV:PATH in a temporary
// repository; exit status 0 equal, 1 different, 2 error.
func TestDiffGitRevisions(t *testing.T) {
	repo, rel := planRepo(t)

	change := func(edit func(string) string, msg string) {
		b, err := os.ReadFile(rel)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(rel, []byte(edit(string(b))), 0o644); err != nil {
			t.Fatal(err)
		}
		if msg != "" {
			gitIn(t, repo, "commit", "-qam", msg)
		}
	}
	more := func(s string) string {
		for _, r := range [][2]string{{"so_tien: 504", "so_tien: 704"}, {"tong: 3900", "tong: 4100"}, {"tong: 1304", "tong: 1504"}} {
			if !strings.Contains(s, r[0]) {
				t.Fatalf("plan lacks %q", r[0])
			}
			s = strings.Replace(s, r[0], r[1], 1)
		}
		return s
	}

	run1 := func(args ...string) (int, string, string) {
		var o, e bytes.Buffer
		st := run(append([]string{"diff"}, args...), &o, &e)
		return st, o.String(), e.String()
	}
	if st, out, errs := run1(rel); st != 0 || !strings.Contains(out, "Không có thay đổi") {
		t.Fatalf("unchanged working file: %d %q %q", st, out, errs)
	}
	change(more, "") // the Biểu 03 work still spends 504: the plan is invalid
	if st, out, errs := run1(rel); st != 1 || !strings.Contains(out, "Tổng nguồn lực: 3.900 triệu đồng → 4.100 triệu đồng (+200)") || !strings.Contains(out, "Lỗi của "+rel+" (1 lỗi") || errs != "" {
		t.Fatalf("invalid working plan: status %d %q %q", st, out, errs)
	}
	change(func(s string) string {
		return strings.Replace(s, "{nguon: nstw-dau-tu, so_tien: 504}", "{nguon: nstw-dau-tu, so_tien: 704}", 1)
	}, "")
	st, out, errs := run1(rel)
	if st != 1 || !strings.Contains(out, "Tổng nguồn lực: 3.900 triệu đồng → 4.100 triệu đồng (+200)") || !strings.Contains(out, "(HEAD)") {
		t.Fatalf("working file vs HEAD: %d\n%s%s", st, out, errs)
	}
	gitIn(t, repo, "commit", "-qam", "+200")

	tests := []struct {
		args   []string
		status int
		want   string
	}{
		{[]string{"HEAD~1", "HEAD"}, 1, "nguồn “Vốn đầu tư”: 504 triệu đồng → 704 triệu đồng (+200)"},
		{[]string{"HEAD~1:" + rel, "HEAD:" + rel}, 1, "tổng “Vốn Ngân sách Trung ương”: 1.304 triệu đồng → 1.504 triệu đồng (+200)"},
		{[]string{"HEAD~1", rel}, 1, "Tổng nguồn lực"},
		{[]string{"HEAD"}, 0, "Không có thay đổi"},
		{[]string{"-f", "json", "HEAD~1", "HEAD"}, 1, `"chenh": "+200"`},
		{[]string{"-f", "md", "HEAD~1", "HEAD"}, 1, "#### Nguồn lực"},
		{[]string{"khong-co-phien-ban"}, 2, ""},
	}
	for _, tc := range tests {
		st, out, errs := run1(tc.args...)
		if st != tc.status || !strings.Contains(out, tc.want) {
			t.Errorf("diff %v: status %d (want %d)\n%s%s", tc.args, st, tc.status, out, errs)
		}
	}

	// A change of Unicode form alone (NFD) is no difference.
	change(func(s string) string { return strings.Replace(s, "Mường Khoa", "Mu\u031bo\u031b\u0300ng Khoa", -1) }, "NFD")
	if st, out, _ := run1("HEAD~1", "HEAD"); st != 0 {
		t.Errorf("NFD-only commit: status %d\n%s", st, out)
	}
}

// diff -o FILE writes the comparison (UTF-8, no colours) instead of
// printing it, for Windows PowerShell 5.1, whose > writes UTF-16; the
// exit status is as without -o.
func TestDiffOutputFile(t *testing.T) {
	a := copyPlan(t, nil)
	b := copyPlan(t, func(s string) string { return strings.Replace(s, "có 88% hộ", "có 90% hộ", 1) })
	want := func(args ...string) string {
		t.Helper()
		_, out, _ := runArgs(append([]string{"diff"}, args...)...)
		return out
	}
	for _, f := range []string{"text", "md", "json"} {
		file := filepath.Join(t.TempDir(), "nhận xét."+f)
		code, stdout, stderr := runArgs("diff", a, b, "-f", f, "-o", file)
		if code != 1 || stdout != "Đã ghi kết quả so sánh vào "+file+".\n" || stderr != "" {
			t.Errorf("-f %s: exit %d, stdout %q, stderr %q", f, code, stdout, stderr)
		}
		got, err := os.ReadFile(file)
		if err != nil || string(got) != want("-f", f, a, b) || bytes.Contains(got, []byte("\x1b")) || !bytes.Contains(got, []byte("90%")) {
			t.Errorf("-f %s: file %q (%v)", f, got, err)
		}
	}
	if code, _, stderr := runArgs("diff", a, a, "-o", filepath.Join(t.TempDir(), "khong-co", "x.md")); code != 0 || stderr != "" {
		t.Errorf("into a new folder: exit %d, %s", code, stderr)
	}
}

// A REV:PATH argument never passes an option to git (F-16): a revision
// that starts with “-” is refused in Vietnamese before git runs, and
// nothing is written (git show --output=FILE would write FILE).
func TestDiffGitOptionInjection(t *testing.T) {
	_, rel := planRepo(t)
	victim := filepath.Join(t.TempDir(), "x")
	// Where git show --output=VICTIM:plans/… would write: make it writable.
	written := victim + ":./" + rel
	if err := os.MkdirAll(filepath.Dir(written), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"--", "--output=" + victim + ":" + rel, rel},
		{"--", rel, "--output=" + victim + ":" + rel},
		{"--", "--output=" + victim + ":" + rel},
		{"--", "--output=" + victim},
		{"--", "-p:" + rel, rel},
		{"--output=" + victim + ":" + rel, rel},
	} {
		var o, e bytes.Buffer
		st := run(append([]string{"diff"}, args...), &o, &e)
		if st != 2 {
			t.Errorf("diff %q: exit %d, want 2\n%s%s", args, st, o.String(), e.String())
		}
		for _, f := range []string{victim, written} {
			if _, err := os.Stat(f); err == nil {
				t.Fatalf("diff %q: git wrote %s", args, f)
			}
		}
		if strings.Contains(e.String(), "git show") || strings.Contains(e.String(), "fatal") {
			t.Errorf("diff %q: git ran with the option:\n%s", args, e.String())
		}
		if args[0] == "--" && !strings.Contains(e.String(), "không phải tên phiên bản git") && !strings.Contains(e.String(), "không phải tệp kế hoạch") {
			t.Errorf("diff %q: %s", args, e.String())
		}
	}
}
