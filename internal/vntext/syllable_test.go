package vntext

import "testing"

func TestValidSyllableAccepts(t *testing.T) {
	t.Parallel()
	for _, s := range []string{
		// every initial, including none
		"ba", "ca", "chè", "da", "đi", "gà", "ghế", "gì", "gìn", "giá", "giếng", "hè", "kể", "khó", "la", "mẹ", "nói",
		"ngày", "nghề", "nhà", "phố", "quê", "quốc", "quý", "rau", "sông", "tôi", "thơ", "trẻ", "vui", "xã", "ăn", "ở", "ý", "uy", "yêu", "yên",
		// glides and diphthongs
		"người", "nguyễn", "khuya", "khuỷu", "thuở", "huơ", "uống", "oằn", "ngoằn", "ngoèo", "khoét", "huých", "khuỳnh",
		"tuýp", "khuây", "quậy", "tuần", "luật", "khuâng", "huệ", "thuế", "khuếch", "chuyện", "tuyết", "buýt", "rượu", "được",
		"giữa", "của", "cửa", "bìa", "ỉa", "ưu", "gửi", "mười", "hoạch", "ngoài", "ngoáy", "toàn", "quyết", "quýt", "quỳnh", "uyên",
		// both tone-mark styles
		"hòa", "hoà", "thủy", "thuỷ", "khỏe", "khoẻ", "Ủy", "Uỷ", "tùy", "tuỳ",
		// stop finals with sắc or nặng
		"cấp", "cập", "mát", "mạt", "các", "cạc", "ách", "ạch", "nghiệp", "việc",
		// the real exceptions of spec §3.5
		"xẻng", "kẻng", "leng", "keng", "boong", "xoong", "goòng", "soóc",
		// upper case and mixed case
		"HÒA", "Mường", "KHOA", "NGHIỆP",
	} {
		if ok, reason := ValidSyllable(s); !ok {
			t.Errorf("ValidSyllable(%q) = false (%s), want true", s, reason)
		}
	}
}

func TestValidSyllableRejects(t *testing.T) {
	t.Parallel()
	stop := "âm tiết tận cùng bằng -p, -t, -c, -ch chỉ mang thanh sắc hoặc nặng, không mang thanh "
	for _, c := range []struct{ in, reason string }{
		{"nghiêp", stop + "ngang"},
		{"càp", stop + "huyền"},
		{"mảt", stop + "hỏi"},
		{"ach", stop + "ngang"},
	} {
		ok, reason := ValidSyllable(c.in)
		if ok || reason != c.reason {
			t.Errorf("ValidSyllable(%q) = %v, %q; want false, %q", c.in, ok, reason, c.reason)
		}
	}
	for _, c := range []struct{ in, reason string }{
		{"ka", "“k” chỉ đứng trước e, ê, i, y; trước các vần khác phải viết “c”"},
		{"ci", "trước e, ê, i, y phải viết “k”, không viết “c”"},
		{"cuân", "trước bán nguyên âm o/u phải viết “qu”, không viết “c”"},
		{"ge", "trước e, ê, i phải viết “gh”, không viết “g”"},
		{"ghà", "“gh” chỉ đứng trước e, ê, i; trước các vần khác phải viết “g”"},
		{"ngê", "trước e, ê, i phải viết “ngh”, không viết “ng”"},
		{"nghà", "“ngh” chỉ đứng trước e, ê, i; trước các vần khác phải viết “ng”"},
		{"iên", "không có phụ âm đầu thì phải viết “yê”, không viết “iê”"},
		{"tyên", "sau phụ âm đầu phải viết “iê”, không viết “yê”"},
		{"qa", "chữ “q” chỉ đứng trong “qu”"},
		{"ơng", "vần “ơng” không có trong tiếng Việt"},
		{"ưm", "vần “ưm” không có trong tiếng Việt"},
		{"ich", stop + "ngang"},
		{"nhiê", "vần “iê” không có trong tiếng Việt"},
		{"tòan", "dấu thanh đặt sai vị trí, phải là “toàn”"},
		{"qúy", "dấu thanh đặt sai vị trí, phải là “quý”"},
		{"thủyền", "có nhiều hơn một dấu thanh"},
		{"str", "phụ âm đầu “str” không có trong tiếng Việt"},
		{"zô", "có chữ f, j, w hoặc z (chỉ gặp trong từ mượn)"},
		{"ç", "có ký tự “ç” không thuộc bảng chữ cái tiếng Việt"},
		{"ngh", "không có nguyên âm"},
		{"", "chuỗi rỗng"},
	} {
		ok, reason := ValidSyllable(c.in)
		if ok || reason != c.reason {
			t.Errorf("ValidSyllable(%q) = %v, %q; want false, %q", c.in, ok, reason, c.reason)
		}
	}
}

// Every syllable of the seed that carries a diacritic is well formed, except
// the known slip "nghiêp".
func TestValidSyllableOnSeedWords(t *testing.T) {
	t.Parallel()
	s := loadSeed(t)
	bad := map[string]bool{}
	for _, tok := range wordsOf(Normalise(s)) {
		if !hasVietMarks(tok.text) {
			continue
		}
		if ok, _ := ValidSyllable(tok.text); !ok {
			bad[tok.text] = true
		}
	}
	if len(bad) != 1 || !bad["nghiêp"] {
		t.Errorf("invalid syllables in the seed: %v, want only nghiêp", bad)
	}
}
