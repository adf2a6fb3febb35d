// Package pdf draws a document laid out by package layout as a PDF with
// codeberg.org/go-pdf/fpdf: A4 pages (portrait or landscape per section),
// the font family embedded as subsets with a ToUnicode map (so text
// extraction gives back the Vietnamese text as written, in NFC), justified
// lines with each word at its computed position, a heading outline, and
// byte-for-byte deterministic output.
//
// With Options (WritePagesWith) the same pages are written as a tagged PDF
// (tagged.go: structure tree from the document model, marked content,
// artifacts), as PDF/A-2b or PDF/A-1b (archive.go, xmp.go: XMP with the
// Phụ lục VI record, sRGB output intent, CIDSet, trailer ID) and with an
// empty signature field over the signing room. fpdf writes the pages and
// fonts as for paper; finish.go cuts its output into objects and writes
// the file again with the added objects, so fpdf needs no patch for it.
// The zero Options give the paper PDF byte for byte.
package pdf

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"io"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/sfnt"

	"kehoach/internal/doc"
	"kehoach/internal/fonts"
	"kehoach/internal/layout"
)

// Producer is the fixed producer (and creator) written into the PDF's
// document information.
const Producer = "kehoach"

// fallbackDate is the creation date written when the document has none,
// so output never depends on the clock.
var fallbackDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// A Writer writes PDFs that share the TrueType faces it parsed for the
// first of them (an fpdf.FontCache), so a build writing many PDFs parses
// and hashes each face once; the build owns it, and the faces are freed
// with it. It is safe for concurrent use. A nil *Writer parses the faces
// for every PDF.
type Writer struct {
	fonts *fpdf.FontCache
	// names are the PostScript names of the faces (psName), by the
	// identity of their bytes as the font cache knows them: faceKey →
	// string.
	names sync.Map
	// bufs are free output buffers, one per PDF being written at once.
	bufMu sync.Mutex
	bufs  []*bytes.Buffer
}

// faceKey is a face's bytes by identity (first byte and length).
type faceKey struct {
	data *byte
	size int
}

// psName returns psName(f, s), parsed once per face for the PDFs wr writes.
func (wr *Writer) psName(f *fonts.Family, s fonts.Style) string {
	ttf := f.TTF[s]
	if wr == nil || len(ttf) == 0 {
		return psName(f, s)
	}
	// The name falls back on the family's name when the face has none.
	type key struct {
		faceKey
		family string
		style  fonts.Style
	}
	k := key{faceKey{&ttf[0], len(ttf)}, f.Name, s}
	if v, ok := wr.names.Load(k); ok {
		return v.(string)
	}
	name := psName(f, s)
	wr.names.Store(k, name)
	return name
}

// buffer returns an empty output buffer, one of wr's free ones when there
// is one.
func (wr *Writer) buffer() *bytes.Buffer {
	if wr != nil {
		wr.bufMu.Lock()
		defer wr.bufMu.Unlock()
		if n := len(wr.bufs); n > 0 {
			b := wr.bufs[n-1]
			wr.bufs = wr.bufs[:n-1]
			return b
		}
	}
	return new(bytes.Buffer)
}

// maxFreeBuffers bounds the output buffers a Writer keeps, and
// maxKeptBuffer the capacity of one kept.
const (
	maxFreeBuffers = 4
	maxKeptBuffer  = 16 << 20
)

// release gives b, no longer used, back to wr.
func (wr *Writer) release(b *bytes.Buffer) {
	if wr == nil || b.Cap() > maxKeptBuffer {
		return
	}
	b.Reset()
	wr.bufMu.Lock()
	defer wr.bufMu.Unlock()
	if len(wr.bufs) < maxFreeBuffers {
		wr.bufs = append(wr.bufs, b)
	}
}

// NewWriter returns a Writer with an empty font cache.
func NewWriter() *Writer { return &Writer{fonts: fpdf.NewFontCache()} }

// Write lays out d with profile p and family f and writes it as a PDF to w,
// parsing the faces for this PDF alone (Writer.Write shares them).
func Write(w io.Writer, d *doc.Document, p *doc.Profile, f *fonts.Family) error {
	return (*Writer)(nil).Write(w, d, p, f)
}

