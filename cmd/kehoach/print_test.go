package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// kehoach print: the copies of one plan, of a folder, the manifest files
// with -o, and the exit status of invalid and missing plans.
func TestPrint(t *testing.T) {
	good := copyPlan(t, nil)
	bad := copyPlan(t, func(s string) string { return strings.Replace(s, "  tong: 3900", "  tong: 3000", 1) })
	out := filepath.Join(t.TempDir(), "out")
	tests := []struct {
		name   string
		args   []string
		status int
		stdout []string
		stderr string
	}{
		{"one plan", []string{good}, 0, []string{good + ": Kế hoạch số …/KH-UBND (dự thảo), in 26 bản.", "CHÚ Ý: kế hoạch còn là dự thảo", "kehoach issue " + good + " --so SỐ --ngay NGÀY", "  6. Trưởng bản Hô Tra", "  4. Chủ tịch, các PCT UBND xã", "3 bản", "Tổng số bản cần in: 26 (gửi đi 24, lưu 2)."}, ""},
		{"a folder of two plans", []string{filepath.Dir(good), filepath.Dir(bad)}, 1, []string{"in 26 bản", "Tổng số bản cần in: 26"}, "chưa tính được số bản"},
		{"write the manifest", []string{"-o", out, good}, 0, []string{"Sổ phát hành → " + filepath.Join(out, "so-phat-hanh-2025-muong-khoa.csv"), filepath.Join(out, "so-phat-hanh-2025-muong-khoa.pdf")}, ""},
		{"invalid plan", []string{bad}, 1, nil, "3.000 ≠ 3.900"},
		{"missing", []string{filepath.Join(t.TempDir(), "khong-co.yaml")}, 2, nil, "không tìm thấy"},
		{"bad flag", []string{"-x"}, 2, nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var o, e bytes.Buffer
			if got := run(append([]string{"print"}, tc.args...), &o, &e); got != tc.status {
				t.Fatalf("exit %d, want %d\n%s\n%s", got, tc.status, o.String(), e.String())
			}
			for _, w := range tc.stdout {
				if !strings.Contains(o.String(), w) {
					t.Errorf("stdout lacks %q:\n%s", w, o.String())
				}
			}
			if !strings.Contains(e.String(), tc.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, e.String())
			}
		})
	}
	csvBytes, err := os.ReadFile(filepath.Join(out, "so-phat-hanh-2025-muong-khoa.csv"))
	if err != nil || !bytes.HasPrefix(csvBytes, []byte("\ufeffSTT,")) {
		t.Errorf("CSV not written: %v", err)
	}
	if pdfBytes, err := os.ReadFile(filepath.Join(out, "so-phat-hanh-2025-muong-khoa.pdf")); err != nil || !bytes.HasPrefix(pdfBytes, []byte("%PDF-")) {
		t.Errorf("PDF not written: %v", err)
	}
}

// print -phong draws the register PDF with the chosen font, as build does:
// four times the bold face gives a register whose every font is bold,
// where the default one (Liberation Serif, or Times New Roman when
// installed) has a regular face.
func TestPrintFont(t *testing.T) {
	good := copyPlan(t, nil)
	bold, err := filepath.Abs(filepath.Join("..", "..", "internal", "fonts", "LiberationSerif-Bold.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	four := strings.Join([]string{bold, bold, bold, bold}, ",")
	baseFonts := regexp.MustCompile(`/BaseFont /[A-Z]{6}\+([A-Za-z-]+)`)
	registerFonts := func(args ...string) string {
		t.Helper()
		out := t.TempDir()
		code, _, stderr := runArgs(append([]string{"print", good, "-o", out}, args...)...)
		if code != 0 {
			t.Fatalf("print %q: exit %d\n%s", args, code, stderr)
		}
		b, err := os.ReadFile(filepath.Join(out, "so-phat-hanh-2025-muong-khoa.pdf"))
		if err != nil {
			t.Fatal(err)
		}
		set := map[string]bool{}
		for _, m := range baseFonts.FindAllSubmatch(b, -1) {
			set[string(m[1])] = true
		}
		var names []string
		for f := range set {
			names = append(names, f)
		}
		sort.Strings(names)
		return strings.Join(names, " ")
	}
	if got := registerFonts("-phong", four); got != "LiberationSerif-Bold" {
		t.Errorf("print -phong BOLD×4: fonts in the register %q, want only LiberationSerif-Bold", got)
	}
	if got := registerFonts(); len(strings.Fields(got)) < 3 {
		t.Errorf("print without -phong: fonts in the register %q, want a regular, a bold and an italic face", got)
	}
	for _, args := range [][]string{{"print", "-phong", "a.ttf", good}, {"print", good, "-phong", "a.ttf"}} {
		code, stdout, stderr := runArgs(args...)
		if code != 2 || stdout != "" || stderr != "kehoach print: -phong cần đúng bốn tệp: thường, đậm, nghiêng, đậm nghiêng\n" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", args, code, stdout, stderr)
		}
	}
}
