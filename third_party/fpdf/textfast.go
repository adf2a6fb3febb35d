// Copyright ©2026 The kehoach authors. Use of this source code is governed
// by the MIT licence of this package (see LICENSE).

package fpdf

import (
	"bytes"
	"strconv"
)

// kehoach patch 7: Text in a UTF-8 font, the call kehoach makes for every
// word it draws, built its "BT x y Td (…) Tj ET" line with fmt.Sprintf
// after converting the text to a UTF-16 string and escaping it with four
// strings.Replace, and wrote every rune into the font's used-rune map. It
// now appends the same line straight to the page, and writes a rune into
// the map only when it is not there yet with itself as value. The numbers
// of the drawing operators (putF64: lines, rectangles) are appended to the
// page as bytes rather than made into strings first. The bytes written are
// the same.

// usedBitsRunes bounds the runes a font's usedBits covers: up to U+1FFF,
// past Vietnamese (U+1EA0–U+1EF9), 1 KiB a font of a document.
const usedBitsRunes = 0x2000

// textFast writes what Text writes for the common case (a UTF-8 font, left
// to right, no underline or strike-out; with patch 13 also when the text
// colour differs from the fill colour, which Text then writes around the
// line) and reports whether it did; Text does the rest as upstream does.
func (f *Fpdf) textFast(x, y float64, txtStr string) bool {
	if !f.isCurrentUTF8 || f.isRTL || f.underline || f.strikeout {
		f.closeText() // kehoach patch 17: Text writes its own text object
		return false
	}
	used, bits := f.currentFont.usedRunes, f.currentFont.usedBits
	for _, uni := range txtStr {
		// kehoach patch 19: a rune marked before is known by its bit,
		// without the map lookup (3 % of a kehoach build).
		if bits != nil && uni < usedBitsRunes && bits[uni>>6]&(1<<(uni&63)) != 0 {
			continue
		}
		if v, ok := used[int(uni)]; !ok || v != int(uni) { // 0–56 start at 0
			used[int(uni)] = int(uni)
		}
		if bits != nil && uni < usedBitsRunes {
			bits[uni>>6] |= 1 << (uni & 63)
		}
	}
	if f.textInObject(x, y, txtStr) { // kehoach patch 17
		return true
	}
	var w *bytes.Buffer
	if f.state == 2 {
		w = f.pages[f.page]
	} else {
		w = &f.buffer.Buffer
	}
	b := f.fmt.buf[:0]
	if f.colorFlag { // kehoach patch 13: "q colour BT … ET Q", as Text writes it
		b = append(b, "q "...)
		b = append(b, f.color.text.str...)
		b = append(b, ' ')
	}
	b = append(b, "BT "...)
	b = strconv.AppendFloat(b, x*f.k, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, (f.h-y)*f.k, 'f', 2, 64)
	b = append(b, " Td ("...)
	b = appendEscapedUTF16(b, txtStr)
	b = append(b, ") Tj ET"...)
	if f.colorFlag {
		b = append(b, " Q"...)
	}
	b = append(b, '\n')
	w.Write(b)
	f.fmt.buf = b[:0]
	return true
}

// appendEscapedUTF16 appends to b what f.escape(utf8toutf16(s, false))
// returns: s in UTF-16 big-endian as utf8toutf16 converts it, with
// backslash, parentheses and carriage return escaped.
func appendEscapedUTF16(b []byte, s string) []byte {
	put := func(b []byte, c byte) []byte {
		switch c {
		case '\\', '(', ')':
			return append(b, '\\', c)
		case '\r':
			return append(b, '\\', 'r')
		}
		return append(b, c)
	}
	nb := len(s)
	i := 0
	for i < nb {
		c1 := s[i]
		i++
		switch {
		case c1 >= 224:
			c2 := s[i]
			i++
			c3 := s[i]
			i++
			b = put(b, ((c1&0x0F)<<4)+((c2&0x3C)>>2))
			b = put(b, ((c2&0x03)<<6)+(c3&0x3F))
		case c1 >= 192:
			c2 := s[i]
			i++
			b = put(b, (c1&0x1C)>>2)
			b = put(b, ((c1&0x03)<<6)+(c2&0x3F))
		default:
			b = put(b, 0)
			b = put(b, c1)
		}
	}
	return b
}

// putF64Bytes writes what f.put(f.fmtF64(v, prec)) writes, without the
// string; with kehoach patch 18, for two decimals (the coordinates of
// lines, rectangles and polygons), the same number without its trailing
// zeros ("85", "85.5", "0" for "85.00", "85.50", "-0.00"), counted
// without formatting it (hundredthsOf, patch 16).
func (f *Fpdf) putF64Bytes(v float64, prec int) {
	var b []byte
	if prec == 2 {
		b = appendHundredths(f.fmt.buf[:0], hundredthsOf(v))
	} else {
		b = strconv.AppendFloat(f.fmt.buf[:0], v, 'f', prec, 64)
	}
	if f.state == 2 {
		f.pages[f.page].Write(b)
	} else {
		f.buffer.Write(b)
	}
	f.fmt.buf = b[:0]
}
