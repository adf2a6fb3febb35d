package vntext

import (
	"fmt"
	"sort"
	"testing"
)

// Compiled exceptions (byte offsets) find the same whole-word, case-insensitive spans the
// plain search found, including exceptions that do not start with a letter.
func TestExceptionSpans(t *testing.T) {
	t.Parallel()
	x := CompileExceptions([]string{"Ea Tơ Lơ", "H'Đing", "(MTQG)", "4.0", "tên1", " Tên1 ", "ĐẮK LẮK"})
	for _, c := range []struct {
		text string
		want []span
	}{
		{"Xã Ea Tơ Lơ, buôn H'Đing", []span{{4, 14}, {22, 29}}},
		{"ea tơ lơi", nil}, // not a whole word
		{"Chương trình (MTQG) 4.0", []span{{16, 22}, {23, 26}}},
		{"Tên1 và tên10", []span{{0, 5}}}, // one entry for the duplicate; not inside tên10
		{"tỉnh Đắk Lắk", []span{{7, 19}}},
	} {
		got := exceptionSpans(Normalise(c.text), x)
		sort.Slice(got, func(i, j int) bool { return got[i].start < got[j].start })
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("%q: %v, want %v", c.text, got, c.want)
		}
	}
}
