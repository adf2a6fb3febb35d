package fileset

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
)

// set is a plan's three outputs at one version.
func set(version string) []File {
	return []File{
		{Name: "kh.docx", Data: []byte("docx " + version)},
		{Name: "kh.pdf", Data: []byte("pdf " + version)},
		{Name: "kh-bieu.xlsx", Data: []byte("xlsx " + version)},
	}
}

// writeSet writes set(version) into dir and returns what dir should hold.
func writeSet(t *testing.T, dir, version string) map[string]string {
	t.Helper()
	if _, err := WriteAll(dir, set(version)); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, f := range set(version) {
		want[f.Name] = string(f.Data)
	}
	return want
}

// checkSet checks that dir holds exactly want (name → content) and no
// temporary file or backup.
func checkSet(t *testing.T, dir string, want map[string]string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range ents {
		if e.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		got[e.Name()] = string(b)
	}
	var g, w []string
	for n, c := range got {
		g = append(g, n+"="+c)
	}
	for n, c := range want {
		w = append(w, n+"="+c)
	}
	sort.Strings(g)
	sort.Strings(w)
	if strings.Join(g, " | ") != strings.Join(w, " | ") {
		t.Errorf("%s holds\n  %s\nwant\n  %s", dir, strings.Join(g, " | "), strings.Join(w, " | "))
	}
}

// failRename makes Rename fail with err for the renames fail selects, as
// Windows does for a file another program holds open.
func failRename(t *testing.T, fail func(from, to string) bool, err error) {
	t.Helper()
	t.Cleanup(func() { Rename = os.Rename })
	Rename = func(from, to string) error {
		if fail(from, to) {
			return &os.LinkError{Op: "rename", Old: from, New: to, Err: err}
		}
		return os.Rename(from, to)
	}
}

// diskFull makes the write of the temporary file of the output with this
// suffix stop half-way with ENOSPC, as a full disk does.
func diskFull(t *testing.T, suffix string) {
	t.Helper()
	t.Cleanup(func() {
		WriteData = func(w io.Writer, name string, data []byte) error { _, err := w.Write(data); return err }
	})
	WriteData = func(w io.Writer, name string, data []byte) error {
		if strings.HasSuffix(name, suffix) {
			w.Write(data[:len(data)/2])
			return &os.PathError{Op: "write", Path: name, Err: errDiskFull}
		}
		_, err := w.Write(data)
		return err
	}
}

// onto selects the renames of a new version (a temporary file) onto the
// outputs with these suffixes.
func onto(suffixes ...string) func(from, to string) bool {
	return func(from, to string) bool {
		for _, s := range suffixes {
			if strings.HasSuffix(from, ".tmp") && strings.HasSuffix(to, s) {
				return true
			}
		}
		return false
	}
}

const (
	inUse   = ": tệp đang mở trong chương trình khác (Word, Excel hay trình đọc PDF); hãy đóng tệp đó rồi chạy lại."
	keptOld = " Các tệp khác của kế hoạch này vẫn là bản cũ, chưa bị thay."
)

