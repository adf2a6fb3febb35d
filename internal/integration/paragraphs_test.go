//go:build integration

package integration

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/internal/build"
	"kehoach/internal/extract/docx"
	"kehoach/internal/extract/limits"
	"kehoach/internal/extract/para"
	"kehoach/internal/testkit"
)

// placed writes each paragraph as its table place, emphasis of its runs
// and words, one a line.
func placed(ps []para.Para) string {
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, "t%dr%dc%d %s", p.Table, p.Row, p.Cell, p.Align)
		for _, r := range p.Runs {
			fmt.Fprintf(&b, " [%v%v%v] %s", r.Bold, r.Italic, r.Underline, testkit.Words(r.Text))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// TestParagraphsAfterLibreOffice: the DOCX kehoach writes, opened and
// saved again as DOCX by LibreOffice (as a commune does when it edits
// last year's file), reads as the same paragraphs: text, emphasis,
// alignment and table cells.
func TestParagraphsAfterLibreOffice(t *testing.T) {
	dir := t.TempDir()
	r := build.Plan(filepath.Join(testkit.RepoRoot(t), "plans", "muong-khoa", "2025.yaml"), build.Options{OutDir: t.TempDir(), Formats: []string{"docx"}})
	if r.Err != nil || !r.Load.OK() || len(r.Outputs) != 1 {
		t.Fatalf("build: %v %v %v", r.Err, r.Load.Errors, r.Outputs)
	}
	ours, err := os.ReadFile(r.Outputs[0].Path)
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(dir, "src", "kh.docx")
	os.MkdirAll(filepath.Dir(src), 0o755)
	if err := os.WriteFile(src, ours, 0o644); err != nil {
		t.Fatal(err)
	}
	testkit.Soffice(t, dir, "docx:MS Word 2007 XML", src)
	theirs, err := os.ReadFile(filepath.Join(dir, "kh.docx"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := docx.Paragraphs(ours, limits.NewBudget())
	if err != nil {
		t.Fatal(err)
	}
	got, err := docx.Paragraphs(theirs, limits.NewBudget())
	if err != nil {
		t.Fatal(err)
	}
	if len(want) < 200 {
		t.Fatalf("%d paragraphs in kehoach's DOCX of the 2025 plan", len(want))
	}
	if g, w := placed(got), placed(want); g != w {
		gl, wl := strings.Split(g, "\n"), strings.Split(w, "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("paragraph %d after LibreOffice:\n%s\nkehoach's:\n%s", i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("%d paragraphs after LibreOffice, %d in kehoach's DOCX", len(gl)-1, len(wl)-1)
	}
}
