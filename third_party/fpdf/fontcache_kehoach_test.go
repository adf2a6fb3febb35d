// Copyright ©2026 The kehoach authors. Use of this source code is governed
// by the MIT licence of this package (see LICENSE).

package fpdf

import (
	"bytes"
	"os"
	"sync"
	"testing"
	"time"
)

// A TrueType font with Vietnamese glyphs: kehoach's bundled Liberation
// Serif (this folder lives in kehoach's repository, two levels down).
const testTTF = "../../internal/fonts/LiberationSerif-Regular.ttf"

var fixedDate = time.Date(2025, 8, 5, 8, 0, 0, 0, time.UTC)

// utf8Doc writes a one-page document in the TrueType font ttf, parsed
// through cache.
func utf8Doc(ttf []byte, cache *FontCache) ([]byte, error) {
	pdf := New("P", "mm", "A4", "")
	pdf.SetFontCache(cache)
	pdf.SetCompression(true)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(fixedDate)
	pdf.SetModificationDate(fixedDate)
	pdf.AddUTF8FontFromBytes("serif", "", ttf)
	pdf.AddPage()
	pdf.SetFont("serif", "", 12)
	pdf.Cell(0, 10, "Kế hoạch xây dựng nông thôn mới năm 2025")
	var b bytes.Buffer
	err := pdf.Output(&b)
	return b.Bytes(), err
}

func readTTF(t *testing.T) []byte {
	t.Helper()
	ttf, err := os.ReadFile(testTTF)
	if err != nil {
		t.Fatal(err)
	}
	return ttf
}

// kehoach patch 3: the documents sharing a FontCache parse a font once, at
// once from several goroutines, and write the bytes of a document that
// parsed the font itself; a document without a cache leaves none behind.
func TestFontCacheSameBytes(t *testing.T) {
	ttf := readTTF(t)
	alone, err := utf8Doc(ttf, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(alone, []byte("/FontFile2")) {
		t.Fatal("the font is not embedded")
	}
	cache := NewFontCache()
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, err := utf8Doc(ttf, cache)
			if err != nil || !bytes.Equal(got, alone) {
				t.Errorf("a document through the cache differs from one without (%v)", err)
			}
		}()
	}
	wg.Wait()
	cached, ok := cache.parsed.Load(keyOf(ttf, ""))
	if !ok {
		t.Fatal("the parsed font is not in the cache")
	}
	// A later document shares the cached tables rather than parsing anew.
	pdf := New("P", "mm", "A4", "")
	pdf.SetFontCache(cache)
	pdf.AddUTF8FontFromBytes("serif", "", ttf)
	def, ok := pdf.fonts[getFontKey(fontFamilyEscape("serif"), "")]
	if !ok {
		t.Fatalf("font not registered: %v", pdf.Error())
	}
	if &def.utf8File.CharWidths[0] != &cached.(*utf8FontFile).CharWidths[0] {
		t.Error("a document through the cache parsed the font again")
	}
	// Another cache, or none, is another parse: nothing is shared by the process.
	other := New("P", "mm", "A4", "")
	other.AddUTF8FontFromBytes("serif", "", ttf)
	if &other.fonts[getFontKey(fontFamilyEscape("serif"), "")].utf8File.CharWidths[0] == &cached.(*utf8FontFile).CharWidths[0] {
		t.Error("a document without a cache uses the tables of one with")
	}
	if n := cache.Len(); n != 1 {
		t.Errorf("the cache holds %d fonts, want 1", n)
	}
	if n := NewFontCache().Len(); n != 0 {
		t.Errorf("a new cache holds %d fonts", n)
	}
}
