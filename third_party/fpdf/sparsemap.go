// Copyright ©2026 The kehoach authors. Use of this source code is governed
// by the MIT licence of this package (see LICENSE).

package fpdf

import (
	"math/bits"
	"slices"
	"sync"
)

// kehoach patch 21: a face's CIDToGIDMap is 128 KiB (two bytes for each of
// the 65,536 codes) of which a document uses some hundred codes: the rest
// is zeros. Deflating it as a whole (and summing it for zlib's Adler-32)
// cost about 5 % of a one-plan kehoach build, for four faces. The zlib
// stream is now written straight from the codes used: one final block of
// deflate (RFC 1951) with a Huffman code made for such maps, the used
// bytes as literals and each run of zeros as a zero and copies of it
// (distance 1, up to 258 bytes each; a copy of 258 costs two bits), and
// the Adler-32 of the 128 KiB worked out from the used bytes alone. It
// decodes to the same 128 KiB, in about as many bytes as the zlib writer
// gave.

// cidMapLen is the length of a CIDToGIDMap: two bytes a code.
const cidMapLen = 256 * 256 * 2

// zlibCIDToGIDMap is the zlib stream of the CIDToGIDMap of codeGlyph
// (code → glyph, two bytes big-endian per code, 0 for codes not used).
func zlibCIDToGIDMap(codeGlyph map[int]int) *membuffer {
	type used struct {
		at int
		b  byte
	}
	bytesUsed := make([]used, 0, 2*len(codeGlyph))
	for cc, glyph := range codeGlyph {
		if hi := byte(glyph >> 8); hi != 0 {
			bytesUsed = append(bytesUsed, used{cc * 2, hi})
		}
		if lo := byte(glyph); lo != 0 {
			bytesUsed = append(bytesUsed, used{cc*2 + 1, lo})
		}
	}
	slices.SortFunc(bytesUsed, func(a, b used) int { return a.at - b.at })

	mapCodeOnce.Do(func() { mapCode = makeMapCode() })
	mem := xmem.Get().(*membuffer)
	mem.buf.Reset()
	w := huffWriter{out: mem.buf.AvailableBuffer()}
	w.out = append(w.out, 0x78, 0x01) // zlib: deflate, 32 KiB window, fastest
	w.header()
	next, lastZero := 0, false
	const mod = 65521 // Adler-32
	s1, s2 := uint64(1), uint64(cidMapLen)
	for _, u := range bytesUsed {
		lastZero = w.zeros(u.at-next, lastZero)
		w.literal(u.b)
		lastZero = false
		next = u.at + 1
		s1 += uint64(u.b)
		s2 += uint64(u.b) * uint64(cidMapLen-u.at)
	}
	w.zeros(cidMapLen-next, lastZero)
	w.symbol(256) // end of block
	if w.n > 0 {
		w.out = append(w.out, byte(w.acc))
	}
	s1, s2 = s1%mod, s2%mod
	w.out = append(w.out, byte(s2>>8), byte(s2), byte(s1>>8), byte(s1))
	mem.buf.Write(w.out)
	return mem
}

// The block's code: a copy of 258 (symbol 285) one bit, every other
// literal/length symbol 9 bits (literals 0-197, end of block, the other
// lengths) or 10 (literals 198-255), a complete code (1/2 + 227/512 +
// 58/1024 = 1); the one distance, code 0 (distance 1), one bit.
const (
	litLenSymbols = 286
	long10From    = 198 // literals from here to 255 have 10 bits
)

// mapCode is the canonical Huffman code (RFC 1951, 3.2.2) of those
// lengths, by symbol: code and length. Made by the first map written
// (mapCodeOnce), not when the package is initialised: a program that
// links fpdf and writes no PDF (kehoach help) does not pay for it.
var (
	mapCodeOnce sync.Once
	mapCode     *[litLenSymbols]huffCode
)

// A huffCode is a symbol's code and its length in bits.
type huffCode struct {
	code uint32
	n    uint
}

// makeMapCode returns mapCode's table.
func makeMapCode() *[litLenSymbols]huffCode {
	var c [litLenSymbols]huffCode
	var count [16]int
	for sym := range c {
		c[sym].n = mapCodeLength(sym)
		count[c[sym].n]++
	}
	var next [16]uint32
	code := uint32(0)
	for n := 1; n < 16; n++ {
		code = (code + uint32(count[n-1])) << 1 // count[0] is 0: every symbol has a code
		next[n] = code
	}
	for sym := range c {
		c[sym].code = next[c[sym].n]
		next[c[sym].n]++
	}
	return &c
}

