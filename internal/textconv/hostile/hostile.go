// Package hostile makes the hostile-file corpus of `kehoach text`
// (testdata/hostile-text/): DOCX, XLSX and PDF files built to make a
// reader hang, run out of memory, print without end or drive a terminal,
// after the adversarial review of December 2026 (its cases T, X and P
// keep their numbers in the file names). Each Case says what the file is
// and what `kehoach text` must do with it; the files up to CommitBytes are
// committed, the larger ones are made when the test runs.
//
// The tests in cmd/kehoach run every case through the built command with
// a deadline and a bound on its peak memory; the test here checks that the
// committed files and the table in testdata/hostile-text/README.md are
// what this package makes (go test ./internal/textconv/hostile -update
// writes them again).
package hostile

import (
	"bytes"
	"fmt"
	"strings"
)

// Case is one hostile file and the outcome `kehoach text` must have.
type Case struct {
	Name string // file name; its extension chooses the reader
	What string // what the file is, in Vietnamese (the README table)
	Make func() []byte
	// Exit is the exit status: 0 the text is printed (Notice: cut short with
	// the notice line), 2 the file is refused with a message on stderr.
	Exit   int
	Notice bool
	// Want is a piece of stderr (Exit 2) or of stdout (Exit 0).
	Want string
	// Review is what the review measured before the fix.
	Review string
}

// CommitBytes is the size up to which a case's file is committed.
const CommitBytes = 200 << 10

// The bounds every case must keep, for a file of up to 10 MB (issue #15,
// “Done when”).
const (
	MaxSeconds  = 5
	MaxRSSBytes = 300 << 20
)

// Cases lists the corpus.
func Cases() []Case { return cases }

