// Copyright ©2026 The kehoach authors. Use of this source code is governed
// by the MIT licence of this package (see LICENSE).

package fpdf

import (
	"bytes"
	"math/rand"
	"sync"
	"testing"
)

// kehoach patch 10: streams compressed with the writers a FontCache keeps
// equal those of the pool's writers, at once from several documents and
// one after another; the cache keeps at most maxFreeWriters, and a
// document without a cache compresses as before.
func TestCompressStreamCachedWriters(t *testing.T) {
	random := make([]byte, 50_000)
	rand.New(rand.NewSource(2)).Read(random)
	inputs := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"page", bytes.Repeat([]byte("BT 56.69 742.11 Td <00410042> Tj ET\n"), 400)},
		{"random", random},
	}
	want := make([][]byte, len(inputs))
	for i, in := range inputs {
		mem := xmem.compress(in.data)
		want[i] = mem.copy()
		mem.release()
	}
	c := NewFontCache()
	docs := []*Fpdf{{fontCache: c}, {fontCache: c}, {}}
	var wg sync.WaitGroup
	for round := 0; round < 3; round++ {
		for g := 0; g < 2*maxFreeWriters; g++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				f := docs[g%len(docs)]
				for i, in := range inputs {
					mem := f.compressStream(in.data)
					if !bytes.Equal(mem.bytes(), want[i]) {
						t.Errorf("%s (cache %v): %d bytes, want %d", in.name, f.fontCache != nil, len(mem.bytes()), len(want[i]))
					}
					mem.release()
				}
			}()
		}
		wg.Wait()
	}
	if n := len(c.writers.ws); n == 0 || n > maxFreeWriters {
		t.Errorf("the cache keeps %d writers, want 1 to %d", n, maxFreeWriters)
	}
}
