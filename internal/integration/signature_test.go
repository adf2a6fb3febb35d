//go:build integration

package integration

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"kehoach/internal/build"
	"kehoach/internal/compose"
	"kehoach/internal/doc"
	"kehoach/internal/fonts"
	"kehoach/internal/layout"
	"kehoach/internal/plan"
	"kehoach/internal/plan/plantest"
	"kehoach/internal/testkit"
)

// signature are the texts that show where the end of a document landed.
type signature struct {
	closingEnd string // the last words of the closing sentence, ending in "./."
	noiNhan    string // the Nơi nhận title
	signer     string // the signer's name, or the title line above a blank name
}

// signatureOf reads the closing sentence and the signature block (the last
// KeepTogether Columns block of the first section) from the document model.
func signatureOf(t *testing.T, name string, d *doc.Document) signature {
	t.Helper()
	blocks := d.Sections[0].Blocks
	si := -1
	for i := len(blocks) - 1; i >= 0; i-- {
		if c, ok := blocks[i].(*doc.Columns); ok && c.KeepTogether && len(c.Cols) == 2 {
			si = i
			break
		}
	}
	if si < 0 {
		t.Fatalf("%s: no signature block", name)
	}
	var s signature
	for i := si - 1; i >= 0 && s.closingEnd == ""; i-- {
		if p, ok := blocks[i].(*doc.Paragraph); ok {
			w := strings.Fields(testkit.Words(doc.PlainText(p.Runs)))
			s.closingEnd = strings.Join(w[max(len(w)-3, 0):], " ")
		}
	}
	sig := blocks[si].(*doc.Columns)
	if p, ok := sig.Cols[0][0].(*doc.Paragraph); ok {
		s.noiNhan = testkit.Words(doc.PlainText(p.Runs))
	}
	right := sig.Cols[1]
	for i := len(right) - 1; i >= 0 && s.signer == ""; i-- {
		if p, ok := right[i].(*doc.Paragraph); ok {
			s.signer = testkit.Words(doc.PlainText(p.Runs))
		}
	}
	if !strings.HasSuffix(s.closingEnd, "./.") || s.noiNhan == "" || s.signer == "" {
		t.Fatalf("%s: closing %q, Nơi nhận %q, signer %q: not a Kế hoạch's end", name, s.closingEnd, s.noiNhan, s.signer)
	}
	return s
}

// checkSignaturePage checks that the page holding the closing sentence's
// "./." also holds Nơi nhận and the signer, below the closing, and that it
// is the main section's last page: no page holds the signature alone, and
// no part of the block spills over.
func checkSignaturePage(t *testing.T, what string, pages []pdfPage, s signature) {
	t.Helper()
	main := len(pages)
	for i, p := range pages {
		if p.w > p.h { // the annexes are landscape sections
			main = i
			break
		}
	}
	at := -1
	for i := main - 1; i >= 0; i-- {
		if pages[i].find(s.closingEnd) >= 0 {
			at = i
			break
		}
	}
	if at < 0 {
		t.Errorf("%s: no page holds the closing sentence's end %q", what, s.closingEnd)
		return
	}
	p := &pages[at]
	c, n, g := p.find(s.closingEnd), p.find(s.noiNhan), p.find(s.signer)
	switch {
	case n < 0 || g < 0:
		t.Errorf("%s: page %d ends the text (%q) but lacks Nơi nhận (%v) or the signer %q (%v): the signature block was cut off the closing sentence",
			what, at+1, s.closingEnd, n >= 0, s.signer, g >= 0)
	case p.words[c].yMax > p.words[n].yMin:
		t.Errorf("%s: page %d: the closing sentence is not above Nơi nhận", what, at+1)
	}
	if at != main-1 {
		t.Errorf("%s: the closing sentence is on page %d but the main section runs to page %d: part of the signature stands on a page of its own", what, at+1, main)
	}
	for i := 0; i < main; i++ {
		if i != at && (pages[i].find(s.noiNhan) >= 0 || pages[i].find(s.signer) >= 0) && pages[i].find(s.closingEnd) < 0 {
			t.Errorf("%s: page %d holds the signature block without the closing sentence", what, i+1)
		}
	}
}

