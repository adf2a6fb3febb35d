package termsafe

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
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
