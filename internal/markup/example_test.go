package markup_test

import (
	"fmt"

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

// An unclosed marker is an error at its position, in Vietnamese.
func ExampleParse_error() {
	_, err := markup.Parse("phấn đấu **đạt chuẩn")
	fmt.Println(err)
	// Output:
	// ký tự 10: dấu “**” mở chữ đậm chưa được đóng; hãy thêm “**” sau đoạn chữ đậm, hoặc viết \* nếu muốn in dấu sao.
}
