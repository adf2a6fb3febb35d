// Package doctest holds the synthetic documents of the tests. Sample is the
// one document every writer's tests render into their golden files
// (render/docx, render/text, render/pdf, the integration tests): a Kế
// hoạch-like document of a portrait section numbered from page 2 and a
// landscape annex numbered from 1, with a header block, lists, a body table,
// a spanning annex table and the signature block. Long (long.go) is a
// realistic full-length plan, its rules measured with a font, for the layout
// tests and benchmarks. Both know the shape of an ND30 document only as far
// as the tests need it; the real document comes from the composer.
package doctest

import (
	"fmt"
	"time"

	"kehoach/internal/doc"
	"kehoach/internal/style"
)

// Date is the fixed date of the sample documents.
var Date = time.Date(2025, 8, 5, 8, 30, 0, 0, time.UTC)

// P is a paragraph of plain text in style s.
func P(s doc.StyleName, text string) *doc.Paragraph {
	return &doc.Paragraph{Style: s, Runs: []doc.Run{{Text: text}}}
}

// CellText is a table cell of one paragraph of plain text.
func CellText(text string) doc.Cell {
	return doc.Cell{Paragraphs: []doc.Paragraph{{Runs: []doc.Run{{Text: text}}}}}
}

// Header is the ND30 header: issuing body and number on the left,
// Quốc hiệu, Tiêu ngữ and place/date on the right, with their rules.
func Header() *doc.Columns {
	return &doc.Columns{
		Widths: []float64{67.5, 100},
		Offset: -3.5,
		Cols: [][]doc.Block{
			{
				P(doc.StyleAgency, "ỦY BAN NHÂN DÂN"),
				P(doc.StyleAgency, "XÃ MƯỜNG KHOA"),
				&doc.Rule{Length: 20},
				P(doc.StyleNumber, "Số:      /KH-UBND"),
			},
			{
				P(doc.StyleNational, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
				P(doc.StyleMotto, "Độc lập - Tự do - Hạnh phúc"),
				&doc.Rule{Length: 60.5},
				P(doc.StylePlaceDate, "Mường Khoa, ngày      tháng 8 năm 2025"),
			},
		},
	}
}

// Signature is Nơi nhận on the left and the signer on the right.
func Signature() *doc.Columns {
	return &doc.Columns{
		Widths:       []float64{52.8, 111},
		Offset:       -3.5,
		KeepTogether: true,
		Cols: [][]doc.Block{
			{
				&doc.Paragraph{Style: doc.StyleRecipTitle, Runs: []doc.Run{{Text: "Nơi nhận:"}}},
				&doc.ListItem{Style: doc.StyleRecipItem, Level: 1, Runs: []doc.Run{{Text: "Văn phòng Điều phối NTM tỉnh;"}}},
				&doc.ListItem{Style: doc.StyleRecipItem, Level: 1, Runs: []doc.Run{{Text: "TT Đảng ủy, HĐND xã;"}}},
				&doc.ListItem{Style: doc.StyleRecipItem, Level: 1, Runs: []doc.Run{{Text: "Các ban, ngành, đoàn thể xã;"}}},
				&doc.ListItem{Style: doc.StyleRecipItem, Level: 1, Runs: []doc.Run{{Text: "Lưu: VT."}}},
			},
			{
				P(doc.StyleSignAuthor, "TM. ỦY BAN NHÂN DÂN"),
				P(doc.StyleSignAuthor, "KT. CHỦ TỊCH"),
				P(doc.StyleSignAuthor, "PHÓ CHỦ TỊCH"),
				&doc.Spacer{Height: 25},
				P(doc.StyleSignName, "Lò Văn Minh"),
			},
		},
	}
}

// BodyTable is a small bordered table in the portrait body.
func BodyTable() *doc.Table {
	head := func(t string) doc.Cell {
		c := CellText(t)
		c.Shade, c.VAlign = true, doc.VAlignCenter
		return c
	}
	return &doc.Table{
		Columns:    []float64{12, 83, 35, 35},
		HeaderRows: 1,
		Borders:    true,
		Rows: []doc.Row{
			{Cells: []doc.Cell{head("TT"), head("Tiêu chí"), head("Năm 2024"), head("Năm 2025")}},
			{Cells: []doc.Cell{CellText("1"), CellText("Giao thông"), CellText("Đạt"), CellText("Đạt")}},
			{Cells: []doc.Cell{CellText("2"), CellText("Thủy lợi và phòng, chống thiên tai"), CellText("Chưa đạt"), CellText("Đạt")}},
		},
	}
}

// AnnexTable is a long landscape table with two header rows, column and
// row spans, shaded header and total rows.
func AnnexTable(rows int) *doc.Table {
	h := func(t string, colSpan, rowSpan int) doc.Cell {
		return doc.Cell{Paragraphs: []doc.Paragraph{{Runs: []doc.Run{{Text: t}}}}, ColSpan: colSpan, RowSpan: rowSpan,
			Shade: true, VAlign: doc.VAlignCenter}
	}
	merged := doc.Cell{Merged: true}
	num := func(t string) doc.Cell {
		c := CellText(t)
		c.Paragraphs[0].Align = doc.AlignRight
		return c
	}
	t := &doc.Table{
		Columns:    []float64{12, 80, 20, 25, 25, 25, 25, 45},
		HeaderRows: 2,
		Borders:    true,
		FontSize:   12,
		Rows: []doc.Row{
			{Cells: []doc.Cell{h("STT", 1, 2), h("Nội dung", 1, 2), h("ĐVT", 1, 2), h("Nguồn vốn", 4, 1), h("Ghi chú", 1, 2)}},
			{Cells: []doc.Cell{merged, merged, merged, h("NSTW", 1, 1), h("NS tỉnh", 1, 1), h("NS xã", 1, 1), h("Khác", 1, 1), merged}},
		},
	}
	group := CellText("Nhóm hạ tầng")
	group.RowSpan, group.VAlign = 2, doc.VAlignCenter
	t.Rows = append(t.Rows,
		doc.Row{Cells: []doc.Cell{CellText("I"), CellText("Đường trục xã"), CellText("km"), num("1.200"), num("300"), num("50"), num("0"), group}},
		doc.Row{Cells: []doc.Cell{CellText("II"), CellText("Kênh mương nội đồng"), CellText("km"), num("800"), num("200"), num("40"), num("10"), merged}},
	)
	for i := 1; i <= rows; i++ {
		t.Rows = append(t.Rows, doc.Row{Cells: []doc.Cell{
			CellText(fmt.Sprint(i)), CellText(fmt.Sprintf("Công trình số %02d của thôn Nà Khoang", i)), CellText("công trình"),
			num(fmt.Sprintf("%d,5", 100+i)), num("25"), num("5"), num("0"), CellText(""),
		}})
	}
	total := doc.Cell{Paragraphs: []doc.Paragraph{{Runs: []doc.Run{{Text: "Tổng cộng", Bold: true}}, Align: doc.AlignCenter}}, ColSpan: 3, Shade: true}
	t.Rows = append(t.Rows, doc.Row{Cells: []doc.Cell{total, num("9.999"), num("999"), num("99"), num("10"), {Shade: true}}})
	return t
}

// Sample is a representative Kế hoạch-like document: a portrait
// section (numbered from page 2) and a landscape annex numbered from 1.
func Sample() *doc.Document {
	p := style.Default()
	body := []doc.Block{
		Header(),
		&doc.Spacer{Height: 4},
		P(doc.StyleDocType, "KẾ HOẠCH"),
		P(doc.StyleTrichYeu, "Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2025 trên địa bàn xã Mường Khoa"),
		&doc.Rule{Length: 40},
		&doc.Spacer{Height: 6},
		P(doc.StyleCanCu, "Căn cứ Quyết định số 318/QĐ-TTg ngày 08 tháng 3 năm 2022 của Thủ tướng Chính phủ ban hành Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021 - 2025;"),
		P(doc.StyleCanCu, "Căn cứ tình hình thực tế của địa phương, Ủy ban nhân dân xã xây dựng Kế hoạch như sau:"),
		&doc.Paragraph{Style: doc.StyleHeading1, Heading: 1, Runs: []doc.Run{{Text: "I. MỤC ĐÍCH, YÊU CẦU"}}},
		&doc.Paragraph{Style: doc.StyleHeading2, Heading: 2, Runs: []doc.Run{{Text: "1. Mục đích"}}},
		&doc.Paragraph{Style: doc.StyleBody, Runs: []doc.Run{
			{Text: "Huy động mọi nguồn lực để "},
			{Text: "duy trì và nâng cao", Bold: true},
			{Text: " chất lượng các tiêu chí đã đạt; "},
			{Text: "phấn đấu", Italic: true},
			{Text: " đạt thêm 02 tiêu chí trong năm 2025, nâng tổng số tiêu chí đạt chuẩn lên 17/19 tiêu chí."},
		}},
		&doc.Paragraph{Style: doc.StyleHeading2, Heading: 2, Runs: []doc.Run{{Text: "2. Yêu cầu"}}},
		&doc.ListItem{Style: doc.StyleBody, Level: 1, Runs: []doc.Run{{Text: "Về giao thông: ", Italic: true}, {Text: "cứng hóa 3,5 km đường trục thôn, bảo đảm ô tô đi lại thuận tiện quanh năm; duy tu, bảo dưỡng các tuyến đường đã được cứng hóa."}}},
		&doc.ListItem{Style: doc.StyleBody, Level: 2, Runs: []doc.Run{{Text: "Thôn Nà Khoang: 1,2 km."}}},
		&doc.ListItem{Style: doc.StyleBody, Level: 2, Runs: []doc.Run{{Text: "Thôn Bản Phố: 2,3 km."}}},
		&doc.ListItem{Style: doc.StyleBody, Level: 1, Runs: []doc.Run{{Text: "Về thủy lợi: kiên cố hóa 1,5 km kênh mương nội đồng."}}},
		&doc.Paragraph{Style: doc.StyleHeading1, Heading: 1, Runs: []doc.Run{{Text: "II. NỘI DUNG"}}},
	}
	for i := 1; i <= 7; i++ {
		body = append(body, &doc.Paragraph{Style: doc.StyleBody, Runs: []doc.Run{{Text: fmt.Sprintf(
			"Nội dung %d: Tiếp tục tuyên truyền, vận động Nhân dân tham gia xây dựng nông thôn mới; huy động nguồn lực từ ngân sách nhà nước, doanh nghiệp và cộng đồng dân cư để đầu tư kết cấu hạ tầng kinh tế - xã hội thiết yếu, phát triển sản xuất gắn với tiêu thụ sản phẩm, nâng cao thu nhập cho người dân.", i)}}})
		if i == 3 {
			body = append(body,
				&doc.Paragraph{Style: doc.StyleBody, NoIndent: true, Align: doc.AlignCenter, KeepNext: true, Runs: []doc.Run{{Text: "Bảng 1. Kết quả thực hiện các tiêu chí", Bold: true}}},
				BodyTable())
		}
	}
	body = append(body,
		&doc.Paragraph{Style: doc.StyleBody, KeepNext: true, Runs: []doc.Run{{Text: "Trên đây là Kế hoạch thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2025 của xã Mường Khoa./."}}},
		&doc.Spacer{Height: 3},
		Signature(),
	)
	annex := []doc.Block{
		P(doc.StyleAnnexNumber, "Biểu số 01"),
		P(doc.StyleAnnexTitle, "KẾ HOẠCH VỐN THỰC HIỆN CHƯƠNG TRÌNH NĂM 2025"),
		P(doc.StyleAnnexRef, "(Kèm theo Kế hoạch số      /KH-UBND ngày      tháng 8 năm 2025 của Ủy ban nhân dân xã Mường Khoa)"),
		&doc.Rule{Length: 30},
		P(doc.StyleUnit, "ĐVT: triệu đồng"),
		AnnexTable(30),
	}
	return &doc.Document{
		Meta: doc.Meta{
			Title:    "Kế hoạch thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2025",
			Subject:  "Nông thôn mới",
			Author:   "Ủy ban nhân dân xã Mường Khoa",
			Language: "vi-VN",
			Date:     Date,
		},
		Sections: []doc.Section{
			{Page: p.Page, PageNumbers: doc.PageNumbering{Show: true}, Blocks: body},
			{Page: p.Landscape, PageNumbers: doc.PageNumbering{Show: true, Start: 1}, Blocks: annex},
		},
	}
}

// PageBreaks is a document of explicit page breaks: a | table | (empty) |
// b in a section numbered from its first page, a section with a table, and
// a landscape section of columns and a trailing break numbered from 3.
func PageBreaks() *doc.Document {
	p := style.Default()
	return &doc.Document{Sections: []doc.Section{
		{Page: p.Page, PageNumbers: doc.PageNumbering{Show: true, FirstPage: true}, Blocks: []doc.Block{
			P(doc.StyleBody, "a"), &doc.PageBreak{}, BodyTable(), &doc.PageBreak{}, &doc.PageBreak{}, P(doc.StyleBody, "b"), &doc.PageBreak{},
		}},
		{Page: p.Page, Blocks: []doc.Block{BodyTable()}},
		{Page: p.Landscape, PageNumbers: doc.PageNumbering{Show: true, Start: 3}, Blocks: []doc.Block{
			&doc.Columns{Widths: []float64{50, 50}, Cols: [][]doc.Block{{BodyTable()}, {}}},
			&doc.PageBreak{},
		}},
	}}
}