// A set is written all or nothing: when one output cannot be replaced,
// the others are put back, the folder holds the old set whole, and the
// message names each file that failed, says why in Vietnamese (never the
// temporary file or an English OS text) and which files are old.
func TestWriteAll(t *testing.T) {
	tests := []struct {
		name  string
		old   bool                           // an old set is there first
		setup func(t *testing.T, dir string) // more preparation
		want  string                         // the error, with D for the folder; "" = success
		after string                         // the version the folder holds: "cu", "moi", "" (nothing), or "mixed"
	}{
		{name: "new folder", want: "", after: "moi"},
		{name: "replace the old set", old: true, want: "", after: "moi"},
		{
			name: "PDF held open", old: true,
			setup: func(t *testing.T, dir string) { failRename(t, onto(".pdf"), errInUse) },
			want:  "không ghi được D/kh.pdf" + inUse + keptOld, after: "cu",
		},
		{
			name: "DOCX held open: nothing is replaced", old: true,
			setup: func(t *testing.T, dir string) { failRename(t, onto(".docx"), errInUse) },
			want:  "không ghi được D/kh.docx" + inUse + keptOld, after: "cu",
		},
		{
			name: "DOCX and workbook held open: both named", old: true,
			setup: func(t *testing.T, dir string) { failRename(t, onto(".docx", ".xlsx"), errInUse) },
			want:  "không ghi được D/kh.docx" + inUse + "\nkhông ghi được D/kh-bieu.xlsx" + inUse + keptOld, after: "cu",
		},
		{
			name:  "first build, PDF cannot be written: nothing is left",
			setup: func(t *testing.T, dir string) { failRename(t, onto(".pdf"), errInUse) },
			want:  "không ghi được D/kh.pdf" + inUse + " Các tệp khác của kế hoạch này chưa được ghi.", after: "",
		},
		{
			name: "the undo fails too: the message says which file is new", old: true,
			setup: func(t *testing.T, dir string) {
				failRename(t, func(from, to string) bool {
					return onto(".pdf")(from, to) || strings.HasSuffix(from, ".bak") && strings.HasSuffix(to, ".docx")
				}, errInUse)
			},
			want:  "không ghi được D/kh.pdf" + inUse + " CHÚ Ý: D/kh.docx đã là bản mới, còn D/kh.pdf, D/kh-bieu.xlsx vẫn là bản cũ: các tệp không khớp nhau; hãy chạy lại sau khi sửa lỗi trên.",
			after: "mixed",
		},
		{
			name: "an OS error without advice: its own text, no temporary file name", old: true,
			setup: func(t *testing.T, dir string) { failRename(t, onto(".xlsx"), syscall.ENAMETOOLONG) },
			want:  "không ghi được D/kh-bieu.xlsx: lỗi của hệ điều hành (" + syscall.ENAMETOOLONG.Error() + ")." + keptOld, after: "cu",
		},
		{
			name: "disk full while writing the workbook: nothing is replaced", old: true,
			setup: func(t *testing.T, dir string) { diskFull(t, ".xlsx") },
			want:  "không ghi được D/kh-bieu.xlsx: ổ đĩa đã đầy; hãy xóa bớt tệp rồi chạy lại." + keptOld, after: "cu",
		},
		{
			name:  "disk full while writing the DOCX, first build: nothing is left",
			setup: func(t *testing.T, dir string) { diskFull(t, ".docx") },
			want:  "không ghi được D/kh.docx: ổ đĩa đã đầy; hãy xóa bớt tệp rồi chạy lại. Các tệp khác của kế hoạch này chưa được ghi.", after: "",
		},
		{
			name: "a folder where the PDF goes (no simulation)", old: true,
			setup: func(t *testing.T, dir string) {
				if err := os.Remove(filepath.Join(dir, "kh.pdf")); err != nil {
					t.Fatal(err)
				}
				if err := os.Mkdir(filepath.Join(dir, "kh.pdf"), 0o755); err != nil {
					t.Fatal(err)
				}
			},
			want:  "không ghi được D/kh.pdf: đã có một thư mục trùng tên với tệp này; hãy đổi tên hay xóa thư mục đó rồi chạy lại." + keptOld,
			after: "cu-without-pdf",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			want := map[string]string{}
			if tc.old {
				want = writeSet(t, dir, "cu")
			}
			if tc.setup != nil {
				tc.setup(t, dir)
			}
			outs, err := WriteAll(dir, set("moi"))
			wantErr := strings.ReplaceAll(tc.want, "D/", dir+string(filepath.Separator))
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tc.want != "" && (err == nil || err.Error() != wantErr):
				t.Fatalf("error:\n got %v\nwant %s", err, wantErr)
			}
			if err != nil && len(outs) != 0 {
				t.Errorf("a failed write reports outputs %v", outs)
			}
			switch tc.after {
			case "moi":
				want = map[string]string{"kh.docx": "docx moi", "kh.pdf": "pdf moi", "kh-bieu.xlsx": "xlsx moi"}
				if len(outs) != 3 || outs[1].Path != filepath.Join(dir, "kh.pdf") || outs[1].Bytes != len("pdf moi") {
					t.Errorf("outputs %v", outs)
				}
			case "":
				want = map[string]string{}
			case "mixed":
				want["kh.docx"] = "docx moi"
			case "cu-without-pdf":
				delete(want, "kh.pdf")
			}
			checkSet(t, dir, want)
		})
	}
}

