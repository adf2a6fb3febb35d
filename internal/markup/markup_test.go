package markup

import (
	"reflect"
	"strings"
	"testing"

	"kehoach/internal/diag"
	"kehoach/internal/doc"
)

func TestParse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want []doc.Run
		err  int // byte offset of the unclosed marker, -1 = no error
	}{
		{"chữ thường", []doc.Run{{Text: "chữ thường"}}, -1},
		{"a **đậm** b", []doc.Run{{Text: "a "}, {Text: "đậm", Bold: true}, {Text: " b"}}, -1},
		{"*nghiêng*", []doc.Run{{Text: "nghiêng", Italic: true}}, -1},
		{"Tiêu**chí**", []doc.Run{{Text: "Tiêu"}, {Text: "chí", Bold: true}}, -1},
		{"***cả hai***", []doc.Run{{Text: "cả hai", Bold: true, Italic: true}}, -1},
		{`5 \* 3`, []doc.Run{{Text: "5 * 3"}}, -1},
		{"a **đậm", nil, 2},
		{"a *nghiêng", nil, 2},
		{"Mục tiêu **chung", nil, 12}, // “ụ” and “ê” are 3 bytes each
		{"**a** *b", nil, 6},
	}
	for _, tc := range tests {
		got, err := Parse(tc.in)
		if tc.err >= 0 {
			e, ok := err.(*diag.Diagnostic)
			if !ok || e.Span.Start != tc.err || tc.in[e.Span.Start:e.Span.End] != strings.Repeat("*", e.Span.End-e.Span.Start) || !strings.Contains(e.Msg, "chưa được đóng") {
				t.Errorf("Parse(%q) error = %+v, want the marker at byte %d", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Parse(%q) = %+v, %v; want %+v", tc.in, got, err, tc.want)
		}
	}
}
