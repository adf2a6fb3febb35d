package vntext

import (
	"strings"
	"testing"
	"unicode"
)

func TestLookAlikes(t *testing.T) {
	t.Parallel()
	rules := func(s string, o Options) string {
		var out []string
		for _, f := range Check(s, o) {
			if f.Rule == RuleLookAlike || f.Rule == RuleMark || f.Rule == RuleInvisible {
				fix := "-"
				if f.Fix != nil {
					fix = *f.Fix
				}
				out = append(out, f.Rule+"@"+Normalise(s)[f.Start:f.End]+"→"+fix)
			}
		}
		return strings.Join(out, " ")
	}
	for _, c := range []struct {
		in   string
		name bool
		exc  []string
		want string
	}{
		{"Xã Мường Khoa", false, nil, "chu-giong@М→M"},          // a mixed word, in any text
		{"Phòng Kinh tе", false, nil, "chu-giong@е→e"},          // Cyrillic ie
		{"theo tiếng Nga Москва", false, nil, ""},               // a foreign word in prose
		{"Москва", true, nil, "chu-giong@Москва→-"},             // in a name: every letter, no fix
		{"Bản Мường", true, []string{"Мường"}, ""},              // declared in ngoai_le
		{"hệ số α", false, nil, ""},                             // a Greek letter alone in prose
		{"Mường\u2009Khoa", false, nil, "chu-giong@\u2009→ "},   // thin space
		{"Nguyễn\u034f Văn A", true, nil, "unicode-an@\u034f→"}, // invisible joiner
		{"t\u0338ên", false, nil, "unicode-dau@\u0338→-"},       // stray combining mark
		{"Mường Khoa, 5 µg", true, nil, ""},                     // micro sign is not Greek
	} {
		if got := rules(c.in, Options{Name: c.name, Exceptions: c.exc}); got != c.want {
			t.Errorf("%q (name %v): %s, want %s", c.in, c.name, got, c.want)
		}
	}
}

// The fast paths of isLatin, isMark and scriptOf answer as the Unicode
// tables do, for every code point.
func TestScriptFastPaths(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isLatin(r) != unicode.Is(unicode.Latin, r) {
			t.Fatalf("isLatin(%U) = %v", r, isLatin(r))
		}
		if isMark(r) != unicode.In(r, unicode.Mn, unicode.Me) {
			t.Fatalf("isMark(%U) = %v", r, isMark(r))
		}
		want := ""
		for _, s := range scripts {
			if unicode.Is(s.table, r) {
				want = s.name
				break
			}
		}
		if got := scriptOf(r); got != want {
			t.Fatalf("scriptOf(%U) = %q, want %q", r, got, want)
		}
	}
}

// lowerRune is unicode.ToLower for every code point.
func TestLowerRune(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		if lowerRune(r) != unicode.ToLower(r) {
			t.Fatalf("lowerRune(%U) = %U, want %U", r, lowerRune(r), unicode.ToLower(r))
		}
	}
}

// onlyLatinText, read from the UTF-8 bytes, agrees with the runes it
// stands for: each below U+0300, in U+1E00–U+1EFF or in U+2010–U+2027.
func TestOnlyLatinText(t *testing.T) {
	want := func(s string) bool {
		for _, r := range s {
			if r >= 0x300 && (r < 0x1E00 || r > 0x1EFF) && (r < 0x2010 || r > 0x2027) {
				return false
			}
		}
		return true
	}
	for _, s := range []string{"", "Xã Mường Khoa, huyện Tân Uyên", "ỹ ạ Ỷ ẞ", "\u02ff", "\u0300", "Мường", "a\u2009b", "\u1dff", "\u1f00", "x\u0301", "\U0001F600", "ĐẮK LẮK", "“Nông thôn mới” – 2025…", "\u2028", "\u200f"} {
		if got := onlyLatinText(s); got != want(s) {
			t.Errorf("onlyLatinText(%q) = %v", s, got)
		}
	}
	for r := rune(0); r < 0x20000; r++ {
		if s := string(r); onlyLatinText(s) != want(s) {
			t.Fatalf("onlyLatinText(%U) = %v", r, onlyLatinText(s))
		}
	}
}
