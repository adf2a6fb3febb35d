package vntext

import (
	"strings"
	"testing"
	"unicode"
)

// encodeTCVN3 writes s as TCVN3 bytes read back as Latin-1: the mojibake a
// .VnTime document shows. TCVN3 has no upper-case letters with a tone, so
// those are written with the lower-case code (as typists did with the
// .VnTimeH font); lowerToned gives the text a decoder can recover.
func encodeTCVN3(s string) string {
	upper := map[rune]byte{}
	for b, r := range tcvn3Upper {
		upper[r] = b
	}
	var out strings.Builder
	for _, r := range Normalise(s) {
		if b, ok := upper[r]; ok {
			out.WriteRune(rune(b))
			continue
		}
		if r == 'đ' {
			out.WriteRune(0xAE)
			continue
		}
		l, ok := letterInfo()[r]
		codes, vowel := tcvn3Codes[l.base]
		if !ok || !vowel || (l.upper && l.tone == toneNgang) {
			out.WriteRune(r)
			continue
		}
		out.WriteRune(rune(codes[l.tone]))
	}
	return out.String()
}

// lowerToned lower-cases the upper-case letters that TCVN3 cannot hold.
func lowerToned(s string) string {
	var out strings.Builder
	for _, r := range Normalise(s) {
		if l, ok := letterInfo()[r]; ok && l.upper && (l.tone != toneNgang) {
			r = unicode.ToLower(r)
		}
		out.WriteRune(r)
	}
	return out.String()
}

// encodeVNI writes s the way VNI-Windows stores it: base letter, then one
// character for the vowel mark and tone.
func encodeVNI(s string) string {
	tones := map[tone]rune{toneSac: 'ù', toneHuyen: 'ø', toneHoi: 'û', toneNga: 'õ', toneNang: 'ï'}
	circ := map[tone]rune{toneNgang: 'â', toneSac: 'á', toneHuyen: 'à', toneHoi: 'å', toneNga: 'ã', toneNang: 'ä'}
	breve := map[tone]rune{toneNgang: 'ê', toneSac: 'é', toneHuyen: 'è', toneHoi: 'ú', toneNga: 'ü', toneNang: 'ë'}
	iTone := map[tone]rune{toneSac: 'í', toneHuyen: 'ì', toneHoi: 'æ', toneNga: 'ó', toneNang: 'ò'}
	up := func(r rune, u bool) rune {
		if u {
			return unicode.ToUpper(r)
		}
		return r
	}
	var out strings.Builder
	for _, r := range Normalise(s) {
		l, ok := letterInfo()[r]
		if !ok {
			out.WriteRune(r)
			continue
		}
		switch l.base {
		case 'đ':
			out.WriteRune(up('ñ', l.upper))
		case 'i':
			if l.tone == toneNgang {
				out.WriteRune(r)
			} else {
				out.WriteRune(up(iTone[l.tone], l.upper))
			}
		case 'y':
			if l.tone == toneNang {
				out.WriteRune(up('î', l.upper))
				continue
			}
			out.WriteRune(up('y', l.upper))
			if l.tone != toneNgang {
				out.WriteRune(up(tones[l.tone], l.upper))
			}
		case 'â', 'ê', 'ô':
			out.WriteRune(up(map[rune]rune{'â': 'a', 'ê': 'e', 'ô': 'o'}[l.base], l.upper))
			out.WriteRune(up(circ[l.tone], l.upper))
		case 'ă':
			out.WriteRune(up('a', l.upper))
			out.WriteRune(up(breve[l.tone], l.upper))
		case 'ơ', 'ư':
			out.WriteRune(up(map[rune]rune{'ơ': 'ô', 'ư': 'ö'}[l.base], l.upper))
			if l.tone != toneNgang {
				out.WriteRune(up(tones[l.tone], l.upper))
			}
		case 'a', 'e', 'o', 'u':
			out.WriteRune(up(l.base, l.upper))
			if l.tone != toneNgang {
				out.WriteRune(up(tones[l.tone], l.upper))
			}
		default:
			out.WriteRune(r)
		}
	}
	return out.String()
}

