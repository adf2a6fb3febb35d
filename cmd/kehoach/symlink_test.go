package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kehoach/internal/testkit"
)

// linkedPlan makes root/plans/mk/2025.yaml a symlink to the shared master
// plan root/chung/2025.yaml (saved by Notepad: BOM and CRLF, edited with
// edit), beside a regular commune file, and returns both paths.
func linkedPlan(t *testing.T, root string, edit func(string) string) (link, target string) {
	t.Helper()
	testkit.CopyPlan(t, root, "mk", "2025.yaml", nil)
	link = filepath.Join(root, "plans", "mk", "2025.yaml")
	src, _ := os.ReadFile(link)
	s := string(src)
	if edit != nil {
		s = edit(s)
	}
	s = "\ufeff" + strings.ReplaceAll(s, "\n", "\r\n")
	target = filepath.Join(root, "chung", "2025.yaml")
	os.MkdirAll(filepath.Dir(target), 0o755)
	if err := os.WriteFile(target, []byte(s), 0o640); err != nil {
		t.Fatal(err)
	}
	os.Remove(link)
	symlink(t, filepath.Join("..", "..", "chung", "2025.yaml"), link)
	return link, target
}

// stillLink checks that link is still a symlink and that target holds
// want, in its BOM and CRLF, with its permissions, and no temporary file
// beside either.
func stillLink(t *testing.T, link, target, want string) {
	t.Helper()
	st, err := os.Lstat(link)
	if err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("%s is no longer a symlink (%v, %v): the link was replaced by a copy", link, st.Mode(), err)
	}
	b, _ := os.ReadFile(target)
	if !bytes.HasPrefix(b, []byte("\ufeff")) || bytes.Count(b, []byte("\r\n")) != bytes.Count(b, []byte("\n")) {
		t.Errorf("%s lost its BOM or CRLF line ends", target)
	}
	if !strings.Contains(string(b), want) {
		t.Errorf("%s lacks %q: the change did not reach the target", target, want)
	}
	if ts, _ := os.Stat(target); ts.Mode().Perm() != 0o640 {
		t.Errorf("%s has mode %v, want 0640 kept", target, ts.Mode().Perm())
	}
	for _, d := range []string{filepath.Dir(link), filepath.Dir(target)} {
		ents, _ := os.ReadDir(d)
		for _, e := range ents {
			if strings.HasSuffix(e.Name(), ".tmp") {
				t.Errorf("temporary file %s left in %s", e.Name(), d)
			}
		}
	}
}

// fmt -w, check -fix and issue on a symlinked plan (F-14) edit the plan it
// points to, in place, keeping its BOM, CRLF and permissions; the link
// stays a link. Before, each replaced the link by an edited copy and left
// the shared plan as it was (after issue, still a draft).
func TestSymlinkedPlanEditedAtTarget(t *testing.T) {
	unixOnly(t)
	t.Run("fmt -w", func(t *testing.T) {
		root := t.TempDir()
		link, target := linkedPlan(t, root, func(s string) string { return strings.Replace(s, "nam: 2025\n", "nam:    2025\n", 1) })
		if st, o, e := runSoon(t, root, "fmt", "-w", link); st != 0 || !strings.Contains(o, "đã định dạng lại") {
			t.Fatalf("exit %d\n%s%s", st, o, e)
		}
		stillLink(t, link, target, "\r\nnam: 2025\r\n")
	})
	t.Run("check -fix", func(t *testing.T) {
		root := t.TempDir()
		link, target := linkedPlan(t, root, func(s string) string {
			return strings.Replace(s, "có 88% hộ gia đình", "có  88% hộ gia đình", 1)
		})
		if st, o, e := runSoon(t, root, "check", "-fix", link); st != 0 || !strings.Contains(o, "đã sửa") {
			t.Fatalf("exit %d\n%s%s", st, o, e)
		}
		stillLink(t, link, target, "có 88% hộ gia đình")
	})
	t.Run("issue", func(t *testing.T) {
		root := t.TempDir()
		link, target := linkedPlan(t, root, nil)
		other := testkit.CopyPlan(t, root, "mk", "2025-bo-sung.yaml", nil)
		if st, o, e := runSoon(t, root, "issue", link, "--so", "125", "--ngay", "2025-08-05"); st != 0 {
			t.Fatalf("exit %d\n%s%s", st, o, e)
		}
		stillLink(t, link, target, "  so: 125\r\n")
		// The number is seen through the link by the next issue.
		if st, _, e := runSoon(t, root, "issue", other, "--so", "125", "--ngay", "2025-08-06"); st != 1 || !strings.Contains(e, "số 125 đã dùng") {
			t.Errorf("exit %d, want 125 refused as used:\n%s", st, e)
		}
	})
}

