package templates

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// folder writes files (slash names) into a new temporary folder, makes it
// the source in use over the embedded copy until the test ends, and
// returns it.
func folder(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	Use(Folder(dir), dir, nil)
	t.Cleanup(func() { Use(FS, "", nil) })
	return dir
}

func TestFolderOverEmbedded(t *testing.T) {
	dir := folder(t, map[string]string{
		"ke-hoach.tmpl":          "\ufeff{{define \"ten-loai\"}}KẾ HOẠCH ĐÃ SỬA{{end}}\r\n",
		"tieu-chi/moi-2031.yaml": "ma: moi-2031\n",
	})
	b, err := ReadFile("ke-hoach.tmpl")
	if err != nil || string(b) != "{{define \"ten-loai\"}}KẾ HOẠCH ĐÃ SỬA{{end}}\n" {
		t.Errorf("ReadFile of the edited file = %q, %v; want it without BOM and CR", b, err)
	}
	emb, _ := FS.ReadFile("bieu.tmpl")
	if b, err := ReadFile("bieu.tmpl"); err != nil || string(b) != string(emb) {
		t.Errorf("a file the folder lacks is not read from the embedded copy (%v)", err)
	}
	ents, err := ReadDir("tieu-chi")
	var got []string
	for _, e := range ents {
		got = append(got, e.Name())
	}
	if want := "moi-2031.yaml qd318-2021-2025.yaml qd51-2026-2030.yaml tinh"; strings.Join(got, " ") != want || err != nil {
		t.Errorf("ReadDir(tieu-chi) = %q, %v; want %q", got, err, want)
	}
	for name, want := range map[string]string{
		"ke-hoach.tmpl": filepath.Join(dir, "ke-hoach.tmpl"),
		"bieu.tmpl":     "templates/bieu.tmpl (bản có sẵn trong chương trình)",
	} {
		if got := Path(name); got != want {
			t.Errorf("Path(%s) = %q, want %q", name, got, want)
		}
	}
	changed, added := Compare(dir)
	if strings.Join(changed, " ") != "ke-hoach.tmpl" || strings.Join(added, " ") != "tieu-chi/moi-2031.yaml" {
		t.Errorf("Compare = %q, %q", changed, added)
	}
	if _, err := ReadFile("khong-co.tmpl"); err == nil || !strings.Contains(err.Error(), "templates/khong-co.tmpl (bản có sẵn trong chương trình): không có tệp này") {
		t.Errorf("missing file: %v", err)
	}
}

func TestIsFolder(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files []string
		want  bool
	}{
		{"a copy of the repository's templates", []string{"ke-hoach.tmpl", "bieu.tmpl"}, true},
		{"one criteria set only", []string{"tieu-chi/qd51-2026-2030.yaml"}, true},
		{"an unrelated templates folder", []string{"thu-moi.docx", "index.html"}, false},
		{"empty", nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, f := range tc.files {
				p := filepath.Join(dir, filepath.FromSlash(f))
				os.MkdirAll(filepath.Dir(p), 0o755)
				os.WriteFile(p, []byte("x"), 0o644)
			}
			if got := IsFolder(dir); got != tc.want {
				t.Errorf("IsFolder = %v, want %v", got, tc.want)
			}
		})
	}
	if IsFolder(filepath.Join(t.TempDir(), "khong-co")) {
		t.Error("a missing folder is a templates folder")
	}
}

// Parsed parses once per source: switching sources (Use) reads the new
// files; firstRead is called once, at the first read.
func TestParsedPerSource(t *testing.T) {
	parse := func(path string, data []byte) (string, error) { return path + "=" + string(data), nil }
	calls := 0
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "viet-tat.yaml"), []byte("a"), 0o644)
	Use(Folder(dir), dir, func() { calls++ })
	t.Cleanup(func() { Use(FS, "", nil) })
	for i := 0; i < 2; i++ {
		if v, err := Parsed("viet-tat.yaml", parse); err != nil || v != filepath.Join(dir, "viet-tat.yaml")+"=a" {
			t.Errorf("Parsed = %q, %v", v, err)
		}
	}
	ReadFile("nd30.yaml")
	if calls != 1 {
		t.Errorf("firstRead called %d times, want 1", calls)
	}
	os.WriteFile(filepath.Join(dir, "viet-tat.yaml"), []byte("b"), 0o644)
	if v, _ := Parsed("viet-tat.yaml", parse); !strings.HasSuffix(v, "=a") {
		t.Errorf("re-parsed within one source: %q", v)
	}
	Use(FS, "", nil)
	emb, _ := FS.ReadFile("viet-tat.yaml")
	if v, _ := Parsed("viet-tat.yaml", parse); v != "templates/viet-tat.yaml="+string(emb) {
		t.Errorf("after Use(FS): %.60q", v)
	}
}

