package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/internal/build"
	"kehoach/internal/testkit"
)

// holdOpen makes the build's renames onto outputs ending in suffix fail as
// Windows fails them for a file held open in Word, Excel or a PDF reader.
func holdOpen(t *testing.T, suffix string) {
	t.Helper()
	t.Cleanup(func() { build.Rename = os.Rename })
	build.Rename = func(from, to string) error {
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
