package vntext

import (
	"fmt"
	"strings"
	"testing"
)

// exp is one expected finding: the text it covers (its nth occurrence in the
// NFC input, 0-based), the messages and the fix (nil or a string).
type exp struct {
	rule string
	at   string
	nth  int
	msg  string
	sug  string
	fix  any
	sev  *Severity // nil: the rule's usual severity
	wid  int       // when > 0 the finding covers only the first wid bytes of at
}

// ruleSeverity is each rule's usual severity.
var ruleSeverity = map[string]Severity{
	RuleNFC: Error, RuleInvisible: Error, RuleNonBMP: Warning, RuleQuotes: Warning,
	RuleSpaces: Warning, RulePunctSpace: Warning, RuleTCVN3: Error, RuleVNI: Error,
	RuleSyllable: Error, RuleTonePlace: Error, RuleWord: Warning, RuleConfusion: Warning, RuleKieuDau: Warning,
	RuleKieuDauLan: Warning, RuleNumSep: Warning, RuleNumUnit: Warning, RulePercent: Warning,
	RuleDate: Warning, RuleKyHieu: Error, RuleCapital: Warning, RuleAbbrevFirst: Warning,
}

var sevError = Error

// toFinding resolves e against the NFC form of in.
func (e exp) toFinding(t *testing.T, in string) Finding {
	t.Helper()
	n := Normalise(in)
	at := Normalise(e.at)
	start, from := -1, 0
	for k := 0; k <= e.nth; k++ {
		i := strings.Index(n[from:], at)
		if i < 0 {
			t.Fatalf("test bug: %q has no occurrence %d of %q", n, e.nth, at)
		}
		start = from + i
		from = start + 1
	}
	end := start + len(at)
	if e.wid > 0 {
		end = start + e.wid
	}
	f := Finding{Rule: e.rule, Severity: ruleSeverity[e.rule], Start: start, End: end, Msg: e.msg, Suggest: e.sug}
	if e.sev != nil {
		f.Severity = *e.sev
	}
	switch v := e.fix.(type) {
	case nil:
	case string:
		f.Fix = strPtr(v)
	default:
		t.Fatalf("test bug: fix %v", v)
	}
	return f
}

func fmtFinding(f Finding) string {
	fix := "nil"
	if f.Fix != nil {
		fix = fmt.Sprintf("%q", *f.Fix)
	}
	return fmt.Sprintf("{%s %v [%d,%d) msg=%q sug=%q fix=%s}", f.Rule, f.Severity, f.Start, f.End, f.Msg, f.Suggest, fix)
}

// compareFindings reports any difference between got and want, in order.
func compareFindings(t *testing.T, in string, got, want []Finding) {
	t.Helper()
	n := len(got)
	if len(want) > n {
		n = len(want)
	}
	for i := 0; i < n; i++ {
		switch {
		case i >= len(got):
			t.Errorf("%q: missing finding %s", in, fmtFinding(want[i]))
		case i >= len(want):
			t.Errorf("%q: unexpected finding %s", in, fmtFinding(got[i]))
		case fmtFinding(got[i]) != fmtFinding(want[i]):
			t.Errorf("%q: finding %d\n got  %s\n want %s", in, i, fmtFinding(got[i]), fmtFinding(want[i]))
		}
	}
}

type checkCase struct {
	in   string
	opt  Options
	want []exp
}

func runCheckCases(t *testing.T, cases []checkCase) {
	t.Helper()
	for _, c := range cases {
		want := make([]Finding, 0, len(c.want))
		for _, e := range c.want {
			want = append(want, e.toFinding(t, c.in))
		}
		compareFindings(t, c.in, Check(c.in, c.opt), want)
		compareFindings(t, c.in, CheckNormalised(c.in, Normalise(c.in), c.opt), want)
	}
}

const (
	msgNFD   = "được gõ ở dạng Unicode tổ hợp (NFD: chữ cái và dấu tách rời)"
	sugNFD   = "lưu văn bản ở dạng Unicode dựng sẵn (NFC); trong Unikey chọn bảng mã “Unicode”, không chọn “Unicode tổ hợp”"
	sugHide  = "xóa ký tự này (thường do dán từ trang web hoặc PDF)"
	msgQuote = "dấu ngoặc kép thẳng (\"); văn bản hành chính dùng ngoặc kép cong “…”"
	msgSep   = "viết dấu phân cách kiểu tiếng Anh; tiếng Việt dùng dấu chấm phân cách hàng nghìn và dấu phẩy trước phần thập phân"
	sugSyl   = "kiểm tra lỗi gõ; nếu là tên riêng hoặc từ nước ngoài, thêm vào danh sách ngoại lệ"
	msgStop  = "âm tiết tận cùng bằng -p, -t, -c, -ch chỉ mang thanh sắc hoặc nặng, không mang thanh "
	msgOld   = "theo kiểu cũ (hòa, thủy) viết "
	msgNew   = "theo kiểu mới (hoà, thuỷ) viết "
	msgKH    = "có khoảng trắng hoặc gạch ngang dài giữa các thành phần"
	sugKH    = "viết liền, nối bằng gạch nối (-) và gạch chéo (/): "
	msgNN    = "ở đây chỉ Nhà nước nên phải viết hoa chữ cái đầu"
	msgND    = "ở đây chỉ Nhân dân (toàn thể người dân) nên phải viết hoa chữ cái đầu"
	msgDate0 = "thiếu số 0 ở trước (Nghị định 30: ngày nhỏ hơn 10 và tháng 1, 2 ghi thêm số 0)"
)

