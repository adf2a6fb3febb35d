// Copyright ©2026 The kehoach authors. Use of this source code is governed
// by the MIT licence of this package (see LICENSE).

package fpdf

import (
	"bytes"
	"fmt"
	"sync"
	"testing"
)

// pagesDoc writes a document of pages pages of lines lines each in the
// TrueType font ttf through cache, and writes it out twice.
func pagesDoc(ttf []byte, cache *FontCache, pages, lines int) ([]byte, []byte, error) {
	pdf := New("P", "mm", "A4", "")
	pdf.SetFontCache(cache)
	pdf.SetCompression(true)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(fixedDate)
	pdf.SetModificationDate(fixedDate)
	pdf.AddUTF8FontFromBytes("serif", "", ttf)
	for p := 0; p < pages; p++ {
		pdf.AddPage()
		pdf.SetFont("serif", "", 12)
		for l := 0; l < lines; l++ {
			pdf.Text(20, 20+float64(l), fmt.Sprintf("Trang %d, dòng %d: xây dựng nông thôn mới", p+1, l+1))
			pdf.Line(20, 21+float64(l), 190, 21+float64(l))
		}
	}
	var a, b bytes.Buffer
	if err := pdf.Output(&a); err != nil {
		return nil, nil, err
	}
	err := pdf.Output(&b)
	return a.Bytes(), b.Bytes(), err
}

// kehoach patch 11: documents that reuse the page buffers of earlier ones
// through a shared FontCache, larger and smaller, at once from several
// goroutines, write the bytes of documents without a cache, also at a
// second Output (which, as upstream's, writes what is left after the
// first: nothing); the cache keeps at most
// maxFreeBuffers buffers and remembers an output size.
func TestBufferCacheSameBytes(t *testing.T) {
	ttf := readTTF(t)
	shapes := []struct{ pages, lines int }{{1, 1}, {3, 200}, {2, 5}, {maxFreeBuffers + 5, 3}, {4, 150}}
	want := make([][]byte, len(shapes))
	wantAgain := make([][]byte, len(shapes))
	for i, s := range shapes {
		b, again, err := pagesDoc(ttf, nil, s.pages, s.lines)
		if err != nil {
			t.Fatal(err)
		}
		want[i], wantAgain[i] = b, again
	}
	cache := NewFontCache()
	var wg sync.WaitGroup
	for round := 0; round < 3; round++ {
		for i, s := range shapes {
			wg.Add(1)
			go func() {
				defer wg.Done()
				first, again, err := pagesDoc(ttf, cache, s.pages, s.lines)
				if err != nil {
					t.Error(err)
					return
				}
				if !bytes.Equal(first, want[i]) {
					t.Errorf("%d pages of %d lines through the cache: %d bytes, want %d", s.pages, s.lines, len(first), len(want[i]))
				}
				if !bytes.Equal(again, wantAgain[i]) {
					t.Errorf("%d pages of %d lines: a second Output differs", s.pages, s.lines)
				}
			}()
		}
		wg.Wait()
	}
	if n := len(cache.buffers.bufs); n == 0 || n > maxFreeBuffers {
		t.Errorf("the cache keeps %d page buffers, want 1 to %d", n, maxFreeBuffers)
	}
	if cache.buffers.out.Load() == 0 {
		t.Error("the cache remembers no output size")
	}
}