// trichYeuGap measures on page 1, in pt, the white space between the rule
// under the trích yếu and the first căn cứ line: from the rule's lower edge
// (the stroke drawn nearest above that line, centred on the text column;
// its y and width read from the content stream) to the line's text top
// (its baseline, from the Td that draws the word “Căn”, minus the hhea
// ascent of its size). Poppler's word box is used only to find the word.
func trichYeuGap(t *testing.T, what string, p pdfPage, prof *doc.Profile) (float64, bool) {
	t.Helper()
	i := p.find("Căn cứ")
	if i < 0 {
		t.Errorf("%s: page 1 has no căn cứ line", what)
		return 0, false
	}
	base, ok := p.baselineOf(p.words[i])
	if !ok {
		t.Errorf("%s: no baseline drawn inside the box of “Căn” (%.2f–%.2f pt)", what, p.words[i].yMin, p.words[i].yMax)
		return 0, false
	}
	top := base - testkit.Ascent*prof.Style(doc.StyleCanCu).Size
	const pt = 72 / 25.4
	centre := (prof.Page.Margins.Left + prof.Page.TextWidth()/2) * pt
	var rule *pdfStroke
	for k, s := range p.strokes {
		if s.y < top && (s.x1+s.x2)/2 > centre-2 && (s.x1+s.x2)/2 < centre+2 && (rule == nil || s.y > rule.y) {
			rule = &p.strokes[k]
		}
	}
	if rule == nil {
		t.Errorf("%s: no centred rule above the first căn cứ line", what)
		return 0, false
	}
	return top - (rule.y + rule.width/2), true
}

// nearPageBottom returns Mường Khoa's 2025 document lengthened by one more
// duty at the end of part V, just enough that the closing sentence and the
// signature block do not both fit on the page the text reaches: in the
// native layout the closing sentence opens a page while the page before
// still has room for two of its lines. Without a whole keep chain, Word and
// LibreOffice leave the closing sentence there and move the signature alone
// to the next page.
func nearPageBottom(t *testing.T) (*doc.Document, *doc.Profile) {
	t.Helper()
	path := filepath.Join(testkit.RepoRoot(t), "plans", "muong-khoa", "2025.yaml")
	filler := strings.Fields(strings.Repeat("Tăng cường kiểm tra, giám sát việc thực hiện Chương trình tại các bản. ", 200))
	for n := 0; n < 150; n++ {
		res, err := plan.Load(path)
		if err != nil || !res.OK() {
			t.Fatalf("%s: %v %v", path, err, res.Errors)
		}
		last := &res.Plan.ToChuc[len(res.Plan.ToChuc)-1]
		last.NoiDung = append(last.NoiDung, plan.Muc{Y: strings.Join(filler[:4+9*n], " ") + "."})
		d, err := compose.Compose(res.Plan, plantest.Profile(t, res), layout.Bundled())
		if err != nil {
			t.Fatal(err)
		}
		pages, err := layout.Layout(d, plantest.Profile(t, res), fonts.Bundled())
		if err != nil {
			t.Fatal(err)
		}
		first := closingFirstLine(d)
		for pi := 1; pi < len(pages) && pages[pi].Section == 0; pi++ {
			lines := textLines(pages[pi])
			if len(lines) == 0 || !strings.HasPrefix(lines[0].Text, first) {
				continue
			}
			prev := textLines(pages[pi-1])
			size := plantest.Profile(t, res).Style(doc.StyleBody).Size
			room := pages[pi-1].Height - plantest.Profile(t, res).Page.Margins.Bottom - (prev[len(prev)-1].Y + size*443/2048/fonts.PtPerMM)
			if room >= 2*size*2355/2048/fonts.PtPerMM {
				t.Logf("near-bottom variant: %d words added; the closing sentence opens page %d, page %d has %.1f mm free", 4+9*n, pi+1, pi, room)
				return d, plantest.Profile(t, res)
			}
		}
	}
	t.Fatal("no length of the added duty brings the closing sentence near a page bottom")
	return nil, nil
}

// closingFirstLine is the start of the closing sentence (its first three
// words), as a laid-out line begins.
func closingFirstLine(d *doc.Document) string {
	blocks := d.Sections[0].Blocks
	for i := len(blocks) - 1; i >= 0; i-- {
		if p, ok := blocks[i].(*doc.Paragraph); ok && strings.HasSuffix(strings.TrimSpace(doc.PlainText(p.Runs)), "./.") {
			w := strings.Fields(doc.PlainText(p.Runs))
			return strings.Join(w[:min(3, len(w))], " ")
		}
	}
	return "\x00"
}

// textLines are a page's body text lines (no page number).
func textLines(p layout.Page) []layout.TextLine {
	var out []layout.TextLine
	for _, ln := range layout.TextLines(p) {
		if ln.Items[0].Role == layout.RoleText {
			out = append(out, ln)
		}
	}
	return out
}

