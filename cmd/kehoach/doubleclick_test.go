package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/internal/testkit"
)

func TestStartedByDoubleClick(t *testing.T) {
	for _, tc := range []struct {
		args       []string
		ownConsole bool
		want       bool
	}{
		{nil, true, true},                // Explorer: a console of its own, no arguments
		{[]string{}, true, true},         //
		{nil, false, false},              // cmd, PowerShell, a terminal: the shell shares the console
		{[]string{"build"}, true, false}, // a shortcut with arguments runs them
		{[]string{"help"}, false, false},
	} {
		if got := startedByDoubleClick(tc.args, tc.ownConsole); got != tc.want {
			t.Errorf("startedByDoubleClick(%q, %v) = %v, want %v", tc.args, tc.ownConsole, got, tc.want)
		}
	}
}

// enterKey is a console's standard input: it records that it was read.
type enterKey struct{ reads int }

func (k *enterKey) Read(p []byte) (int, error) {
	k.reads++
	return copy(p, "\n"), nil
}

// Started from Explorer, kehoach builds the plans of its folder, says where
// the documents are and waits for Enter; it explains a folder without
// plans and a plan with errors the same way, and waits too.
func TestDoubleClick(t *testing.T) {
	good := t.TempDir()
	testkit.CopyPlan(t, good, "muong-khoa", "2025.yaml", nil)
	bad := t.TempDir()
	testkit.CopyPlan(t, bad, "muong-khoa", "2025.yaml", func(s string) string { return strings.Replace(s, "nam: 2025", "nam: hai", 1) })
	for _, tc := range []struct {
		name           string
		dir            string
		status         int
		stdout, stderr []string
	}{
		{"plans built", good, 0, []string{
			"kehoach: tạo văn bản cho mọi kế hoạch trong " + filepath.Join(good, "plans") + ".\n\n",
			filepath.Join("plans", "muong-khoa", "2025.yaml") + " → " + filepath.Join("out", "ke-hoach-ntm-2025-muong-khoa.pdf"),
			"\nXong: văn bản ở thư mục " + filepath.Join(good, "out") + ".\n",
		}, nil},
		{"a plan with errors", bad, 1, []string{
			"\nCó kế hoạch còn lỗi (xem các dòng ở trên, mỗi dòng ghi tệp:dòng:cột và cách sửa);\nkế hoạch đó chưa được tạo văn bản. Sửa tệp rồi bấm đúp lại.",
		}, []string{"1 lỗi, không tạo văn bản."}},
		{"no plans folder", t.TempDir(), 2, nil, []string{
			"kehoach: không có thư mục plans cạnh chương trình",
			"Hãy chép kehoach.exe vào thư mục kho mã, cạnh thư mục plans, rồi bấm đúp lại;\nhoặc mở cmd hay PowerShell trong thư mục kho mã và gõ: kehoach build\n",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Chdir(t.TempDir()) // doubleClick moves into tc.dir; this puts the test back
			var o, e bytes.Buffer
			key := &enterKey{}
			if got := doubleClick(tc.dir, key, &o, &e); got != tc.status {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", got, tc.status, o.String(), e.String())
			}
			for _, w := range tc.stdout {
				if !strings.Contains(o.String(), w) {
					t.Errorf("stdout lacks %q:\n%s", w, o.String())
				}
			}
			for _, w := range tc.stderr {
				if !strings.Contains(e.String(), w) {
					t.Errorf("stderr lacks %q:\n%s", w, e.String())
				}
			}
			if !strings.HasSuffix(o.String(), "\nBấm Enter để đóng cửa sổ này.") || key.reads == 0 {
				t.Errorf("does not wait for Enter (%d reads): %q", key.reads, o.String())
			}
		})
	}
	if _, err := os.Stat(filepath.Join(good, "out", "ke-hoach-ntm-2025-muong-khoa.docx")); err != nil {
		t.Error(err)
	}
}
