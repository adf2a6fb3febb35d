package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"kehoach/internal/testkit"
)

// build -luu-tru, -luu-tru=1b, -gan-the and -dien-tu reach the PDF: its
// header version, PDF/A identification, structure tree and signature
// field, under the names the README gives.
func TestBuildPDFFlags(t *testing.T) {
	plan := filepath.Join(testkit.RepoRoot(t), "plans", "muong-khoa", "2025.yaml")
	cases := []struct {
		flags             []string
		file, version     string
		pdfa, tree, field bool
	}{
		{nil, "ke-hoach-ntm-2025-muong-khoa.pdf", "1.3", false, false, false},
		{[]string{"-gan-the"}, "ke-hoach-ntm-2025-muong-khoa.pdf", "1.7", false, true, false},
		{[]string{"-luu-tru"}, "ke-hoach-ntm-2025-muong-khoa.pdf", "1.7", true, true, false},
		{[]string{"-luu-tru=1b"}, "ke-hoach-ntm-2025-muong-khoa.pdf", "1.4", true, true, false},
		{[]string{"-dien-tu"}, "ke-hoach-ntm-2025-muong-khoa-dien-tu.pdf", "1.7", false, true, true},
		{[]string{"-dien-tu", "-luu-tru=2b"}, "ke-hoach-ntm-2025-muong-khoa-dien-tu.pdf", "1.7", true, true, true},
	}
	for _, c := range cases {
		out := t.TempDir()
		args := append(append([]string{"build", "-o", out}, c.flags...), plan)
		if code, _, stderr := runArgs(args...); code != 0 {
			t.Fatalf("%v: exit %d\n%s", c.flags, code, stderr)
		}
		b, err := os.ReadFile(filepath.Join(out, c.file))
		if err != nil {
			t.Fatalf("%v: %v", c.flags, err)
		}
		got := []bool{bytes.Contains(b, []byte("<pdfaid:part>")), bytes.Contains(b, []byte("/StructTreeRoot")), bytes.Contains(b, []byte("/FT /Sig"))}
		if string(b[:8]) != "%PDF-"+c.version || got[0] != c.pdfa || got[1] != c.tree || got[2] != c.field {
			t.Errorf("%v: %q, PDF/A %v, tree %v, field %v; want %s %v %v %v", c.flags, b[:8], got[0], got[1], got[2], c.version, c.pdfa, c.tree, c.field)
		}
	}
}
