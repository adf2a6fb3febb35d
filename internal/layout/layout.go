// Package layout turns a format-neutral doc.Document into pages of
// positioned text fragments, lines and shaded boxes, using the ND30 profile
// for every size and spacing and a fonts.Family for every width. It knows
// nothing about PDF: a renderer only paints the Items of each Page.
//
// Coordinates are millimetres from the top-left corner of the page; text
// items are placed by the left end of their baseline. Font sizes, line
// thicknesses and paragraph spacing keep the units of package doc (points).
//
// Vertical metrics follow Microsoft Word so that a PDF and a DOCX of the same
// document break lines and pages alike:
//
//   - single line spacing is the font's hhea line height, (ascender −
//     descender + lineGap) / unitsPerEm, which is 2355/2048 ≈ 1.15 for
//     Times New Roman and Liberation Serif; a line is that × the font size ×
//     the style's LineSpacing, and the baseline sits one descent above the
//     bottom of the line box (extra leading goes above the text, as in Word);
//   - SpaceBefore and SpaceAfter add up between paragraphs; SpaceBefore is
//     dropped at the top of a page reached by a natural page break;
//   - lines break greedily at spaces (Word does the same); justified lines
//     stretch their U+0020 spaces so the line ends exactly at the right edge,
//     except the last line of a paragraph and lines ending in a hard "\n",
//     which stay left-aligned. U+00A0 never breaks, never stretches and
//     measures as a space. A word wider than a whole line (a narrow table
//     column) is cut between characters rather than overflow.
//
// Pagination keeps the ND30 conventions Word applies: a paragraph of two
// or more lines never leaves its first line alone at the bottom of a page
// nor its last line alone at the top; a paragraph whose style or own flag
// says KeepNext (headings) stays on the page of the next block's first
// lines; a Columns block with KeepTogether moves whole; table rows never
// split, rows joined by a RowSpan stay together, and header rows repeat at
// the top of every page a table continues on. A Spacer after a kept block
// is kept too. A PageBreak on a page that is still empty does nothing (no
// blank pages).
//
// Inside table cells paragraphs are set single-spaced, without indents or
// paragraph spacing (ND30 practice for tables); a table is followed by the
// Body style's SpaceAfter, like a paragraph.
package layout

import (
	"fmt"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"kehoach/internal/doc"
	"kehoach/internal/fonts"
)

// Layout constants, in millimetres unless the name says otherwise.
const (
	// RuleGap is the distance from the descender line of the text above to a
	// Rule (the rule sits this far below baseline + descent).
	RuleGap = 1.0
	// RulePt is the thickness of a Rule whose Thickness is zero, in points.
	RulePt = 0.5
	// BorderPt is the thickness of table borders, in points.
	BorderPt = 0.5
	// ShadeGray is the grey level of shaded cells (0 black, 1 white).
	ShadeGray = 0.85
)

// Kind is the kind of an Item (one byte, so that Kind, Role and the flags
// of an Item share one word).
type Kind uint8

// Item kinds.
const (
	KindText Kind = iota // a text fragment
	KindLine             // a straight line
	KindFill             // a filled rectangle
)

// Role says what an item is for, so that tests and dumps can pick items out.
type Role uint8

// Item roles.
const (
	RoleText       Role = iota // document text
	RolePageNumber             // the page number in the top margin
	RoleRule                   // a doc.Rule
	RoleBorder                 // a table cell border
	RoleUnderline              // underline of underlined text
	RoleShade                  // background of a shaded cell
	RoleBanner                 // the document's banner line in the top margin (doc.Document.Banner)
)

// Item is one positioned thing to paint.
type Item struct {
	// X, Y: for text, the left end of the baseline; for a line, its start;
	// for a fill, its top-left corner.
	X, Y float64
	// X2, Y2 are the end of a line.
	X2, Y2 float64
	// W is the advance width of a text fragment (including any
	// WordSpacing) or the width of a fill; H is the height of a fill.
	W, H float64
	// Style and Size (points) are the face and size of a text fragment.
	Style fonts.Style
	Size  float64
	// Text is the fragment's text (NFC as given, U+00A0 kept).
	Text string
	// WordSpacing is added to the advance of every U+0020 in Text, in mm
	// (non-zero only on justified lines).
	WordSpacing float64
	// Words are the words of Text placed on the baseline, on justified
	// lines (WordSpacing non-zero): word spacing (PDF Tw) does not apply to
	// the two-byte codes of an embedded font, so a renderer draws each
	// word at its X. Empty words (two spaces in a row) are left out.
	Words []Word
	// Thickness is the width of a line, in points.
	Thickness float64
	// Node is the document block whose text a text item shows: the
	// *doc.Paragraph (a table cell's paragraph as it is in the doc.Cell)
	// or the *doc.ListItem it was set from; nil for page furniture (page
	// number, banner) and for lines and fills. A tagged PDF marks the
	// item's text as content of that block's structure element.
	Node doc.Block
	// Kind and Role say what the item is and is for.
	Kind Kind
	Role Role
	// Repeated marks an item of a table header row repeated at the top of
	// a page the table continues on: a copy, not content of its own (a
	// tagged PDF marks it as an artifact).
	Repeated bool
	ul       bool      // underlined text
	field    doc.Field // a computed field, filled in at pagination
	// seam marks a table row's top border, which the rows above draw
	// already when the row follows them on the page: the pager leaves it
	// out there and keeps it where the row starts a page.
	seam bool
}

