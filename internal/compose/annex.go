package compose

import (
	"math"

	"kehoach/internal/annex"
	"kehoach/internal/doc"
	"kehoach/internal/plan"
	"kehoach/internal/sheet"
)

// annexSections turns the annexes (sheets, as Annexes builds and fits
// them) the plan's text refers to, measured with m,
// (annex.Referenced: ND30 wants every attached annex referred to, and the
// text says “(Chi tiết có biểu số … kèm theo)”) into landscape sections
// that follow the signature block. Each annex is paginated on its own from
// 1 (ND30 PL I III.1), its number printed from its second page like the
// document's. A section holds the ND30 annex heading — “Biểu số 01”, the
// title, the reference line, a short rule, “ĐVT: …” at the right — and the
// bordered table, whose header rows repeat on every page. noteLabel, in
// the review copy only, labels the rows carrying the justifications
// (withRowNotes); "" for the document.
func annexSections(p *plan.Plan, prof *doc.Profile, sheets []sheet.Sheet, m Measurer, noteLabel string) []doc.Section {
	want := map[string]bool{}
	for _, n := range annex.Referenced(p) {
		want[n] = true
	}
	var out []doc.Section
	for i := range sheets {
		if want[sheets[i].Number] {
			out = append(out, annexSection(&sheets[i], prof, m, noteLabel))
		}
	}
	return out
}

// Annexes builds the plan's four annexes with their columns fitted to the
// landscape page of prof (sheet.Sheet.Fit): the one set of widths the PDF,
// the DOCX and the workbook all use. The problems are the columns the page
// is too narrow for (words would be cut), for the caller to warn about.
// The widths are m's, the family the document is set in, so that a build
// with another font (-phong) fits its columns to that font's words.
func Annexes(p *plan.Plan, prof *doc.Profile, m Measurer) ([]sheet.Sheet, []sheet.Problem, error) {
	sheets, err := annex.Sheets(p)
	if err != nil {
		return nil, nil, err
	}
	am := AnnexMetrics(prof, m)
	var probs []sheet.Problem
	for i := range sheets {
		probs = append(probs, sheets[i].Fit(am)...)
	}
	return sheets, probs, nil
}

// AnnexMetrics are the measures the annex columns are fitted with: the
// landscape text width and the cell padding of the profile, the sizes of
// its TableHead and TableCell styles, and m's widths.
func AnnexMetrics(prof *doc.Profile, m Measurer) sheet.Metrics {
	return sheet.Metrics{
		Width:    prof.Landscape.TextWidth(),
		PadLeft:  prof.CellPad.Left,
		PadRight: prof.CellPad.Right,
		HeadSize: prof.Style(doc.StyleTableHead).Size,
		CellSize: prof.Style(doc.StyleTableCell).Size,
		Measure: func(text string, size float64, bold bool) float64 {
			return m.WidthMM(bold, false, size, text)
		},
	}
}

func annexSection(s *sheet.Sheet, prof *doc.Profile, m Measurer, noteLabel string) doc.Section {
	heading := func(style doc.StyleName, text string, bold, italic bool) *doc.Paragraph {
		return &doc.Paragraph{Style: style, Runs: []doc.Run{{Text: text, Bold: bold, Italic: italic}}}
	}
	title := prof.Style(doc.StyleAnnexTitle)
	titleWidth := m.WidthMM(title.Bold, title.Italic, title.Size, s.Title)
	blocks := []doc.Block{
		heading(doc.StyleAnnexNumber, s.Heading, true, false),
		heading(doc.StyleAnnexTitle, s.Title, true, false),
		heading(doc.StyleAnnexRef, s.Ref, false, true),
		annexRule(math.Min(titleWidth, prof.Landscape.TextWidth())),
	}
	if s.Unit != "" {
		blocks = append(blocks, heading(doc.StyleUnit, s.Unit, false, true))
	} else {
		blocks = append(blocks, &doc.Spacer{Height: 2})
	}
	t := AnnexTable(s)
	if noteLabel != "" {
		t = withRowNotes(t, s, noteLabel)
	}
	blocks = append(blocks, t)
	return doc.Section{
		Page:        prof.Landscape,
		PageNumbers: doc.PageNumbering{Show: true, Start: 1},
		Blocks:      blocks,
	}
}

// AnnexTable is an annex's table in its fitted column widths (Annexes):
// shaded header rows that repeat on every page (group headers spanning
// their columns, titles spanning down), then the body with amounts written
// the Vietnamese way (3.900; 1.282,2), bold group, criterion and total
// rows, shaded totals.
func AnnexTable(s *sheet.Sheet) *doc.Table {
	t := &doc.Table{Columns: s.Widths(), HeaderRows: s.HeaderRows(), Borders: true}
	for _, hr := range s.Header() {
		var row doc.Row
		for _, hc := range hr {
			if hc.Covered {
				row.Cells = append(row.Cells, doc.Cell{Merged: true})
				continue
			}
			row.Cells = append(row.Cells, doc.Cell{
				ColSpan: hc.ColSpan, RowSpan: hc.RowSpan, VAlign: doc.VAlignCenter, Shade: true,
				Paragraphs: []doc.Paragraph{{Style: doc.StyleTableHead, Align: doc.AlignCenter, Runs: []doc.Run{{Text: hc.Text, Bold: true}}}},
			})
		}
		t.Rows = append(t.Rows, row)
	}
	for _, r := range s.Rows {
		row := doc.Row{Cells: make([]doc.Cell, 0, len(r.Cells)), KeepNext: r.KeepNext}
		for i := 0; i < len(r.Cells); i++ {
			c := r.Cells[i]
			cell := doc.Cell{VAlign: doc.VAlignCenter, Shade: r.Total}
			if text := c.String(); text != "" {
				cell.Paragraphs = []doc.Paragraph{{Style: doc.StyleTableCell, Align: cellAlign(s.Columns[i].Align),
					Runs: []doc.Run{{Text: text, Bold: r.Bold}}}}
			}
			// A cell spanning columns (a Biểu 01 group row's name): the
			// cells it covers are left out.
			if n := min(c.Span, len(r.Cells)-i); n > 1 {
				cell.ColSpan = n
				i += n - 1
			}
			row.Cells = append(row.Cells, cell)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func cellAlign(a sheet.Align) doc.Align {
	switch a {
	case sheet.AlignCenter:
		return doc.AlignCenter
	case sheet.AlignRight:
		return doc.AlignRight
	}
	return doc.AlignLeft
}

// annexRuleSpace is the white space (pt) between the "(Kèm theo …)" line
// and the short rule under an annex heading: without it the rule, shorter
// than that line and right under its descenders, reads as an underline of
// part of it.
const annexRuleSpace = 4.0

func annexRule(lineWidth float64) *doc.Rule {
	r := shortRule(lineWidth)
	r.SpaceAbove = annexRuleSpace
	return r
}