// nfd decomposes s (what "Unicode tổ hợp" typing produces).
func nfd(s string) string {
	var b strings.Builder
	for _, r := range s {
		l, ok := letterInfo()[r]
		if !ok || (l.tone == toneNgang && l.base == r) {
			b.WriteRune(r)
			continue
		}
		base := compose(l.base, toneNgang, l.upper)
		b.WriteRune(base)
		if l.tone != toneNgang {
			b.WriteRune(toneMarks[l.tone])
		}
	}
	return b.String()
}

func TestRuleUnicodeNFC(t *testing.T) {
	t.Parallel()
	runCheckCases(t, []checkCase{
		{in: nfd("Kế hoạch"), want: []exp{
			{rule: RuleNFC, at: "Kế", msg: "“Kế” " + msgNFD, sug: sugNFD, fix: "Kế"},
			{rule: RuleNFC, at: "hoạch", msg: "“hoạch” " + msgNFD, sug: sugNFD, fix: "hoạch"},
		}},
		{in: "xã " + nfd("Mường") + " Khoa", want: []exp{
			{rule: RuleNFC, at: "Mường", msg: "“Mường” " + msgNFD, sug: sugNFD, fix: "Mường"},
		}},
		{in: nfd("thủy lợi"), want: []exp{
			{rule: RuleNFC, at: "thủy", msg: "“thủy” " + msgNFD, sug: sugNFD, fix: "thủy"},
			{rule: RuleNFC, at: "lợi", msg: "“lợi” " + msgNFD, sug: sugNFD, fix: "lợi"},
		}},
		{in: "tiếp " + nfd("nhận") + " hồ sơ", want: []exp{
			{rule: RuleNFC, at: "nhận", msg: "“nhận” " + msgNFD, sug: sugNFD, fix: "nhận"},
		}},
		{in: "năm 2025: " + nfd("đạt"), want: []exp{
			{rule: RuleNFC, at: "đạt", msg: "“đạt” " + msgNFD, sug: sugNFD, fix: "đạt"},
		}},
		{in: "Kế hoạch thực hiện năm 2025"},
	})
}

func TestRuleInvisibleAndBMP(t *testing.T) {
	t.Parallel()
	runCheckCases(t, []checkCase{
		{in: "Kế\u200b hoạch", want: []exp{
			{rule: RuleInvisible, at: "\u200b", msg: "có ký tự ẩn U+200B: khoảng trắng độ rộng 0 (zero width space)", sug: sugHide, fix: ""},
		}},
		{in: "\ufeffKế hoạch", want: []exp{
			{rule: RuleInvisible, at: "\ufeff", msg: "có ký tự ẩn U+FEFF: dấu thứ tự byte (BOM, zero width no-break space)", sug: sugHide, fix: ""},
		}},
		{in: "nông\u00ad thôn", want: []exp{
			{rule: RuleInvisible, at: "\u00ad", msg: "có ký tự ẩn U+00AD: gạch nối mềm (soft hyphen)", sug: sugHide, fix: ""},
		}},
		{in: "xã\u200d hội", want: []exp{
			{rule: RuleInvisible, at: "\u200d", msg: "có ký tự ẩn U+200D: ký tự nối (zero width joiner)", sug: sugHide, fix: ""},
		}},
		{in: "năm\u0007 2025", want: []exp{
			{rule: RuleInvisible, at: "\u0007", msg: "có ký tự ẩn U+0007: ký tự điều khiển", sug: sugHide, fix: ""},
		}},
		{in: "hỏng \ufffd chữ", want: []exp{
			{rule: RuleInvisible, at: "\ufffd", msg: "có ký tự ẩn U+FFFD: ký tự thay thế (U+FFFD: dữ liệu đã bị hỏng khi chuyển mã)", sug: "gõ lại chữ bị hỏng ở vị trí này"},
		}},
		{in: "Chúc mừng 😀", want: []exp{
			{rule: RuleNonBMP, at: "😀", msg: "ký tự “😀” (U+1F600) nằm ngoài mặt phẳng cơ bản của Unicode (thường là biểu tượng cảm xúc); phông Times New Roman không có ký tự này", sug: "xóa ký tự hoặc thay bằng chữ"},
		}},
		{in: "Nông thôn 🌾 mới", want: []exp{
			{rule: RuleNonBMP, at: "🌾", msg: "ký tự “🌾” (U+1F33E) nằm ngoài mặt phẳng cơ bản của Unicode (thường là biểu tượng cảm xúc); phông Times New Roman không có ký tự này", sug: "xóa ký tự hoặc thay bằng chữ"},
		}},
		{in: "Đạt 👍 rồi", want: []exp{
			{rule: RuleNonBMP, at: "👍", msg: "ký tự “👍” (U+1F44D) nằm ngoài mặt phẳng cơ bản của Unicode (thường là biểu tượng cảm xúc); phông Times New Roman không có ký tự này", sug: "xóa ký tự hoặc thay bằng chữ"},
		}},
		{in: "chữ Hán 𠀀 cổ", want: []exp{
			{rule: RuleNonBMP, at: "𠀀", msg: "ký tự “𠀀” (U+20000) nằm ngoài mặt phẳng cơ bản của Unicode (thường là biểu tượng cảm xúc); phông Times New Roman không có ký tự này", sug: "xóa ký tự hoặc thay bằng chữ"},
		}},
		{in: "Ký hiệu 𝐀", want: []exp{
			{rule: RuleNonBMP, at: "𝐀", msg: "ký tự “𝐀” (U+1D400) nằm ngoài mặt phẳng cơ bản của Unicode (thường là biểu tượng cảm xúc); phông Times New Roman không có ký tự này", sug: "xóa ký tự hoặc thay bằng chữ"},
		}},
		{in: "Tiêu chí\tsố 1\r\nđạt ≥ 54 triệu đồng – “bốn tại chỗ”"},
	})
}

