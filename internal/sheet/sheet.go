// Package sheet is the format-neutral model of a table printed as its own
// sheet: the annexes of a Kế hoạch (“Biểu số 01 … 04”, nd30.md §1.6 and
// §4.2), as package annex builds them from a plan. It knows no plan and
// no font: a sheet is its heading texts, its columns (header texts,
// widths, alignment) and its body rows of cells; a Total cell is the sum
// of other cells, so that a workbook writes a live =SUM formula and the
// printed pages the computed value (Resolve). Fit sets the column widths
// from text widths a caller measures (Measure), once, for every renderer.
//
// Package render/xlsx writes sheets as a workbook; package compose turns
// them into landscape sections of the document.
package sheet

import (
	"fmt"

	"kehoach/internal/vn"
)

// Sheet is one annex table with its heading.
type Sheet struct {
	Number  string // "01"
	Heading string // "Biểu số 01"
	Title   string // upper case: "PHÂN BỔ KINH PHÍ THƯỜNG XUYÊN NĂM 2026"
	Ref     string // "(Kèm theo Kế hoạch số …/KH-UBND ngày … của …)"
	Unit    string // "ĐVT: triệu đồng", or "" when the table mixes units
	Issuer  string // issuing body: "Ủy ban nhân dân xã Mường Khoa"
	Columns []Column
	Rows    []Row
}

// Align is the horizontal alignment of a column's body cells.
type Align int

// Alignments.
const (
	AlignLeft Align = iota
	AlignCenter
	AlignRight
)

// Column is one column of a table.
type Column struct {
	// Head is the column's header from the top header row down: a group
	// header shared by adjacent columns with the same leading texts, then
	// the column's own title. A column with a shorter Head than the deepest
	// one has its title span the header rows below it.
	Head []string
	// Width in mm, set from the content by Fit (zero before): the widths
	// of a sheet add up to the page's text width, and every renderer (PDF,
	// DOCX, XLSX) uses them as they are.
	Width   float64
	Align   Align
	Numeric bool // holds amounts (right aligned, number format)
	// Wrap marks a text column (names, units of work, notes) whose text
	// may wrap: such columns share the room the others leave, in
	// proportion to their text (see Fit). The others keep their values on
	// one line when the page allows.
	Wrap bool
}

// Title is the column's own header text (the last of Head).
func (c Column) Title() string {
	if len(c.Head) == 0 {
		return ""
	}
	return c.Head[len(c.Head)-1]
}

// Kind is what a cell holds.
type Kind int

// Cell kinds.
const (
	Empty  Kind = iota
	Text        // a string, never interpreted
	Number      // an exact amount (vn.Decimal keeps its decimal places)
	Total       // the sum of other cells, Value computed by Build
)

// Ref names a cell of the same sheet: an index into Rows and Columns.
type Ref struct{ Row, Col int }

// Cell is one body cell.
type Cell struct {
	Kind  Kind
	Text  string     // Text cells
	Value vn.Decimal // Number cells; the computed sum of a Total
	Sum   []Ref      // Total cells: the cells added up
	// Span is the number of columns the cell covers from its own (0 or 1:
	// one); the cells it covers stay in Row.Cells, Empty, and renderers
	// merge them into this one.
	Span int
}

// String formats the cell the Vietnamese way for print: text as is,
// numbers and totals as 1.282,2 or 3.900, empty cells as "".
func (c Cell) String() string {
	switch c.Kind {
	case Text:
		return c.Text
	case Number, Total:
		return c.Value.String()
	}
	return ""
}

// IsNumber reports whether the cell holds a number (Number or Total).
func (c Cell) IsNumber() bool { return c.Kind == Number || c.Kind == Total }

// Row is one body row.
type Row struct {
	Cells []Cell // one per column
	Bold  bool   // group, criterion and total rows
	Level int    // nesting depth (0 = top level), for indenting the label
	Total bool   // a summary row (TỔNG SỐ, Tổng số tiêu chí đạt)
	// KeepNext keeps the row on the page of the next one: a group or
	// criterion row with its first row below it (KeepHeads sets it).
	KeepNext bool
	// Note is the row's justification (the plan's ly_do), printed under
	// the row only in a leader's review copy; never in the workbook nor in
	// the issued document.
	Note string
}

