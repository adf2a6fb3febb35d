package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/internal/testkit"
)

// kehoach issue: the exit status and message of every refusal and usage
// error; a refused issue leaves the file as it was.
func TestIssueStatus(t *testing.T) {
	root := t.TempDir()
	good := testkit.CopyPlan(t, root, "muong-khoa", "2025.yaml", nil)
	bad := testkit.CopyPlan(t, root, "sai", "2025.yaml", func(s string) string {
		return strings.Replace(s, "  tong: 3900", "  tong: 3000", 1)
	})
	tests := []struct {
		name   string
		args   []string
		status int
		want   string // in stderr (or stdout on success)
	}{
		{"no arguments", nil, 2, "Cách dùng"},
		{"no number", []string{good, "--ngay", "2025-08-05"}, 2, "cần đúng một tệp kế hoạch, --so và --ngay"},
		{"two plans", []string{good, good, "--so", "1", "--ngay", "2025-08-05"}, 2, "cần đúng một tệp"},
		{"number not a number", []string{good, "--so", "abc", "--ngay", "2025-08-05"}, 2, "--so “abc” không phải là số"},
		{"unknown flag", []string{good, "--x"}, 2, ""},
		{"missing plan", []string{filepath.Join(root, "khong-co.yaml"), "--so", "1", "--ngay", "2025-08-05"}, 2, "tệp không tồn tại"},
		{"zero number", []string{good, "--so", "0", "--ngay", "2025-08-05"}, 1, "số văn bản 0 không hợp lệ"},
		{"negative number", []string{good, "--so", "-5", "--ngay", "2025-08-05"}, 1, "số văn bản -5 không hợp lệ"},
		{"number too large", []string{good, "--so", "100000", "--ngay", "2025-08-05"}, 1, "từ 1 đến 99999"},
		{"no such day", []string{good, "--so", "1", "--ngay", "2025-02-30"}, 1, "không có thật"},
		{"bad date spelling", []string{good, "--so", "1", "--ngay", "5 tháng 8"}, 1, "không đúng dạng"},
		{"date after the plan year", []string{good, "--so", "1", "--ngay", "2026-01-02"}, 1, "chỉ ban hành trong năm 2025 hoặc cuối năm 2024"},
		{"date two years before", []string{good, "--so", "1", "--ngay", "31/12/2023"}, 1, "không hợp lệ cho kế hoạch năm 2025"},
		{"invalid plan", []string{bad, "--so", "1", "--ngay", "2025-08-05"}, 1, "3.000 ≠ 3.900"},
		{"issued in the year before", []string{good, "--ngay", "20/12/2024", "--so", "3"}, 0, "ngày 20 tháng 12 năm 2024"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before, _ := os.ReadFile(good)
			var o, e bytes.Buffer
			code := run(append([]string{"issue"}, tc.args...), &o, &e)
			stdout, stderr := o.String(), e.String()
			if code != tc.status {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tc.status, stdout, stderr)
			}
			if out := stdout + stderr; !strings.Contains(out, tc.want) {
				t.Errorf("output lacks %q:\n%s", tc.want, out)
			}
			if after, _ := os.ReadFile(good); tc.status != 0 && !bytes.Equal(before, after) {
				t.Error("a refused issue changed the file")
			}
		})
	}
}
