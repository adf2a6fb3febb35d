package vntext

import (
	"strings"
	"testing"
)

func TestToneStyleOf(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in   string
		want Style
	}{
		{"hòa", StyleOld}, {"hoà", StyleNew}, {"thủy", StyleOld}, {"thuỷ", StyleNew},
		{"khỏe", StyleOld}, {"khoẻ", StyleNew}, {"Ủy", StyleOld}, {"Uỷ", StyleNew},
		{"hóa", StyleOld}, {"hoá", StyleNew}, {"HÒA", StyleOld}, {"HOÀ", StyleNew},
		{"quý", StyleNeutral}, {"hoàn", StyleNeutral}, {"thuyền", StyleNeutral}, {"hoa", StyleNeutral},
		{"ngoài", StyleNeutral}, {"giá", StyleNeutral}, {"", StyleNeutral},
		{"hòa bình", StyleOld}, {"hòa thuỷ", StyleMixed}, {nfd("hoà"), StyleNew},
	} {
		if got := ToneStyleOf(c.in); got != c.want {
			t.Errorf("ToneStyleOf(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestNormaliseTone(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, cu, moi string }{
		{"hoà", "hòa", "hoà"},
		{"hòa", "hòa", "hoà"},
		{"thuỷ", "thủy", "thuỷ"},
		{"khoẻ", "khỏe", "khoẻ"},
		{"Ủy", "Ủy", "Uỷ"},
		{"Uỷ ban", "Ủy ban", "Uỷ ban"},
		{"CỘNG HOÀ", "CỘNG HÒA", "CỘNG HOÀ"},
		{"quý", "quý", "quý"},
		{"hoàn", "hoàn", "hoàn"},
		{"thuyền", "thuyền", "thuyền"},
		{"toả sáng, hoạ sĩ, tuỳ ý, luỹ kế", "tỏa sáng, họa sĩ, tùy ý, lũy kế", "toả sáng, hoạ sĩ, tuỳ ý, luỹ kế"},
		{"giải quyết hoà giải, mâu thuẫn", "giải quyết hòa giải, mâu thuẫn", "giải quyết hoà giải, mâu thuẫn"},
		{nfd("hoà"), "hòa", "hoà"},
		{"Nguyễn Văn A, 2025", "Nguyễn Văn A, 2025", "Nguyễn Văn A, 2025"},
	} {
		if got := NormaliseTone(c.in, ToneCu); got != c.cu {
			t.Errorf("NormaliseTone(%q, cu) = %q, want %q", c.in, got, c.cu)
		}
		if got := NormaliseTone(c.in, ToneMoi); got != c.moi {
			t.Errorf("NormaliseTone(%q, moi) = %q, want %q", c.in, got, c.moi)
		}
	}
	if got := NormaliseTone("hoà", "xyz"); got != "hòa" {
		t.Errorf("unknown style should mean cu, got %q", got)
	}
}

// The mark never leaves its syllable: for every open oa/oe/uy syllable with
// every tone and case, each word keeps its letters and its tone, and the two
// styles convert into each other.
func TestNormaliseToneKeepsSyllables(t *testing.T) {
	t.Parallel()
	var words []string
	for _, ini := range []string{"", "h", "kh", "t", "th", "l", "x", "ng", "s", "ch", "tr"} {
		for _, rh := range []string{"oa", "oe", "uy"} {
			for tn := toneHuyen; tn < numTones; tn++ {
				for _, pos := range []int{0, 1} {
					rs := []rune(ini + rh)
					p := len([]rune(ini)) + pos
					rs[p] = compose(rs[p], tn, false)
					words = append(words, string(rs))
				}
			}
		}
	}
	text := strings.Join(words, " ")
	for _, style := range []string{ToneCu, ToneMoi} {
		out := NormaliseTone(text, style)
		a, b := wordsOf(text), wordsOf(out)
		if len(a) != len(b) {
			t.Fatalf("%s: %d words became %d", style, len(a), len(b))
		}
		for i := range a {
			x, y := analyse(a[i].text), analyse(b[i].text)
			if !y.ok || skeleton(a[i].text) != skeleton(b[i].text) || x.tone != y.tone {
				t.Errorf("%s: %q became %q", style, a[i].text, b[i].text)
			}
			want := StyleOld
			if style == ToneMoi {
				want = StyleNew
			}
			if y.style != want {
				t.Errorf("%s: %q is %v", style, b[i].text, y.style)
			}
		}
		back := NormaliseTone(NormaliseTone(out, ToneCu), style)
		if back != out {
			t.Errorf("%s: round trip changed the text", style)
		}
	}
}

func TestCorpusMixed(t *testing.T) {
	t.Parallel()
	var c Corpus
	c.Add("a", "hòa giải ở cơ sở")
	c.Add("b", "giải quyết hoà giải, Thuỷ lợi")
	c.Add("c", "văn hóa, thủy lợi, sức khỏe")
	c.Add("d", "Uỷ ban nhân dân, quý, hoàn thành")
	if c.Style() != StyleMixed {
		t.Fatalf("Style() = %v", c.Style())
	}
	wantCounts := []StyleCount{
		{Old: "hòa", New: "hoà", NOld: 1, NNew: 1},
		{Old: "hóa", New: "hoá", NOld: 1},
		{Old: "khỏe", New: "khoẻ", NOld: 1},
		{Old: "thủy", New: "thuỷ", NOld: 1, NNew: 1},
		{Old: "ủy", New: "uỷ", NNew: 1},
	}
	got := c.Counts()
	if len(got) != len(wantCounts) {
		t.Fatalf("Counts() = %v", got)
	}
	for i := range got {
		if got[i] != wantCounts[i] {
			t.Errorf("Counts()[%d] = %v, want %v", i, got[i], wantCounts[i])
		}
	}
	summary := "hòa ×1, hoà ×1; hóa ×1; khỏe ×1; thủy ×1, thuỷ ×1; uỷ ×1"
	msg := func(w, st string) string {
		return "văn bản dùng lẫn hai kiểu đặt dấu thanh (" + summary + "); “" + w + "” theo kiểu " + st
	}
	texts := map[string]string{"a": "hòa giải ở cơ sở", "b": "giải quyết hoà giải, Thuỷ lợi", "c": "văn hóa, thủy lợi, sức khỏe", "d": "Uỷ ban nhân dân, quý, hoàn thành"}
	type want struct {
		key, at string
		e       exp
	}
	check := func(style string, ws []want) {
		t.Helper()
		us := c.Mixed(style)
		if len(us) != len(ws) {
			t.Fatalf("Mixed(%q) gave %d findings, want %d: %v", style, len(us), len(ws), us)
		}
		for i, w := range ws {
			if us[i].Key != w.key {
				t.Errorf("Mixed(%q)[%d].Key = %q, want %q", style, i, us[i].Key, w.key)
			}
			compareFindings(t, texts[w.key], []Finding{us[i].Finding}, []Finding{w.e.toFinding(t, texts[w.key])})
		}
	}
	old := func(w, fix string) exp {
		return exp{rule: RuleKieuDauLan, at: w, msg: msg(w, "mới"), sug: "thống nhất một kiểu: viết “" + fix + "”", fix: fix}
	}
	nw := func(w, fix string) exp {
		return exp{rule: RuleKieuDauLan, at: w, msg: msg(w, "cũ"), sug: "thống nhất một kiểu: viết “" + fix + "”", fix: fix}
	}
	// Majority (4 old, 3 new) and "cu" agree.
	for _, st := range []string{"", ToneCu} {
		check(st, []want{
			{"b", "hoà", old("hoà", "hòa")},
			{"b", "Thuỷ", old("Thuỷ", "Thủy")},
			{"d", "Uỷ", old("Uỷ", "Ủy")},
		})
	}
	check(ToneMoi, []want{
		{"a", "hòa", nw("hòa", "hoà")},
		{"c", "hóa", nw("hóa", "hoá")},
		{"c", "thủy", nw("thủy", "thuỷ")},
		{"c", "khỏe", nw("khỏe", "khoẻ")},
	})

	var same Corpus
	same.Add("x", "hòa bình, thủy lợi")
	same.Add("y", "sức khỏe, Ủy ban")
	if same.Style() != StyleOld || same.Mixed("") != nil || same.Mixed(ToneMoi) != nil {
		t.Errorf("a consistent corpus must not be reported as mixed")
	}
	var empty Corpus
	if empty.Style() != StyleNeutral || empty.Mixed("") != nil || len(empty.Counts()) != 0 {
		t.Errorf("empty corpus")
	}
}
