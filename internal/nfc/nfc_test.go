package nfc

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// quickRange reports whether r is in the runes Quick takes.
func quickRange(r rune) bool {
	return r <= 0x2FF || r >= 0x1E00 && r <= 0x1EFF || r >= 0x2002 && r <= 0x206F || r >= 0x2190 && r <= 0x22FF
}

// Every rune Quick takes is a starter (combining class 0) that NFC leaves
// alone, and no two of them, side by side, compose: so any string of them
// is NFC (a starter can only compose with the starter just before it).
// Quick takes exactly those runes, alone and in pairs.
func TestQuickRunes(t *testing.T) {
	var in []string
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := string(r)
		if Quick(s) != quickRange(r) {
			t.Fatalf("Quick(%U) = %v", r, Quick(s))
		}
		if !quickRange(r) {
			continue
		}
		if p := norm.NFC.PropertiesString(s); p.CCC() != 0 {
			t.Errorf("%U: combining class %d", r, p.CCC())
		}
		if norm.NFC.String(s) != s {
			t.Errorf("%U: NFC changes it", r)
		}
		in = append(in, s)
	}
	for _, a := range in {
		for _, b := range in {
			if p := a + b; !norm.NFC.IsNormalString(p) {
				t.Fatalf("%q: not NFC", p)
			}
		}
	}
}

// Quick refuses invalid UTF-8 and what it does not take; String is
// norm.NFC.String.
func TestQuickAndString(t *testing.T) {
	for _, c := range []struct {
		s     string
		quick bool
	}{
		{"", true},
		{"Ủy ban nhân dân xã Mường Khoa “tốt” – 2025… ≥ 90 % → ≤", true},
		{"\u218f", false}, // ↏ is past the blocks: not taken
		{"\u2300", false},
		{"a\u0301", false},  // decomposed
		{"\u2000", false},   // EN QUAD: NFC is EN SPACE
		{"\u2126", false},   // OHM SIGN: NFC is Ω
		{"\xff", false},     // invalid
		{"\xc3", false},     // cut
		{"\xe1\xba", false}, // cut
		{"\xe2\x80", false}, // cut
		{"\xe1\xbb\x41", false},
		{"\xc0\x80", false}, // overlong
		{"\xed\xa0\x80", false},
		{"日本", false},
	} {
		if got := Quick(c.s); got != c.quick {
			t.Errorf("Quick(%q) = %v, want %v", c.s, got, c.quick)
		}
		if got, want := String(c.s), norm.NFC.String(c.s); got != want {
			t.Errorf("String(%q) = %q, want %q", c.s, got, want)
		}
	}
	// Every byte string of up to three bytes over the lead and
	// continuation bytes Quick looks at.
	bs := []byte{0x00, 0x41, 0x7f, 0x80, 0x81, 0x82, 0x85, 0x86, 0x87, 0x8b, 0x8c, 0x8f, 0x90, 0xaf, 0xb0, 0xb7, 0xb8, 0xbb, 0xbc, 0xbf, 0xc0, 0xc1, 0xc2, 0xcb, 0xcc, 0xcd, 0xe0, 0xe1, 0xe2, 0xe3, 0xed, 0xef, 0xf0, 0xff}
	var walk func(prefix []byte)
	walk = func(prefix []byte) {
		s := string(prefix)
		if Quick(s) && (!utf8.ValidString(s) || !norm.NFC.IsNormalString(s)) {
			t.Fatalf("Quick(%q) but not valid NFC", s)
		}
		if String(s) != norm.NFC.String(s) {
			t.Fatalf("String(%q)", s)
		}
		if QuickBytes(prefix) != Quick(s) {
			t.Fatalf("QuickBytes(%q) = %v", s, QuickBytes(prefix))
		}
		if len(prefix) == 3 {
			return
		}
		for _, b := range bs {
			walk(append(prefix, b))
		}
	}
	walk(nil)
	if s := strings.Repeat("ệ", 100); !Quick(s) {
		t.Error("Quick refuses ệ")
	}
}
