package docx

import (
	"strings"
	"testing"

	"kehoach/internal/doc"
	"kehoach/internal/style"
)

// TestBannerHeaders: a banner is a bold centred 10 pt paragraph above the
// page number in both headers, so that Word prints it on every page.
func TestBannerHeaders(t *testing.T) {
	parts, err := Parts(&doc.Document{Banner: "BẢN TRÌNH & XEM XÉT"}, style.Default())
	if err != nil {
		t.Fatal(err)
	}
	want := `<w:p><w:pPr><w:pStyle w:val="PageNumber"/><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/><w:bCs/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr><w:t>BẢN TRÌNH &amp; XEM XÉT</w:t></w:r></w:p>`
	for _, h := range []string{PartHeaderPage, PartHeaderEmpty} {
		x := string(parts[h])
		i := strings.Index(x, want)
		if i < 0 {
			t.Fatalf("%s lacks the banner paragraph:\n%s", h, x)
		}
		if strings.Count(x, "<w:p>") != 2 {
			t.Errorf("%s: want the banner then the page number paragraph:\n%s", h, x)
		}
	}
	page := string(parts[PartHeaderPage])
	if strings.Index(page, "BẢN TRÌNH") > strings.Index(page, " PAGE ") {
		t.Errorf("the banner is not above the page number:\n%s", page)
	}
}

// TestColumnsKeepNext: a KeepNext Columns block (a heading beside its
// note) keeps every paragraph of its row with the next, and the chain goes
// on through the paragraph that keeps it apart from a following table.
func TestColumnsKeepNext(t *testing.T) {
	cols := func(keep bool) *doc.Columns {
		return &doc.Columns{Widths: []float64{110, 5, 50}, KeepNext: keep, Note: true,
			Cols: [][]doc.Block{{para(doc.StyleBody, "Mục")}, nil, {para(doc.StyleTableCell, "Lý do")}}}
	}
	for _, keep := range []bool{false, true} {
		body := oneSection(t, cols(keep), signatureBlock())
		row := body[:strings.Index(body, "</w:tbl>")]
		for i, p := range paragraphs(row) {
			if keeps(p) != keep {
				t.Errorf("KeepNext %v: paragraph %d of the row keeps %v:\n%s", keep, i+1, keeps(p), p)
			}
		}
		between := paragraphs(body[strings.Index(body, "</w:tbl>"):strings.LastIndex(body, "<w:tbl>")])
		if len(between) != 1 || keeps(between[0]) != keep {
			t.Errorf("KeepNext %v: between the tables %v", keep, between)
		}
	}
}
