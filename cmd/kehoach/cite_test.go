package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// check reports a căn cứ that disagrees with the registry and a year left
// from last year at file:line:col, as warnings (exit status 0).
func TestCheckCitationAndYear(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"2025.yaml", "xa.yaml"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "plans", "muong-khoa", name))
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		if name == "2025.yaml" {
			s = strings.Replace(s, "so: 263/QĐ-TTg", "so: 263/QĐ-TT", 1)
			s = strings.Replace(s, "nông thôn mới năm 2025 trên địa bàn", "nông thôn mới năm 2024 trên địa bàn", 1)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	plan := filepath.Join(dir, "2025.yaml")
	st, _, e := runArgs("check", plan)
	if st != 0 {
		t.Fatalf("status %d, want 0\n%s", st, e)
	}
	for _, want := range []string{
		plan + ":16:73: [nam-ke-hoach] “năm 2024” khác năm kế hoạch (2025) — gợi ý: viết “năm 2025” (cảnh báo)\n",
		plan + ":26:9: [can-cu-so] số, ký hiệu “263/QĐ-TT” khác sổ căn cứ (templates/can-cu.yaml): Quyết định 263/QĐ-TTg — gợi ý: viết “Quyết định số 263/QĐ-TTg ngày 22/02/2022 của Thủ tướng Chính phủ” (cảnh báo)\n",
	} {
		if !strings.Contains(e, want) {
			t.Errorf("missing %q in stderr:\n%s", want, e)
		}
	}
}
