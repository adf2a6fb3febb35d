package vntext

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/runenames"
)

// Rule ids of look-alike text (F-19 of the adversarial review: two names
// that look identical and differ, changes kehoach diff shows but no one
// can see).
const (
	// RuleLookAlike: a Cyrillic, Greek or Armenian letter in a word
	// written in Latin letters, a word in such a script in a name; a thin,
	// hair or other special space. Fix: the Latin twin, a plain space.
	RuleLookAlike = "chu-giong"
	// RuleMark: a combining mark that no Vietnamese letter takes, left
	// over after NFC (U+0338 COMBINING LONG SOLIDUS OVERLAY). No fix.
	RuleMark = "unicode-dau"
)

// latinTwin maps the Cyrillic and Greek letters that look like a Latin
// letter to it.
func latinTwin(r rune) (rune, bool) {
	switch r {
	// Cyrillic
	case 'а':
		return 'a', true
	case 'в':
		return 'B', true
	case 'е':
		return 'e', true
	case 'к':
		return 'k', true
	case 'м':
		return 'M', true
	case 'н':
		return 'H', true
	case 'о':
		return 'o', true
	case 'р':
		return 'p', true
	case 'с':
		return 'c', true
	case 'т':
		return 'T', true
	case 'у':
		return 'y', true
	case 'х':
		return 'x', true
	case 'ѕ':
		return 's', true
	case 'і':
		return 'i', true
	case 'ј':
		return 'j', true
	case 'һ':
		return 'h', true
	case 'ԁ':
		return 'd', true
	case 'ԛ':
		return 'q', true
	case 'ԝ':
		return 'w', true
	case 'ӏ':
		return 'l', true
	case 'А':
		return 'A', true
	case 'В':
		return 'B', true
	case 'Е':
		return 'E', true
	case 'К':
		return 'K', true
	case 'М':
		return 'M', true
	case 'Н':
		return 'H', true
	case 'О':
		return 'O', true
	case 'Р':
		return 'P', true
	case 'С':
		return 'C', true
	case 'Т':
		return 'T', true
	case 'У':
		return 'Y', true
	case 'Х':
		return 'X', true
	case 'Ѕ':
		return 'S', true
	case 'І':
		return 'I', true
	case 'Ј':
		return 'J', true
	case 'Һ':
		return 'H', true
	case 'Ԁ':
		return 'D', true
	case 'Ԛ':
		return 'Q', true
	case 'Ԝ':
		return 'W', true
	case 'Ӏ':
		return 'I', true
	// Greek
	case 'α':
		return 'a', true
	case 'ο':
		return 'o', true
	case 'ρ':
		return 'p', true
	case 'ν':
		return 'v', true
	case 'υ':
		return 'u', true
	case 'ι':
		return 'i', true
	case 'κ':
		return 'k', true
	case 'τ':
		return 't', true
	case 'χ':
		return 'x', true
	case 'γ':
		return 'y', true
	case 'Α':
		return 'A', true
	case 'Β':
		return 'B', true
	case 'Ε':
		return 'E', true
	case 'Ζ':
		return 'Z', true
	case 'Η':
		return 'H', true
	case 'Ι':
		return 'I', true
	case 'Κ':
		return 'K', true
	case 'Μ':
		return 'M', true
	case 'Ν':
		return 'N', true
	case 'Ο':
		return 'O', true
	case 'Ρ':
		return 'P', true
	case 'Τ':
		return 'T', true
	case 'Υ':
		return 'Y', true
	case 'Χ':
		return 'X', true
	}
	return 0, false
}

// scripts are the scripts whose letters pass for Latin ones, with their
// Vietnamese names.
var scripts = []struct {
	table *unicode.RangeTable
	name  string
}{
	{unicode.Cyrillic, "chữ Kirin"},
	{unicode.Greek, "chữ Hy Lạp"},
	{unicode.Armenian, "chữ Armenia"},
	{unicode.Cherokee, "chữ Cherokee"},
}

func scriptOf(r rune) string {
	if r < 0x370 || r >= 0x1E00 && r <= 0x1EFF {
		return "" // Latin, with Vietnamese's letters: before Greek, the first of the scripts, and Latin Extended Additional
	}
	for _, s := range scripts {
		if unicode.Is(s.table, r) {
			return s.name
		}
	}
	return ""
}

// isLatin reports whether r is a Latin letter (unicode.Latin), ASCII
// without a table look-up.
func isLatin(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.Is(unicode.Latin, r)
}

// isMark reports whether r is a combining mark (Mn or Me); none comes
// before U+0300.
func isMark(r rune) bool {
	return r >= 0x300 && unicode.In(r, unicode.Mn, unicode.Me)
}

// oddSpace reports the spaces that look like a space and are not one: they
// split or join words where nothing shows (U+2009 THIN SPACE).
func oddSpace(r rune) bool {
	return r >= 0x2000 && r <= 0x200A || r == 0x202F || r == 0x205F || r == 0x3000
}

// runeName is “U+0430 CYRILLIC SMALL LETTER A”: the code and the Unicode
// name, which every character table lists.
func runeName(r rune) string {
	if n := runenames.Name(r); n != "" {
		return fmt.Sprintf("U+%04X %s", r, n)
	}
	return fmt.Sprintf("U+%04X", r)
}

