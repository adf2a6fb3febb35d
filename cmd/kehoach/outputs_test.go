package main

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"kehoach/internal/fileset"
	"kehoach/internal/testkit"
)

// holdOpen makes the build's renames onto outputs ending in suffix fail as
// Windows fails them for a file held open in Word, Excel or a PDF reader.
func holdOpen(t *testing.T, suffix string) {
	t.Helper()
	t.Cleanup(func() { fileset.Rename = os.Rename })
	fileset.Rename = func(from, to string) error {
		if strings.HasSuffix(from, ".tmp") && strings.HasSuffix(to, suffix) {
			return &os.LinkError{Op: "rename", Old: from, New: to, Err: errInUse}
		}
		return os.Rename(from, to)
	}
}

// readDir maps the visible files of dir to their contents.
func readDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	out := map[string]string{}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(b)
	}
	return out
}

// An output held open: kehoach build says in Vietnamese which file, that
// it is open in another program and to close it; exit status 2 (I/O);
// that plan's three outputs all stay the old version, while another plan
// of the batch is built.
func TestBuildOutputHeldOpen(t *testing.T) {
	root := t.TempDir()
	p2025 := testkit.CopyPlan(t, root, "muong-khoa", "2025.yaml", nil)
	other := testkit.CopyPlan(t, root, "tan-loi", "2025.yaml", nil)
	xa := filepath.Join(filepath.Dir(other), "xa.yaml")
	b, _ := os.ReadFile(xa)
	os.WriteFile(xa, bytes.Replace(b, []byte("ma: muong-khoa"), []byte("ma: tan-loi"), 1), 0o644)
	out := filepath.Join(root, "out")
	var o, e bytes.Buffer
	if st := run([]string{"build", "-o", out, p2025}, &o, &e); st != 0 {
		t.Fatalf("first build: %d\n%s", st, e.String())
	}
	before := readDir(t, out)
	src, _ := os.ReadFile(p2025)
	os.WriteFile(p2025, bytes.Replace(src, []byte("có 88% hộ"), []byte("có 89% hộ"), 1), 0o644)

	for _, tc := range []struct{ suffix, file string }{
		{".pdf", "ke-hoach-ntm-2025-muong-khoa.pdf"},
		{".docx", "ke-hoach-ntm-2025-muong-khoa.docx"},
		{"-bieu.xlsx", "ke-hoach-ntm-2025-muong-khoa-bieu.xlsx"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			holdOpen(t, "muong-khoa"+tc.suffix)
			o.Reset()
			e.Reset()
			if st := run([]string{"build", "-o", out, p2025, other}, &o, &e); st != 2 {
				t.Fatalf("status %d, want 2\n%s", st, e.String())
			}
			want := "không ghi được " + filepath.Join(out, tc.file) + ": tệp đang mở trong chương trình khác (Word, Excel hay trình đọc PDF); hãy đóng tệp đó rồi chạy lại. Các tệp khác của kế hoạch này vẫn là bản cũ, chưa bị thay.\n"
			if !strings.Contains(e.String(), want) {
				t.Errorf("stderr lacks\n%s\ngot:\n%s", want, e.String())
			}
			if strings.Contains(e.String(), ".tmp") || strings.Contains(e.String(), "rename") {
				t.Errorf("the message shows internals:\n%s", e.String())
			}
			after := readDir(t, out)
			for name, data := range before {
				if after[name] != data {
					t.Errorf("%s changed although the set was not written", name)
				}
			}
			if !strings.Contains(o.String(), filepath.Join(out, "ke-hoach-ntm-2025-tan-loi.pdf")) || len(after) != 6 {
				t.Errorf("the other plan was not built: %v\n%s", after, o.String())
			}
			if !strings.Contains(o.String(), "Tổng: 2 kế hoạch, 1 thành công, 1 lỗi") {
				t.Errorf("summary:\n%s", o.String())
			}
		})
	}
}

