package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// fmt and new with files named as Windows users name them: XA.YML is the
// commune file (formatted in its own key order), 2025.Yml a plan, a file
// Notepad saved as .txt is reported with advice, never skipped; new
// refuses a target that is not a plan file name.
func TestWindowsFileNames(t *testing.T) {
	src := filepath.Join("..", "..", "plans", "muong-khoa")
	xa, err := os.ReadFile(filepath.Join(src, "xa.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	pl, err := os.ReadFile(filepath.Join(src, "2025.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	pl = bytes.Replace(pl, []byte("\nxa: xa.yaml\n"), []byte("\nxa: XA.YML\n"), 1)
	t.Chdir(t.TempDir())
	os.Mkdir("xa-moi", 0o755)
	files := map[string][]byte{
		"xa-moi/XA.YML":        []byte(unformatCommune(string(xa))),
		"xa-moi/2025.Yml":      pl,
		"xa-moi/2026.yaml.txt": pl,
		"xa-moi/ghi-chu.txt":   []byte("không phải kế hoạch\n"),
		"xa-moi/2025.yaml.bak": pl,
	}
	for n, b := range files {
		if err := os.WriteFile(filepath.FromSlash(n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p := func(s string) string { return filepath.FromSlash(s) }
	tests := []struct {
		args           []string
		status         int
		stdout, stderr string
	}{
		{[]string{"fmt", "-l", "xa-moi"}, 2, p("xa-moi/XA.YML") + "\n",
			p("xa-moi/2026.yaml.txt") + ":1:1: tên tệp có thêm đuôi “.txt” (Notepad thêm khi lưu với kiểu “Text Documents”) nên tệp này không được đọc như tệp YAML; hãy đổi tên tệp thành “2026.yaml” (nếu Explorer không hiện đuôi .txt: bật Xem → Phần mở rộng tên tệp, tức View → File name extensions; nếu đã có “2026.yaml” thì xóa tệp thừa này), và khi lưu bằng Notepad, ở ô Lưu dưới dạng (Save as type) chọn Tất cả các tệp (All files).\n"},
		{[]string{"new", "--from", p("xa-moi/2025.Yml"), "2026", "-o", p("xa-moi/Xa.yaml")}, 1, "",
			"kehoach new: " + p("xa-moi/Xa.yaml") + ": tên tệp kế hoạch mới cần đuôi .yaml (không thêm .txt) và khác tên tệp xã xa.yaml; hãy ghi ví dụ -tep " + p("xa-moi/2026.yaml") + ".\n"},
		{[]string{"new", "--from", p("xa-moi/2025.Yml"), "2026", "-o", p("xa-moi/2026.yaml.txt")}, 1, "",
			"kehoach new: " + p("xa-moi/2026.yaml.txt") + ": tên tệp kế hoạch mới cần đuôi .yaml (không thêm .txt) và khác tên tệp xã xa.yaml; hãy ghi ví dụ -tep " + p("xa-moi/2026.yaml") + ".\n"},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			var o, e bytes.Buffer
			st := run(tc.args, &o, &e)
			if st != tc.status || o.String() != tc.stdout || e.String() != tc.stderr {
				t.Errorf("status %d (want %d)\nstdout:\n%s\nwant:\n%s\nstderr:\n%s\nwant:\n%s", st, tc.status, o.String(), tc.stdout, e.String(), tc.stderr)
			}
		})
	}
	// fmt -w gives XA.YML the commune file's key order.
	var o, e bytes.Buffer
	if st := run([]string{"fmt", "-w", p("xa-moi/XA.YML")}, &o, &e); st != 0 {
		t.Fatalf("fmt -w: %d %s", st, e.String())
	}
	if got, _ := os.ReadFile(p("xa-moi/XA.YML")); !bytes.Equal(got, xa) {
		t.Errorf("XA.YML is not formatted as the commune file:\n%s", firstDiff(string(got), string(xa)))
	}
}

// unformatCommune moves the key ma of a commune file, first in its key
// order, to the end.
func unformatCommune(s string) string {
	l := maLine.FindString(s)
	return strings.Replace(s, l, "", 1) + l
}

var maLine = regexp.MustCompile(`(?m)^ma: .*\n`)
