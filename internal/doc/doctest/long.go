package doctest

import (
	"fmt"
	"strings"
	"time"

	"kehoach/internal/doc"
	"kehoach/internal/fonts"
)

// LongDate is the fixed date of the long document.
var LongDate = time.Date(2025, 8, 5, 8, 0, 0, 0, time.UTC)

// Cell is a table cell of one paragraph in style s.
func Cell(s doc.StyleName, text string) doc.Cell {
	return doc.Cell{Paragraphs: []doc.Paragraph{{Style: s, Runs: []doc.Run{{Text: text}}}}}
}

// FittedHeader is the ND30 header block (ô 1–4) of a commune UBND, with the rule
// under the agency name a third of its width and the rule under the Tiêu
// ngữ exactly as long as the Tiêu ngữ.
func FittedHeader(f *fonts.Family) *doc.Columns {
	motto := "Độc lập - Tự do - Hạnh phúc"
	agency := "XÃ MƯỜNG KHOA"
	return &doc.Columns{
		Widths: []float64{67.5, 100},
		Offset: -3.5,
		Cols: [][]doc.Block{
			{
				P(doc.StyleAgency, "ỦY BAN NHÂN DÂN"),
				P(doc.StyleAgency, agency),
				&doc.Rule{Length: RoundMM(f.WidthMM(fonts.Bold, 13, agency) / 2)},
				P(doc.StyleNumber, "Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/KH-UBND"),
			},
			{
				P(doc.StyleNational, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
				P(doc.StyleMotto, motto),
				&doc.Rule{Length: RoundMM(f.WidthMM(fonts.Bold, 14, motto))},
				P(doc.StylePlaceDate, "Mường Khoa, ngày\u00a0\u00a0\u00a0\u00a0tháng 8 năm 2025"),
			},
		},
	}
}

// RoundMM rounds to a tenth of a millimetre.
func RoundMM(v float64) float64 { return float64(int(v*10+0.5)) / 10 }

var sentences = []string{
	"Tiếp tục thực hiện có hiệu quả Chương trình mục tiêu quốc gia xây dựng nông thôn mới gắn với tái cơ cấu ngành nông nghiệp và chuyển đổi số trên địa bàn xã.",
	"Huy động tối đa các nguồn lực của Nhà nước, doanh nghiệp và Nhân dân để đầu tư kết cấu hạ tầng kinh tế - xã hội, ưu tiên đường giao thông, thủy lợi, trường học và nhà văn hóa thôn bản.",
	"Nâng cao đời sống vật chất và tinh thần của người dân, giảm tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều xuống dưới 25%, thu nhập bình quân đầu người đạt trên 36 triệu đồng/người/năm.",
	"Phát huy vai trò chủ thể của người dân trong xây dựng nông thôn mới; công khai, minh bạch các khoản đóng góp, bảo đảm “dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng”.",
	"Cứng hóa thêm 7\u00a0km đường trục thôn và 3,5\u00a0km đường nội đồng, bảo đảm xe cơ giới đi lại thuận tiện quanh năm; tỷ lệ đường được chiếu sáng đạt ≥\u00a050%.",
	"Củng cố, nâng cao chất lượng hoạt động của hệ thống chính trị cơ sở; giữ vững quốc phòng, an ninh và trật tự, an toàn xã hội trên địa bàn… ",
	"Ứng dụng khoa học – công nghệ vào sản xuất, phát triển các sản phẩm OCOP chủ lực như chè Shan tuyết, gạo nếp tan và thảo quả, gắn với xây dựng thương hiệu và mở rộng thị trường tiêu thụ.",
	"Bảo vệ môi trường, thu gom và xử lý rác thải sinh hoạt tập trung; tỷ lệ hộ gia đình sử dụng nước sinh hoạt hợp vệ sinh đạt ≥\u00a098%, trong đó nước sạch theo quy chuẩn đạt 60%.",
}

// Para returns a long body paragraph of n sentences starting at sentence k.
func Para(k, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.TrimSpace(sentences[(k+i)%len(sentences)]))
	}
	return b.String()
}

