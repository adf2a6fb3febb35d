package planfmt

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"kehoach/internal/plan"
	"kehoach/internal/testkit"
	"kehoach/internal/yamlx"
)

// FuzzFormat: fmt(fmt(x)) == fmt(x), formatting never changes what a
// file says — every scalar keeps its value at its path, for any file that
// formats, valid plan or not — a valid plan loads to the same Plan and
// renders the same document text, and a file framed as Windows saves it
// (CRLF, a BOM) formats to the same bytes in the same frame. Each input
// must format within fuzzBudget (time and allocation), so a slow path
// fails as a crash does.
func FuzzFormat(f *testing.F) {
	add := func(b []byte) {
		f.Add(b)
		b = bytes.TrimPrefix(b, bom)
		// The same file as Notepad and Git for Windows save it.
		f.Add(Style{CRLF: true}.Apply(b))
		f.Add(Style{BOM: true, CRLF: true}.Apply(b))
	}
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			add(b)
		}
	}
	// Block scalars with blank lines, kept and stripped, literal and
	// folded (F-07), alone and in a valid plan.
	for _, c := range blockScalarCases {
		add([]byte(c))
	}
	add(blankLinePlan(f))
	hostile, _ := filepath.Glob("../../cmd/kehoach/testdata/hostile/*.yaml")
	for _, p := range hostile {
		if b, err := os.ReadFile(p); err == nil && len(b) < 1<<16 {
			if bytes.ContainsRune(b, '\r') {
				f.Add(b) // framed already
			} else {
				add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		testkit.Within(t, testkit.FuzzBudget, func() { checkFormat(t, src) })
	})
}

// checkFormat checks FuzzFormat's properties on one input.
func checkFormat(t *testing.T, src []byte) {
	once, err := Format("p.yaml", src)
	if err != nil {
		return
	}
	keepsScalars(t, src, once)
	// A framed file formats as its LF content does, then framed (a
	// second BOM is content, which the parser skips; a lone CR left by
	// Normalize would frame anew with the LF after it).
	if n := yamlx.Normalize(src); !bytes.HasPrefix(n, bom) && !bytes.ContainsRune(n, '\r') {
		if lf, err := Format("p.yaml", n); err != nil || !bytes.Equal(once, StyleOf(src).Apply(lf)) {
			t.Fatalf("not the LF output in the file's style (%v):\n%q\n----\n%q", err, once, StyleOf(src).Apply(lf))
		}
	}
	if !bytes.ContainsRune(src, '\r') && !bytes.HasPrefix(src, bom) {
		for _, s := range []Style{{CRLF: true}, {BOM: true, CRLF: true}} {
			framed := s.Apply(src)
			got, err := Format("p.yaml", framed)
			if err != nil {
				t.Fatalf("%+v: the file framed so does not format: %v", s, err)
			}
			// A file without a line end has no CRLF to keep.
			if want := StyleOf(framed).Apply(once); !bytes.Equal(got, want) {
				t.Fatalf("%+v: not the LF output in the file's style:\n%q\n----\n%q", s, got, want)
			}
		}
	}
	twice, err := Format("p.yaml", once)
	if err != nil {
		t.Fatalf("formatted output does not parse: %v\n%s", err, once)
	}
	if string(once) != string(twice) {
		t.Fatalf("not idempotent:\n%s\n----\n%s", once, twice)
	}
	var a, b plan.Plan
	_, ea := yamlx.Decode("p.yaml", src, &a)
	_, eb := yamlx.Decode("p.yaml", once, &b)
	if len(ea) == 0 {
		if len(eb) != 0 {
			t.Fatalf("a valid file became invalid: %v\n%s", eb, once)
		}
		zeroPos(reflect.ValueOf(&a))
		zeroPos(reflect.ValueOf(&b))
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("meaning changed:\n%s\n----\n%s", src, once)
		}
	}
	if pa, ta := documentText(t, src); pa != nil {
		pb, tb := documentText(t, once)
		switch {
		case pb == nil:
			t.Fatalf("a valid plan became invalid:\n%s", once)
		case !reflect.DeepEqual(pa, pb):
			t.Fatalf("the plan loads to another Plan:\n%s\n----\n%s", src, once)
		case ta != tb:
			t.Fatalf("the document changed: %s\n%s\n----\n%s", firstDiffLine(ta, tb), src, once)
		}
	}
}
