package docx

import (
	"bytes"
	"encoding/xml"
	"testing"
)

// The writer's text is xml.EscapeText's, whether or not it takes the plain
// path: markup, quotes, controls, line breaks, U+FFFD–U+FFFF, invalid UTF-8,
// Vietnamese.
func TestTextAsEscapeText(t *testing.T) {
	for _, s := range []string{
		"", "Kế hoạch số 12/KH-UBND", "a<b", "a>b", "a&b", `"q"`, "it's", "tab\there", "line\nbreak", "cr\rlf",
		"\x00", "\x1f", "\x7f", "\uFFFD", "\uFFFE", "\uFFFF", "x\xef\xbf", "\xef\xbf\xbe", "bad \xff utf-8", "😀 ≥ 54",
	} {
		var want bytes.Buffer
		_ = xml.EscapeText(&want, []byte(s))
		var x xw
		x.text(s)
		if got := x.b.String(); got != want.String() {
			t.Errorf("text(%q) = %q, xml.EscapeText: %q", s, got, want.String())
		}
	}
}
