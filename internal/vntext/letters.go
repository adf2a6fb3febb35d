package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"kehoach/internal/lazy"
)

// tone is one of the six Vietnamese tones. The level tone (ngang) carries no
// mark.
type tone uint8

const (
	toneNgang tone = iota
	toneHuyen      // grave  U+0300
	toneSac        // acute  U+0301
	toneHoi        // hook   U+0309
	toneNga        // tilde  U+0303
	toneNang       // dot    U+0323
	numTones
)

// toneMarks are the combining marks of the five marked tones, indexed by tone.
var toneMarks = [numTones]rune{0, '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'}

// toneNames are the Vietnamese names of the tones, for messages.
var toneNames = [numTones]string{"ngang", "huyền", "sắc", "hỏi", "ngã", "nặng"}

// letter describes one precomposed Vietnamese letter.
type letter struct {
	base  rune // lower-case letter without tone, keeping ă â ê ô ơ ư đ
	tone  tone
	upper bool
}

// vowelBases are the twelve vowel letters that can carry a tone.
const vowelBases = "aăâeêioôơuưy"

// letterTables are letterInfo and composed, built on first use (not in
// package init: a command that checks no text pays nothing).
var letterTables lazy.Value[letterPair]

// A letterPair is what buildLetters returns.
type letterPair struct {
	info     map[rune]letter
	composed map[rune][numTones][2]rune
}

func makeLetterPair() letterPair { l, c := buildLetters(); return letterPair{l, c} }

// letterInfo describes every Vietnamese letter (see buildLetters).
func letterInfo() map[rune]letter { return letterTables.Get(makeLetterPair).info }

// letterOf is letterInfo()[r] from two arrays: every letter is a rune
// below U+0250 or in U+1EA0–U+1EFF (TestLetterOfSameAsInfo).
func letterOf(r rune) (letter, bool) {
	switch {
	case r >= 0 && r < 0x250:
		e := letterArrays.latin[r]
		return e.l, e.ok
	case r >= 0x1EA0 && r <= 0x1EFF:
		e := letterArrays.extra[r-0x1EA0]
		return e.l, e.ok
	}
	return letter{}, false
}

// letterBase is letterInfo()[r].base: 0 for a rune that is no letter.
func letterBase(r rune) rune {
	l, _ := letterOf(r)
	return l.base
}

// A letterEntry is one rune's entry of letterArrays.
type letterEntry struct {
	l  letter
	ok bool
}

// letterArrays (runes_gen.go) hold letterOf's letters: data in the
// binary, made by no code at start-up.

// composed gives base -> tone -> [lower, upper] (see buildLetters).
func composed() map[rune][numTones][2]rune { return letterTables.Get(makeLetterPair).composed }

// buildLetters makes the tables of Vietnamese letters: letterInfo describes
// every letter (both cases, with the loan letters f j w z), composed gives
// base -> tone -> [lower, upper]. They are built once, on first use.
func buildLetters() (map[rune]letter, map[rune][numTones][2]rune) {
	info := map[rune]letter{}
	comp := map[rune][numTones][2]rune{}
	for i, b := range []rune(vowelBases) {
		row := composedVowels[i] // NFC of base and tone mark (runes_gen.go)
		for t := toneNgang; t < numTones; t++ {
			for ci, up := range []bool{false, true} {
				info[row[t][ci]] = letter{base: b, tone: t, upper: up}
			}
		}
		comp[b] = row
	}
	for _, c := range "bcdđghklmnpqrstvx" + "fjwz" {
		info[c] = letter{base: c}
		info[unicode.ToUpper(c)] = letter{base: c, upper: true}
	}
	return info, comp
}

// compose returns the precomposed letter for base (lower-case, with its vowel
// mark) with tone t, upper-cased when up is true.
func compose(base rune, t tone, up bool) rune {
	row, ok := composed()[base]
	if !ok {
		if up {
			return unicode.ToUpper(base)
		}
		return base
	}
	if up {
		return row[t][1]
	}
	return row[t][0]
}

// isVowelBase reports whether the toneless lower-case letter r is a vowel.
func isVowelBase(r rune) bool {
	switch r {
	case 'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y':
		return true
	}
	return false
}

// skeletonRune strips the vowel marks and đ from a toneless lower-case letter:
// ă â → a, ê → e, ô ơ → o, ư → u, đ → d.
func skeletonRune(r rune) rune {
	switch r {
	case 'ă', 'â':
		return 'a'
	case 'ê':
		return 'e'
	case 'ô', 'ơ':
		return 'o'
	case 'ư':
		return 'u'
	case 'đ':
		return 'd'
	}
	return r
}

