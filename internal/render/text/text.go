// Package text renders the document model as stable plain text: one line
// per paragraph, list items with their marker, table cells separated by
// " | ", the columns of a side-by-side block one after the other, the
// document's banner (if any) on the first line. Tests
// compare it with the seed and with the text extracted from the PDF; review
// tools diff it.
package text

import (
	"io"
	"strings"

	"kehoach/internal/doc"
)

// Render returns the document's plain text. No-break spaces are written as
// ordinary spaces.
func Render(d *doc.Document) string {
	var b strings.Builder
	if d.Banner != "" {
		line(&b, d.Banner)
	}
	for i, s := range d.Sections {
		if i > 0 {
			b.WriteString("\f\n")
		}
		blocks(&b, s.Blocks)
	}
	return b.String()
}

// Write writes Render(d) to w.
func Write(w io.Writer, d *doc.Document) error {
	_, err := io.WriteString(w, Render(d))
	return err
}

func line(b *strings.Builder, s string) {
	b.WriteString(strings.ReplaceAll(s, "\u00a0", " "))
	b.WriteByte('\n')
}

func blocks(b *strings.Builder, bs []doc.Block) {
	for _, bl := range bs {
		switch x := bl.(type) {
		case *doc.Paragraph:
			line(b, doc.PlainText(x.Runs))
		case *doc.ListItem:
			line(b, x.Marker+" "+doc.PlainText(x.Runs))
		case *doc.Table:
			for _, r := range x.Rows {
				var cells []string
				for _, c := range r.Cells {
					if c.Merged {
						cells = append(cells, "")
						continue
					}
					var ps []string
					for _, p := range c.Paragraphs {
						ps = append(ps, doc.PlainText(p.Runs))
					}
					cells = append(cells, strings.Join(ps, " / "))
				}
				line(b, strings.Join(cells, " | "))
			}
		case *doc.Columns:
			for _, col := range x.Cols {
				blocks(b, col)
			}
		case *doc.PageBreak:
			b.WriteString("\f\n")
		}
	}
}