func TestRuleQuotes(t *testing.T) {
	t.Parallel()
	runCheckCases(t, []checkCase{
		{in: `phương châm "bốn tại chỗ".`, want: []exp{
			{rule: RuleQuotes, at: `"`, msg: msgQuote, sug: "thay bằng “", fix: "“"},
			{rule: RuleQuotes, at: `"`, nth: 1, msg: msgQuote, sug: "thay bằng ”", fix: "”"},
		}},
		{in: `"Nhà sạch, vườn đẹp"`, want: []exp{
			{rule: RuleQuotes, at: `"`, msg: msgQuote, sug: "thay bằng “", fix: "“"},
			{rule: RuleQuotes, at: `"`, nth: 1, msg: msgQuote, sug: "thay bằng ”", fix: "”"},
		}},
		{in: `cuộc vận động ("Toàn dân đoàn kết")`, want: []exp{
			{rule: RuleQuotes, at: `"`, msg: msgQuote, sug: "thay bằng “", fix: "“"},
			{rule: RuleQuotes, at: `"`, nth: 1, msg: msgQuote, sug: "thay bằng ”", fix: "”"},
		}},
		{in: `phong trào "Lai Châu chung sức" và "Nông dân thi đua"`, want: []exp{
			{rule: RuleQuotes, at: `"`, msg: msgQuote, sug: "thay bằng “", fix: "“"},
			{rule: RuleQuotes, at: `"`, nth: 1, msg: msgQuote, sug: "thay bằng ”", fix: "”"},
			{rule: RuleQuotes, at: `"`, nth: 2, msg: msgQuote, sug: "thay bằng “", fix: "“"},
			{rule: RuleQuotes, at: `"`, nth: 3, msg: msgQuote, sug: "thay bằng ”", fix: "”"},
		}},
		{in: `mô hình "Nhà sạch`, want: []exp{
			{rule: RuleQuotes, at: `"`, msg: msgQuote, sug: "thay bằng “ (số dấu ngoặc kép trong đoạn là số lẻ: kiểm tra dấu còn thiếu)"},
		}},
		{in: `phương châm “bốn tại chỗ”.`},
	})
}

func TestRuleSpaces(t *testing.T) {
	t.Parallel()
	runCheckCases(t, []checkCase{
		{in: "và miền núi  1.954 triệu đồng", want: []exp{
			{rule: RuleSpaces, at: "  ", msg: "có 2 khoảng trắng liền nhau", sug: "chỉ để một khoảng trắng", fix: " "},
		}},
		{in: "Kế   hoạch", want: []exp{
			{rule: RuleSpaces, at: "   ", msg: "có 3 khoảng trắng liền nhau", sug: "chỉ để một khoảng trắng", fix: " "},
		}},
		{in: "xã\u00a0 Mường Khoa", want: []exp{
			{rule: RuleSpaces, at: "\u00a0 ", msg: "có 2 khoảng trắng liền nhau", sug: "chỉ để một khoảng trắng", fix: " "},
		}},
		{in: "nông thôn, \t đô thị", want: []exp{
			{rule: RuleSpaces, at: " \t ", msg: "có 3 khoảng trắng liền nhau", sug: "chỉ để một khoảng trắng", fix: " "},
		}},
		{in: "Tiêu chí  số 17\nđạt  chuẩn", want: []exp{
			{rule: RuleSpaces, at: "  ", msg: "có 2 khoảng trắng liền nhau", sug: "chỉ để một khoảng trắng", fix: " "},
			{rule: RuleSpaces, at: "  ", nth: 1, msg: "có 2 khoảng trắng liền nhau", sug: "chỉ để một khoảng trắng", fix: " "},
		}},
		// Leading and trailing blanks of a line are left alone.
		{in: "  Kế hoạch  \n Mục tiêu  "},
	})
}

func TestRulePunctSpace(t *testing.T) {
	t.Parallel()
	runCheckCases(t, []checkCase{
		{in: "phòng, chống thiên tai , tìm kiếm", want: []exp{
			{rule: RulePunctSpace, at: " ,", wid: 1, msg: "có khoảng trắng trước dấu “,”", sug: "viết dấu “,” liền với chữ đứng trước", fix: ""},
		}},
		{in: "đạt chuẩn .", want: []exp{
			{rule: RulePunctSpace, at: " .", wid: 1, msg: "có khoảng trắng trước dấu “.”", sug: "viết dấu “.” liền với chữ đứng trước", fix: ""},
		}},
		{in: "( Chi tiết có biểu số 01)", want: []exp{
			{rule: RulePunctSpace, at: " ", msg: "có khoảng trắng sau dấu “(”", sug: "viết chữ liền sau dấu “(”", fix: ""},
		}},
		{in: "(Chi tiết có biểu số 01 )", want: []exp{
			{rule: RulePunctSpace, at: " )", wid: 1, msg: "có khoảng trắng trước dấu “)”", sug: "viết dấu “)” liền với chữ đứng trước", fix: ""},
		}},
		{in: "như sau :", want: []exp{
			{rule: RulePunctSpace, at: " :", wid: 1, msg: "có khoảng trắng trước dấu “:”", sug: "viết dấu “:” liền với chữ đứng trước", fix: ""},
		}},
		{in: "Nông thôn mới  ; xây dựng", want: []exp{
			{rule: RulePunctSpace, at: "  ;", wid: 2, msg: "có khoảng trắng trước dấu “;”", sug: "viết dấu “;” liền với chữ đứng trước", fix: ""},
		}},
		{in: "phương châm “ bốn tại chỗ”", want: []exp{
			{rule: RulePunctSpace, at: " b", wid: 1, msg: "có khoảng trắng sau dấu ““”", sug: "viết chữ liền sau dấu ““”", fix: ""},
		}},
		{in: "Ban Chỉ đạo (BCĐ); giai đoạn 2021-2025: đạt 13/19 tiêu chí./."},
	})
}

