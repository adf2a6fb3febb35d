package build

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"testing"

	"kehoach/internal/compose"
	"kehoach/internal/fonts"
	"kehoach/internal/layout"
	"kehoach/internal/plan"
	"kehoach/internal/plan/plantest"
	"kehoach/internal/render/text"
	"kehoach/internal/testkit"
)

// wellFormed checks every XML part of a zip package.
func wellFormed(t *testing.T, b []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		dec := xml.NewDecoder(rc)
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%s is not well-formed XML: %v", f.Name, err)
			}
		}
		rc.Close()
	}
}

// pdfShape is a structural check of a PDF: header, objects, cross-reference
// table, trailer with a root, end marker.
func pdfShape(t *testing.T, b []byte) {
	t.Helper()
	for _, want := range []string{"%PDF-1.", " 0 obj", "xref", "trailer", "/Root", "startxref"} {
		if !bytes.Contains(b, []byte(want)) {
			t.Fatalf("PDF lacks %q", want)
		}
	}
	if !bytes.HasSuffix(bytes.TrimSpace(b), []byte("%%EOF")) {
		t.Fatal("PDF does not end with the end-of-file marker")
	}
}

// FuzzRender: any plan that validates composes and renders without panic;
// DOCX and XLSX parts are well-formed XML, the PDF has a sound structure.
func FuzzRender(f *testing.F) {
	for _, p := range []string{"../plan/testdata/minimal.yaml", "../../cmd/kehoach/testdata/hostile/60-chen-xml-cong-thuc-mau.yaml"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	xa, err := os.ReadFile(filepath.Join("..", "plan", "testdata", "xa.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	font := fonts.Bundled()
	f.Fuzz(func(t *testing.T, data []byte) {
		testkit.Within(t, testkit.FuzzBudget, func() {
			res, err := plan.LoadBytes("f.yaml", data, func(string) ([]byte, error) { return xa, nil })
			if err != nil || !res.OK() {
				return
			}
			prof := plantest.Profile(t, res)
			c, err := compose.All(res.Plan, prof, compose.Options{Measure: layout.Bundled()})
			if err != nil {
				t.Fatalf("a valid plan does not compose: %v", err)
			}
			d := c.Doc
			_ = text.Render(d)
			xb, err := RenderAnnexes(c.Sheets, prof, d.Meta.Date)
			if err != nil {
				t.Fatalf("xlsx: %v", err)
			}
			wellFormed(t, xb)
			for _, format := range []string{"docx", "pdf"} {
				b, err := Render(format, d, prof, font)
				if err != nil {
					t.Fatalf("%s: %v", format, err)
				}
				if format == "pdf" {
					pdfShape(t, b)
				} else {
					wellFormed(t, b)
				}
			}
		})
	})
}