func TestLegacyTables(t *testing.T) {
	t.Parallel()
	// Spot checks against the published code charts.
	for b, want := range map[rune]rune{0xB8: 'á', 0xB5: 'à', 0xB6: 'ả', 0xB7: 'ã', 0xB9: 'ạ', 0xA9: 'â', 0xCA: 'ấ', 0xAE: 'đ', 0xA7: 'Đ',
		0xAD: 'ư', 0xF8: 'ứ', 0xF1: 'ủ', 0xFB: 'ỷ', 0xFD: 'ý', 0xDD: 'í', 0xAC: 'ơ', 0xED: 'ớ', 0xA1: 'Ă', 0xA6: 'Ư', 0xC6: 'ặ', 0xD6: 'ệ'} {
		if got := tcvn3Decode()[b]; got != want {
			t.Errorf("TCVN3 %#x = %q, want %q", b, got, want)
		}
	}
	// 12 vowels × 6 tones, less the 6 plain ASCII vowels, plus đ and the
	// seven upper-case letters Ă Â Ê Ô Ơ Ư Đ.
	if n := len(tcvn3Decode()); n != 12*6-6+1+7 {
		t.Errorf("TCVN3 table has %d codes, want %d", n, 12*6-6+1+7)
	}
	for in, want := range map[string]string{"aâ": "â", "aù": "á", "aá": "ấ", "aé": "ắ", "oâ": "ô", "ô": "ơ", "ôù": "ớ", "ö": "ư", "öù": "ứ", "ñ": "đ",
		"Ñ": "Đ", "ó": "ĩ", "ò": "ị", "æ": "ỉ", "î": "ỵ", "UÛ": "Ủ", "AÊ": "Ă", "eä": "ệ", "yõ": "ỹ"} {
		if got := decodeVNI(in); got != want {
			t.Errorf("VNI %q = %q, want %q", in, got, want)
		}
	}
}

func TestDetectLegacyExamples(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, enc, want string }{
		{"Uû ban nh©n d©n", EncTCVN3, "Uỷ ban nhân dân"},
		{"UÛy ban nhaân daân", EncVNI, "Ủy ban nhân dân"},
		{"Céng hoµ x· héi chñ nghÜa ViÖt Nam", EncTCVN3, "Cộng hoà xã hội chủ nghĩa Việt Nam"},
		{"§éc lËp - Tù do - H¹nh phóc", EncTCVN3, "Độc lập - Tự do - Hạnh phúc"},
		{"Ñoäc laäp - Töï do - Haïnh phuùc", EncVNI, "Độc lập - Tự do - Hạnh phúc"},
		{"KEÁ HOAÏCH", EncVNI, "KẾ HOẠCH"},
	} {
		enc, got, ok := DetectLegacy(c.in)
		if !ok || enc != c.enc || got != c.want {
			t.Errorf("DetectLegacy(%q) = %q, %q, %v; want %q, %q", c.in, enc, got, ok, c.enc, c.want)
		}
	}
}

func TestDetectLegacyNegatives(t *testing.T) {
	t.Parallel()
	for _, s := range []string{
		"Ủy ban nhân dân xã Mường Khoa",
		"nhân dân", "tôi là", "bà con", // Unicode text that fits in Latin-1
		"café au lait, crème brûlée à la française",
		"Zoom (+) (-) (×) and (÷) on the keypad",
		"© 2025 UBND xã; nhiệt độ 25°C; giá 1.000 €",
		"Straße, Ärger, öffnen, señor",
		"",
	} {
		if enc, conv, ok := DetectLegacy(s); ok {
			t.Errorf("DetectLegacy(%q) = %q, %q, true; want not legacy", s, enc, conv)
		}
	}
}

// Every line of the seed survives a trip through each legacy encoding.
func TestDetectLegacyRoundTripSeed(t *testing.T) {
	t.Parallel()
	s := loadSeed(t)
	n := 0
	for _, p := range seedParagraphs(s) {
		p = strings.TrimSpace(p)
		for _, c := range []struct {
			enc       string
			encode    func(string) string
			recovered string
		}{
			{EncTCVN3, encodeTCVN3, lowerToned(p)},
			{EncVNI, encodeVNI, Normalise(p)},
		} {
			moji := c.encode(p)
			if moji == Normalise(p) {
				continue // nothing to encode (digits, abbreviations)
			}
			n++
			enc, got, ok := DetectLegacy(moji)
			if !ok || enc != c.enc || got != c.recovered {
				t.Errorf("%s line %q:\n mojibake %q\n detected %q %v\n got  %q\n want %q", c.enc, p, moji, enc, ok, got, c.recovered)
			}
		}
	}
	if n < 200 {
		t.Errorf("only %d encoded lines tested", n)
	}
}

// Unicode text is never mistaken for legacy text, line by line.
func TestDetectLegacySeedIsUnicode(t *testing.T) {
	t.Parallel()
	s := loadSeed(t)
	for _, p := range seedParagraphs(s) {
		if enc, _, ok := DetectLegacy(p); ok {
			t.Errorf("seed line %q detected as %s", p, enc)
		}
	}
}
