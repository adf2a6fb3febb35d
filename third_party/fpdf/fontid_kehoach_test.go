// Copyright ©2026 The kehoach authors. Use of this source code is governed
// by the MIT licence of this package (see LICENSE).

package fpdf

import (
	"crypto/sha1"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"testing"
)

// kehoach patch 8: the font ID hashes the widths 4 KiB at a time, and is
// the ID patch 2 made with one write per width, for width tables of every
// length (a whole block, less, more, none).
func TestFontIDWidthsInBlocks(t *testing.T) {
	perWidth := func(fdt fontDefType) string {
		fdt.File = ""
		h := sha1.New()
		cw := fdt.Cw
		fdt.Cw = nil
		b, _ := json.Marshal(&fdt)
		h.Write(b)
		var buf [8]byte
		for _, w := range cw {
			binary.LittleEndian.PutUint64(buf[:], uint64(w))
			h.Write(buf[:])
		}
		return fmt.Sprintf("%x", h.Sum(nil))
	}
	pdf := New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("serif", "", readTTF(t))
	real := pdf.fonts[getFontKey(fontFamilyEscape("serif"), "")]
	for _, n := range []int{len(real.Cw), 512, 511, 513, 1, 0} {
		def := real
		def.Cw = real.Cw[:n]
		got, err := generateFontID(def)
		if want := perWidth(def); err != nil || got != want {
			t.Errorf("%d widths: ID %s, one write per width gives %s (%v)", n, got, want, err)
		}
	}
}
