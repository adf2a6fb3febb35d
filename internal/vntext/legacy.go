package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"kehoach/internal/lazy"
	"kehoach/internal/nfc"
)

// Legacy 8-bit Vietnamese encodings show up as "mojibake" when a document
// typed with a legacy font is read as Windows-1252/Latin-1: every byte
// becomes the Latin-1 character with the same code. The tables below map
// those characters back.
//
// TCVN3 (TCVN 5712:1993 VN3, the "ABC" fonts such as .VnTime) has one byte
// per precomposed lower-case letter in 0xA8–0xFE and the seven upper-case
// letters Ă Â Ê Ô Ơ Ư Đ in 0xA1–0xA7. Upper-case letters with a tone were
// typed with the upper-case font (.VnTimeH) using the lower-case codes, so
// they decode to lower case: "Uû" is "Uỷ".
//
// VNI-Windows writes a base letter followed by one character for its vowel
// mark and tone ("aâ" = â, "aù" = á, "aá" = ấ, "ôù" = ớ), with ô standing
// for ơ, ö for ư, ñ for đ and single characters for the toned i and ỵ.

// Legacy encoding names returned by DetectLegacy.
const (
	EncTCVN3 = "TCVN3"
	EncVNI   = "VNI"
)

// tcvn3Codes gives, for each vowel, the TCVN3 byte for each tone in the
// order ngang, huyền, sắc, hỏi, ngã, nặng (an ASCII letter for a plain
// vowel).
var tcvn3Codes = map[rune][numTones]byte{
	'a': {'a', 0xB5, 0xB8, 0xB6, 0xB7, 0xB9},
	'ă': {0xA8, 0xBB, 0xBE, 0xBC, 0xBD, 0xC6},
	'â': {0xA9, 0xC7, 0xCA, 0xC8, 0xC9, 0xCB},
	'e': {'e', 0xCC, 0xD0, 0xCE, 0xCF, 0xD1},
	'ê': {0xAA, 0xD2, 0xD5, 0xD3, 0xD4, 0xD6},
	'i': {'i', 0xD7, 0xDD, 0xD8, 0xDC, 0xDE},
	'o': {'o', 0xDF, 0xE3, 0xE1, 0xE2, 0xE4},
	'ô': {0xAB, 0xE5, 0xE8, 0xE6, 0xE7, 0xE9},
	'ơ': {0xAC, 0xEA, 0xED, 0xEB, 0xEC, 0xEE},
	'u': {'u', 0xEF, 0xF3, 0xF1, 0xF2, 0xF4},
	'ư': {0xAD, 0xF5, 0xF8, 0xF6, 0xF7, 0xF9},
	'y': {'y', 0xFA, 0xFD, 0xFB, 0xFC, 0xFE},
}

// tcvn3Upper are the upper-case letters TCVN3 has codes for.
var tcvn3Upper = map[byte]rune{0xA1: 'Ă', 0xA2: 'Â', 0xA3: 'Ê', 0xA4: 'Ô', 0xA5: 'Ơ', 0xA6: 'Ư', 0xA7: 'Đ'}

// tcvn3Decode maps a Latin-1 character (the byte) to its Unicode letter.
var tcvn3DecodeValue lazy.Value[map[rune]rune]

func tcvn3Decode() map[rune]rune { return tcvn3DecodeValue.Get(makeTcvn3Decode) }

func makeTcvn3Decode() map[rune]rune {
	m := map[rune]rune{0xAE: 'đ'}
	for base, codes := range tcvn3Codes {
		for t, b := range codes {
			if b >= 0x80 {
				m[rune(b)] = compose(base, tone(t), false)
			}
		}
	}
	for b, r := range tcvn3Upper {
		m[rune(b)] = r
	}
	return m
}

// vniMark is what one VNI mark character does to the vowel before it.
type vniMark struct {
	vowelMark rune // '^' circumflex, '(' breve, 0 none
	tone      tone
}

