package pdf_test

import (
	"bytes"
	"sync"
	"testing"

	"kehoach/internal/doc"
	"kehoach/internal/doc/doctest"
	"kehoach/internal/render/pdf"
)

// The PDFs one Writer writes, at once from several goroutines and with
// different faces in use, are those Write gives alone: the shared font
// cache changes no byte.
func TestWriterSameBytesAsWrite(t *testing.T) {
	docs := []struct {
		name string
		d    func() *doc.Document
	}{
		{"sample plan", func() *doc.Document { return doctest.Long(fam) }},
		{"one paragraph", func() *doc.Document {
			return &doc.Document{Sections: []doc.Section{{Blocks: []doc.Block{doctest.P(doc.StyleBody, "Kế hoạch xây dựng nông thôn mới")}}}}
		}},
	}
	want := make([][]byte, len(docs))
	for i, c := range docs {
		var b bytes.Buffer
		if err := pdf.Write(&b, c.d(), prof, fam); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		want[i] = b.Bytes()
	}
	w := pdf.NewWriter()
	var wg sync.WaitGroup
	for range 3 {
		for i, c := range docs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var b bytes.Buffer
				if err := w.Write(&b, c.d(), prof, fam); err != nil {
					t.Errorf("%s: %v", c.name, err)
				} else if !bytes.Equal(b.Bytes(), want[i]) {
					t.Errorf("%s: the Writer's PDF differs from Write's", c.name)
				}
			}()
		}
	}
	wg.Wait()
}

// A Writer parses each face once, when a PDF first uses it.
func TestWriterParsesFacesOnce(t *testing.T) {
	para := &doc.Document{Sections: []doc.Section{{Blocks: []doc.Block{doctest.P(doc.StyleBody, "Kế hoạch")}}}}
	w := pdf.NewWriter()
	steps := []struct {
		name  string
		d     *doc.Document
		faces int
	}{
		{"one regular paragraph", para, 1},
		{"the same again", para, 1},
		{"the sample plan, in every style", doctest.Long(fam), 4},
		{"the paragraph after it", para, 4},
	}
	for _, s := range steps {
		if err := w.Write(&bytes.Buffer{}, s.d, prof, fam); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if got := pdf.CachedFaces(w); got != s.faces {
			t.Errorf("after %s the Writer holds %d parsed faces, want %d", s.name, got, s.faces)
		}
	}
}
