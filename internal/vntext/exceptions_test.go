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
		// A short list is searched for entry by entry, a long one (above
		// fewExceptions) found by word: both give these spans.
		scan := *x
		scan.keyed = nil
		for _, x := range []*Exceptions{x, &scan} {
			got := exceptionSpans(Normalise(c.text), x)
			sort.Slice(got, func(i, j int) bool { return got[i].start < got[j].start })
			if fmt.Sprint(got) != fmt.Sprint(c.want) {
				t.Errorf("%q (by entry %v): %v, want %v", c.text, x.keyed != nil, got, c.want)
			}
		}
	}
	if len(x.keyed) == 0 {
		t.Error("a short list is not searched for entry by entry")
	}
	long := make([]string, fewExceptions+1)
	for i := range long {
		long[i] = fmt.Sprintf("tên%d", i)
	}
	if x := CompileExceptions(long); x.keyed != nil {
		t.Errorf("%d exceptions are searched for one by one", len(long))
	}
}