// Two plans with the same outputs (Explorer's copy, two communes with one
// ma) are refused before anything is written, each naming the other, with
// exit status 1 (a problem in the plans, fixed by editing them); the other
// plans of the batch are built. A file named twice is built once.
func TestBuildCollidingPlans(t *testing.T) {
	tests := []struct {
		name   string
		setup  func(root string) []string // the arguments after -o
		status int
		stderr []string // substrings, with R for the root
		built  string   // the outputs in out/, by base name
	}{
		{"Explorer's copy", func(root string) []string {
			testkit.CopyPlan(t, root, "muong-khoa", "2025.yaml", nil)
			testkit.CopyPlan(t, root, "muong-khoa", "2025 - Copy.yaml", func(s string) string { return strings.Replace(s, "có 88% hộ", "có 90% hộ", 1) })
			return []string{filepath.Join(root, "plans")}
		}, 1, []string{
			"R/plans/muong-khoa/2025 - Copy.yaml:8:6: kế hoạch này và R/plans/muong-khoa/2025.yaml cùng là kế hoạch năm 2025 của xã “muong-khoa” nên sẽ ghi đè tệp kết quả của nhau (R/out/ke-hoach-ntm-2025-muong-khoa.docx, .pdf, -bieu.xlsx); không dựng kế hoạch nào trong số đó.",
			"R/plans/muong-khoa/2025.yaml:8:6: kế hoạch này và R/plans/muong-khoa/2025 - Copy.yaml cùng là",
			"R/plans/muong-khoa/2025 - Copy.yaml: 1 lỗi, không tạo văn bản.",
			"R/plans/muong-khoa/2025.yaml: 1 lỗi, không tạo văn bản.",
		}, ""},
		{"two communes with one ma, and a third commune", func(root string) []string {
			a := testkit.CopyPlan(t, root, "muong-khoa", "2025.yaml", nil)
			b := testkit.CopyPlan(t, root, "muong-khoa-2", "2025.yaml", nil)
			c := testkit.CopyPlan(t, root, "tan-loi", "2025.yaml", nil)
			xa := filepath.Join(filepath.Dir(c), "xa.yaml")
			x, _ := os.ReadFile(xa)
			os.WriteFile(xa, bytes.Replace(x, []byte("ma: muong-khoa"), []byte("ma: tan-loi"), 1), 0o644)
			return []string{a, b, c}
		}, 1, []string{
			"R/plans/muong-khoa/xa.yaml:4:5: mã xã “muong-khoa” trùng với mã của xã ở R/plans/muong-khoa-2/xa.yaml, nên kế hoạch R/plans/muong-khoa/2025.yaml và R/plans/muong-khoa-2/2025.yaml (cùng năm 2025) sẽ ghi đè tệp kết quả của nhau",
			"R/plans/muong-khoa-2/xa.yaml:4:5: mã xã “muong-khoa” trùng với mã của xã ở R/plans/muong-khoa/xa.yaml",
			"Tổng: 3 kế hoạch, 1 thành công, 2 lỗi",
		}, "ke-hoach-ntm-2025-tan-loi"},
		{"the same plan named twice", func(root string) []string {
			p := testkit.CopyPlan(t, root, "muong-khoa", "2025.yaml", nil)
			return []string{filepath.Dir(p), p}
		}, 0, nil, "ke-hoach-ntm-2025-muong-khoa"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			out := filepath.Join(root, "out")
			var o, e bytes.Buffer
			st := run(append([]string{"build", "-o", out}, tc.setup(root)...), &o, &e)
			if st != tc.status {
				t.Errorf("status %d, want %d\n%s", st, tc.status, e.String())
			}
			all := o.String() + e.String()
			for _, want := range tc.stderr {
				want = strings.ReplaceAll(want, "R/", root+"/")
				want = strings.ReplaceAll(want, "/", string(filepath.Separator))
				if !strings.Contains(all, want) {
					t.Errorf("output lacks\n%s\ngot:\n%s", want, all)
				}
			}
			var names []string
			for n := range readDir(t, out) {
				names = append(names, n)
			}
			sort.Strings(names)
			want := ""
			if tc.built != "" {
				want = tc.built + "-bieu.xlsx " + tc.built + ".docx " + tc.built + ".pdf"
			}
			if got := strings.Join(names, " "); got != want {
				t.Errorf("out/ holds %q, want %q", got, want)
			}
			if n := strings.Count(o.String(), " → "); n != len(strings.Fields(want)) {
				t.Errorf("%d outputs reported, want %d:\n%s", n, len(strings.Fields(want)), o.String())
			}
		})
	}
}

// kehoach build -ban-trinh writes the review copy (DOCX and PDF) under its
// own names beside the document's files, which it leaves as they were.
func TestBuildReviewCopy(t *testing.T) {
	root := t.TempDir()
	p := testkit.CopyPlan(t, root, "muong-khoa", "2025.yaml", func(s string) string {
		return strings.Replace(s, "    - tieu_de: Nâng cao hiệu quả quản lý", "    - ly_do: Đã thống nhất tại cuộc họp Ban Chỉ đạo.\n      tieu_de: Nâng cao hiệu quả quản lý", 1)
	})
	out := filepath.Join(root, "out")
	var o, e bytes.Buffer
	if st := run([]string{"build", "-o", out, p}, &o, &e); st != 0 {
		t.Fatalf("build: %d\n%s", st, e.String())
	}
	before := readDir(t, out)
	o.Reset()
	if st := run([]string{"build", "-ban-trinh", "-o", out, p}, &o, &e); st != 0 {
		t.Fatalf("build -ban-trinh: %d\n%s", st, e.String())
	}
	for _, name := range []string{"ke-hoach-ntm-2025-muong-khoa-ban-trinh.docx", "ke-hoach-ntm-2025-muong-khoa-ban-trinh.pdf"} {
		if !strings.Contains(o.String(), p+" → "+filepath.Join(out, name)) {
			t.Errorf("stdout does not list %s:\n%s", name, o.String())
		}
	}
	after := readDir(t, out)
	if len(after) != len(before)+2 {
		t.Errorf("outputs %d → %d", len(before), len(after))
	}
	for name, data := range before {
		if after[name] != data {
			t.Errorf("build -ban-trinh changed %s", name)
		}
	}
	var names []string
	for name := range after {
		names = append(names, name)
	}
	sort.Strings(names)
	if !strings.Contains(strings.Join(names, " "), "ke-hoach-ntm-2025-muong-khoa-ban-trinh.pdf") || strings.Contains(strings.Join(names, " "), "ban-trinh-bieu") {
		t.Errorf("outputs %v", names)
	}
}
