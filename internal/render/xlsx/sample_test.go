package xlsx

import (
	"os"
	"path/filepath"
	"testing"

	"kehoach/internal/extract"
	"kehoach/internal/testkit"
)

var update = testkit.Update

// The workbook of Mường Khoa's 2025 annexes, the sample of the XLSX writer,
// pinned readably in testdata/sample.xlsx.golden: every sheet's cells as
// kehoach text reads them (formulas with their cached values). Regenerate
// with go test ./internal/render/xlsx -update.
func TestSampleGolden(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sample.xlsx")
	if err := os.WriteFile(path, write(t, fitted(t, load(t))), 0o644); err != nil {
		t.Fatal(err)
	}
	text, err := extract.Text(path)
	if err != nil {
		t.Fatal(err)
	}
	testkit.Golden(t, filepath.Join("testdata", "sample.xlsx.golden"), []byte(text), *update)
}
