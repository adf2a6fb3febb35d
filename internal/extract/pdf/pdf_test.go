package pdf

import (
	"math/rand"
	"testing"

	"kehoach/internal/extract/limits"
)

// TestSegments: overlapping ranges keep the codes of the first range
// that covers them, as a scan in order would; the result is sorted and
// disjoint, so that lookups can search it.
func TestSegments(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for round := 0; round < 200; round++ {
		n := 1 + rng.Intn(20)
		ws := make([]widthRange, n)
		for i := range ws {
			lo := uint32(rng.Intn(200))
			hi := lo + uint32(rng.Intn(30))
			ws[i] = widthRange{lo: lo, hi: hi, w: []float64{float64(i)}}
			if rng.Intn(2) == 0 {
				ws[i].w = make([]float64, hi-lo+1)
				for k := range ws[i].w {
					ws[i].w[k] = float64(1000*i + k)
				}
			}
		}
		scan := func(code uint32) float64 { // the reader before: first match in /W order
			for _, r := range ws {
				if code >= r.lo && code <= r.hi {
					if len(r.w) == 1 {
						return r.w[0]
					}
					return r.w[code-r.lo]
				}
			}
			return -1
		}
		f := &font{widths: sortWidths(append([]widthRange(nil), ws...)), dw: -1}
		for i := 1; i < len(f.widths); i++ {
			if f.widths[i].lo <= f.widths[i-1].hi {
				t.Fatalf("ranges overlap: %v", f.widths)
			}
		}
		for code := uint32(0); code < 240; code++ {
			if got, want := f.width(code), scan(code); got != want {
				t.Fatalf("round %d, code %d: width %v, want %v (ranges %v)", round, code, got, want, ws)
			}
		}
	}
}

// TestCMapRanges: the narrowest range holding a code maps it, whatever
// the order of the bfrange entries, and a code past every range is U+FFFD.
func TestCMapRanges(t *testing.T) {
	cm := "1 beginbfrange\n<0000> <FFFF> <0041>\nendbfrange\n2 beginbfrange\n<0010> <0020> <0061>\n<0018> <0019> <0030>\nendbfrange\n1 beginbfchar\n<0019> <005A>\nendbfchar"
	c, err := parseCMap([]byte(cm), limits.NewBudget())
	if err != nil {
		t.Fatal(err)
	}
	for code, want := range map[uint32]string{0: "A", 1: "B", 0x10: "a", 0x11: "b", 0x17: "h", 0x18: "0", 0x19: "Z", 0x1a: "k", 0x21: "\u0062", 0x10000: "\uFFFD"} {
		if got := c.lookup(code); got != want {
			t.Errorf("code %#x: %q, want %q", code, got, want)
		}
	}
}
