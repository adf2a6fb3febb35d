// Command wordlike writes a Kế hoạch as a flat OpenDocument text (.fodt)
// laid out the way people lay it out in Word, for LibreOffice to convert
// to the Word-like DOCX fixtures of `kehoach import`
// (internal/extract/docx/testdata/wordlike/, made by scripts/wordlike.sh):
// the header and the signature blocks in borderless two-column tables,
// soft line breaks in the trích yếu and between the signer's titles, and
// the list labels either typed by hand with a tab after the headings'
// labels (-numbering manual) or Word's automatic numbering (-numbering
// auto: I., 1., a) numbered, "-" and "+" bullets).
//
// The source is a .docx kehoach wrote (its paragraphs, emphasis and
// tables; the annexes after the signature are left out) or a text file
// such as ../shared/seed (lines wrapped at the page width are joined; the
// emphasis a Kế hoạch has is given: headings bold, căn cứ italic).
//
//	go run ./scripts/wordlike -numbering auto plan.docx > plan.fodt
//	go run ./scripts/wordlike -numbering manual -header 'ỦY BAN NHÂN DÂN|XÃ A|Số: …' -header-right 'CỘNG HÒA …|Độc lập …|A, ngày …' seed.txt > seed.fodt
package main

import (
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"kehoach/internal/extract/docx"
	"kehoach/internal/extract/limits"
	"kehoach/internal/extract/para"
	"kehoach/internal/extract/txt"
)

func main() {
	numbering := flag.String("numbering", "manual", "đánh số: manual (gõ tay) hoặc auto (tự động của Word)")
	left := flag.String("header", "", "tệp văn bản: các dòng ô trái của khối đầu, cách nhau bằng |")
	right := flag.String("header-right", "", "tệp văn bản: các dòng ô phải của khối đầu, cách nhau bằng |")
	flag.Parse()
	if flag.NArg() != 1 || *numbering != "manual" && *numbering != "auto" {
		fmt.Fprintln(os.Stderr, "cách dùng: wordlike [-numbering manual|auto] [-header …] [-header-right …] TỆP.docx|TỆP.txt > TỆP.fodt")
		os.Exit(2)
	}
	data, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		fail(err)
	}
	var blocks []block
	if strings.HasSuffix(flag.Arg(0), ".docx") {
		ps, err := docx.Paragraphs(data, limits.NewBudget())
		if err != nil {
			fail(err)
		}
		blocks = fromDOCX(ps)
	} else {
		ps, err := txt.Paragraphs(data)
		if err != nil {
			fail(err)
		}
		blocks = fromText(ps)
	}
	if *left != "" {
		blocks = append([]block{headerTable(*left, *right)}, blocks...)
	}
	balance(blocks)
	if err := write(os.Stdout, blocks, *numbering == "auto"); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "wordlike:", err)
	os.Exit(1)
}

// block is a paragraph or a table of the document written.
type block struct {
	p     para.Para
	label string // the list label found at the start of the text, taken off
	level int    // its list level: 0 I., 1 1., 2 a), 3 -, 4 +
	rows  [][][]para.Para
}

// labelRe finds a Kế hoạch's list labels at the start of a paragraph.
var labelRe = regexp.MustCompile(`^(?:([IVX]+\.)|(\d+\.)|([a-zđ]\))|(-)|(\+))[ \t]+`)

// takeLabel takes the list label off the start of a paragraph.
func takeLabel(p para.Para) block {
	b := block{p: p}
	if len(p.Runs) == 0 || p.Table > 0 {
		return b
	}
	m := labelRe.FindStringSubmatchIndex(p.Runs[0].Text)
	if m == nil {
		return b
	}
	for g := 1; g <= 5; g++ {
		if m[2*g] >= 0 {
			b.label, b.level = p.Runs[0].Text[m[2*g]:m[2*g+1]], g-1
		}
	}
	b.p.Runs = append([]para.Run{}, p.Runs...)
	b.p.Runs[0].Text = p.Runs[0].Text[m[1]:]
	return b
}

