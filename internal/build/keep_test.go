package build

import (
	"regexp"
	"strings"
	"testing"
)

// checkKeepChain checks the DOCX keep chain of the closing sentence and the
// signature block in document.xml: every top-level paragraph from the one
// ending in "./." up to the signature table keeps with the next; the table's
// rows never split; inside it every paragraph keeps with the next except
// the last of each cell (the end of the row and of the chain, which must not
// glue the block to whatever follows it).
func checkKeepChain(t *testing.T, name string, xml string) {
	t.Helper()
	main := xml
	if i := strings.Index(main, "<w:sectPr>"); i >= 0 {
		main = main[:i] // the first section: text and signature
	}
	end := strings.LastIndex(main, "./.</w:t>")
	if end < 0 {
		t.Errorf("%s: no closing sentence ending in ./. in the first section", name)
		return
	}
	start := strings.LastIndex(main[:end], "<w:p>")
	tbl := strings.Index(main[end:], "<w:tbl>")
	if tbl < 0 {
		t.Errorf("%s: no signature table after the closing sentence", name)
		return
	}
	tbl += end
	tblEnd := strings.Index(main[tbl:], "</w:tbl>")
	if tblEnd < 0 || strings.Contains(main[tbl+len("<w:tbl>"):tbl+tblEnd], "<w:tbl>") {
		t.Errorf("%s: the signature table is not a plain table", name)
		return
	}
	before := paragraphsOf(main[start:tbl])
	if len(before) < 2 {
		t.Errorf("%s: want the closing sentence and a spacer before the signature table, got %d paragraphs", name, len(before))
	}
	for i, p := range before {
		if !strings.Contains(p, "<w:keepNext/>") {
			t.Errorf("%s: paragraph %d of the chain (closing sentence, spacers) lacks keepNext:\n%s", name, i+1, p)
		}
	}
	table := main[tbl : tbl+tblEnd]
	rows := strings.Split(table, "<w:tr>")[1:]
	if len(rows) == 0 {
		t.Errorf("%s: signature table has no rows", name)
	}
	for ri, row := range rows {
		if !strings.HasPrefix(row, "<w:trPr><w:cantSplit/>") {
			t.Errorf("%s: signature table row %d is not cantSplit", name, ri+1)
		}
		cells := strings.Split(row, "<w:tc>")[1:]
		for ci, cell := range cells {
			ps := paragraphsOf(cell)
			for k, p := range ps {
				lastOfCell := ri == len(rows)-1 && k == len(ps)-1
				if got := strings.Contains(p, "<w:keepNext/>"); got == lastOfCell {
					t.Errorf("%s: signature row %d cell %d paragraph %d of %d: keepNext %v, want %v\n%s",
						name, ri+1, ci+1, k+1, len(ps), got, !lastOfCell, p)
				}
			}
		}
	}
}

var paraRe = regexp.MustCompile(`<w:p>.*?</w:p>`)

// paragraphsOf returns the <w:p> elements of an XML fragment in order.
func paragraphsOf(x string) []string { return paraRe.FindAllString(x, -1) }

// The closing sentence, the spacer before the signature and the whole
// signature block (Nơi nhận and signer) form one keep chain in the DOCX,
// so Word and LibreOffice never leave the signature alone on a page.
func TestDOCXKeepChain2025(t *testing.T) {
	r := build2025(t)
	parts := unzip(t, output(t, r, ".docx"))
	checkKeepChain(t, "2025", string(parts["word/document.xml"]))
}
