//go:build integration

package integration

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"kehoach/internal/compose"
	"kehoach/internal/layout"
	"kehoach/internal/plan"
	"kehoach/internal/plan/plantest"
	"kehoach/internal/render/docx"
	"kehoach/internal/testkit"
)

// load2025 loads Mường Khoa's 2025 plan.
func load2025(t *testing.T) *plan.Result {
	t.Helper()
	res, err := plan.Load(filepath.Join(testkit.RepoRoot(t), "plans", "muong-khoa", "2025.yaml"))
	if err != nil || !res.OK() {
		t.Fatalf("load: %v %v", err, res.Errors)
	}
	return res
}

// writeDOCX composes res's document and writes its DOCX to path.
func writeDOCX(t *testing.T, res *plan.Result, path string) {
	t.Helper()
	prof := plantest.Profile(t, res)
	d, err := compose.Compose(res.Plan, prof, layout.Bundled())
	if err != nil {
		t.Fatal(err)
	}
	b, err := docx.Render(d, prof)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// annexDOCX: LibreOffice lays the 2025 plan's DOCX out on portrait pages
// and then, for the annexes, landscape A4 pages only, which carry the
// annexes' text (the DOCX's sections are checked by compose's TestAnnexDOCX).
func annexDOCX(t *testing.T, dir string) ([]string, func(*testing.T)) {
	src := filepath.Join(dir, "compose-kh.docx")
	writeDOCX(t, load2025(t), src)
	return []string{src}, func(t *testing.T) {
		pdf := filepath.Join(dir, "compose-kh.pdf")
		out, err := exec.Command(testkit.Tool(t, "pdfinfo", "poppler-utils"), "-l", "999", pdf).Output()
		if err != nil {
			t.Fatal(err)
		}
		sizes := regexp.MustCompile(`(?m)^Page\s+\d+ size:\s+([\d.]+) x`).FindAllStringSubmatch(string(out), -1)
		portrait, landscape := 0, 0
		for _, s := range sizes {
			if testkit.Atof(s[1]) > 800 {
				landscape++
			} else if landscape > 0 {
				t.Errorf("a portrait page after the annexes began")
			} else {
				portrait++
			}
		}
		if portrait == 0 || landscape < 4 {
			t.Errorf("LibreOffice: %d portrait and %d landscape pages", portrait, landscape)
		}
		testkit.AnnexPDFPages(t, pdf, portrait, landscape)
	}
}

// sixSourcesDOCX: the DOCX of the six-source plan as LibreOffice lays it
// out: on the Biểu 03 page every word of pdftotext's output is a whole word
// of the sheet or its heading (no amount or header word broken inside), and
// every amount is there.
func sixSourcesDOCX(t *testing.T, dir string) ([]string, func(*testing.T)) {
	res := plantest.SixSources(t)
	src := filepath.Join(dir, "compose-six.docx")
	writeDOCX(t, res, src)
	return []string{src}, func(t *testing.T) {
		pdfPath := filepath.Join(dir, "compose-six.pdf")
		sheets, _, err := compose.Annexes(res.Plan, plantest.Profile(t, res), layout.Bundled())
		if err != nil {
			t.Fatal(err)
		}
		s := sheets[2]
		want := map[string]bool{}
		add := func(text string) {
			for _, w := range strings.Fields(text) {
				want[w] = true
			}
		}
		for _, x := range []string{s.Heading, s.Title, s.Ref, s.Unit} {
			add(x)
		}
		for _, row := range s.Header() {
			for _, hc := range row {
				add(hc.Text)
			}
		}
		for _, r := range s.Rows {
			for _, c := range r.Cells {
				add(c.String())
			}
		}
		// The Biểu 03 page: the one whose text starts the annex.
		page := ""
		for i := 1; i < 40 && page == ""; i++ {
			text := testkit.PDFText(t, pdfPath, "-f", fmt.Sprint(i), "-l", fmt.Sprint(i))
			if strings.Contains(text, "Biểu số 03") && strings.Contains(text, "DANH MỤC CÔNG TRÌNH") {
				page = text
			}
			if strings.TrimSpace(text) == "" {
				break
			}
		}
		if page == "" {
			t.Fatal("no Biểu 03 page in LibreOffice's PDF")
		}
		seen := map[string]bool{}
		for _, w := range strings.Fields(page) {
			seen[w] = true
			if !want[w] {
				t.Errorf("LibreOffice's Biểu 03 shows %q, a piece of a word", w)
			}
		}
		for _, a := range []string{"100.000", "12.345,5", "1.890,5", "0,5", "1.250", "640", "116.126,5", "Ngân", "Trung", "ương", "huyện", "đóng", "góp"} {
			if !seen[a] {
				t.Errorf("%q is not whole on LibreOffice's Biểu 03 page", a)
			}
		}
	}
}
