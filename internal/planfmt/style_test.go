package planfmt

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"kehoach/internal/yamlx"
)

// crlf turns every LF of s into CRLF.
func crlf(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }

func TestStyleOf(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string
		want      Style
	}{
		{"LF", "a: 1\nb: 2\n", Style{}},
		{"CRLF", "a: 1\r\nb: 2\r\n", Style{CRLF: true}},
		{"BOM and LF", "\ufeffa: 1\n", Style{BOM: true}},
		{"BOM and CRLF", "\ufeffa: 1\r\nb: 2\r\n", Style{BOM: true, CRLF: true}},
		{"mixed, most CRLF", "a: 1\r\nb: 2\r\nc: 3\n", Style{CRLF: true, Mixed: true}},
		{"mixed, most LF", "a: 1\r\nb: 2\nc: 3\n", Style{Mixed: true}},
		{"mixed, a tie goes to LF", "a: 1\r\nb: 2\n", Style{Mixed: true}},
		{"no line end", "a: 1", Style{}},
		{"a lone CR is no line end", "a: 1\rb: 2\n", Style{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := StyleOf([]byte(tc.src)); got != tc.want {
				t.Errorf("StyleOf(%q) = %+v, want %+v", tc.src, got, tc.want)
			}
		})
	}
}

// Formatting keeps the BOM and the line ends of the file, keeps every
// comment where the LF file has it, and writes a mixed file all in the
// style of the majority of its lines.
func TestFormatKeepsStyle(t *testing.T) {
	t.Parallel()
	// The comment above the second item went below it with CRLF before the
	// parser was given LF (yaml/go-yaml#182).
	const lf = "can_cu:\n  - loai: A\n  # về B\n  - loai: B\nnam: 2025\nxa: xa.yaml\n"
	const want = "xa: xa.yaml\nnam: 2025\n\ncan_cu:\n  - loai: A\n  # về B\n  - loai: B\n"
	tests := []struct{ name, in, want string }{
		{"LF", lf, want},
		{"CRLF", crlf(lf), crlf(want)},
		{"BOM and LF", "\ufeff" + lf, "\ufeff" + want},
		{"BOM and CRLF", "\ufeff" + crlf(lf), "\ufeff" + crlf(want)},
		{"mixed, most CRLF", "can_cu:\r\n  - loai: A\r\n  # về B\r\n  - loai: B\nnam: 2025\r\nxa: xa.yaml\n", crlf(want)},
		{"mixed, most LF", "can_cu:\r\n  - loai: A\n  # về B\n  - loai: B\r\nnam: 2025\nxa: xa.yaml\n", want},
		{"canonical CRLF is left as it is", crlf(want), crlf(want)},
		{"canonical BOM and CRLF is left as it is", "\ufeff" + crlf(want), "\ufeff" + crlf(want)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Format("p.yaml", []byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.want {
				t.Errorf("got:\n%q\nwant:\n%q", got, tc.want)
			}
		})
	}
}

// Every seed file, framed as Windows editors save it, formats to the bytes
// of its LF form in that frame: same comments at the same lines.
func TestFormatFilesInEveryStyle(t *testing.T) {
	t.Parallel()
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src = yamlx.Normalize(src) // as committed, whatever core.autocrlf did
		want, err := Format(f, src)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []Style{{CRLF: true}, {BOM: true}, {BOM: true, CRLF: true}} {
			in := s.Apply(src)
			got, err := Format(f, in)
			if err != nil {
				t.Fatalf("%s %+v: %v", f, s, err)
			}
			if !bytes.Equal(got, s.Apply(want)) {
				t.Errorf("%s %+v: not the LF output in the file's style:\n%s", f, s, firstDiffLine(string(got), string(s.Apply(want))))
			}
			if bytes.Equal(src, want) && !bytes.Equal(got, in) {
				t.Errorf("%s %+v: a canonical file is rewritten for its line ends", f, s)
			}
		}
	}
}

func TestStyleNote(t *testing.T) {
	t.Parallel()
	if n := StyleOf([]byte("a: 1\r\nb: 2\r\n")).Note(); n != "" {
		t.Errorf("a CRLF file gets a note: %q", n)
	}
	want := "tệp trộn hai kiểu xuống dòng (CRLF và LF); nay mọi dòng đều xuống dòng kiểu CRLF (kiểu Windows) như phần lớn các dòng của tệp"
	if n := StyleOf([]byte("a: 1\r\nb: 2\r\nc: 3\n")).Note(); n != want {
		t.Errorf("note:\n got %s\nwant %s", n, want)
	}
}
