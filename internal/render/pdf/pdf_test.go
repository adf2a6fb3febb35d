package pdf_test

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"kehoach/internal/doc"
	"kehoach/internal/doc/doctest"
	"kehoach/internal/fonts"
	"kehoach/internal/layout"
	"kehoach/internal/render/pdf"
	"kehoach/internal/style"
	"kehoach/internal/testkit"
)

var (
	prof = style.Default()
	fam  = fonts.Bundled()
)

const ptPerMM = fonts.PtPerMM

// render writes d to a temporary file and returns its path and bytes.
func render(t testing.TB, d *doc.Document) (string, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := pdf.Write(&buf, d, prof, fam); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, buf.Bytes()
}

// tool runs an installed command, skipping the test when it is missing.
func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	testkit.Tool(t, name, "poppler-utils qpdf")
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// word is a word of pdftotext -bbox output, in mm from the top-left.
type word struct {
	text                   string
	xMin, yMin, xMax, yMax float64
}

type bboxPage struct {
	w, h  float64 // mm
	words []word
}

var (
	pageRE = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	wordRE = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
)

func bbox(t *testing.T, path string) []bboxPage {
	t.Helper()
	out := tool(t, "pdftotext", "-bbox", path, "-")
	var pages []bboxPage
	for _, line := range strings.Split(out, "\n") {
		if m := pageRE.FindStringSubmatch(line); m != nil {
			pages = append(pages, bboxPage{w: num(m[1]) / ptPerMM, h: num(m[2]) / ptPerMM})
		} else if m := wordRE.FindStringSubmatch(line); m != nil {
			p := &pages[len(pages)-1]
			p.words = append(p.words, word{text: unescape(m[5]), xMin: num(m[1]) / ptPerMM, yMin: num(m[2]) / ptPerMM,
				xMax: num(m[3]) / ptPerMM, yMax: num(m[4]) / ptPerMM})
		}
	}
	return pages
}

func num(s string) float64 {
	v, _ := strconv.ParseFloat(s, 64)
	return v
}

var unescape = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'").Replace

// docWords lists the words of every text in d (markers included), split at
// white space including U+00A0.
func docWords(d *doc.Document) []string {
	var words []string
	add := func(runs []doc.Run) { words = append(words, strings.Fields(doc.PlainText(runs))...) }
	var walk func(blocks []doc.Block)
	walk = func(blocks []doc.Block) {
		for _, b := range blocks {
			switch v := b.(type) {
			case *doc.Paragraph:
				add(v.Runs)
			case *doc.ListItem:
				words = append(words, v.Marker)
				add(v.Runs)
			case *doc.Table:
				for _, r := range v.Rows {
					for _, c := range r.Cells {
						for _, p := range c.Paragraphs {
							add(p.Runs)
						}
					}
				}
			case *doc.Columns:
				for _, c := range v.Cols {
					walk(c)
				}
			}
		}
	}
	for _, s := range d.Sections {
		walk(s.Blocks)
	}
	return words
}

func TestMediaBoxes(t *testing.T) {
	t.Parallel()
	d := doctest.Long(fam)
	path, _ := render(t, d)
	pages, err := layout.Layout(d, prof, fam)
	if err != nil {
		t.Fatal(err)
	}
	info := tool(t, "pdfinfo", "-f", "1", "-l", strconv.Itoa(len(pages)), path)
	re := regexp.MustCompile(`Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts`)
	ms := re.FindAllStringSubmatch(info, -1)
	if len(ms) != len(pages) {
		t.Fatalf("pdfinfo lists %d pages, layout has %d", len(ms), len(pages))
	}
	landscape := 0
	for i, m := range ms {
		w, h := num(m[2]), num(m[3])
		want := [2]float64{595.28, 841.89}
		if pages[i].Section == 1 {
			want = [2]float64{841.89, 595.28}
			landscape++
		}
		if math.Abs(w-want[0]) > 0.01 || math.Abs(h-want[1]) > 0.01 {
			t.Errorf("page %d is %.2f x %.2f pt, want %.2f x %.2f", i+1, w, h, want[0], want[1])
		}
	}
	if landscape < 2 {
		t.Errorf("want 2+ landscape pages, got %d", landscape)
	}
}