// WritePages writes pages already laid out with family f as a PDF to w,
// parsing the faces for this PDF alone (Writer.WritePages shares them).
func WritePages(w io.Writer, meta doc.Meta, pages []layout.Page, f *fonts.Family) error {
	return (*Writer)(nil).WritePages(w, meta, pages, f)
}

// WritePagesWith writes pages as WritePages does, with the structures o
// asks for (Writer.WritePagesWith).
func WritePagesWith(w io.Writer, meta doc.Meta, pages []layout.Page, f *fonts.Family, o Options) error {
	return (*Writer)(nil).WritePagesWith(w, meta, pages, f, o)
}

// Write lays out d with profile p and family f and writes it as a PDF to w.
func (wr *Writer) Write(w io.Writer, d *doc.Document, p *doc.Profile, f *fonts.Family) error {
	pages, err := layout.Layout(d, p, f)
	if err != nil {
		return err
	}
	return wr.WritePages(w, d.Meta, pages, f)
}

// WritePages writes pages already laid out with family f as a PDF to w.
// It fails, naming the characters, when some text has no glyph in the
// font (a PDF would show empty boxes there).
func (wr *Writer) WritePages(w io.Writer, meta doc.Meta, pages []layout.Page, f *fonts.Family) error {
	return wr.WritePagesWith(w, meta, pages, f, Options{})
}

// WritePagesWith writes pages already laid out with family f as a PDF to
// w, tagged, archival or with a signature field as o says (the zero
// Options: as WritePages).
func (wr *Writer) WritePagesWith(w io.Writer, meta doc.Meta, pages []layout.Page, f *fonts.Family, o Options) error {
	if o.Tagged && o.Doc == nil {
		return fmt.Errorf("pdf: a tagged PDF needs its document (Options.Doc)")
	}
	var tg *tagger
	if o.Tagged {
		tg = newTagger(o.Doc, o.SignField)
	}
	used, err := usedRunes(pages, f)
	if err != nil {
		return err
	}
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "mm", Size: fpdf.SizeType{Wd: 210, Ht: 297}})
	if wr != nil {
		pdf.SetFontCache(wr.fonts)
	}
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetCompression(true)
	pdf.SetCatalogSort(true)
	date := meta.Date
	if date.IsZero() {
		date = fallbackDate
	}
	pdf.SetCreationDate(date)
	pdf.SetModificationDate(date)
	pdf.SetProducer(Producer, false)
	pdf.SetCreator(Producer, false)
	if meta.Title != "" {
		pdf.SetTitle(meta.Title, true)
	}
	if meta.Author != "" {
		pdf.SetAuthor(meta.Author, true)
	}
	if meta.Subject != "" {
		pdf.SetSubject(meta.Subject, true)
	}
	if len(meta.Keywords) > 0 {
		pdf.SetKeywords(strings.Join(meta.Keywords, "; "), true)
	}
	if meta.Language != "" {
		pdf.SetLang(meta.Language)
	}
	pdf.SetDrawColor(0, 0, 0)
	pdf.SetTextColor(0, 0, 0)

	// Register the used faces under placeholder names of the same length as
	// their final subset names ("ABCDEF+LiberationSerif-Bold"), which are
	// patched in after output without moving any byte offset.
	var fam [4]string
	var rename [][2]string
	first := -1
	for s := fonts.Regular; s <= fonts.BoldItalic; s++ {
		if len(used[s]) == 0 {
			continue
		}
		if first < 0 {
			first = int(s)
		}
		final := subsetTag(s, used[s]) + "+" + wr.psName(f, s)
		fam[s] = placeholder(int(s), len(final)-len("utf8"))
		rename = append(rename, [2]string{"utf8" + fam[s], final})
		wr.seedFontID(f, s, fam[s])
		pdf.AddUTF8FontFromBytes(fam[s], "", f.TTF[s])
	}

	if len(pages) == 0 {
		pdf.AddPage()
	}
	level := 0
	for i, pg := range pages {
		pdf.AddPageFormat("P", fpdf.SizeType{Wd: pg.Width, Ht: pg.Height})
		if tg != nil {
			tg.startPage(i)
		}
		drawPage(pdf, pg, f, fam, tg)
		if len(pg.Marks) > 0 && first >= 0 {
			pdf.SetFont(fam[first], "", 12) // outline titles are UTF-16 only with a UTF-8 font current
			for _, m := range pg.Marks {
				// fpdf's outline needs levels that deepen one step at a time.
				level = max(1, min(m.Level, level+1))
				pdf.Bookmark(m.Text, level-1, m.Y)
			}
		}
	}
	buf := wr.buffer()
	defer wr.release(buf) // w has written out (io.Writer keeps no slice)
	if err := pdf.Output(buf); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	out := renameFonts(buf.Bytes(), rename)
	if o.finished() {
		if out, err = finish(out, meta, pages, o, tg); err != nil {
			return err
		}
	}
	_, err = w.Write(out)
	return err
}

