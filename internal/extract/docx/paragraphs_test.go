package docx

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"kehoach/internal/extract/limits"
	"kehoach/internal/extract/para"
	"kehoach/internal/testkit"
)

// dump writes paragraphs one a line, for tests to compare: the table
// place "t1r2c3", the style "s=…", the alignment "a=…", the level "L1"
// (when not 0) and the label "«1.»", then the text with **bold**,
// *italic* and __underline__, "⏎" for a soft break and "→" for a tab.
func dump(ps []para.Para) string {
	var b strings.Builder
	for _, p := range ps {
		if p.Table > 0 {
			fmt.Fprintf(&b, "t%dr%dc%d ", p.Table, p.Row, p.Cell)
		}
		if p.Style != "" {
			b.WriteString("s=" + p.Style + " ")
		}
		if p.Align != "" {
			b.WriteString("a=" + p.Align + " ")
		}
		if p.Level != 0 {
			fmt.Fprintf(&b, "L%d ", p.Level)
		}
		if p.Label != "" {
			b.WriteString("«" + p.Label + "» ")
		}
		for _, r := range p.Runs {
			t := strings.NewReplacer("\n", "⏎", "\t", "→").Replace(r.Text)
			if r.Underline {
				t = "__" + t + "__"
			}
			if r.Italic {
				t = "*" + t + "*"
			}
			if r.Bold {
				t = "**" + t + "**"
			}
			b.WriteString(t)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// pkg writes a .docx package of the given parts (in name order); body is
// the content of w:body, styles and numbering the content of their
// parts' root elements ("" leaves the part out).
func pkg(t testing.TB, body, styles, numbering string) []byte {
	t.Helper()
	const ns = `xmlns:w="` + nsW + `" xmlns:mc="` + nsMC + `"`
	parts := map[string]string{PartDocument: `<?xml version="1.0" encoding="UTF-8"?><w:document ` + ns + `><w:body>` + body + `</w:body></w:document>`}
	if styles != "" {
		parts[PartStyles] = `<w:styles ` + ns + `>` + styles + `</w:styles>`
	}
	if numbering != "" {
		parts[PartNumbering] = `<w:numbering ` + ns + `>` + numbering + `</w:numbering>`
	}
	return zipOf(t, parts)
}

var zipOf = testkit.Zip

// p is a paragraph of plain runs.
func p(ppr string, runs ...string) string {
	s := "<w:p>"
	if ppr != "" {
		s += "<w:pPr>" + ppr + "</w:pPr>"
	}
	for _, r := range runs {
		s += "<w:r><w:t xml:space=\"preserve\">" + r + "</w:t></w:r>"
	}
	return s + "</w:p>"
}

// numP is a w:numPr.
func numP(id string, ilvl int) string {
	return fmt.Sprintf(`<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%s"/></w:numPr>`, ilvl, id)
}

// lvl is a w:lvl.
func lvl(ilvl, start int, fmtName, text string) string {
	return fmt.Sprintf(`<w:lvl w:ilvl="%d"><w:start w:val="%d"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/></w:lvl>`, ilvl, start, fmtName, text)
}

// The numbering of a Kế hoạch: "I.", "1.", "a)", "-", "+", legal
// numbering "1.1.", lists that go on or restart, styles that number.
const numberingXML = `<w:abstractNum w:abstractNumId="0">` + `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>` +
	`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>` +
	`<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>` +
	`<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%4."/><w:isLgl/></w:lvl>` +
	`</w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="1">` + `<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>` +
	`<w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="+"/></w:lvl>` +
	`<w:lvl w:ilvl="2"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF0B7;"/></w:lvl>` +
	`<w:lvl w:ilvl="3"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF02D;"/></w:lvl>` +
	`</w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimalZero"/><w:lvlText w:val="Điều %1:"/></w:lvl></w:abstractNum>` +
	`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
	`<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
	`<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>` +
	`<w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>` +
	`<w:num w:numId="5"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="7"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%1)"/></w:lvl></w:lvlOverride></w:num>` +
	`<w:num w:numId="6"><w:abstractNumId w:val="2"/></w:num>` +
	`<w:num w:numId="7"><w:abstractNumId w:val="99"/></w:num>`

const stylesXML = `<w:docDefaults><w:rPrDefault><w:rPr><w:i w:val="0"/></w:rPr></w:rPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:pPr><w:jc w:val="both"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:jc w:val="left"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Title"><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr><w:jc w:val="center"/></w:pPr><w:rPr><w:u w:val="single"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Loop"><w:basedOn w:val="Loop"/><w:rPr><w:i/></w:rPr></w:style>` +
	`<w:style w:type="character" w:styleId="Strong"><w:rPr><w:b/><w:i/></w:rPr></w:style>` +
	`<w:style w:type="character" w:styleId="NotBold"><w:rPr><w:b w:val="false"/></w:rPr></w:style>`

func TestParagraphs(t *testing.T) {
	for _, c := range []struct {
		name                    string
		body, styles, numbering string
		want                    string
	}{
		{name: "runs, emphasis, breaks, tabs, spaces",
			body: `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">  KẾ HOẠCH </w:t></w:r><w:r><w:rPr><w:b w:val="1"/></w:rPr><w:t>năm</w:t></w:r>` +
				`<w:r><w:br/><w:t>Số:</w:t><w:tab/><w:t>5</w:t></w:r><w:r><w:rPr><w:i/><w:u w:val="double"/></w:rPr><w:t xml:space="preserve"> (dự thảo)</w:t></w:r>` +
				`<w:r><w:rPr><w:b w:val="0"/><w:i w:val="false"/><w:u w:val="none"/></w:rPr><w:t xml:space="preserve"> cuối  </w:t></w:r></w:p>` +
				`<w:p><w:r><w:t>54` + "\u00a0" + `triệu</w:t><w:noBreakHyphen/><w:t>đồng</w:t><w:br w:type="page"/><w:cr/><w:t>hết</w:t></w:r></w:p>` +
				`<w:p></w:p><w:p><w:r><w:t xml:space="preserve">   </w:t><w:tab/></w:r></w:p>` +
				// NFC: a decomposed "ế" (e, circumflex, acute) is composed.
				`<w:p><w:r><w:t>Kê` + "\u0301" + ` hoạch</w:t></w:r></w:p>`,
			want: "**KẾ HOẠCH năm**⏎Số:→5*__ (dự thảo)__* cuối\n54 triệu-đồng⏎hết\nKế hoạch\n"},
		{name: "tracked changes, fields, fallback, text boxes",
			body: `<w:p><w:r><w:t>Giữ </w:t></w:r><w:del><w:r><w:delText>bỏ</w:delText></w:r><w:r><w:t>bỏ nữa</w:t></w:r></w:del>` +
				`<w:ins><w:r><w:t>thêm</w:t></w:r></w:ins><w:moveFrom><w:r><w:t>chuyển đi</w:t></w:r></w:moveFrom><w:moveTo><w:r><w:t xml:space="preserve"> chuyển đến</w:t></w:r></w:moveTo></w:p>` +
				`<w:p><w:r><w:t xml:space="preserve">Trang </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>` +
				`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
				`<w:fldSimple w:instr="NUMPAGES"><w:r><w:t>/9</w:t></w:r></w:fldSimple></w:p>` +
				`<w:p><w:r><w:rPr><w:b/><w:rPrChange><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr><w:t>đậm</w:t></w:r></w:p>` +
				`<w:p><w:r><w:t>Ngoài</w:t><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Trong hộp</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>` +
				`<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Trong hộp</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t xml:space="preserve"> hộp</w:t></w:r></w:p>`,
			want: "Giữ thêm chuyển đến\nTrang 3/9\n**đậm**\nTrong hộp\nNgoài hộp\n"},
		{name: "hidden text, capitals",
			styles: `<w:style w:type="paragraph" w:styleId="Heading1"><w:rPr><w:caps/><w:b/></w:rPr></w:style>` +
				`<w:style w:type="character" w:styleId="Hidden"><w:rPr><w:vanish/></w:rPr></w:style>`,
			body: `<w:p><w:r><w:t xml:space="preserve">Hiện </w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r><w:r><w:rPr><w:rStyle w:val="Hidden"/></w:rPr><w:t>ẩn nữa</w:t></w:r>` +
				`<w:r><w:rPr><w:rStyle w:val="Hidden"/><w:vanish w:val="0"/></w:rPr><w:t>hiện lại</w:t></w:r></w:p>` +
				`<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>chỉ chữ ẩn</w:t></w:r></w:p>` +
				`<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">Mục tiêu </w:t></w:r><w:r><w:rPr><w:caps w:val="false"/></w:rPr><w:t>chung</w:t></w:r></w:p>` +
				`<w:p><w:r><w:rPr><w:caps/></w:rPr><w:t>đường</w:t></w:r></w:p>`,
			want: "Hiện hiện lại\ns=Heading1 **MỤC TIÊU chung**\nĐƯỜNG\n"},
		{name: "symbols from a font",
			body: `<w:p><w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:t xml:space="preserve"> chấm</w:t></w:r></w:p>` +
				`<w:p><w:r><w:sym w:font="Symbol" w:char="002D"/><w:t xml:space="preserve"> gạch</w:t><w:sym w:font="Wingdings" w:char="F0FC"/><w:sym w:font="Wingdings" w:char="zz"/></w:r></w:p>`,
			want: "• chấm\n- gạch✓\n"},
		{name: "tables, nested tables",
			body: p("", "Trước") + `<w:tbl><w:tr><w:tc>` + p("", "ỦY BAN NHÂN DÂN") + p("", "XÃ MƯỜNG KHOA") + `</w:tc><w:tc>` + p("", "CỘNG HÒA") + `</w:tc></w:tr>` +
				`<w:tr><w:tc>` + p("", "Số: 12/KH-UBND") + `<w:tbl><w:tr><w:tc>` + p("", "lồng") + `</w:tc><w:tc><w:p/></w:tc><w:tc>` + p("", "ô 3") + `</w:tc></w:tr></w:tbl>` + p("", "sau bảng lồng") + `</w:tc></w:tr></w:tbl>` +
				p("", "Giữa") + `<w:tbl><w:tr><w:tc>` + p("", "Nơi nhận:") + `</w:tc></w:tr></w:tbl>` + p("", "Sau"),
			want: "Trước\nt1r1c1 ỦY BAN NHÂN DÂN\nt1r1c1 XÃ MƯỜNG KHOA\nt1r1c2 CỘNG HÒA\nt1r2c1 Số: 12/KH-UBND\nt2r1c1 lồng\nt2r1c3 ô 3\nt1r2c1 sau bảng lồng\nGiữa\nt3r1c1 Nơi nhận:\nSau\n"},
		{name: "numbering: levels, formats, restarts, bullets",
			numbering: numberingXML,
			body: p(numP("1", 0), "MỤC TIÊU") + p(numP("1", 1), "Mục tiêu chung") + p(numP("1", 1), "Mục tiêu cụ thể") +
				p(numP("1", 2), "Chỉ tiêu") + p(numP("1", 2), "Chỉ tiêu hai") + p(numP("2", 0), "Gạch") + p(numP("2", 1), "Cộng") +
				p(numP("2", 2), "Chấm") + p(numP("2", 3), "Symbol gạch") + p(numP("1", 3), "Luật") +
				p(numP("3", 0), "NHIỆM VỤ") + p(numP("3", 1), "Tiếp theo danh sách chung") +
				p(numP("4", 1), "Bắt đầu lại") + p(numP("4", 1), "Hai") + p(numP("1", 1), "Danh sách cũ đi tiếp") + p(numP("4", 1), "Không bắt đầu lại lần hai") +
				p(numP("1", 0)) + p(numP("1", 0), "Đoạn trống vẫn được đếm") +
				p(numP("5", 0), "Ghi đè mức") + p(numP("5", 0), "Ghi đè mức") + p(numP("6", 0), "Số 0") +
				p(numP("7", 0), "Danh sách không có") + p(numP("1", 9), "Mức 9") + p(numP("0", 0), "numId 0") + p(numP("99", 0), "không có num"),
			want: "«I.» MỤC TIÊU\nL1 «1.» Mục tiêu chung\nL1 «2.» Mục tiêu cụ thể\nL2 «a)» Chỉ tiêu\nL2 «b)» Chỉ tiêu hai\n«-» Gạch\nL1 «+» Cộng\n" +
				"L2 «•» Chấm\nL3 «-» Symbol gạch\nL3 «2.1.» Luật\n«II.» NHIỆM VỤ\nL1 «1.» Tiếp theo danh sách chung\n" +
				"L1 «1.» Bắt đầu lại\nL1 «2.» Hai\nL1 «3.» Danh sách cũ đi tiếp\nL1 «4.» Không bắt đầu lại lần hai\n«IV.» Đoạn trống vẫn được đếm\n" +
				"«(vii)» Ghi đè mức\n«(viii)» Ghi đè mức\n«Điều 09:» Số 0\nDanh sách không có\nL8 Mức 9\nnumId 0\nkhông có num\n"},
		{name: "styles: inherited bold, alignment, numbering, defaults",
			numbering: numberingXML, styles: stylesXML,
			body: p(`<w:pStyle w:val="Heading1"/>`, "MỤC TIÊU") + p(`<w:pStyle w:val="Heading1"/><w:jc w:val="right"/>`, "phải") +
				p(`<w:pStyle w:val="Title"/>`, "KẾ HOẠCH") + p("", "Thường") + p(`<w:jc w:val="center"/>`, "Giữa") +
				`<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:rPr><w:rStyle w:val="NotBold"/></w:rPr><w:t>không đậm</w:t></w:r><w:r><w:rPr><w:b w:val="off"/></w:rPr><w:t xml:space="preserve"> tắt</w:t></w:r></w:p>` +
				`<w:p><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>Mạnh</w:t></w:r><w:r><w:rPr><w:rStyle w:val="Strong"/><w:i w:val="0"/></w:rPr><w:t xml:space="preserve"> chỉ đậm</w:t></w:r></w:p>` +
				p(`<w:pStyle w:val="Loop"/>`, "vòng") + p(`<w:pStyle w:val="Missing"/>`, "không có kiểu"),
			want: "s=Heading1 a=left «I.» **MỤC TIÊU**\ns=Heading1 a=right «II.» **phải**\ns=Title a=center **__KẾ HOẠCH__**\na=both Thường\na=center Giữa\n" +
				"s=Heading1 a=left «III.» không đậm tắt\na=both ***Mạnh***** chỉ đậm**\ns=Loop *vòng*\ns=Missing không có kiểu\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := Paragraphs(pkg(t, c.body, c.styles, c.numbering), limits.NewBudget())
			if err != nil {
				t.Fatal(err)
			}
			if d := dump(got); d != c.want {
				t.Errorf("got:\n%s\nwant:\n%s", d, c.want)
			}
		})
	}
}

// Paragraphs refuses what is not a readable Word document with a
// Vietnamese message naming what is wrong.
func TestParagraphsErrors(t *testing.T) {
	many := strings.Repeat("<w:p/>", limits.MaxParagraphs+1)
	corrupt := pkg(t, strings.Repeat(p("", "Kế hoạch số 12 năm 2025 của xã"), 200), "", "")
	at := bytes.Index(corrupt, []byte(PartDocument)) + 60
	for j := at; j < at+20; j++ {
		corrupt[j] ^= 0x5a
	}
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "tệp trống"},
		{"not a zip", []byte("Kế hoạch số 12"), "tệp không phải gói DOCX (không mở được như tệp zip)"},
		{"no document", zipOf(t, map[string]string{"word/other.xml": "<a/>"}), "gói không có word/document.xml"},
		{"broken document", zipOf(t, map[string]string{PartDocument: "<w:document><w:body>"}), "phần word/document.xml: XML hỏng"},
		{"broken numbering", pkg(t, p("", "x"), "", `<w:num w:numId="1"></w:abstractNum>`), "phần word/numbering.xml: XML hỏng"},
		{"broken styles", pkg(t, p("", "x"), `<w:style`, ""), "phần word/styles.xml: XML hỏng"},
		{"deep numbering", pkg(t, p("", "x"), "", `<w:abstractNum w:abstractNumId="0">`+strings.Repeat(`<w:lvl w:ilvl="0">`, 300)), "phần word/numbering.xml: XML lồng nhau quá sâu (hơn 256 cấp)"},
		{"level without its number", pkg(t, p("", "x"), "", `<w:abstractNum w:abstractNumId="0"><w:lvl><w:start w:val="1"/></w:lvl></w:abstractNum>`), "phần word/numbering.xml: thẻ w:lvl thiếu thuộc tính w:ilvl"},
		{"start not a number", pkg(t, p("", "x"), "", `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="một"/></w:lvl></w:abstractNum>`), "phần word/numbering.xml: thẻ w:start có w:val=“một”, không phải số nguyên"},
		{"huge lvlText", pkg(t, p("", "x"), "", `<w:abstractNum w:abstractNumId="0">`+lvl(0, 1, "decimal", strings.Repeat("%1", 200))+`</w:abstractNum>`), "phần word/numbering.xml: nhãn đánh số (w:lvlText) dài 400 byte, quá 256 byte"},
		{"label too long", pkg(t, p(numP("1", 0), "x"), "", `<w:abstractNum w:abstractNumId="0">`+lvl(0, 3888, "upperRoman", strings.Repeat("%1", 20))+`</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`), "nhãn đánh số tự động dài quá 256 byte"},
		{"many paragraphs", pkg(t, many, "", ""), "văn bản có quá 50.000 đoạn"},
		{"compressed data garbled", corrupt, "phần word/document.xml hỏng (dữ liệu nén sai)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := Paragraphs(c.data, limits.NewBudget())
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("Paragraphs = %d paragraphs, %v; want an error with %q", len(got), err, c.want)
			}
		})
	}
}

