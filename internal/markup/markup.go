// Package markup reads the minimal inline markup of plan prose:
//
//	**đậm**     bold
//	*nghiêng*   italic
//	\*          a literal asterisk
//
// Markers may nest (***đậm nghiêng***, **đậm *và nghiêng***) and may sit
// inside a word. Anything else is literal text.
package markup

import (
	"fmt"
	"strings"

	"kehoach/internal/doc"
)

// Parse turns marked-up text into runs. Unbalanced markers are an error
// naming the rune offset of the unclosed marker.
func Parse(s string) ([]doc.Run, error) {
	if !strings.ContainsAny(s, `*\`) {
		return []doc.Run{{Text: s}}, nil
	}
	var runs []doc.Run
	var cur strings.Builder
	bold, italic := false, false
	boldAt, italicAt := -1, -1
	flush := func() {
		if cur.Len() > 0 {
			runs = append(runs, doc.Run{Text: cur.String(), Bold: bold, Italic: italic})
			cur.Reset()
		}
	}
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		switch {
		case rs[i] == '\\' && i+1 < len(rs) && rs[i+1] == '*':
			cur.WriteRune('*')
			i++
		case rs[i] == '*' && i+1 < len(rs) && rs[i+1] == '*':
			flush()
			bold = !bold
			if bold {
				boldAt = i
			}
			i++
		case rs[i] == '*':
			flush()
			italic = !italic
			if italic {
				italicAt = i
			}
		default:
			cur.WriteRune(rs[i])
		}
	}
	flush()
	switch {
	case bold:
		return nil, &Error{Offset: boldAt, Msg: "dấu “**” mở chữ đậm chưa được đóng; hãy thêm “**” sau đoạn chữ đậm, hoặc viết \\* nếu muốn in dấu sao."}
	case italic:
		return nil, &Error{Offset: italicAt, Msg: "dấu “*” mở chữ nghiêng chưa được đóng; hãy thêm “*” sau đoạn chữ nghiêng, hoặc viết \\* nếu muốn in dấu sao."}
	}
	return runs, nil
}

// Plain returns the text without markup.
func Plain(s string) string {
	runs, err := Parse(s)
	if err != nil {
		return s
	}
	return doc.PlainText(runs)
}

// Error is an unbalanced marker at a rune offset of the input.
type Error struct {
	Offset int
	Msg    string
}

func (e *Error) Error() string { return fmt.Sprintf("ký tự %d: %s", e.Offset+1, e.Msg) }
