// Copyright ©2026 The kehoach authors. Use of this source code is governed
// by the MIT licence of this package (see LICENSE).

package fpdf

import (
	"math"
	"strconv"
)

// kehoach patch 17: Text writes one text object per call ("BT x y Td (…)
// Tj ET"), and SetFont one of its own ("BT /F… size Tf ET"); kehoach draws
// every word of a justified line with its own Text call, so a page holds a
// text object, with both coordinates written in full, for every word.
// Between BeginText and EndText, Text (in its fast form, patch 7) and
// SetFont write into one text object instead: its first word is placed
// with an absolute "x y Td" at the position Text writes (trailing zeros
// left out), the first word of each new line
// (another y) with "1 0 0 1 x y Tm", as absolute, each following word of
// a line with a Td relative to the one before (the difference of the two
// positions Text would have written, in hundredths of a point, so every
// word starts where its own text object would have started it), and a
// font change is a "/F… size Tf" inside the object. When the text colour
// differs from the fill colour (where Text writes "q colour … Q" around
// its object) the object sets the text colour after BT and the fill
// colour again after ET; q … Q cannot hold the object, as it would undo
// the Tf written inside.

// textObject is the state of the text object BeginText started.
type textObject struct {
	on     bool    // between BeginText and EndText
	open   bool    // "BT" written, "ET" not yet
	placed bool    // a word placed in the open object: x, y are its position
	x, y   int64   // position of the last Td or Tm, in hundredths of a point
	yIn    float64 // the y, in user units, Text was given for it
	colour string  // the text colour written after BT, "" when none
	end    int     // the page's length after the object's last bytes
}

// BeginText starts writing the text of the following Text and SetFont
// calls on the current page into one PDF text object, until EndText or
// the end of the page. In between, nothing but Text, SetFont, SetFontSize
// and the colour setters may write to the page (a line or rectangle drawn
// then would be written inside the text object): call EndText first.
func (f *Fpdf) BeginText() {
	f.EndText()
	f.textObj.on = f.state == 2
}

// EndText ends the text object BeginText started, writing its ET.
func (f *Fpdf) EndText() {
	f.closeText()
	f.textObj.on = false
}

// closeText writes the ET of the open text object, if any, and the fill
// colour when the object set the text colour.
func (f *Fpdf) closeText() {
	t := &f.textObj
	if !t.open {
		return
	}
	b := append(f.fmt.buf[:0], "ET"...)
	if t.colour != "" {
		b = append(b, ' ')
		b = append(b, f.color.fill.str...)
	}
	b = append(b, '\n')
	f.pages[f.page].Write(b)
	f.fmt.buf = b[:0]
	t.open, t.placed, t.colour = false, false, ""
}

// openText appends to b the "BT" that opens a text object, with the text
// colour when it differs from the fill colour, closing first an open
// object whose colour is not the one wanted now; b must be empty when an
// object may be closed. An object is also closed when something else was
// written to the page while it was open (a colour setter writes its colour
// into the object, where it would colour the text that follows).
func (f *Fpdf) openText(b []byte) []byte {
	t := &f.textObj
	want := ""
	if f.colorFlag {
		want = f.color.text.str
	}
	if t.open && (t.colour != want || f.pages[f.page].Len() != t.end) {
		f.closeText()
		b = f.fmt.buf[:0]
	}
	if t.open {
		return b
	}
	b = append(b, "BT "...)
	if want != "" {
		b = append(b, want...)
		b = append(b, ' ')
	}
	t.open, t.placed, t.colour = true, false, want
	return b
}

// textFontInObject writes SetFont's Tf inside the text object, opening
// it, and reports whether it did (false: no text object is being written).
func (f *Fpdf) textFontInObject() bool {
	if !f.textObj.on || f.state != 2 {
		return false
	}
	b := f.openText(f.fmt.buf[:0])
	b = append(b, "/F"...)
	b = append(b, f.currentFont.i...)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, f.fontSizePt, 'f', 2, 64)
	b = append(b, " Tf\n"...)
	f.pages[f.page].Write(b)
	f.fmt.buf = b[:0]
	f.textObj.end = f.pages[f.page].Len()
	return true
}

// textInObject writes the word textFast draws into the text object, and
// reports whether it did (false: no text object is being written).
func (f *Fpdf) textInObject(x, y float64, txtStr string) bool {
	t := &f.textObj
	if !t.on || f.state != 2 {
		return false
	}
	// The position Text writes, in hundredths; words of a line share their
	// y.
	x100 := hundredthsOf(x * f.k)
	y100 := t.y
	if !t.placed || y != t.yIn {
		y100 = hundredthsOf((f.h - y) * f.k)
	}
	t.yIn = y
	b := f.openText(f.fmt.buf[:0])
	op := " Td ("
	switch {
	case !t.placed:
		b = appendHundredths(b, x100)
		b = append(b, ' ')
		b = appendHundredths(b, y100)
	case y100 != t.y:
		// A new line starts at the place Text gives it, "1 0 0 1 x y Tm"
		// being as exact as a new object's "x y Td": a viewer's sum of
		// the moves (in floating point) never shifts a baseline by its
		// rounding error; along a line it may, by some 1e-13 pt.
		b = append(b, "1 0 0 1 "...)
		b = appendHundredths(b, x100)
		b = append(b, ' ')
		b = appendHundredths(b, y100)
		op = " Tm ("
	default:
		b = appendHundredths(b, x100-t.x)
		b = append(b, ' ')
		b = appendHundredths(b, y100-t.y)
	}
	t.placed, t.x, t.y = true, x100, y100
	b = append(b, op...)
	b = appendEscapedUTF16(b, txtStr)
	b = append(b, ") Tj\n"...)
	f.pages[f.page].Write(b)
	f.fmt.buf = b[:0]
	f.textObj.end = f.pages[f.page].Len()
	return true
}

// hundredthsOf returns v in hundredths as strconv.AppendFloat(v, 'f', 2)
// rounds it (the number Text writes): from v*100 where that product
// cannot be on the other side of a half than v's exact value, else from
// AppendFloat's digits.
func hundredthsOf(v float64) int64 {
	r := v * 100
	if math.Abs(r) < 1<<50 {
		n := math.Floor(r)
		if frac := r - n; math.Abs(frac-0.5) > 1e-6 {
			if frac > 0.5 {
				n++
			}
			return int64(n)
		}
	}
	var num [32]byte
	return hundredths(strconv.AppendFloat(num[:0], v, 'f', 2, 64))
}

// hundredths reads a number strconv.AppendFloat wrote with two decimals
// as a count of hundredths.
func hundredths(b []byte) int64 {
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	var n int64
	for _, c := range b {
		if c != '.' {
			n = n*10 + int64(c-'0')
		}
	}
	if neg {
		return -n
	}
	return n
}

// appendHundredths appends n hundredths as a PDF number, without trailing
// zeros ("28.68", "28.7", "28", "0", "-0.05").
func appendHundredths(b []byte, n int64) []byte {
	if n == 0 { // the y move along a line
		return append(b, '0')
	}
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	b = strconv.AppendInt(b, n/100, 10)
	switch c := n % 100; {
	case c == 0:
	case c%10 == 0:
		b = append(b, '.', byte('0'+c/10))
	default:
		b = append(b, '.', byte('0'+c/10), byte('0'+c%10))
	}
	return b
}
