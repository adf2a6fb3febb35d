package layout

import (
	"fmt"
	"slices"
	"testing"
)

// TestAddBorders: a row's cells give each border line once, lines that
// continue one another joined, and every edge of every cell covered.
func TestAddBorders(t *testing.T) {
	t.Parallel()
	type cell struct{ x0, x1, h float64 }
	tests := []struct {
		name  string
		cells []cell
		want  []string // "x,y-x2,y2", tops, bottoms, then sides
	}{
		{"one cell", []cell{{0, 10, 5}}, []string{"0,0-10,0", "0,5-10,5", "0,0-0,5", "10,0-10,5"}},
		{"three equal cells", []cell{{0, 10, 5}, {10, 30, 5}, {30, 35, 5}},
			[]string{"0,0-35,0", "0,5-35,5", "0,0-0,5", "10,0-10,5", "30,0-30,5", "35,0-35,5"}},
		// The middle cell spans two rows: its bottom and sides are longer.
		{"a row span in the middle", []cell{{0, 10, 5}, {10, 20, 9}, {20, 30, 5}},
			[]string{"0,0-30,0", "0,5-10,5", "10,9-20,9", "20,5-30,5", "0,0-0,5", "10,0-10,5", "10,0-10,9", "20,0-20,9", "20,0-20,5", "30,0-30,5"}},
		// A cell covered by a span from the row above leaves a gap.
		{"a gap", []cell{{0, 10, 5}, {20, 30, 5}},
			[]string{"0,0-10,0", "20,0-30,0", "0,5-10,5", "20,5-30,5", "0,0-0,5", "10,0-10,5", "20,0-20,5", "30,0-30,5"}},
	}
	for _, tc := range tests {
		var tops, bottoms, sides []Item
		for _, c := range tc.cells {
			tops, bottoms, sides = addBorders(tops, bottoms, sides, c.x0, c.x1, c.h)
		}
		var got []string
		for _, it := range slices.Concat(tops, bottoms, sides) {
			if it.Kind != KindLine || it.Role != RoleBorder || it.Thickness != BorderPt {
				t.Errorf("%s: %+v is not a border line", tc.name, it)
			}
			got = append(got, fmt.Sprintf("%g,%g-%g,%g", it.X, it.Y, it.X2, it.Y2))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s:\n got %v\nwant %v", tc.name, got, tc.want)
		}
		// Every edge of every cell lies on a line.
		on := func(xa, ya, xb, yb float64) bool {
			for _, it := range slices.Concat(tops, bottoms, sides) {
				if ya == yb && it.Y == ya && it.Y2 == yb && it.X <= xa && xb <= it.X2 ||
					xa == xb && it.X == xa && it.X2 == xb && it.Y <= ya && yb <= it.Y2 {
					return true
				}
			}
			return false
		}
		for _, c := range tc.cells {
			for _, e := range [4][4]float64{{c.x0, 0, c.x1, 0}, {c.x0, c.h, c.x1, c.h}, {c.x0, 0, c.x0, c.h}, {c.x1, 0, c.x1, c.h}} {
				if !on(e[0], e[1], e[2], e[3]) {
					t.Errorf("%s: the edge %v of a cell is not drawn", tc.name, e)
				}
			}
		}
	}
}
