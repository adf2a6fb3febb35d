package opc

import (
	"bytes"
	"encoding/xml"
	"unicode/utf8"
)

// EscapeText writes s to b escaped as xml.EscapeText escapes it (for
// character data and double-quoted attribute values; characters XML
// cannot hold become U+FFFD), copying it as it is when it needs no
// escaping, as most text does.
func EscapeText(b *bytes.Buffer, s string) {
	if Plain(s) {
		b.WriteString(s)
		return
	}
	_ = xml.EscapeText(b, []byte(s))
}

// Plain reports whether xml.EscapeText leaves s as it is: valid UTF-8
// with no markup character, no quote, no control character (tab and line
// breaks included, which it writes as references) and no U+FFFE or U+FFFF.
func Plain(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20, c == '&', c == '<', c == '>', c == '"', c == '\'':
			return false
		case c == 0xEF && i+2 < len(s) && s[i+1] == 0xBF && (s[i+2] == 0xBE || s[i+2] == 0xBF):
			return false
		}
	}
	return utf8.ValidString(s)
}
