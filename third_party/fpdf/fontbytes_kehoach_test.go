// Copyright ©2026 The kehoach authors. Use of this source code is governed
// by the MIT licence of this package (see LICENSE).

package fpdf

import (
	"io"
	"os"
	"strings"
	"testing"
)

// kehoach patch 4: TrueType bytes that do not parse are the document's
// error, as for AddUTF8Font, and nothing is printed to standard output.
func TestAddUTF8FontFromBytesError(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"OpenType CFF", append([]byte("OTTO"), make([]byte, 64)...), "not supported"},
		{"TrueType collection", append([]byte("ttcf"), make([]byte, 64)...), "not supported"},
		{"text", []byte("not a font at all, just some words"), "not a TrueType font"},
		{"empty", nil, ""},
	}
	for _, tt := range tests {
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		stdout := os.Stdout
		os.Stdout = w
		var pdf *Fpdf
		func() {
			defer func() {
				os.Stdout = stdout
				w.Close()
				if p := recover(); p != nil {
					t.Errorf("%s: panic %v", tt.name, p)
				}
			}()
			pdf = New("P", "mm", "A4", "")
			pdf.AddUTF8FontFromBytes("bad", "", tt.data)
		}()
		printed, _ := io.ReadAll(r)
		r.Close()
		if len(printed) > 0 {
			t.Errorf("%s: printed %q", tt.name, printed)
		}
		if pdf == nil {
			continue
		}
		if err := pdf.Error(); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}
