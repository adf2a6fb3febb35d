// Copyright ©2026 The kehoach authors. Use of this source code is governed
// by the MIT licence of this package (see LICENSE).

package fpdf

import (
	"bytes"
	"testing"
)

// kehoach patch 12: outBytes writes what out writes for the same text, on
// a page and in the document's own buffer.
func TestOutBytesAsOut(t *testing.T) {
	lines := []string{"", "stream", "x\x00\xff\n(binary)", string(bytes.Repeat([]byte{0x78, 0x9c}, 5000))}
	for _, state := range []int{1, 2} {
		a := New("P", "mm", "A4", "")
		b := New("P", "mm", "A4", "")
		for _, f := range []*Fpdf{a, b} {
			if state == 2 {
				f.AddPage()
			}
			f.state = state
		}
		for _, l := range lines {
			a.out(l)
			b.outBytes([]byte(l))
		}
		ga, gb := a.buffer.Bytes(), b.buffer.Bytes()
		if state == 2 {
			ga, gb = a.pages[1].Bytes(), b.pages[1].Bytes()
		}
		if !bytes.Equal(ga, gb) || len(ga) == 0 {
			t.Errorf("state %d: outBytes wrote %d bytes, out %d", state, len(gb), len(ga))
		}
	}
}
