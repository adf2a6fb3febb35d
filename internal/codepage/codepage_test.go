package codepage

import (
	"testing"

	"kehoach/internal/testkit"
)

// "Kế hoạch thực hiện đường" as Notepad's "ANSI" writes it on a
// Vietnamese Windows (base letters, combining tone marks) and on a
// Western one (what Windows-1252 lacks became '?').
const (
	vn1258 = "K\xea\xec ho\x61\xf2ch th\xfd\xf2c hi\xea\xf2n \xf0\xfd\xf5\xccng"
	we1252 = "K? ho?ch th?c hi?n ???ng, tr\xecnh \xe1p d\xf9ng c\xf2n"
)

func TestDetectDecode(t *testing.T) {
	for _, c := range []struct {
		name string
		in   string
		page int
		text string // Decode's text ("" when the page is 0)
	}{
		{"Windows-1258", vn1258, Vietnamese, "Kế hoạch thực hiện đường"},
		{"Windows-1258 capitals", "K\xca\xec HOA\xf2CH \xd0\xdd\xd5\xccNG", Vietnamese, "KẾ HOẠCH ĐƯỜNG"},
		{"Windows-1252", we1252, Western, "K? ho?ch th?c hi?n ???ng, trình áp dùng còn"},
		{"UTF-8", "Kế hoạch thực hiện đường", 0, ""},
		{"UTF-8 with a broken byte", "Kế hoạch \xff thực hiện", 0, ""},
		{"binary", "\x81\x8d\x8f\x90\x9d", 0, ""},
		{"ASCII", "Ke hoach", 0, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			page := Detect([]byte(c.in))
			if page != c.page {
				t.Fatalf("Detect = %d, want %d", page, c.page)
			}
			got, ok := Decode([]byte(c.in), page)
			if ok != (c.page != 0) || got != c.text {
				t.Errorf("Decode = %q, %v; want %q", got, ok, c.text)
			}
		})
	}
}

func TestWord(t *testing.T) {
	for _, c := range []struct {
		in   string
		off  int
		page int
		want string
	}{
		{vn1258, 1, Vietnamese, "Kế"},
		{vn1258, len("K\xea\xec ho\x61\xf2ch th\xfd"), Vietnamese, "thực"},
		{we1252, len("K? ho?ch th?c hi?n ???ng, tr"), Western, "trình"},
		{"x", 0, 0, ""},
	} {
		if got := Word([]byte(c.in), c.off, c.page); got != c.want {
			t.Errorf("Word(%q, %d) = %q, want %q", c.in, c.off, got, c.want)
		}
	}
}

func TestUTF16WithoutBOM(t *testing.T) {
	for _, c := range []struct {
		in   []byte
		want string
	}{
		{testkit.UTF16("Kế hoạch thực hiện", false), "UTF-16 LE"},
		{testkit.UTF16("Kế hoạch thực hiện", true), "UTF-16 BE"},
		{[]byte("Kế hoạch thực hiện"), ""},
		{testkit.UTF16("Kế", false), ""}, // too short to tell
		{make([]byte, 64), ""},           // NULs everywhere: not text
	} {
		if got := UTF16WithoutBOM(c.in); got != c.want {
			t.Errorf("UTF16WithoutBOM(% x) = %q, want %q", c.in, got, c.want)
		}
	}
	if n := InvalidOffset([]byte("Kế \xff")); n != len("Kế ") {
		t.Errorf("InvalidOffset = %d", n)
	}
	if n := InvalidOffset([]byte("Kế")); n != len("Kế") {
		t.Errorf("InvalidOffset of UTF-8 = %d", n)
	}
}
