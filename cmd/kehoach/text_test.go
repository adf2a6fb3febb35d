package main

import (
	"path/filepath"
	"strings"
	"testing"

	"kehoach/internal/textconv"
)

// kehoach text prints textconv's text of each output, and says in
// Vietnamese why it cannot read a file.
func TestTextCommand(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := runArgs("build", "-o", out, copyPlan(t, nil)); code != 0 {
		t.Fatal(stderr)
	}
	for _, name := range []string{"ke-hoach-ntm-2025-muong-khoa.docx", "ke-hoach-ntm-2025-muong-khoa.pdf", "ke-hoach-ntm-2025-muong-khoa-bieu.xlsx"} {
		p := filepath.Join(out, name)
		want, err := textconv.Text(p)
		if err != nil {
			t.Fatal(err)
		}
		code, stdout, stderr := runArgs("text", p)
		if code != 0 || stdout != want || stderr != "" || !strings.Contains(stdout, "Mường Khoa") {
			t.Errorf("%s: exit %d, stderr %q, %d bytes (want %d)", name, code, stderr, len(stdout), len(want))
		}
	}
	missing := filepath.Join(out, "khong-co.pdf")
	if code, _, stderr := runArgs("text", missing); code != 2 || stderr != "kehoach text: "+missing+": không có tệp này; hãy kiểm tra đường dẫn.\n" {
		t.Errorf("missing file: exit %d, %q", code, stderr)
	}
}
