package docx

import (
	"testing"

	"kehoach/internal/doc"
	"kehoach/internal/doc/doctest"
	"kehoach/internal/style"
	"kehoach/internal/testkit"
)

// validationDocs are the documents whose parts are schema-checked: the
// sample plus edge cases that take other code paths.
func validationDocs() map[string]*doc.Document {
	return map[string]*doc.Document{
		"sample":      sampleDocument(),
		"empty":       {},
		"page-breaks": doctest.PageBreaks(),
		"round-trip": {Meta: doc.Meta{Title: tricky, Author: tricky, Subject: tricky, Keywords: []string{tricky, "KH-UBND"}}, Sections: []doc.Section{{Blocks: []doc.Block{
			&doc.Paragraph{Runs: []doc.Run{{Text: tricky + "\t\n  x  ", Bold: true, Italic: true, Underline: true, Size: 13}, {Field: doc.FieldPage}}},
		}}}},
	}
}

// TestSchemaValid validates every part against the ECMA-376 transitional
// schemas with xmllint.
func TestSchemaValid(t *testing.T) {
	t.Parallel()
	docs := validationDocs()
	for _, name := range []string{"sample", "empty", "page-breaks", "round-trip"} {
		t.Run(name, func(t *testing.T) {
			_, parts := unzipParts(t, mustRender(t, docs[name], style.Default()))
			for _, part := range PartNames {
				if testkit.SchemaFor(part) == "" {
					t.Fatalf("no schema for part %s", part)
				}
			}
			testkit.ValidateParts(t, parts, nil)
		})
	}
}

// LibreOffice's rendering of the sample and of the page breaks is checked
// in internal/integration (TestLibreOffice/docx/TestLibreOffice).