// The main document, its styles and its numbering are found through the
// package's relationships, at other names than Word's; the usual names
// serve when there are no relationships.
func TestParagraphsParts(t *testing.T) {
	const ns = `xmlns:w="` + nsW + `"`
	const relNS = `http://schemas.openxmlformats.org/officeDocument/2006/relationships/`
	doc := `<w:document ` + ns + `><w:body>` + p(`<w:pStyle w:val="H"/>`+numP("1", 0), "Mục") + `</w:body></w:document>`
	styles := `<w:styles ` + ns + `><w:style w:type="paragraph" w:styleId="H"><w:rPr><w:b/></w:rPr></w:style></w:styles>`
	numbering := `<w:numbering ` + ns + `><w:abstractNum w:abstractNumId="0">` + lvl(0, 1, "upperRoman", "%1.") + `</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
	rels := func(rs ...string) string {
		s := `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
		for i := 0; i+1 < len(rs); i += 2 {
			s += fmt.Sprintf(`<Relationship Id="rId%d" Type="%s%s" Target="%s"/>`, i, relNS, rs[i], rs[i+1])
		}
		return s + `</Relationships>`
	}
	for _, c := range []struct {
		name  string
		parts map[string]string
		want  string
	}{
		{"other names", map[string]string{
			"_rels/.rels":                  rels("officeDocument", "/doc/main.xml"),
			"doc/main.xml":                 doc,
			"doc/_rels/main.xml.rels":      rels("hyperlink", "http://x", "styles", "kieu.xml", "numbering", "../so/danh-so.xml"),
			"doc/kieu.xml":                 styles,
			"so/danh-so.xml":               numbering,
			"word/styles.xml":              `<w:styles ` + ns + `><w:style w:styleId="H"><w:rPr><w:i/></w:rPr></w:style></w:styles>`,
			"word/numbering.xml":           "not read",
			"word/document.xml":            "not read",
			"word/_rels/document.xml.rels": "not read",
		}, "s=H «I.» **Mục**\n"},
		{"usual names without relationships", map[string]string{"word/document.xml": doc, "word/styles.xml": styles, "word/numbering.xml": numbering}, "s=H «I.» **Mục**\n"},
		{"a relationship to a missing part", map[string]string{"_rels/.rels": rels("officeDocument", "word/khong-co.xml"), "word/document.xml": doc}, "s=H Mục\n"},
		{"broken relationships", map[string]string{"_rels/.rels": "<Relationships>", "word/document.xml": doc}, "error: phần _rels/.rels: XML hỏng"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ps, err := Paragraphs(zipOf(t, c.parts), limits.NewBudget())
			got := dump(ps)
			if err != nil {
				got = "error: " + err.Error()
			}
			if !strings.HasPrefix(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}