var cases = []Case{
	// PDF.
	{Name: "p01-stream-bomb.pdf", What: "luồng FlateDecode giải nén ra 64 MB số 0 (quả bom nén)",
		Make: func() []byte { return pdfPage(helvetica, make([]byte, 64<<20)) },
		Exit: 2, Want: "luồng giải nén quá lớn", Review: "từ chối, 0,07 s"},
	{Name: "p05-unclosed-literals.pdf", What: "100.000 đầu đối tượng, mỗi cái theo sau là “(” không đóng",
		Make: func() []byte { return pdfRaw(strings.Repeat("1 0 obj (\n", 100000)) },
		Exit: 2, Want: "/Root", Review: "317 s"},
	{Name: "p06-inline-images.pdf", What: "60.000 ảnh nhúng BI … ID … EI trong 2 MB nội dung",
		Make: func() []byte {
			return pdfPage(helvetica, []byte(strings.Repeat("BI /W 1 /H 1 /BPC 8 /CS /G ID\nx\nEI\n", 60000)+"BT /F1 12 Tf 72 720 Td (Xin chao) Tj ET\n"))
		},
		Exit: 0, Want: "--- trang 1 ---\nXin chao\n", Review: "138 s"},
	{Name: "p07-tounicode-amplify.pdf", What: "ToUnicode gán một mã cho chuỗi 800.000 ký tự, trang vẽ mã đó 200.000 lần",
		Make: func() []byte {
			font, cid := type0("")
			cm := cmapStream([]string{"<0001> <" + strings.Repeat("0041", 800000) + ">"}, nil)
			return pdfFile(append(onePage, font, flateStream("", []byte("BT /F1 12 Tf 72 720 Td <"+strings.Repeat("0001", 200000)+"> Tj ET")), cid, cm)...)
		},
		Exit: 0, Notice: true, Want: "AAAA", Review: "hết bộ nhớ sau 13,6 s"},
	{Name: "p08-cmap-range-scan.pdf", What: "100.000 mục bfrange không trùng mã nào, 800.000 mã cần tra",
		Make: func() []byte {
			font, cid := type0("")
			ranges := make([]string, 100000)
			for i := range ranges {
				ranges[i] = fmt.Sprintf("<%08X> <%08X> <0041>", 0x10000+2*i, 0x10000+2*i+1)
			}
			cm := cmapStream([]string{"<0001> <0042>"}, ranges)
			content := "BT /F1 12 Tf 72 720 Td <" + strings.Repeat("FFFF", 800000) + "> Tj ET"
			return pdfFile(append(onePage, font, flateStream("", []byte(content)), cid, cm)...)
		},
		Exit: 0, Want: "\uFFFD\uFFFD\uFFFD", Review: "bị dừng sau 240 s"},
	{Name: "p09-many-pages.pdf", What: "50.000 trang dùng chung một luồng nội dung",
		Make: func() []byte {
			var kids strings.Builder
			objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", "", helvetica, flateStream("", []byte("BT /F1 12 Tf 72 720 Td (Trang) Tj ET"))}
			for i := 0; i < 50000; i++ {
				fmt.Fprintf(&kids, "%d 0 R ", len(objs)+1)
				objs = append(objs, "<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>")
			}
			objs[1] = "<< /Type /Pages /Kids [" + kids.String() + "] /Count 50000 >>"
			return pdfFile(objs...)
		},
		Exit: 0, Notice: true, Want: "--- trang 2000 ---\nTrang\n", Review: "5,7 s, 471 MB"},
	{Name: "p10-width-scan.pdf", What: "bảng độ rộng /W 65.535 khoảng, 800.000 chữ vẽ bằng mã cuối",
		Make: func() []byte {
			var w strings.Builder
			for i := 1; i < 65536; i++ {
				fmt.Fprintf(&w, "%d [500] ", i)
			}
			font, cid := type0(w.String())
			cm := cmapStream([]string{"<FFFF> <0061>"}, nil)
			content := "BT /F1 12 Tf 72 720 Td <" + strings.Repeat("FFFF", 800000) + "> Tj ET"
			return pdfFile(append(onePage, font, flateStream("", []byte(content)), cid, cm)...)
		},
		Exit: 0, Want: "aaaaaaaa", Review: "75 s"},
	{Name: "p11-esc-tounicode.pdf", What: "ToUnicode gán chữ cho ESC[2J, ESC]0;…BEL, CR, CSI C1 (U+009B), RLO (U+202E)",
		Make: func() []byte {
			font, cid := type0("")
			cm := cmapStream([]string{
				"<0001> <" + utf16Hex("\x1b[2J\x1b[31mPASS\x1b]0;pwned\a") + ">",
				"<0002> <" + utf16Hex("100\rSố tiền: 999") + ">",
				"<0003> <" + utf16Hex("\u009b2J \u202etxt.exe \u2066x\u2069 \u200f") + ">",
			}, nil)
			content := "BT /F1 12 Tf 72 720 Td <0001> Tj 0 -20 Td <0002> Tj 0 -20 Td <0003> Tj ET"
			return pdfFile(append(onePage, font, flateStream("", []byte(content)), cid, cm)...)
		},
		Exit: 0, Want: `\x1b[2J\x1b[31mPASS\x1b]0;pwned\x07` + "\n" + `100\x0dSố tiền: 999` + "\n" + `\u009b2J \u202etxt.exe \u2066x\u2069 \u200f`, Review: "in nguyên ký tự điều khiển"},
	{Name: "p12-deep-array.pdf", What: "mảng lồng nhau 100.000 cấp trong luồng nội dung",
		Make: func() []byte { return pdfPage(helvetica, []byte(strings.Repeat("[", 100000))) },
		Exit: 2, Want: "lồng nhau quá sâu", Review: "từ chối"},
	{Name: "p13-many-objects.pdf", What: "250.000 đối tượng nhỏ (10 MB)",
		Make: func() []byte { return pdfFile(append(append([]string{}, onePage...), tiny(250000)...)...) },
		Exit: 2, Want: "quá nhiều đối tượng", Review: "từ chối, 0,8 s (1,1 triệu đối tượng)"},
	{Name: "p14-unclosed-arrays.pdf", What: "200.000 đầu đối tượng, mỗi cái theo sau là “[” không đóng",
		Make: func() []byte { return pdfRaw(strings.Repeat("1 0 obj [\n", 200000)) },
		Exit: 2, Want: "/Root", Review: "5,0 s"},
	{Name: "p15-stream-noend.pdf", What: "200.000 từ khóa stream không có endstream",
		Make: func() []byte { return pdfRaw(strings.Repeat("1 0 obj << >> stream\nxx\n", 200000)) },
		Exit: 2, Want: "/Root", Review: "0,06 s"},
	{Name: "p16-operators.pdf", What: "ba trang, mỗi trang 1.800.000 toán tử và toán hạng (3,6 MB nội dung mỗi trang)",
		Make: func() []byte {
			content := []byte(strings.Repeat("0 0 m\n", 600000) + "BT /F1 12 Tf 72 720 Td (Het) Tj ET\n")
			return pdfPages(3, helvetica, content)
		},
		Exit: 0, Notice: true, Want: "--- trang 1 ---\nHet\n", Review: "(mới)"},
	{Name: "p17-truncated.pdf", What: "PDF bị cắt trước trailer",
		Make: func() []byte {
			b := pdfPage(helvetica, []byte("BT /F1 12 Tf 72 720 Td (Xin chao) Tj ET"))
			return b[:bytes.Index(b, []byte("xref"))]
		},
		Exit: 2, Want: "trailer", Review: "báo lỗi rõ"},
	{Name: "p18-page-loop.pdf", What: "cây trang lặp vòng (/Kids trỏ về chính nó)",
		Make: func() []byte {
			return pdfFile("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R] /Count 1 >>")
		},
		Exit: 2, Want: "cây trang lặp vòng", Review: "báo lỗi rõ"},

	// XLSX.
	{Name: "x01-many-shared-strings.xlsx", What: "1.000.000 chuỗi dùng chung",
		Make: func() []byte {
			items := make([]string, 1000000)
			for i := range items {
				items[i] = fmt.Sprint(i)
			}
			return workbook([]sheet{{"Bieu 01", "worksheets/sheet1.xml", []byte(`<row r="1"><c r="A1" t="s"><v>999999</v></c></row>`)}}, sharedStrings(items...))
		},
		Exit: 0, Want: "=== Bieu 01 ===\n999999\n", Review: "1,4 s, 143 MB"},
	{Name: "x02-shared-amplify.xlsx", What: "một chuỗi dùng chung 3 MB, 100 ô trỏ tới nó",
		Make: func() []byte { return amplify(3<<20, 100, 1) },
		Exit: 0, Notice: true, Want: "xxxxxxxx | xxxx", Review: "838 MB văn bản, 4,5 GB; hết bộ nhớ"},
	{Name: "x03-shared-amplify-100k.xlsx", What: "chuỗi dùng chung 3 MB, 100.000 ô trỏ tới nó (cùng một ô A1)",
		Make: func() []byte { return amplify(3<<20, 100000, 0) },
		Exit: 0, Notice: true, Want: "xxxxxxxx", Review: "hết bộ nhớ, 29 s"},
	{Name: "x04-xfd-rows.xlsx", What: "10.000 hàng, mỗi hàng một ô ở cột XFD",
		Make: func() []byte { return xfdRows(10000) },
		Exit: 0, Notice: true, Want: " |  |  | ", Review: "8,2 s, 2,4 GB, 491 MB văn bản"},
	{Name: "x05-xfd-rows-200k.xlsx", What: "200.000 hàng ở cột XFD",
		Make: func() []byte { return xfdRows(200000) },
		Exit: 0, Notice: true, Want: " |  |  | ", Review: "hết bộ nhớ (1 triệu hàng)"},
	{Name: "x06-sheets-same-part.xlsx", What: "5.000 trang tính trỏ cùng một phần 1 MB",
		Make: func() []byte {
			var rows strings.Builder
			for i := 1; rows.Len() < 1<<20; i++ {
				fmt.Fprintf(&rows, `<row r="%d"><c r="A%d"><v>%d</v></c></row>`, i, i, i)
			}
			sheets := []sheet{{"S1", "worksheets/sheet1.xml", []byte(rows.String())}}
			for i := 2; i <= 5000; i++ {
				sheets = append(sheets, sheet{fmt.Sprintf("S%d", i), "worksheets/sheet1.xml", nil})
			}
			return workbook(sheets, nil)
		},
		Exit: 0, Want: "=== S5000 ===\n(cùng phần xl/worksheets/sheet1.xml với trang tính “S1”)\n", Review: "bị dừng sau 240 s"},
	{Name: "x07-shared-formula.xlsx", What: "công thức dùng chung: ô gốc 80 KB, 20.000 ô theo",
		Make: func() []byte {
			f := strings.Repeat("A1+", 80<<10/3) + "A1"
			var rows strings.Builder
			fmt.Fprintf(&rows, `<row r="1"><c r="B1"><f t="shared" ref="B1:B20001" si="0">%s</f><v>1</v></c></row>`, f)
			for i := 2; i <= 20001; i++ {
				fmt.Fprintf(&rows, `<row r="%d"><c r="B%d"><f t="shared" si="0"/><v>1</v></c></row>`, i, i)
			}
			return workbook([]sheet{{"Bieu 01", "worksheets/sheet1.xml", []byte(rows.String())}}, nil)
		},
		Exit: 0, Notice: true, Want: " | 1 [=A2+A2+A2", Review: "79,6 s rồi hết bộ nhớ"},
	{Name: "x08-deep.xlsx", What: "XML lồng nhau 1.000.000 cấp trong một trang tính",
		Make: func() []byte {
			deep := strings.Repeat("<a>", 1000000)
			return workbook([]sheet{{"Bieu 01", "worksheets/sheet1.xml", []byte(deep)}}, nil)
		},
		Exit: 2, Want: "XML lồng nhau quá sâu", Review: "2,2 s, 555 MB"},
	{Name: "x09-controls.xlsx", What: "CSI C1 và RLO trong tên trang tính và trong ô",
		Make: func() []byte {
			return workbook([]sheet{{"\u009b2J\u202eS", "worksheets/sheet1.xml",
				[]byte(`<row r="1"><c r="A1" t="inlineStr"><is><t>OK` + "\u009b31m \u200e\u202a" + `</t></is></c></row>`)}}, nil)
		},
		Exit: 0, Want: `=== \u009b2J\u202eS ===` + "\n" + `OK\u009b31m \u200e\u202a` + "\n", Review: "in nguyên ký tự điều khiển"},
	{Name: "x10-many-entries.xlsx", What: "gói zip 120.000 phần",
		Make: func() []byte { return manyEntries(120000, true) },
		Exit: 2, Want: "quá nhiều phần", Review: "4,4 s, 789 MB (2 triệu phần)"},
	{Name: "x11-truncated.xlsx", What: "sổ tính bị cắt một nửa",
		Make: func() []byte { b := amplify(1000, 3, 1); return b[:len(b)/2] },
		Exit: 2, Want: "không mở được như tệp zip", Review: "báo lỗi rõ"},
	{Name: "x12-bomb-declared.xlsx", What: "trang tính khai báo 64 MB khi giải nén (quả bom nén)",
		Make: func() []byte {
			return workbook([]sheet{{"Bieu 01", "worksheets/sheet1.xml", nil}}, nil,
				entry{name: "xl/worksheets/sheet1.xml", data: make([]byte, 64<<20)})
		},
		Exit: 2, Want: "quá lớn", Review: "(mới)"},
	{Name: "x13-bomb-undeclared.xlsx", What: "trang tính khai báo 1.000 byte nhưng giải nén ra 64 MB",
		Make: func() []byte {
			return workbook([]sheet{{"Bieu 01", "worksheets/sheet1.xml", nil}}, nil,
				entry{name: "xl/worksheets/sheet1.xml", data: make([]byte, 64<<20), declared: 1000})
		},
		Exit: 2, Want: "hỏng", Review: "(mới)"},
	{Name: "x14-many-cells.xlsx", What: "tám trang tính, 800.000 ô",
		Make: func() []byte {
			var sheets []sheet
			for s := 1; s <= 8; s++ {
				var rows strings.Builder
				for r := 1; r <= 1000; r++ {
					fmt.Fprintf(&rows, `<row r="%d">`, r)
					for c := 0; c < 100; c++ {
						rows.WriteString(`<c><v>1</v></c>`)
					}
					rows.WriteString(`</row>`)
				}
				sheets = append(sheets, sheet{fmt.Sprintf("S%d", s), fmt.Sprintf("worksheets/sheet%d.xml", s), []byte(rows.String())})
			}
			return workbook(sheets, nil)
		},
		Exit: 0, Notice: true, Want: "=== S1 ===\n1 | 1 | 1", Review: "(mới)"},

	// DOCX.
	{Name: "t01-bomb-declared.docx", What: "word/document.xml khai báo 64 MB khi giải nén",
		Make: func() []byte { return docxFile(make([]byte, 64<<20), 0) },
		Exit: 2, Want: "phần word/document.xml quá lớn", Review: "từ chối, 0,04 s (1 GB)"},
	{Name: "t02-bomb-undeclared.docx", What: "word/document.xml khai báo 1.000 byte nhưng giải nén ra 64 MB",
		Make: func() []byte { return docxFile(make([]byte, 64<<20), 1000) },
		Exit: 2, Want: "hỏng", Review: "(mới)"},
	{Name: "t03-entities.docx", What: "thực thể XML tự định nghĩa (DOCTYPE, “billion laughs”)",
		Make: func() []byte {
			return zipFile(entry{name: "word/document.xml", data: []byte(`<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document ` + nsW + `><w:body>` + para("&b;") + `</w:body></w:document>`)})
		},
		Exit: 2, Want: "XML", Review: "từ chối"},
	{Name: "t04-deep-p.docx", What: "500.000 thẻ <w:p> lồng nhau",
		Make: func() []byte { return docxFile([]byte(strings.Repeat("<w:p>", 500000)), 0) },
		Exit: 2, Want: "XML lồng nhau quá sâu", Review: "2,0 s, 470 MB"},
	{Name: "t05-deep-tbl.docx", What: "100.000 bảng lồng nhau <w:tbl><w:tr><w:tc>",
		Make: func() []byte { return docxFile([]byte(strings.Repeat("<w:tbl><w:tr><w:tc>", 100000)), 0) },
		Exit: 2, Want: "XML lồng nhau quá sâu", Review: "1,8 s, 313 MB"},
	{Name: "t06-deep-foreign.docx", What: "1.000.000 thẻ lạ <a> lồng nhau",
		Make: func() []byte { return docxFile([]byte(strings.Repeat("<a>", 1000000)), 0) },
		Exit: 2, Want: "XML lồng nhau quá sâu", Review: "2,7 s, 549 MB"},
	{Name: "t07-controls.docx", What: "CR, CSI C1 (U+009B), RLO (U+202E), NEL (U+0085), LRI/PDI trong w:t",
		Make: func() []byte {
			return docxFile([]byte(para("Số tiền: 100\rSố tiền: 999 \u009b2J \u202etxt.exe \u0085 \u2066x\u2069")), 0)
		},
		Exit: 0, Want: `Số tiền: 100\x0dSố tiền: 999 \u009b2J \u202etxt.exe \u0085 \u2066x\u2069` + "\n", Review: "in nguyên ký tự điều khiển"},
	{Name: "t08-truncated.docx", What: "DOCX bị cắt một nửa",
		Make: func() []byte { b := docxFile([]byte(para("Xin chào")), 0); return b[:len(b)/2] },
		Exit: 2, Want: "không phải gói DOCX", Review: "báo lỗi rõ"},
	{Name: "t09-empty.docx", What: "tệp rỗng",
		Make: func() []byte { return []byte{} },
		Exit: 2, Want: "tệp trống", Review: "báo lỗi rõ"},
	{Name: "t10-many-entries.docx", What: "gói zip 120.000 phần",
		Make: func() []byte { return manyEntries(120000, false) },
		Exit: 2, Want: "quá nhiều phần", Review: "2,2 s, 752 MB (2 triệu phần)"},
	{Name: "t11-many-paragraphs.docx", What: "word/document.xml 3,5 MB: 75.000 đoạn (trong giới hạn, in đủ)",
		Make: func() []byte {
			var b strings.Builder
			for i := 0; b.Len() < 3500<<10; i++ {
				b.WriteString(para(fmt.Sprintf("Đoạn %d", i)))
			}
			return docxFile([]byte(b.String()), 0)
		},
		Exit: 0, Want: "Đoạn 0\nĐoạn 1\n", Review: "(mới)"},
}