func TestRuleNumbers(t *testing.T) {
	t.Parallel()
	runCheckCases(t, []checkCase{
		{in: "tổng diện tích chè 1,282.2 ha", want: []exp{
			{rule: RuleNumSep, at: "1,282.2", msg: "số “1,282.2” " + msgSep, sug: "viết “1.282,2”", fix: "1.282,2"},
		}},
		{in: "Tổng nguồn lực 3,900 triệu đồng", want: []exp{
			{rule: RuleNumSep, at: "3,900", msg: "số “3,900” " + msgSep, sug: "nếu là số nguyên, viết “3.900”; nếu là số thập phân, viết gọn “3,9”"},
		}},
		{in: "sản lượng 11,000,000 tấn", want: []exp{
			{rule: RuleNumSep, at: "11,000,000", msg: "số “11,000,000” " + msgSep, sug: "viết “11.000.000”", fix: "11.000.000"},
		}},
		{in: "tỷ lệ 12.5% năm 2025", want: []exp{
			{rule: RuleNumSep, at: "12.5", msg: "số “12.5” " + msgSep, sug: "viết “12,5”", fix: "12,5"},
		}},
		{in: "trồng 1.89 ha sâm", want: []exp{
			{rule: RuleNumSep, at: "1.89", msg: "số “1.89” " + msgSep, sug: "viết “1,89”", fix: "1,89"},
		}},
		{in: "bê tông hóa 7km đường", want: []exp{
			{rule: RuleNumUnit, at: "7km", msg: "“7km”: số viết liền với đơn vị", sug: "để một khoảng trắng giữa số và đơn vị: “7 km”", fix: "7 km"},
		}},
		{in: "thu nhập ≥ 54triệu đồng/năm", want: []exp{
			{rule: RuleNumUnit, at: "54triệu", msg: "“54triệu”: số viết liền với đơn vị", sug: "để một khoảng trắng giữa số và đơn vị: “54 triệu”", fix: "54 triệu"},
		}},
		{in: "diện tích 1.249ha", want: []exp{
			{rule: RuleNumUnit, at: "1.249ha", msg: "“1.249ha”: số viết liền với đơn vị", sug: "để một khoảng trắng giữa số và đơn vị: “1.249 ha”", fix: "1.249 ha"},
		}},
		{in: "giải quyết việc làm cho 349người", want: []exp{
			{rule: RuleNumUnit, at: "349người", msg: "“349người”: số viết liền với đơn vị", sug: "để một khoảng trắng giữa số và đơn vị: “349 người”", fix: "349 người"},
		}},
		{in: "nhà văn hóa 200m2", want: []exp{
			{rule: RuleNumUnit, at: "200m2", msg: "“200m2”: số viết liền với đơn vị", sug: "để một khoảng trắng giữa số và đơn vị: “200 m2”", fix: "200 m2"},
		}},
		{in: "tỷ lệ lao động qua đào tạo 64,3 %", want: []exp{
			{rule: RulePercent, at: "64,3 %", msg: "“64,3 %”: có khoảng trắng trước dấu %", sug: "viết liền “64,3%” (quy ước tiếng Việt, CLDR vi)", fix: "64,3%"},
		}},
		{in: "hộ nghèo ≤ 11 %.", want: []exp{
			{rule: RulePercent, at: "11 %", msg: "“11 %”: có khoảng trắng trước dấu %", sug: "viết liền “11%” (quy ước tiếng Việt, CLDR vi)", fix: "11%"},
		}},
		{in: "đạt 100\u00a0%", want: []exp{
			{rule: RulePercent, at: "100\u00a0%", msg: "“100\u00a0%”: có khoảng trắng trước dấu %", sug: "viết liền “100%” (quy ước tiếng Việt, CLDR vi)", fix: "100%"},
		}},
		{in: "giảm 0,6 % hộ nghèo", want: []exp{
			{rule: RulePercent, at: "0,6 %", msg: "“0,6 %”: có khoảng trắng trước dấu %", sug: "viết liền “0,6%” (quy ước tiếng Việt, CLDR vi)", fix: "0,6%"},
		}},
		{in: "trên 50 % có nhà tiêu", want: []exp{
			{rule: RulePercent, at: "50 %", msg: "“50 %”: có khoảng trắng trước dấu %", sug: "viết liền “50%” (quy ước tiếng Việt, CLDR vi)", fix: "50%"},
		}},
		// Vietnamese style, section numbers, ranges, codes and ratios pass.
		{in: "1.282,2 ha; 3.900 triệu đồng; 64,3%; 07 km; Tiêu chí 17.1; 2021-2025; 12/19 tiêu chí; H5N1; 263/QĐ-TTg; công nghiệp 4.0"},
	})
}

