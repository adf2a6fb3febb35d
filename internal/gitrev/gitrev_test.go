package gitrev

import (
	"errors"
	"strings"
	"testing"
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
		"fatal: path 'plans/a.yaml' exists on disk, but not in 'HEAD'":         "chưa commit",
		"fatal: invalid object name 'khong-co'.":                               "không có phiên bản này",
		"fatal: ambiguous argument 'x': unknown revision or path":              "không có phiên bản này",
		"fatal: something new": "git báo lỗi: “something new”",
		"":                     "git dừng với mã lỗi",
	} {
		if got := gitError(stderr, errors.New("exit status 128")).Error(); !strings.Contains(got, want) {
			t.Errorf("gitError(%q) = %q, want %q", stderr, got, want)
		}
	}
}
