package build

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"kehoach/internal/compose"
	extractdocx "kehoach/internal/extract/docx"
	"kehoach/internal/fonts"
	"kehoach/internal/layout"
	"kehoach/internal/plan"
	"kehoach/internal/plan/plantest"
	"kehoach/internal/render/text"
	"kehoach/internal/testkit"
)

// payload holds XML's special characters, a CDATA end, template syntax and
// a PDF string delimiter: each must come out literally in every output.
const payload = `&<>"']]> {{.Nam}} (x) \ `

// ids are fields that name things rather than print them.
var ids = map[string]bool{"Ma": true, "Xa": true, "Bo": true, "Loai": true, "ChuTri": true, "PhoiHop": true,
	"Nguon": true, "QuyenHan": true, "Luu": true, "NgoaiLe": true, "Cap": true, "VietTat": true}

// mark appends payload and a numbered marker to every printed text field.
func mark(v reflect.Value, name string, n *int) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			mark(v.Elem(), name, n)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if tag := f.Tag.Get("yaml"); tag == "" || tag == "-" || ids[f.Name] {
				continue
			}
			mark(v.Field(i), f.Name, n)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			mark(v.Index(i), name, n)
		}
	case reflect.String:
		if v.String() != "" && v.CanSet() {
			*n++
			v.SetString(v.String() + " " + payload + fmt.Sprintf("M%03dM", *n))
		}
	}
}

// Every kind of text field holding & < > " ' ]]> and template syntax
// round-trips unchanged through the text, DOCX and PDF outputs.
func TestEscapingRoundTrip(t *testing.T) {
	res, err := plan.Load(plan2025)
	if err != nil || !res.OK() {
		t.Fatalf("%v %v", err, res.Errors)
	}
	n := 0
	mark(reflect.ValueOf(res.Plan), "", &n)
	mark(reflect.ValueOf(res.Plan.Commune), "", &n)
	d, err := compose.Compose(res.Plan, plantest.Profile(t, res), layout.Bundled())
	if err != nil {
		t.Fatal(err)
	}
	txt := testkit.Words(text.Render(d))
	var printed []string
	for i := 1; i <= n; i++ {
		m := fmt.Sprintf("M%03dM", i)
		if strings.Contains(txt, m) {
			printed = append(printed, m)
			if !strings.Contains(txt, testkit.Words(payload+m)) && !strings.Contains(strings.ToUpper(txt), strings.ToUpper(testkit.Words(payload+m))) {
				t.Errorf("text output mangles field %s", m)
			}
		}
	}
	t.Logf("%d of %d marked fields are printed", len(printed), n)
	if len(printed) < 40 {
		t.Fatalf("only %d of %d marked fields are printed", len(printed), n)
	}

	b, err := Render("docx", d, plantest.Profile(t, res), fonts.Bundled())
	if err != nil {
		t.Fatal(err)
	}
	dt, err := extractdocx.PartText(b)
	if err != nil {
		t.Fatal(err)
	}
	dt = testkit.Words(dt)
	for _, m := range printed {
		if !strings.Contains(strings.ToUpper(dt), strings.ToUpper(testkit.Words(payload+m))) {
			t.Errorf("DOCX text lacks %q", payload+m)
		}
	}
	testkit.ValidateParts(t, unzipBytes(t, b), nil)

	pb, err := Render("pdf", d, plantest.Profile(t, res), fonts.Bundled())
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(path, pb, 0o644); err != nil {
		t.Fatal(err)
	}
	pt := testkit.Words(testkit.PDFText(t, path))
	if got, want := strings.Count(pt, `&<>"']]>`), len(printed); got < want {
		t.Errorf("PDF text holds %d copies of the payload, want %d", got, want)
	}
	for _, m := range printed {
		if !strings.Contains(strings.ToUpper(pt), strings.ToUpper(`\ `+m)) {
			t.Errorf("PDF text lacks %q", `\ `+m)
		}
	}
}
