package vntext

import "testing"

func TestCheckKyHieu(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in   string
		want []exp
	}{
		{"37- QĐ/ĐU", []exp{{rule: RuleKyHieu, at: "37- QĐ/ĐU", msg: "số, ký hiệu “37- QĐ/ĐU” " + msgKH, sug: sugKH + "“37-QĐ/ĐU”", fix: "37-QĐ/ĐU"}}},
		{"KH - UBND", []exp{{rule: RuleKyHieu, at: "KH - UBND", msg: "số, ký hiệu “KH - UBND” " + msgKH, sug: sugKH + "“KH-UBND”", fix: "KH-UBND"}}},
		{"Số: 15/ KH-UBND", []exp{{rule: RuleKyHieu, at: "15/ KH-UBND", msg: "số, ký hiệu “15/ KH-UBND” " + msgKH, sug: sugKH + "“15/KH-UBND”", fix: "15/KH-UBND"}}},
		{"QĐ–TTg", []exp{{rule: RuleKyHieu, at: "QĐ–TTg", msg: "số, ký hiệu “QĐ–TTg” " + msgKH, sug: sugKH + "“QĐ-TTg”", fix: "QĐ-TTg"}}},
		{"số 51/2025 /QĐ-TTg", []exp{{rule: RuleKyHieu, at: "51/2025 /QĐ-TTg", msg: "số, ký hiệu “51/2025 /QĐ-TTg” " + msgKH, sug: sugKH + "“51/2025/QĐ-TTg”", fix: "51/2025/QĐ-TTg"}}},
		{"31 - QĐ / TW", []exp{{rule: RuleKyHieu, at: "31 - QĐ / TW", msg: "số, ký hiệu “31 - QĐ / TW” " + msgKH, sug: sugKH + "“31-QĐ/TW”", fix: "31-QĐ/TW"}}},
		{"KH-UBND", nil},
		{"Số: 15/KH-UBND", nil},
		{"36-HD/VPTW, 263/QĐ-TTg, 30/2020/NĐ-CP, 07/2002/TT-BKHCN", nil},
		{"Văn hóa - Xã hội; Độc lập - Tự do - Hạnh phúc; 2021 - 2025; (B/c)", nil},
	}
	for _, c := range cases {
		want := make([]Finding, 0, len(c.want))
		for _, e := range c.want {
			want = append(want, e.toFinding(t, c.in))
		}
		compareFindings(t, c.in, CheckKyHieu(c.in), want)
	}
}

func TestCheckCapitalised(t *testing.T) {
	t.Parallel()
	nn := func(at string) exp {
		return exp{rule: RuleCapital, at: at, msg: "“" + at + "” " + msgNN, sug: "viết “Nhà nước”", fix: "Nhà nước"}
	}
	nd := func(at string) exp {
		return exp{rule: RuleCapital, at: at, msg: "“" + at + "” " + msgND, sug: "viết “Nhân dân”", fix: "Nhân dân"}
	}
	cases := []struct {
		in   string
		want []exp
	}{
		{"công trình do nhà nước đầu tư", []exp{nn("nhà nước")}},
		{"hỗ trợ của nhà nước", []exp{nn("nhà nước")}},
		{"Đảng, nhà nước và nhân dân", []exp{nn("nhà nước"), nd("nhân dân")}},
		{"vận động nhân dân hiến đất", []exp{nd("nhân dân")}},
		{"đời sống của nhân dân", []exp{nd("nhân dân")}},
		{"lấy ý kiến nhân dân", []exp{nd("nhân dân")}},
		{"Ủy ban nhân dân xã, Uỷ ban nhân dân, Hội đồng nhân dân, Công an nhân dân, Tòa án nhân dân, Viện kiểm sát nhân dân", nil},
		{"nền an ninh nhân dân, chiến tranh nhân dân, lực lượng vũ trang nhân dân, quốc phòng toàn dân, 500 nhân dân tệ", nil},
		{"cơ quan nhà nước, ngân sách nhà nước, quản lý nhà nước, doanh nghiệp nhà nước, Nhà nước, Nhân dân", nil},
		{"ỦY BAN NHÂN DÂN XÃ MƯỜNG KHOA", nil},
	}
	for _, c := range cases {
		want := make([]Finding, 0, len(c.want))
		for _, e := range c.want {
			want = append(want, e.toFinding(t, c.in))
		}
		compareFindings(t, c.in, CheckCapitalised(c.in), want)
	}
}

