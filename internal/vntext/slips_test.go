package vntext

import "testing"

func init() {
	for _, r := range []string{RuleTelex, RuleVNIDigits, RuleAgency} {
		ruleSeverity[r] = Error
	}
	for _, r := range []string{RuleRepeat, RuleDoubled, RuleNoSpace, RuleQuiSpelled} {
		ruleSeverity[r] = Warning
	}
}

const (
	msgTelex = "còn sót phím gõ Telex (bộ gõ chưa bật tiếng Việt)"
	msgVNI   = "còn sót phím số của kiểu gõ VNI (bộ gõ chưa bật tiếng Việt)"
	sugQuy   = " (quy định, quy hoạch, quý)"
	sugFrag  = "chuyển đoạn này sang Unicode (Unikey Toolkit hoặc EVKey), kết quả: “"
)

// Typing slips: each rule's message, span and fix, and the correct forms
// next to them that must pass.
func TestCheckTypingSlips(t *testing.T) {
	t.Parallel()
	runCheckCases(t, []checkCase{
		// lap-tu
		{in: "Báo cáo của của Ủy ban nhân dân xã.", want: []exp{{rule: RuleRepeat, at: " của", nth: 1,
			msg: "“của của”: từ “của” bị gõ lặp", sug: "xóa “của” thứ hai", fix: ""}}},
		{in: "Phát triển xây dựng xây dựng nông thôn mới.", want: []exp{{rule: RuleRepeat, at: " xây dựng", nth: 1,
			msg: "“xây dựng” bị gõ lặp hai lần liền nhau", sug: "xóa “xây dựng” thứ hai", fix: ""}}},
		{in: "Nhà nhà, người người thi đua; ngày ngày lao động, dần dần tiến bộ; trồng chôm chôm."},
		{in: "Của, của ai cũng vậy; của. Của"}, // punctuation between: not a repeat
		// go-telex
		{in: "Hỗ trợ nhaan dân xaay nhà văn hóa.", want: []exp{
			{rule: RuleTelex, at: "nhaan", msg: "“nhaan” " + msgTelex, sug: "viết “nhân”", fix: "nhân"},
			{rule: RuleTelex, at: "xaay", msg: "“xaay” " + msgTelex, sug: "viết “xây”"},
		}},
		{in: "Đầu tư ddaauf tư cho giáo dục.", want: []exp{{rule: RuleTelex, at: "ddaauf", msg: "“ddaauf” " + msgTelex, sug: "viết “đầu”", fix: "đầu"}}},
		{in: "Nâng cao chaats lượng.", want: []exp{{rule: RuleTelex, at: "chaats", msg: "“chaats” " + msgTelex, sug: "viết “chất”", fix: "chất"}}},
		{in: "Xe bus, khí gas, mạng internet, website, email và Zalo của xã, ông Nhaan."},
		// a tone key typed after a syllable that has its mark
		{in: "Trồngf mới 6 km đường hoa, viếts báo cáo.", want: []exp{
			{rule: RuleTelex, at: "Trồngf", msg: "“Trồngf” còn sót phím dấu Telex “f” sau chữ đã có dấu", sug: "viết “Trồng”", fix: "Trồng"},
			{rule: RuleTelex, at: "viếts", msg: "“viếts” còn sót phím dấu Telex “s” sau chữ đã có dấu", sug: "viết “viết”", fix: "viết"},
		}},
		{in: "Các xã Vĩnh Phúc, Hà Nội; trồng cây, xe bus; ông Hồ."}, // no stray key: nothing
		// go-vni
		{in: "Tăng cường nha6n lực cho xã.", want: []exp{{rule: RuleVNIDigits, at: "nha6n", msg: "“nha6n” " + msgVNI, sug: "viết “nhân”", fix: "nhân"}}},
		{in: "Diện tích 25 m2, 3 km2, mã QĐ1, F0, 5G, ha1 và KH-UBND."},
		// dau-cau-lap
		{in: "Tổ chức tốt,, hiệu quả;; kịp thời.. xong", want: []exp{
			{rule: RuleDoubled, at: ",,", msg: "dấu “,,” bị gõ lặp", sug: "chỉ để một dấu “,”", fix: ","},
			{rule: RuleDoubled, at: ";;", msg: "dấu “;;” bị gõ lặp", sug: "chỉ để một dấu “;”", fix: ";"},
			{rule: RuleDoubled, at: "..", msg: "dấu “..” bị gõ lặp", sug: "chỉ để một dấu “.”", fix: "."},
		}},
		{in: "Các nội dung khác... và cuối cùng…"}, // an ellipsis, three dots or one character
		// thieu-khoang
		{in: "Các xã,huyện trên địa bàn;tỉnh và hoàn thành.Huyện đã", want: []exp{
			{rule: RuleNoSpace, at: ",", msg: "thiếu khoảng trắng sau dấu “,”", sug: "viết “, ” rồi mới đến chữ tiếp theo", fix: ", "},
			{rule: RuleNoSpace, at: ";", msg: "thiếu khoảng trắng sau dấu “;”", sug: "viết “; ” rồi mới đến chữ tiếp theo", fix: "; "},
			{rule: RuleNoSpace, at: ".", msg: "thiếu khoảng trắng sau dấu “.”", sug: "viết “. ” rồi mới đến chữ tiếp theo", fix: ". "},
		}},
		{in: "Số liệu 1.234,5 tỷ đồng lúc 7:30 tại TP.HCM, Q.1, v.v. xem dichvucong.gov.vn hoặc https://x.vn/a,b và ub@x.vn."},
		// a digit after “;” starts the next item
		{in: "Ra cả 5 khu phố;80% hộ gia đình", want: []exp{
			{rule: RuleNoSpace, at: ";", msg: "thiếu khoảng trắng sau dấu “;”", sug: "viết “; ” rồi mới đến chữ tiếp theo", fix: "; "},
		}},
		{in: "Tỷ lệ 1,5; 2,5 và 3,5%; số 1.234,5"}, // a digit after “,” or “.” is a number
		// viet-tat-sai
		{in: "Ủy ban UNBD xã và HĐDN xã, HDND, UBND, KH-UBDN", want: []exp{
			{rule: RuleAgency, at: "UNBD", msg: "chữ viết tắt “UNBD” sai: có lẽ là “UBND”", sug: "viết “UBND”", fix: "UBND"},
			{rule: RuleAgency, at: "HĐDN", msg: "chữ viết tắt “HĐDN” sai: có lẽ là “HĐND”", sug: "viết “HĐND”", fix: "HĐND"},
			{rule: RuleAgency, at: "HDND", msg: "chữ viết tắt “HDND” sai: có lẽ là “HĐND”", sug: "viết “HĐND”", fix: "HĐND"},
			{rule: RuleAgency, at: "UBDN", msg: "chữ viết tắt “UBDN” sai: có lẽ là “UBND”", sug: "viết “UBND”", fix: "UBND"},
		}},
		{in: "UBND, HĐND, MTTQ, MTQG, BCĐ, NTM, KT-XH."},
		// qui-quy
		{in: "Thực hiện qui định, quí vị. Qui hoạch", want: []exp{
			{rule: RuleQuiSpelled, at: "qui", msg: "“qui” là cách viết cũ", sug: "viết “quy”" + sugQuy, fix: "quy"},
			{rule: RuleQuiSpelled, at: "quí", msg: "“quí” là cách viết cũ", sug: "viết “quý”" + sugQuy, fix: "quý"},
			{rule: RuleQuiSpelled, at: "Qui", msg: "“Qui” là cách viết cũ", sug: "viết “Quy”" + sugQuy, fix: "Quy"},
		}},
		{in: "Quy định về quy hoạch, quý vị; thành phố Qui Nhơn (tên riêng)."},
	})
}

