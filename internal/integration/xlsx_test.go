//go:build integration

package integration

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"kehoach/internal/compose"
	"kehoach/internal/layout"
	"kehoach/internal/plan"
	"kehoach/internal/plan/plantest"
	"kehoach/internal/render/xlsx"
	"kehoach/internal/style"
	"kehoach/internal/testkit"
)

// date is the workbooks' date (as render/xlsx's tests write them).
var date = time.Date(2025, 8, 5, 0, 0, 0, 0, time.UTC)

// writeWorkbook writes the workbook of p's annexes, fitted to the ND30
// landscape page as kehoach build writes them, to path.
func writeWorkbook(t *testing.T, p *plan.Plan, path string) {
	t.Helper()
	prof := style.Default()
	sheets, probs, err := compose.Annexes(p, prof, layout.Bundled())
	if err != nil || len(probs) > 0 {
		t.Fatalf("annexes: %v %v", err, probs)
	}
	var b bytes.Buffer
	if err := xlsx.Write(&b, sheets, prof, date); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// workbookCSV: LibreOffice opens the 2025 workbook and exports every sheet
// to CSV (UTF-8): the figures and labels are where they belong.
func workbookCSV(t *testing.T, dir string) ([]string, func(*testing.T)) {
	src := filepath.Join(dir, "xlsx-b.xlsx")
	writeWorkbook(t, load2025(t).Plan, src)
	return []string{src}, func(t *testing.T) {
		read := func(sheet string) [][]string {
			path := filepath.Join(dir, "xlsx-b-"+sheet+".csv")
			data, err := os.ReadFile(path)
			if err != nil {
				if _, e := os.Stat(filepath.Join(dir, "xlsx-b.csv")); e == nil {
					testkit.Missing(t, "BỎ QUA: LibreOffice này chỉ xuất trang tính đầu ra CSV (cần ≥ 7.2): %v", err)
				}
				t.Fatal(err)
			}
			rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			return rows
		}
		find := func(rows [][]string, col int, label string) []string {
			for _, r := range rows {
				if len(r) > col && r[col] == label {
					return r
				}
			}
			t.Fatalf("no row %q in column %d of %q", label, col+1, rows)
			return nil
		}
		tests := []struct {
			sheet string
			col   int
			label string
			want  map[int]string
		}{
			{"Bieu 01", 1, "Tổng số tiêu chí đạt", map[int]string{5: "12/19", 7: "13/19"}},
			{"Bieu 01", 0, "17", map[int]string{1: "Môi trường và an toàn thực phẩm", 5: "Chưa đạt", 7: "Đạt"}},
			{"Bieu 02", 1, "TỔNG SỐ", map[int]string{2: "3900", 3: "504", 4: "800"}},
			{"Bieu 02", 1, "Vốn Ngân sách Trung ương", map[int]string{0: "I", 2: "1304", 3: "504", 4: "800"}},
			{"Bieu 02", 1, "Vốn lồng ghép", map[int]string{0: "III", 2: "2556"}},
			{"Bieu 03", 1, "TỔNG SỐ", map[int]string{7: "504", 8: "504", 9: ""}},
			{"Bieu 03", 1, "Bê tông hóa đường lên bản Hô Tra", map[int]string{3: "07\u00a0km", 7: "504", 8: "504", 9: "2", 10: "Nhân dân hiến đất, góp ngày công"}},
			{"Bieu 04", 1, "TỔNG SỐ", map[int]string{3: "800"}},
		}
		for _, tc := range tests {
			rows := read(tc.sheet)
			if rows[0][0] != "Biểu số "+strings.TrimPrefix(tc.sheet, "Bieu ") {
				t.Errorf("%s: first cell %q", tc.sheet, rows[0][0])
			}
			r := find(rows, tc.col, tc.label)
			for c, want := range tc.want {
				if r[c] != want {
					t.Errorf("%s, row %q, column %d = %q, want %q", tc.sheet, tc.label, c+1, r[c], want)
				}
			}
		}
		// The items of Biểu 04 add up to its total.
		sum := 0
		for _, r := range read("Bieu 04")[6:] {
			n, err := strconv.Atoi(r[3])
			if err != nil {
				t.Fatalf("amount %q: %v", r[3], err)
			}
			sum += n
		}
		if sum != 800 {
			t.Errorf("Biểu 04 items add up to %d, want 800", sum)
		}
	}
}

// sixAmounts are the six-source plan's amounts as the annexes print them.
var sixAmounts = []string{"100.000", "12.345,5", "1.890,5", "0,5", "1.250", "640", "116.126,5", "116.926,5", "100.800"}

// workbookNoHashes: LibreOffice prints the six-source workbook without ###
// and with every amount whole (one word of pdftotext's output): no amount
// column is too narrow at 100 % nor cut in two.
func workbookNoHashes(t *testing.T, dir string) ([]string, func(*testing.T)) {
	src := filepath.Join(dir, "xlsx-six.xlsx")
	writeWorkbook(t, plantest.SixSources(t).Plan, src)
	return []string{src}, func(t *testing.T) {
		text := testkit.PDFText(t, filepath.Join(dir, "xlsx-six.pdf"), "-layout")
		if strings.Contains(text, "###") || strings.Contains(text, "##") {
			t.Errorf("LibreOffice shows ### for an amount:\n%s", text)
		}
		words := map[string]int{}
		for _, w := range strings.Fields(text) {
			words[w]++
		}
		for _, a := range sixAmounts {
			if words[a] == 0 {
				t.Errorf("amount %s is not printed whole", a)
			}
		}
		if !strings.Contains(text, "Biểu số 03") || !strings.Contains(text, "Vốn huy động") {
			t.Errorf("the Biểu 03 of six sources is not in the PDF:\n%s", text)
		}
	}
}

// corpusNoHashes writes the workbook of every corpus plan; LibreOffice
// prints them, and no amount shows as ### and every amount of the annexes
// is printed whole.
func corpusNoHashes(t *testing.T, dir string) ([]string, func(*testing.T)) {
	type book struct {
		name    string
		amounts []string
	}
	var books []book
	var srcs []string
	for i, path := range testkit.CorpusPlans(t) {
		res, err := plan.Load(path)
		if err != nil || !res.OK() {
			t.Fatalf("%s: %v %v", path, err, res.Errors)
		}
		sheets, probs, err := compose.Annexes(res.Plan, plantest.Profile(t, res), layout.Bundled())
		if err != nil || len(probs) > 0 {
			t.Fatalf("%s: annexes: %v %v", path, err, probs)
		}
		var b bytes.Buffer
		if err := xlsx.Write(&b, sheets, plantest.Profile(t, res), date); err != nil {
			t.Fatal(err)
		}
		name := fmt.Sprintf("xlsx-corpus-b%02d", i)
		src := filepath.Join(dir, name+".xlsx")
		if err := os.WriteFile(src, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		bk := book{name: path}
		for _, s := range sheets {
			for _, r := range s.Rows {
				for _, c := range r.Cells {
					if c.IsNumber() {
						bk.amounts = append(bk.amounts, c.String())
					}
				}
			}
		}
		if len(bk.amounts) == 0 {
			t.Errorf("%s: no amount in the annexes to check", path)
		}
		books = append(books, bk)
		srcs = append(srcs, src)
	}
	return srcs, func(t *testing.T) {
		for i, bk := range books {
			text := testkit.PDFText(t, filepath.Join(dir, fmt.Sprintf("xlsx-corpus-b%02d.pdf", i)), "-layout")
			if strings.Contains(text, "##") {
				t.Errorf("%s: LibreOffice shows ### for an amount", bk.name)
			}
			words := map[string]bool{}
			for _, w := range strings.Fields(text) {
				words[w] = true
			}
			for _, a := range bk.amounts {
				if !words[a] {
					t.Errorf("%s: amount %s is not printed whole", bk.name, a)
				}
			}
		}
	}
}