// A plans folder that is a symlink to a shared folder (F-18) is followed:
// check and build with no argument find its plans (before: “không có tệp
// kế hoạch nào”), and issue's number check walks it (before, a number used
// in another folder of the commune was given again).
func TestSymlinkedPlansFolder(t *testing.T) {
	unixOnly(t)
	shared := t.TempDir()
	testkit.CopyPlan(t, shared, "mk", "2025.yaml", nil)
	// Another folder of the commune, with a plan issued as 125 (moved in
	// after the build: two 2025 plans of one commune would collide).
	later := t.TempDir()
	testkit.CopyPlan(t, later, "mk-cu", "ke-hoach.yaml", func(s string) string {
		s = strings.Replace(s, "  so: # dự thảo: văn thư điền số khi ban hành (kehoach issue)\n", "  so: 125\n", 1)
		return strings.Replace(s, "  ngay: # dự thảo\n", "  ngay: 2025-01-15\n", 1)
	})
	root := t.TempDir()
	os.Mkdir(filepath.Join(root, ".git"), 0o755)
	symlink(t, filepath.Join(shared, "plans"), filepath.Join(root, "plans"))

	if st, o, e := runSoon(t, root, "check"); st != 0 || !strings.Contains(o, filepath.FromSlash("plans/mk/2025.yaml: hợp lệ")) {
		t.Fatalf("check: exit %d\n%s%s", st, o, e)
	}
	if st, o, e := runSoon(t, root, "fmt", "-l"); st != 0 {
		t.Errorf("fmt -l: exit %d\n%s%s", st, o, e)
	}
	if st, o, e := runSoon(t, root, "build", "-o", "out"); st != 0 || !strings.Contains(o, filepath.FromSlash("plans/mk/2025.yaml → out/ke-hoach-ntm-2025-muong-khoa.pdf")) {
		t.Fatalf("build: exit %d\n%s%s", st, o, e)
	}
	if err := os.Rename(filepath.Join(later, "plans", "mk-cu"), filepath.Join(shared, "plans", "mk-cu")); err != nil {
		t.Fatal(err)
	}
	st, o, e := runSoon(t, root, "issue", filepath.FromSlash("plans/mk/2025.yaml"), "--so", "125", "--ngay", "2025-08-05")
	if st != 1 || !strings.Contains(e, "số 125 đã dùng") || !strings.Contains(e, filepath.FromSlash("plans/mk-cu/ke-hoach.yaml")) {
		t.Errorf("issue: exit %d, want 125 refused as used by plans/mk-cu/ke-hoach.yaml\n%s%s", st, o, e)
	}
	if _, err := os.Lstat(filepath.Join(shared, "plans", ".kehoach-issue.lock")); !os.IsNotExist(err) {
		t.Errorf("lock file left: %v", err)
	}
}

// Temporary files that a killed fmt -w, check -fix or issue left beside a
// plan (F-15) are removed by the next run writing there, and by build,
// once stale; files not named as the tool names them are kept.
func TestStaleTempFilesBesidePlans(t *testing.T) {
	root := t.TempDir()
	plan := testkit.CopyPlan(t, root, "mk", "2025.yaml", nil)
	dir := filepath.Dir(plan)
	old := time.Now().Add(-time.Hour)
	mk := func(name string, stale bool) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte("dở"), 0o600)
		if stale {
			os.Chtimes(p, old, old)
		}
		return p
	}
	for _, args := range [][]string{
		{"build", "-o", filepath.Join(root, "out"), plan},
		{"issue", plan, "--so", "7", "--ngay", "2025-08-05"},
	} {
		gone := mk(".2025.yaml.1234567.tmp", true)
		young := mk(".2025.yaml.7654321.tmp", false)
		other := mk(".ghi-chu.tmp", true)
		if st, o, e := runSoon(t, root, args...); st != 0 {
			t.Fatalf("%v: exit %d\n%s%s", args, st, o, e)
		}
		if _, err := os.Stat(gone); !os.IsNotExist(err) {
			t.Errorf("%s: stale temporary file kept", args[0])
		}
		for _, p := range []string{young, other} {
			if _, err := os.Stat(p); err != nil {
				t.Errorf("%s removed %s: %v", args[0], filepath.Base(p), err)
			}
			os.Remove(p)
		}
	}
}