// vniMarkOf is the mark of a lower-case VNI mark character; their
// upper-case Latin-1 counterparts mean the same. A switch, not a map, so
// package initialisation builds nothing (TestVniMarkOfAndTakesSameAsRef
// compares it with the map it was).
func vniMarkOf(r rune) (vniMark, bool) {
	if r < 'à' || r > 'ü' { // the marks' range
		return vniMark{}, false
	}
	switch r {
	case 'ù':
		return vniMark{0, toneSac}, true
	case 'ø':
		return vniMark{0, toneHuyen}, true
	case 'û':
		return vniMark{0, toneHoi}, true
	case 'õ':
		return vniMark{0, toneNga}, true
	case 'ï':
		return vniMark{0, toneNang}, true
	case 'â':
		return vniMark{'^', toneNgang}, true
	case 'á':
		return vniMark{'^', toneSac}, true
	case 'à':
		return vniMark{'^', toneHuyen}, true
	case 'å':
		return vniMark{'^', toneHoi}, true
	case 'ã':
		return vniMark{'^', toneNga}, true
	case 'ä':
		return vniMark{'^', toneNang}, true
	case 'ê':
		return vniMark{'(', toneNgang}, true
	case 'é':
		return vniMark{'(', toneSac}, true
	case 'è':
		return vniMark{'(', toneHuyen}, true
	case 'ú':
		return vniMark{'(', toneHoi}, true
	case 'ü':
		return vniMark{'(', toneNga}, true
	case 'ë':
		return vniMark{'(', toneNang}, true
	}
	return vniMark{}, false
}

// vniSingles are VNI characters that stand for a whole letter.
func vniSingles(r rune) (rune, bool) {
	switch r {
	case 'ô':
		return 'ơ', true
	case 'ö':
		return 'ư', true
	case 'ñ':
		return 'đ', true
	case 'í':
		return 'í', true
	case 'ì':
		return 'ì', true
	case 'æ':
		return 'ỉ', true
	case 'ó':
		return 'ĩ', true
	case 'ò':
		return 'ị', true
	case 'î':
		return 'ỵ', true
	case 'Ô':
		return 'Ơ', true
	case 'Ö':
		return 'Ư', true
	case 'Ñ':
		return 'Đ', true
	case 'Í':
		return 'Í', true
	case 'Ì':
		return 'Ì', true
	case 'Æ':
		return 'Ỉ', true
	case 'Ó':
		return 'Ĩ', true
	case 'Ò':
		return 'Ị', true
	case 'Î':
		return 'Ỵ', true
	}
	return 0, false
}