func TestRuleDates(t *testing.T) {
	t.Parallel()
	fixWarn := func(at, want string) exp {
		return exp{rule: RuleDate, at: at, msg: "ngày “" + at + "” không viết theo dạng ngày/tháng/năm", sug: "viết “" + want + "”", fix: want}
	}
	runCheckCases(t, []checkCase{
		{in: "ngày 2022-02-22 của Thủ tướng", want: []exp{fixWarn("2022-02-22", "22/02/2022")}},
		{in: "ngày 22.02.2022 của Thủ tướng", want: []exp{fixWarn("22.02.2022", "22/02/2022")}},
		{in: "ngày 22-02-2022 của Thủ tướng", want: []exp{fixWarn("22-02-2022", "22/02/2022")}},
		{in: "ngày 2025/7/29 của Đảng ủy", want: []exp{fixWarn("2025/7/29", "29/7/2025")}},
		{in: "ngày 5/3/2020 của Chính phủ", want: []exp{
			{rule: RuleDate, at: "5/3/2020", msg: "ngày “5/3/2020” " + msgDate0, sug: "viết “05/3/2020”", fix: "05/3/2020"},
		}},
		{in: "ngày 22/2/2022 của Thủ tướng", want: []exp{
			{rule: RuleDate, at: "22/2/2022", msg: "ngày “22/2/2022” " + msgDate0, sug: "viết “22/02/2022”", fix: "22/02/2022"},
		}},
		{in: "đến ngày 31/02/2024", want: []exp{
			{rule: RuleDate, at: "31/02/2024", sev: &sevError, msg: "“31/02/2024” không phải là ngày có thật", sug: "kiểm tra lại ngày, tháng, năm"},
		}},
		{in: "ngày 22/13/2022", want: []exp{
			{rule: RuleDate, at: "22/13/2022", sev: &sevError, msg: "“22/13/2022” không phải là ngày có thật", sug: "kiểm tra lại ngày, tháng, năm"},
		}},
		// ND30 form (leading zero for day < 10 and months 1–2), a month 3–12 with or without zero, a leap day.
		{in: "ngày 22/02/2022, 22/10/2024, 29/7/2025, 29/07/2025, 05/3/2020, 29/02/2024; 12/2025; 2021-2025"},
	})
}

func TestRuleSyllable(t *testing.T) {
	t.Parallel()
	runCheckCases(t, []checkCase{
		{in: "sản xuất nông nghiệp gắn với công nghiêp, dịch vụ", want: []exp{
			{rule: RuleSyllable, at: "nghiêp", msg: "“nghiêp” không phải là âm tiết tiếng Việt: " + msgStop + "ngang", sug: "có lẽ là “công nghiệp”"},
		}},
		{in: "nhiệm vụ đuợc giao", want: []exp{
			{rule: RuleSyllable, at: "đuợc", msg: "“đuợc” không phải là âm tiết tiếng Việt: vần “uơc” không có trong tiếng Việt", sug: "có lẽ là “được giao”"},
		}},
		{in: "đào tạo ngê cho lao động", want: []exp{
			{rule: RuleSyllable, at: "ngê", msg: "“ngê” không phải là âm tiết tiếng Việt: trước e, ê, i phải viết “ngh”, không viết “ng”", sug: sugSyl},
		}},
		{in: "tháo gỡ khó kăn", want: []exp{
			{rule: RuleSyllable, at: "kăn", msg: "“kăn” không phải là âm tiết tiếng Việt: “k” chỉ đứng trước e, ê, i, y; trước các vần khác phải viết “c”", sug: sugSyl},
		}},
		{in: "nuôi con ghà thả vườn", want: []exp{
			{rule: RuleSyllable, at: "ghà", msg: "“ghà” không phải là âm tiết tiếng Việt: “gh” chỉ đứng trước e, ê, i; trước các vần khác phải viết “g”", sug: sugSyl},
		}},
		{in: "xây thàp nước", want: []exp{
			{rule: RuleSyllable, at: "thàp", msg: "“thàp” không phải là âm tiết tiếng Việt: " + msgStop + "huyền", sug: sugSyl},
		}},
		{in: "KẾ HOẠCH PHÁT TRIỂN CÔNG NGHIÊP", want: []exp{
			{rule: RuleSyllable, at: "NGHIÊP", msg: "“NGHIÊP” không phải là âm tiết tiếng Việt: " + msgStop + "ngang", sug: sugSyl},
		}},
		{in: "học sinh được cêt", want: []exp{
			{rule: RuleSyllable, at: "cêt", msg: "“cêt” không phải là âm tiết tiếng Việt: trước e, ê, i, y phải viết “k”, không viết “c”", sug: sugSyl},
		}},
		{in: "thực hiện chính sach hỗ trợ", want: []exp{
			{rule: RuleSyllable, at: "sach", msg: "“sach” không phải là âm tiết tiếng Việt: " + msgStop + "ngang", sug: "có lẽ là “chính sách”"},
		}},
		// Words without marks are judged only when a neighbour makes a
		// dictionary word of them: English words and loanwords stay silent.
		{in: "dùng phần mềm set up it, bit và chat trên mạng"},
		// Names, abbreviations, codes, loanwords and exceptions are not judged.
		{in: "Đồng bào H'Mông ở tỉnh Đắk Lắk dùng internet, video clip và lôgic; NTM, MTQG, UBND, KT-XH, QĐ-TTg, OCOP, BVTV, HĐND, CTR, DTTS."},
		{in: "Sản phẩm xoong, boong tàu, cái xẻng, tiếng kẻng, leng keng, khuỷu tay, quần soóc, thuở nhỏ, huơ tay, giếng khơi, gìn giữ."},
		{in: "gặp ông Ksor Blik", opt: Options{Exceptions: []string{"Ksor Blik"}}},
		{in: "trồng cây mắc-ca trên nương bản Nậm Păm"},
	})
}