// Word is one word of a justified text item and its place.
type Word struct {
	X    float64 // left end of the word's baseline, mm
	Text string
}

// Mark is an outline entry (a heading) on a page.
type Mark struct {
	Level int     // 1, 2, …
	Text  string  // the heading text
	Y     float64 // top of the heading's first line, mm
}

// AreaKind is what a reserved Area is for.
type AreaKind int

// Area kinds.
const (
	AreaSignature AreaKind = iota + 1 // the signer's signature image (ND30 Phụ lục I, ô 7c)
	AreaSeal                          // the agency's seal image over the signature's left third (ô 8)
)

// Area is a rectangle of a page kept free for the images the signing
// system puts on an electronic document (doc.SignArea); X, Y is its
// top-left corner, W, H its size, in mm like every other coordinate.
type Area struct {
	Kind       AreaKind
	X, Y, W, H float64
}

// Page is one laid-out page.
type Page struct {
	Width, Height float64 // mm, as laid out (landscape pages are wider)
	Section       int     // index of the doc.Section
	// Number is the page number printed in the header, 0 when none is
	// printed (numbering off, or a section's first page).
	Number int
	// Items in paint order: fills first, then text and lines.
	Items []Item
	Marks []Mark
	// Areas are the signing areas on the page (doc.SignArea): the
	// signature box, then the seal box when there is one. A PDF writer
	// puts its signature field over the AreaSignature rectangle.
	Areas []Area
	// Problems are the layout faults found while setting this page (see
	// Check, which adds the ones measured on the finished page).
	Problems []Problem
}

// Metrics are a family's vertical metrics in em (fractions of the font
// size), from the regular face's hhea table, as Word uses them for single
// line spacing.
type Metrics struct {
	Line    float64 // single line height
	Ascent  float64 // height above the baseline
	Descent float64 // depth below the baseline (positive)
}

// TimesMetrics are the metrics of Times New Roman and of the bundled
// Liberation Serif (hhea 2355, 1825 and 443 of 2048 units); a family
// whose own metrics are unusable is set with them.
var TimesMetrics = Metrics{Line: 2355.0 / 2048, Ascent: 1825.0 / 2048, Descent: 443.0 / 2048}

var (
	metricsMu    sync.Mutex
	metricsCache = map[*fonts.Family]Metrics{}
)

// FamilyMetrics reads the regular face's hhea metrics of f.
func FamilyMetrics(f *fonts.Family) (Metrics, error) {
	metricsMu.Lock()
	defer metricsMu.Unlock()
	if m, ok := metricsCache[f]; ok {
		return m, nil
	}
	face, err := sfnt.Parse(f.TTF[fonts.Regular])
	if err != nil {
		return Metrics{}, fmt.Errorf("layout: font %s: %w", f.Name, err)
	}
	upem := int(face.UnitsPerEm())
	var buf sfnt.Buffer
	fm, err := face.Metrics(&buf, fixed.I(upem), font.HintingNone)
	if err != nil {
		return Metrics{}, fmt.Errorf("layout: font %s: %w", f.Name, err)
	}
	m := Metrics{
		Line:    float64(fm.Height) / 64 / float64(upem),
		Ascent:  float64(fm.Ascent) / 64 / float64(upem),
		Descent: float64(fm.Descent) / 64 / float64(upem),
	}
	switch {
	case m.Line <= 0 || m.Descent < 0 || m.Descent >= m.Line:
		m = TimesMetrics
	case m.Ascent <= 0 || m.Ascent > m.Line-m.Descent:
		m.Ascent = m.Line - m.Descent // no line gap
	}
	metricsCache[f] = m
	return m, nil
}

// pt converts points to millimetres.
func pt(v float64) float64 { return v / fonts.PtPerMM }

// engine carries what every block builder needs.
type engine struct {
	p *doc.Profile
	f *fonts.Family
	m Metrics
	*scratch
	// chunk is the array keep hands out line items from, words the one
	// placeWords hands out Words from.
	chunk []Item
	words []Word
	depth int // of blocks' nesting (scratch.elems)
}

