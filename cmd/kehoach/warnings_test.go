package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/internal/build"
	"kehoach/internal/fileset"
	"kehoach/internal/layout"
	"kehoach/internal/sheet"
)

// check prints every problem in the one form of package diag: errors
// first, then warnings, each warning line ending in “(cảnh báo)”, with no
// header lines.
func TestCheckPrintsOneForm(t *testing.T) {
	slips := filepath.Join("..", "..", "internal", "textcheck", "testdata", "slips.yaml")
	var o, e bytes.Buffer
	if st := run([]string{"check", slips}, &o, &e); st != 1 {
		t.Fatalf("status %d, want 1\n%s%s", st, o.String(), e.String())
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimSuffix(e.String(), "\n"), "\n") {
		if !strings.HasPrefix(l, "Dùng mẫu câu chữ") {
			lines = append(lines, l)
		}
	}
	for _, want := range []struct {
		i    int
		line string
	}{
		{1, slips + ":236:44: [am-tiet] “hoat” không phải là âm tiết tiếng Việt"},
		{4, slips + ":551:3: chưa có họ tên người ký (ky.ho_ten); văn bản sẽ để trống dòng họ tên. (cảnh báo)"},
		{6, slips + ":17:55: [viet-tat] chữ viết tắt “NTM” được dùng trước khi viết đầy đủ — gợi ý: ở lần dùng đầu tiên viết “nông thôn mới (NTM)”, các lần sau mới viết tắt “NTM” (cảnh báo)"},
		{len(lines) - 1, slips + ": 3 lỗi chữ, 14 cảnh báo. 7 lỗi sửa tự động được: chạy kehoach check -sua " + slips + "."},
	} {
		if want.i >= len(lines) || !strings.HasPrefix(lines[want.i], want.line) {
			t.Errorf("line %d: want %q, stderr:\n%s", want.i, want.line, e.String())
		}
	}
	errors, warnings := 0, 0
	for i, l := range lines[:len(lines)-1] {
		switch {
		case l == "Lỗi:" || l == "Cảnh báo:":
			t.Errorf("line %d is a header %q: each line says its severity", i, l)
		case strings.HasSuffix(l, " (cảnh báo)"):
			warnings++
		default:
			if warnings > 0 {
				t.Errorf("line %d, an error, comes after a warning: %s", i, l)
			}
			errors++
		}
	}
	if errors != 3 || warnings != 14 {
		t.Errorf("%d errors and %d warnings printed, want 3 and 14:\n%s", errors, warnings, e.String())
	}
}

// build's warnings — a narrow annex column, a layout fault of the PDF —
// are printed in the same form as check's.
func TestBuildWarningsForm(t *testing.T) {
	r := &build.Result{
		Plan:    "plans/x/2025.yaml",
		Outputs: []fileset.Output{{Path: "out/x-2025.docx"}, {Path: "out/x-2025.pdf"}},
		Annex:   []sheet.Problem{{Sheet: "03", Column: 4, Head: "Ngân sách xã", Token: "100.000", Need: 14, Have: 10, TableNeed: 300, TableWidth: 252}},
		Layout:  []layout.Problem{{Page: 7, Code: layout.ProblemCutWord, Text: "Mườngkhoa"}},
	}
	var b bytes.Buffer
	buildWarnings(r).Print(&b)
	want := "plans/x/2025.yaml: [cot-hep] " + r.Annex[0].Message() + " (cảnh báo)\n" +
		"out/x-2025.pdf: [" + layout.ProblemCutWord + "] trang 7: chữ “Mườngkhoa” bị cắt giữa chừng vì cột bảng hay dòng quá hẹp; hãy rút ngắn chữ đó hoặc thêm dấu cách để có chỗ xuống dòng — gợi ý: xem trang này trước khi in (cảnh báo)\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
