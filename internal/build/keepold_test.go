package build

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/internal/fileset"
	"kehoach/internal/testkit"
)

// The plan-level side of fileset's all-or-nothing writes: a build that
// meets a PDF held open or a full disk leaves the plan's old set whole.

const keptOld = " Các tệp khác của kế hoạch này vẫn là bản cũ, chưa bị thay."

// failRename makes fileset put no temporary file onto an output ending
// in suffix, failing with err, for the rest of the test.
func failRename(t *testing.T, suffix string, err error) {
	t.Helper()
	t.Cleanup(func() { fileset.Rename = os.Rename })
	fileset.Rename = func(from, to string) error {
		if strings.HasSuffix(from, ".tmp") && strings.HasSuffix(to, suffix) {
			return &os.LinkError{Op: "rename", Old: from, New: to, Err: err}
		}
		return os.Rename(from, to)
	}
}

// diskFull makes the temporary file of the output ending in suffix stop
// half-way with a full disk's error, for the rest of the test.
func diskFull(t *testing.T, suffix string) {
	t.Helper()
	write := fileset.WriteData
	t.Cleanup(func() { fileset.WriteData = write })
	fileset.WriteData = func(w io.Writer, name string, data []byte) error {
		if strings.HasSuffix(name, suffix) {
			w.Write(data[:len(data)/2])
			return &os.PathError{Op: "write", Path: name, Err: errDiskFull}
		}
		return write(w, name, data)
	}
}

// checkSet fails t unless dir holds exactly the files of want (name →
// content).
func checkSet(t *testing.T, dir string, want map[string]string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range ents {
		if b, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil && !e.IsDir() {
			got[e.Name()] = string(b)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%s holds %d files, want %d", dir, len(got), len(want))
	}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("%s is not the old version", name)
		}
	}
}

// builtThenEdited builds the Mường Khoa plan into root/out, then edits the
// plan so that the next build differs; it returns the plan, the output
// folder and the files the first build wrote (name → content).
func builtThenEdited(t *testing.T) (path, out string, old map[string]string) {
	t.Helper()
	root := t.TempDir()
	path = testkit.CopyPlan(t, root, "muong-khoa", "2025.yaml", nil)
	out = filepath.Join(root, "out")
	r := Plan(path, Options{OutDir: out})
	if r.Err != nil || len(r.Outputs) != 3 {
		t.Fatalf("first build: %v %v", r.Err, r.Outputs)
	}
	old = map[string]string{}
	for _, o := range r.Outputs {
		b, _ := os.ReadFile(o.Path)
		old[filepath.Base(o.Path)] = string(b)
	}
	src, _ := os.ReadFile(path)
	edited := strings.Replace(string(src), "có 88% hộ gia đình", "có 89% hộ gia đình", 1)
	if edited == string(src) {
		t.Fatal("the plan text to edit is gone")
	}
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, out, old
}

// A plan whose PDF is held open (a reader, simulated): the build writes
// none of its outputs, the three stay the old version byte for byte, the
// error names the PDF; once it is closed the next build writes the set.
func TestPlanKeepsOldSetWhenPDFInUse(t *testing.T) {
	path, out, old := builtThenEdited(t)
	failRename(t, ".pdf", errInUse)
	r := Plan(path, Options{OutDir: out})
	want := "không ghi được " + filepath.Join(out, "ke-hoach-ntm-2025-muong-khoa.pdf") + ": tệp đang mở trong chương trình khác (Word, Excel hay trình đọc PDF); hãy đóng tệp đó rồi chạy lại." + keptOld
	if r.Err == nil || r.Err.Error() != want {
		t.Fatalf("error:\n got %v\nwant %s", r.Err, want)
	}
	if len(r.Outputs) != 0 || r.Pages != 0 {
		t.Errorf("a plan that wrote nothing reports %d outputs, %d pages", len(r.Outputs), r.Pages)
	}
	checkSet(t, out, old)

	fileset.Rename = os.Rename
	r = Plan(path, Options{OutDir: out})
	if r.Err != nil || len(r.Outputs) != 3 {
		t.Fatalf("build after closing the PDF: %v", r.Err)
	}
	for _, name := range []string{"ke-hoach-ntm-2025-muong-khoa.docx", "ke-hoach-ntm-2025-muong-khoa.pdf"} {
		if b, _ := os.ReadFile(filepath.Join(out, name)); string(b) == old[name] {
			t.Errorf("%s is still the old version", name)
		}
	}
}

// A disk that fills up during a rebuild (F-15; simulated at each output in
// turn): the plan's three outputs stay the old version, byte for byte, no
// temporary file is left, and the message says the disk is full and that
// the other files are old. (The review saw, before WriteAll wrote every
// temporary file of the set before the first rename, a new DOCX beside the
// old PDF and workbook.)
func TestPlanKeepsOldSetWhenDiskFills(t *testing.T) {
	path, out, old := builtThenEdited(t)
	for _, suffix := range []string{".docx", ".pdf", "-bieu.xlsx"} {
		t.Run(suffix, func(t *testing.T) {
			diskFull(t, suffix)
			r := Plan(path, Options{OutDir: out})
			want := "không ghi được " + filepath.Join(out, "ke-hoach-ntm-2025-muong-khoa"+suffix) + ": ổ đĩa đã đầy; hãy xóa bớt tệp rồi chạy lại." + keptOld
			if r.Err == nil || r.Err.Error() != want {
				t.Fatalf("error:\n got %v\nwant %s", r.Err, want)
			}
			checkSet(t, out, old)
		})
	}
}
