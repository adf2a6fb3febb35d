//go:build integration

package integration

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/internal/build"
	"kehoach/internal/render/text"
	"kehoach/internal/testkit"
)

// electronicDOCX: LibreOffice opens the electronic DOCX (kehoach build
// -dien-tu) of the 2025 plan issued as number 125 on 05/8/2025, and its
// PDF holds the whole document with the number and the day and month left
// blank, on as many pages as kehoach's own PDF.
func electronicDOCX(t *testing.T, dir string) ([]string, func(*testing.T)) {
	p := testkit.CopyPlan(t, t.TempDir(), "muong-khoa", "2025.yaml", func(s string) string {
		s = strings.Replace(s, "  so: # dự thảo: văn thư điền số khi ban hành (kehoach issue)\n", "  so: 125\n", 1)
		return strings.Replace(s, "  ngay: # dự thảo\n", "  ngay: 2025-08-05\n", 1)
	})
	r := build.Plan(p, build.Options{OutDir: t.TempDir(), Electronic: true, Formats: []string{"docx", "pdf"}})
	if r.Err != nil || !r.Load.OK() {
		t.Fatalf("build: %v %v", r.Err, r.Load.Errors)
	}
	if len(r.Outputs) != 2 || !strings.HasSuffix(r.Outputs[0].Path, "-dien-tu.docx") {
		t.Fatalf("outputs %v, want the electronic .docx and .pdf", r.Outputs)
	}
	b, err := os.ReadFile(r.Outputs[0].Path)
	if err != nil {
		t.Fatal(err)
	}
	docx := filepath.Join(dir, "electronic.docx")
	if err := os.WriteFile(docx, b, 0o644); err != nil {
		t.Fatal(err)
	}
	whole := text.Render(r.Doc)
	main := whole
	if i := strings.Index(main, "\f"); i >= 0 {
		main = main[:i]
	}
	return []string{docx}, func(t *testing.T) {
		raw := testkit.PDFText(t, filepath.Join(dir, "electronic.pdf"))
		got := testkit.Words(pageNumberLine.ReplaceAllString(raw, ""))
		testkit.HoldsDocument(t, "LibreOffice PDF of the electronic DOCX", main, got)
		if strings.Contains(got, "125/KH-UBND") || strings.Contains(got, "ngày 05 tháng 8") || !strings.Contains(got, "Số: /KH-UBND") {
			t.Errorf("the number or the date is printed:\n%.400s", got)
		}
		if pages := strings.Count(strings.TrimRight(raw, "\f"), "\f") + 1; pages != r.Pages {
			t.Errorf("LibreOffice sets the electronic DOCX on %d pages, kehoach's PDF has %d", pages, r.Pages)
		}
	}
}