// skeleton returns s lower-cased with every tone and vowel mark removed
// ("Đẳng" → "dang"). Runes that are not Vietnamese letters are kept
// lower-cased.
func skeleton(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < utf8.RuneSelf && (r < 'A' || r > 'Z') {
			b.WriteByte(byte(r)) // ASCII that is not upper case: a mark-less letter or other rune, kept
			continue
		}
		if l, ok := letterOf(r); ok {
			b.WriteRune(skeletonRune(l.base))
			continue
		}
		b.WriteRune(lowerRune(r))
	}
	return b.String()
}

// lowerRune is unicode.ToLower, from a table for the runes Vietnamese text
// is made of (up to U+024F, and U+1EA0–U+1EFF): the case tables are
// searched for every other rune only.
func lowerRune(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	case r < 0x250:
		return rune(lowerLatin[r])
	case r >= 0x1EA0 && r <= 0x1EFF:
		return rune(lowerExtra[r-0x1EA0])
	}
	return unicode.ToLower(r)
}

// lowerLatin and lowerExtra (runes_gen.go) are unicode.ToLower of
// U+0000–U+024F and U+1EA0–U+1EFF: data in the binary, made by no code at
// start-up and looked up without a sync.Once.

// toLower is strings.ToLower with lowerRune's tables (strings.ToLower
// searches the case tables for every rune of Vietnamese text); s itself
// when no rune changes.
func toLower(s string) string {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				return lowerFrom(s, i)
			}
			i++
			continue
		}
		if r, ok := latin2(s, i); ok { // U+0080–U+024F, valid
			if rune(lowerLatin[r]) != r {
				return lowerFrom(s, i)
			}
			i += 2
			continue
		}
		if r, ok := viet3(s, i); ok { // U+1EA0–U+1EFF, valid
			if rune(lowerExtra[r-0x1EA0]) != r {
				return lowerFrom(s, i)
			}
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return strings.ToLower(s) // it writes invalid UTF-8 as U+FFFD
		}
		if lowerRune(r) != r {
			return lowerFrom(s, i)
		}
		i += size
	}
	return s
}

// latin2 decodes the two-byte rune of U+0080–U+024F at s[i], if one is
// there (lowerTables' latin table).
func latin2(s string, i int) (rune, bool) {
	c := s[i]
	if c < 0xC2 || c > 0xC9 || i+1 >= len(s) || s[i+1]&0xC0 != 0x80 {
		return 0, false
	}
	r := rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
	return r, r < 0x250
}

// lowerFrom is toLower of s, whose runes before s[i] are lower case.
func lowerFrom(s string, i int) string {
	if !utf8.ValidString(s[i:]) {
		return strings.ToLower(s)
	}
	return lowerFromAs(s, i, false)
}

// lowerFromAs lower-cases s from s[i] on with lowerRune; sameLen keeps a
// rune whose lower case has another UTF-8 length (lowerSameLen). The
// runes of Vietnamese text are looked up directly in lowerTables, the
// others decoded and lowered one by one (TestLowerFromAsSameAsRef).
func lowerFromAs(s string, i int, sameLen bool) string {
	var b strings.Builder
	b.Grow(len(s) + utf8.UTFMax)
	b.WriteString(s[:i])
	for i < len(s) {
		// The run of runes that stay as they are, copied at once.
		j := i
		for j < len(s) {
			if c := s[j]; c < utf8.RuneSelf {
				if 'A' <= c && c <= 'Z' {
					break
				}
				j++
				continue
			}
			if r, ok := latin2(s, j); ok {
				if rune(lowerLatin[r]) != r {
					break
				}
				j += 2
				continue
			}
			if r, ok := viet3(s, j); ok {
				if rune(lowerExtra[r-0x1EA0]) != r {
					break
				}
				j += 3
				continue
			}
			break // any other rune: one by one, below
		}
		b.WriteString(s[i:j])
		if i = j; i >= len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			i++
			continue
		}
		if r, ok := latin2(s, i); ok {
			if l := rune(lowerLatin[r]); l >= 0x80 && l < 0x800 { // two bytes, as r
				b.WriteByte(byte(0xC0 | l>>6))
				b.WriteByte(byte(0x80 | l&0x3F))
				i += 2
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		l := lowerRune(r)
		if sameLen && utf8.RuneLen(l) != utf8.RuneLen(r) {
			l = r
		}
		b.WriteRune(l)
	}
	return b.String()
}

// viet3 decodes the three-byte rune of U+1EA0–U+1EFF (lowerExtra's) at
// s[i], if one is there.
func viet3(s string, i int) (rune, bool) {
	if s[i] != 0xE1 || i+2 >= len(s) {
		return 0, false
	}
	c1, c2 := s[i+1], s[i+2]
	if !(c1 == 0xBA && c2 >= 0xA0 && c2 <= 0xBF || c1 == 0xBB && c2 >= 0x80 && c2 <= 0xBF) {
		return 0, false
	}
	return 0x1E00 | rune(c1&0x3F)<<6 | rune(c2&0x3F), true
}
