package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/internal/testkit"
)

// newPlan copies the 2025 plan of Mường Khoa and its commune file into a
// temporary plans/muong-khoa/ folder as name, editing the plan text.
func newPlan(t *testing.T, name string, edit func(string) string) string {
	return testkit.CopyPlan(t, t.TempDir(), "muong-khoa", name, edit)
}

// runNew runs kehoach new with args.
func runNew(args ...string) (int, string, string) {
	var o, e bytes.Buffer
	code := run(append([]string{"new"}, args...), &o, &e)
	return code, o.String(), e.String()
}

// kehoach new into a new period prints what it did, the period change and
// what to review, and where to go next.
func TestNewReport(t *testing.T) {
	src := newPlan(t, "2025.yaml", nil)
	code, stdout, stderr := runNew("--from", src, "2026")
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	target := filepath.Join(filepath.Dir(src), "2026.yaml")
	flat := strings.Join(strings.Fields(stdout), " ")
	for _, want := range []string{
		"Đã tạo " + target + " (dự thảo năm 2026) từ " + src + "; đã kiểm tra: kế hoạch mới hợp lệ.",
		"Đã tự động:",
		"CHUYỂN GIAI ĐOẠN:",
		"qd318-2021-2025 (giai đoạn 2021-2025) không áp dụng cho năm 2026",
		"1. Quy hoạch → 1. Quy hoạch (đạt)",
		"18 tiêu chí cũ không có tiêu chí cùng tên",
		"17. Môi trường và an toàn thực phẩm (phấn đấu đạt)",
		"chỉ tiêu 17.7",
		"9 tiêu chí của bộ mới ghi “chua_dat”",
		"Cần xem lại (cũng ghi ở đầu tệp):",
		": nhập số tiền năm 2026.",
		"Sau khi sửa: kehoach check " + target + ", rồi kehoach diff " + src + " " + target,
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
}

// Flags and the year in any order, one year only.
func TestNewArguments(t *testing.T) {
	src := newPlan(t, "2024.yaml", func(s string) string {
		s = strings.Replace(s, "nam: 2025", "nam: 2024", 1)
		return strings.Replace(s, "xây dựng nông thôn mới năm 2025 trên địa bàn", "xây dựng nông thôn mới năm 2024 trên địa bàn", 1)
	})
	os.Remove(filepath.Join(filepath.Dir(src), "2025.yaml"))
	if code, stdout, stderr := runNew(src, "--from", src, "2025"); code != 2 || !strings.Contains(stderr, "cần --from KẾ_HOẠCH_CŨ và đúng một NĂM") {
		t.Fatalf("two positional arguments: exit %d, want 2: %s%s", code, stdout, stderr)
	}
	code, stdout, stderr := runNew("2025", "--from", src)
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	if strings.Contains(stdout, "CHUYỂN GIAI ĐOẠN") || !strings.Contains(stdout, "17. Môi trường và an toàn thực phẩm") {
		t.Errorf("within a period:\n%s", stdout)
	}
}

// Every refusal and usage error of kehoach new, with its exit status; none
// leaves a file behind or overwrites one.
func TestNewRefusals(t *testing.T) {
	src := newPlan(t, "2025.yaml", nil)
	dir := filepath.Dir(src)
	bad := newPlan(t, "2025.yaml", func(s string) string { return strings.Replace(s, "  tong: 3900", "  tong: 3000", 1) })
	existing := filepath.Join(dir, "2027.yaml")
	os.WriteFile(existing, []byte("# của người khác\n"), 0o644)
	tests := []struct {
		name   string
		args   []string
		status int
		want   string
	}{
		{"no arguments", nil, 2, "Cách dùng"},
		{"no year", []string{"--from", src}, 2, "đúng một NĂM"},
		{"no source", []string{"2026"}, 2, "cần --from"},
		{"bad year", []string{"--from", src, "hai"}, 2, "năm “hai” không hợp lệ"},
		{"missing source", []string{"--from", filepath.Join(dir, "2019.yaml"), "2026"}, 2, "không đọc được tệp kế hoạch"},
		{"same year", []string{"--from", src, "2025"}, 1, "phải sau năm của kế hoạch nguồn (2025)"},
		{"earlier year", []string{"--from", src, "2024"}, 1, "phải sau năm"},
		{"existing target", []string{"--from", src, "2027"}, 1, "2027.yaml đã có; kehoach new không ghi đè tệp"},
		{"existing -o target", []string{"--from", src, "-o", src, "2026"}, 1, "không ghi đè"},
		{"invalid source", []string{"--from", bad, "2026"}, 1, "3.000 ≠ 3.900"},
		{"no set for the year", []string{"--from", src, "2031"}, 1, "không có bộ nào cho năm 2031"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runNew(tc.args...)
			if code != tc.status {
				t.Fatalf("exit %d, want %d\n%s%s", code, tc.status, stdout, stderr)
			}
			if !strings.Contains(stderr, tc.want) {
				t.Errorf("stderr lacks %q:\n%s", tc.want, stderr)
			}
		})
	}
	if b, _ := os.ReadFile(existing); string(b) != "# của người khác\n" {
		t.Error("an existing file was overwritten")
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if e.Name() != "2025.yaml" && e.Name() != "xa.yaml" && e.Name() != "2027.yaml" {
			t.Errorf("refusals left %s behind", e.Name())
		}
	}
}
