package extract

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"kehoach/internal/extract/docx"
	"kehoach/internal/extract/limits"
	"kehoach/internal/extract/para"
	"kehoach/internal/extract/txt"
	"kehoach/internal/testkit"

	"golang.org/x/text/unicode/norm"
)

// nsWord is the WordprocessingML name space.
const nsWord = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

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

// FuzzDOCXParagraphs: the paragraph reader of kehoach import never
// panics, stays within the fuzz bounds of the text readers, and what it
// gives holds together: at most MaxParagraphs paragraphs, each with text
// in trimmed, non-empty runs, a short label, a level and a table place
// that make sense.
func FuzzDOCXParagraphs(f *testing.F) {
	f.Add(realDocs(f).docx)
	for _, name := range []string{"muong-khoa-2025-auto.docx", "kinh-dung-2025-manual.docx"} {
		if b, err := os.ReadFile(filepath.Join("docx", "testdata", "wordlike", name)); err == nil {
			f.Add(b)
		}
	}
	f.Add(zipParts(f, map[string]string{
		"word/document.xml":  `<w:document xmlns:w="` + nsWord + `"><w:body><w:p><w:pPr><w:pStyle w:val="H"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>Mục</w:t><w:br/><w:tab/></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>ô</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>`,
		"word/numbering.xml": `<w:numbering xmlns:w="` + nsWord + `"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1.%2)"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="4"/></w:lvlOverride></w:num></w:numbering>`,
		"word/styles.xml":    `<w:styles xmlns:w="` + nsWord + `"><w:style w:styleId="H"><w:basedOn w:val="H"/><w:rPr><w:i/></w:rPr><w:pPr><w:jc w:val="center"/></w:pPr></w:style></w:styles>`,
	}))
	hostileSeeds(f, "t04-deep-p.docx", "t08-truncated.docx")
	f.Fuzz(func(t *testing.T, data []byte) {
		var ps []para.Para
		var err error
		testkit.Within(t, testkit.Budget{Time: fuzzMaxTime, Alloc: fuzzMaxAlloc}, func() {
			ps, err = docx.Paragraphs(data, limits.NewBudget())
		})
		if err != nil {
			if ps != nil || err.Error() == "" {
				t.Fatalf("error %q with %d paragraphs", err, len(ps))
			}
			return
		}
		if len(ps) > limits.MaxParagraphs {
			t.Fatalf("%d paragraphs", len(ps))
		}
		for _, p := range ps {
			checkPara(t, p)
			if len(p.Label) > 256 || p.Level < 0 || p.Level > 8 || p.Table < 0 || p.Row < 0 || p.Cell < 0 || p.Table == 0 && (p.Row != 0 || p.Cell != 0) {
				t.Fatalf("paragraph %+v", p)
			}
		}
	})
}

// FuzzTXTParagraphs: the text reader never panics, stays within the
// bounds, refuses with an *txt.Error, and gives non-empty NFC paragraphs
// without control characters on increasing lines.
func FuzzTXTParagraphs(f *testing.F) {
	f.Add([]byte(" KẾ HOẠCH \r\n\r\nThực hiện\vChương trình\r\nI.\tMỤC TIÊU\fII.\n"))
	f.Add(append([]byte{0xFF, 0xFE}, testkit.UTF16("Kế hoạch\r\nsố 12", false)...))
	f.Add(append([]byte{0xFE, 0xFF}, testkit.UTF16("Kế hoạch\nsố 12", true)...))
	f.Add([]byte(" K\xca\xec HOA\xf2CH \r\nTh\xfd\xf2c hi\xea\xf2n\r\n"))
	f.Add([]byte("Kế hoạch \xff\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var ps []para.Para
		var err error
		testkit.Within(t, testkit.Budget{Time: fuzzMaxTime, Alloc: fuzzMaxAlloc}, func() {
			ps, err = txt.Paragraphs(data)
		})
		if err != nil {
			var e *txt.Error
			if !errors.As(err, &e) || e.Msg == "" || ps != nil {
				t.Fatalf("error %v (%T) with %d paragraphs", err, err, len(ps))
			}
			return
		}
		line := 0
		for _, p := range ps {
			checkPara(t, p)
			if len(p.Runs) != 1 || p.Line <= line || p.Label != "" || p.Table != 0 {
				t.Fatalf("paragraph %+v after line %d", p, line)
			}
			line = p.Line
			for _, r := range p.Text() {
				if r < 0x20 && r != '\t' && r != '\n' || r == 0x7f || r >= 0x80 && r < 0xa0 {
					t.Fatalf("control %U in %q", r, p.Text())
				}
			}
		}
	})
}

// checkPara fails a paragraph with no text, an empty run, blanks at its
// ends, text not UTF-8 or not NFC.
func checkPara(t *testing.T, p para.Para) {
	t.Helper()
	s := p.Text()
	if len(p.Runs) == 0 || s != strings.TrimSpace(s) || s == "" || !utf8.ValidString(s) {
		t.Fatalf("paragraph %+v", p)
	}
	for _, r := range p.Runs {
		if r.Text == "" || !norm.NFC.IsNormalString(r.Text) {
			t.Fatalf("run %+v", r)
		}
	}
}

// BenchmarkDOCXParagraphs reads the paragraphs of kehoach's DOCX of the
// 2025 plan (what kehoach import reads first).
func BenchmarkDOCXParagraphs(b *testing.B) {
	data := realDocs(b).docx
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := docx.Paragraphs(data, limits.NewBudget()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTXTParagraphs reads the seed text as UTF-16 LE.
func BenchmarkTXTParagraphs(b *testing.B) {
	seed := testkit.SeedText(b)
	data := append([]byte{0xFF, 0xFE}, testkit.UTF16(string(seed), false)...)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := txt.Paragraphs(data); err != nil {
			b.Fatal(err)
		}
	}
}
