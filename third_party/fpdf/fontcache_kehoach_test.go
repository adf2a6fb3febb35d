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

// utf8Doc writes a one-page document in the TrueType font ttf.
func utf8Doc(ttf []byte) ([]byte, error) {
	pdf := New("P", "mm", "A4", "")
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

// kehoach patch 3: the second and later documents registering the same
// bytes reuse the parsed font, at once from several goroutines, and write
// the bytes a document that parsed the font itself writes.
func TestFontCacheSameBytes(t *testing.T) {
	ttf := readTTF(t)
	first, err := utf8Doc(ttf)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := parsedFonts.Load(keyOf(ttf, "")); !ok {
		t.Error("the parsed font is not cached")
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			again, err := utf8Doc(ttf)
			if err != nil || !bytes.Equal(again, first) {
				t.Errorf("a document from the cached font differs (%v)", err)
			}
		}()
	}
	wg.Wait()
	// A copy of the bytes is another key: parsed afresh.
	fresh, err := utf8Doc(bytes.Clone(ttf))
	if err != nil || !bytes.Equal(fresh, first) {
		t.Errorf("a document that parsed the font itself differs (%v)", err)
	}
	if !bytes.Contains(first, []byte("/FontFile2")) {
		t.Error("the font is not embedded")
	}
}
