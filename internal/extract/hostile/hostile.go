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
// what this package makes (go test ./internal/extract/hostile -update
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
	// Before is what kehoach text did before the fix (9867b2c, on a
	// 2-core machine, memory capped at 4 GB, killed after 20 s).
	Before string
	// Import is what the DOCX reader of kehoach import (docx.Paragraphs)
	// must do with a .docx case: refuse it with an error holding Import,
	// or, when ImportReads, read it, Import being a piece of the text of
	// its paragraphs. "" for the other files.
	Import      string
	ImportReads bool
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
		Exit: 2, Want: "luồng giải nén quá lớn", Before: "từ chối, 0,13 s"},
	{Name: "p05-unclosed-literals.pdf", What: "100.000 đầu đối tượng, mỗi cái theo sau là “(” không đóng",
		Make: func() []byte { return pdfRaw(strings.Repeat("1 0 obj (\n", 100000)) },
		Exit: 2, Want: "/Root", Before: "quá 20 s (bị dừng)"},
	{Name: "p06-inline-images.pdf", What: "60.000 ảnh nhúng BI … ID … EI trong 2 MB nội dung",
		Make: func() []byte {
			return pdfPage(helvetica, []byte(strings.Repeat("BI /W 1 /H 1 /BPC 8 /CS /G ID\nx\nEI\n", 60000)+"BT /F1 12 Tf 72 720 Td (Xin chao) Tj ET\n"))
		},
		Exit: 0, Want: "--- trang 1 ---\nXin chao\n", Before: "quá 20 s (bị dừng)"},
	{Name: "p07-tounicode-amplify.pdf", What: "ToUnicode gán một mã cho chuỗi 800.000 ký tự, trang vẽ mã đó 200.000 lần",
		Make: func() []byte {
			font, cid := type0("")
			cm := cmapStream([]string{"<0001> <" + strings.Repeat("0041", 800000) + ">"}, nil)
			return pdfFile(append(onePage, font, flateStream("", []byte("BT /F1 12 Tf 72 720 Td <"+strings.Repeat("0001", 200000)+"> Tj ET")), cid, cm)...)
		},
		Exit: 0, Notice: true, Want: "AAAA", Before: "hết bộ nhớ sau 7,2 s (1,9 GB)"},
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
		Exit: 0, Want: "\uFFFD\uFFFD\uFFFD", Before: "quá 20 s (bị dừng)"},
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
		Exit: 0, Notice: true, Want: "--- trang 2000 ---\nTrang\n", Before: "2,3 s, 229 MB, in cả 50.000 trang"},
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
		Exit: 0, Want: "aaaaaaaa", Before: "quá 20 s (bị dừng)"},
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
		Exit: 0, Want: `\x1b[2J\x1b[31mPASS\x1b]0;pwned\x07` + "\n" + `100\x0dSố tiền: 999` + "\n" + `\u009b2J \u202etxt.exe \u2066x\u2069 \u200f`, Before: "in nguyên ESC, CR, CSI, RLO"},
	{Name: "p12-deep-array.pdf", What: "mảng lồng nhau 100.000 cấp trong luồng nội dung",
		Make: func() []byte { return pdfPage(helvetica, []byte(strings.Repeat("[", 100000))) },
		Exit: 2, Want: "lồng nhau quá sâu", Before: "từ chối, 0,01 s"},
	{Name: "p13-many-objects.pdf", What: "250.000 đối tượng nhỏ (10 MB)",
		Make: func() []byte { return pdfFile(append(append([]string{}, onePage...), tiny(250000)...)...) },
		Exit: 2, Want: "quá nhiều đối tượng", Before: "từ chối, 0,6 s"},
	{Name: "p14-unclosed-arrays.pdf", What: "200.000 đầu đối tượng, mỗi cái theo sau là “[” không đóng",
		Make: func() []byte { return pdfRaw(strings.Repeat("1 0 obj [\n", 200000)) },
		Exit: 2, Want: "/Root", Before: "13,1 s"},
	{Name: "p15-stream-noend.pdf", What: "90.000 từ khóa stream không có endstream",
		Make: func() []byte { return pdfRaw(strings.Repeat("1 0 obj << >> stream\nxx\n", 90000)) },
		Exit: 2, Want: "/Root", Before: "0,1 s"},
	{Name: "p16-operators.pdf", What: "ba trang, mỗi trang 1.800.000 toán tử và toán hạng (3,6 MB nội dung mỗi trang)",
		Make: func() []byte {
			content := []byte(strings.Repeat("0 0 m\n", 600000) + "BT /F1 12 Tf 72 720 Td (Het) Tj ET\n")
			return pdfPages(3, helvetica, content)
		},
		Exit: 0, Notice: true, Want: "--- trang 1 ---\nHet\n", Before: "0,45 s, không giới hạn toán tử"},
	{Name: "p17-truncated.pdf", What: "PDF bị cắt trước trailer",
		Make: func() []byte {
			b := pdfPage(helvetica, []byte("BT /F1 12 Tf 72 720 Td (Xin chao) Tj ET"))
			return b[:bytes.Index(b, []byte("xref"))]
		},
		Exit: 2, Want: "trailer", Before: "báo lỗi rõ"},
	{Name: "p18-page-loop.pdf", What: "cây trang lặp vòng (/Kids trỏ về chính nó)",
		Make: func() []byte {
			return pdfFile("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R] /Count 1 >>")
		},
		Exit: 2, Want: "cây trang lặp vòng", Before: "báo lỗi rõ"},

	{Name: "p19-big-array.pdf", What: "một đối tượng là mảng 5.000.000 số (10 MB)",
		Make: func() []byte { return pdfRaw("1 0 obj\n[" + strings.Repeat("1 ", 5000000) + "]\nendobj") },
		Exit: 2, Want: "quá nhiều giá trị trong các đối tượng", Before: "0,87 s, 245 MB"},

	// XLSX.
	{Name: "x01-many-shared-strings.xlsx", What: "1.000.000 chuỗi dùng chung (43 MB khi giải nén)",
		Make: func() []byte {
			items := make([]string, 1000000)
			for i := range items {
				items[i] = fmt.Sprint(i)
			}
			return workbook([]sheet{{"Bieu 01", "worksheets/sheet1.xml", []byte(`<row r="1"><c r="A1" t="s"><v>999999</v></c></row>`)}}, sharedStrings(items...))
		},
		Exit: 2, Want: "phần xl/sharedStrings.xml quá lớn", Before: "2,1 s, 170 MB"},
	{Name: "x02-shared-amplify.xlsx", What: "một chuỗi dùng chung 3 MB, 100 ô trỏ tới nó",
		Make: func() []byte { return amplify(3<<20, 100, 1) },
		Exit: 0, Notice: true, Want: "xxxxxxxx | xxxx", Before: "1,7 s, 717 MB, in 315 MB chữ"},
	{Name: "x03-shared-amplify-100k.xlsx", What: "chuỗi dùng chung 3 MB, 100.000 ô trỏ tới nó (cùng một ô A1)",
		Make: func() []byte { return amplify(3<<20, 100000, 0) },
		Exit: 0, Notice: true, Want: "xxxxxxxx", Before: "hết bộ nhớ sau 8,6 s (1,7 GB)"},
	{Name: "x04-xfd-rows.xlsx", What: "10.000 hàng, mỗi hàng một ô ở cột XFD",
		Make: func() []byte { return xfdRows(10000) },
		Exit: 0, Notice: true, Want: " |  |  | ", Before: "hết bộ nhớ sau 5,6 s (2 GB)"},
	{Name: "x05-xfd-rows-200k.xlsx", What: "200.000 hàng ở cột XFD (10 MB khi giải nén)",
		Make: func() []byte { return xfdRows(200000) },
		Exit: 2, Want: "phần xl/worksheets/sheet1.xml quá lớn", Before: "hết bộ nhớ sau 18,9 s (2,3 GB)"},
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
		Exit: 0, Want: "=== S5000 ===\n(cùng phần xl/worksheets/sheet1.xml với trang tính “S1”)\n", Before: "quá 20 s (bị dừng)"},
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
		Exit: 0, Notice: true, Want: " | 1 [=A2+A2+A2", Before: "quá 20 s (bị dừng)"},
	{Name: "x08-deep.xlsx", What: "XML lồng nhau 1.000.000 cấp trong một trang tính",
		Make: func() []byte {
			deep := strings.Repeat("<a>", 1000000)
			return workbook([]sheet{{"Bieu 01", "worksheets/sheet1.xml", []byte(deep)}}, nil)
		},
		Exit: 2, Want: "XML lồng nhau quá sâu", Before: "0,84 s, 123 MB"},
	{Name: "x09-controls.xlsx", What: "CSI C1 và RLO trong tên trang tính và trong ô",
		Make: func() []byte {
			return workbook([]sheet{{"\u009b2J\u202eS", "worksheets/sheet1.xml",
				[]byte(`<row r="1"><c r="A1" t="inlineStr"><is><t>OK` + "\u009b31m \u200e\u202a" + `</t></is></c></row>`)}}, nil)
		},
		Exit: 0, Want: `=== \u009b2J\u202eS ===` + "\n" + `OK\u009b31m \u200e\u202a` + "\n", Before: "in nguyên CSI, RLO"},
	{Name: "x10-many-entries.xlsx", What: "gói zip 120.000 phần",
		Make: func() []byte { return manyEntries(120000, true) },
		Exit: 2, Want: "quá nhiều phần", Before: "0,13 s, 62 MB, mở cả 120.000 phần"},
	{Name: "x11-truncated.xlsx", What: "sổ tính bị cắt một nửa",
		Make: func() []byte { b := amplify(1000, 3, 1); return b[:len(b)/2] },
		Exit: 2, Want: "không mở được như tệp zip", Before: "báo lỗi rõ"},
	{Name: "x12-bomb-declared.xlsx", What: "trang tính khai báo 64 MB khi giải nén (quả bom nén)",
		Make: func() []byte {
			return workbook([]sheet{{"Bieu 01", "worksheets/sheet1.xml", nil}}, nil,
				entry{name: "xl/worksheets/sheet1.xml", data: make([]byte, 64<<20)})
		},
		Exit: 2, Want: "quá lớn", Before: "1,9 s, 268 MB (giải nén cả 64 MB)"},
	{Name: "x13-bomb-undeclared.xlsx", What: "trang tính khai báo 1.000 byte nhưng giải nén ra 64 MB",
		Make: func() []byte {
			return workbook([]sheet{{"Bieu 01", "worksheets/sheet1.xml", nil}}, nil,
				entry{name: "xl/worksheets/sheet1.xml", data: make([]byte, 64<<20), declared: 1000})
		},
		Exit: 2, Want: "hỏng", Before: "báo lỗi, có chữ tiếng Anh"},
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
		Exit: 0, Notice: true, Want: "=== S1 ===\n1 | 1 | 1", Before: "4,7 s, in cả 800.000 ô"},

	// DOCX.
	{Name: "t01-bomb-declared.docx", What: "word/document.xml khai báo 64 MB khi giải nén",
		Make: func() []byte { return docxFile(make([]byte, 64<<20), 0) },
		Exit: 2, Want: "phần word/document.xml quá lớn", Before: "từ chối, 0,01 s", Import: "phần word/document.xml quá lớn"},
	{Name: "t02-bomb-undeclared.docx", What: "word/document.xml khai báo 1.000 byte nhưng giải nén ra 64 MB",
		Make: func() []byte { return docxFile(make([]byte, 64<<20), 1000) },
		Exit: 2, Want: "hỏng", Before: "báo lỗi rõ", Import: "phần word/document.xml hỏng"},
	{Name: "t03-entities.docx", What: "thực thể XML tự định nghĩa (DOCTYPE, “billion laughs”)",
		Make: func() []byte {
			return zipFile(entry{name: "word/document.xml", data: []byte(`<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document ` + nsW + `><w:body>` + para("&b;") + `</w:body></w:document>`)})
		},
		Exit: 2, Want: "XML", Before: "từ chối", Import: "phần word/document.xml: XML hỏng"},
	{Name: "t04-deep-p.docx", What: "500.000 thẻ `<w:p>` lồng nhau",
		Make: func() []byte { return docxFile([]byte(strings.Repeat("<w:p>", 500000)), 0) },
		Exit: 2, Want: "XML lồng nhau quá sâu", Before: "0,48 s, 92 MB", Import: "XML lồng nhau quá sâu"},
	{Name: "t05-deep-tbl.docx", What: "100.000 bảng lồng nhau `<w:tbl><w:tr><w:tc>`",
		Make: func() []byte { return docxFile([]byte(strings.Repeat("<w:tbl><w:tr><w:tc>", 100000)), 0) },
		Exit: 2, Want: "XML lồng nhau quá sâu", Before: "0,49 s, 52 MB", Import: "XML lồng nhau quá sâu"},
	{Name: "t06-deep-foreign.docx", What: "1.000.000 thẻ lạ `<a>` lồng nhau",
		Make: func() []byte { return docxFile([]byte(strings.Repeat("<a>", 1000000)), 0) },
		Exit: 2, Want: "XML lồng nhau quá sâu", Before: "0,64 s, 125 MB", Import: "XML lồng nhau quá sâu"},
	{Name: "t07-controls.docx", What: "CR, CSI C1 (U+009B), RLO (U+202E), NEL (U+0085), LRI/PDI trong w:t",
		Make: func() []byte {
			return docxFile([]byte(para("Số tiền: 100&#13;Số tiền: 999 \u009b2J \u202etxt.exe \u0085 \u2066x\u2069")), 0)
		},
		Exit: 0, Want: `Số tiền: 100\x0dSố tiền: 999 \u009b2J \u202etxt.exe \u0085 \u2066x\u2069` + "\n", Before: "in nguyên CR, CSI, RLO, NEL",
		Import: "Số tiền: 999", ImportReads: true},
	{Name: "t08-truncated.docx", What: "DOCX bị cắt một nửa",
		Make: func() []byte { b := docxFile([]byte(para("Xin chào")), 0); return b[:len(b)/2] },
		Exit: 2, Want: "không phải gói DOCX", Before: "báo lỗi rõ", Import: "không phải gói DOCX"},
	{Name: "t09-empty.docx", What: "tệp rỗng",
		Make: func() []byte { return []byte{} },
		Exit: 2, Want: "tệp trống", Before: "báo lỗi rõ", Import: "tệp trống"},
	{Name: "t10-many-entries.docx", What: "gói zip 120.000 phần",
		Make: func() []byte { return manyEntries(120000, false) },
		Exit: 2, Want: "quá nhiều phần", Before: "0,1 s, 63 MB, mở cả 120.000 phần", Import: "quá nhiều phần"},
	{Name: "t11-many-paragraphs.docx", What: "word/document.xml 3,5 MB: 75.000 đoạn (trong giới hạn, in đủ)",
		Make: func() []byte {
			var b strings.Builder
			for i := 0; b.Len() < 3500<<10; i++ {
				b.WriteString(para(fmt.Sprintf("Đoạn %d", i)))
			}
			return docxFile([]byte(b.String()), 0)
		},
		Exit: 0, Want: "Đoạn 0\nĐoạn 1\n", Before: "0,2 s", Import: "văn bản có quá 50.000 đoạn"},

	// DOCX: the parts kehoach import reads besides word/document.xml
	// (numbering.xml, styles.xml), which kehoach text does not read.
	{Name: "t12-numbering-bomb.docx", What: "word/numbering.xml khai báo 64 MB khi giải nén",
		Make: func() []byte {
			return docxParts([]byte(numbered(1)), entry{name: "word/numbering.xml", data: make([]byte, 64<<20)})
		},
		Exit: 0, Want: "Mục 0\n", Before: "—", Import: "phần word/numbering.xml quá lớn"},
	{Name: "t13-numbering-deep.docx", What: "word/numbering.xml: 200.000 thẻ `<w:lvl>` lồng nhau",
		Make: func() []byte {
			return docxParts([]byte(numbered(1)), entry{name: "word/numbering.xml", data: []byte(xmlHdr + `<w:numbering ` + nsW + `><w:abstractNum w:abstractNumId="0">` + strings.Repeat(`<w:lvl w:ilvl="0">`, 200000))})
		},
		Exit: 0, Want: "Mục 0\n", Before: "—", Import: "phần word/numbering.xml: XML lồng nhau quá sâu"},
	{Name: "t14-numbering-huge-lvltext.docx", What: "nhãn đánh số w:lvlText dài 1 MB, 30.000 đoạn dùng nó",
		Make: func() []byte {
			return docxParts([]byte(numbered(30000)), numbering(`<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="`+strings.Repeat("%1", 1<<19)+`"/>`))
		},
		Exit: 0, Want: "Mục 29999\n", Before: "—", Import: "nhãn đánh số (w:lvlText) dài 1.048.576 byte, quá 256 byte"},
	{Name: "t15-numbering-amplify.docx", What: "w:lvlText 256 byte, 128 lần số La Mã 3.888 (MMMDCCCLXXXVIII), 30.000 đoạn",
		Make: func() []byte {
			return docxParts([]byte(numbered(30000)), numbering(`<w:start w:val="3888"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="`+strings.Repeat("%1", 128)+`"/>`))
		},
		Exit: 0, Want: "Mục 29999\n", Before: "—", Import: "nhãn đánh số tự động dài quá 256 byte"},
	{Name: "t16-numbering-long-labels.docx", What: "nhãn đánh số 250 byte cho mỗi đoạn trong 30.000 đoạn (trong giới hạn)",
		Make: func() []byte {
			return docxParts([]byte(numbered(30000)), numbering(`<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="`+strings.Repeat("x", 245)+`%1."/>`))
		},
		Exit: 0, Want: "Mục 29999\n", Before: "—", Import: "Mục 29999", ImportReads: true},
	{Name: "t17-numbering-broken.docx", What: "word/numbering.xml bị cắt giữa chừng",
		Make: func() []byte {
			n := numbering(`<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>`)
			n.data = n.data[:len(n.data)/2]
			return docxParts([]byte(numbered(3)), n)
		},
		Exit: 0, Want: "Mục 2\n", Before: "—", Import: "phần word/numbering.xml: XML hỏng"},
	{Name: "t18-numbering-not-number.docx", What: "w:start của một mức đánh số không phải số (w:val=\"một\")",
		Make: func() []byte { return docxParts([]byte(numbered(1)), numbering(`<w:start w:val="một"/>`)) },
		Exit: 0, Want: "Mục 0\n", Before: "—", Import: "thẻ w:start có w:val=“một”, không phải số nguyên"},
	{Name: "t19-styles-loop.docx", What: "10.000 kiểu dựa lên nhau thành vòng (w:basedOn), 10.000 đoạn dùng chúng",
		Make: func() []byte {
			var st, body strings.Builder
			st.WriteString(xmlHdr + `<w:styles ` + nsW + `>`)
			for i := 0; i < 10000; i++ {
				fmt.Fprintf(&st, `<w:style w:type="paragraph" w:styleId="S%d"><w:basedOn w:val="S%d"/><w:rPr><w:b/></w:rPr></w:style>`, i, (i+1)%10000)
				fmt.Fprintf(&body, `<w:p><w:pPr><w:pStyle w:val="S%d"/></w:pPr><w:r><w:t>Mục %d</w:t></w:r></w:p>`, i, i)
			}
			st.WriteString(`</w:styles>`)
			return docxParts([]byte(body.String()), entry{name: "word/styles.xml", data: []byte(st.String())})
		},
		Exit: 0, Want: "Mục 9999\n", Before: "—", Import: "Mục 9999", ImportReads: true},
	{Name: "t20-no-document.docx", What: "gói có numbering.xml, styles.xml nhưng không có word/document.xml",
		Make: func() []byte {
			return zipFile(entry{name: "[Content_Types].xml", data: []byte(ctypes)}, numbering(`<w:start w:val="1"/>`),
				entry{name: "word/styles.xml", data: []byte(xmlHdr + `<w:styles ` + nsW + `/>`)})
		},
		Exit: 2, Want: "gói không có word/document.xml", Before: "—", Import: "gói không có word/document.xml"},
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