// Every word lies inside the margins (the Columns blocks may reach
// maxOffset mm into the left margin, as ND30's templates do), and the page
// number alone sits in the top margin: absent on each section's first
// page, centred on the others.
func TestTextInsideMarginsAndPageNumbers(t *testing.T) {
	t.Parallel()
	d := doctest.Long(fam)
	path, _ := render(t, d)
	pages, _ := layout.Layout(d, prof, fam)
	const maxOffset, tol = 3.5, 0.3
	bp := bbox(t, path)
	if len(bp) != len(pages) {
		t.Fatalf("pdftotext found %d pages, want %d", len(bp), len(pages))
	}
	for i, p := range bp {
		setup := prof.Page
		if pages[i].Section == 1 {
			setup = prof.Landscape
		}
		m := setup.Margins
		var inTop []word
		for _, w := range p.words {
			if w.yMax < m.Top {
				inTop = append(inTop, w)
				continue
			}
			if w.xMin < m.Left-maxOffset-tol || w.xMax > p.w-m.Right+tol || w.yMin < m.Top-tol || w.yMax > p.h-m.Bottom+tol {
				t.Errorf("page %d: %q at x %.2f..%.2f y %.2f..%.2f is outside the margins", i+1, w.text, w.xMin, w.xMax, w.yMin, w.yMax)
			}
		}
		first := i == 0 || pages[i].Section != pages[i-1].Section
		if first {
			if len(inTop) != 0 {
				t.Errorf("page %d (first of its section) shows %q in the top margin", i+1, inTop[0].text)
			}
			continue
		}
		want := strconv.Itoa(pages[i].Number)
		if len(inTop) != 1 || inTop[0].text != want {
			t.Errorf("page %d: top margin holds %v, want the number %s", i+1, inTop, want)
			continue
		}
		n := inTop[0]
		centre := m.Left + setup.TextWidth()/2
		if math.Abs((n.xMin+n.xMax)/2-centre) > 0.2 {
			t.Errorf("page %d: number centred at %.2f mm, want %.2f", i+1, (n.xMin+n.xMax)/2, centre)
		}
		if n.yMin < setup.HeaderMM-0.5 {
			t.Errorf("page %d: number starts %.2f mm from the top, above the header distance %.1f", i+1, n.yMin, setup.HeaderMM)
		}
	}
	// Justified lines end at the right margin in the PDF as in the layout.
	right := bp[0].w - prof.Page.Margins.Right
	atEdge := 0
	for _, w := range bp[0].words {
		if math.Abs(w.xMax-right) < 0.15 {
			atEdge++
		}
	}
	if atEdge < 10 {
		t.Errorf("only %d lines of page 1 end at the right margin", atEdge)
	}
}

func TestFontsEmbedded(t *testing.T) {
	t.Parallel()
	path, _ := render(t, doctest.Long(fam))
	out := tool(t, "pdffonts", path)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2+4 {
		t.Fatalf("want 4 fonts:\n%s", out)
	}
	re := regexp.MustCompile(`^([A-Z]{6})\+(LiberationSerif\S*)\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s`)
	var names []string
	for _, l := range lines[2:] {
		m := re.FindStringSubmatch(l)
		if m == nil {
			t.Errorf("font not embedded as a subset with ToUnicode: %s", l)
			continue
		}
		names = append(names, m[2])
	}
	slices.Sort(names)
	if want := []string{"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-BoldItalic", "LiberationSerif-Italic"}; !slices.Equal(names, want) {
		t.Errorf("fonts %v, want %v", names, want)
	}
}

func TestQPDFCheck(t *testing.T) {
	t.Parallel()
	for name, d := range map[string]*doc.Document{
		"sample": doctest.Long(fam),
		"empty":  {},
	} {
		path, _ := render(t, d)
		out := tool(t, "qpdf", "--check", path)
		if !strings.Contains(out, "No syntax or stream encoding errors") {
			t.Errorf("%s: qpdf --check:\n%s", name, out)
		}
	}
}

func TestTextExtraction(t *testing.T) {
	t.Parallel()
	d := doctest.Long(fam)
	path, _ := render(t, d)
	text := tool(t, "pdftotext", "-enc", "UTF-8", path, "-")
	if !norm.NFC.IsNormalString(text) {
		t.Error("extracted text is not NFC")
	}
	got := strings.Fields(text)
	want := docWords(d)
	pages, _ := layout.Layout(d, prof, fam)
	header := strings.Fields("TT Tên tiêu chí Kết quả thực hiện Chỉ tiêu Năm 2024 Đánh giá")
	for _, p := range pages {
		if p.Number > 0 {
			want = append(want, strconv.Itoa(p.Number))
		}
		// The sample's tables start mid-page, so a page opening with
		// "TT" shows their header rows repeated.
		for _, it := range p.Items {
			if it.Role == layout.RoleText {
				if it.Text == "TT" {
					want = append(want, header...)
				}
				break
			}
		}
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		gm, wm := map[string]int{}, map[string]int{}
		for _, w := range got {
			gm[w]++
		}
		for _, w := range want {
			wm[w]++
		}
		var diff []string
		for w, n := range wm {
			if gm[w] != n {
				diff = append(diff, fmt.Sprintf("%q: pdf %d, doc %d", w, gm[w], n))
			}
		}
		for w, n := range gm {
			if _, ok := wm[w]; !ok {
				diff = append(diff, fmt.Sprintf("%q: pdf %d, doc 0", w, n))
			}
		}
		slices.Sort(diff)
		t.Errorf("%d words in the PDF, %d in the document; differences:\n%s", len(got), len(want), strings.Join(diff, "\n"))
	}

	// In a single column the words come back in order, word for word.
	flow := &doc.Document{Sections: []doc.Section{{Blocks: []doc.Block{
		doctest.Heading1("I. MỤC TIÊU"),
		doctest.P(doc.StyleBody, doctest.Para(0, 8)),
		doctest.Item("-", doctest.Para(3, 2)),
		&doc.Paragraph{Style: doc.StyleBody, Runs: []doc.Run{{Text: "Đạt "}, {Text: "19/19", Bold: true}, {Text: " tiêu chí, "}, {Text: "trong đó", Italic: true, Bold: true}, {Text: " có 7\u00a0km đường."}}},
	}}}}
	path, _ = render(t, flow)
	got = strings.Fields(tool(t, "pdftotext", "-enc", "UTF-8", "-raw", path, "-"))
	want = docWords(flow)
	if !slices.Equal(got, want) {
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Fatalf("word %d: pdf %q, doc %q", i+1, got[i], want[i])
			}
		}
		t.Fatalf("pdf has %d words, doc %d", len(got), len(want))
	}
}

