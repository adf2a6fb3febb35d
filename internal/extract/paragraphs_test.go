package extract

import (
	"fmt"
	"strings"
	"testing"

	"kehoach/internal/extract/docx"
	"kehoach/internal/extract/limits"
	"kehoach/internal/extract/para"
)

// partLines is what PartText prints, rebuilt from paragraphs: a line a
// paragraph outside tables, a line a table row with its cells apart by
// tabs and a cell's paragraphs joined by spaces; spaces collapsed.
func partLines(ps []para.Para) []string {
	var out []string
	for i := 0; i < len(ps); {
		p := ps[i]
		if p.Table == 0 {
			out = append(out, strings.Join(strings.Fields(p.Text()), " "))
			i++
			continue
		}
		var cells []string
		cell := -1
		for ; i < len(ps) && ps[i].Table == p.Table && ps[i].Row == p.Row; i++ {
			for ; cell < ps[i].Cell-1; cell++ {
				cells = append(cells, "")
			}
			cells[cell] = strings.TrimSpace(cells[cell] + " " + strings.Join(strings.Fields(ps[i].Text()), " "))
		}
		out = append(out, strings.Join(cells, "\t"))
	}
	return out
}

// TestDOCXParagraphsOfKehoach reads the DOCX kehoach writes for the 2025
// plan: the same text as kehoach text in the same order, the header and
// signature blocks in their tables and cells, the emphasis, styles and
// alignment the writer gives.
func TestDOCXParagraphsOfKehoach(t *testing.T) {
	ps, err := docx.Paragraphs(realDocs(t).docx, limits.NewBudget())
	if err != nil {
		t.Fatal(err)
	}
	text, err := docx.PartText(realDocs(t).docx)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, l := range strings.Split(strings.TrimSuffix(strings.ReplaceAll(text, "\u00a0", " "), "\n"), "\n") {
		cells := strings.Split(l, "\t")
		for i, c := range cells {
			cells[i] = strings.Join(strings.Fields(c), " ")
		}
		// A cell whose paragraphs are all empty is no paragraph.
		want = append(want, strings.TrimRight(strings.Join(cells, "\t"), "\t"))
	}
	got := partLines(ps)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Fatalf("line %d: Paragraphs gives\n%q\nPartText gives\n%q", i+1, got[i], want[i])
			}
		}
		t.Fatalf("%d lines from Paragraphs, %d from PartText", len(got), len(want))
	}
	find := func(text string) para.Para {
		for _, p := range ps {
			if strings.Join(strings.Fields(p.Text()), " ") == text {
				return p
			}
		}
		t.Fatalf("no paragraph %q", text)
		return para.Para{}
	}
	for _, c := range []struct {
		text string
		want string // as describe writes it
	}{
		{"ỦY BAN NHÂN DÂN", "t1r1c1 s=Agency a=center bold"},
		{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "t1r1c2 s=National a=center bold"},
		{"Mường Khoa, ngày tháng năm 2025", "t1r1c2 s=PlaceDate a=center italic"},
		{"KẾ HOẠCH", "s=DocType a=center bold"},
		{"I. MỤC TIÊU", "s=Heading1 a=both bold"},
		{"1. Mục tiêu chung", "s=Heading2 a=both bold"},
		{"- Duy trì, nâng cao chất lượng 12/19 tiêu chí đã đạt.", "s=Body a=both plain"},
		{"(Chi tiết có biểu số 01 kèm theo)", "s=Body a=center italic"},
		{"Nơi nhận:", "t2r1c1 s=RecipTitle a=left bold italic"},
		{"- Lưu: VT, KT.", "t2r1c1 s=RecipItem a=left plain"},
		{"TM. ỦY BAN NHÂN DÂN", "t2r1c2 s=SignAuthor a=center bold"},
	} {
		p := find(strings.Join(strings.Fields(c.text), " "))
		if got := describe(p); got != c.want {
			t.Errorf("%q: %s, want %s", c.text, got, c.want)
		}
	}
}

// describe writes a paragraph's place, style, alignment and the emphasis
// of its one run.
func describe(p para.Para) string {
	var b strings.Builder
	if p.Table > 0 {
		fmt.Fprintf(&b, "t%dr%dc%d ", p.Table, p.Row, p.Cell)
	}
	fmt.Fprintf(&b, "s=%s a=%s", p.Style, p.Align)
	if len(p.Runs) != 1 {
		fmt.Fprintf(&b, " %d runs", len(p.Runs))
		return b.String()
	}
	r := p.Runs[0]
	var em []string
	if r.Bold {
		em = append(em, "bold")
	}
	if r.Italic {
		em = append(em, "italic")
	}
	if r.Underline {
		em = append(em, "underline")
	}
	if len(em) == 0 {
		em = append(em, "plain")
	}
	return b.String() + " " + strings.Join(em, " ")
}
