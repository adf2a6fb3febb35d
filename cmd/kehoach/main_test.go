package main

import (
	"bytes"
	"fmt"
	"kehoach/internal/testkit"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copyPlan copies the 2025 plan and its commune file into a temporary
// folder, optionally editing the plan text.
func copyPlan(t *testing.T, edit func(string) string) string {
	return testkit.CopyPlan(t, t.TempDir(), "muong-khoa", "2025.yaml", edit)
}

func TestExitStatus(t *testing.T) {
	good := copyPlan(t, nil)
	bad := copyPlan(t, func(s string) string {
		return strings.Replace(s, "    - ma: long-ghep\n      ten: Vốn lồng ghép\n", "    - ma: long-ghep\n      ten: Vốn lồng ghép\n      tong: 2256\n", 1)
	})
	tests := []struct {
		name   string
		args   []string
		status int
		stdout string // substring
		stderr string // substring
	}{
		{"no arguments", nil, 2, "", "Cách dùng"},
		{"unknown command", []string{"xay"}, 2, "", "không có lệnh “xay”"},
		{"help", []string{"help"}, 0, "kehoach build", ""},
		{"licence", []string{"giay-phep"}, 0, "SIL OPEN FONT LICENSE Version 1.1", ""},
		{"check valid", []string{"check", good}, 0, "hợp lệ", ""},
		{"check invalid", []string{"check", bad}, 1, "", "2.256 ≠ 2.556"},
		{"check missing file", []string{"check", "khong-co.yaml"}, 2, "", "không tìm thấy “khong-co.yaml”"},
		{"build invalid", []string{"build", "-o", filepath.Join(t.TempDir(), "out"), bad}, 1, "", "không tạo văn bản"},
		{"build bad flag", []string{"build", "-phong", "a.ttf"}, 2, "", "-phong cần đúng bốn tệp"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if got := run(tc.args, &out, &errb); got != tc.status {
				t.Errorf("status %d, want %d\nstdout: %s\nstderr: %s", got, tc.status, out.String(), errb.String())
			}
			if !strings.Contains(out.String(), tc.stdout) {
				t.Errorf("stdout %q lacks %q", out.String(), tc.stdout)
			}
			if !strings.Contains(errb.String(), tc.stderr) {
				t.Errorf("stderr %q lacks %q", errb.String(), tc.stderr)
			}
		})
	}
}

// check never writes; build of an invalid plan writes nothing; build of a
// valid plan writes the DOCX and PDF and nothing else (no temporary files).
func TestWritesOnlyWhatItShould(t *testing.T) {
	good := copyPlan(t, nil)
	bad := copyPlan(t, func(s string) string { return strings.Replace(s, "nam: 2025", "nam: hai", 1) })
	out := filepath.Join(t.TempDir(), "out")
	var o, e bytes.Buffer
	run([]string{"check", good, bad}, &o, &e)
	run([]string{"build", "-o", out, bad}, &o, &e)
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatalf("an invalid plan created %s", out)
	}
	before, _ := os.ReadFile(good)
	if st := run([]string{"build", "-o", out, good}, &o, &e); st != 0 {
		t.Fatalf("build: %d %s", st, e.String())
	}
	after, _ := os.ReadFile(good)
	if !bytes.Equal(before, after) {
		t.Error("build edited the plan")
	}
	ents, _ := os.ReadDir(out)
	var names []string
	for _, en := range ents {
		names = append(names, en.Name())
	}
	want := "ke-hoach-ntm-2025-muong-khoa-bieu.xlsx ke-hoach-ntm-2025-muong-khoa.docx ke-hoach-ntm-2025-muong-khoa.pdf"
	if got := strings.Join(names, " "); !strings.HasPrefix(got, want) || strings.Contains(got, ".tmp") {
		t.Errorf("out/ holds %q, want %q", got, want)
	}
	if !strings.Contains(o.String(), "Phông chữ:") {
		t.Errorf("build does not say which font it used: %q", o.String())
	}
}

// fmt -l names an unformatted plan and exits 1; fmt -w fixes it keeping its
// comments; then fmt -l is silent and exits 0.
func TestFmt(t *testing.T) {
	path := copyPlan(t, func(s string) string {
		return strings.Replace(s, "xa: xa.yaml\nnam: 2025\n", "nam: 2025 # năm kế hoạch\nxa: xa.yaml\n", 1)
	})
	var o, e bytes.Buffer
	if st := run([]string{"fmt", "-l", path}, &o, &e); st != 1 || strings.TrimSpace(o.String()) != path {
		t.Fatalf("fmt -l: status %d, stdout %q, stderr %q", st, o.String(), e.String())
	}
	o.Reset()
	if st := run([]string{"fmt", "-d", path}, &o, &e); st != 1 || !strings.Contains(o.String(), "-nam: 2025 # năm kế hoạch") {
		t.Fatalf("fmt -d: status %d, diff %q", st, o.String())
	}
	if st := run([]string{"fmt", "-w", path}, &o, &e); st != 0 {
		t.Fatalf("fmt -w: %d %s", st, e.String())
	}
	b, _ := os.ReadFile(path)
	if !strings.Contains(string(b), "xa: xa.yaml\nnam: 2025 # năm kế hoạch\n") {
		t.Errorf("fmt -w did not reorder keys keeping the comment:\n%.300s", b)
	}
	o.Reset()
	if st := run([]string{"fmt", "-l", path}, &o, &e); st != 0 || o.String() != "" {
		t.Errorf("after fmt -w: fmt -l status %d, %q", st, o.String())
	}
}

// A Biểu 03 with more source columns than the landscape page holds at
// their least widths: build still writes the outputs but warns, naming the
// annex, the column and the amount that will be cut.
func TestBuildWarnsNarrowAnnex(t *testing.T) {
	plan := testkit.CopyPlan(t, t.TempDir(), "muong-khoa", "2025.yaml", func(s string) string {
		s = testkit.SixSources(s)
		var sources, von strings.Builder
		for i := 1; i <= 10; i++ {
			fmt.Fprintf(&sources, "    - ma: them-%d\n      ten: Nguồn thêm %d\n      so_tien: 100000\n      loai: dau_tu\n", i, i)
			fmt.Fprintf(&von, "        - {nguon: them-%d, so_tien: 100000}\n", i)
		}
		s = strings.Replace(s, "  bieu: [\"02\", \"03\", \"04\"]\n\ngiai_phap:", sources.String()+"  bieu: [\"02\", \"03\", \"04\"]\n\ngiai_phap:", 1)
		return strings.Replace(s, "        - {nguon: dan-gop, so_tien: 640}\n", "        - {nguon: dan-gop, so_tien: 640}\n"+von.String(), 1)
	})
	var out, errb bytes.Buffer
	if st := run([]string{"build", "-o", filepath.Join(t.TempDir(), "out"), plan}, &out, &errb); st != 0 {
		t.Fatalf("status %d\n%s", st, errb.String())
	}
	for _, want := range []string{": [cot-hep] Biểu số 03, cột ", "“100.000”", "trang ngang chỉ có 252,0 mm", "viết ngắn lại chữ đó. (cảnh báo)\n"} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errb.String())
		}
	}
	if !strings.Contains(out.String(), "-bieu.xlsx") {
		t.Errorf("the workbook was not written:\n%s", out.String())
	}
	// One warning per narrow column, not one more per word it cuts.
	if strings.Contains(errb.String(), "[cat-tu]") {
		t.Errorf("cut words reported beside the column warnings:\n%s", errb.String())
	}
}
