// Copyright ©2026 The kehoach authors. Use of this source code is governed
// by the MIT licence of this package (see LICENSE).

package fpdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"math/rand"
	"testing"
)

// denseCIDToGIDMap is the 128 KiB map as upstream's putfonts builds it.
func denseCIDToGIDMap(codeGlyph map[int]int) []byte {
	m := make([]byte, cidMapLen)
	for cc, glyph := range codeGlyph {
		m[cc*2] = byte(glyph >> 8)
		m[cc*2+1] = byte(glyph & 0xFF)
	}
	return m
}

// kehoach patch 21: the zlib stream written from the used codes decodes
// (with the standard library's reader, which checks the Adler-32) to the
// map upstream deflated, for maps of the real face, empty, full, at both
// ends, with runs of every length around the copy lengths, and random.
func TestCIDToGIDMapDecodes(t *testing.T) {
	ttf := readTTF(t)
	pdf := New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("serif", "", ttf)
	real := map[int]int{}
	for r, g := range pdf.fonts["serif"].utf8File.charSymbolDictionary {
		if r < 65536 && len(real) < 400 {
			real[r] = g
		}
	}
	maps := []map[int]int{
		{}, {0: 1}, {65535: 0xFFFF}, {0: 0x0100, 1: 0x00FF, 65535: 0x1234},
		{100: 0}, real,
	}
	full := map[int]int{}
	for cc := 0; cc < 65536; cc++ {
		full[cc] = cc*7 + 1
	}
	maps = append(maps, full)
	for gap := 1; gap < 600; gap += 37 { // zero runs of 2*gap-1 … bytes between codes
		m := map[int]int{}
		for cc := 5; cc < 65536; cc += gap {
			m[cc] = 0x0101
		}
		maps = append(maps, m)
	}
	rng := rand.New(rand.NewSource(21))
	for i := 0; i < 50; i++ {
		m := map[int]int{}
		for n := rng.Intn(300); n > 0; n-- {
			m[rng.Intn(65536)] = rng.Intn(65536)
		}
		maps = append(maps, m)
	}
	for i, m := range maps {
		mem := zlibCIDToGIDMap(m)
		zr, err := zlib.NewReader(bytes.NewReader(mem.bytes()))
		if err != nil {
			t.Fatalf("map %d: %v", i, err)
		}
		got, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("map %d (%d codes): %v", i, len(m), err)
		}
		if want := denseCIDToGIDMap(m); !bytes.Equal(got, want) {
			t.Fatalf("map %d (%d codes) decodes to another map (%d bytes)", i, len(m), len(got))
		}
		if len(m) < 1000 && mem.buf.Len() > 6*len(m)+200 { // a code: two literals and a zero run, under 6 bytes
			t.Errorf("map %d: %d codes take %d bytes", i, len(m), mem.buf.Len())
		}
		mem.release()
	}
}
