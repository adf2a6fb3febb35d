package layout_test

import (
	"regexp"
	"strings"
	"testing"

	"kehoach/internal/doc"
	"kehoach/internal/doc/doctest"
	"kehoach/internal/fonts"
	"kehoach/internal/layout"
)

// noted is a body paragraph of n sentences beside a margin note of m.
func noted(n, m int, keep bool) *doc.Columns {
	return beside(doctest.P(doc.StyleBody, doctest.Para(0, n)), "GHI CHÚ "+doctest.Para(1, m), keep)
}

// beside is b with a margin note, as the review copy sets it.
func beside(b doc.Block, note string, keep bool) *doc.Columns {
	w := prof.Page.TextWidth()
	return &doc.Columns{
		Widths:   []float64{w - 55, 5, 50},
		Cols:     [][]doc.Block{{b}, nil, {doctest.P(doc.StyleTableCell, note)}},
		KeepNext: keep,
		Note:     true,
	}
}

// TestBanner: every page carries the banner centred in the top margin,
// the page number under it, both above the text.
func TestBanner(t *testing.T) {
	var blocks []doc.Block
	for range 40 {
		blocks = append(blocks, doctest.P(doc.StyleBody, doctest.Para(0, 3)))
	}
	d := &doc.Document{Banner: "BẢN TRÌNH", Sections: []doc.Section{{PageNumbers: doc.PageNumbering{Show: true}, Blocks: blocks}}}
	pages, err := layout.Layout(d, prof, fam)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 3 {
		t.Fatalf("%d pages", len(pages))
	}
	for i, p := range pages {
		var banner, number *layout.Item
		for k := range p.Items {
			switch p.Items[k].Role {
			case layout.RoleBanner:
				banner = &p.Items[k]
			case layout.RolePageNumber:
				number = &p.Items[k]
			}
		}
		if banner == nil || banner.Text != "BẢN TRÌNH" || banner.Style != fonts.Bold || banner.Size != doc.BannerSize {
			t.Fatalf("page %d: banner %+v", i+1, banner)
		}
		if mid := left + prof.Page.TextWidth()/2; !near(banner.X+banner.W/2, mid) {
			t.Errorf("page %d: banner centred at %.2f, want %.2f", i+1, banner.X+banner.W/2, mid)
		}
		if i > 0 && (number == nil || number.Y <= banner.Y) {
			t.Errorf("page %d: page number %+v not under the banner at %.2f", i+1, number, banner.Y)
		}
		if first := body(p)[0].Items[0]; first.Y-first.Size/2.8 < prof.Page.Margins.Top-1 || (number != nil && number.Y >= first.Y) {
			t.Errorf("page %d: header lines run into the text at %.2f", i+1, first.Y)
		}
	}
}

// TestMarginNote: a note's lines are painted together after the first line
// of its item (so the PDF's text reads the note whole next to the item),
// the note never splits across pages, and a KeepNext block stays on the
// page of the block after it.
func TestMarginNote(t *testing.T) {
	noteX := left + prof.Page.TextWidth() - 50 - tol
	pages := lay(t, noted(3, 3, false))
	var order []string
	for _, it := range pages[0].Items {
		switch {
		case it.Role != layout.RoleText:
		case it.X >= noteX:
			order = append(order, "note")
		default:
			order = append(order, "body")
		}
	}
	// The first body line, every note line, then the rest of the body.
	if got := strings.Join(order, " "); !regexp.MustCompile(`^body( note){3,}( body)+$`).MatchString(got) {
		t.Errorf("paint order %s", got)
	}

	// Fill the page so that a long note starts near its bottom: it moves
	// whole to the next page.
	for n := 60; n < 72; n++ {
		var blocks []doc.Block
		for range n {
			blocks = append(blocks, doctest.P(doc.StyleBody, "Dòng."))
		}
		pages := lay(t, append(blocks, noted(1, 6, false))...)
		notePages := map[int]bool{}
		for pi, p := range pages {
			for _, it := range p.Items {
				if it.Role == layout.RoleText && it.X >= noteX {
					notePages[pi] = true
				}
			}
		}
		if len(notePages) != 1 {
			t.Fatalf("with %d lines before: the note is on pages %v", n, notePages)
		}
	}

	// A heading beside its note keeps with the paragraph after it.
	for n := 50; n < 80; n++ {
		var blocks []doc.Block
		for range n {
			blocks = append(blocks, doctest.P(doc.StyleBody, "Dòng."))
		}
		blocks = append(blocks, beside(doctest.P(doc.StyleHeading2, "1. Tiêu đề"), "Ghi chú ngắn.", true), doctest.P(doc.StyleBody, "SAU"))
		pages := lay(t, blocks...)
		last := pages[len(pages)-1]
		if lines := body(last); len(lines) < 2 {
			t.Fatalf("with %d lines before: the block after a KeepNext note stands alone on page %d", n, len(pages))
		}
	}
}