func TestRuleTonePlace(t *testing.T) {
	t.Parallel()
	runCheckCases(t, []checkCase{
		{in: "đổi mới tòan diện", want: []exp{
			{rule: RuleTonePlace, at: "tòan", msg: "“tòan”: dấu thanh đặt sai vị trí", sug: "viết “toàn”", fix: "toàn"},
		}},
		{in: "Tòan dân đoàn kết", want: []exp{
			{rule: RuleTonePlace, at: "Tòan", msg: "“Tòan”: dấu thanh đặt sai vị trí", sug: "viết “Toàn”", fix: "Toàn"},
		}},
		{in: "kính gửi qúy vị", want: []exp{
			{rule: RuleTonePlace, at: "qúy", msg: "“qúy”: dấu thanh đặt sai vị trí", sug: "viết “quý”", fix: "quý"},
		}},
		{in: "người gìa neo đơn", want: []exp{
			{rule: RuleTonePlace, at: "gìa", msg: "“gìa”: dấu thanh đặt sai vị trí", sug: "viết “già”", fix: "già"},
		}},
		{in: "nhiệm vụ đựơc giao", want: []exp{
			{rule: RuleTonePlace, at: "đựơc", msg: "“đựơc”: dấu thanh đặt sai vị trí", sug: "viết “được”", fix: "được"},
		}},
		{in: "các họat động", want: []exp{
			{rule: RuleTonePlace, at: "họat", msg: "“họat”: dấu thanh đặt sai vị trí", sug: "viết “hoạt”", fix: "hoạt"},
		}},
		{in: "tàu thùyên", want: []exp{
			{rule: RuleTonePlace, at: "thùyên", msg: "“thùyên”: dấu thanh đặt sai vị trí", sug: "viết “thuyền”", fix: "thuyền"},
		}},
		{in: "hoàn thành, quý, giá, thuyền, người, được, hoạt động, khuỷu, yêu"},
	})
}

func TestRuleWord(t *testing.T) {
	t.Parallel()
	runCheckCases(t, []checkCase{
		{in: "nhằm đảm bảo bình đăng giới và phòng chống bạo lực", want: []exp{
			{rule: RuleWord, at: "bình đăng", msg: "“bình đăng” không phải là từ có trong từ điển; có lẽ gõ sai dấu", sug: "có lẽ là “bình đẳng”"},
		}},
		{in: "người dân và cộng động về phát triển kinh tế", want: []exp{
			{rule: RuleWord, at: "cộng động", msg: "“cộng động” không phải là từ có trong từ điển; có lẽ gõ sai dấu", sug: "có lẽ là “cộng đồng”"},
		}},
		{in: "Căn cứ vài trò, chức năng, nhiệm vụ", want: []exp{
			{rule: RuleWord, at: "vài trò", msg: "“vài trò” không phải là từ có trong từ điển; có lẽ gõ sai dấu", sug: "có lẽ là “vai trò”"},
		}},
		{in: "Cộng động dân cư tham gia", want: []exp{
			{rule: RuleWord, at: "Cộng động", msg: "“Cộng động” không phải là từ có trong từ điển; có lẽ gõ sai dấu", sug: "có lẽ là “Cộng đồng”"},
		}},
		// “chợ nông” only starts “chợ nông thôn”: it does not explain
		// “nông” away when “san” follows.
		{in: "phiên chợ nông san an toàn", want: []exp{
			{rule: RuleWord, at: "nông san", msg: "“nông san” không phải là từ có trong từ điển; có lẽ gõ sai dấu", sug: "có lẽ là “nông sản”"},
		}},
		{in: "phát triển chợ nông thôn, chợ nông sản an toàn"},
		{in: "nâng cao chất lương cuộc sống", want: []exp{
			{rule: RuleWord, at: "chất lương", msg: "“chất lương” không phải là từ có trong từ điển; có lẽ gõ sai dấu", sug: "có lẽ là “chất lượng”"},
		}},
		{in: "báo cáo tinh hình thực hiện", want: []exp{
			{rule: RuleWord, at: "tinh hình", msg: "“tinh hình” không phải là từ có trong từ điển; có lẽ gõ sai dấu", sug: "có lẽ là “tình hình”"},
		}},
		{in: "nâng cao đời sông vật chất", want: []exp{
			{rule: RuleWord, at: "đời sông", msg: "“đời sông” không phải là từ có trong từ điển; có lẽ gõ sai dấu", sug: "có lẽ là “đời sống”"},
		}},
		{in: "đảm bao an ninh trật tự", want: []exp{
			{rule: RuleWord, at: "đảm bao", msg: "“đảm bao” không phải là từ có trong từ điển; có lẽ gõ sai dấu", sug: "có lẽ là “đảm bảo”"},
		}},
		// Two dictionary words fit "cơ sỡ" (cơ sở, cơ số): no guess.
		{in: "đầu tư cơ sỡ vật chất"},
		// Free combinations with function words, numerals and words explained by
		// their other neighbour pass: tại bản (at the village), có hai, một vài trò chơi.
		{in: "trồng sâm tại bản Hô Tra; mỗi hộ có hai con bò; tổ chức một vài trò chơi dân gian"},
		{in: "Ủy ban nhân dân xã xây dựng kế hoạch thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2025"},
	})
}

