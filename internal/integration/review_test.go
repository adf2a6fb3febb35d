//go:build integration

package integration

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/internal/build"
	"kehoach/internal/plan/plantest"
	"kehoach/internal/testkit"
)

// reviewCopy: LibreOffice opens the review copy's DOCX (kehoach build
// -ban-trinh) of the 2025 plan with a ly_do on every item, and its PDF
// holds every justification once, next to its item, in the printed order,
// and the banner on every page (from the DOCX headers).
func reviewCopy(t *testing.T, dir string) ([]string, func(*testing.T)) {
	src, err := os.ReadFile(filepath.Join(testkit.RepoRoot(t), "plans", "muong-khoa", "2025.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	noted, js := plantest.Justify(t, string(src))
	p := testkit.CopyPlan(t, t.TempDir(), "muong-khoa", "2025.yaml", func(string) string { return noted })
	r := build.Plan(p, build.Options{OutDir: t.TempDir(), Review: true, Formats: []string{"docx"}})
	if r.Err != nil || !r.Load.OK() {
		t.Fatalf("build: %v %v", r.Err, r.Load.Errors)
	}
	if len(r.Outputs) != 1 || !strings.HasSuffix(r.Outputs[0].Path, "-ban-trinh.docx") {
		t.Fatalf("outputs %v, want the review copy's .docx", r.Outputs)
	}
	b, err := os.ReadFile(r.Outputs[0].Path)
	if err != nil {
		t.Fatal(err)
	}
	docx := filepath.Join(dir, "review-copy.docx")
	if err := os.WriteFile(docx, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return []string{docx}, func(t *testing.T) {
		// -raw: in the order LibreOffice drew the text (the item's cell,
		// then its note's), not pdftotext's guess of columns.
		raw := testkit.PDFText(t, filepath.Join(dir, "review-copy.pdf"), "-raw")
		pages := strings.Count(strings.TrimRight(raw, "\f"), "\f") + 1
		text := testkit.Words(raw)
		if n := strings.Count(text, "BẢN TRÌNH LÃNH ĐẠO XEM XÉT - KHÔNG BAN HÀNH"); n != pages {
			t.Errorf("the banner is on %d of %d pages", n, pages)
		}
		plantest.Printed(t, "LibreOffice PDF of the review copy", text, js)
	}
}