// A broken wording file gives a Vietnamese error naming the file, the line
// and how to fix it; the embedded files all parse.
func TestTextErrors(t *testing.T) {
	for _, name := range []string{"ke-hoach.tmpl", "bieu.tmpl"} {
		if _, err := Text(name); err != nil {
			t.Errorf("embedded %s: %v", name, err)
		}
	}
	for _, tc := range []struct {
		name, text, want string
	}{
		{"unclosed define", "{{define \"a\"}}A{{end}}\n{{define \"b\"}}B\n",
			":3: mẫu câu chữ viết sai: tệp hết mà một khối {{define}}, {{if}} hay {{range}} chưa đóng bằng {{end}}; hãy sửa lại theo bản gốc trong kho mã, hoặc xóa tệp này để dùng bản có sẵn trong chương trình."},
		{"unclosed action", "{{define \"a\"}}A{{end}}\n\n{{define \"b\"}}{{.Ten}{{end}}\n",
			":3: mẫu câu chữ viết sai: ký tự “}” không đúng chỗ trong một lệnh mẫu {{ … }}; hãy sửa"},
		{"define inside a define", "{{define \"a\"}}A\n{{define \"b\"}}B{{end}}\n",
			":2: mẫu câu chữ viết sai: một khối {{define}} bắt đầu khi khối trước chưa đóng bằng {{end}};"},
		{"unclosed quote", "{{define \"a}}A{{end}}\n",
			":1: mẫu câu chữ viết sai: một chuỗi mở bằng dấu \" mà không có dấu \" đóng;"},
		{"unknown function", "{{define \"a\"}}{{hoa .Ten}}{{end}}\n",
			":1: mẫu câu chữ viết sai: không có hàm “hoa” trong lệnh mẫu;"},
		{"stray end", "{{define \"a\"}}A{{end}}{{end}}\n",
			":1: mẫu câu chữ viết sai: thừa một {{end}} (không có khối nào đang mở);"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := folder(t, map[string]string{"ke-hoach.tmpl": tc.text})
			_, err := Text("ke-hoach.tmpl")
			want := filepath.Join(dir, "ke-hoach.tmpl") + tc.want
			if err == nil || !strings.HasPrefix(err.Error(), want) || !IsError(err) {
				t.Errorf("error\n%v\nwant prefix\n%s", err, want)
			}
		})
	}
}

func TestExecuteErrors(t *testing.T) {
	dir := folder(t, map[string]string{"ke-hoach.tmpl": "{{define \"a\"}}A{{end}}\n{{define \"b\"}}Của {{.CoQuan2}}{{end}}\n"})
	file := filepath.Join(dir, "ke-hoach.tmpl")
	tmpl, err := Text("ke-hoach.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	if s, err := Execute(tmpl, "ke-hoach.tmpl", "a", nil); s != "A" || err != nil {
		t.Errorf("Execute(a) = %q, %v", s, err)
	}
	for _, tc := range []struct{ block, want string }{
		{"ket-luan", file + ": không có khối “ket-luan” mà chương trình cần (tệp có thể cũ hơn chương trình); hãy thêm khối {{define \"ket-luan\"}}…{{end}} như bản gốc trong kho mã, hoặc xóa tệp này để dùng bản có sẵn trong chương trình."},
		{"b", file + ":2: khối “b” dùng giá trị “.CoQuan2” mà chương trình không có cho khối này; hãy sửa lại theo bản gốc trong kho mã, hoặc xóa tệp này để dùng bản có sẵn trong chương trình."},
	} {
		_, err := Execute(tmpl, "ke-hoach.tmpl", tc.block, map[string]any{"CoQuan": "UBND"})
		if err == nil || err.Error() != tc.want {
			t.Errorf("Execute(%s):\n%v\nwant\n%s", tc.block, err, tc.want)
		}
	}
}

// A template file on disk that is a link to /dev/zero (or any endless or
// special file) is refused at once, with the reason and the file, never
// read; Compare (the notice of the first read) skips it.
func TestTemplateLinkToDevZero(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("BỎ QUA: /dev/zero và symlink không có sẵn trên Windows")
	}
	dir := folder(t, map[string]string{"bieu.tmpl": "{{define \"x\"}}{{end}}\n"})
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "ke-hoach.tmpl")); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, err := ReadFile("ke-hoach.tmpl")
		want := filepath.Join(dir, "ke-hoach.tmpl") + ": không đọc được tệp: tệp là liên kết (symlink) tới /dev/zero, là một thiết bị chứ không phải tệp thường"
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("error:\n got %v\nwant %s…", err, want)
		}
		if changed, _ := Compare(dir); len(changed) != 1 || changed[0] != "bieu.tmpl" {
			t.Errorf("Compare: %v", changed)
		}
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("reading a template linked to /dev/zero did not return")
	}
}

// TestParsedOrSnapshot: the snapshot stands in for the parse while every
// YAML file reads as embedded — the embedded copy, or a folder whose files
// are the same but for a BOM and CRLF line ends —, and the parse is used
// once one YAML file of the folder is edited, even another one than the
// file parsed (a criteria set's check reads can-cu.yaml), or when the
// snapshot has no value of the type.
func TestParsedOrSnapshot(t *testing.T) {
	const name = "viet-tat.yaml"
	load := func() string {
		v, err := ParsedOr(name, func(n, path string) any {
			if n != name {
				t.Errorf("snapshot asked for %s", n)
			}
			return "snapshot " + path
		}, func(path string, data []byte) (string, error) { return "parse " + path, nil })
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if got := load(); got != "snapshot templates/viet-tat.yaml" {
		t.Errorf("embedded copy: %q", got)
	}
	emb, _ := FS.ReadFile("can-cu.yaml")
	crlf := "\ufeff" + strings.ReplaceAll(string(emb), "\n", "\r\n")
	folder(t, map[string]string{"can-cu.yaml": crlf, "ke-hoach.tmpl": "đã sửa"})
	if got := load(); got != "snapshot templates/viet-tat.yaml (bản có sẵn trong chương trình)" {
		t.Errorf("folder of the same YAML files: %q", got)
	}
	folder(t, map[string]string{"can-cu.yaml": string(emb) + "# sửa\n"})
	if got := load(); got != "parse templates/viet-tat.yaml (bản có sẵn trong chương trình)" {
		t.Errorf("folder with an edited YAML file: %q", got)
	}
	Use(FS, "", nil)
	v, err := ParsedOr(name, func(string, string) any { return nil }, func(path string, data []byte) (string, error) { return "parse", nil })
	if v != "parse" || err != nil {
		t.Errorf("no snapshot: %q, %v", v, err)
	}
}