// scratch is an engine's reusable arrays: nothing in them outlives the
// call that fills them, and a Layout puts them back into scratchPool,
// emptied, for the next one.
type scratch struct {
	// toks and segs are tokenize's scratch arrays (one paragraph's).
	toks []tok
	segs []seg
	// lineItems is setPara's scratch array for a line's items.
	lineItems []Item
	// elems are blocks' scratch arrays, one per depth of nesting (a
	// table cell's blocks one level below the table's).
	elems [][]elem
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// release empties s (no text or node of a document stays reachable) and
// puts it back into scratchPool.
func (s *scratch) release() {
	clear(s.toks[:cap(s.toks)])
	clear(s.segs[:cap(s.segs)])
	clear(s.lineItems[:cap(s.lineItems)])
	for i := range s.elems {
		clear(s.elems[i][:cap(s.elems[i])])
	}
	scratchPool.Put(s)
}

// lineHeight returns the line box height (mm) for text of size pt at the
// given line spacing multiple.
func (e *engine) lineHeight(size, spacing float64) float64 {
	if spacing <= 0 {
		spacing = 1
	}
	return pt(size * e.m.Line * spacing)
}

// descent returns the descent (mm) of text of size pt.
func (e *engine) descent(size float64) float64 { return pt(size * e.m.Descent) }

// Layout lays out d with profile p and font family f.
func Layout(d *doc.Document, p *doc.Profile, f *fonts.Family) ([]Page, error) {
	if d == nil || p == nil || f == nil {
		return nil, fmt.Errorf("layout: nil document, profile or font family")
	}
	m, err := FamilyMetrics(f)
	if err != nil {
		return nil, err
	}
	e := &engine{p: p, f: f, m: m, scratch: scratchPool.Get().(*scratch)}
	defer e.scratch.release()
	pg := &pager{e: e, banner: d.Banner}
	for si := range d.Sections {
		if err := pg.section(si, &d.Sections[si]); err != nil {
			return nil, err
		}
	}
	for i := range pg.pages {
		paintOrder(pg.pages[i].Items)
		e.placeWords(pg.pages[i].Items)
	}
	return pg.pages, nil
}

// placeWords sets the Words of the justified text items: each word after
// the last one's advance and a space widened by the item's WordSpacing.
func (e *engine) placeWords(items []Item) {
	chunk := e.words
	defer func() { e.words = chunk }()
	for i := range items {
		it := &items[i]
		if it.Kind != KindText || it.WordSpacing == 0 || it.Text == "" {
			continue
		}
		x := it.X
		space := e.f.WidthMM(it.Style, it.Size, " ") + it.WordSpacing
		// The words of all items share arrays of wordChunk words (or
		// more, for an item with more), each item's capped.
		n := strings.Count(it.Text, " ") + 1
		if cap(chunk)-len(chunk) < n {
			chunk = make([]Word, 0, max(wordChunk, n))
		}
		it.Words = chunk[len(chunk):len(chunk)]
		rest := it.Text
		for k := 0; ; k++ {
			word, after, more := strings.Cut(rest, " ")
			if k > 0 {
				x += space
			}
			if word != "" {
				it.Words = append(it.Words, Word{X: x, Text: word})
				x += e.f.WidthMM(it.Style, it.Size, word)
			}
			if !more {
				break
			}
			rest = after
		}
		it.Words = it.Words[:len(it.Words):len(it.Words)]
		chunk = chunk[:len(chunk)+len(it.Words)]
	}
}

// wordChunk is the number of words of the arrays placeWords carves the
// Words of justified items from.
const wordChunk = 128

// paintOrder moves fills before everything else, keeping the order within
// each group.
func paintOrder(items []Item) {
	n := 0
	for _, it := range items {
		if it.Kind == KindFill {
			n++
		}
	}
	if n == 0 || n == len(items) {
		return
	}
	// In place: the others moved to the end, last first, then the fills
	// (kept aside) before them.
	fills := make([]Item, 0, n)
	for _, it := range items {
		if it.Kind == KindFill {
			fills = append(fills, it)
		}
	}
	w := len(items)
	for i := len(items) - 1; i >= 0; i-- {
		if items[i].Kind != KindFill {
			w--
			items[w] = items[i]
		}
	}
	copy(items, fills)
}

// setup resolves a section's page setup: zero sizes take the profile's
// portrait or landscape setup.
func (e *engine) setup(s doc.PageSetup) doc.PageSetup {
	if s.Width > 0 && s.Height > 0 {
		return s
	}
	if s.Landscape {
		return e.p.Landscape
	}
	return e.p.Page
}

const eps = 1e-6
