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
	// One pass: ASCII bytes are looked at one by one, the rest decoded
	// (an invalid sequence decodes as RuneError of length 1).
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || r == 0xFFFE || r == 0xFFFF {
			return false
		}
		i += n
	}
	return true
}
