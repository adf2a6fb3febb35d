package textcheck

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"kehoach/internal/plan/plantest"
)

// A confusion slip put into a text line of the 2025 plan, one at a time, is
// reported by `kehoach check` as nham-am at the line and column of the pair,
// with the word meant; the rest of the plan stays clean.
func TestConfusionInPlan(t *testing.T) {
	for _, c := range []struct{ correct, slip, typed, class, meant string }{
		{"vai trò trách nhiệm", "vai trò chách nhiệm", "chách nhiệm", "ch/tr", "trách nhiệm"},
		{"triển khai thực hiện phân loại", "chiển khai thực hiện phân loại", "chiển khai", "ch/tr", "triển khai"},
		{"phát huy, giữ gìn bản sắc", "phát huy, giữ dìn bản sắc", "giữ dìn", "d/gi/r", "giữ gìn"},
		{"gom, vận chuyển, xử lý chất thải", "gom, vận chuyển, sử lý chất thải", "sử lý", "s/x", "xử lý"},
		{"dự án phát triển sản xuất", "dự án phát triển xản xuất", "xản xuất", "s/x", "sản xuất"},
	} {
		t.Run(c.slip, func(t *testing.T) {
			var line, col int
			res, ps, cs := hostile(t, func(s string) string {
				i := strings.Index(s, c.correct)
				if i < 0 {
					t.Fatalf("test bug: the plan has no %q", c.correct)
				}
				s = s[:i] + c.slip + s[i+len(c.correct):]
				at := i + strings.Index(c.slip, c.typed)
				line = strings.Count(s[:at], "\n") + 1
				col = utf8.RuneCountInString(s[strings.LastIndexByte(s[:at], '\n')+1:at]) + 1
				return s
			})
			got := Check(res.Plan, ps, cs, plantest.Profile(t, res).ToneStyle)
			if len(got) != 1 {
				t.Fatalf("want one finding, got %d: %v", len(got), got)
			}
			want := fmt.Sprintf(":%d:%d: [nham-am] “%s” không phải là từ có trong từ điển; có lẽ nhầm %s — gợi ý: có lẽ là “%s” (cảnh báo)", line, col, c.typed, c.class, c.meant)
			if s := fmt.Sprint(got[0]); !strings.HasSuffix(s, want) {
				t.Errorf("got  %s\nwant …%s", s, want)
			}
		})
	}
}
