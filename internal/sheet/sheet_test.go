package sheet

import (
	"fmt"
	"strings"
	"testing"
)

// The header grid of a three-level head: groups span their columns,
// titles span down, covered cells are marked.
func TestHeader(t *testing.T) {
	s := Sheet{Columns: []Column{
		{Head: []string{"STT"}},
		{Head: []string{"Vốn", "Tổng"}},
		{Head: []string{"Vốn", "Trong đó", "A"}},
		{Head: []string{"Vốn", "Trong đó", "B"}},
		{Head: []string{"Ghi chú"}},
	}}
	show := func(rows [][]HeadCell) string {
		var lines []string
		for _, r := range rows {
			var cells []string
			for _, c := range r {
				if c.Covered {
					cells = append(cells, fmt.Sprintf("^%d", c.Col))
				} else {
					cells = append(cells, fmt.Sprintf("%s@%d[%dx%d]", c.Text, c.Col, c.ColSpan, c.RowSpan))
				}
			}
			lines = append(lines, strings.Join(cells, " "))
		}
		return strings.Join(lines, "\n")
	}
	want := "STT@0[1x3] Vốn@1[3x1] Ghi chú@4[1x3]\n" +
		"^0 Tổng@1[1x2] Trong đó@2[2x1] ^4\n" +
		"^0 ^1 A@2[1x1] B@3[1x1] ^4"
	if got := show(s.Header()); got != want {
		t.Errorf("header:\n%s\nwant\n%s", got, want)
	}
	if s.HeaderRows() != 3 {
		t.Errorf("header rows %d", s.HeaderRows())
	}
	// One level: no merging at all.
	one := Sheet{Columns: []Column{{Head: []string{"a"}}, {Head: []string{"b"}}}}
	if got := show(one.Header()); got != "a@0[1x1] b@1[1x1]" {
		t.Errorf("one level: %s", got)
	}
}

// A cycle or a reference outside the sheet is an error, not a hang.
func TestResolveErrors(t *testing.T) {
	tests := []struct {
		name string
		rows []Row
		want string
	}{
		{"cycle", []Row{{Cells: []Cell{{Kind: Total, Sum: []Ref{{1, 0}}}}}, {Cells: []Cell{{Kind: Total, Sum: []Ref{{0, 0}}}}}}, "biểu 09: ô tổng (1, 1) tự tham chiếu"},
		{"outside", []Row{{Cells: []Cell{{Kind: Total, Sum: []Ref{{5, 0}}}}}}, "biểu 09: ô tổng tham chiếu ô (6, 1) ngoài bảng"},
	}
	for _, tc := range tests {
		s := Sheet{Number: "09", Columns: []Column{{Head: []string{"x"}}}, Rows: tc.rows}
		if err := s.Resolve(); err == nil || err.Error() != tc.want {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}
