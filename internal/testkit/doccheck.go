package testkit

import (
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"kehoach/internal/doc"
)

// Ascent is the hhea ascent of Times New Roman and Liberation Serif as a
// fraction of the font size (1825/2048): the top of the text Word,
// LibreOffice and package layout set a line by.
const Ascent = 1825.0 / 2048

// PaginationPlans are the plans whose page breaks are checked: Mường Khoa's
// 2025 plan and every plan of the test corpus (testdata/corpus/*/2025.yaml
// and the like), whatever is there.
func PaginationPlans(t testing.TB) []string {
	t.Helper()
	root := RepoRoot(t)
	corpus, err := filepath.Glob(filepath.Join(root, "testdata", "corpus", "*", "[0-9]*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(corpus)
	return append([]string{filepath.Join(root, "plans", "muong-khoa", "2025.yaml")}, corpus...)
}

// RelName is a plan's path from the repository root, for messages.
func RelName(t testing.TB, path string) string {
	if rel, err := filepath.Rel(RepoRoot(t), path); err == nil {
		return filepath.ToSlash(rel)
	}
	return path
}

// KeepChain checks the DOCX keep chain of the closing sentence and the
// signature block in document.xml: every top-level paragraph from the one
// ending in "./." up to the signature table keeps with the next; the table's
// rows never split; inside it every paragraph keeps with the next except
// the last of each cell (the end of the row and of the chain, which must not
// glue the block to whatever follows it).
func KeepChain(t testing.TB, name string, xml string) {
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

// BlockTexts returns the words of the plain text of every paragraph-like
// block, table cells and columns included.
func BlockTexts(bs []doc.Block) []string {
	var out []string
	for _, b := range bs {
		switch v := b.(type) {
		case *doc.Paragraph:
			out = append(out, doc.PlainText(v.Runs))
		case *doc.ListItem:
			out = append(out, doc.PlainText(v.Runs))
		case *doc.Table:
			for _, r := range v.Rows {
				for _, c := range r.Cells {
					for _, p := range c.Paragraphs {
						out = append(out, doc.PlainText(p.Runs))
					}
				}
			}
		case *doc.Columns:
			for _, col := range v.Cols {
				out = append(out, BlockTexts(col)...)
			}
		}
	}
	return strings.Fields(strings.Join(out, "\n")) // one number per field is enough
}
