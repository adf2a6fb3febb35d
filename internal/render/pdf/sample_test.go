package pdf_test

import (
	"path/filepath"
	"testing"

	"kehoach/internal/doc/doctest"
	"kehoach/internal/extract"
	"kehoach/internal/layout"
	"kehoach/internal/testkit"
)

var update = testkit.Update

// The sample document (doctest.Sample) as PDF, pinned readably in
// testdata/sample.pdf.golden: the pages as layout placed them
// (layout.Dump), then the text read back from the PDF's bytes (the reader
// of kehoach text), page by page. Regenerate with
// go test ./internal/render/pdf -update.
func TestSampleGolden(t *testing.T) {
	t.Parallel()
	d := doctest.Sample()
	pages, err := layout.Layout(d, prof, fam)
	if err != nil {
		t.Fatal(err)
	}
	path, _ := render(t, d)
	text, err := extract.Text(path)
	if err != nil {
		t.Fatal(err)
	}
	got := "# layout.Dump\n" + layout.Dump(pages) + "\n# kehoach text\n" + text
	testkit.Golden(t, filepath.Join("testdata", "sample.pdf.golden"), []byte(got), *update)
}
