// Copyright ©2026 The kehoach authors. Use of this source code is governed
// by the MIT licence of this package (see LICENSE).

package fpdf

import (
	"bytes"
	"fmt"
	"sync"
	"testing"
)

// textDoc writes a document of two faces (regular and the same bytes as
// bold) with text, through cache, encrypted when asked.
func textDoc(ttf []byte, cache *FontCache, text string, encrypt bool) ([]byte, error) {
	pdf := New("P", "mm", "A4", "")
	pdf.SetFontCache(cache)
	pdf.SetCompression(true)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(fixedDate)
	pdf.SetModificationDate(fixedDate)
	if encrypt {
		pdf.SetProtection(0, "", "owner")
	}
	pdf.AddUTF8FontFromBytes("serif", "", ttf)
	pdf.AddUTF8FontFromBytes("serif", "B", ttf)
	pdf.AddPage()
	pdf.SetFont("serif", "", 12)
	pdf.Text(20, 30, text)
	pdf.SetFont("serif", "B", 12)
	pdf.Text(20, 40, text[:len(text)/2])
	var b bytes.Buffer
	err := pdf.Output(&b)
	return b.Bytes(), err
}

// kehoach patch 8: documents sharing a FontCache, written at once, some
// with the same characters (whose subsets are then copied from the first)
// and some with others, have the bytes of documents written without a
// cache; so do encrypted ones (which keep nothing); the kept sets are
// bounded by maxSubsets.
func TestSubsetCacheSameBytes(t *testing.T) {
	ttf := readTTF(t)
	var texts []string
	for i := range maxSubsets + 8 {
		texts = append(texts, fmt.Sprintf("Kế hoạch số %d/KH-UBND (xã Mường Khoa) — %c", i, 'A'+rune(i%26)))
	}
	texts = append(texts, texts[0], texts[1], texts[0])
	cache := NewFontCache()
	for _, encrypt := range []bool{false, true} {
		want := make([][]byte, len(texts))
		for i, s := range texts {
			b, err := textDoc(ttf, nil, s, encrypt)
			if err != nil {
				t.Fatal(err)
			}
			want[i] = b
		}
		for round := range 2 {
			var wg sync.WaitGroup
			for i, s := range texts {
				wg.Add(1)
				go func() {
					defer wg.Done()
					got, err := textDoc(ttf, cache, s, encrypt)
					if err != nil || (!encrypt && !bytes.Equal(got, want[i])) {
						t.Errorf("round %d, text %d (encrypted %v): through the cache %d bytes, without %d (%v)", round, i, encrypt, len(got), len(want[i]), err)
					}
					if encrypt && len(got) != len(want[i]) {
						t.Errorf("text %d, encrypted: %d bytes through the cache, %d without", i, len(got), len(want[i]))
					}
				}()
			}
			wg.Wait()
		}
	}
	t0, ok := cache.parsed.Load(keyOf(ttf, ""))
	if !ok {
		t.Fatal("the font is not in the cache")
	}
	sc := &t0.(*utf8FontFile).cut.subsets
	if n := len(sc.sets); n == 0 || n > maxSubsets || n != len(sc.order) {
		t.Errorf("%d character sets kept (order %d), want 1–%d", n, len(sc.order), maxSubsets)
	}
}
