package xlsx

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/internal/compose"
	"kehoach/internal/doc"
	"kehoach/internal/layout"
	"kehoach/internal/style"
	"kehoach/templates"
)

// A templates/nd30.yaml with other landscape margins, another paper,
// another font and other annex sizes moves the workbook with it: they are
// read from the profile, not copied into the writer.
func TestWorkbookFollowsTheProfile(t *testing.T) {
	orig, err := templates.ReadFile("nd30.yaml")
	if err != nil {
		t.Fatal(err)
	}
	edited := string(orig)
	for _, r := range [][2]string{
		{"phong_chu: Times New Roman", "phong_chu: Liberation Serif"},
		{"kho_giay: {rong: 210, cao: 297}", "kho_giay: {rong: 297, cao: 420}"},
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
	sheets, _, err := compose.Annexes(load(t), other, layout.Bundled())
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, writeWith(t, sheets, other))
	name := SheetName(sheets[0].Number)

	ws := f.byName[name]
	// 25, 22, 35, 20 mm in inches.
	if m := ws.margins; m["top"] != "0.984" || m["bottom"] != "0.866" || m["left"] != "1.378" || m["right"] != "0.787" {
		t.Errorf("margins %s, want top 0.984 bottom 0.866 left 1.378 right 0.787", m)
	}
	if ws.setup["paperSize"] != "8" || ws.setup["orientation"] != "landscape" {
		t.Errorf("page setup %s, want A3 (8) landscape", ws.setup)
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
		st := ws.cell(tc.cell).st
		if st.font != "Liberation Serif" || st.size != tc.size || st.italic != tc.italic {
			t.Errorf("%s: font %s %v pt italic %v, want Liberation Serif %v pt italic %v", tc.cell, st.font, st.size, st.italic, tc.size, tc.italic)
		}
	}
	if ws.oddFooter != `&C&"Liberation Serif,Regular"&10Trang &P` {
		t.Errorf("footer %q", ws.oddFooter)
	}
}

// The workbook's paper is the profile's (kho_giay); a size SpreadsheetML
// has no code for is an error that says which sizes work.
func TestPaperSize(t *testing.T) {
	tests := []struct {
		w, h float64
		want int
		err  string
	}{
		{210, 297, 9, ""},
		{297, 420, 8, ""},
		{148, 210, 11, ""},
		{215.9, 279.4, 0, "khổ giấy 216×279 mm chưa ghi được vào sổ tính Excel; hãy dùng A3 (297×420), A4 (210×297) hoặc A5 (148×210) ở kho_giay trong templates/nd30.yaml"},
	}
	for _, tc := range tests {
		got, err := paperSize(doc.PageSetup{Width: tc.w, Height: tc.h, Landscape: true})
		if got != tc.want || (err == nil) != (tc.err == "") || (err != nil && err.Error() != tc.err) {
			t.Errorf("%v×%v: %d, %v; want %d, %q", tc.w, tc.h, got, err, tc.want, tc.err)
		}
	}
}
