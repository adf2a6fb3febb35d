package opc

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/klauspost/compress/flate"

	"kehoach/internal/testkit"
)

// stdlib is what archive/zip writes for the parts with a new flate writer
// (klauspost/compress's, as Write uses) at Level for each: the bytes Write
// must give.
func stdlib(t *testing.T, parts []Part, date time.Time) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, Level) })
	for _, p := range parts {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.Name, Method: zip.Deflate, Modified: date})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write(p.Data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestWriteSameBytesAsFlate(t *testing.T) {
	date := time.Date(2025, 3, 14, 9, 26, 53, 0, time.UTC)
	big := []byte(strings.Repeat(`<w:p><w:r><w:t>Xây dựng nông thôn mới</w:t></w:r></w:p>`, 3000)) // > maxShared, several blocks
	styles := []byte(strings.Repeat(`<w:style w:styleId="Body"/>`, 40))
	tests := []struct {
		name  string
		parts []Part
	}{
		{"one part", []Part{{Name: "a.xml", Data: []byte("<a/>")}}},
		{"empty part", []Part{{Name: "empty.xml"}, {Name: "b.xml", Data: []byte("<b/>"), Shared: true}}},
		{"shared and not, interleaved", []Part{
			{Name: "[Content_Types].xml", Data: []byte(`<Types><Default Extension="xml"/></Types>`), Shared: true},
			{Name: "word/document.xml", Data: big},
			{Name: "word/styles.xml", Data: styles, Shared: true},
			{Name: "docProps/core.xml", Data: []byte("<dc:title>Kế hoạch</dc:title>")},
			{Name: "word/header1.xml", Data: []byte("<w:hdr/>"), Shared: true},
		}},
		{"a shared part too large to remember", []Part{{Name: "big.xml", Data: big, Shared: true}, {Name: "c.xml", Data: []byte("<c/>")}}},
		{"the same shared part twice in a package", []Part{
			{Name: "h1.xml", Data: []byte("<w:hdr/>"), Shared: true},
			{Name: "h2.xml", Data: []byte("<w:hdr/>"), Shared: true},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := stdlib(t, tt.parts, date)
			// Twice: the second package finds its shared parts remembered
			// and its writer kept from the first.
			for round := range 2 {
				var got bytes.Buffer
				if err := Write(&got, tt.parts, date); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got.Bytes(), want) {
					t.Fatalf("round %d: %d bytes differ from archive/zip and flate's %d", round, got.Len(), len(want))
				}
				readBack(t, got.Bytes(), tt.parts)
			}
		})
	}
}

// readBack checks that the package holds the parts, in order, whole.
func readBack(t *testing.T, b []byte, parts []Part) {
	t.Helper()
	data, files := testkit.Unzip(t, b)
	if len(files) != len(parts) {
		t.Fatalf("%d entries, want %d", len(files), len(parts))
	}
	for i, f := range files {
		if f.Name != parts[i].Name || f.Method != zip.Deflate {
			t.Errorf("entry %d: %s (method %d), want %s deflated", i, f.Name, f.Method, parts[i].Name)
		}
		if !bytes.Equal(data[f.Name], parts[i].Data) {
			t.Errorf("%s: read back %q, want %q", f.Name, clip(data[f.Name]), clip(parts[i].Data))
		}
	}
}

func clip(b []byte) string {
	if len(b) > 40 {
		return string(b[:40]) + "…"
	}
	return string(b)
}

func TestMemoBounded(t *testing.T) {
	c := deflated{m: map[string][]byte{}}
	part := bytes.Repeat([]byte("x"), maxMemo/4)
	for i := range 8 {
		p := append([]byte{byte('a' + i)}, part...)
		c.put(p, []byte("z"))
	}
	if c.size > maxMemo {
		t.Errorf("memo holds %d bytes, more than %d", c.size, maxMemo)
	}
	if _, ok := c.get(append([]byte{'a'}, part...)); !ok {
		t.Error("the first part put is not remembered")
	}
	if _, ok := c.get(append([]byte{'h'}, part...)); ok {
		t.Error("a part past the bound is remembered")
	}
}

// EscapeText writes what xml.EscapeText writes, plain text or not.
func TestEscapeTextAsEncodingXML(t *testing.T) {
	for _, s := range []string{
		"", "Kế hoạch xây dựng nông thôn mới", "a < b & c > d", `"quoted" 'single'`,
		"tab\there", "line\nbreak\r", "\x01control", "bad \xff utf-8", "\uFFFE\uFFFF", "\uFFFD ok", "ấp 3\u00a0- ấp 7",
		"\x7f del", "\xed\xa0\x80 surrogate", "cut \xef\xbf", "\xef\xbf\xbd", "emoji \U0001F600", "\u0085 next line", "ký tự\u2028",
	} {
		var want, got bytes.Buffer
		_ = xml.EscapeText(&want, []byte(s))
		EscapeText(&got, s)
		if got.String() != want.String() {
			t.Errorf("EscapeText(%q) = %q, want %q", s, got.String(), want.String())
		}
		if plain := Plain(s); plain != (want.String() == s) {
			t.Errorf("Plain(%q) = %v, but xml.EscapeText gives %q", s, plain, want.String())
		}
	}
}
