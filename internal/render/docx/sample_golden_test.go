package docx

import (
	"path/filepath"
	"testing"

	extractdocx "kehoach/internal/extract/docx"
	"kehoach/internal/style"
	"kehoach/internal/testkit"
)

// The sample document's text as the DOCX holds it (extractdocx.PartText of
// word/document.xml: a line per paragraph, table cells separated by tabs),
// pinned readably in testdata/sample.docx.golden beside the byte-exact
// parts of testdata/golden (go test ./internal/render/docx -update).
func TestSampleTextGolden(t *testing.T) {
	t.Parallel()
	text, err := extractdocx.PartText(mustRender(t, sampleDocument(), style.Default()))
	if err != nil {
		t.Fatal(err)
	}
	testkit.Golden(t, filepath.Join("testdata", "sample.docx.golden"), []byte(text), *update)
}