// The DOCX as LibreOffice paginates it, and kehoach's own PDF: the page
// holding the closing sentence's end also holds Nơi nhận and the signer,
// and the first căn cứ line keeps the profile's white space under the
// trích yếu rule. The documents are every plan of testkit.PaginationPlans and
// Mường Khoa's plan lengthened so the closing sentence falls near a page
// bottom. (Formerly build's TestSignaturePageLibreOffice.)
func signaturePages(t *testing.T, dir string) ([]string, func(t *testing.T)) {
	testkit.Tool(t, "pdftotext", "poppler-utils")
	testkit.Tool(t, "qpdf", "qpdf")
	type built struct {
		name    string
		d       *doc.Document
		prof    *doc.Profile
		pdf, lo string // kehoach's PDF, LibreOffice's PDF of the DOCX
		docxXML string
	}
	var docs []built
	var docxs []string
	add := func(name string, d *doc.Document, prof *doc.Profile) {
		i := len(docs)
		dx, err := build.Render("docx", d, prof, nil)
		if err != nil {
			t.Fatalf("%s: DOCX: %v", name, err)
		}
		pdf, err := build.Render("pdf", d, prof, fonts.Bundled())
		if err != nil {
			t.Fatalf("%s: PDF: %v", name, err)
		}
		parts, _ := testkit.Unzip(t, dx)
		b := built{name: name, d: d, prof: prof, docxXML: string(parts["word/document.xml"]),
			pdf: filepath.Join(dir, fmt.Sprintf("build-kehoach-%03d.pdf", i)), lo: filepath.Join(dir, fmt.Sprintf("build-p%03d.pdf", i))}
		src := filepath.Join(dir, fmt.Sprintf("build-p%03d.docx", i))
		for _, f := range []struct {
			path string
			data []byte
		}{{src, dx}, {b.pdf, pdf}} {
			if err := os.WriteFile(f.path, f.data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		docs = append(docs, b)
		docxs = append(docxs, src)
	}
	for _, path := range testkit.PaginationPlans(t) {
		name := testkit.RelName(t, path)
		res, d, err := build.Compose(path, build.Options{})
		if err != nil || res == nil || !res.OK() || d == nil {
			var errs any
			if res != nil {
				errs = res.Errors
			}
			t.Errorf("%s does not build: %v %v", name, err, errs)
			continue
		}
		add(name, d, plantest.Profile(t, res))
	}
	d, prof := nearPageBottom(t)
	add("plans/muong-khoa/2025.yaml lengthened to a page bottom", d, prof)

	return docxs, func(t *testing.T) {
		for _, b := range docs {
			testkit.KeepChain(t, b.name, b.docxXML)
			sig := signatureOf(t, b.name, b.d)
			for _, out := range []struct{ what, pdf string }{
				{b.name + " (PDF)", b.pdf},
				{b.name + " (DOCX in LibreOffice)", b.lo},
			} {
				pages := readPDF(t, out.pdf)
				checkSignaturePage(t, out.what, pages, sig)
				checkWholeWords(t, out.what, pages, b.d)
				if gap, ok := trichYeuGap(t, out.what, pages[0], b.prof); ok {
					t.Logf("%s: first căn cứ line %.2f pt below the trích yếu rule", out.what, gap)
					if gap < b.prof.RuleSpaceBelow-0.05 {
						t.Errorf("%s: first căn cứ line only %.2f pt below the trích yếu rule, want ≥ %g", out.what, gap, b.prof.RuleSpaceBelow)
					}
				}
			}
		}
	}
}

// checkWholeWords fails when a landscape (annex) page shows a word that is
// not a word of the document: a piece of a word or number that a table
// column too narrow for it broke ("1.25" / "0", "Ngâ" / "n").
func checkWholeWords(t *testing.T, what string, pages []pdfPage, d *doc.Document) {
	t.Helper()
	words := map[string]bool{}
	for _, s := range d.Sections {
		for _, w := range testkit.BlockTexts(s.Blocks) {
			for _, part := range strings.Fields(strings.ReplaceAll(w, "\u00a0", " ")) {
				words[part] = true
			}
		}
	}
	for i, p := range pages {
		if p.w <= p.h {
			continue // portrait pages have no annex table
		}
		for _, w := range p.words {
			if !words[w.text] && !isPageNumber(w.text) {
				t.Errorf("%s, page %d: %q is not a word of the document (a word broken in a narrow column?)", what, i+1, w.text)
			}
		}
	}
}

func isPageNumber(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && n > 0 && n < 1000
}
