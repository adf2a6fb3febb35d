package xlsx

import (
	"path/filepath"
	"testing"

	"kehoach/internal/testkit"
)

// The workbooks read back part by part (readBook: every cell's type,
// value, formula and resolved style, merges, column widths, row heights,
// panes, page setup, footer, print titles, document properties), pinned in
// testdata/*.dump.golden. The goldens were first written from the
// excelize writer this package replaced (commit 3ea4f5e), so they hold the
// workbook as it was; the own writer reads back the same but for one
// intended line: an empty heading line (Biểu 01's unit, A4) is a blank
// styled cell, where excelize wrote an empty inline string.
func TestDumpGolden(t *testing.T) {
	tests := []struct {
		name string
		book func(t *testing.T) []byte
	}{
		{"muong-khoa-2025", func(t *testing.T) []byte { return write(t, fitted(t, load(t))) }},
		{"six-sources", func(t *testing.T) []byte { return write(t, fitted(t, sixSources(t))) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := readBook(t, tc.book(t)).dump()
			testkit.Golden(t, filepath.Join("testdata", tc.name+".dump.golden"), []byte(got), *update)
		})
	}
}
