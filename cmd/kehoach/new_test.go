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
	for _, year := range []string{"2026", "2027"} {
		t.Run(year, func(t *testing.T) {
			src := newPlan(t, "2025.yaml", nil)
			code, stdout, stderr := runNew("--from", src, year)
			if code != 0 {
				t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
			}
			target := filepath.Join(filepath.Dir(src), year+".yaml")
			flat := strings.Join(strings.Fields(stdout), " ")
			for _, want := range []string{
				"Đã tạo " + target + " (dự thảo năm " + year + ") từ " + src + "; đã kiểm tra: kế hoạch mới hợp lệ.",
				"Đã tự động:",
				"CHUYỂN GIAI ĐOẠN:",
				"- giai đoạn 2021-2025 → 2026-2030; tên Chương trình: “Chương trình mục tiêu quốc gia (MTQG) xây dựng nông thôn mới (NTM)” → “Chương trình mục tiêu quốc gia (MTQG) xây dựng nông thôn mới (NTM), giảm nghèo bền vững và phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi” (bỏ khóa chuong_trinh",
				"- căn cứ: bỏ Quyết định 263/QĐ-TTg (căn cứ của Chương trình giai đoạn 2021-2025), Quyết định 1487/QĐ-UBND",
				"giữ, chuyển sang can_cu_them: Quyết định 37-QĐ/ĐU (có TODO: nêu giai đoạn 2021-2025); căn cứ mới của giai đoạn (in tự động, trước căn cứ riêng): Nghị quyết 257/2025/QH15, Nghị quyết 424/NQ-CP, Quyết định 417/QĐ-BNNMT, Quyết định 51/2025/QĐ-TTg.",
				"- nguồn vốn: đổi tên nguồn “Vốn sự nghiệp” → “Kinh phí thường xuyên”: biểu mẫu giai đoạn 2026 - 2030",
				"- nguồn vốn: bỏ nguồn “Vốn Chương trình MTQG giảm nghèo bền vững” (năm 2025: 602)",
				"không còn là vốn lồng ghép",
				"- nguồn vốn: bỏ “Vốn lồng ghép” (không còn nguồn con).",
				"năm 2025 đạt 12/19, cuối năm 13/19) không áp dụng cho năm " + year,
				"10 tiêu chí: mọi tiêu chí ghi “chua_dat”, đánh giá lại trên 10 (x/10).",
				"1. Quy hoạch ← 1; 2. Hạ tầng kinh tế - xã hội ← 2, 3, 4, 5, 6, 7, 9;",
				"chỉ tiêu 17.7",
				"Cần xem lại (cũng ghi ở đầu tệp):",
				"tệp xã (xa.yaml) chưa ghi nhóm xã, kehoach không sửa tệp này: hãy thêm một dòng “nhom_xa: 1”, “nhom_xa: 2” hoặc “nhom_xa: 3” theo QĐ 51/2025/QĐ-TTg: nhóm 1 — xã liền kề đô thị",
				"bộ tiêu chí của tỉnh cho qd51-2026-2030 (tieu_chi.bo_tinh, thay lai-chau-qd1487-2024, QĐ 1487/QĐ-UBND): ghi khi tỉnh ban hành.",
				": nhập số tiền năm " + year + ".",
				": đánh giá lại hiện trạng tiêu chí theo bộ qd51-2026-2030 (ghi chú TODO nêu hiện trạng năm 2025 theo bộ cũ).",
				"Sau khi sửa: kehoach check " + target + ", rồi kehoach diff " + src + " " + target,
			} {
				if !strings.Contains(flat, want) {
					t.Errorf("stdout lacks %q:\n%s", want, stdout)
				}
			}
			// The criteria TODO lines are listed once, as line numbers.
			if n := strings.Count(stdout, "TODO: theo QĐ 318"); n != 0 {
				t.Errorf("%d criteria TODO texts printed one by one", n)
			}
		})
	}
}

// Flags and the year in any order, one year only.
func TestNewArguments(t *testing.T) {
	src := newPlan(t, "2024.yaml", func(s string) string {
		s = strings.Replace(s, "nam: 2025", "nam: 2024", 1)
		return strings.Replace(s, "xây dựng nông thôn mới năm 2025 trên địa bàn", "xây dựng nông thôn mới năm 2024 trên địa bàn", 1)
	})
	os.Remove(filepath.Join(filepath.Dir(src), "2025.yaml"))
	if code, stdout, stderr := runNew(src, "--from", src, "2025"); code != 2 || !strings.Contains(stderr, "cần --tu KẾ_HOẠCH_CŨ và đúng một NĂM") {
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
		{"no source", []string{"2026"}, 2, "cần --tu"},
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

// -o names a folder, as in every command, -tep the file; the old -o with
// a file name and the old --from keep working.
func TestNewOutput(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   func(dir string) []string
		target func(dir string) string
	}{
		{"-o folder", func(d string) []string { return []string{"-o", filepath.Join(d, "moi")} }, func(d string) string { return filepath.Join(d, "moi", "2026.yaml") }},
		{"-o existing folder", func(d string) []string {
			os.Mkdir(filepath.Join(d, "co"), 0o755)
			return []string{"-o", filepath.Join(d, "co")}
		}, func(d string) string { return filepath.Join(d, "co", "2026.yaml") }},
		{"-tep file", func(d string) []string { return []string{"-tep", filepath.Join(d, "kh-2026.yaml")} }, func(d string) string { return filepath.Join(d, "kh-2026.yaml") }},
		{"-o file (old form)", func(d string) []string { return []string{"-o", filepath.Join(d, "cu-2026.yaml")} }, func(d string) string { return filepath.Join(d, "cu-2026.yaml") }},
		{"default", func(string) []string { return nil }, func(d string) string { return filepath.Join(d, "2026.yaml") }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := newPlan(t, "2025.yaml", nil)
			dir := filepath.Dir(src)
			code, stdout, stderr := runNew(append([]string{"2026", "--from", src}, tc.args(dir)...)...)
			if code != 0 {
				t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
			}
			target := tc.target(dir)
			b, err := os.ReadFile(target)
			if err != nil || !strings.Contains(string(b), "nam: 2026") {
				t.Errorf("%s not written as the 2026 plan: %v", target, err)
			}
			if !strings.HasPrefix(stdout, "Đã tạo "+target+" ") {
				t.Errorf("stdout does not name %s:\n%s", target, stdout)
			}
		})
	}
	src := newPlan(t, "2025.yaml", nil)
	dir := filepath.Dir(src)
	code, _, stderr := runNew("--tu", src, "2026", "-o", dir, "-tep", filepath.Join(dir, "x.yaml"))
	if code != 2 || !strings.HasPrefix(stderr, "kehoach new: chỉ ghi một trong hai: -o THƯ_MỤC hoặc -tep TỆP.\nCách dùng: ") {
		t.Errorf("-o and -tep: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "2026.yaml")); err == nil {
		t.Error("-o and -tep together wrote a plan")
	}
}
