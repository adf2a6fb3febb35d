package testkit

import (
	"fmt"
	"math"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// AnnexPDFPages checks with pdfinfo that the first n pages of the PDF at
// path are portrait A4 and the next m landscape A4, and that the landscape
// pages carry the text of Mường Khoa's 2025 annexes (plans/muong-khoa).
func AnnexPDFPages(t *testing.T, path string, n, m int) {
	t.Helper()
	out, err := exec.Command(Tool(t, "pdfinfo", "poppler-utils"), "-l", "999", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	sizes := regexp.MustCompile(`(?m)^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts`).FindAllStringSubmatch(string(out), -1)
	if len(sizes) != n+m {
		t.Fatalf("pdfinfo: %d pages, want %d + %d", len(sizes), n, m)
	}
	for i, s := range sizes {
		w, h := Atof(s[1]), Atof(s[2])
		if i >= n {
			w, h = h, w
		}
		// A4 is 595.28 × 841.89 pt; LibreOffice rounds to 595.304.
		if math.Abs(w-595.28) > 0.1 || math.Abs(h-841.89) > 0.1 {
			t.Errorf("page %d: %s × %s pt, want A4 %s", i+1, s[1], s[2], map[bool]string{true: "landscape", false: "portrait"}[i >= n])
		}
	}
	// -layout keeps each table row on one line.
	annexes := Words(PDFText(t, path, "-layout", "-f", fmt.Sprint(n+1)))
	for _, w := range []string{
		"Biểu số 01", "KẾ HOẠCH THỰC HIỆN CÁC TIÊU CHÍ NÔNG THÔN MỚI NĂM 2025", "Tổng số tiêu chí đạt", "12/19", "13/19",
		"Biểu số 02", "TỔNG SỐ 3.900 504 800", "Vốn Ngân sách Trung ương 1.304 504 800", "Vốn lồng ghép 2.556",
		"Biểu số 03", "Bê tông hóa", "TỔNG SỐ 504 504",
		"Biểu số 04", "TỔNG SỐ 800", "Sửa chữa hệ thống loa các bản", "ĐVT: triệu đồng",
		"(Kèm theo Kế hoạch số /KH-UBND ngày tháng năm 2025 của Ủy ban nhân dân xã Mường Khoa)",
	} {
		if !strings.Contains(annexes, w) {
			t.Errorf("annex pages lack %q", w)
		}
	}
}

// Atof parses a number of a tool's output, 0 when it is none.
func Atof(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

// HoldsDocument checks that every line of doc (a plain-text rendering)
// appears, word for word and in order, in got (normalised with Words), and
// that the lines of side-by-side blocks (header, signature), which a PDF
// interleaves, contribute all their words.
func HoldsDocument(t testing.TB, what, doc, got string) {
	t.Helper()
	pos := 0
	for _, line := range strings.Split(doc, "\n") {
		w := Words(line)
		if w == "" {
			continue
		}
		if i := strings.Index(got[pos:], w); i >= 0 {
			pos += i + len(w)
			continue
		}
		// A line of a two-column block: its words must all be present.
		for _, word := range strings.Fields(w) {
			if !strings.Contains(got, word) {
				t.Errorf("%s lacks %q (from %q)", what, word, line)
			}
		}
	}
}