// fromDOCX keeps the paragraphs and tables of a kehoach DOCX up to the
// signature table, without the draft mark.
func fromDOCX(ps []para.Para) []block {
	var out []block
	for i := 0; i < len(ps); {
		p := ps[i]
		if p.Table == 0 {
			if p.Text() != "DỰ THẢO" {
				out = append(out, takeLabel(p))
			}
			i++
			continue
		}
		t := block{}
		signature := false
		for ; i < len(ps) && ps[i].Table == p.Table; i++ {
			q := ps[i]
			for len(t.rows) < q.Row {
				t.rows = append(t.rows, nil)
			}
			row := &t.rows[q.Row-1]
			for len(*row) < q.Cell {
				*row = append(*row, nil)
			}
			q.Table, q.Row, q.Cell = 0, 0, 0
			(*row)[len(*row)-1] = append((*row)[len(*row)-1], q)
			signature = signature || strings.HasPrefix(q.Text(), "Nơi nhận")
		}
		out = append(out, t)
		if signature {
			break
		}
	}
	return out
}

// fromText joins the lines of a text into paragraphs (continues), gives them a Kế hoạch's emphasis and
// alignment, and puts the signature block in a table.
func fromText(lines []para.Para) []block {
	var ps []para.Para
	prev, numbered := "", false
	for _, l := range lines {
		s := l.Text()
		if len(ps) > 0 && continues(prev, s, numbered) {
			ps[len(ps)-1].Runs[0].Text += " " + s
		} else {
			ps = append(ps, para.Para{Runs: []para.Run{{Text: s}}})
			b := takeLabel(ps[len(ps)-1])
			numbered = b.label != "" && b.level <= 1
		}
		prev = s
	}
	roman := false
	var out []block
	for i := 0; i < len(ps); i++ {
		p := ps[i]
		s := p.Text()
		r := &p.Runs[0]
		switch {
		case i == 0:
			r.Bold, p.Align = true, "center"
		case i == 1:
			// The trích yếu, as long as the lines before the first căn cứ.
			for i+1 < len(ps) && !strings.HasPrefix(ps[i+1].Text(), "Căn cứ") {
				i++
				r.Text += "\n" + ps[i].Text()
			}
			r.Bold, p.Align = true, "center"
		case strings.HasPrefix(s, "Căn cứ") && !roman:
			r.Italic, p.Align = true, "both"
		case strings.HasPrefix(s, "(Chi tiết"):
			r.Italic, p.Align = true, "center"
		case strings.HasPrefix(s, "Nơi nhận"):
			out = append(out, signatureTable(ps[i:]))
			return out
		default:
			b := takeLabel(p)
			roman = roman || b.label != "" && b.level == 0
			heading := b.label != "" && b.level <= 1 && !strings.ContainsAny(s[len(s)-1:], ".;:")
			r.Bold, p.Align = heading, "both"
		}
		out = append(out, takeLabel(p))
	}
	return out
}

// continues tells whether line s goes on the paragraph whose last line
// is prev (numbered: the paragraph starts with "I." or "1."), in a text
// wrapped at the page width.
func continues(prev, s string, numbered bool) bool {
	first, _ := utf8.DecodeRuneInString(s)
	end := prev[len(prev)-1:]
	switch {
	case labelRe.MatchString(s) || strings.HasPrefix(s, "Căn cứ") || strings.HasPrefix(s, "Nơi nhận") || strings.HasPrefix(s, "Trên đây") || strings.HasPrefix(s, "(Chi tiết"):
		return false
	case end == "," || end == "-":
		return true
	case !unicode.IsUpper(first):
		return true
	case strings.Contains(".;:", end) && utf8.RuneCountInString(prev) < 60:
		return false
	case numbered:
		return false
	}
	return utf8.RuneCountInString(prev) >= 55
}