// pdfRaw is a PDF header, body and a trailer naming object 1 as /Root.
func pdfRaw(body string) []byte {
	return []byte("%PDF-1.4\n" + body + "\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
}

// pdfPage is a one-page PDF drawing content with the given font.
func pdfPage(font string, content []byte) []byte {
	return pdfFile(append(onePage, font, flateStream("", content))...)
}

// pdfPages is a PDF of n pages, each with its own copy of content.
func pdfPages(n int, font string, content []byte) []byte {
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", "", font}
	var kids strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&kids, "%d 0 R ", len(objs)+1)
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", len(objs)+2),
			flateStream("", content))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids.String(), n)
	return pdfFile(objs...)
}

// tiny is n small objects.
func tiny(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "1"
	}
	return out
}

// amplify is a workbook whose only shared string has size bytes, used by
// cells cells, spread over columns A… when spread is 1 (else all at A1).
func amplify(size, cells, spread int) []byte {
	var rows strings.Builder
	rows.WriteString(`<row r="1">`)
	for i := 0; i < cells; i++ {
		if spread == 1 {
			fmt.Fprintf(&rows, `<c r="%s1" t="s"><v>0</v></c>`, colName(i))
		} else {
			rows.WriteString(`<c r="A1" t="s"><v>0</v></c>`)
		}
	}
	rows.WriteString(`</row>`)
	return workbook([]sheet{{"Bieu 01", "worksheets/sheet1.xml", []byte(rows.String())}}, sharedStrings(strings.Repeat("x", size)))
}