// One file (a plan rewritten by fmt -w, a sổ phát hành): a failed rename
// leaves the old file, and the message has no word about other files.
func TestWriteAtomicInUse(t *testing.T) {
	dir := t.TempDir()
	if _, err := WriteAtomic(dir, "so.csv", []byte("cu")); err != nil {
		t.Fatal(err)
	}
	failRename(t, onto(".csv"), errInUse)
	_, err := WriteAtomic(dir, "so.csv", []byte("moi"))
	if want := "không ghi được " + filepath.Join(dir, "so.csv") + inUse; err == nil || err.Error() != want {
		t.Fatalf("error:\n got %v\nwant %s", err, want)
	}
	var we *WriteError
	if !errors.As(err, &we) || !we.InUse() || !errors.Is(err, errInUse) {
		t.Errorf("%T %v: not a WriteError held open wrapping the OS error", err, err)
	}
	checkSet(t, dir, map[string]string{"so.csv": "cu"})
}

// Folders that cannot take the outputs, for real (no simulation).
func TestWriteAllFolders(t *testing.T) {
	root := t.TempDir()
	file := filepath.Join(root, "out")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, dir string
		files     []File
		want      string
	}{
		{"the folder is a file", file, set("moi"),
			"không tạo được thư mục " + file + ": trên đường dẫn có một tệp trùng tên thư mục; hãy đổi tên tệp đó hoặc chọn thư mục khác (-o)."},
		{"a folder under a file", filepath.Join(file, "2025"), set("moi"),
			"không tạo được thư mục " + filepath.Join(file, "2025") + ": trên đường dẫn có một tệp trùng tên thư mục; hãy đổi tên tệp đó hoặc chọn thư mục khác (-o)."},
		{"a name with a folder", root, []File{{Name: "../kh.pdf"}},
			"tên tệp kết quả “../kh.pdf” không hợp lệ"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := WriteAll(tc.dir, tc.files); err == nil || err.Error() != tc.want {
				t.Errorf("error:\n got %v\nwant %s", err, tc.want)
			}
		})
	}
}

// A read-only output folder, for real: nothing is replaced, and the
// message says the folder cannot be written. Root writes anywhere, so as
// root the test runs again as the user nobody.
func TestWriteAllReadOnlyFolder(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("BỎ QUA: quyền thư mục của Windows (ACL) không đặt được bằng chmod")
	}
	if asUser(t, "TestWriteAllReadOnlyFolder") {
		return
	}
	dir := t.TempDir()
	old := writeSet(t, dir, "cu")
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o755)
	_, err := WriteAll(dir, set("moi"))
	want := "không ghi được " + filepath.Join(dir, "kh.docx") + ": không có quyền ghi vào thư mục " + dir + "; hãy chọn thư mục khác (-o) hoặc xin quyền ghi." + keptOld
	if err == nil || err.Error() != want {
		t.Fatalf("error:\n got %v\nwant %s", err, want)
	}
	checkSet(t, dir, old)
}

