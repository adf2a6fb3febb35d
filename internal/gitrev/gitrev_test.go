package gitrev

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/internal/testkit"
	"kehoach/internal/yamlx"
)

// A revision that git could take for an option, or with a control
// character, is refused before git runs.
func TestCheckRev(t *testing.T) {
	for _, rev := range []string{"HEAD", "HEAD~1", "main", "v1.0", "HEAD@{2 days ago}", "origin/main^"} {
		if err := checkRev(rev); err != nil {
			t.Errorf("checkRev(%q): %v", rev, err)
		}
	}
	for _, rev := range []string{"", "-p", "--output=/tmp/x", "--end-of-options", "HEAD\x1b[2J", "a\nb"} {
		if err := checkRev(rev); err == nil || !strings.Contains(err.Error(), "không phải tên phiên bản git") {
			t.Errorf("checkRev(%q) = %v", rev, err)
		}
	}
	if _, err := Show("--output=/tmp/x", "plans/a.yaml"); err == nil || !strings.Contains(err.Error(), "không phải tên phiên bản git") {
		t.Errorf("Show: %v", err)
	}
	if _, err := PlanFiles("-p", "plans"); err == nil {
		t.Error("PlanFiles took -p")
	}
	if IsRevision("--all") {
		t.Error("IsRevision(--all)")
	}
}

// git's refusals are said in Vietnamese (F-21), an unknown one quoted.
func TestGitError(t *testing.T) {
	for stderr, want := range map[string]string{
		"fatal: not a git repository (or any of the parent directories): .git": "không nằm trong kho git",
		"fatal: path 'plans/a.yaml' does not exist in 'HEAD'":                  "tệp không có ở phiên bản này",
		"fatal: path 'plans/a.yaml' exists on disk, but not in 'HEAD'":         "tệp không có ở phiên bản này",
		"fatal: invalid object name 'khong-co'.":                               "không có phiên bản này",
		"fatal: ambiguous argument 'x': unknown revision or path":              "không có phiên bản này",
		"fatal: your current branch 'master' does not have any commits yet":    "chưa có commit nào; hãy commit",
		"fatal: something new": "(git báo: “something new”); hãy kiểm tra",
		"":                     "git dừng với mã lỗi",
	} {
		err := gitError(stderr, errors.New("exit status 128"))
		if got := err.Error(); !strings.Contains(got, want) {
			t.Errorf("gitError(%q) = %q, want %q", stderr, got, want)
		}
		// A file the revision lacks is a plan added or removed, not a failure.
		if missing := strings.Contains(stderr, "path '"); errors.Is(err, ErrNotInRevision) != missing {
			t.Errorf("gitError(%q): errors.Is(ErrNotInRevision) = %v", stderr, !missing)
		}
	}
}

// A committed file over the plan limit is refused by its size, before git
// show reads it (#15: every file read with a size limit before reading).
func TestShowChecksSizeFirst(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		testkit.Missing(t, "git is not installed")
		return
	}
	newRepo(t)
	if _, err := Show("HEAD", "big.yaml"); err == nil || !strings.Contains(err.Error(), "tệp quá lớn (4194308 byte, tối đa 4194304 byte) nên không đọc") {
		t.Errorf("Show(big) = %v", err)
	}
	if b, err := Show("HEAD", "small.yaml"); err != nil || string(b) != "nam: 2026\n" {
		t.Errorf("Show(small) = %q, %v", b, err)
	}
}

// newRepo makes a repository in a temporary directory, with big.yaml (one
// line over the plan limit) and small.yaml committed, and changes into it.
func newRepo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@t", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@t")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	run("init", "-q")
	if err := os.WriteFile(filepath.Join(dir, "big.yaml"), bytes.Repeat([]byte("# x\n"), yamlx.MaxFileBytes/4+1), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "small.yaml"), []byte("nam: 2026\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run("add", ".")
	run("commit", "-q", "-m", "x")
	t.Chdir(dir)
	return dir
}

// Reads through the one cat-file process give git show's bytes and
// limits: a file over the limit is refused by its header's size and the
// stream stays in step (the next read is right); a file the revision
// lacks is ErrNotInRevision, an unknown revision git show's message; a
// revision like an option is refused.
func TestReadAtBatch(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		testkit.Missing(t, "git is not installed")
		return
	}
	dir := newRepo(t)
	defer Close()
	for i := 0; i < 2; i++ {
		if _, err := ReadAt("HEAD", "big.yaml"); err == nil || !strings.Contains(err.Error(), "big.yaml ở phiên bản HEAD: tệp quá lớn (4194308 byte, tối đa 4194304 byte) nên không đọc") {
			t.Errorf("ReadAt(big) = %v", err)
		}
		if b, err := ReadAt("HEAD", "small.yaml"); err != nil || string(b) != "nam: 2026\n" {
			t.Errorf("ReadAt(small) = %q, %v", b, err)
		}
	}
	if _, err := ReadAt("HEAD", "none.yaml"); !errors.Is(err, ErrNotInRevision) {
		t.Errorf("ReadAt(none) = %v, want ErrNotInRevision", err)
	}
	if _, err := ReadAt("khong-co", "small.yaml"); err == nil || !strings.Contains(err.Error(), "không có phiên bản này") {
		t.Errorf("ReadAt(khong-co) = %v", err)
	}
	if _, err := ReadAt("--output=x", "small.yaml"); err == nil || !strings.Contains(err.Error(), "không phải tên phiên bản git") {
		t.Errorf("ReadAt(--output) = %v", err)
	}
	// From a subdirectory, paths are relative to it (../ included), and
	// Blobs names files the same way.
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Join(dir, "sub"))
	if b, err := ReadAt("HEAD", "../small.yaml"); err != nil || string(b) != "nam: 2026\n" {
		t.Errorf("ReadAt(../small) = %q, %v", b, err)
	}
	t.Chdir(dir)
	blobs, err := Blobs("HEAD")
	if err != nil {
		t.Fatal(err)
	}
	if got := blobs["small.yaml"]; len(blobs) != 2 || got != "blob 1c5d45cd0386a9428c34b33966101a926914a9d8" {
		t.Errorf("Blobs = %v", blobs)
	}
	if _, err := Blobs("-p"); err == nil {
		t.Error("Blobs took -p")
	}
}
