package textcheck

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"kehoach/internal/vntext"
)

// A plan writes each i/y syllable one way: the rarer spelling is reported
// with the other as its fix; names (capitalised inside a text), ties and a
// plan that writes one way only draw nothing.
func TestIY(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		texts []string
		want  []string // "field [start,end) message — hint → fix"
	}{
		{"one tỉ among tỷ", []string{"Tỷ lệ hộ nghèo giảm.", "giảm tỉ lệ hộ nghèo", "tỷ lệ che phủ rừng"}, []string{
			"1 [7,11) “tỉ” viết với i ở đây, nhưng 2 chỗ khác của kế hoạch viết “tỷ”: một văn bản chỉ nên viết một kiểu — viết “tỷ” như các chỗ khác → tỷ",
		}},
		{"capitalised at the start of a field", []string{"Quản lý đầu tư; quản lý chất thải", "Lí do: chưa rõ"}, []string{
			"1 [0,3) “Lí” viết với i ở đây, nhưng 2 chỗ khác của kế hoạch viết “lý”: một văn bản chỉ nên viết một kiểu — viết “Lý” như các chỗ khác → Lý",
		}},
		{"y is the rarer", []string{"kĩ thuật, kĩ năng", "kỹ sư"}, []string{
			"1 [0,4) “kỹ” viết với y ở đây, nhưng 2 chỗ khác của kế hoạch viết “kĩ”: một văn bản chỉ nên viết một kiểu — viết “kĩ” như các chỗ khác → kĩ",
		}},
		{"a name is not counted", []string{"quản lý đầu tư", "ông Lí Văn Hùng"}, nil},
		{"a tie says nothing", []string{"quản lý", "quản lí"}, nil},
		{"one spelling only", []string{"tỷ lệ, tỷ đồng", "quản lý"}, nil},
	} {
		var fs []field
		for i, s := range tc.texts {
			fs = append(fs, field{file: "p.yaml", path: fmt.Sprint(i), text: s, norm: vntext.Normalise(s)})
		}
		var got []string
		for _, d := range iyFindings(fs) {
			if d.Rule != RuleIY {
				t.Errorf("%s: rule %q", tc.name, d.Rule)
			}
			got = append(got, fmt.Sprintf("%s [%d,%d) %s — %s → %s", d.Path, d.Span.Start, d.Span.End, d.Msg, d.Hint, *d.Fix))
		}
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s:\ngot  %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

// iyFindings looks up only two-letter words: every word of iyPairs must be
// one.
func TestIYPairsTwoLetters(t *testing.T) {
	for _, p := range iyPairs {
		for _, w := range p {
			if n := utf8.RuneCountInString(w); n != 2 {
				t.Errorf("%q has %d letters; iyFindings looks up two-letter words only", w, n)
			}
		}
	}
}
