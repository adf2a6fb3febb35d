package layout

import "kehoach/internal/fonts"

// Measurer measures text in a font family as Layout sets it: the widths
// of its faces and its vertical metrics. Composers measure through it (see
// compose.Measurer), so that a document set in another family (build
// -phong) is composed for that family's words and lines.
type Measurer struct {
	f *fonts.Family
	m Metrics
}

// NewMeasurer returns the measurer of f (nil: the bundled family).
func NewMeasurer(f *fonts.Family) (*Measurer, error) {
	if f == nil {
		f = fonts.Bundled()
	}
	m, err := FamilyMetrics(f)
	if err != nil {
		return nil, err
	}
	return &Measurer{f, m}, nil
}

// WidthMM returns the advance width in mm of text in the face bold, italic
// at size pt.
func (m *Measurer) WidthMM(bold, italic bool, size float64, text string) float64 {
	return m.f.WidthMM(fonts.StyleOf(bold, italic), size, text)
}

// LineMetrics returns the single line height and the ascent as fractions
// of the font size.
func (m *Measurer) LineMetrics() (line, ascent float64) { return m.m.Line, m.m.Ascent }

// Bundled returns the measurer of the bundled family. It panics only if
// the embedded font is broken, which the fonts tests guard against.
func Bundled() *Measurer {
	m, err := NewMeasurer(fonts.Bundled())
	if err != nil {
		panic(err)
	}
	return m
}
