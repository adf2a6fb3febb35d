package vntext

import (
	"testing"
	"unicode"
)

// Correct sentences in the style of commune plans (written for this test, on
// other topics than the seed) raise no finding at all: the word list and the
// rules do not cry wolf on ordinary administrative prose.
func TestCheckCleanPlanSentences(t *testing.T) {
	t.Parallel()
	texts := []string{
		"Thực hiện Kế hoạch số 125/KH-UBND ngày 15/3/2025 của Ủy ban nhân dân tỉnh về triển khai Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2025, Ủy ban nhân dân xã ban hành Kế hoạch thực hiện với các nội dung sau.",
		"Nâng cao nhận thức, trách nhiệm của các cấp ủy đảng, chính quyền, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội trong công tác giảm nghèo; huy động sự tham gia tích cực của toàn xã hội.",
		"Hỗ trợ phát triển sản xuất, đa dạng hóa sinh kế cho hộ nghèo, hộ cận nghèo; nhân rộng các mô hình giảm nghèo hiệu quả, phù hợp với điều kiện thực tế của địa phương.",
		"Tổ chức kiểm tra, giám sát việc thực hiện các chính sách hỗ trợ; kịp thời phát hiện, xử lý các sai phạm; định kỳ sơ kết, tổng kết, rút kinh nghiệm, biểu dương khen thưởng các tập thể, cá nhân có thành tích xuất sắc.",
		"Đầu tư xây dựng, cải tạo, nâng cấp các công trình hạ tầng thiết yếu phục vụ sản xuất, dân sinh ở các thôn, bản đặc biệt khó khăn; ưu tiên các công trình do cộng đồng đề xuất và có sự tham gia giám sát của người dân.",
		"Phấn đấu đến cuối năm 2025, tỷ lệ hộ nghèo giảm còn dưới 10%; 100% người dân có thẻ bảo hiểm y tế; trên 95% hộ dân được sử dụng điện lưới quốc gia an toàn.",
		"Các phòng, ban, ngành, đoàn thể căn cứ chức năng, nhiệm vụ được giao chủ động xây dựng kế hoạch cụ thể để triển khai thực hiện; báo cáo kết quả về Ủy ban nhân dân xã trước ngày 15 tháng 12 hằng năm để tổng hợp.",
		"Trong quá trình tổ chức thực hiện, nếu có khó khăn, vướng mắc, các đơn vị phản ánh kịp thời về Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã để tổng hợp, báo cáo Chủ tịch Ủy ban nhân dân xã xem xét, giải quyết.",
		"Tăng cường công tác tuyên truyền, vận động Nhân dân thực hiện nếp sống văn minh trong việc cưới, việc tang và lễ hội; bài trừ các hủ tục lạc hậu, mê tín dị đoan.",
		"Duy trì và nâng cao chất lượng các tiêu chí đã đạt; tập trung nguồn lực hoàn thành các tiêu chí còn thiếu như thu nhập, hộ nghèo, lao động có việc làm, tổ chức sản xuất và phát triển kinh tế nông thôn.",
		"Rà soát, bổ sung quy hoạch chung xây dựng xã, quy hoạch sử dụng đất đến năm 2030; công khai quy hoạch, cắm mốc giới ngoài thực địa để người dân biết, thực hiện và giám sát.",
		"Phối hợp với các cơ sở giáo dục duy trì sĩ số học sinh, giảm tỷ lệ học sinh bỏ học; nâng cao chất lượng dạy và học; xây dựng trường học xanh, sạch, đẹp, an toàn, thân thiện.",
		"Thường xuyên kiểm tra, đôn đốc việc thu gom, vận chuyển, xử lý rác thải sinh hoạt; vận động các hộ gia đình phân loại rác tại nguồn, xử lý rác hữu cơ làm phân bón.",
		"Củng cố, kiện toàn Ban Chỉ đạo, Tổ giúp việc; phân công nhiệm vụ cụ thể cho từng thành viên phụ trách địa bàn, lĩnh vực; thực hiện chế độ thông tin, báo cáo định kỳ theo quy định.",
		"Hướng dẫn người dân ứng dụng tiến bộ khoa học kỹ thuật vào sản xuất, chuyển đổi cơ cấu cây trồng, vật nuôi theo hướng sản xuất hàng hóa, liên kết theo chuỗi giá trị gắn với tiêu thụ sản phẩm.",
		"Làm tốt công tác phòng, chống dịch bệnh cho gia súc, gia cầm; tiêm phòng đầy đủ các loại vắc xin theo quy định; kiểm soát giết mổ, vận chuyển động vật và sản phẩm động vật.",
		"Mỗi cán bộ, đảng viên phải gương mẫu đi đầu, nói đi đôi với làm; tích cực tuyên truyền, vận động gia đình và người thân chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước.",
		"Năm 2024, tổng thu ngân sách trên địa bàn đạt 1.250 triệu đồng, bằng 105% dự toán; chi ngân sách đảm bảo đúng quy định, tiết kiệm, hiệu quả.",
		"Đẩy mạnh cải cách hành chính, nâng cao chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính nhà nước; thực hiện tốt cơ chế một cửa, một cửa liên thông.",
		"Chủ động phương án phòng, chống thiên tai, tìm kiếm cứu nạn; kiểm tra các khu vực có nguy cơ sạt lở đất, lũ ống, lũ quét để kịp thời di dời dân đến nơi an toàn.",
		"Giữ gìn và phát huy bản sắc văn hóa các dân tộc; bảo tồn các làn điệu dân ca, dân vũ, nghề dệt thổ cẩm truyền thống; khuyến khích phát triển du lịch cộng đồng gắn với văn hóa bản địa.",
		"Vận động Nhân dân tham gia hiến đất, góp công xây dựng đường giao thông nông thôn, nhà văn hóa thôn bản; thực hiện tốt phương châm Nhà nước và Nhân dân cùng làm.",
		"Thực hiện có hiệu quả cuộc vận động Ngày vì người nghèo; quan tâm hỗ trợ các hộ có hoàn cảnh khó khăn, gia đình chính sách, người có công với cách mạng vào dịp lễ, tết.",
		"Kết quả đạt được đã góp phần cải thiện rõ rệt đời sống vật chất, tinh thần của người dân; bộ mặt nông thôn có nhiều khởi sắc, an ninh chính trị, trật tự an toàn xã hội được giữ vững.",
		"Bên cạnh những kết quả đạt được, vẫn còn một số hạn chế như: tiến độ thực hiện một số tiêu chí còn chậm; nguồn lực đầu tư còn hạn chế; ý thức của một bộ phận người dân chưa cao.",
	}
	for _, s := range texts {
		for _, f := range Check(s, Options{}) {
			t.Errorf("%q: unexpected %s", s, fmtFinding(f))
		}
	}
}

// invisibleFindings skips U+00C0–U+02FF, U+1E00–U+1EFF and U+2010–U+2027 without a
// look-up: none of them is what it reports (a named invisible character,
// a C0 or C1 control, a bidi or format character, a default-ignorable
// code point or variation selector).
func TestInvisibleSkipsLetters(t *testing.T) {
	for _, rg := range [][2]rune{{0xC0, 0x2FF}, {0x1E00, 0x1EFF}, {0x2010, 0x2027}} {
		for r := rg[0]; r <= rg[1]; r++ {
			if _, ok := invisibleNames(r); ok || r <= 0x9F || r >= 0x2000 && r <= 0x200F || r >= 0x2028 ||
				unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r) || unicode.Is(unicode.Variation_Selector, r) {
				t.Errorf("%U is one invisibleFindings reports", r)
			}
		}
	}
}