func TestRuleKieuDau(t *testing.T) {
	t.Parallel()
	runCheckCases(t, []checkCase{
		{in: "giải quyết hoà giải", want: []exp{
			{rule: RuleKieuDau, at: "hoà", msg: "“hoà” đặt dấu thanh theo kiểu mới, khác kiểu đã chọn cho văn bản", sug: msgOld + "“hòa”", fix: "hòa"},
		}},
		{in: "Về Thuỷ lợi", want: []exp{
			{rule: RuleKieuDau, at: "Thuỷ", msg: "“Thuỷ” đặt dấu thanh theo kiểu mới, khác kiểu đã chọn cho văn bản", sug: msgOld + "“Thủy”", fix: "Thủy"},
		}},
		{in: "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", want: []exp{
			{rule: RuleKieuDau, at: "HOÀ", msg: "“HOÀ” đặt dấu thanh theo kiểu mới, khác kiểu đã chọn cho văn bản", sug: msgOld + "“HÒA”", fix: "HÒA"},
		}},
		{in: "Uỷ ban nhân dân xã", want: []exp{
			{rule: RuleKieuDau, at: "Uỷ", msg: "“Uỷ” đặt dấu thanh theo kiểu mới, khác kiểu đã chọn cho văn bản", sug: msgOld + "“Ủy”", fix: "Ủy"},
		}},
		{in: "chăm sóc sức khoẻ", want: []exp{
			{rule: RuleKieuDau, at: "khoẻ", msg: "“khoẻ” đặt dấu thanh theo kiểu mới, khác kiểu đã chọn cho văn bản", sug: msgOld + "“khỏe”", fix: "khỏe"},
		}},
		{in: "đời sống văn hóa và thủy lợi", opt: Options{ToneStyle: ToneMoi}, want: []exp{
			{rule: RuleKieuDau, at: "hóa", msg: "“hóa” đặt dấu thanh theo kiểu cũ, khác kiểu đã chọn cho văn bản", sug: msgNew + "“hoá”", fix: "hoá"},
			{rule: RuleKieuDau, at: "thủy", msg: "“thủy” đặt dấu thanh theo kiểu cũ, khác kiểu đã chọn cho văn bản", sug: msgNew + "“thuỷ”", fix: "thuỷ"},
		}},
		{in: "tuỳ theo", opt: Options{ToneStyle: ToneCu}, want: []exp{
			{rule: RuleKieuDau, at: "tuỳ", msg: "“tuỳ” đặt dấu thanh theo kiểu mới, khác kiểu đã chọn cho văn bản", sug: msgOld + "“tùy”", fix: "tùy"},
		}},
		{in: "hòa bình, thủy lợi, Ủy ban, khỏe mạnh, hoàn thành, quý, thuyền, hoa"},
		{in: "hoà bình, thuỷ lợi, Uỷ ban, khoẻ mạnh, hoàn thành, quý, thuyền, hoa", opt: Options{ToneStyle: ToneMoi}},
		{in: "bà Nguyễn Thị Thuỷ", opt: Options{Exceptions: []string{"Nguyễn Thị Thuỷ"}}},
	})
}

func TestRuleKyHieuInCheck(t *testing.T) {
	t.Parallel()
	runCheckCases(t, []checkCase{
		{in: "Căn cứ Quyết định số 37- QĐ/ĐU ngày 29/7/2025", want: []exp{
			{rule: RuleKyHieu, at: "37- QĐ/ĐU", msg: "số, ký hiệu “37- QĐ/ĐU” " + msgKH, sug: sugKH + "“37-QĐ/ĐU”", fix: "37-QĐ/ĐU"},
		}},
		{in: "Kế hoạch số 12/KH - UBND", want: []exp{
			{rule: RuleKyHieu, at: "12/KH - UBND", msg: "số, ký hiệu “12/KH - UBND” " + msgKH, sug: sugKH + "“12/KH-UBND”", fix: "12/KH-UBND"},
		}},
		{in: "Quyết định số 263 / QĐ-TTg", want: []exp{
			{rule: RuleKyHieu, at: "263 / QĐ-TTg", msg: "số, ký hiệu “263 / QĐ-TTg” " + msgKH, sug: sugKH + "“263/QĐ-TTg”", fix: "263/QĐ-TTg"},
		}},
		{in: "Nghị định số 30/2020/NĐ – CP", want: []exp{
			{rule: RuleKyHieu, at: "30/2020/NĐ – CP", msg: "số, ký hiệu “30/2020/NĐ – CP” " + msgKH, sug: sugKH + "“30/2020/NĐ-CP”", fix: "30/2020/NĐ-CP"},
		}},
		{in: "Hướng dẫn số 36 -HD/VPTW", want: []exp{
			{rule: RuleKyHieu, at: "36 -HD/VPTW", msg: "số, ký hiệu “36 -HD/VPTW” " + msgKH, sug: sugKH + "“36-HD/VPTW”", fix: "36-HD/VPTW"},
		}},
		{in: "Số 263/QĐ-TTg, 1487/QĐ-UBND, 37-QĐ/ĐU, 30/2020/NĐ-CP; Văn hóa - Xã hội; kinh tế - xã hội; 2021 - 2025; PHẦN 2 - NỘI DUNG"},
	})
}

func TestRuleCapitalInCheck(t *testing.T) {
	t.Parallel()
	runCheckCases(t, []checkCase{
		{in: "các công trình do nhà nước đầu tư", want: []exp{
			{rule: RuleCapital, at: "nhà nước", msg: "“nhà nước” " + msgNN, sug: "viết “Nhà nước”", fix: "Nhà nước"},
		}},
		{in: "chính sách của nhà nước", want: []exp{
			{rule: RuleCapital, at: "nhà nước", msg: "“nhà nước” " + msgNN, sug: "viết “Nhà nước”", fix: "Nhà nước"},
		}},
		{in: "sự lãnh đạo của Đảng, nhà nước", want: []exp{
			{rule: RuleCapital, at: "nhà nước", msg: "“nhà nước” " + msgNN, sug: "viết “Nhà nước”", fix: "Nhà nước"},
		}},
		{in: "vận động nhân dân hiến đất", want: []exp{
			{rule: RuleCapital, at: "nhân dân", msg: "“nhân dân” " + msgND, sug: "viết “Nhân dân”", fix: "Nhân dân"},
		}},
		{in: "tuyên truyền đến nhân dân", want: []exp{
			{rule: RuleCapital, at: "nhân dân", msg: "“nhân dân” " + msgND, sug: "viết “Nhân dân”", fix: "Nhân dân"},
		}},
		{in: "Ủy ban nhân dân, Hội đồng nhân dân, Công an nhân dân, Quân đội nhân dân, nền an ninh nhân dân, thế trận an ninh nhân dân, quốc phòng toàn dân, Tòa án nhân dân, lực lượng vũ trang nhân dân, 100 nhân dân tệ, cơ quan nhà nước, ngân sách nhà nước, quản lý nhà nước, Nhà nước và Nhân dân"},
		{in: "UỶ BAN NHÂN DÂN", opt: Options{ToneStyle: ToneMoi}},
	})
}