// vietnamese returns every Vietnamese letter: 12 vowels × 6 tones in lower
// and upper case, đ and Đ, and the typographic signs a plan uses.
func vietnamese() []string {
	var out []string
	for _, v := range []string{"a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"} {
		for _, tone := range []string{"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"} {
			l := norm.NFC.String(v + tone)
			out = append(out, l, strings.ToUpper(l))
		}
	}
	return append(out, "đ", "Đ", "≤", "≥", "“", "”", "–", "…")
}

func TestVietnameseGlyphs(t *testing.T) {
	t.Parallel()
	letters := vietnamese()
	if len(letters) != 12*6*2+8 {
		t.Fatalf("%d letters", len(letters))
	}
	for _, l := range letters {
		if len([]rune(l)) != 1 {
			t.Fatalf("%q is not one precomposed character", l)
		}
	}
	line := strings.Join(letters, " ")
	var blocks []doc.Block
	for _, r := range []doc.Run{{}, {Bold: true}, {Italic: true}, {Bold: true, Italic: true}} {
		s := fonts.StyleOf(r.Bold, r.Italic)
		for _, l := range letters {
			if !fam.HasGlyph(s, []rune(l)[0]) {
				t.Errorf("style %d has no glyph for %q", s, l)
			}
		}
		r.Text = line
		blocks = append(blocks, &doc.Paragraph{Style: doc.StyleBody, Runs: []doc.Run{r}})
	}
	path, _ := render(t, &doc.Document{Sections: []doc.Section{{Blocks: blocks}}})
	got := strings.Fields(tool(t, "pdftotext", "-enc", "UTF-8", "-raw", path, "-"))
	var want []string
	for range 4 {
		want = append(want, letters...)
	}
	if !slices.Equal(got, want) {
		t.Errorf("pdftotext gave back\n%q\nwant\n%q", got, want)
	}
}

func TestMissingGlyphIsAnError(t *testing.T) {
	t.Parallel()
	d := &doc.Document{Sections: []doc.Section{{Blocks: []doc.Block{doctest.P(doc.StyleBody, "Đạt 😀")}}}}
	err := pdf.Write(&bytes.Buffer{}, d, prof, fam)
	if err == nil || !strings.Contains(err.Error(), "U+1F600") {
		t.Errorf("error %v, want one naming U+1F600", err)
	}
}

func TestDeterministicAndMetadata(t *testing.T) {
	t.Parallel()
	d := doctest.Long(fam)
	_, a := render(t, d)
	path, b := render(t, doctest.Long(fam))
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same document differ")
	}
	for _, want := range []string{"/CreationDate (D:20250805080000)", "/ModDate (D:20250805080000)", "/Lang (vi-VN)", "/Producer (kehoach)"} {
		if !bytes.Contains(a, []byte(want)) {
			t.Errorf("PDF lacks %s", want)
		}
	}
	info := tool(t, "pdfinfo", path)
	for _, want := range []string{"Title:           " + d.Meta.Title, "Author:          " + d.Meta.Author, "Pages:           9"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	// A document without a date still gives a fixed date, never the clock.
	zero := doctest.Long(fam)
	zero.Meta = doc.Meta{}
	_, z := render(t, zero)
	if !bytes.Contains(z, []byte("/CreationDate (D:20000101000000)")) {
		t.Error("a document without a date does not get the fixed fallback date")
	}
}

func BenchmarkWrite(b *testing.B) {
	d := doctest.Long(fam)
	var buf bytes.Buffer
	pages, _ := layout.Layout(d, prof, fam)
	w := pdf.NewWriter() // as in a build run: the faces are parsed once
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := w.Write(&buf, d, prof, fam); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "pdf-bytes")
	b.ReportMetric(float64(len(pages)), "pages")
}