// LongSignature is the long document's Nơi nhận + signature block (six
// recipients), kept on one page.
func LongSignature() *doc.Columns {
	return &doc.Columns{
		Widths:       []float64{52.8, 111},
		Offset:       -1.8,
		KeepTogether: true,
		Cols: [][]doc.Block{
			{
				&doc.Paragraph{Style: doc.StyleRecipTitle, Runs: []doc.Run{{Text: "Nơi nhận:"}}},
				&doc.ListItem{Style: doc.StyleRecipItem, Marker: "-", Level: 1, Runs: []doc.Run{{Text: "UBND tỉnh Lai Châu;"}}},
				&doc.ListItem{Style: doc.StyleRecipItem, Marker: "-", Level: 1, Runs: []doc.Run{{Text: "Văn phòng Điều phối NTM tỉnh;"}}},
				&doc.ListItem{Style: doc.StyleRecipItem, Marker: "-", Level: 1, Runs: []doc.Run{{Text: "TT Đảng ủy, HĐND xã;"}}},
				&doc.ListItem{Style: doc.StyleRecipItem, Marker: "-", Level: 1, Runs: []doc.Run{{Text: "Chủ tịch, các PCT UBND xã;"}}},
				&doc.ListItem{Style: doc.StyleRecipItem, Marker: "-", Level: 1, Runs: []doc.Run{{Text: "Các thôn, bản;"}}},
				&doc.ListItem{Style: doc.StyleRecipItem, Marker: "-", Level: 1, Runs: []doc.Run{{Text: "Lưu: VT, VP."}}},
			},
			{
				P(doc.StyleSignAuthor, "TM. ỦY BAN NHÂN DÂN"),
				P(doc.StyleSignAuthor, "KT. CHỦ TỊCH"),
				P(doc.StyleSignAuthor, "PHÓ CHỦ TỊCH"),
				&doc.Spacer{Height: 25},
				P(doc.StyleSignName, "Lò Văn Thắng"),
			},
		},
	}
}

// Heading1 is a "I. …" heading.
func Heading1(text string) *doc.Paragraph {
	return &doc.Paragraph{Style: doc.StyleHeading1, Heading: 1, Runs: []doc.Run{{Text: text}}}
}

// Heading2 is a "1. …" heading.
func Heading2(text string) *doc.Paragraph {
	return &doc.Paragraph{Style: doc.StyleHeading2, Heading: 2, Runs: []doc.Run{{Text: text}}}
}

// Item is a list item.
func Item(marker, text string) *doc.ListItem {
	lvl := 1
	if marker == "+" {
		lvl = 2
	}
	return &doc.ListItem{Style: doc.StyleBody, Marker: marker, Level: lvl, Runs: []doc.Run{{Text: text}}}
}

// CriteriaTable is a bordered table of n criteria with two header rows
// (column and row spans), shaded header and total rows.
func CriteriaTable(n int, widths []float64, size float64) *doc.Table {
	head := func(t string) doc.Cell {
		c := Cell(doc.StyleTableHead, t)
		c.Shade = true
		c.VAlign = doc.VAlignCenter
		return c
	}
	stt := head("TT")
	stt.RowSpan = 2
	name := head("Tên tiêu chí")
	name.RowSpan = 2
	group := head("Kết quả thực hiện")
	group.ColSpan = 3
	merged := doc.Cell{Merged: true}
	t := &doc.Table{
		Columns:    widths,
		HeaderRows: 2,
		Borders:    true,
		FontSize:   size,
		Rows: []doc.Row{
			{Cells: []doc.Cell{stt, name, group}},
			{Cells: []doc.Cell{merged, merged, head("Chỉ tiêu"), head("Năm 2024"), head("Đánh giá")}},
		},
	}
	names := []string{"Quy hoạch", "Giao thông", "Thủy lợi và phòng, chống thiên tai", "Điện", "Trường học",
		"Cơ sở vật chất văn hóa", "Cơ sở hạ tầng thương mại nông thôn", "Thông tin và Truyền thông", "Nhà ở dân cư",
		"Thu nhập", "Nghèo đa chiều", "Lao động", "Tổ chức sản xuất và phát triển kinh tế nông thôn", "Giáo dục và Đào tạo",
		"Y tế", "Văn hóa", "Môi trường và an toàn thực phẩm", "Hệ thống chính trị và tiếp cận pháp luật", "Quốc phòng và An ninh"}
	for i := 0; i < n; i++ {
		ok := "Đạt"
		if i%4 == 3 {
			ok = "Chưa đạt"
		}
		num := Cell(doc.StyleTableCell, fmt.Sprint(i+1))
		num.Paragraphs[0].Align = doc.AlignCenter
		t.Rows = append(t.Rows, doc.Row{Cells: []doc.Cell{
			num,
			Cell(doc.StyleTableCell, names[i%len(names)]+" (nhóm "+fmt.Sprint(i/5+1)+")"),
			Cell(doc.StyleTableCell, fmt.Sprintf("≥ %d%%", 50+i%40)),
			Cell(doc.StyleTableCell, fmt.Sprintf("%d,%d%%", 40+i%55, i%10)),
			Cell(doc.StyleTableCell, ok),
		}})
	}
	total := Cell(doc.StyleTableHead, "Tổng số tiêu chí đạt")
	total.ColSpan = 4
	total.Shade = true
	sum := Cell(doc.StyleTableHead, fmt.Sprint(n-n/4))
	sum.Shade = true
	t.Rows = append(t.Rows, doc.Row{Cells: []doc.Cell{total, sum}})
	return t
}