func xfdRows(n int) []byte {
	var rows strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&rows, `<row r="%d"><c r="XFD%d"><v>1</v></c></row>`, i, i)
	}
	return workbook([]sheet{{"Bieu 01", "worksheets/sheet1.xml", []byte(rows.String())}}, nil)
}

// manyEntries is a package of n tiny members besides the usual parts.
func manyEntries(n int, xlsx bool) []byte {
	entries := []entry{{name: "word/document.xml", data: []byte(xmlHdr + `<w:document ` + nsW + `><w:body>` + para("Xin chào") + `</w:body></w:document>`)}}
	if xlsx {
		entries = []entry{
			{name: "_rels/.rels", data: []byte(rootRels)},
			{name: "xl/workbook.xml", data: []byte(xmlHdr + `<workbook ` + nsMain + ` ` + nsRel + `><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>`)},
			{name: "xl/_rels/workbook.xml.rels", data: []byte(xmlHdr + `<Relationships ` + relsNS + `><Relationship Id="rId1" Type="` + relBase + `worksheet" Target="worksheets/sheet1.xml"/></Relationships>`)},
			{name: "xl/worksheets/sheet1.xml", data: sheetXML([]byte(`<row r="1"><c r="A1"><v>1</v></c></row>`))},
		}
	}
	for i := 0; i < n; i++ {
		entries = append(entries, entry{name: fmt.Sprintf("%x", i)})
	}
	return zipFile(entries...)
}

func colName(c int) string {
	s := ""
	for c++; c > 0; c = (c - 1) / 26 {
		s = string(rune('A'+(c-1)%26)) + s
	}
	return s
}
