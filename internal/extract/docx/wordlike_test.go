package docx

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"kehoach/internal/extract/limits"
	"kehoach/internal/extract/para"
)

// wordlike reads a fixture of testdata/wordlike (scripts/wordlike.sh).
func wordlike(t *testing.T, name string) []para.Para {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "wordlike", name))
	if err != nil {
		t.Fatal(err)
	}
	ps, err := Paragraphs(data, limits.NewBudget())
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return ps
}

// typedLabel is a heading's label typed by hand, a tab after it.
var typedLabel = regexp.MustCompile(`^([IVX]+\.|\d+\.)\t`)

// outline is the labels of the document's "I." and "1." paragraphs, in
// order: Word's automatic labels, or the labels typed before a tab.
func outline(ps []para.Para) string {
	var out []string
	for _, p := range ps {
		switch {
		case p.Label != "" && p.Level <= 1:
			out = append(out, p.Label)
		case p.Label == "" && typedLabel.MatchString(p.Text()):
			out = append(out, typedLabel.FindStringSubmatch(p.Text())[1])
		}
	}
	return strings.Join(out, " ")
}

// The Word-like fixtures (LibreOffice's DOCX of plans laid out as people
// do in Word) are read with their structure: the header and signature
// blocks in the cells of two tables, the trích yếu and the signer's
// titles with a soft line break, the emphasis, the automatic labels
// Word would show, the labels typed by hand with a tab.
func TestWordlike(t *testing.T) {
	// The outline of the 2025 plan of Mường Khoa: five parts, eleven
	// tasks, seven solutions, six bodies that carry it out.
	const mkOutline = "I. 1. 2. II. 1. 2. 3. 4. 5. 6. 7. 8. 9. 10. 11. III. IV. 1. 2. 3. 4. 5. 6. 7. V. 1. 2. 3. 4. 5. 6."
	for _, c := range []struct {
		file    string
		paras   int
		outline string
		header  string // the first table, as dump writes it
		sign    string // the last table
		want    []string
		bullets map[string]int // automatic bullets and their count
	}{
		{file: "muong-khoa-2025-auto.docx", paras: 119, outline: mkOutline,
			header: "t1r1c1 s=Normal a=center **ỦY BAN NHÂN DÂN**\nt1r1c1 s=Normal a=center **XÃ MƯỜNG KHOA**\nt1r1c1 s=Normal a=center Số:       /KH-UBND\n" +
				"t1r1c2 s=Normal a=center **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\nt1r1c2 s=Normal a=center **Độc lập - Tự do - Hạnh phúc**\nt1r1c2 s=Normal a=center *Mường Khoa, ngày        tháng        năm 2025*\n",
			sign: "t2r1c1 s=Normal a=left ***Nơi nhận:***\nt2r1c1 s=Normal a=left - Sở Nông nghiệp và Môi trường (b/c);\nt2r1c1 s=Normal a=left - TT. Đảng ủy xã (b/c);\nt2r1c1 s=Normal a=left - TT. HĐND xã;\n" +
				"t2r1c1 s=Normal a=left - Chủ tịch, các PCT UBND xã;\nt2r1c1 s=Normal a=left - Các cơ quan, đơn vị, đoàn thể xã;\nt2r1c1 s=Normal a=left - Trưởng các bản;\nt2r1c1 s=Normal a=left - Lưu: VT, KT.\n" +
				"t2r1c2 s=Normal a=center **TM. ỦY BAN NHÂN DÂN**\nt2r1c2 s=Normal a=center **KT. CHỦ TỊCH⏎PHÓ CHỦ TỊCH**\n",
			want: []string{
				"s=Normal a=center **KẾ HOẠCH**\n",
				"s=Normal a=center **Thực hiện Chương trình mục tiêu quốc gia xây⏎dựng nông thôn mới năm 2025 trên địa bàn xã Mường Khoa**\n",
				"s=Normal a=both «I.» **MỤC TIÊU**\n",
				"s=Normal a=both L1 «11.» **Tăng cường công tác giám sát, đánh giá thực hiện Chương trình; nâng cao năng lực xây dựng NTM, truyền thông về xây dựng NTM**\n",
				"s=Normal a=both L3 «-» Vốn Ngân sách Trung ương: 1.304 triệu đồng (trong đó: vốn đầu tư 504 triệu đồng; vốn sự nghiệp 800 triệu đồng).\n",
				"s=Normal a=both L4 «+» Tỷ lệ hộ nghèo đa chiều ≤ 11%.\n",
				"s=Normal a=center *(Chi tiết có biểu số 02; 03; 04 kèm theo)*\n",
				"s=Normal a=both L1 «7.» Thường xuyên tăng cường đôn đốc, kiểm tra tình hình thực hiện Chương trình gắn với công tác thi đua khen thưởng, để động viên khích lệ các tổ chức, cá nhân có cách làm hay, sáng tạo.\n",
			},
			bullets: map[string]int{"-": 49, "+": 7}},
		{file: "seed-manual.docx", paras: 119, outline: mkOutline,
			header: "t1r1c1 s=Normal a=center **ỦY BAN NHÂN DÂN**\nt1r1c1 s=Normal a=center **XÃ MƯỜNG KHOA**\nt1r1c1 s=Normal a=center Số:       /KH-UBND\n" +
				"t1r1c2 s=Normal a=center **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\nt1r1c2 s=Normal a=center **Độc lập - Tự do - Hạnh phúc**\nt1r1c2 s=Normal a=center *Mường Khoa, ngày        tháng        năm 2025*\n",
			sign: "t2r1c1 s=Normal a=left ***Nơi nhận:***\nt2r1c1 s=Normal a=left - Sở Nông nghiệp và Môi trường; (B/c)\nt2r1c1 s=Normal a=left - TT. Đảng ủy xã; (B/c)\nt2r1c1 s=Normal a=left - TT. HĐND xã;\n" +
				"t2r1c1 s=Normal a=left - Chủ tịch, các PCT UBND xã;\nt2r1c1 s=Normal a=left - Các cơ quan, đơn vị, đoàn thể xã;\nt2r1c1 s=Normal a=left - Trưởng các bản;\nt2r1c1 s=Normal a=left - Lưu: VT, KT.\n" +
				"t2r1c2 s=Normal a=center **TM. ỦY BAN NHÂN DÂN**\nt2r1c2 s=Normal a=center **KT. CHỦ TỊCH⏎PHÓ CHỦ TỊCH**\n",
			want: []string{
				"s=Normal a=center **Thực hiện Chương trình mục tiêu Quốc gia⏎xây dựng NTM năm 2025 trên địa bàn xã Mường Khoa**\n",
				"s=Normal a=both *Căn cứ Quyết định số 1487/QĐ-UBND ngày 22/10/2024 của UBND tỉnh Lai Châu ban hành Bộ tiêu chí về xã NTM, xã NTM nâng cao, huyện NTM tỉnh Lai Châu giai đoạn 2021-2025;*\n",
				"s=Normal a=both **II.→NỘI DUNG, NHIỆM VỤ THỰC HIỆN**\n",
				"s=Normal a=both **4.→Văn phòng HĐND và UBND xã, Ban Chỉ huy Quân sự, Công an xã, Trạm y tế xã**\n",
				"s=Normal a=both + Tỷ lệ hộ nghèo đa chiều ≤ 11%.\n",
				// The seed's own figures, contradiction included.
				"s=Normal a=both - Vốn lồng ghép: 2.256 triệu đồng (trong đó: Vốn CT MTQG giảm nghèo bền vững 602 triệu đồng; Vốn Chương trình MTQG phát triển KT-XH vùng đồng bào dân tộc thiểu số và miền núi  1.954 triệu đồng).\n",
				"s=Normal a=center *(Chi tiết có biểu số 02; 03; 04 kèm theo)*\n",
				"s=Normal a=both Trên đây là Kế hoạch của UBND xã Mường Khoa về thực hiện Chương trình mục tiêu Quốc gia xây dựng NTM năm 2025./.\n",
			}},
		{file: "kinh-dung-2025-manual.docx", paras: 51, outline: "I. 1. 2. II. 1. 2. III. IV. 1. 2. V. 1. 2.",
			header: "t1r1c1 s=Normal a=center **ỦY BAN NHÂN DÂN**\nt1r1c1 s=Normal a=center **XÃ KINH ĐỨNG**\nt1r1c1 s=Normal a=center Số:       /KH-UBND\n" +
				"t1r1c2 s=Normal a=center **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\nt1r1c2 s=Normal a=center **Độc lập - Tự do - Hạnh phúc**\nt1r1c2 s=Normal a=center *Kinh Đứng, ngày        tháng        năm 2025*\n",
			sign: "t2r1c1 s=Normal a=left ***Nơi nhận:***\nt2r1c1 s=Normal a=left - Sở Nông nghiệp và Môi trường tỉnh Cà Mau (b/c);\nt2r1c1 s=Normal a=left - TT. Đảng ủy xã (b/c);\nt2r1c1 s=Normal a=left - TT. HĐND xã (b/c);\n" +
				"t2r1c1 s=Normal a=left - Chủ tịch, các PCT UBND xã;\nt2r1c1 s=Normal a=left - Phòng Kinh tế (t/h);\nt2r1c1 s=Normal a=left - Trưởng các ấp (t/h);\nt2r1c1 s=Normal a=left - Lưu: VT, KT.\n" +
				"t2r1c2 s=Normal a=center **TM. ỦY BAN NHÂN DÂN**\nt2r1c2 s=Normal a=center **KT. CHỦ TỊCH⏎PHÓ CHỦ TỊCH**\nt2r1c2 s=Normal a=center **Dương Văn Sáu**\n",
			want: []string{
				"s=Normal a=center **Thực hiện Chương trình⏎xây dựng nông thôn mới năm 2025**\n",
				"s=Normal a=both **I.→MỤC TIÊU**\n",
				// Bold words inside a paragraph stay runs of their own.
				"s=Normal a=both Phát triển kinh tế theo mô hình **tôm - lúa** và **rừng - tôm** bền vững",
				"s=Normal a=both - Vốn tín dụng chính sách: 950 triệu đồng.\n",
			}},
	} {
		t.Run(c.file, func(t *testing.T) {
			ps := wordlike(t, c.file)
			if len(ps) != c.paras {
				t.Errorf("%d paragraphs, want %d", len(ps), c.paras)
			}
			if got := outline(ps); got != c.outline {
				t.Errorf("outline\n%s\nwant\n%s", got, c.outline)
			}
			var header, sign []para.Para
			for _, p := range ps {
				switch p.Table {
				case 0:
				case 1:
					header = append(header, p)
				case 2:
					sign = append(sign, p)
				default:
					t.Errorf("a third table: %+v", p)
				}
			}
			if got := dump(header); got != c.header {
				t.Errorf("header block:\n%s\nwant:\n%s", got, c.header)
			}
			if got := dump(sign); got != c.sign {
				t.Errorf("signature block:\n%s\nwant:\n%s", got, c.sign)
			}
			all := dump(ps)
			for _, w := range c.want {
				if !strings.Contains(all, "\n"+w) {
					t.Errorf("no paragraph %q", w)
				}
			}
			bullets := map[string]int{}
			for _, p := range ps {
				if p.Level >= 3 {
					bullets[p.Label]++
				}
			}
			if len(bullets) != len(c.bullets) || bullets["-"] != c.bullets["-"] || bullets["+"] != c.bullets["+"] {
				t.Errorf("automatic bullets %v, want %v", bullets, c.bullets)
			}
		})
	}
}
