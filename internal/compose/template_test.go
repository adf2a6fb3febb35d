package compose

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/internal/layout"
	"kehoach/internal/plan/plantest"
	"kehoach/templates"
)

// A wording template edited on disk so that it no longer fits the code is
// an error of All (the path a build takes), naming the file and the
// block; never a panic.
func TestTemplateErrorsAreErrors(t *testing.T) {
	res := load2025(t) // loaded with the embedded templates
	for _, tc := range []struct {
		file, from, to, want string
	}{
		{"bieu.tmpl", `{{define "b01-ten"}}`, `{{define "b01-tenn"}}`, "bieu.tmpl: không có khối “b01-ten” mà chương trình cần"},
		{"ke-hoach.tmpl", "./.{{end}}", "./.", "ke-hoach.tmpl:36: mẫu câu chữ viết sai: một khối {{define}} bắt đầu khi khối trước chưa đóng bằng {{end}}"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			orig, err := templates.FS.ReadFile(tc.file)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(orig), tc.from) {
				t.Fatalf("%s has no %q", tc.file, tc.from)
			}
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, tc.file), []byte(strings.Replace(string(orig), tc.from, tc.to, 1)), 0o644); err != nil {
				t.Fatal(err)
			}
			templates.Use(templates.Folder(dir), dir, nil)
			defer templates.Use(templates.FS, "", nil)
			c, err := All(res.Plan, plantest.Profile(t, res), Options{Measure: layout.Bundled()})
			if err == nil || !strings.Contains(err.Error(), tc.want) || c.Doc != nil || c.Sheets != nil {
				t.Errorf("All: %+v, %v; want an error with %q", c, err, tc.want)
			}
		})
	}
}
