// Command sample writes the sample document of the writers' tests
// (internal/doc/doctest.Sample) as sample.docx, sample.pdf and sample.txt
// into a folder, to open and look at:
//
//	go run ./scripts/sample -o /tmp/sample
//	pdftoppm -png -r 70 /tmp/sample/sample.pdf /tmp/sample/page
//
// The tests pin the same document in their golden files
// (testdata/sample.*.golden); this is the one way to see it whole.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"kehoach/internal/doc/doctest"
	"kehoach/internal/fonts"
	"kehoach/internal/render/docx"
	"kehoach/internal/render/pdf"
	"kehoach/internal/render/text"
	"kehoach/internal/style"
)

func main() {
	out := flag.String("o", ".", "thư mục ghi sample.docx, sample.pdf, sample.txt")
	flag.Parse()
	if err := write(*out); err != nil {
		fmt.Fprintln(os.Stderr, "sample:", err)
		os.Exit(1)
	}
}

func write(dir string) error {
	d, prof := doctest.Sample(), style.Default()
	var p, t bytes.Buffer
	x, err := docx.Render(d, prof)
	if err != nil {
		return err
	}
	if err := pdf.Write(&p, d, prof, fonts.Bundled()); err != nil {
		return err
	}
	if err := text.Write(&t, d); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		data []byte
	}{{"sample.docx", x}, {"sample.pdf", p.Bytes()}, {"sample.txt", t.Bytes()}} {
		path := filepath.Join(dir, f.name)
		if err := os.WriteFile(path, f.data, 0o644); err != nil {
			return err
		}
		fmt.Println(path)
	}
	return nil
}
