// Copyright ©2026 The kehoach authors. Use of this source code is governed
// by the MIT licence of this package (see LICENSE).

package fpdf

import (
	"maps"
	"testing"
)

// kehoach patch 7: Text in a UTF-8 font writes the line upstream's
// Sprintf wrote, byte for byte, and leaves the used-rune map as upstream's
// loop did (runes 0–56 start with the value 0), for escapes, digits,
// Vietnamese, four-byte characters and coordinates that round, are
// negative or zero; with patch 13 also when the text colour differs from
// the fill colour (the line between "q colour" and "Q").
func TestTextFastSameLine(t *testing.T) {
	ttf := readTTF(t)
	texts := []string{
		"Kế", "hoạch", "(1.304", "triệu)", `a\b`, "x\ry", "0123456789,.;:", " ", "",
		"ĐẢNG", "ỹ", "😀", "\u0100(\u0129)", "\u005c\u0028",
	}
	pts := [][2]float64{{20, 30.005}, {0, 0}, {-1.2345, 296.999}, {105.125, 148.5}, {1e-9, 1e5}}
	colours := []func(*Fpdf){
		func(*Fpdf) {},
		func(f *Fpdf) { f.SetFillColor(217, 217, 217) },
		func(f *Fpdf) { f.SetFillColor(217, 217, 217); f.SetTextColor(10, 20, 30) },
	}
	for ci, colour := range colours {
		for _, s := range texts {
			for _, p := range pts {
				pdf := New("P", "mm", "A4", "")
				pdf.AddUTF8FontFromBytes("serif", "", ttf)
				pdf.AddPage()
				pdf.SetFont("serif", "", 12)
				colour(pdf)
				if pdf.colorFlag != (ci > 0) {
					t.Fatalf("colour %d: colorFlag %v", ci, pdf.colorFlag)
				}
				want := maps.Clone(pdf.currentFont.usedRunes)
				for _, uni := range s {
					want[int(uni)] = int(uni)
				}
				line := sprintf("BT %.2f %.2f Td (%s) Tj ET", p[0]*pdf.k, (pdf.h-p[1])*pdf.k, pdf.escape(utf8toutf16(s, false)))
				if pdf.colorFlag {
					line = sprintf("q %s %s Q", pdf.color.text.str, line)
				}
				line += "\n"
				page := pdf.pages[pdf.page]
				before := page.Len()
				pdf.Text(p[0], p[1], s)
				if got := page.String()[before:]; got != line {
					t.Errorf("Text(%g, %g, %q) wrote %q, upstream %q", p[0], p[1], s, got, line)
				}
				if !maps.Equal(pdf.currentFont.usedRunes, want) {
					t.Errorf("Text(%q): used runes differ from upstream's", s)
				}
			}
		}
	}
}

// kehoach patch 7: putF64 appends the bytes fmtF64 formats, on a page and
// outside one; with patch 18, the same number without trailing zeros for
// two decimals.
func TestPutF64SameBytes(t *testing.T) {
	pdf := New("P", "mm", "A4", "")
	vals := []float64{0, -0.004, 1.005, 123456.789, -2.5, 1e-9, 3, 85.5, -0.5, 0.05, 2.675}
	for _, inPage := range []bool{false, true} {
		if inPage {
			pdf.AddPage()
		}
		for _, v := range vals {
			for _, prec := range []int{2, 5} {
				want := pdf.fmtF64(v, prec)
				if prec == 2 { // kehoach patch 18: the same number, short
					want = string(appendHundredths(nil, hundredths([]byte(want))))
				}
				buf := &pdf.buffer.Buffer
				if inPage {
					buf = pdf.pages[pdf.page]
				}
				n := buf.Len()
				pdf.putF64(v, prec)
				if got := buf.String()[n:]; got != want {
					t.Errorf("putF64(%g, %d) wrote %q, fmtF64 %q", v, prec, got, want)
				}
			}
		}
	}
}
