package doc

import "fmt"

// GridCell is a cell of a table placed on the table's grid of columns
// (Grid).
type GridCell struct {
	Cell  *Cell // the cell as given
	Index int   // its index in Row.Cells
	Col   int   // its first grid column
	// ColSpan is the number of grid columns it covers, at least 1; a
	// Merged cell covers those of the row span above it.
	ColSpan int
	// RowSpan is the number of rows it covers, at least 1 (1 for a Merged
	// cell).
	RowSpan int
	// Shade and VAlign are the cell's, or a Merged cell's those of the
	// cell whose row span covers it.
	Shade  bool
	VAlign VAlign
}

// GridError says why a table's cells do not fit its grid. Row and Cell
// are 0-based; Cell is -1 for a fault of the whole row, Row is -1 for a
// fault of the whole table.
type GridError struct {
	Row, Cell int
	Msg       string
}

func (e *GridError) Error() string {
	switch {
	case e.Row < 0:
		return e.Msg
	case e.Cell < 0:
		return fmt.Sprintf("row %d: %s", e.Row+1, e.Msg)
	}
	return fmt.Sprintf("row %d, cell %d: %s", e.Row+1, e.Cell+1, e.Msg)
}

// Grid resolves the column and row spans of t: for every row, its cells
// with the grid columns they cover. Every row covers every grid column
// exactly once, a cell under a row span is Merged (and takes the span's
// columns), and no row span runs past the last row; a table that breaks
// these rules is a *GridError naming the first cell at fault.
func Grid(t *Table) ([][]GridCell, error) {
	n := len(t.Columns)
	// running is a row span running down from a grid column.
	type running struct {
		left   int // rows still covered
		span   int // grid columns of the spanning cell
		shade  bool
		valign VAlign
	}
	vm := make([]running, n)
	out := make([][]GridCell, len(t.Rows))
	for ri := range t.Rows {
		row := &t.Rows[ri]
		fail := func(ci int, format string, args ...any) error {
			return &GridError{Row: ri, Cell: ci, Msg: fmt.Sprintf(format, args...)}
		}
		gc := 0
		cells := make([]GridCell, 0, len(row.Cells))
		for ci := range row.Cells {
			cell := &row.Cells[ci]
			if gc >= n {
				return nil, fail(ci, "row has more cells than the table's %d columns", n)
			}
			g := GridCell{Cell: cell, Index: ci, Col: gc, ColSpan: max(cell.ColSpan, 1), RowSpan: 1, Shade: cell.Shade, VAlign: cell.VAlign}
			if cell.Merged {
				v := vm[gc]
				if v.left <= 0 {
					return nil, fail(ci, "cell is Merged but no row span from above covers grid column %d", gc+1)
				}
				if cell.ColSpan > 1 && cell.ColSpan != v.span {
					return nil, fail(ci, "Merged cell spans %d columns, the row span above spans %d", cell.ColSpan, v.span)
				}
				g.ColSpan, g.Shade, g.VAlign = v.span, v.shade, v.valign
				vm[gc].left--
			}
			if gc+g.ColSpan > n {
				return nil, fail(ci, "cell spans past the table's %d columns", n)
			}
			for k := gc; k < gc+g.ColSpan; k++ {
				if k == gc && cell.Merged {
					continue
				}
				if vm[k].left > 0 {
					return nil, fail(ci, "grid column %d is covered by a row span from above; the cell there must be Merged", k+1)
				}
			}
			if !cell.Merged && cell.RowSpan > 1 {
				g.RowSpan = cell.RowSpan
				vm[gc] = running{left: cell.RowSpan - 1, span: g.ColSpan, shade: cell.Shade, valign: cell.VAlign}
			}
			cells = append(cells, g)
			gc += g.ColSpan
		}
		if gc != n {
			return nil, fail(-1, "row covers %d of the table's %d grid columns", gc, n)
		}
		out[ri] = cells
	}
	for k, v := range vm {
		if v.left > 0 {
			return nil, &GridError{Row: -1, Cell: -1, Msg: fmt.Sprintf("row span in grid column %d runs past the last row", k+1)}
		}
	}
	return out, nil
}
