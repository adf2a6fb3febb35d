package xlsx

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/internal/compose"
	"kehoach/internal/style"
	"kehoach/templates"
)

// A templates/nd30.yaml with other landscape margins, another font and
// other annex sizes moves the workbook with it: the sizes and the margins
// are read from the profile, not copied into the writer.
func TestWorkbookFollowsTheProfile(t *testing.T) {
	orig, err := templates.ReadFile("nd30.yaml")
	if err != nil {
		t.Fatal(err)
	}
	edited := string(orig)
	for _, r := range [][2]string{
		{"phong_chu: Times New Roman", "phong_chu: Liberation Serif"},
		{"le_ngang: {tren: 20, duoi: 20, trai: 30, phai: 15}", "le_ngang: {tren: 25, duoi: 22, trai: 35, phai: 20}"},
		{"{ten: AnnexTitle, co: 14,", "{ten: AnnexTitle, co: 13,"},
		{"{ten: Unit, co: 12,", "{ten: Unit, co: 11,"},
		{"{ten: TableCell, co: 11,", "{ten: TableCell, co: 10,"},
	} {
		if !strings.Contains(edited, r[0]) {
			t.Fatalf("nd30.yaml has no %q", r[0])
		}
		edited = strings.Replace(edited, r[0], r[1], 1)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "nd30.yaml"), []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	templates.Use(templates.Folder(dir), dir, nil)
	defer templates.Use(templates.FS, "", nil)
	other := style.Default()
	sheets, _, err := compose.Annexes(load(t), other)
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, writeWith(t, sheets, other))
	name := SheetName(sheets[0].Number)

	pm, err := f.GetPageMargins(name)
	if err != nil {
		t.Fatal(err)
	}
	// 25, 22, 35, 20 mm in inches.
	if *pm.Top != 0.984 || *pm.Bottom != 0.866 || *pm.Left != 1.378 || *pm.Right != 0.787 {
		t.Errorf("margins top %v bottom %v left %v right %v, want 0.984 0.866 1.378 0.787", *pm.Top, *pm.Bottom, *pm.Left, *pm.Right)
	}
	tests := []struct {
		cell   string
		size   float64
		italic bool
	}{
		{"A1", 14, false}, // AnnexNumber, unchanged
		{"A2", 13, false}, // AnnexTitle
		{"A3", 13, true},  // AnnexRef, unchanged
		{"A4", 11, true},  // Unit
		{cellName(1, headTop+sheets[0].HeaderRows()), 10, false}, // TableCell
	}
	for _, tc := range tests {
		id, err := f.GetCellStyle(name, tc.cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if st.Font.Family != "Liberation Serif" || st.Font.Size != tc.size || st.Font.Italic != tc.italic {
			t.Errorf("%s: font %s %v pt italic %v, want Liberation Serif %v pt italic %v", tc.cell, st.Font.Family, st.Font.Size, st.Font.Italic, tc.size, tc.italic)
		}
	}
	hf, err := f.GetHeaderFooter(name)
	if err != nil || hf.OddFooter != `&C&"Liberation Serif,Regular"&10Trang &P` {
		t.Errorf("footer %q (%v)", hf.OddFooter, err)
	}
}
