package fonts

import (
	"math"
	"testing"
)

// Widths measured in ../shared/spec/nd30.md §1.3 with Liberation Serif.
func TestWidthsMatchSpec(t *testing.T) {
	f := Bundled()
	tests := []struct {
		text  string
		style Style
		size  float64
		cm    float64
	}{
		{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Bold, 13, 9.57},
		{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Bold, 12, 8.83},
		{"Độc lập - Tự do - Hạnh phúc", Bold, 14, 6.05},
		{"Độc lập - Tự do - Hạnh phúc", Bold, 13, 5.61},
		{"XÃ MƯỜNG KHOA", Bold, 13, 4.14},
		{"Mường Khoa, ngày 05 tháng 8 năm 2025", Italic, 14, 8.16},
	}
	for _, tc := range tests {
		got := f.WidthMM(tc.style, tc.size, tc.text) / 10
		if math.Abs(got-tc.cm) > 0.02 {
			t.Errorf("%q at %v pt = %.3f cm, want %.2f", tc.text, tc.size, got, tc.cm)
		}
	}
}

func TestVietnameseGlyphs(t *testing.T) {
	f := Bundled()
	letters := "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
	letters += "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐ≤≥“”–…"
	for s := Regular; s <= BoldItalic; s++ {
		if m := f.Missing(s, letters); len(m) > 0 {
			t.Errorf("style %d lacks %q", s, string(m))
		}
	}
	if f.HasGlyph(Regular, '😀') {
		t.Error("emoji should have no glyph")
	}
}
