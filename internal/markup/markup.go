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
	"strings"

	"kehoach/internal/diag"
	"kehoach/internal/doc"
)

// Parse turns marked-up text into runs. An unbalanced marker is an error, a
// *diag.Diagnostic whose Span is the unclosed marker's bytes in s and whose
// Msg says how to close it (the caller knows the file and the position).
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
	at := func(i, n int) diag.Span { // the bytes of rs[i:i+n]
		start := len(string(rs[:i]))
		return diag.Span{Start: start, End: start + n}
	}
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
		return nil, &diag.Diagnostic{Span: at(boldAt, 2), Msg: "dấu “**” mở chữ đậm chưa được đóng; hãy thêm “**” sau đoạn chữ đậm, hoặc viết \\* nếu muốn in dấu sao."}
	case italic:
		return nil, &diag.Diagnostic{Span: at(italicAt, 1), Msg: "dấu “*” mở chữ nghiêng chưa được đóng; hãy thêm “*” sau đoạn chữ nghiêng, hoặc viết \\* nếu muốn in dấu sao."}
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