// KeepHeads makes every row followed by a deeper one (a criterion by its
// indicators, a funding source by its parts, a group by its first
// criterion) keep with that row, so no page ends on a heading row.
func (s *Sheet) KeepHeads() {
	for i := 0; i+1 < len(s.Rows); i++ {
		s.Rows[i].KeepNext = !s.Rows[i].Total && s.Rows[i+1].Level > s.Rows[i].Level
	}
}

// HeaderRows is the number of header rows: the longest column Head.
func (s *Sheet) HeaderRows() int {
	n := 0
	for _, c := range s.Columns {
		n = max(n, len(c.Head))
	}
	return n
}

// HeadCell is one cell of the header grid.
type HeadCell struct {
	Text    string
	Col     int  // first grid column
	ColSpan int  // ≥ 1
	RowSpan int  // ≥ 1
	Covered bool // covered by a RowSpan from above (Text is empty)
}

// Header lays the column heads out as a grid of HeaderRows rows: a group
// header spans the adjacent columns sharing it; a title spans down to the
// last header row. Each row lists its cells left to right; a cell covered
// by a row span from above is listed with Covered set (one per column it
// covers), cells covered by a column span are left out.
func (s *Sheet) Header() [][]HeadCell {
	n := s.HeaderRows()
	out := make([][]HeadCell, n)
	for lv := 0; lv < n; lv++ {
		for c := 0; c < len(s.Columns); c++ {
			h := s.Columns[c].Head
			if len(h) <= lv {
				out[lv] = append(out[lv], HeadCell{Col: c, ColSpan: 1, RowSpan: 1, Covered: true})
				continue
			}
			cell := HeadCell{Text: h[lv], Col: c, ColSpan: 1, RowSpan: 1}
			if lv == len(h)-1 {
				cell.RowSpan = n - lv
			} else {
				// A group: spans the following columns with the same leading heads.
				for c+cell.ColSpan < len(s.Columns) && samePrefix(s.Columns[c+cell.ColSpan].Head, h, lv+1) {
					cell.ColSpan++
				}
			}
			out[lv] = append(out[lv], cell)
			c += cell.ColSpan - 1
		}
	}
	return out
}

// samePrefix reports whether a is a group member at depth n with b: both
// longer than n and equal in their first n texts.
func samePrefix(a, b []string, n int) bool {
	if len(a) <= n || len(b) <= n {
		return false
	}
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Resolve computes the value of every Total cell from the cells it adds up
// (totals of totals included). A Total whose cells are all empty becomes
// an empty cell: a column with nothing to add shows nothing, as the text
// would. It fails on a reference outside the sheet or a cycle.
func (s *Sheet) Resolve() error {
	const (
		todo = iota
		busy
		done
	)
	state := make([][]int, len(s.Rows))
	for r := range s.Rows {
		state[r] = make([]int, len(s.Rows[r].Cells))
	}
	var eval func(r, c int) error
	eval = func(r, c int) error {
		if r < 0 || r >= len(s.Rows) || c < 0 || c >= len(s.Rows[r].Cells) {
			return fmt.Errorf("biểu %s: ô tổng tham chiếu ô (%d, %d) ngoài bảng", s.Number, r+1, c+1)
		}
		switch state[r][c] {
		case busy:
			return fmt.Errorf("biểu %s: ô tổng (%d, %d) tự tham chiếu", s.Number, r+1, c+1)
		case done:
			return nil
		}
		state[r][c] = busy
		cell := &s.Rows[r].Cells[c]
		if cell.Kind == Total {
			var sum vn.Decimal
			any := false
			for _, ref := range cell.Sum {
				if err := eval(ref.Row, ref.Col); err != nil {
					return err
				}
				if x := s.Rows[ref.Row].Cells[ref.Col]; x.IsNumber() {
					sum, any = sum.Add(x.Value), true
				}
			}
			if any {
				cell.Value = sum
			} else {
				*cell = Cell{}
			}
		}
		state[r][c] = done
		return nil
	}
	for r := range s.Rows {
		for c := range s.Rows[r].Cells {
			if err := eval(r, c); err != nil {
				return err
			}
		}
	}
	return nil
}
