// Package manifestdoc composes the distribution manifest (sổ phát hành,
// package manifest) as a format-neutral document, which the render stack
// prints as any other (build.Render). It knows the manifest's rows, not
// the plan.
package manifestdoc

import (
	"fmt"
	"strconv"

	"kehoach/internal/doc"
	"kehoach/internal/manifest"
	"kehoach/internal/vn"
)

// Title is the manifest's title line.
const Title = "SỔ PHÁT HÀNH VĂN BẢN"

// signSize is the font size (pt) of the blank in the "Ký nhận" cell: it
// makes every row about 13 mm tall, room for a signature.
const signSize = 30

// Document lays the manifest out for the renderers: A4 portrait with the
// profile's page and styles; the title, the plan's reference, and a
// bordered table whose header repeats on every page.
func Document(m *manifest.Manifest, prof *doc.Profile) *doc.Document {
	var blocks []doc.Block
	if m.Draft {
		blocks = append(blocks, &doc.Paragraph{Style: doc.StyleDraftMark, Runs: []doc.Run{{Text: "DỰ THẢO", Bold: true}}, Align: doc.AlignRight})
	}
	if m.Agency != "" {
		blocks = append(blocks, &doc.Paragraph{Style: doc.StyleAgency, Runs: []doc.Run{{Text: vn.Upper(m.Agency), Bold: true}}})
	}
	blocks = append(blocks,
		&doc.Paragraph{Style: doc.StyleDocType, Runs: []doc.Run{{Text: Title, Bold: true}}},
		&doc.Paragraph{Style: doc.StyleTrichYeu, Runs: []doc.Run{{Text: m.Ref, Bold: true}}},
	)
	if m.TrichYeu != "" {
		blocks = append(blocks, &doc.Paragraph{Style: doc.StyleAnnexRef, Runs: []doc.Run{{Text: "V/v " + vn.LowerFirst(m.TrichYeu), Italic: true}}})
	}
	blocks = append(blocks, &doc.Spacer{Height: 4})

	tw := prof.Page.TextWidth()
	cols := []float64{12, 0, 22, 18, 45}
	cols[1] = tw - cols[0] - cols[2] - cols[3] - cols[4]
	head := func(s string) doc.Cell {
		return doc.Cell{Paragraphs: []doc.Paragraph{{Style: doc.StyleTableHead, Runs: []doc.Run{{Text: s, Bold: true}}}}, VAlign: doc.VAlignCenter, Shade: true}
	}
	cell := func(s string, a doc.Align, bold bool) doc.Cell {
		return doc.Cell{Paragraphs: []doc.Paragraph{{Style: doc.StyleTableCell, Runs: []doc.Run{{Text: s, Bold: bold}}, Align: a}}, VAlign: doc.VAlignCenter}
	}
	sign := doc.Cell{Paragraphs: []doc.Paragraph{{Style: doc.StyleTableCell, Runs: []doc.Run{{Text: "\u00a0", Size: signSize}}}}}
	t := &doc.Table{Columns: cols, HeaderRows: 1, Borders: true, FontSize: 12}
	t.Rows = append(t.Rows, doc.Row{Cells: []doc.Cell{head("STT"), head("Nơi nhận"), head("Ghi chú"), head("Số bản"), head("Ký nhận")}})
	for _, r := range m.Rows {
		t.Rows = append(t.Rows, doc.Row{Cells: []doc.Cell{
			cell(strconv.Itoa(r.STT), doc.AlignCenter, false),
			cell(r.NoiNhan, doc.AlignLeft, false),
			cell(r.GhiChu, doc.AlignCenter, false),
			cell(strconv.Itoa(r.SoBan), doc.AlignCenter, false),
			sign,
		}})
	}
	total := []doc.Cell{cell("", doc.AlignCenter, true), cell("Tổng số bản", doc.AlignLeft, true), cell("", doc.AlignCenter, true), cell(strconv.Itoa(m.Total()), doc.AlignCenter, true), cell("", doc.AlignCenter, true)}
	for i := range total {
		total[i].Shade = true
	}
	t.Rows = append(t.Rows, doc.Row{Cells: total})
	blocks = append(blocks, t,
		&doc.Paragraph{Style: doc.StyleBody, NoIndent: true, Runs: []doc.Run{{Text: fmt.Sprintf("Tổng số bản cần in: %d bản (gửi đi %d bản, lưu %d bản). Người nhận ký vào cột “Ký nhận” khi nhận văn bản.", m.Total(), m.Sent(), m.Total()-m.Sent())}}},
	)
	return &doc.Document{
		Meta: doc.Meta{
			Title:    Title + " - " + m.Ref,
			Subject:  m.TrichYeu,
			Author:   m.Agency,
			Language: "vi-VN",
			Date:     m.Date,
		},
		Sections: []doc.Section{{
			Page:        prof.Page,
			PageNumbers: doc.PageNumbering{Show: true, Start: 1},
			Blocks:      blocks,
		}},
	}
}
