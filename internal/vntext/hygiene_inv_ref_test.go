package vntext

import (
	"fmt"
	"reflect"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/runenames"
)

// invisibleFindingsRef is invisibleFindings as it was before it skipped
// the common runes by their bytes.
func invisibleFindingsRef(s string) []Finding {
	var fs []Finding
	for i, r := range s {
		if r >= 0x20 && r < 0x7F || r >= 0xC0 && r < 0x300 || r >= 0x1E00 && r <= 0x1EFF || r >= 0x2010 && r <= 0x2027 {
			continue // printable ASCII, Vietnamese's letters, dashes and quotation marks (TestInvisibleSkipsLetters)
		}
		if r > 0xFFFF {
			fs = append(fs, Finding{Rule: RuleNonBMP, Severity: Warning, Start: i, End: i + utf8.RuneLen(r),
				Msg:     fmt.Sprintf("ký tự “%c” (U+%04X) nằm ngoài mặt phẳng cơ bản của Unicode (thường là biểu tượng cảm xúc); phông Times New Roman không có ký tự này", r, r),
				Suggest: "xóa ký tự hoặc thay bằng chữ"})
			continue
		}
		name, bad := invisibleNames(r)
		switch {
		case bad:
		case r == '\t' || r == '\n' || r == '\r':
			continue
		case r < 0x20 || (r >= 0x7F && r <= 0x9F):
			name, bad = "ký tự điều khiển", true
		case (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069):
			name, bad = "ký tự điều khiển hướng chữ (bidi)", true
		case (r >= 0x2061 && r <= 0x2064) || (r >= 0xFE00 && r <= 0xFE0E) || (r >= 0xFFF9 && r <= 0xFFFB) || r == 0x180E:
			name, bad = "ký tự định dạng ẩn", true
		case unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r) || unicode.Is(unicode.Variation_Selector, r):
			// U+034F COMBINING GRAPHEME JOINER, the Hangul fillers, …:
			// not format characters, yet drawn as nothing.
			name, bad = "ký tự vô hình "+runenames.Name(r), true
		}
		if !bad {
			continue
		}
		n := utf8.RuneLen(r)
		f := Finding{Rule: RuleInvisible, Severity: Error, Start: i, End: i + n,
			Msg:     fmt.Sprintf("có ký tự ẩn U+%04X: %s", r, name),
			Suggest: "xóa ký tự này (thường do dán từ trang web hoặc PDF)",
			Fix:     strPtr("")}
		switch r {
		case 0xFFFD:
			f.Suggest = "gõ lại chữ bị hỏng ở vị trí này"
			f.Fix = nil
		case 0x2028, 0x2029:
			f.Suggest = "thay bằng xuống dòng thường"
			f.Fix = strPtr("\n")
		}
		fs = append(fs, f)
	}
	return fs
}

// invisibleFindings finds what the reference finds on the YAML lines of
// the repository, every rune between letters, and invalid or cut UTF-8.
func TestInvisibleFindingsSameAsRef(t *testing.T) {
	samples := classreSamples(t)
	for r := rune(0); r <= unicode.MaxRune; r += 1 + r/4096 {
		samples = append(samples, "aệ"+string(r)+"“x", string(r))
	}
	for _, s := range []string{"\xc3", "\xe1\xb8", "\xe2\x80", "\xc3\xc3", "\xe1\xbb\x41", "\xe2\x80\x8b", "\x00\x7f\u00ad", "a\xffb"} {
		samples = append(samples, s, "x"+s+"ệ")
	}
	for _, s := range samples {
		if got, want := invisibleFindings(s), invisibleFindingsRef(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("invisibleFindings(%q) = %+v, want %+v", s, got, want)
		}
	}
}
