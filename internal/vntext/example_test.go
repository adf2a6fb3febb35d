package vntext_test

import (
	"fmt"

	"kehoach/internal/vntext"
)

// Check finds what a careful văn thư would mark, each with its rule, its
// place (byte offsets into the NFC text) and, when safe, the fix.
func ExampleCheck() {
	s := "Cứng hóa 7km đường trục thôn , tỷ lệ đạt 64,3 %."
	for _, f := range vntext.Check(s, vntext.Options{}) {
		fix := "(no fix)"
		if f.Fix != nil {
			fix = fmt.Sprintf("fix %q", *f.Fix)
		}
		fmt.Printf("%s %q: %s; %s\n", f.Rule, s[f.Start:f.End], f.Msg, fix)
	}
	// Output:
	// so-don-vi "7km": “7km”: số viết liền với đơn vị; fix "7 km"
	// dau-cau " ": có khoảng trắng trước dấu “,”; fix ""
	// so-phan-tram "64,3 %": “64,3 %”: có khoảng trắng trước dấu %; fix "64,3%"
}

// ApplyFixes applies the safe fixes of the findings.
func ExampleApplyFixes() {
	s := "Cứng hóa 7km đường trục thôn , tỷ lệ đạt 64,3 %."
	fmt.Println(vntext.ApplyFixes(s, vntext.Check(s, vntext.Options{})))
	// Output:
	// Cứng hóa 7 km đường trục thôn, tỷ lệ đạt 64,3%.
}
