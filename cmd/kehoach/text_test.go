package main

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"kehoach/internal/extract"
	"kehoach/internal/extract/limits"
	"kehoach/internal/testkit"
)

// kehoach text prints extract's text of each output, and says in
// Vietnamese why it cannot read a file.
func TestTextCommand(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := runArgs("build", "-o", out, copyPlan(t, nil)); code != 0 {
		t.Fatal(stderr)
	}
	for _, name := range []string{"ke-hoach-ntm-2025-muong-khoa.docx", "ke-hoach-ntm-2025-muong-khoa.pdf", "ke-hoach-ntm-2025-muong-khoa-bieu.xlsx"} {
		p := filepath.Join(out, name)
		want, err := extract.Text(p)
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

// kehoach text's help gives the limits of extract; a file name or a
// message holding control characters is printed with them written out;
// a text cut at the budget exits 0, with the notice and a message.
func TestTextLimitsAndEscapes(t *testing.T) {
	for _, s := range []string{
		"chữ in ra tối đa " + strconv.Itoa(limits.MaxOutputBytes>>20) + " MiB",
		"đọc tối đa\n" + strconv.Itoa(int(limits.MaxDuration/time.Second)) + " giây",
	} {
		if !strings.Contains(textCmd.Long, s) {
			t.Errorf("help does not say %q", s)
		}
	}
	dir := t.TempDir()
	evil := filepath.Join(dir, "\x1b]0;pwned\a\u202e.pdf")
	code, stdout, stderr := runArgs("text", evil)
	if code != 2 || stdout != "" || strings.ContainsAny(stderr, "\x1b\a\u202e") || !strings.Contains(stderr, `\x1b]0;pwned\x07\u202e.pdf: không có tệp này`) {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	cutFile := filepath.Join(testkit.RepoRoot(t), "testdata", "hostile-text", "x04-xfd-rows.xlsx")
	code, stdout, stderr = runArgs("text", cutFile)
	if code != 0 || !strings.Contains(stdout, "\n[kehoach text: dừng ở đây vì văn bản in ra vượt 8 MiB; phần sau không in (tệp ") ||
		stderr != "kehoach text: "+cutFile+": chỉ in phần đầu, dừng vì văn bản in ra vượt 8 MiB.\n" {
		t.Errorf("cut text: exit %d, %d bytes, stderr %q", code, len(stdout), stderr)
	}
}
