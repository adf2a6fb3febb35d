package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"kehoach/internal/testkit"
	"kehoach/templates"
)

// repoFolder makes a folder like a copy of the repository — plans/ with the
// 2025 plan of Mường Khoa, and templates/ with the given files (slash
// names, text written with CRLF line ends as Git for Windows checks them
// out) — and makes it the working directory until the test ends.
func repoFolder(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	testkit.CopyPlan(t, root, "muong-khoa", "2025.yaml", nil)
	for name, text := range files {
		p := filepath.Join(root, "templates", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(strings.ReplaceAll(text, "\n", "\r\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(root)
	// Library calls of later tests read the embedded copy again.
	t.Cleanup(func() { templates.Use(templates.FS, "", nil) })
	return root
}

// embedded returns an embedded template file edited with the old → new
// pairs, each of which must be found.
func embedded(t *testing.T, name string, pairs ...string) string {
	t.Helper()
	b, err := templates.FS.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for i := 0; i < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			t.Fatalf("%s lacks %q", name, pairs[i])
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	return s
}

// Wording edited in templates/ke-hoach.tmpl of the working directory
// changes the documents without rebuilding kehoach, and kehoach says once
// which folder it uses; a command that reads no template says nothing.
func TestTemplatesFolder(t *testing.T) {
	root := repoFolder(t, map[string]string{
		"ke-hoach.tmpl": embedded(t, "ke-hoach.tmpl", "Trên đây là Kế hoạch của", "TRÊN ĐÂY LÀ KẾ HOẠCH (đã sửa mẫu) của"),
		"bieu.tmpl":     embedded(t, "bieu.tmpl"),
	})
	code, stdout, stderr := runArgs("build", "-o", "out", "plans")
	if code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, stdout, stderr)
	}
	notice := "Dùng mẫu câu chữ trong thư mục templates/ (" + filepath.Join(root, "templates") + "): đã sửa ke-hoach.tmpl so với bản có sẵn trong chương trình.\n"
	if !strings.HasPrefix(stderr, notice) || strings.Count(stderr, "Dùng mẫu câu chữ") != 1 {
		t.Errorf("stderr does not start with the notice, once:\n%s\nwant:\n%s", stderr, notice)
	}
	for _, f := range []string{"ke-hoach-ntm-2025-muong-khoa.docx", "ke-hoach-ntm-2025-muong-khoa.pdf"} {
		code, text, errs := runArgs("text", filepath.Join("out", f))
		if code != 0 || errs != "" {
			t.Fatalf("text %s: exit %d, stderr %q (text reads no template, so no notice)", f, code, errs)
		}
		flat := strings.Join(strings.Fields(text), " ")
		if !strings.Contains(flat, "TRÊN ĐÂY LÀ KẾ HOẠCH (đã sửa mẫu) của UBND xã Mường Khoa về thực hiện") || strings.Contains(flat, "Trên đây là Kế hoạch") || strings.Contains(text, "\r") {
			t.Errorf("%s does not have the edited wording (or has a CR):\n%.400s", f, text)
		}
	}

	// The same files as the embedded copy: said so, same documents.
	os.WriteFile(filepath.Join(root, "templates", "ke-hoach.tmpl"), []byte(embedded(t, "ke-hoach.tmpl")), 0o644)
	_, _, stderr = runArgs("check", "plans")
	if want := "Dùng mẫu câu chữ trong thư mục templates/ (" + filepath.Join(root, "templates") + "): giống bản có sẵn trong chương trình.\n"; !strings.HasPrefix(stderr, want) {
		t.Errorf("check: stderr %q, want the notice %q", stderr, want)
	}
}

// lineOf is the line of the embedded template name on which text starts.
func lineOf(t *testing.T, name, text string) int {
	t.Helper()
	s := embedded(t, name)
	i := strings.Index(s, text)
	if i < 0 {
		t.Fatalf("%s lacks %q", name, text)
	}
	return 1 + strings.Count(s[:i], "\n")
}

// A broken template gives a Vietnamese error naming the file (and line or
// block), exit status 2, and no documents; never a crash.
func TestBrokenTemplates(t *testing.T) {
	ke := filepath.Join("templates", "ke-hoach.tmpl")
	bieu := filepath.Join("templates", "bieu.tmpl")
	for _, tc := range []struct {
		name   string
		files  map[string]string
		stderr string
	}{
		{"unclosed block", map[string]string{"ke-hoach.tmpl": embedded(t, "ke-hoach.tmpl", "./.{{end}}", "./.")},
			"kehoach build: " + ke + ":36: mẫu câu chữ viết sai: một khối {{define}} bắt đầu khi khối trước chưa đóng bằng {{end}}; hãy sửa lại theo bản gốc trong kho mã, hoặc xóa tệp này để dùng bản có sẵn trong chương trình.\n"},
		{"unknown value", map[string]string{"ke-hoach.tmpl": embedded(t, "ke-hoach.tmpl", "Kế hoạch của {{.CoQuan}}", "Kế hoạch của {{.CoQuann}}")},
			ke + ":34: khối “ket-luan” dùng giá trị “.CoQuann” mà chương trình không có cho khối này; hãy sửa lại theo bản gốc trong kho mã, hoặc xóa tệp này để dùng bản có sẵn trong chương trình.\n"},
		{"annex block missing", map[string]string{"bieu.tmpl": embedded(t, "bieu.tmpl", `{{define "b01-ten"}}`, `{{define "b01-tenn"}}`)},
			bieu + ": không có khối “b01-ten” mà chương trình cần (tệp có thể cũ hơn chương trình); hãy thêm khối {{define \"b01-ten\"}}…{{end}} như bản gốc trong kho mã, hoặc xóa tệp này để dùng bản có sẵn trong chương trình.\n"},
		{"annex does not parse", map[string]string{"bieu.tmpl": embedded(t, "bieu.tmpl", `{{define "b01-ten"}}`, `{{define "b01-ten"}}{{`)},
			"kehoach build: " + bieu + ":" + strconv.Itoa(lineOf(t, "bieu.tmpl", `{{define "b01-ten"}}`)) + ": mẫu câu chữ viết sai: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := repoFolder(t, tc.files)
			code, stdout, stderr := runArgs("build", "-o", "out", "plans")
			if code != 2 || !strings.Contains(stderr, tc.stderr) {
				t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s\nwant:\n%s", code, stdout, stderr, tc.stderr)
			}
			if ents, _ := os.ReadDir(filepath.Join(root, "out")); len(ents) > 0 {
				t.Errorf("%d files written", len(ents))
			}
		})
	}
}

func TestTemplatesDir(t *testing.T) {
	mk := func(files ...string) string {
		dir := t.TempDir()
		for _, f := range files {
			p := filepath.Join(dir, filepath.FromSlash(f))
			os.MkdirAll(filepath.Dir(p), 0o755)
			os.WriteFile(p, []byte("x"), 0o644)
		}
		return dir
	}
	wd := mk("templates/ke-hoach.tmpl")
	exe := mk("templates/bieu.tmpl", "kehoach.exe")
	other := mk("templates/index.html")
	none := mk()
	for _, tc := range []struct {
		wd, exe, want string
	}{
		{filepath.Join(wd, "templates"), exe, filepath.Join(wd, "templates")},
		{filepath.Join(none, "templates"), exe, filepath.Join(exe, "templates")},
		{filepath.Join(other, "templates"), exe, filepath.Join(exe, "templates")},
		{filepath.Join(other, "templates"), none, ""},
		{filepath.Join(none, "templates"), "", ""},
	} {
		if got := templatesDir(tc.wd, tc.exe); got != tc.want {
			t.Errorf("templatesDir(%s, %s) = %q, want %q", tc.wd, tc.exe, got, tc.want)
		}
	}
}

// A YAML slip in a data file of templates/ that a user edits (the sources,
// a period) is reported at its file, line and column, once, and the notice
// names the file as edited; not "no period holds the year" or every source
// tag reported unknown while the file is there.
func TestBrokenTemplateData(t *testing.T) {
	for _, name := range []string{"nguon.yaml", "giai-doan/2021-2025.yaml"} {
		t.Run(name, func(t *testing.T) {
			text := embedded(t, name) + "khong_co_khoa: [\n"
			// The unclosed "[" is found at the end of the file: the line
			// after the slip.
			line := strings.Count(text, "\n") + 1
			repoFolder(t, map[string]string{name: text})
			code, stdout, stderr := runArgs("check", "plans")
			if code != 1 {
				t.Errorf("exit %d, want 1\n%s%s", code, stdout, stderr)
			}
			want := filepath.Join("templates", filepath.FromSlash(name)) + ":" + strconv.Itoa(line) + ":1: lỗi cú pháp YAML"
			if n := strings.Count(stderr, want); n != 1 {
				t.Errorf("%q %d times in stderr, want once:\n%s", want, n, stderr)
			}
			if notice := "đã sửa " + name + " so với bản có sẵn trong chương trình"; !strings.Contains(stderr, notice) {
				t.Errorf("stderr lacks the notice %q:\n%s", notice, stderr)
			}
			for _, wrong := range []string{"chưa có giai đoạn nào", "không có trong templates/nguon.yaml"} {
				if strings.Contains(stderr, wrong) {
					t.Errorf("stderr says %q, a consequence of the slip, not its cause:\n%s", wrong, stderr)
				}
			}
		})
	}
}
