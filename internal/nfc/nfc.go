// Package nfc puts text in Unicode NFC the way golang.org/x/text/unicode/norm
// does, with a fast answer for the text kehoach meets: ASCII, the Latin
// letters of Vietnamese (precomposed), the usual punctuation, arrows and
// mathematical signs, which is NFC as it stands.
package nfc

import "golang.org/x/text/unicode/norm"

// String is norm.NFC.String(s).
func String(s string) string {
	if Quick(s) {
		return s
	}
	return norm.NFC.String(s)
}

// Quick reports whether s is valid UTF-8 made only of runes that NFC leaves
// as they are wherever they stand (TestQuickRunes): U+0000–U+02FF, the
// Latin Extended Additional block U+1E00–U+1EFF, the General Punctuation
// U+2002–U+206F, and the Arrows and Mathematical Operators U+2190–U+22FF
// (→, ≥, ≤). Such a string is its own NFC form. false says nothing: the
// string may be NFC or not.
func Quick(s string) bool { return quick(s) }

// QuickBytes is Quick of b's bytes, without copying them into a string.
func QuickBytes(b []byte) bool { return quick(b) }

func quick[T string | []byte](s T) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			i++
			continue
		}
		switch {
		case c >= 0xC2 && c <= 0xCB: // U+0080–U+02FF
			if i+1 >= len(s) || s[i+1]&0xC0 != 0x80 {
				return false
			}
			i += 2
		case c == 0xE1: // U+1E00–U+1EFF: E1 B8–BB xx
			if i+2 >= len(s) || s[i+1] < 0xB8 || s[i+1] > 0xBB || s[i+2]&0xC0 != 0x80 {
				return false
			}
			i += 3
		case c == 0xE2: // U+2002–U+206F: E2 80 82–BF, E2 81 80–AF; U+2190–U+22FF: E2 86 90–BF, E2 87–8B xx
			if i+2 >= len(s) {
				return false
			}
			c1, c2 := s[i+1], s[i+2]
			if c2&0xC0 != 0x80 || !(c1 == 0x80 && c2 >= 0x82 || c1 == 0x81 && c2 <= 0xAF || c1 == 0x86 && c2 >= 0x90 || c1 >= 0x87 && c1 <= 0x8B) {
				return false
			}
			i += 3
		default:
			return false
		}
	}
	return true
}
