// Copyright ©2026 The kehoach authors. Use of this source code is governed
// by the MIT licence of this package (see LICENSE).

package fpdf

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// kehoach patch 16: parseTables reads the widths from the cmap's
// (character, glyph) pairs; the widths, default width and character ->
// glyph map are those of upstream's glyph -> characters map and
// parseHMTXTable, for kehoach's four faces and the system's Liberation and
// DejaVu faces where installed.
func TestCMAPPairsWidths(t *testing.T) {
	faces, _ := filepath.Glob("../../internal/fonts/*.ttf")
	if len(faces) != 4 {
		t.Fatalf("%d mặt chữ trong internal/fonts, muốn 4", len(faces))
	}
	for _, pattern := range []string{"/usr/share/fonts/truetype/liberation2/*.ttf", "/usr/share/fonts/truetype/dejavu/*.ttf"} {
		more, _ := filepath.Glob(pattern)
		faces = append(faces, more...)
	}
	for _, face := range faces {
		t.Run(filepath.Base(face), func(t *testing.T) {
			ttf, err := os.ReadFile(face)
			if err != nil {
				t.Fatal(err)
			}
			got := newUTF8Font(&fileReader{array: ttf})
			if err := got.parseFile(); err != nil {
				t.Fatal(err)
			}

			// Upstream's way on the parsed tables.
			ref := newUTF8Font(&fileReader{array: ttf})
			if err := ref.parseFile(); err != nil {
				t.Fatal(err)
			}
			n := ref.parseHHEATable()
			ref.SeekTable("maxp")
			ref.skip(4)
			numSymbols := ref.readUint16()
			symbolChar := ref.generateCMAP()
			if symbolChar == nil {
				t.Fatal("không có cmap Unicode")
			}
			ref.parseHMTXTable(n, numSymbols, symbolChar, 1000.0/float64(ref.fontElementSize))

			if !slices.Equal(got.CharWidths, ref.CharWidths) {
				for i := range got.CharWidths {
					if got.CharWidths[i] != ref.CharWidths[i] {
						t.Fatalf("CharWidths[%#x] = %d, muốn %d", i, got.CharWidths[i], ref.CharWidths[i])
					}
				}
			}
			if got.CharWidths[0] == 0 {
				t.Error("không ký tự nào có độ rộng")
			}
			if got.DefaultWidth != ref.DefaultWidth {
				t.Errorf("DefaultWidth = %v, muốn %v", got.DefaultWidth, ref.DefaultWidth)
			}
			if len(got.cut.charSymbol) != len(ref.charSymbolDictionary) {
				t.Fatalf("%d ký tự trong bảng ký tự → glyph, muốn %d", len(got.cut.charSymbol), len(ref.charSymbolDictionary))
			}
			for c, g := range ref.charSymbolDictionary {
				if got.cut.charSymbol[c] != g {
					t.Fatalf("ký tự %#x → glyph %d, muốn %d", c, got.cut.charSymbol[c], g)
				}
			}
		})
	}
}

// BenchmarkParseUTF8Font parses kehoach's regular face as a process's
// first document does (kehoach patch 16).
func BenchmarkParseUTF8Font(b *testing.B) {
	ttf, err := os.ReadFile(testTTF)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		f := newUTF8Font(&fileReader{array: ttf})
		if err := f.parseFile(); err != nil {
			b.Fatal(err)
		}
	}
}
