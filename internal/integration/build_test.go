//go:build integration

package integration

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"kehoach/internal/build"
	"kehoach/internal/render/text"
	"kehoach/internal/testkit"
)

// pageNumberLine matches a line holding only a page number.
var pageNumberLine = regexp.MustCompile(`(?m)^\s*\d+\s*$`)

// docxOpens: LibreOffice opens the DOCX that kehoach build writes for the
// 2025 plan, and the PDF it makes holds the whole document (the text
// rendering up to the end of the signature block; the annexes follow).
func docxOpens(t *testing.T, dir string) ([]string, func(*testing.T)) {
	r := build.Plan(filepath.Join(testkit.RepoRoot(t), "plans", "muong-khoa", "2025.yaml"), build.Options{OutDir: t.TempDir(), Formats: []string{"docx"}})
	if r.Err != nil || !r.Load.OK() {
		t.Fatalf("build: %v %v", r.Err, r.Load.Errors)
	}
	if len(r.Outputs) != 1 || !strings.HasSuffix(r.Outputs[0].Path, ".docx") {
		t.Fatalf("outputs %v, want one .docx", r.Outputs)
	}
	b, err := os.ReadFile(r.Outputs[0].Path)
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(dir, "build-kh.docx")
	if err := os.WriteFile(src, b, 0o644); err != nil {
		t.Fatal(err)
	}
	main := text.Render(r.Doc)
	if i := strings.Index(main, "\f"); i >= 0 {
		main = main[:i]
	}
	return []string{src}, func(t *testing.T) {
		got := testkit.Words(pageNumberLine.ReplaceAllString(testkit.PDFText(t, filepath.Join(dir, "build-kh.pdf")), ""))
		testkit.HoldsDocument(t, "LibreOffice PDF", main, got)
	}
}
