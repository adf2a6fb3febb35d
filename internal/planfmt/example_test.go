package planfmt_test

import (
	"fmt"

	"kehoach/internal/planfmt"
)

// Format gives a commune file its canonical form: keys in the model's
// order (ma before ten, ten before viet_tat), one space before a comment,
// the comment kept, and a short mapping or list left on one line as the
// author wrote it, in canonical spacing.
func ExampleFormat() {
	src := []byte(`ten: Mường Khoa
ma: muong-khoa   # mã thư mục
ban: [Hô Tra,   Nà Ún]
co_quan: {viet_tat: UBND, ten: Ủy ban nhân dân}
`)
	out, err := planfmt.Format("xa.yaml", src)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(out))
	// Output:
	// ma: muong-khoa # mã thư mục
	// ten: Mường Khoa
	// co_quan: {ten: Ủy ban nhân dân, viet_tat: UBND}
	// ban: [Hô Tra, Nà Ún]
}
