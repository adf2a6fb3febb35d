// Package para is the paragraph model that the document readers hand to
// `kehoach import`: what a Word file or a text file says, paragraph by
// paragraph, with the little formatting an importer needs (emphasis runs,
// the list label Word shows, the paragraph's alignment, its place in a
// table). It knows nothing of plans; internal/importer turns these
// paragraphs into a plan file.
package para

import "strings"

// Run is a stretch of a paragraph's text with one emphasis.
// Soft line breaks (w:br) are "\n" and tabs are "\t" inside Text.
type Run struct {
	Text      string
	Bold      bool
	Italic    bool
	Underline bool
}

// Para is one paragraph of a source document, in reading order.
type Para struct {
	// Runs holds the text; adjacent runs with the same emphasis are merged.
	Runs []Run
	// Label is the list label that automatic numbering shows before the
	// text ("1.", "a)", "-", "+", "II."), computed from numbering.xml;
	// "" when the paragraph has no automatic numbering (a label typed by
	// hand stays in the text).
	Label string
	// Level is the list level (w:ilvl), 0 when none.
	Level int
	// Style is the paragraph style's id ("Heading1", "Title"), "" when none.
	Style string
	// Align is "left", "center", "right" or "both" ("" when not set).
	Align string
	// Table, Row and Cell place a paragraph that sits in a table: the
	// table's 1-based index in the document, and the 1-based row and cell
	// within it. All three are 0 outside tables. A nested table counts as
	// its own table.
	Table, Row, Cell int
	// Line is the 1-based line of a text source where the paragraph
	// starts (0 for DOCX), for the import report.
	Line int
}

// Text is the paragraph's text without its automatic label.
func (p Para) Text() string {
	if len(p.Runs) == 1 {
		return p.Runs[0].Text
	}
	var b strings.Builder
	for _, r := range p.Runs {
		b.WriteString(r.Text)
	}
	return b.String()
}
