package vntext

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"kehoach/internal/testkit"
)

func TestLowerSameLen(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"đã lower case, 2025", "đã lower case, 2025"},
		{"abc", "abc"},
		{"UBND Xã Mường Khoa", "ubnd xã mường khoa"},
		{"kế hoạch SỐ 12/KH-UBND", "kế hoạch số 12/kh-ubnd"},
		{"ẠẦƯỚ", "ạầướ"},
		{"Ⱥ", "Ⱥ"},                         // ⱥ is one byte longer: kept
		{"KELVIN \u212a", "kelvin \u212a"}, // K sign lowers to one-byte k: kept
	}
	for _, tt := range tests {
		if got := lowerSameLen(tt.in); got != tt.want || len(got) != len(tt.in) {
			t.Errorf("lowerSameLen(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIsWordRune(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ { // ASCII and Vietnamese's letters take shortcuts
		want := unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
		if got := isWordRune(r); got != want {
			t.Errorf("isWordRune(%q) = %v, want %v", r, got, want)
		}
	}
	for _, r := range "ạầưđÂ\u0301" {
		if !isWordRune(r) {
			t.Errorf("isWordRune(%q) = false", r)
		}
	}
}

// toLower is strings.ToLower, invalid UTF-8 included.
func TestToLower(t *testing.T) {
	tests := []string{
		"", "abc", "ABC", "đã xong", "ĐÃ XONG", "Ủy Ban Nhân Dân", "UBND xã Mường Khoa",
		"lỗi\xffbyte", "LỖI\xff", "\xe1\xba", "ký tự \ufffd thay thế", "ΑΒΓ Ωμέγα", "İstanbul", "\u212a",
	}
	for _, s := range tests {
		if got, want := toLower(s), strings.ToLower(s); got != want {
			t.Errorf("toLower(%q) = %q, want %q", s, got, want)
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		s := "a" + string(r) + "Z"
		if got, want := toLower(s), strings.ToLower(s); got != want {
			t.Fatalf("toLower(%q) = %q, want %q", s, got, want)
		}
	}
}

// legacyLooking skips the VNI mark table below U+00C0: no rune there is,
// or lower-cases to, a mark.
func TestNoVNIMarkBelowC0(t *testing.T) {
	for r := rune(0); r < 0xC0; r++ {
		if _, mark := vniMarks[lowerRune(r)]; mark {
			t.Errorf("%U lower-cases to the VNI mark %q", r, lowerRune(r))
		}
	}
}

// anyLegacyLooking looks at the chunks strings.Fields gives.
func TestAnyLegacyLooking(t *testing.T) {
	tests := []string{
		"", "   ", "kế hoạch năm 2025", "keá hoaïch", "  keá\u00a0hoaïch  ", "kÕ ho¹ch", "giá là có dân",
		"Xaõ\tMöôøng\nKhoa", "tab\tonly", "cuối keá", "keá cuối",
	}
	for _, s := range tests {
		want := false
		for _, w := range strings.Fields(s) {
			want = want || legacyLooking(w)
		}
		if got := anyLegacyLooking(s); got != want {
			t.Errorf("anyLegacyLooking(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestIsKeyRuneASCII(t *testing.T) {
	for r := rune(-1); r < 0x80; r++ {
		want := unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.IsDigit(r)
		if got := isKeyRune(r); got != want {
			t.Errorf("isKeyRune(%q) = %v, want %v", r, got, want)
		}
	}
	for _, tt := range []struct {
		s    string
		i    int
		want string
	}{{"UBND xã", 0, "UBND"}, {"xã 2025, năm", 4, "2025"}, {"Mường Khoa", 0, "Mường"}, {"a-b", 1, ""}, {"", 0, ""}, {"ab\xffc", 0, "ab"}} {
		if got := keyRun(tt.s, tt.i); got != tt.want {
			t.Errorf("keyRun(%q, %d) = %q, want %q", tt.s, tt.i, got, tt.want)
		}
	}
}

// lowerFromAsRef is lowerFromAs as it was before its table shortcut.
func lowerFromAsRef(s string, i int, sameLen bool) string {
	var b strings.Builder
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
			continue
		}
		l := lowerRune(r)
		if sameLen && utf8.RuneLen(l) != utf8.RuneLen(r) {
			l = r
		}
		b.WriteRune(l)
	}
	return b.String()
}

// lowerFromAs gives the reference's string for every rune after a prefix
// (both modes), for invalid and cut sequences, and for random strings.
func TestLowerFromAsSameAsRef(t *testing.T) {
	check := func(s string, i int) {
		t.Helper()
		for _, same := range []bool{false, true} {
			if got, want := lowerFromAs(s, i, same), lowerFromAsRef(s, i, same); got != want {
				t.Fatalf("lowerFromAs(%q, %d, %v) = %q, want %q", s, i, same, got, want)
			}
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		check("Ab"+string(r)+"Ẫ", 1)
	}
	for _, s := range []string{"", "\xc2", "\xc9\x80", "\xc9\xbf", "\xca\x80", "\xc8", "a\xc8", "\xc8\xc8\x80", "\xff\xfe", "Ư\xe1\xbaẠ"} {
		check(s, 0)
	}
	alphabet := []string{"A", "a", "Ư", "ư", "Đ", "Ạ", "ẫ", "İ", "Ⱥ", "\u212a", "ǅ", "\xc4", "\xbf", "\xe1", " ", "Σ"}
	for _, s := range testkit.RandomStrings(20000, 10, alphabet) {
		check(s, 0)
		if got, want := toLower(s), strings.ToLower(s); got != want {
			t.Fatalf("toLower(%q) = %q, want %q", s, got, want)
		}
	}
}

// latin2 and viet3 decode exactly the runes of their ranges, and no cut
// or invalid sequence.
func TestLatin2Viet3(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		s := string(r)
		if got, ok := latin2(s, 0); ok != (r >= 0x80 && r < 0x250) || ok && got != r {
			t.Fatalf("latin2(%U) = %U %v", r, got, ok)
		}
		if got, ok := viet3(s, 0); ok != (r >= 0x1EA0 && r <= 0x1EFF) || ok && got != r {
			t.Fatalf("viet3(%U) = %U %v", r, got, ok)
		}
		if len(s) > 1 {
			if _, ok := latin2(s[:len(s)-1], 0); ok {
				t.Fatalf("latin2 takes cut %U", r)
			}
			if _, ok := viet3(s[:len(s)-1], 0); ok {
				t.Fatalf("viet3 takes cut %U", r)
			}
		}
	}
	for _, s := range []string{"\xe1\xba\x41", "\xe1\xbb\xc0", "\xc4\x41", "\xc4\xc4"} {
		if _, ok := latin2(s, 0); ok {
			t.Errorf("latin2(%q)", s)
		}
		if _, ok := viet3(s, 0); ok {
			t.Errorf("viet3(%q)", s)
		}
	}
}