// signatureTable puts Nơi nhận (to the line "- Lưu …") in the left cell
// and the signer's lines in the right one.
func signatureTable(ps []para.Para) block {
	var left, right []para.Para
	for i, p := range ps {
		p.Runs[0].Bold, p.Runs[0].Italic, p.Align = i == 0, i == 0, "left"
		if i == 0 || len(right) == 0 && strings.HasPrefix(p.Text(), "-") && !strings.HasPrefix(ps[i-1].Text(), "- Lưu") {
			left = append(left, p)
			continue
		}
		p.Runs[0].Bold, p.Align = true, "center"
		right = append(right, p)
	}
	return block{rows: [][][]para.Para{{left, right}}}
}

// headerTable is the header block from the lines of its two cells.
func headerTable(left, right string) block {
	cell := func(s string, italic bool) []para.Para {
		var ps []para.Para
		for i, l := range strings.Split(s, "|") {
			ps = append(ps, para.Para{Align: "center", Runs: []para.Run{{Text: l, Bold: i < 2, Italic: i == 2 && italic}}})
		}
		return ps
	}
	return block{rows: [][][]para.Para{{cell(left, false), cell(right, true)}}}
}

// balance adds the soft line breaks people type: the trích yếu (the
// centred paragraph after KẾ HOẠCH) broken near its middle, and the
// signer's "KT. CHỦ TỊCH" and title in one paragraph.
func balance(bs []block) {
	for i := range bs {
		if bs[i].p.Text() == "KẾ HOẠCH" && i+1 < len(bs) {
			r := &bs[i+1].p.Runs[0]
			if len(bs[i+1].p.Runs) == 1 && !strings.Contains(r.Text, "\n") {
				mid := len(r.Text) / 2
				if j := strings.LastIndex(r.Text[:mid], " "); j > 0 {
					r.Text = r.Text[:j] + "\n" + r.Text[j+1:]
				}
			}
		}
		for _, row := range bs[i].rows {
			for c, cell := range row {
				for k := 0; k+1 < len(cell); k++ {
					if strings.HasPrefix(cell[k].Text(), "KT. ") && len(cell[k].Runs) == 1 {
						cell[k].Runs[0].Text += "\n" + cell[k+1].Text()
						cell = append(cell[:k+1], cell[k+2:]...)
					}
				}
				row[c] = cell
			}
		}
	}
}

// write writes the blocks as a flat ODT.
func write(w io.Writer, bs []block, auto bool) error {
	var b strings.Builder
	b.WriteString(head)
	for _, bl := range bs {
		if bl.rows != nil {
			b.WriteString(`<table:table table:style-name="Tbl"><table:table-column table:style-name="C1"/><table:table-column table:style-name="C2"/>`)
			for _, row := range bl.rows {
				b.WriteString(`<table:table-row>`)
				for _, cell := range row {
					b.WriteString(`<table:table-cell table:style-name="Cell" office:value-type="string">`)
					for _, p := range cell {
						paragraph(&b, p, "")
					}
					b.WriteString(`</table:table-cell>`)
				}
				b.WriteString(`</table:table-row>`)
			}
			b.WriteString(`</table:table>`)
			continue
		}
		switch {
		case bl.label == "":
			paragraph(&b, bl.p, "")
		case auto:
			b.WriteString(`<text:list text:style-name="L1" text:continue-numbering="true">`)
			b.WriteString(strings.Repeat(`<text:list-item><text:list>`, bl.level))
			b.WriteString(`<text:list-item>`)
			paragraph(&b, bl.p, "")
			b.WriteString(`</text:list-item>`)
			b.WriteString(strings.Repeat(`</text:list></text:list-item>`, bl.level))
			b.WriteString(`</text:list>`)
		case bl.level <= 1:
			paragraph(&b, bl.p, bl.label+"\t")
		default:
			paragraph(&b, bl.p, bl.label+" ")
		}
	}
	b.WriteString(tail)
	_, err := io.WriteString(w, b.String())
	return err
}

