package build

import (
	"bytes"
	"encoding/xml"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/internal/render/xlsx"
	"kehoach/internal/testkit"
)

// docxParagraphs returns the text of every paragraph of a DOCX's
// word/document.xml with its paragraph style: "AnnexTitle=PHÂN BỔ …".
func docxParagraphs(t *testing.T, path string) []string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(unzip(t, path)["word/document.xml"]))
	var out []string
	var style string
	var text strings.Builder
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			switch x.Name.Local {
			case "p":
				style = ""
				text.Reset()
			case "pStyle":
				for _, a := range x.Attr {
					if a.Name.Local == "val" {
						style = a.Value
					}
				}
			case "t":
				inText = true
			}
		case xml.EndElement:
			switch x.Name.Local {
			case "p":
				out = append(out, style+"="+testkit.Words(text.String()))
			case "t":
				inText = false
			}
		case xml.CharData:
			if inText {
				text.Write(x)
			}
		}
	}
}

// The annexes name the two kinds of central funds as the plan's programme
// period does (templates/giai-doan, bieu): Biểu 02's two “Trong đó”
// columns and Biểu 04's title, in the PDF, the DOCX and the workbook.
func TestAnnexVocabularyByPeriod(t *testing.T) {
	root := testkit.RepoRoot(t)
	tests := []struct {
		plan               string
		dauTu, thuongXuyen string
		title04            string
		notInAnnexes       []string // the other period's words
	}{
		{"plans/muong-khoa/2025.yaml", "Vốn đầu tư", "Vốn sự nghiệp", "PHÂN BỔ VỐN SỰ NGHIỆP NĂM 2025",
			[]string{"Vốn đầu tư công", "Kinh phí thường xuyên", "KINH PHÍ THƯỜNG XUYÊN"}},
		{"testdata/corpus/ea-to-lo/2026.yaml", "Vốn đầu tư công", "Kinh phí thường xuyên", "PHÂN BỔ KINH PHÍ THƯỜNG XUYÊN NĂM 2026",
			[]string{"Vốn sự nghiệp", "VỐN SỰ NGHIỆP"}},
	}
	for _, tc := range tests {
		t.Run(tc.plan, func(t *testing.T) {
			t.Parallel()
			out := t.TempDir()
			r := Plan(filepath.Join(root, filepath.FromSlash(tc.plan)), Options{OutDir: out})
			if r.Err != nil || !r.Load.OK() {
				t.Fatalf("build: %v %v", r.Err, r.Load.Errors)
			}

			// PDF: pdftotext reads each header cell as a block, in order.
			pdfText := testkit.Words(testkit.PDFText(t, output(t, r, ".pdf")))
			annexes := pdfText[strings.Index(pdfText, "Biểu số 01 "):]
			for _, want := range []string{"Trong đó " + tc.dauTu + " " + tc.thuongXuyen + " TỔNG SỐ", tc.title04} {
				if !strings.Contains(annexes, want) {
					t.Errorf("PDF annexes lack %q", want)
				}
			}

			// DOCX: the header cells and the title as paragraphs of their styles.
			paras := docxParagraphs(t, output(t, r, ".docx"))
			all := "\n" + strings.Join(paras, "\n") + "\n"
			for _, want := range []string{"TableHead=" + tc.dauTu, "TableHead=" + tc.thuongXuyen, "AnnexTitle=" + tc.title04} {
				if !strings.Contains(all, "\n"+want+"\n") {
					t.Errorf("DOCX has no paragraph %q", want)
				}
			}

			// XLSX: Biểu 02's D6, E6 under “Trong đó”; Biểu 04's title in A2.
			parts := unzip(t, output(t, r, "-bieu.xlsx"))
			cells := []struct{ sheet, cell, want string }{
				{xlsx.SheetName("02"), "D5", "Trong đó"},
				{xlsx.SheetName("02"), "D6", tc.dauTu},
				{xlsx.SheetName("02"), "E6", tc.thuongXuyen},
				{xlsx.SheetName("04"), "A2", tc.title04},
			}
			for _, c := range cells {
				if got := xlsxCellText(t, parts, c.sheet, c.cell); testkit.Words(got) != c.want {
					t.Errorf("%s!%s = %q, want %q", c.sheet, c.cell, got, c.want)
				}
			}

			// The other period's words appear in no annex heading or header.
			heads := ""
			for _, p := range paras {
				if strings.HasPrefix(p, "TableHead=") || strings.HasPrefix(p, "AnnexTitle=") {
					heads += p + "\n"
				}
			}
			for _, w := range tc.notInAnnexes {
				if strings.Contains(heads, w) {
					t.Errorf("DOCX annex headings hold %q of the other period:\n%s", w, heads)
				}
			}
		})
	}
}

// xlsxCellText is the text of cell ref of a workbook's sheet: the sheet's
// part found through xl/workbook.xml and its relationships, then the
// cell's inline string (<is><t>) or stored value (<v>).
func xlsxCellText(t *testing.T, parts map[string][]byte, sheetName, ref string) string {
	t.Helper()
	each := func(part string, f func(e xml.StartElement, dec *xml.Decoder) bool) {
		dec := xml.NewDecoder(bytes.NewReader(parts[part]))
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				return
			}
			if err != nil {
				t.Fatalf("%s: %v", part, err)
			}
			if e, ok := tok.(xml.StartElement); ok && !f(e, dec) {
				return
			}
		}
	}
	attr := func(e xml.StartElement, local string) string {
		for _, a := range e.Attr {
			if a.Name.Local == local {
				return a.Value
			}
		}
		return ""
	}
	rid := ""
	each("xl/workbook.xml", func(e xml.StartElement, _ *xml.Decoder) bool {
		if e.Name.Local == "sheet" && attr(e, "name") == sheetName {
			rid = attr(e, "id")
		}
		return rid == ""
	})
	part := ""
	each("xl/_rels/workbook.xml.rels", func(e xml.StartElement, _ *xml.Decoder) bool {
		if e.Name.Local == "Relationship" && attr(e, "Id") == rid {
			part = "xl/" + attr(e, "Target")
		}
		return part == ""
	})
	if part == "" {
		t.Fatalf("no sheet %q in the workbook", sheetName)
	}
	text, found := "", false
	each(part, func(e xml.StartElement, dec *xml.Decoder) bool {
		if e.Name.Local != "c" || attr(e, "r") != ref {
			return true
		}
		var c struct {
			V  string `xml:"v"`
			IS struct {
				T string `xml:"t"`
			} `xml:"is"`
		}
		if err := dec.DecodeElement(&c, &e); err != nil {
			t.Fatal(err)
		}
		text, found = c.V+c.IS.T, true
		return false
	})
	if !found {
		t.Fatalf("%s!%s: no such cell", sheetName, ref)
	}
	return text
}