// lookAlikeFindings reports, in n (NFC), each Cyrillic, Greek, Armenian or
// Cherokee letter in a word that also has Latin letters (Fix: its Latin
// twin, when it has one), each word of such a script in a name (name set:
// a commune, unit, person or recipient name is written in Latin letters),
// the special spaces, and the combining marks left over after NFC. exempt
// spans (Options.Exceptions) get no letter finding.
func lookAlikeFindings(n string, name bool, exempt []span) []Finding {
	if onlyLatinText(n) {
		return nil
	}
	var fs []Finding
	for _, w := range wordSpans(n) {
		word := n[w.start:w.end]
		latin := strings.IndexFunc(word, isLatin) >= 0
		if !latin {
			// A name's word in another script: one finding for the word.
			r, _ := utf8.DecodeRuneInString(word)
			if sc := scriptOf(r); sc != "" && name && !overlaps(exempt, w.start, w.end) {
				fs = append(fs, Finding{Rule: RuleLookAlike, Severity: Warning, Start: w.start, End: w.end,
					Msg:     fmt.Sprintf("từ “%s” trong tên viết bằng %s (chữ đầu: %s), không phải chữ Latinh", word, sc, runeName(r)),
					Suggest: "gõ lại tên bằng chữ Latinh (bộ gõ tiếng Việt), hoặc thêm vào ngoai_le nếu đúng là tên nước ngoài"})
			}
			continue
		}
		for i, r := range word {
			sc := scriptOf(r)
			if sc == "" || overlaps(exempt, w.start+i, w.start+i+utf8.RuneLen(r)) {
				continue
			}
			f := Finding{Rule: RuleLookAlike, Severity: Warning, Start: w.start + i, End: w.start + i + utf8.RuneLen(r),
				Msg: fmt.Sprintf("chữ “%c” (%s) trong “%s” là %s, không phải chữ Latinh", r, runeName(r), word, sc)}
			if t, ok := latinTwin(r); ok {
				f.Msg += fmt.Sprintf(", dù trông giống chữ “%c”", t)
				f.Suggest = fmt.Sprintf("gõ lại chữ này bằng bộ gõ tiếng Việt (chữ “%c” Latinh); hai tên trông giống hệt nhau mà khác nhau thì máy tìm, so sánh và sắp xếp sai", t)
				f.Fix = strPtr(string(t))
			} else {
				f.Suggest = "gõ lại từ này bằng chữ Latinh (bộ gõ tiếng Việt), hoặc thêm vào ngoai_le nếu đúng là chữ nước ngoài"
			}
			fs = append(fs, f)
		}
	}
	for i, r := range n {
		switch {
		case oddSpace(r):
			fs = append(fs, Finding{Rule: RuleLookAlike, Severity: Warning, Start: i, End: i + utf8.RuneLen(r),
				Msg:     fmt.Sprintf("khoảng trắng đặc biệt %s trông như dấu cách mà không phải dấu cách", runeName(r)),
				Suggest: "thay bằng một dấu cách thường", Fix: strPtr(" ")})
		case isMark(r) && !unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r):
			fs = append(fs, Finding{Rule: RuleMark, Severity: Warning, Start: i, End: i + utf8.RuneLen(r),
				Msg:     fmt.Sprintf("dấu kết hợp %s không thuộc chữ tiếng Việt nào (chữ có dấu tiếng Việt đều là một ký tự)", runeName(r)),
				Suggest: "xóa dấu này rồi gõ lại chữ bằng bộ gõ tiếng Việt (Unicode dựng sẵn)"})
		}
	}
	return fs
}

// onlyLatinText reports whether every rune of s is below U+0300, in
// Latin Extended Additional (U+1E00–U+1EFF) or one of the dashes and
// quotation marks U+2010–U+2027, as in most Vietnamese text: then s has no
// letter of another script (scriptOf), no special space and no combining
// mark, and lookAlikeFindings none. It looks at the UTF-8 bytes: a lead
// byte below 0xCC (U+0300 is CC 80), E1 B8–BB or E2 80 90–A7.
func onlyLatinText(s string) bool {
	for i := 0; i < len(s); i++ {
		b := s[i]
		switch {
		case b < 0xCC:
		case b == 0xE1 && i+1 < len(s) && s[i+1] >= 0xB8 && s[i+1] <= 0xBB:
			i++
		case b == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] >= 0x90 && s[i+2] <= 0xA7:
			i += 2 // U+2010–U+2027: dashes, quotation marks, …
		default:
			return false
		}
	}
	return true
}

// wordSpans are the runs of letters and marks of s (a word in any script).
func wordSpans(s string) []span {
	var out []span
	start := -1
	for i, r := range s {
		var in bool
		if r < utf8.RuneSelf { // no ASCII mark; the letters without a table
			in = 'a' <= r|0x20 && r|0x20 <= 'z'
		} else {
			in = isLetter(r) || isMark(r)
		}
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, span{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, span{start, len(s)})
	}
	return out
}
