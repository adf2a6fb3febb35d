package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"kehoach/internal/testkit"
)

// osEnglish is what the OS and libraries say in English and no message
// may carry (F-21).
var osEnglish = []string{"too many levels", "no such file", "permission denied", "no space left", "read-only file system", "file name too long", "not a directory", "is a directory", "sfnt:", "invalid font"}

// The commands say OS errors in Vietnamese (F-21): a plan that is a
// symlink loop, a font file that is not a font.
func TestOSErrorsVietnamese(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symlinks need privileges on Windows")
	}
	root := t.TempDir()
	good := testkit.CopyPlan(t, root, "muong-khoa", "2025.yaml", nil)
	dir := filepath.Dir(good)
	loop := filepath.Join(dir, "2027.yaml")
	if err := os.Symlink("2027.yaml", loop); err != nil {
		t.Fatal(err)
	}
	notFont := filepath.Join(root, "khong-phai.ttf")
	os.WriteFile(notFont, []byte("không phải phông"), 0o644)
	fonts := strings.Join([]string{notFont, notFont, notFont, notFont}, ",")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"check", dir}, "liên kết tượng trưng (symlink) trỏ vòng quanh"},
		{[]string{"build", "-o", filepath.Join(root, "out"), dir}, "liên kết tượng trưng (symlink) trỏ vòng quanh"},
		{[]string{"fmt", "-l", dir}, "liên kết tượng trưng (symlink) trỏ vòng quanh"},
		{[]string{"print", dir}, "liên kết tượng trưng (symlink) trỏ vòng quanh"},
		{[]string{"issue", loop, "--so", "1", "--ngay", "2027-01-05"}, "liên kết tượng trưng (symlink) trỏ vòng quanh"},
		{[]string{"build", "-phong", fonts, good}, "không phải phông TrueType (.ttf) đọc được"},
	} {
		code, stdout, stderr := runArgs(tc.args...)
		out := stdout + stderr
		if code != 2 || !strings.Contains(out, tc.want) {
			t.Errorf("%v: exit %d, want 2 and %q:\n%s", tc.args, code, tc.want, out)
		}
		for _, en := range osEnglish {
			if strings.Contains(out, en) {
				t.Errorf("%v: English %q in:\n%s", tc.args, en, out)
			}
		}
	}
}