// Long returns a realistic ~10-page Kế hoạch: header block, KẾ HOẠCH
// and trích yếu with rules, căn cứ, headings, long justified paragraphs with
// mixed runs, list items, a long bordered table crossing pages, the
// signature block, and a landscape annex section with restarted numbering.
func Long(f *fonts.Family) *doc.Document {
	trich := "Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2025 trên địa bàn xã Mường Khoa"
	body := []doc.Block{
		FittedHeader(f),
		P(doc.StyleDocType, "KẾ HOẠCH"),
		P(doc.StyleTrichYeu, trich),
		&doc.Rule{Length: 55},
		&doc.Spacer{Height: 4},
		P(doc.StyleCanCu, "Căn cứ Quyết định số 263/QĐ-TTg ngày 22 tháng 02 năm 2022 của Thủ tướng Chính phủ phê duyệt Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 - 2025;"),
		P(doc.StyleCanCu, "Căn cứ Quyết định số 318/QĐ-TTg ngày 08 tháng 3 năm 2022 của Thủ tướng Chính phủ ban hành Bộ tiêu chí quốc gia về xã nông thôn mới và Bộ tiêu chí quốc gia về xã nông thôn mới nâng cao giai đoạn 2021 - 2025;"),
		&doc.Paragraph{Style: doc.StyleBody, Runs: []doc.Run{
			{Text: "Ủy ban nhân dân xã Mường Khoa ban hành Kế hoạch thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2025 "},
			{Text: "(sau đây gọi là Kế hoạch)", Italic: true},
			{Text: " như sau:"},
		}},
		Heading1("I. MỤC ĐÍCH, YÊU CẦU"),
		Heading2("1. Mục đích"),
		P(doc.StyleBody, Para(0, 4)),
		P(doc.StyleBody, Para(2, 3)),
		Heading2("2. Yêu cầu"),
		Item("-", Para(3, 2)),
		Item("-", Para(5, 1)),
		Item("+", Para(6, 2)),
		Heading1("II. MỤC TIÊU VÀ NHIỆM VỤ"),
		Heading2("1. Mục tiêu chung"),
		&doc.Paragraph{Style: doc.StyleBody, Runs: []doc.Run{
			{Text: "Phấn đấu đến hết năm 2025 xã đạt "},
			{Text: "19/19 tiêu chí", Bold: true},
			{Text: " xã nông thôn mới; "},
			{Text: Para(1, 3)},
		}},
		Heading2("2. Chỉ tiêu cụ thể"),
		P(doc.StyleBody, "Kết quả thực hiện các tiêu chí được tổng hợp trong bảng sau (chi tiết có biểu số 01 kèm theo):"),
		CriteriaTable(38, []float64{10, 65, 30, 30, 30}, 0),
	}
	for k := 0; k < 14; k++ {
		if k%4 == 0 {
			body = append(body, Heading2(fmt.Sprintf("%d. Nhiệm vụ trọng tâm số %d", k/4+3, k/4+1)))
		}
		body = append(body, P(doc.StyleBody, Para(k, 3+k%3)))
	}
	body = append(body,
		Heading1("III. TỔ CHỨC THỰC HIỆN"),
		// The closing paragraph keeps with the signature block, so the
		// block never stands alone on the last page.
		&doc.Paragraph{Style: doc.StyleBody, KeepNext: true, Runs: []doc.Run{{Text: Para(4, 2) + " Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị báo cáo về Ủy ban nhân dân xã để xem xét, giải quyết./."}}},
		LongSignature(),
	)
	annex := []doc.Block{
		P(doc.StyleAnnexNumber, "Biểu số 01"),
		P(doc.StyleAnnexTitle, "KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI"),
		P(doc.StyleAnnexRef, "(Kèm theo Kế hoạch số\u00a0\u00a0\u00a0\u00a0/KH-UBND ngày\u00a0\u00a0\u00a0\u00a0tháng 8 năm 2025 của Ủy ban nhân dân xã Mường Khoa)"),
		&doc.Rule{Length: 40},
		P(doc.StyleUnit, "ĐVT: %"),
		CriteriaTable(30, []float64{12, 120, 45, 40, 40}, 12),
	}
	return &doc.Document{
		Meta: doc.Meta{Title: "Kế hoạch thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2025",
			Author: "Ủy ban nhân dân xã Mường Khoa", Language: "vi-VN", Date: LongDate},
		Sections: []doc.Section{
			{PageNumbers: doc.PageNumbering{Show: true, Start: 1}, Blocks: body},
			{Page: doc.PageSetup{Landscape: true}, PageNumbers: doc.PageNumbering{Show: true, Start: 1}, Blocks: annex},
		},
	}
}
