package pdf

import (
	"fmt"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"kehoach/internal/doc/doctest"
	"kehoach/internal/fonts"
	"kehoach/internal/style"
)

// The bundled faces' font IDs in the table are those fpdf computes for the
// names Write registers them with (a wrong ID would change every PDF's
// font resource names).
func TestBundledFontIDs(t *testing.T) {
	f := fonts.Bundled()
	var want strings.Builder
	bad := false
	for s := fonts.Regular; s <= fonts.BoldItalic; s++ {
		used := []rune("Kế hoạch")
		final := subsetTag(s, used) + "+" + NewWriter().psName(f, s)
		name := placeholder(int(s), len(final)-len("utf8"))
		c := fpdf.NewFontCache()
		p := fpdf.New("P", "mm", "A4", "")
		p.SetFontCache(c)
		p.AddUTF8FontFromBytes(name, "", f.TTF[s])
		if err := p.Error(); err != nil {
			t.Fatal(err)
		}
		id, ok := c.FontIDOf(f.TTF[s], name, "")
		if !ok {
			t.Fatalf("face %d: fpdf computed no font ID for %q", s, name)
		}
		fmt.Fprintf(&want, "\tfonts.%s: {%q, %q},\n", [4]string{"Regular", "Bold", "Italic", "BoldItalic"}[s], name, id)
		if got := bundledFontIDs[s]; got.name != name || got.id != id {
			bad = true
		}
	}
	if bad {
		t.Errorf("bundledFontIDs differ from what fpdf computes; the table should be:\n%s", want.String())
	}
}

// A Writer that is given the IDs writes the same bytes as one that computes
// them, and the cache holds the table's IDs.
func TestSeededFontIDsSameBytes(t *testing.T) {
	f := fonts.Bundled()
	d, prof := doctest.Sample(), style.Default()
	var a, b strings.Builder
	seeded := NewWriter()
	if err := seeded.Write(&a, d, prof, f); err != nil {
		t.Fatal(err)
	}
	plain := NewWriter()
	saved := bundledFontIDs
	bundledFontIDs = [4]struct{ name, id string }{}
	err := plain.Write(&b, d, prof, f)
	bundledFontIDs = saved
	if err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Fatal("PDF written with the bundled font IDs differs from the one whose IDs fpdf computed")
	}
	// The table is used: with wrong IDs in it the PDF changes.
	var c strings.Builder
	wrong := saved
	for s := range wrong {
		wrong[s].id = strings.Repeat("0", 39) + fmt.Sprint(s)
	}
	bundledFontIDs = wrong
	err = NewWriter().Write(&c, d, prof, f)
	bundledFontIDs = saved
	if err != nil {
		t.Fatal(err)
	}
	if c.String() == a.String() || !strings.Contains(c.String(), "/F"+wrong[fonts.Regular].id) {
		t.Error("Write did not use the IDs of bundledFontIDs (the names it registers the faces with changed?)")
	}
	for s, e := range bundledFontIDs {
		if id, ok := plain.fonts.FontIDOf(f.TTF[s], e.name, ""); ok && id != e.id {
			t.Errorf("face %d: fpdf computed %s, the table has %s", s, id, e.id)
		}
	}
}