// fontNameKeys are the keys before which renameFonts replaces font names.
var fontNameKeys = [...]string{"/BaseFont /", "/FontName /"}

// renameFonts replaces in b each placeholder font name rename[i][0] that
// follows one of fontNameKeys by its subset name rename[i][1], as
// bytes.ReplaceAll of key+old by key+new for every name and key in turn
// would. When every name has its placeholder's length (as placeholder
// makes them) b is changed in place, in one pass over the places where a
// placeholder name starts; otherwise it is copied by bytes.ReplaceAll.
func renameFonts(b []byte, rename [][2]string) []byte {
	for _, r := range rename {
		if len(r[0]) != len(r[1]) || !strings.HasPrefix(r[0], "utf8"+placeholderPrefix) {
			for _, r := range rename {
				for _, key := range fontNameKeys {
					b = bytes.ReplaceAll(b, []byte(key+r[0]), []byte(key+r[1]))
				}
			}
			return b
		}
	}
	if len(rename) == 0 {
		return b
	}
	// A subset name ("ABCDEF+…") holds no key nor placeholder start, so
	// no replacement makes or breaks another match: one pass, in any
	// order, gives what the replacements one after another give.
	start := []byte("utf8" + placeholderPrefix)
	for i := 0; ; i++ {
		k := bytes.Index(b[i:], start)
		if k < 0 {
			return b
		}
		i += k
		if !afterKey(b, i) {
			continue
		}
		for _, r := range rename {
			if bytes.HasPrefix(b[i:], []byte(r[0])) {
				copy(b[i:], r[1])
				i += len(r[1]) - 1
				break
			}
		}
	}
}

// afterKey reports whether b[:i] ends with one of fontNameKeys.
func afterKey(b []byte, i int) bool {
	for _, key := range fontNameKeys {
		if i >= len(key) && string(b[i-len(key):i]) == key {
			return true
		}
	}
	return false
}

// drawPage paints the items of a page; t, when not nil, marks them for
// the tagged PDF.
func drawPage(pdf *fpdf.Fpdf, pg layout.Page, f *fonts.Family, fam [4]string, t *tagger) {
	if t != nil {
		defer t.endPage(pdf)
	}
	curFont, curSize := "", 0.0
	curLW := -1.0
	fill := -1
	// On paper, each run of text items goes into one text object, each
	// word placed relative to the one before (fpdf patch 17); the tagged
	// PDF marks its text item by item, one text object each.
	inText := false
	defer func() {
		if inText {
			pdf.EndText()
		}
	}()
	for _, it := range pg.Items {
		if t != nil && it.Kind != layout.KindText {
			t.item(pdf, it)
		}
		if inText && it.Kind != layout.KindText {
			pdf.EndText()
			inText = false
		}
		switch it.Kind {
		case layout.KindFill:
			gray := layout.ShadeGray
			g := int(gray*255 + 0.5)
			if g != fill {
				pdf.SetFillColor(g, g, g)
				fill = g
			}
			pdf.Rect(it.X, it.Y, it.W, it.H, "F")
		case layout.KindLine:
			if lw := it.Thickness / fonts.PtPerMM; lw != curLW {
				pdf.SetLineWidth(lw)
				curLW = lw
			}
			pdf.Line(it.X, it.Y, it.X2, it.Y2)
		case layout.KindText:
			if it.Text == "" {
				continue
			}
			if t == nil && !inText {
				pdf.BeginText()
				inText = true
			}
			if fam[it.Style] != curFont || it.Size != curSize {
				pdf.SetFont(fam[it.Style], "", it.Size)
				curFont, curSize = fam[it.Style], it.Size
			}
			if t != nil {
				drawTagged(pdf, t, it, f)
				continue
			}
			if it.WordSpacing == 0 {
				pdf.Text(it.X, it.Y, it.Text)
				continue
			}
			// Word spacing (Tw) does not apply to the two-byte codes of
			// an embedded Unicode font: each word goes at the place
			// layout gave it.
			for _, w := range it.Words {
				pdf.Text(w.X, it.Y, w.Text)
			}
		}
	}
}

