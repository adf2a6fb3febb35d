package textcheck

import (
	"fmt"
	"strings"
	"testing"

	"kehoach/internal/plan"
)

// “Kính gửi” is reported in a Kế hoạch (loai KH or empty) as a whole
// phrase, any case, at its byte span; not in another type of document nor
// inside other words.
func TestKinhGui(t *testing.T) {
	for _, tc := range []struct {
		loai, text string
		want       string
	}{
		{"", "Kính gửi: Ủy ban nhân dân huyện.", "[0,11) “Kính gửi”"},
		{"KH", "Báo cáo KÍNH GỬI các ngành; kính gửi.", "[10,21) “KÍNH GỬI” [35,46) “kính gửi”"},
		{"BC", "Kính gửi: Ủy ban nhân dân huyện.", ""},
		{"", "Gửi các ngành; kính gửixã.", ""},
		{"", "Thực hiện Kế hoạch của xã.", ""},
		{"", "KÍNH GỬI CÁC NGÀNH", "[0,11) “KÍNH GỬI”"}, // only the upper-case Ử
		{"", "Kính Gửi các ngành, gửi xã", "[0,11) “Kính Gửi”"},
	} {
		p := &plan.Plan{VanBan: plan.VanBan{Loai: tc.loai}}
		var got []string
		for _, f := range kinhGui(p, tc.text) {
			if f.Rule != RuleKinhGui || !strings.HasPrefix(f.Msg, "“"+tc.text[f.Start:f.End]+"” không dùng trong Kế hoạch") {
				t.Errorf("%q: %+v", tc.text, f)
			}
			got = append(got, fmt.Sprintf("[%d,%d) “%s”", f.Start, f.End, tc.text[f.Start:f.End]))
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("%s %q: got %q, want %q", tc.loai, tc.text, strings.Join(got, " "), tc.want)
		}
	}
}
