package yamlx

import (
	"testing"

	"kehoach/internal/diag"
)

func TestLocate(t *testing.T) {
	t.Parallel()
	src := []byte("a: Mục tiêu **chung\nb: >-\n  một hai,\n  ba *bốn\nc: \"x \\x2a y\"\nd: lặp, lặp, lặp\n")
	for _, tc := range []struct {
		name       string
		at         diag.Pos
		value      string
		start, end int
		want       diag.Pos
	}{
		{"same line, after Vietnamese letters", diag.Pos{Line: 1, Col: 4}, "Mục tiêu **chung", 12, 14, diag.Pos{Line: 1, Col: 13}},
		{"folded onto a later line", diag.Pos{Line: 2, Col: 4}, "một hai, ba *bốn", 14, 15, diag.Pos{Line: 4, Col: 6}},
		{"written with an escape: the scalar itself", diag.Pos{Line: 5, Col: 4}, "x * y", 2, 3, diag.Pos{Line: 5, Col: 4}},
		{"the third of three", diag.Pos{Line: 6, Col: 4}, "lặp, lặp, lặp", 14, 19, diag.Pos{Line: 6, Col: 14}},
		{"no position known", diag.Pos{}, "Mục", 0, 1, diag.Pos{}},
		{"range outside the value", diag.Pos{Line: 1, Col: 4}, "Mục", 2, 99, diag.Pos{Line: 1, Col: 4}},
	} {
		if got := Locate(src, tc.at, tc.value, tc.start, tc.end); got != tc.want {
			t.Errorf("%s: Locate = %+v, want %+v", tc.name, got, tc.want)
		}
	}
}