// mapCodeLength is the length of the code of literal/length symbol sym.
func mapCodeLength(sym int) uint {
	switch {
	case sym == 285:
		return 1
	case sym >= long10From && sym < 256:
		return 10
	}
	return 9
}

// huffWriter writes a deflate block with mapCode.
type huffWriter struct {
	out []byte
	acc uint64 // bits not yet in out, the first in the lowest bit
	n   uint
}

// header writes the block header: final, dynamic Huffman codes, and the
// code lengths of mapCode, themselves coded with the code-length code
// {1, 9, 10, 16: repeat the last length 3-6 times}, two bits each.
func (w *huffWriter) header() {
	w.bits(1, 1)                 // BFINAL
	w.bits(2, 2)                 // BTYPE 10: dynamic Huffman codes
	w.bits(litLenSymbols-257, 5) // HLIT
	w.bits(0, 5)                 // HDIST: one distance code
	// HCLEN: the code-length code's lengths in RFC 1951's order, up to
	// symbol 1 (the 18th).
	order := [...]int{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1}
	w.bits(uint64(len(order)-4), 4)
	clCode := map[int]uint32{1: 0, 9: 1, 10: 2, 16: 3} // canonical: four codes of two bits, by symbol
	for _, sym := range order {
		if _, ok := clCode[sym]; ok {
			w.bits(2, 3)
		} else {
			w.bits(0, 3)
		}
	}
	cl := func(sym int) { w.code(clCode[sym], 2) }
	// The lengths: runs of one length, each written as the length and
	// repeats of it; then the distance code's length, 1.
	lengths := make([]int, 0, litLenSymbols+1)
	for sym := 0; sym < litLenSymbols; sym++ {
		lengths = append(lengths, int(mapCodeLength(sym)))
	}
	lengths = append(lengths, 1)
	for i := 0; i < len(lengths); {
		j := i + 1
		for j < len(lengths) && lengths[j] == lengths[i] {
			j++
		}
		cl(lengths[i])
		for rest := j - i - 1; rest > 0; {
			if rest < 3 {
				cl(lengths[i])
				rest--
				continue
			}
			r := min(rest, 6)
			cl(16)
			w.bits(uint64(r-3), 2)
			rest -= r
		}
		i = j
	}
}

// symbol writes literal/length symbol sym.
func (w *huffWriter) symbol(sym int) {
	c := mapCode[sym] // made by zlibCIDToGIDMap
	w.code(c.code, c.n)
}

// bits writes the n low bits of v, lowest first (header fields, extra bits).
func (w *huffWriter) bits(v uint64, n uint) {
	w.acc |= v << w.n
	w.n += n
	for w.n >= 8 {
		w.out = append(w.out, byte(w.acc))
		w.acc >>= 8
		w.n -= 8
	}
}

// code writes a Huffman code of n bits, highest bit first.
func (w *huffWriter) code(c uint32, n uint) {
	w.bits(uint64(bits.Reverse32(c)>>(32-n)), n)
}

// literal writes the byte b.
func (w *huffWriter) literal(b byte) { w.symbol(int(b)) }

// lengthBase and lengthExtra are the lengths of codes 257-285 and their
// extra bits.
var (
	lengthBase  = [...]int{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lengthExtra = [...]uint{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
)

// copyLast writes a copy of length 3-258 at distance 1: the last byte
// repeated.
func (w *huffWriter) copyLast(length int) {
	i := len(lengthBase) - 1
	for lengthBase[i] > length {
		i--
	}
	w.symbol(257 + i)
	w.bits(uint64(length-lengthBase[i]), lengthExtra[i])
	w.code(0, 1) // distance code 0 (distance 1), the only one
}

// zeros writes n zero bytes, lastZero saying whether the byte before them
// is a zero (a copy of it can start at once); it reports whether the last
// byte written is a zero.
func (w *huffWriter) zeros(n int, lastZero bool) bool {
	if n == 0 {
		return lastZero
	}
	if !lastZero {
		w.literal(0)
		n--
	}
	for n >= 3 {
		m := min(n, 258)
		w.copyLast(m)
		n -= m
	}
	for ; n > 0; n-- {
		w.literal(0)
	}
	return true
}
