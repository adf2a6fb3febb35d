package markup

import (
	"reflect"
	"testing"

	"kehoach/internal/doc"
)

func TestParse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want []doc.Run
		err  int // offset of the unclosed marker, -1 = no error
	}{
		{"chữ thường", []doc.Run{{Text: "chữ thường"}}, -1},
		{"a **đậm** b", []doc.Run{{Text: "a "}, {Text: "đậm", Bold: true}, {Text: " b"}}, -1},
		{"*nghiêng*", []doc.Run{{Text: "nghiêng", Italic: true}}, -1},
		{"Tiêu**chí**", []doc.Run{{Text: "Tiêu"}, {Text: "chí", Bold: true}}, -1},
		{"***cả hai***", []doc.Run{{Text: "cả hai", Bold: true, Italic: true}}, -1},
		{`5 \* 3`, []doc.Run{{Text: "5 * 3"}}, -1},
		{"a **đậm", nil, 2},
		{"a *nghiêng", nil, 2},
	}
	for _, tc := range tests {
		got, err := Parse(tc.in)
		if tc.err >= 0 {
			e, ok := err.(*Error)
			if !ok || e.Offset != tc.err {
				t.Errorf("Parse(%q) error = %v, want offset %d", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Parse(%q) = %+v, %v; want %+v", tc.in, got, err, tc.want)
		}
	}
}
