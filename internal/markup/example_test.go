package markup_test

import (
	"errors"
	"fmt"

	"kehoach/internal/diag"
	"kehoach/internal/markup"
)

// Plan prose marks bold with ** and italic with *; the runs carry the
// formatting, Plain the text alone.
func ExampleParse() {
	runs, err := markup.Parse(`Huy động **mọi nguồn lực**, *phấn đấu* đạt 17/19 tiêu chí; giá 5\*`)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range runs {
		fmt.Printf("%q bold=%v italic=%v\n", r.Text, r.Bold, r.Italic)
	}
	fmt.Println(markup.Plain(`Huy động **mọi nguồn lực**`))
	// Output:
	// "Huy động " bold=false italic=false
	// "mọi nguồn lực" bold=true italic=false
	// ", " bold=false italic=false
	// "phấn đấu" bold=false italic=true
	// " đạt 17/19 tiêu chí; giá 5*" bold=false italic=false
	// Huy động mọi nguồn lực
}

// An unclosed marker is an error (a *diag.Diagnostic) whose span is the
// marker's bytes, with a Vietnamese message that says how to close it.
func ExampleParse_error() {
	s := "phấn đấu **đạt chuẩn"
	_, err := markup.Parse(s)
	var d *diag.Diagnostic
	if errors.As(err, &d) {
		fmt.Printf("%q\n", s[d.Span.Start:d.Span.End])
	}
	fmt.Println(err)
	// Output:
	// "**"
	// dấu “**” mở chữ đậm chưa được đóng; hãy thêm “**” sau đoạn chữ đậm, hoặc viết \* nếu muốn in dấu sao.
}
