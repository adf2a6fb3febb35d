package compose

import (
	"strings"

	"kehoach/internal/doc"
	"kehoach/internal/markup"
	"kehoach/internal/plan"
	"kehoach/internal/sheet"
)

// The leader's review copy (Options.Review) sets the body in a narrower
// column and the justifications in a note column on its right, in the
// room taken from the right margin: each item with a ly_do becomes a
// two-column doc.Columns block (the item, the note beside its first line),
// which every renderer already sets — a borderless table row in the DOCX,
// bands of lines in the PDF, one column after the other in the text.
// Items without a justification stay plain blocks in the narrower column.
const (
	noteGap   = 5.0  // mm between the body column and the note column
	noteWidth = 50.0 // mm, the note column
	noteSpace = 2.0  // mm of white space under each note
)

// reviewPage is the body page of the review copy: the right margin widened
// by the note column and its gap.
func reviewPage(p doc.PageSetup) doc.PageSetup {
	p.Margins.Right += noteGap + noteWidth
	return p
}

// page is the body's page setup: the profile's, with the note column in
// the right margin in the review copy.
func (c *composer) page() doc.PageSetup {
	if c.review {
		return reviewPage(c.prof.Page)
	}
	return c.prof.Page
}

// addNoted adds block b; in the review copy, with justifications, b is set
// beside them: the first under the label “Lý do:”, each in its own
// paragraph. A heading keeps with the block after it as it does alone.
func (c *composer) addNoted(b doc.Block, reasons ...string) {
	var notes []doc.Block
	if c.review {
		notes = c.notes(reasons)
	}
	if len(notes) == 0 {
		c.add(b)
		return
	}
	keep := false
	if p, ok := b.(*doc.Paragraph); ok {
		keep = p.KeepNext || c.prof.Style(p.Style).KeepNext
	}
	body := c.page().TextWidth()
	c.add(&doc.Columns{
		Widths:   []float64{body, noteGap, noteWidth},
		Cols:     [][]doc.Block{{b}, nil, notes},
		KeepNext: keep,
		Note:     true,
	})
}

// notes are the note paragraphs of the non-empty reasons.
func (c *composer) notes(reasons []string) []doc.Block {
	var out []doc.Block
	for _, r := range reasons {
		if strings.TrimSpace(r) == "" {
			continue
		}
		label := ""
		if len(out) == 0 {
			label = c.say("ly-do", nil)
		}
		p := noteParagraph(label, r)
		out = append(out, &p)
	}
	if len(out) > 0 {
		// White space under the note, so that the notes of consecutive
		// items, often taller than their items, never touch.
		out = append(out, &doc.Spacer{Height: noteSpace})
	}
	return out
}

// noteParagraph is a justification as set in the review copy: italic, in
// the table cell style, after label (bold, may be "").
func noteParagraph(label, reason string) doc.Paragraph {
	p := doc.Paragraph{Style: doc.StyleTableCell, Align: doc.AlignLeft, NoIndent: true}
	if label != "" {
		p.Runs = append(p.Runs, doc.Run{Text: label + " ", Bold: true, Italic: true})
	}
	for _, r := range runs(strings.TrimSpace(reason)) {
		r.Italic = true
		p.Runs = append(p.Runs, r)
	}
	return p
}

// sourceReasons are the justifications printed beside a funding source's
// line: its own, then those of the sources under it, each after the
// source's name (the line names them all).
func sourceReasons(n plan.Nguon) []string {
	out := []string{n.LyDo}
	var walk func(ns []plan.Nguon)
	walk = func(ns []plan.Nguon) {
		for _, ch := range ns {
			if strings.TrimSpace(ch.LyDo) != "" {
				out = append(out, markup.Plain(ch.Ten)+": "+ch.LyDo)
			}
			walk(ch.Con)
		}
	}
	walk(n.Con)
	return out
}

// withRowNotes is an annex table of the review copy: each body row of s
// with a justification (sheet.Row.Note) is followed by a row spanning the
// whole table that carries it, kept on the page of its row.
func withRowNotes(t *doc.Table, s *sheet.Sheet, label string) *doc.Table {
	out := *t
	out.Rows = append([]doc.Row{}, t.Rows[:t.HeaderRows]...)
	for i, r := range t.Rows[t.HeaderRows:] {
		note := ""
		if i < len(s.Rows) {
			note = s.Rows[i].Note
		}
		if strings.TrimSpace(note) == "" {
			out.Rows = append(out.Rows, r)
			continue
		}
		keep := r.KeepNext
		r.KeepNext = true
		out.Rows = append(out.Rows, r, doc.Row{KeepNext: keep, Cells: []doc.Cell{{
			ColSpan:    len(t.Columns),
			Paragraphs: []doc.Paragraph{noteParagraph(label, note)},
		}}})
	}
	return &out
}
