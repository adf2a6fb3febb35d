package vntext

import (
	"strings"
	"testing"
	"unicode"
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

func TestIsWordRuneASCII(t *testing.T) {
	for r := rune(-1); r < 0x80; r++ {
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
