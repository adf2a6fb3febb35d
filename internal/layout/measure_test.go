package layout

import (
	"testing"

	"kehoach/internal/fonts"
)

// The bundled family has Times New Roman's metrics, the ones a family
// without usable metrics is set with; the measurer gives them and the
// family's widths.
func TestMeasurer(t *testing.T) {
	f := fonts.Bundled()
	m, err := FamilyMetrics(f)
	if err != nil {
		t.Fatal(err)
	}
	if m != TimesMetrics {
		t.Errorf("bundled metrics %+v, want Times New Roman's %+v", m, TimesMetrics)
	}
	if got := TimesMetrics.Line * 2048; got != 2355 {
		t.Errorf("line = %v/2048, want 2355", got)
	}
	ms := Bundled()
	if line, ascent := ms.LineMetrics(); line != m.Line || ascent != m.Ascent {
		t.Errorf("LineMetrics = %v, %v; want %v, %v", line, ascent, m.Line, m.Ascent)
	}
	for _, c := range []struct {
		bold, italic bool
		style        fonts.Style
	}{{false, false, fonts.Regular}, {true, false, fonts.Bold}, {false, true, fonts.Italic}, {true, true, fonts.BoldItalic}} {
		text := "Ủy ban nhân dân xã Mường Khoa"
		if got, want := ms.WidthMM(c.bold, c.italic, 13, text), f.WidthMM(c.style, 13, text); got != want || got <= 0 {
			t.Errorf("WidthMM(bold %v, italic %v) = %v, want %v", c.bold, c.italic, got, want)
		}
	}
}
