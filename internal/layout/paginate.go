package layout

import (
	"fmt"
	"strconv"

	"kehoach/internal/doc"
	"kehoach/internal/fonts"
)

// pager distributes elems over pages.
type pager struct {
	e     *engine
	pages []Page
	setup doc.PageSetup
	pn    doc.PageNumbering
	sec   int
	cur   int     // index of the current page
	y     float64 // cursor, mm from the top edge
	top   float64
	bot   float64
	// fresh: nothing but repeated table headers placed on the current page.
	fresh bool
	// soft: the current page was started by a natural page break, so
	// SpaceBefore at its top is dropped.
	soft   bool
	number int // logical number of the current page
	// banner is the document's banner line (doc.Document.Banner), printed
	// at the top of every page; "" for none.
	banner string
	// items holds the items of the pages, one page after another: the
	// current page's Items are always items[start:], capped, and an
	// earlier page's are a capped slice of it or of an earlier array (a
	// full array is not grown: the current page's items move to a new
	// one, sized for need more items).
	items []Item
	start int
	need  int
}

// add appends it to the current page.
func (pg *pager) add(it Item) {
	if len(pg.items) == cap(pg.items) {
		cur := pg.items[pg.start:]
		n := max(pg.need, 64) + 2*len(cur)
		pg.items = append(make([]Item, 0, n), cur...)
		pg.start = 0
	}
	pg.items = append(pg.items, it)
	pg.pages[pg.cur].Items = pg.items[pg.start:len(pg.items):len(pg.items)]
	if pg.need > 0 {
		pg.need--
	}
}

// section lays out one section, starting on a new page.
func (pg *pager) section(si int, s *doc.Section) error {
	pg.setup = pg.e.setup(s.Page)
	pg.pn = s.PageNumbers
	pg.sec = si
	m := pg.setup.Margins
	els, err := pg.e.blocks(box{x: m.Left, w: pg.setup.TextWidth()}, s.Blocks, modeFlow)
	if err != nil {
		return fmt.Errorf("layout: section %d: %w", si+1, err)
	}
	start := pg.number + 1
	if s.PageNumbers.Start > 0 {
		start = s.PageNumbers.Start
	}
	// Room for the items of els, a header row repeated and page furniture
	// on every page.
	need, h, rep := 0, 0.0, 0
	for k := range els {
		need += len(els[k].items)
		h += els[k].before + els[k].height + els[k].after
		if r := els[k].repeat; r != nil && k > 0 && len(els[k-1].repeat) != len(r) {
			for i := range r {
				rep += len(r[i].items)
			}
		}
	}
	pages := 1
	if _, ph := pg.setup.Size(); ph-m.Top-m.Bottom > 1 {
		pages += int(h / (ph - m.Top - m.Bottom))
	}
	pg.need = need + (pages+1)*(rep+2)
	pg.newPage(start, true, false)
	pg.flow(els)
	return nil
}

// newPage starts a page with logical number num.
func (pg *pager) newPage(num int, first, soft bool) {
	w, h := pg.setup.Size()
	pg.number = num
	pn := 0
	if pg.pn.Show && (!first || pg.pn.FirstPage) {
		pn = num
	}
	pg.pages = append(pg.pages, Page{Width: w, Height: h, Section: pg.sec, Number: pn})
	pg.start = len(pg.items)
	pg.cur = len(pg.pages) - 1
	pg.top = pg.setup.Margins.Top
	pg.bot = h - pg.setup.Margins.Bottom
	pg.y = pg.top
	pg.fresh = true
	pg.soft = soft
	if pg.banner != "" {
		pg.bannerLine()
	}
	if pn > 0 {
		pg.pageNumber(pn)
	}
}

// bannerSize is the font size (pt) of the banner line (doc.BannerSize).
const bannerSize = doc.BannerSize

// bannerLine draws the document's banner, bold, centred between the
// margins like the page number, the
// top of its line box HeaderMM from the top edge; the page number goes
// below it (headerTop).
func (pg *pager) bannerLine() {
	e := pg.e
	fs := fonts.StyleOf(true, false)
	w := e.f.WidthMM(fs, bannerSize, pg.banner)
	x := pg.setup.Margins.Left + (pg.setup.TextWidth()-w)/2
	y := pg.setup.HeaderMM + e.lineHeight(bannerSize, 1) - e.descent(bannerSize)
	pg.add(Item{Kind: KindText, Role: RoleBanner, X: x, Y: y, W: w, Style: fs, Size: bannerSize, Text: pg.banner})
}

