// Copyright ©2026 The kehoach authors. Use of this source code is governed
// by the MIT licence of this package (see LICENSE).

package fpdf

// kehoach patch 12: putstream writes a stream's bytes as they are instead
// of converting them to a string for out, which copied every compressed
// page, font subset and map once more.

// outBytes adds a line of bytes to the document, as out does a string.
func (f *Fpdf) outBytes(b []byte) {
	if f.state == 2 {
		must(f.pages[f.page].Write(b))
		must(f.pages[f.page].WriteString("\n"))
	} else {
		must(f.buffer.Write(b))
		must(f.buffer.WriteString("\n"))
	}
}