// A phrase pasted from a legacy-font document inside a Unicode paragraph is
// reported on its own span, with the conversion of just that phrase.
func TestCheckLegacyFragments(t *testing.T) {
	t.Parallel()
	runCheckCases(t, []checkCase{
		{in: "Thực hiện đúng quy định của Uû ban nh©n d©n xã về việc", want: []exp{{rule: RuleTCVN3, at: "Uû ban nh©n d©n",
			msg: "đoạn “Uû ban nh©n d©n” bị lỗi phông: gõ bằng bảng mã TCVN3 (ABC, phông .VnTime), dán vào văn bản Unicode",
			sug: sugFrag + "Ủy ban nhân dân”", fix: "Ủy ban nhân dân"}}},
		{in: "Báo cáo UÛy ban nhaân daân xã về kết quả", want: []exp{{rule: RuleVNI, at: "UÛy ban nhaân daân",
			msg: "đoạn “UÛy ban nhaân daân” bị lỗi phông: gõ bằng bảng mã VNI-Windows (phông VNI-Times), dán vào văn bản Unicode",
			sug: sugFrag + "Ủy ban nhân dân”", fix: "Ủy ban nhân dân"}}},
		{in: "Tổ chức hội nghị triển khai kÕ ho¹ch năm 2025.", want: []exp{{rule: RuleTCVN3, at: "kÕ ho¹ch",
			msg: "đoạn “kÕ ho¹ch” bị lỗi phông: gõ bằng bảng mã TCVN3 (ABC, phông .VnTime), dán vào văn bản Unicode",
			sug: sugFrag + "kế hoạch”", fix: "kế hoạch"}}},
		{in: "Café, José và Hà Nội; giá 100 €, © 2025."},
	})
}