// paragraph writes one paragraph, its typed label first in the emphasis
// of its first run.
func paragraph(b *strings.Builder, p para.Para, label string) {
	style := map[string]string{"center": "PC", "right": "PR", "left": "PL"}[p.Align]
	if style == "" {
		style = "PJ"
	}
	fmt.Fprintf(b, `<text:p text:style-name="%s">`, style)
	for i, r := range p.Runs {
		t := r.Text
		if i == 0 {
			t = label + t
		}
		name := ""
		if r.Bold {
			name += "B"
		}
		if r.Italic {
			name += "I"
		}
		if r.Underline {
			name += "U"
		}
		if name != "" {
			fmt.Fprintf(b, `<text:span text:style-name="T%s">`, name)
		}
		text(b, t)
		if name != "" {
			b.WriteString(`</text:span>`)
		}
	}
	b.WriteString("</text:p>\n")
}

// odfSpace is what ODF writes as elements: a tab, a line break, the
// spaces after a first one.
var odfSpace = regexp.MustCompile("\t|\n|  +")

// text writes text with its tabs, line breaks and runs of spaces as ODF
// elements.
func text(b *strings.Builder, s string) {
	last := 0
	for _, m := range odfSpace.FindAllStringIndex(s, -1) {
		xml.EscapeText(b, []byte(s[last:m[0]]))
		switch s[m[0]] {
		case '\t':
			b.WriteString("<text:tab/>")
		case '\n':
			b.WriteString("<text:line-break/>")
		default:
			fmt.Fprintf(b, ` <text:s text:c="%d"/>`, m[1]-m[0]-1)
		}
		last = m[1]
	}
	xml.EscapeText(b, []byte(s[last:]))
}

const head = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Times New Roman" svg:font-family="'Times New Roman'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.1cm"/><style:text-properties style:font-name="Times New Roman" fo:font-size="14pt" fo:language="vi" fo:country="VN"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph"/>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="3cm" fo:margin-right="1.5cm"/></style:page-layout>
<style:style style:name="PJ" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="justify" fo:text-indent="1cm"/></style:style>
<style:style style:name="PC" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/></style:style>
<style:style style:name="PL" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="start"/><style:text-properties fo:font-size="12pt"/></style:style>
<style:style style:name="PR" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="TB" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="TI" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="TBI" style:family="text"><style:text-properties fo:font-weight="bold" fo:font-style="italic"/></style:style>
<style:style style:name="TU" style:family="text"><style:text-properties style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>
<style:style style:name="TBU" style:family="text"><style:text-properties fo:font-weight="bold" style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>
<style:style style:name="TIU" style:family="text"><style:text-properties fo:font-style="italic" style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>
<style:style style:name="TBIU" style:family="text"><style:text-properties fo:font-weight="bold" fo:font-style="italic" style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>
<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="16.5cm" table:align="margins"/></style:style>
<style:style style:name="C1" style:family="table-column"><style:table-column-properties style:column-width="6.5cm"/></style:style>
<style:style style:name="C2" style:family="table-column"><style:table-column-properties style:column-width="10cm"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:border="none" fo:padding="0.05cm"/></style:style>
<text:list-style style:name="L1">
<text:list-level-style-number text:level="1" style:num-format="I" style:num-suffix="."><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="space" fo:text-indent="0cm" fo:margin-left="1cm"/></style:list-level-properties></text:list-level-style-number>
<text:list-level-style-number text:level="2" style:num-format="1" style:num-suffix="."><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="space" fo:text-indent="0cm" fo:margin-left="1cm"/></style:list-level-properties></text:list-level-style-number>
<text:list-level-style-number text:level="3" style:num-format="a" style:num-suffix=")"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="space" fo:text-indent="0cm" fo:margin-left="1cm"/></style:list-level-properties></text:list-level-style-number>
<text:list-level-style-bullet text:level="4" text:bullet-char="-"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="space" fo:text-indent="0cm" fo:margin-left="1cm"/></style:list-level-properties></text:list-level-style-bullet>
<text:list-level-style-bullet text:level="5" text:bullet-char="+"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="space" fo:text-indent="0cm" fo:margin-left="1cm"/></style:list-level-properties></text:list-level-style-bullet>
</text:list-style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"/></office:master-styles>
<office:body><office:text>
`

const tail = `</office:text></office:body></office:document>
`
