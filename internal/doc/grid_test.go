package doc

import (
	"fmt"
	"strings"
	"testing"
)

// cellsOf writes a resolved grid as "col+colspan×rowspan" per cell, a row
// per line; shaded cells end in "s", Merged cells start with "m".
func cellsOf(g [][]GridCell) string {
	var rows []string
	for _, r := range g {
		var cs []string
		for _, c := range r {
			s := fmt.Sprintf("%d+%d×%d", c.Col, c.ColSpan, c.RowSpan)
			if c.Cell.Merged {
				s = "m" + s
			}
			if c.Shade {
				s += "s"
			}
			cs = append(cs, s)
		}
		rows = append(rows, strings.Join(cs, " "))
	}
	return strings.Join(rows, "\n")
}

func TestGrid(t *testing.T) {
	c := Cell{}
	span := func(cols, rows int) Cell { return Cell{ColSpan: cols, RowSpan: rows, Shade: true} }
	merged := Cell{Merged: true}
	cols := func(n int) []float64 { return make([]float64, n) }
	tests := []struct {
		name string
		t    Table
		want string // the grid, or the error
	}{
		{"plain", Table{Columns: cols(2), Rows: []Row{{Cells: []Cell{c, c}}, {Cells: []Cell{c, c}}}}, "0+1×1 1+1×1\n0+1×1 1+1×1"},
		// An annex heading: TT and Tên over two rows, Kết quả over three
		// columns, then the three sub-headings.
		{"heading", Table{Columns: cols(5), Rows: []Row{
			{Cells: []Cell{span(1, 2), span(1, 2), span(3, 1)}},
			{Cells: []Cell{merged, merged, c, c, c}},
		}}, "0+1×2s 1+1×2s 2+3×1s\nm0+1×1s m1+1×1s 2+1×1 3+1×1 4+1×1"},
		{"merged under a column span takes its columns", Table{Columns: cols(3), Rows: []Row{
			{Cells: []Cell{span(2, 2), c}},
			{Cells: []Cell{merged, c}},
		}}, "0+2×2s 2+1×1\nm0+2×1s 2+1×1"},
		{"long row", Table{Columns: cols(1), Rows: []Row{{Cells: []Cell{c, c}}}}, "row 1, cell 2: row has more cells than the table's 1 columns"},
		{"short row", Table{Columns: cols(2), Rows: []Row{{Cells: []Cell{c}}}}, "row 1: row covers 1 of the table's 2 grid columns"},
		{"span past the columns", Table{Columns: cols(2), Rows: []Row{{Cells: []Cell{c, span(2, 1)}}}}, "row 1, cell 2: cell spans past the table's 2 columns"},
		{"merged without a span", Table{Columns: cols(1), Rows: []Row{{Cells: []Cell{merged}}}}, "row 1, cell 1: cell is Merged but no row span from above covers grid column 1"},
		{"merged with another width", Table{Columns: cols(3), Rows: []Row{{Cells: []Cell{span(2, 2), c}}, {Cells: []Cell{{Merged: true, ColSpan: 3}}}}}, "row 2, cell 1: Merged cell spans 3 columns, the row span above spans 2"},
		{"covered cell not merged", Table{Columns: cols(1), Rows: []Row{{Cells: []Cell{span(1, 2)}}, {Cells: []Cell{c}}}}, "row 2, cell 1: grid column 1 is covered by a row span from above; the cell there must be Merged"},
		{"span past the last row", Table{Columns: cols(1), Rows: []Row{{Cells: []Cell{span(1, 3)}}, {Cells: []Cell{merged}}}}, "row span in grid column 1 runs past the last row"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g, err := Grid(&tc.t)
			got := ""
			if err != nil {
				got = err.Error()
			} else {
				got = cellsOf(g)
			}
			if got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}