// usedRunes collects the characters drawn in each face and checks that the
// font has them.
func usedRunes(pages []layout.Page, f *fonts.Family) ([4][]rune, error) {
	// The characters of the Basic Multilingual Plane seen in each face
	// are bits, as many words as the largest needs (one page of text has
	// a few thousand characters, of a hundred or so distinct ones); the
	// others, rare, go into a map.
	const bmp = 1 << 16
	var inBMP [4][]uint64
	var other [4]map[rune]bool
	var missing []rune
	seen := map[rune]bool{}
	for _, pg := range pages {
		for _, it := range pg.Items {
			if it.Kind != layout.KindText {
				continue
			}
			st := it.Style
			for _, r := range it.Text {
				if r < bmp {
					if w := int(r >> 6); w >= len(inBMP[st]) {
						inBMP[st] = append(inBMP[st], make([]uint64, w+1-len(inBMP[st]))...)
					} else if inBMP[st][w]&(1<<(r&63)) != 0 {
						continue
					}
				} else if other[st][r] {
					continue
				}
				if !f.HasGlyph(st, r) {
					if !seen[r] {
						seen[r] = true
						missing = append(missing, r)
					}
					continue
				}
				if r < bmp {
					inBMP[st][r>>6] |= 1 << (r & 63)
				} else {
					if other[st] == nil {
						other[st] = map[rune]bool{}
					}
					other[st][r] = true
				}
			}
		}
	}
	if len(missing) > 0 {
		var b strings.Builder
		for i, r := range missing {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "“%c” (U+%04X)", r, r)
		}
		return [4][]rune{}, fmt.Errorf("pdf: phông %s không có chữ %s; hãy sửa văn bản hoặc chọn phông khác", f.Name, b.String())
	}
	var out [4][]rune
	for i := range out {
		for w, word := range inBMP[i] {
			for ; word != 0; word &= word - 1 {
				out[i] = append(out[i], rune(w*64+bits.TrailingZeros64(word)))
			}
		}
		if len(other[i]) > 0 {
			rest := make([]rune, 0, len(other[i]))
			for r := range other[i] {
				rest = append(rest, r)
			}
			slices.Sort(rest)
			out[i] = append(out[i], rest...)
		}
	}
	return out, nil
}

// subsetTag derives the six capital letters that mark an embedded subset
// from the face and the characters in it, so equal input gives equal tags.
func subsetTag(s fonts.Style, runes []rune) string {
	h := fnv.New64a()
	fmt.Fprintf(h, "%d:", s)
	for _, r := range runes {
		fmt.Fprintf(h, "%x,", r)
	}
	v := h.Sum64()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = byte('A' + v%26)
		v /= 26
	}
	return string(tag)
}

var styleSuffix = [4]string{"", "-Bold", "-Italic", "-BoldItalic"}

// psName returns the face's PostScript name (e.g. "LiberationSerif-Bold"),
// reduced to characters safe in a PDF name.
func psName(f *fonts.Family, s fonts.Style) string {
	name := ""
	if face, err := sfnt.Parse(f.TTF[s]); err == nil {
		var buf sfnt.Buffer
		name, _ = face.Name(&buf, sfnt.NameIDPostScript)
	}
	if name == "" {
		name = f.Name + styleSuffix[s]
	}
	var b strings.Builder
	for _, r := range name {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "Font" + styleSuffix[s]
	}
	return b.String()
}

// placeholderPrefix starts every placeholder family name.
const placeholderPrefix = "khf"

// placeholder is a lower-case fpdf family name of length n (at least 4),
// unique per face.
func placeholder(face, n int) string {
	p := placeholderPrefix + strconv.Itoa(face)
	if n > len(p) {
		p += strings.Repeat("x", n-len(p))
	}
	return p
}