func TestRuleLegacyInCheck(t *testing.T) {
	t.Parallel()
	tcvnMsg := "văn bản bị lỗi phông: chữ gõ bằng bảng mã TCVN3 (ABC, phông .VnTime) đang hiển thị như Unicode"
	vniMsg := "văn bản bị lỗi phông: chữ gõ bằng bảng mã VNI-Windows (phông VNI-Times) đang hiển thị như Unicode"
	sug := func(s string) string {
		return "chuyển mã sang Unicode (Unikey Toolkit hoặc EVKey), kết quả: “" + s + "”"
	}
	runCheckCases(t, []checkCase{
		{in: "Uû ban nh©n d©n", want: []exp{
			{rule: RuleTCVN3, at: "Uû ban nh©n d©n", msg: tcvnMsg, sug: sug("Ủy ban nhân dân"), fix: "Ủy ban nhân dân"},
		}},
		{in: "Uû ban nh©n d©n", opt: Options{ToneStyle: ToneMoi}, want: []exp{
			{rule: RuleTCVN3, at: "Uû ban nh©n d©n", msg: tcvnMsg, sug: sug("Uỷ ban nhân dân"), fix: "Uỷ ban nhân dân"},
		}},
		{in: "x©y dùng n«ng th«n míi", want: []exp{
			{rule: RuleTCVN3, at: "x©y dùng n«ng th«n míi", msg: tcvnMsg, sug: sug("xây dựng nông thôn mới"), fix: "xây dựng nông thôn mới"},
		}},
		{in: "Céng hoµ x· héi chñ nghÜa ViÖt Nam", want: []exp{
			{rule: RuleTCVN3, at: "Céng hoµ x· héi chñ nghÜa ViÖt Nam", msg: tcvnMsg, sug: sug("Cộng hòa xã hội chủ nghĩa Việt Nam"), fix: "Cộng hòa xã hội chủ nghĩa Việt Nam"},
		}},
		{in: "§¶ng uû x· M­êng Khoa", want: []exp{
			{rule: RuleTCVN3, at: "§¶ng uû x· M­êng Khoa", msg: tcvnMsg, sug: sug("Đảng ủy xã Mường Khoa"), fix: "Đảng ủy xã Mường Khoa"},
		}},
		{in: "KÕ ho¹ch thùc hiÖn n¨m 2025", want: []exp{
			{rule: RuleTCVN3, at: "KÕ ho¹ch thùc hiÖn n¨m 2025", msg: tcvnMsg, sug: sug("Kế hoạch thực hiện năm 2025"), fix: "Kế hoạch thực hiện năm 2025"},
		}},
		{in: "Ñaûng uûy xaõ Möôøng Khoa", want: []exp{
			{rule: RuleVNI, at: "Ñaûng uûy xaõ Möôøng Khoa", msg: vniMsg, sug: sug("Đảng ủy xã Mường Khoa"), fix: "Đảng ủy xã Mường Khoa"},
		}},
		{in: "Keá hoaïch thöïc hieän naêm 2025", want: []exp{
			{rule: RuleVNI, at: "Keá hoaïch thöïc hieän naêm 2025", msg: vniMsg, sug: sug("Kế hoạch thực hiện năm 2025"), fix: "Kế hoạch thực hiện năm 2025"},
		}},
		{in: "UÛy ban nhaân daân", want: []exp{
			{rule: RuleVNI, at: "UÛy ban nhaân daân", msg: vniMsg, sug: sug("Ủy ban nhân dân"), fix: "Ủy ban nhân dân"},
		}},
		{in: "xaây döïng noâng thoân môùi", want: []exp{
			{rule: RuleVNI, at: "xaây döïng noâng thoân môùi", msg: vniMsg, sug: sug("xây dựng nông thôn mới"), fix: "xây dựng nông thôn mới"},
		}},
		{in: "Ngöôøi daân vaø coäng ñoàng", want: []exp{
			{rule: RuleVNI, at: "Ngöôøi daân vaø coäng ñoàng", msg: vniMsg, sug: sug("Người dân và cộng đồng"), fix: "Người dân và cộng đồng"},
		}},
		{in: "dân cư, tôi là, café au lait, © 2025"},
	})
}

func TestCheckOffsetsAreNFC(t *testing.T) {
	t.Parallel()
	in := nfd("Căn cứ vài trò")
	fs := Check(in, Options{})
	n := Normalise(in)
	var word *Finding
	for i := range fs {
		if fs[i].Rule == RuleWord {
			word = &fs[i]
		}
	}
	if word == nil || n[word.Start:word.End] != "vài trò" {
		t.Fatalf("tu-ghep finding on NFD input not found at NFC offsets: %v", fs)
	}
}

func TestApplyFixes(t *testing.T) {
	t.Parallel()
	cases := []struct{ in, want string }{
		{"Căn cứ Quyết định số 37- QĐ/ĐU, giải quyết hoà giải  ở cơ sở , tỷ lệ 64,3 %.", "Căn cứ Quyết định số 37-QĐ/ĐU, giải quyết hòa giải ở cơ sở, tỷ lệ 64,3%."},
		{`phương châm "bốn tại chỗ" và 7km đường do nhà nước đầu tư`, "phương châm “bốn tại chỗ” và 7 km đường do Nhà nước đầu tư"},
		{"Uû ban nh©n d©n", "Ủy ban nhân dân"},
		{nfd("Kế hoạch") + "\u200b", "Kế hoạch"},
		{"công nghiêp", "công nghiêp"}, // no safe fix
	}
	for _, c := range cases {
		if got := ApplyFixes(c.in, Check(c.in, Options{})); got != c.want {
			t.Errorf("ApplyFixes(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
