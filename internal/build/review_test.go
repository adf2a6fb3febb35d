package build

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/internal/extract"
	"kehoach/internal/plan/plantest"
	"kehoach/internal/testkit"
)

// TestReviewCopy builds the corpus plan with a ly_do on every item that
// has the key: the document's files are byte for byte those of the plan
// without them; the review copy is written beside them under its own names
// (DOCX and PDF only) and its text, as kehoach text extracts it, carries
// every justification once, in the printed order, right after its item.
func TestReviewCopy(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(testkit.RepoRoot(t), "plans", "muong-khoa", "2025.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	noted, js := plantest.Justify(t, string(src))
	kinds := map[string]bool{}
	for _, j := range js {
		kinds[strings.TrimRight(j.Path, "0123456789[]")] = true
	}
	if len(js) < 40 || len(kinds) < 7 {
		t.Fatalf("only %d justifications over %d kinds of item: %v", len(js), len(kinds), kinds)
	}
	plain := testkit.CopyPlan(t, t.TempDir(), "muong-khoa", "2025.yaml", nil)
	withNotes := testkit.CopyPlan(t, t.TempDir(), "muong-khoa", "2025.yaml", func(string) string { return noted })

	outPlain, outNotes := t.TempDir(), t.TempDir()
	for _, b := range []struct{ path, out string }{{plain, outPlain}, {withNotes, outNotes}} {
		if r := Plan(b.path, Options{OutDir: b.out}); r.Err != nil || !r.Load.OK() {
			t.Fatalf("%s: %v %v", b.path, r.Err, r.Load.Errors)
		}
	}
	names := func(dir string) []string {
		es, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range es {
			out = append(out, e.Name())
		}
		return out
	}
	docs := names(outPlain)
	if len(docs) != 3 || strings.Join(docs, " ") != strings.Join(names(outNotes), " ") {
		t.Fatalf("outputs %v and %v", docs, names(outNotes))
	}
	read := func(dir, name string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, name := range docs {
		if !bytes.Equal(read(outPlain, name), read(outNotes, name)) {
			t.Errorf("%s differs once the plan has justifications: the document must never carry them", name)
		}
	}

	r := Plan(withNotes, Options{OutDir: outNotes, Review: true})
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	var got []string
	for _, o := range r.Outputs {
		got = append(got, filepath.Base(o.Path))
	}
	if want := "ke-hoach-ntm-2025-muong-khoa-ban-trinh.docx ke-hoach-ntm-2025-muong-khoa-ban-trinh.pdf"; strings.Join(got, " ") != want {
		t.Fatalf("review copy wrote %v, want %s", got, want)
	}
	for _, name := range docs {
		if !bytes.Equal(read(outPlain, name), read(outNotes, name)) {
			t.Errorf("the review copy changed %s", name)
		}
	}
	for _, o := range r.Outputs {
		text, err := extract.Text(o.Path)
		if err != nil {
			t.Fatal(err)
		}
		text = testkit.Words(text)
		const banner = "BẢN TRÌNH LÃNH ĐẠO XEM XÉT - KHÔNG BAN HÀNH"
		if strings.HasSuffix(o.Path, ".pdf") {
			if n := strings.Count(text, banner); n != r.Pages {
				t.Errorf("%s: the banner is printed on %d of %d pages", o.Path, n, r.Pages)
			}
		} else {
			// Word prints it from both headers (with and without the page
			// number): every page.
			parts, _ := testkit.Unzip(t, read(outNotes, filepath.Base(o.Path)))
			for _, h := range []string{"word/header1.xml", "word/header2.xml"} {
				if !strings.Contains(string(parts[h]), banner) {
					t.Errorf("%s: %s has no banner", o.Path, h)
				}
			}
		}
		plantest.Printed(t, filepath.Base(o.Path), text, js)
	}
}
