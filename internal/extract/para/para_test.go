package para

import (
	"testing"

	_ "kehoach/internal/testkit"
)

func TestText(t *testing.T) {
	for _, c := range []struct {
		p    Para
		want string
	}{
		{Para{}, ""},
		{Para{Runs: []Run{{Text: "Căn cứ"}}}, "Căn cứ"},
		{Para{Label: "1.", Runs: []Run{{Text: "Mục tiêu ", Bold: true}, {Text: "chung"}}}, "Mục tiêu chung"},
	} {
		if got := c.p.Text(); got != c.want {
			t.Errorf("%+v.Text() = %q, want %q", c.p, got, c.want)
		}
	}
}