func TestAbbreviationsBeforeDefinition(t *testing.T) {
	t.Parallel()
	ab := map[string]string{"NTM": "nông thôn mới", "MTQG": "mục tiêu quốc gia", "BVTV": "bảo vệ thực vật", "KT-XH": "kinh tế - xã hội"}
	sug := func(a string) string {
		return "ở lần dùng đầu tiên viết “" + ab[a] + " (" + a + ")”, các lần sau mới viết tắt “" + a + "”"
	}
	before := func(a string) string {
		return "chữ viết tắt “" + a + "” được dùng trước khi viết đầy đủ"
	}
	never := func(a string) string {
		return "chữ viết tắt “" + a + "” được dùng mà không viết đầy đủ lần nào"
	}
	type tf struct {
		text int
		e    exp
	}
	cases := []struct {
		texts []string
		want  []tf
	}{
		{[]string{"xây dựng NTM năm 2025", "Chương trình nông thôn mới (NTM)"}, []tf{
			{0, exp{rule: RuleAbbrevFirst, at: "NTM", msg: before("NTM"), sug: sug("NTM")}},
		}},
		{[]string{"Chương trình MTQG xây dựng NTM"}, []tf{
			{0, exp{rule: RuleAbbrevFirst, at: "MTQG", msg: never("MTQG"), sug: sug("MTQG")}},
			{0, exp{rule: RuleAbbrevFirst, at: "NTM", msg: never("NTM"), sug: sug("NTM")}},
		}},
		{[]string{"thu gom bao gói thuốc BVTV", "thuốc bảo vệ thực vật (BVTV)"}, []tf{
			{0, exp{rule: RuleAbbrevFirst, at: "BVTV", msg: before("BVTV"), sug: sug("BVTV")}},
		}},
		{[]string{"nông thôn mới, NTM nâng cao; nông thôn mới (NTM)"}, []tf{
			{0, exp{rule: RuleAbbrevFirst, at: "NTM", msg: before("NTM"), sug: sug("NTM")}},
		}},
		{[]string{"phát triển KT-XH vùng đồng bào", "kinh tế - xã hội (KT-XH)"}, []tf{
			{0, exp{rule: RuleAbbrevFirst, at: "KT-XH", msg: before("KT-XH"), sug: sug("KT-XH")}},
		}},
		// Defined at first use (across a line break, any case), used inside a longer code only, or not used.
		{[]string{"Chương trình Mục tiêu\nquốc gia (MTQG) và nông thôn mới (NTM)", "Chương trình MTQG xây dựng NTM"}, nil},
		{[]string{"Vốn CTMTQG giảm nghèo", "thuốc bảo vệ thực vật"}, nil},
	}
	for _, c := range cases {
		got := AbbreviationsBeforeDefinition(c.texts, ab)
		if len(got) != len(c.want) {
			t.Errorf("%q: got %d findings %v, want %d", c.texts, len(got), got, len(c.want))
			continue
		}
		for i, w := range c.want {
			if got[i].Text != w.text {
				t.Errorf("%q: finding %d in text %d, want %d", c.texts, i, got[i].Text, w.text)
			}
			compareFindings(t, c.texts[w.text], []Finding{got[i].Finding}, []Finding{w.e.toFinding(t, c.texts[w.text])})
		}
	}
}
