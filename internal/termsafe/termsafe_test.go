package termsafe

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestEscape(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Mường Khoa\tnăm 2025\n", "Mường Khoa\tnăm 2025\n"},
		{"\x1b]0;PWNED\a\x1b[2J\x1b[1;32mHop le\x1b[0m", `\x1b]0;PWNED\x07\x1b[2J\x1b[1;32mHop le\x1b[0m`},
		{"\x1b]52;c;ZWNobyBoaQ==\a", `\x1b]52;c;ZWNobyBoaQ==\x07`},
		{"Số tiền: 100\rSố tiền: 999", `Số tiền: 100\x0dSố tiền: 999`},
		{"dòng một\r\ndòng hai\r", "dòng một\r\ndòng hai\\x0d"},
		{"\u009b2J \u0085 \x7f", `\u009b2J \u0085 \u007f`},
		{"\u202etxt.exe \u2066a\u2069 \u200f \u061c \u2028", `\u202etxt.exe \u2066a\u2069 \u200f \u061c \u2028`},
		{"bad \xff\xfe byte \xe1\xba", `bad \xff\xfe byte \xe1\xba`},
		{"\x00", `\x00`},
		{`C:\plans\x1b`, `C:\plans\x1b`}, // a backslash is left as it is
	} {
		got := Escape(c.in)
		if got != c.want {
			t.Errorf("Escape(%q) = %q, want %q", c.in, got, c.want)
		}
		if Escape(got) != got {
			t.Errorf("Escape is not idempotent on %q", got)
		}
		if !utf8.ValidString(got) {
			t.Errorf("Escape(%q) = %q is not UTF-8", c.in, got)
		}
	}
}

// TestWriterSplit writes a hostile text cut at every byte into two writes:
// the output is the same as Escape of the whole, so a character or a CRLF
// split across writes is neither broken nor escaped wrongly.
func TestWriterSplit(t *testing.T) {
	in := "Xã Mường\r\nKhoa \x1b[2J\r ấp \u202e\xff cuối\r"
	want := Escape(in)
	for i := 0; i <= len(in); i++ {
		var b bytes.Buffer
		w := NewWriter(&b)
		w.Write([]byte(in[:i]))
		w.Write([]byte(in[i:]))
		w.Flush()
		if b.String() != want {
			t.Fatalf("split at %d: %q, want %q", i, b.String(), want)
		}
	}
}

// TestNoRawControl: nothing a Writer writes holds a control byte but tab,
// newline and the CR of CRLF, nor a bidi control.
func TestNoRawControl(t *testing.T) {
	var in strings.Builder
	for r := rune(0); r < 0x3000; r++ {
		in.WriteRune(r)
	}
	in.WriteString("\xc0\xaf\xed\xa0\x80")
	var b bytes.Buffer
	w := NewWriter(&b)
	w.Write([]byte(in.String()))
	w.Flush()
	if bad := Find(b.String()); bad != "" {
		t.Fatalf("raw %s in output", bad)
	}
}

// TestJSONStaysValid: a JSON text written through a Writer is still JSON
// and decodes to the same value.
func TestJSONStaysValid(t *testing.T) {
	v := map[string]string{"cu": "a\x1b[2J\u009b\u202e\x7fb", "moi": "Mường\tKhoa"}
	j, _ := json.Marshal(v)
	var b bytes.Buffer
	w := NewWriter(&b)
	w.Write(j)
	w.Flush()
	var got map[string]string
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("%s: %v", b.String(), err)
	}
	if got["cu"] != v["cu"] || got["moi"] != v["moi"] {
		t.Fatalf("got %q", got)
	}
}

// escapeToReference is escapeTo as it was before its fast path for
// Vietnamese letters: every character decoded and asked of Unsafe.
func escapeToReference(b *bytes.Buffer, p []byte, final bool) int {
	start := 0
	for i := 0; i < len(p); {
		c := p[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != 0x7f || c == '\t' || c == '\n' {
				i++
				continue
			}
			if c == '\r' {
				if i+1 < len(p) && p[i+1] == '\n' {
					i += 2
					continue
				}
				if i+1 == len(p) && !final {
					b.Write(p[start:i])
					return 1
				}
			}
			b.Write(p[start:i])
			escapeRune(b, rune(c))
			i++
			start = i
			continue
		}
		if !final && !utf8.FullRune(p[i:]) {
			b.Write(p[start:i])
			return len(p) - i
		}
		r, n := utf8.DecodeRune(p[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.Write(p[start:i])
			fmt.Fprintf(b, `\x%02x`, c)
		case Unsafe(r):
			b.Write(p[start:i])
			escapeRune(b, r)
		default:
			i += n
			continue
		}
		i += n
		start = i
	}
	b.Write(p[start:])
	return 0
}

var gotBuf, wantBuf bytes.Buffer

func sameEscape(t *testing.T, p []byte) {
	t.Helper()
	for _, final := range []bool{true, false} {
		got, want := &gotBuf, &wantBuf
		got.Reset()
		want.Reset()
		gn, wn := escapeTo(got, p, final), escapeToReference(want, p, final)
		if gn != wn || got.String() != want.String() {
			t.Fatalf("escapeTo(%q, %v) = %q, %d; reference %q, %d", p, final, got.String(), gn, want.String(), wn)
		}
	}
}

// TestEscapeToSameAsReference: the fast path changes nothing, for every
// rune alone and between letters, every cut of a character, and every
// string of up to 3 bytes over lead, continuation and ASCII bytes.
func TestEscapeToSameAsReference(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		s := string(r)
		sameEscape(t, []byte(s))
		sameEscape(t, []byte("ệ"+s+"a"))
		if r > 0xffff && r%61 != 0 {
			continue // four-byte characters take the decoding path: a sample of their cuts
		}
		for k := 1; k < len(s); k++ {
			sameEscape(t, []byte(s[:k]))
			sameEscape(t, []byte("ệ"+s[:k]))
		}
	}
	alphabet := []byte{'a', '\r', '\n', 0x80, 0x9c, 0xa0, 0xbf, 0xc0, 0xc2, 0xc3, 0xd8, 0xdf, 0xe0, 0xe1, 0xe2, 0xed, 0xef, 0xf0, 0xff}
	var rec func(p []byte)
	rec = func(p []byte) {
		sameEscape(t, p)
		if len(p) < 3 {
			for _, c := range alphabet {
				rec(append(p, c))
			}
		}
	}
	rec(nil)
}

// FuzzEscapeTo: escapeTo is its reference for any bytes.
func FuzzEscapeTo(f *testing.F) {
	for _, s := range []string{"Kế hoạch", "\u202e\u061c", "ệ\xe1\x80", "\xd8\x9c\xc3"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, p []byte) { sameEscape(t, p) })
}
