//go:build integration

package integration

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"kehoach/internal/doc"
	"kehoach/internal/doc/doctest"
	"kehoach/internal/render/docx"
	"kehoach/internal/style"
	"kehoach/internal/testkit"
)

// docxSample converts the sample document (doctest.Sample) and the page
// breaks document (doctest.PageBreaks) with LibreOffice and checks the
// PDFs' text, page numbers and page sizes.
func docxSample(t *testing.T, dir string) ([]string, func(*testing.T)) {
	sample, breaks := filepath.Join(dir, "docx-sample.docx"), filepath.Join(dir, "docx-breaks.docx")
	for path, d := range map[string]*doc.Document{sample: doctest.Sample(), breaks: doctest.PageBreaks()} {
		b, err := docx.Render(d, style.Default())
		if err != nil {
			t.Fatalf("Render: %v", err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return []string{sample, breaks}, func(t *testing.T) {
		pdfText := func(pdf string) string { return testkit.PDFText(t, pdf) }
		firstLine := func(p string) string {
			for _, l := range strings.Split(p, "\n") {
				if l = strings.TrimSpace(l); l != "" {
					return l
				}
			}
			return ""
		}

		// Page breaks: a | table | (empty) | b, then a section with a table, a
		// section with columns and a trailing break: 7 pages, numbered 1–4 in
		// the first section and restarting at 3 in the last.
		bp := strings.Split(strings.TrimRight(pdfText(filepath.Join(dir, "docx-breaks.pdf")), "\f"), "\f")
		wantFirst := []string{"1", "2", "3", "4", "TT", "Tiêu chí", "4"}
		if len(bp) != len(wantFirst) {
			t.Errorf("page-break document has %d pages, want %d", len(bp), len(wantFirst))
		} else {
			for i, w := range wantFirst {
				if got := firstLine(bp[i]); got != w {
					t.Errorf("page-break document page %d starts with %q, want %q", i+1, got, w)
				}
			}
			if strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(bp[2]), "3")) != "" || !strings.Contains(bp[3], "b") {
				t.Errorf("two page breaks did not leave an empty page 3 before b: %q | %q", bp[2], bp[3])
			}
		}

		pdf := filepath.Join(dir, "docx-sample.pdf")
		text := pdfText(pdf)
		flat := strings.Join(strings.Fields(text), " ")
		for _, want := range []string{
			"ỦY BAN NHÂN DÂN", "XÃ MƯỜNG KHOA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
			"KẾ HOẠCH", "I. MỤC ĐÍCH, YÊU CẦU", "duy trì và nâng cao", "- Về giao thông:", "+ Thôn Nà Khoang: 1,2 km.",
			"Thủy lợi và phòng, chống thiên tai", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "Lò Văn Minh",
			"Biểu số 01", "KẾ HOẠCH VỐN THỰC HIỆN CHƯƠNG TRÌNH NĂM 2025", "Nhóm hạ tầng", "Tổng cộng", "Công trình số 30 của thôn Nà Khoang",
		} {
			if !strings.Contains(flat, want) {
				t.Errorf("PDF text has no %q", want)
			}
		}

		// Page numbers: none on page 1, "2" heading page 2; the annex restarts
		// at 1 (hidden on its first page) and repeats its header rows.
		pages := strings.Split(strings.TrimRight(text, "\f"), "\f")
		number := regexp.MustCompile(`^\d+$`)
		if len(pages) < 4 {
			t.Fatalf("PDF has %d pages, want at least 4", len(pages))
		}
		if l := firstLine(pages[0]); number.MatchString(l) {
			t.Errorf("page 1 starts with a page number %q", l)
		}
		if l := firstLine(pages[1]); l != "2" {
			t.Errorf("page 2 starts with %q, want the page number 2", l)
		}
		annex := -1
		for i, p := range pages {
			if strings.Contains(p, "Biểu số 01") {
				annex = i
				break
			}
		}
		if annex < 0 || annex+1 >= len(pages) {
			t.Fatalf("annex not found or on the last page (annex page %d of %d)", annex+1, len(pages))
		}
		if l := firstLine(pages[annex]); number.MatchString(l) {
			t.Errorf("annex first page starts with a page number %q", l)
		}
		if l := firstLine(pages[annex+1]); l != "2" {
			t.Errorf("annex second page starts with %q, want the restarted number 2", l)
		}
		if !strings.Contains(pages[annex+1], "Nội dung") || !strings.Contains(pages[annex+1], "NSTW") {
			t.Error("annex header rows are not repeated on its second page")
		}

		// Page sizes: portrait A4 for the plan, landscape A4 for the annex.
		pdfinfo := testkit.Tool(t, "pdfinfo", "poppler-utils")
		info, err := exec.Command(pdfinfo, "-f", "1", "-l", strconv.Itoa(len(pages)), pdf).Output()
		if err != nil {
			t.Fatalf("pdfinfo: %v", err)
		}
		sizes := regexp.MustCompile(`Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts`).FindAllStringSubmatch(string(info), -1)
		if len(sizes) != len(pages) {
			t.Fatalf("pdfinfo reports %d page sizes for %d pages", len(sizes), len(pages))
		}
		for i, m := range sizes {
			w, _ := strconv.ParseFloat(m[2], 64)
			h, _ := strconv.ParseFloat(m[3], 64)
			want := "portrait"
			if i >= annex {
				want = "landscape"
			}
			got := fmt.Sprintf("%.0f×%.0f", w, h)
			if (want == "portrait" && got != "595×842") || (want == "landscape" && got != "842×595") {
				t.Errorf("page %d is %s pt, want A4 %s", i+1, got, want)
			}
		}
	}
}
