package layout

import (
	"fmt"
	"math"
	"strings"

	"kehoach/internal/fonts"
)

// TextLine is a run of text items on one baseline that touch each other:
// one line of a paragraph or table cell as a reader sees it.
type TextLine struct {
	Y, X, End   float64 // baseline, left end and right end in mm
	Text        string  // the items' texts joined
	WordSpacing float64 // the justification spacing, 0 when not justified
	Items       []Item
}

// TextLines groups the text items of a page into lines, in paint order.
func TextLines(p Page) []TextLine {
	var out []TextLine
	for k := 0; k < len(p.Items); {
		it := p.Items[k]
		if it.Kind != KindText {
			k++
			continue
		}
		ln := TextLine{Y: it.Y, X: it.X, End: it.X + it.W, WordSpacing: it.WordSpacing, Items: []Item{it}}
		n := k + 1
		for n < len(p.Items) {
			nx := p.Items[n]
			if nx.Kind != KindText || nx.Role != it.Role || math.Abs(nx.Y-it.Y) > 0.005 || math.Abs(nx.X-ln.End) > 0.005 {
				break
			}
			ln.Items = append(ln.Items, nx)
			ln.End = nx.X + nx.W
			if nx.WordSpacing != 0 {
				ln.WordSpacing = nx.WordSpacing
			}
			n++
		}
		var b strings.Builder
		for _, x := range ln.Items {
			b.WriteString(x.Text)
		}
		ln.Text = b.String()
		out = append(out, ln)
		k = n
	}
	return out
}

var styleCode = [4]string{fonts.Regular: "R", fonts.Bold: "B", fonts.Italic: "I", fonts.BoldItalic: "BI"}

var areaName = map[AreaKind]string{AreaSignature: "signature", AreaSeal: "seal"}

// Dump renders pages as stable, readable text for golden tests: a header
// per page, then one line per text line (see TextLines) with its baseline
// y, left and right ends, face and size of its start, and text; one line
// per rule or underline. Style changes inside a line show as {B}, {I},
// {BI} or {R}; a no-break space shows as ⍽; a justified line ends with
// "ws=…" (the extra mm per space). Table borders and shading are
// summarised as counts, outline marks and then signing areas listed last.
func Dump(pages []Page) string {
	var b strings.Builder
	for i, p := range pages {
		num := "-"
		if p.Number > 0 {
			num = fmt.Sprint(p.Number)
		}
		fmt.Fprintf(&b, "=== page %d: section %d, %gx%g mm, number %s ===\n", i+1, p.Section+1, p.Width, p.Height, num)
		borders, shades := 0, 0
		lines := TextLines(p)
		li, skip := 0, 0
		for _, it := range p.Items {
			switch it.Kind {
			case KindFill:
				shades++
			case KindLine:
				switch it.Role {
				case RoleBorder:
					borders++
				case RoleRule:
					fmt.Fprintf(&b, "y=%7.2f x=%7.2f..%7.2f  rule %.2f mm, %g pt\n", it.Y, it.X, it.X2, it.X2-it.X, it.Thickness)
				case RoleUnderline:
					fmt.Fprintf(&b, "y=%7.2f x=%7.2f..%7.2f  underline\n", it.Y, it.X, it.X2)
				}
			case KindText:
				if skip > 0 {
					skip--
					continue
				}
				dumpLine(&b, lines[li])
				skip = len(lines[li].Items) - 1
				li++
			}
		}
		if borders > 0 || shades > 0 {
			fmt.Fprintf(&b, "table: %d border lines, %d shaded cells\n", borders, shades)
		}
		for _, m := range p.Marks {
			fmt.Fprintf(&b, "mark level %d at y=%.2f: %s\n", m.Level, m.Y, m.Text)
		}
		for _, a := range p.Areas {
			fmt.Fprintf(&b, "area %s x=%.2f y=%.2f %.2fx%.2f mm\n", areaName[a.Kind], a.X, a.Y, a.W, a.H)
		}
	}
	return b.String()
}

func dumpLine(b *strings.Builder, ln TextLine) {
	first := ln.Items[0]
	var t strings.Builder
	style := first.Style
	for _, it := range ln.Items {
		if it.Style != style {
			t.WriteString("{" + styleCode[it.Style] + "}")
			style = it.Style
		}
		t.WriteString(it.Text)
	}
	tag := ""
	if first.Role == RolePageNumber {
		tag = " page-number"
	}
	text := strings.ReplaceAll(t.String(), "\u00a0", "⍽")
	fmt.Fprintf(b, "y=%7.2f x=%7.2f..%7.2f  %s%g%s  %s", ln.Y, ln.X, ln.End, styleCode[first.Style], first.Size, tag, text)
	if ln.WordSpacing != 0 {
		fmt.Fprintf(b, "  ws=%.3f", ln.WordSpacing)
	}
	b.WriteByte('\n')
}