// decodeTCVN3 converts TCVN3 mojibake to Unicode (NFC).
func decodeTCVN3(s string) string {
	var b strings.Builder
	for _, r := range s {
		if u, ok := tcvn3Decode()[r]; ok {
			b.WriteRune(u)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// decodeVNI converts VNI-Windows mojibake to Unicode (NFC).
func decodeVNI(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		lower := unicode.ToLower(r)
		up := isUpper(r)
		base := rune(0)
		switch lower {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			base = lower
		case 'ô':
			base = 'ơ'
		case 'ö':
			base = 'ư'
		}
		if base != 0 && i+1 < len(rs) {
			if m, ok := vniMarkOf(unicode.ToLower(rs[i+1])); ok {
				nb, fine := base, true
				switch m.vowelMark {
				case '^':
					switch base {
					case 'a':
						nb = 'â'
					case 'e':
						nb = 'ê'
					case 'o':
						nb = 'ô'
					default:
						fine = false
					}
				case '(':
					if base == 'a' {
						nb = 'ă'
					} else {
						fine = false
					}
				}
				if fine {
					b.WriteRune(compose(nb, m.tone, up))
					i++
					continue
				}
			}
		}
		if u, ok := vniSingles(r); ok {
			b.WriteRune(u)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// DetectLegacy reports whether s is text in a legacy Vietnamese font
// encoding (TCVN3/ABC or VNI-Windows) read as Latin-1, as in
// "Uû ban nh©n d©n" (TCVN3) or "UÛy ban nhaân daân" (VNI). It returns the
// encoding (EncTCVN3 or EncVNI) and the text converted to Unicode NFC, with
// ok true, when converting turns words that contain Latin-1 letters or
// symbols from non-syllables into Vietnamese syllables (at least two such
// words unless the string has three words or fewer), breaks at most half as
// many, and leaves at least half of the words (abbreviations aside)
// Vietnamese syllables. Text with real
// Vietnamese letters beyond Latin-1 (ă, ơ, ư, đ, ạ, …) is never legacy.
// The converted text keeps the tone-mark positions the typist used: TCVN3
// "Uû" gives "Uỷ".
func DetectLegacy(s string) (enc string, converted string, ok bool) {
	return detectLegacy(nfc.String(s))
}

// detectLegacy is DetectLegacy of s in NFC.
func detectLegacy(s string) (enc string, converted string, ok bool) {
	high := false
	for _, r := range s {
		if r > 0xFF {
			if _, viet := letterOf(r); viet {
				return "", "", false
			}
			continue
		}
		if r >= 0xA0 {
			high = true
		}
	}
	if !high {
		return "", "", false
	}
	bestEnc, bestOut, bestScore := "", "", 0
	for _, c := range []struct {
		enc string
		dec func(string) string
	}{{EncTCVN3, decodeTCVN3}, {EncVNI, decodeVNI}} {
		score, worse := legacyScore(s, c.dec)
		if score == 0 || worse*2 > score || score < bestScore || (score == bestScore && !legacyEvidence(s, c.enc)) {
			continue
		}
		out := nfc.String(c.dec(s))
		words, valid := 0, 0
		for _, w := range wordsOf(out) {
			a := analyse(w.text)
			good := a.ok || a.misplaced
			if utf8.RuneCountInString(w.text) < 2 || (w.allUpper && !good) {
				continue // list letters (V.) and abbreviations (HĐND, VT) are not syllables in any encoding
			}
			words++
			if good {
				valid++
			}
		}
		if valid*2 < words || (score < 2 && words > 3) {
			continue
		}
		bestEnc, bestOut, bestScore = c.enc, out, score
	}
	if bestEnc == "" {
		return "", "", false
	}
	return bestEnc, bestOut, true
}

// legacyEvidence breaks a tie between the two decodings (the one-word line
// "Löu" is "Lửu" in TCVN3 and "Lưu" in VNI): TCVN3 text shows its symbol
// codes (© ª « ¬ ® µ ¶ · ¸ ¹ …), VNI text a vowel followed by a mark
// character. Without either sign, VNI wins, since TCVN3 text nearly always
// shows one of its symbols.
func legacyEvidence(s, enc string) bool {
	symbols := false
	for _, r := range s {
		if r >= 0xA1 && r <= 0xBF && r != 0xAD {
			symbols = true
		}
	}
	if enc == EncTCVN3 {
		return symbols
	}
	return !symbols
}

// legacyScore looks at the blank-separated chunks of s of two or more
// characters that contain a Latin-1 character from 0xA0 up. It counts those
// that are not syllables as written but become syllables once decoded
// (better), and those that are syllables as written but not once decoded
// (worse).
func legacyScore(s string, dec func(string) string) (better, worse int) {
	for _, chunk := range strings.Fields(s) {
		chunk = strings.TrimFunc(chunk, func(r rune) bool {
			return r < 0x80 && !isLetter(r) || strings.ContainsRune("“”‘’–—…", r)
		})
		hasHigh := false
		for _, r := range chunk {
			if r >= 0xA0 && r <= 0xFF {
				hasHigh = true
			}
		}
		if !hasHigh || utf8.RuneCountInString(chunk) < 2 {
			continue
		}
		conv := nfc.String(dec(chunk))
		if conv == chunk {
			continue
		}
		okBefore := analyse(chunk).ok
		okAfter := analyse(conv).ok
		switch {
		case !okBefore && okAfter:
			better++
		case okBefore && !okAfter:
			worse++
		}
	}
	return better, worse
}

// legacyFinding builds the legacy-* finding for Check.
func legacyFinding(s string, o Options) (Finding, bool) {
	enc, conv, ok := detectLegacy(s) // s is Check's NFC form
	if !ok {
		return Finding{}, false
	}
	fixed := NormaliseTone(conv, o.ToneStyle)
	f := Finding{Severity: Error, Start: 0, End: len(s), Fix: strPtr(fixed)}
	if enc == EncTCVN3 {
		f.Rule = RuleTCVN3
		f.Msg = "văn bản bị lỗi phông: chữ gõ bằng bảng mã TCVN3 (ABC, phông .VnTime) đang hiển thị như Unicode"
	} else {
		f.Rule = RuleVNI
		f.Msg = "văn bản bị lỗi phông: chữ gõ bằng bảng mã VNI-Windows (phông VNI-Times) đang hiển thị như Unicode"
	}
	f.Suggest = "chuyển mã sang Unicode (Unikey Toolkit hoặc EVKey), kết quả: “" + fixed + "”"
	return f, true
}
