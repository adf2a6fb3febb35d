//go:build integration

package integration

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"kehoach/internal/testkit"
)

// Geometry read back from a PDF (kehoach's own or LibreOffice's), in points
// from the top-left corner of the page, for tests that check where things
// really landed.

// pdfWord is a word of pdftotext -bbox. Poppler puts yMin at baseline −
// ascent × size and yMax at baseline − descent × size, with the ascent and
// descent of the font's descriptor (0.95 and −0.35 when the descriptor says
// 0, as LibreOffice's do), so a box brackets its baseline but its top is
// not the glyph top.
type pdfWord struct {
	text                   string
	xMin, yMin, xMax, yMax float64
}

// pdfStroke is a horizontal line a page's content stream strokes.
type pdfStroke struct {
	y, x1, x2 float64
	width     float64 // line width, pt
}

// pdfPage is one page: its size, words, the baselines its text is drawn on
// and its horizontal strokes.
type pdfPage struct {
	w, h      float64
	words     []pdfWord
	baselines []float64
	strokes   []pdfStroke
}

var (
	bboxPageRe = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	bboxWordRe = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
)

func atofT(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("number %q: %v", s, err)
	}
	return v
}

// readPDF reads every page of a PDF: words from pdftotext -bbox, baselines
// and strokes from the content streams, which qpdf --qdf uncompresses.
func readPDF(t *testing.T, path string) []pdfPage {
	t.Helper()
	var pages []pdfPage
	for _, pg := range strings.Split(testkit.PDFText(t, path, "-bbox"), "<page ")[1:] {
		m := bboxPageRe.FindStringSubmatch("<page " + pg)
		if m == nil {
			t.Fatalf("%s: unreadable pdftotext -bbox page", path)
		}
		p := pdfPage{w: atofT(t, m[1]), h: atofT(t, m[2])}
		for _, wm := range bboxWordRe.FindAllStringSubmatch(pg, -1) {
			// A no-break space does not end a pdftotext word; split there,
			// so words compare like testkit.Words.
			for _, f := range strings.Fields(testkit.Words(htmlUnescape(wm[5]))) {
				p.words = append(p.words, pdfWord{text: f,
					xMin: atofT(t, wm[1]), yMin: atofT(t, wm[2]), xMax: atofT(t, wm[3]), yMax: atofT(t, wm[4])})
			}
		}
		pages = append(pages, p)
	}
	qpdf := testkit.Tool(t, "qpdf", "qpdf")
	qdf := filepath.Join(t.TempDir(), "qdf.pdf")
	if out, err := exec.Command(qpdf, "--qdf", "--object-streams=disable", path, qdf).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --qdf %s: %v\n%s", path, err, out)
	}
	raw, err := os.ReadFile(qdf)
	if err != nil {
		t.Fatal(err)
	}
	// qpdf --qdf marks each page's content streams "%% Contents for page N".
	for i := range pages {
		marker := []byte("%% Contents for page " + strconv.Itoa(i+1) + "\n")
		rest := raw
		for {
			k := indexBytes(rest, marker)
			if k < 0 {
				break
			}
			rest = rest[k+len(marker):]
			s := indexBytes(rest, []byte("stream\n"))
			e := indexBytes(rest, []byte("endstream"))
			if s < 0 || e < s {
				t.Fatalf("%s page %d: no content stream after the qdf marker", path, i+1)
			}
			contentGeometry(t, string(rest[s+len("stream\n"):e]), &pages[i])
		}
		if len(pages[i].baselines) == 0 && len(pages[i].words) > 0 {
			t.Fatalf("%s page %d: words but no text positions in the content stream", path, i+1)
		}
	}
	return pages
}

func indexBytes(b, sub []byte) int { return strings.Index(string(b), string(sub)) }

// contentGeometry collects from a content stream the baseline of each text
// object (the Td or Tm that starts it) and every horizontal "x y m x2 y l S"
// stroke with the line width in force. It refuses a stream that changes the
// coordinate system (cm), which neither writer uses on a page.
func contentGeometry(t *testing.T, c string, p *pdfPage) {
	t.Helper()
	toks := strings.Fields(c)
	num := func(k int) float64 {
		if k < 0 {
			t.Fatalf("content stream operator without operands")
		}
		v, err := strconv.ParseFloat(toks[k], 64)
		if err != nil {
			t.Fatalf("content stream: operand %q: %v", toks[k], err)
		}
		return v
	}
	width, inText, placed := 1.0, false, false
	for k, tok := range toks {
		switch tok {
		case "cm":
			if strings.Join(toks[k-6:k], " ") != "1 0 0 1 0 0" {
				t.Fatalf("content stream transforms coordinates (%s cm): baselines unknown", strings.Join(toks[k-6:k], " "))
			}
		case "w":
			width = num(k - 1)
		case "BT":
			inText, placed = true, false
		case "ET":
			inText = false
		case "Td", "Tm":
			if inText && !placed {
				p.baselines = append(p.baselines, p.h-num(k-1))
				placed = true
			}
		case "S":
			if k >= 6 && toks[k-1] == "l" && toks[k-4] == "m" {
				x1, y1, x2, y2 := num(k-6), num(k-5), num(k-3), num(k-2)
				if y1 == y2 {
					p.strokes = append(p.strokes, pdfStroke{y: p.h - y1, x1: min(x1, x2), x2: max(x1, x2), width: width})
				}
			}
		}
	}
}

func htmlUnescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'").Replace(s)
}

// baselineOf returns the baseline a word's box brackets (the one nearest
// the box's lower part), or false.
func (p *pdfPage) baselineOf(w pdfWord) (float64, bool) {
	best, ok := 0.0, false
	for _, b := range p.baselines {
		if b > w.yMin && b < w.yMax && (!ok || b > best) {
			best, ok = b, true
		}
	}
	return best, ok
}

// text is the page's words joined by single spaces.
func (p *pdfPage) text() string {
	ws := make([]string, len(p.words))
	for i, w := range p.words {
		ws[i] = w.text
	}
	return strings.Join(ws, " ")
}

// find returns the index of the first word at which the words of phrase
// follow one another on the page, or -1.
func (p *pdfPage) find(phrase string) int {
	want := strings.Fields(testkit.Words(phrase))
	if len(want) == 0 {
		return -1
	}
	for i := range p.words {
		j := 0
		for j < len(want) && i+j < len(p.words) && p.words[i+j].text == want[j] {
			j++
		}
		if j == len(want) {
			return i
		}
	}
	return -1
}