// CleanStale removes the temporary files and backups a killed build left,
// once older than StaleAge, and nothing else.
func TestCleanStale(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-2 * StaleAge)
	files := map[string]bool{ // name → removed
		".kh.pdf.123.tmp": true, ".kh.docx.456.bak": true, "kh.pdf": false, ".gitkeep": false,
		".kh.xlsx.789.bak":          false, // young: a build may still be running
		".2025.yaml.3141592653.tmp": true,  // left in a plan folder by a killed fmt -w
		// Not the tool's own names: a user's or another program's files.
		".ghi-chu.tmp": false, ".kh.pdf.12a.tmp": false, "kh.pdf.123.tmp": false, ".123.tmp": false,
	}
	for name := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		if name != ".kh.xlsx.789.bak" {
			os.Chtimes(p, old, old)
		}
	}
	// A folder so named is not a temporary file.
	os.Mkdir(filepath.Join(dir, ".kh.pdf.55.tmp"), 0o755)
	os.Chtimes(filepath.Join(dir, ".kh.pdf.55.tmp"), old, old)
	files[".kh.pdf.55.tmp"] = false
	CleanStale(dir)
	for name, removed := range files {
		if _, err := os.Stat(filepath.Join(dir, name)); os.IsNotExist(err) != removed {
			t.Errorf("%s: removed %v, want %v", name, os.IsNotExist(err), removed)
		}
	}
}

// WriteInPlace replaces a file the user edits: through a symlink it
// replaces the target and keeps the link; it keeps the permissions; a
// dangling link is refused, never replaced by a file.
func TestWriteInPlace(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("BỎ QUA: tạo symlink trên Windows cần quyền quản trị")
	}
	dir := t.TempDir()
	target := filepath.Join(dir, "chung", "2025.yaml")
	os.MkdirAll(filepath.Dir(target), 0o755)
	os.WriteFile(target, []byte("cu"), 0o640)
	link := filepath.Join(dir, "mk", "2025.yaml")
	os.MkdirAll(filepath.Dir(link), 0o755)
	if err := os.Symlink("../chung/2025.yaml", link); err != nil {
		t.Fatal(err)
	}
	got, err := WriteInPlace(link, []byte("moi"))
	if err != nil || got != target {
		t.Fatalf("WriteInPlace = %q, %v; want %q", got, err, target)
	}
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if b, _ := os.ReadFile(target); string(b) != "moi" {
		t.Errorf("target holds %q", b)
	}
	if st, _ := os.Stat(target); st.Mode().Perm() != 0o640 {
		t.Errorf("target mode %v, want 0640", st.Mode().Perm())
	}
	checkSet(t, filepath.Dir(target), map[string]string{"2025.yaml": "moi"})

	dangling := filepath.Join(dir, "mk", "2026.yaml")
	os.Symlink("khong-co.yaml", dangling)
	if _, err := WriteInPlace(dangling, []byte("x")); err == nil || !strings.Contains(err.Error(), "là liên kết (symlink) tới một tệp không còn nữa") {
		t.Errorf("dangling link: %v", err)
	}
	if st, _ := os.Lstat(dangling); st.Mode()&os.ModeSymlink == 0 {
		t.Error("the dangling link was replaced")
	}
}

// A plan in a folder the user cannot write: the message says to ask for
// the right to write there, not to choose another folder with -o (fmt -w,
// check -fix and issue have no -o).
func TestWriteInPlaceReadOnlyFolder(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("BỎ QUA: quyền thư mục của Windows (ACL) không đặt được bằng chmod")
	}
	if asUser(t, "TestWriteInPlaceReadOnlyFolder") {
		return
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "2025.yaml")
	os.WriteFile(p, []byte("cu"), 0o644)
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	_, err := WriteInPlace(p, []byte("moi"))
	want := "không ghi được " + p + ": không có quyền ghi vào thư mục " + dir + "; hãy xin quyền ghi vào thư mục đó rồi chạy lại."
	if err == nil || err.Error() != want {
		t.Errorf("error:\n got %v\nwant %s", err, want)
	}
}

// WriteNew writes a new file whole and never replaces one already there.
func TestWriteNew(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "2026.yaml")
	if err := WriteNew(path, []byte("nam: 2026\n")); err != nil {
		t.Fatal(err)
	}
	if err := WriteNew(path, []byte("nam: 2027\n")); !errors.Is(err, fs.ErrExist) {
		t.Errorf("second write: %v, want fs.ErrExist", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "nam: 2026\n" {
		t.Errorf("file holds %q", b)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Errorf("%d files in the folder, want the one written (no temporary file left)", len(ents))
	}
}
