package extract

import (
	"kehoach/internal/extract/docx"
	"kehoach/internal/extract/limits"
	"kehoach/internal/extract/xlsx"
	"os"
	"path/filepath"
	"testing"
	"time"

	"kehoach/internal/testkit"
)

// Per input, a fuzzed reader must stay within these: well under the
// budget's MaxDuration (which would cut it), and its allocations bounded.
const (
	fuzzMaxTime  = 2 * time.Second
	fuzzMaxAlloc = 256 << 20
)

// fuzzRead runs one reader on data, without textOf's recover (a panic
// fails the target), and fails when the reading is slow, allocates too
// much, prints more than MaxOutputBytes or prints a control character.
func fuzzRead(t *testing.T, read func([]byte, *limits.Output, *limits.Budget) error, data []byte) {
	out := &limits.Output{}
	testkit.Within(t, testkit.Budget{Time: fuzzMaxTime, Alloc: fuzzMaxAlloc}, func() {
		_ = read(data, out, limits.NewBudget())
	})
	s := out.Text()
	if len(s) > limits.MaxOutputBytes {
		t.Fatalf("%d bytes printed", len(s))
	}
	if limits.Visible(s) != s {
		t.Fatalf("a control character printed: %.200q", s)
	}
}

// hostileSeeds are small files of the hostile corpus.
func hostileSeeds(f *testing.F, names ...string) {
	for _, n := range names {
		if b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "hostile-text", n)); err == nil {
			f.Add(b)
		}
	}
}

// FuzzXLSXText: the XLSX reader never panics and stays within bounds.
func FuzzXLSXText(f *testing.F) {
	f.Add(zipParts(f, workbook(sheet1)))
	f.Add(zipParts(f, workbook(`<row r="1"><c r="XFD1" t="s"><v>1</v></c><c r="B1"><f t="shared" si="0" ref="B1:B9">A1+1</f></c></row><row><c><f t="shared" si="0"/></c></row>`)))
	hostileSeeds(f, "x09-controls.xlsx", "x11-truncated.xlsx", "x08-deep.xlsx")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, xlsx.Text, data) })
}

// FuzzDOCXText: the DOCX reader never panics and stays within bounds.
func FuzzDOCXText(f *testing.F) {
	f.Add(realDocs(f).docx)
	f.Add(zipParts(f, map[string]string{"word/document.xml": `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Xin&#13;chào</w:t><w:tab/></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>ô</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>`}))
	hostileSeeds(f, "t07-controls.docx", "t04-deep-p.docx", "t08-truncated.docx")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, docx.Text, data) })
}