// headerTop is the top of the page number's line box: HeaderMM, below the
// banner line when there is one (as Word stacks the header's paragraphs).
func (pg *pager) headerTop() float64 {
	if pg.banner == "" {
		return pg.setup.HeaderMM
	}
	return pg.setup.HeaderMM + pg.e.lineHeight(bannerSize, 1)
}

// pageNumber draws the number centred in the top margin, the top of its
// line box HeaderMM from the top edge (as Word places a header).
func (pg *pager) pageNumber(n int) {
	e := pg.e
	st := e.p.Style(doc.StylePageNumber)
	fs := fonts.StyleOf(st.Bold, st.Italic)
	text := strconv.Itoa(n)
	w := e.f.WidthMM(fs, st.Size, text)
	m := pg.setup.Margins
	x := m.Left + (pg.setup.TextWidth()-w)/2
	y := pg.headerTop() + e.lineHeight(st.Size, 1) - e.descent(st.Size)
	pg.add(Item{Kind: KindText, Role: RolePageNumber, X: x, Y: y, W: w, Style: fs, Size: st.Size, Text: text})
}

// flow places elems, breaking pages between them: a chain of elems linked
// by keepNext moves to the next page whole when it does not fit; a chain
// taller than a page is broken where it overflows.
func (pg *pager) flow(els []elem) {
	for i := 0; i < len(els); {
		el := &els[i]
		if el.pageBreak {
			if !pg.fresh {
				pg.newPage(pg.number+1, false, false)
			}
			i++
			continue
		}
		if pg.fresh && pg.soft && el.repeat != nil {
			for k := range el.repeat {
				pg.placeAs(&el.repeat[k], true)
			}
			pg.fresh = true // the rows below may still need a whole page
		}
		j := i
		for j < len(els)-1 && els[j].keepNext && !els[j+1].pageBreak {
			j++
		}
		if pg.y+pg.chainHeight(els[i:j+1]) <= pg.bot+eps {
			for k := i; k <= j; k++ {
				pg.place(&els[k])
			}
			i = j + 1
			continue
		}
		if !pg.fresh {
			pg.newPage(pg.number+1, false, true)
			continue
		}
		// Too tall for a whole page: place what fits, one elem at a time.
		pg.place(el)
		i++
		for i <= j && pg.y+pg.before(&els[i])+els[i].height <= pg.bot+eps {
			pg.place(&els[i])
			i++
		}
		if i <= j {
			// A chain that must stay on one page (a heading and its text,
			// the closing sentence and the signature) does not fit on one.
			pg.pages[pg.cur].Problems = append(pg.pages[pg.cur].Problems, Problem{Code: ProblemKeepBroken, Text: elemText(&els[i-1])})
			pg.newPage(pg.number+1, false, true)
		}
	}
}

func (pg *pager) before(el *elem) float64 {
	if pg.fresh && pg.soft {
		return 0
	}
	return el.before
}

// chainHeight is the height els need from the cursor: their spacing and
// heights, without the last one's SpaceAfter (which may fall into the
// bottom margin).
func (pg *pager) chainHeight(els []elem) float64 {
	h := pg.before(&els[0])
	for k := range els {
		if k > 0 {
			h += els[k].before
		}
		h += els[k].height
		if k < len(els)-1 {
			h += els[k].after
		}
	}
	return h
}

// place puts el at the cursor.
func (pg *pager) place(el *elem) { pg.placeAs(el, false) }

// placeAs puts el at the cursor, its items marked Repeated when it is a
// repeated table header row.
func (pg *pager) placeAs(el *elem, repeated bool) {
	p := &pg.pages[pg.cur]
	top := pg.y + pg.before(el)
	for _, it := range el.items {
		if it.seam && !pg.fresh {
			continue // the row above, on this page, drew this line
		}
		it = shift(it, 0, top)
		it.Repeated = repeated
		if it.field == doc.FieldPage {
			it.Text = strconv.Itoa(pg.number)
			it.W = pg.e.f.WidthMM(it.Style, it.Size, it.Text)
		}
		pg.add(it)
	}
	for _, m := range el.marks {
		m.Y += top
		p.Marks = append(p.Marks, m)
	}
	for _, a := range el.areas {
		a.Y += top
		p.Areas = append(p.Areas, a)
	}
	p.Problems = append(p.Problems, el.problems...)
	pg.y = top + el.height + el.after
	pg.fresh = false
}
