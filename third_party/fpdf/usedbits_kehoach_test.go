// Copyright ©2026 The kehoach authors. Use of this source code is governed
// by the MIT licence of this package (see LICENSE).

package fpdf

import (
	"bytes"
	"maps"
	"testing"
)

// kehoach patch 19: the runes a document marks through textFast with the
// bitset are the runes it marks without it (each rune in usedRunes with
// itself as value, the first 57 from 0 included), through font switches
// (SetFont copies the definition), for runes below and above
// usedBitsRunes; and the documents are the same bytes.
func TestUsedBitsSameRunes(t *testing.T) {
	ttf := readTTF(t)
	texts := []string{
		"Kế hoạch xây dựng nông thôn mới năm 2025",
		"ĐỒNG Ý — “ngoặc kép” … ≥ 54 triệu đồng, 64,3%",
		"!\"#$%&'()*+,-./0123456789:;<=>?@", // the runes 33–64, 0–56 start at 0
		"Kế hoạch", "\u00a0\u00a0\u00a0", "€ ™ ﬁ \u2212 ✓",
	}
	write := func(bits bool) ([]byte, map[int]int, map[int]int) {
		pdf := New("P", "mm", "A4", "")
		pdf.SetCompression(false)
		pdf.SetCatalogSort(true)
		pdf.SetCreationDate(fixedDate)
		pdf.SetModificationDate(fixedDate)
		pdf.AddUTF8FontFromBytes("a", "", ttf)
		pdf.AddUTF8FontFromBytes("b", "", ttf)
		if !bits {
			for k, def := range pdf.fonts {
				def.usedBits = nil
				pdf.fonts[k] = def
			}
		}
		pdf.AddPage()
		for i, s := range texts {
			for _, fam := range []string{"a", "b", "a"} {
				pdf.SetFont(fam, "", 12)
				pdf.Text(20, 20+float64(i), s)
			}
		}
		a := maps.Clone(pdf.fonts["a"].usedRunes)
		b := maps.Clone(pdf.fonts["b"].usedRunes)
		var out bytes.Buffer
		if err := pdf.Output(&out); err != nil {
			t.Fatal(err)
		}
		return out.Bytes(), a, b
	}
	doc, a, b := write(true)
	docWithout, aWithout, bWithout := write(false)
	if !maps.Equal(a, aWithout) || !maps.Equal(b, bWithout) {
		t.Errorf("used runes differ:\nwith bits    %v %v\nwithout bits %v %v", a, b, aWithout, bWithout)
	}
	if a['K'] != 'K' || a[0x1EBF] != 0x1EBF || a[0x2122] != 0x2122 || a[0xFB01] != 0xFB01 || a['!'] != '!' {
		t.Errorf("runes not marked: %v", a)
	}
	if !bytes.Equal(doc, docWithout) {
		t.Error("the documents differ")
	}
}
