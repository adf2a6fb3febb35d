// Package doc is kehoach's format-neutral document model: the contract between
// the composer (which knows what a Kế hoạch looks like) and the renderers
// (which know DOCX, PDF or plain text and nothing about plans).
//
// A Document is a list of Sections; a Section carries its page setup and a
// list of Blocks; paragraph-like blocks carry inline Runs. Sizes are in
// millimetres (lengths) or points (font sizes, spacing); styles refer to the
// named paragraph styles of a Profile (see profile.go), so that every
// renderer reads the same ND30 values from one place.
package doc

import "time"

// Document is a whole output document.
type Document struct {
	Meta Meta
	// Banner, when not empty, is a line printed centred at the top of
	// every page, above the page number: the mark of a copy that is not
	// the document itself (the leader's review copy, compose.Options.Review).
	// Documents that are issued have none.
	Banner   string
	Sections []Section
}

// BannerSize is the font size (pt) every renderer sets Document.Banner in,
// bold: smaller than the page number, so that both fit in the top margin.
const BannerSize = 10

// Meta is document metadata written into the output's properties.
type Meta struct {
	Title    string    // e.g. "Kế hoạch thực hiện Chương trình …"
	Subject  string    // optional
	Author   string    // issuing body, e.g. "Ủy ban nhân dân xã Mường Khoa"
	Language string    // BCP 47 tag, "vi-VN"
	Date     time.Time // fixed date for reproducible output (never time.Now)
}

// Section is a run of pages with one page setup.
type Section struct {
	Page        PageSetup
	PageNumbers PageNumbering
	Blocks      []Block
}

// PageSetup is the paper, orientation and margins of a section.
type PageSetup struct {
	Width, Height float64 // paper size in mm, portrait values (A4: 210 × 297)
	Landscape     bool    // swap width and height
	Margins       Margins
	HeaderMM      float64 // distance from the top edge to the header text
}

// Size returns the page width and height in mm as laid out (after
// orientation).
func (p PageSetup) Size() (w, h float64) {
	if p.Landscape {
		return p.Height, p.Width
	}
	return p.Width, p.Height
}

// TextWidth returns the width in mm between the left and right margins.
func (p PageSetup) TextWidth() float64 {
	w, _ := p.Size()
	return w - p.Margins.Left - p.Margins.Right
}

// Margins are page margins in mm.
type Margins struct {
	Top, Bottom, Left, Right float64
}

// PageNumbering says whether and how pages of a section are numbered.
// Numbers are Arabic, centred in the top margin.
type PageNumbering struct {
	Show      bool // print page numbers in this section
	Start     int  // number of the section's first page (restart); 0 = continue
	FirstPage bool // also print the number on the section's first page
}

// Block is one of *Paragraph, *ListItem, *Table, *Columns, *Rule,
// *PageBreak, *Spacer.
type Block interface{ isBlock() }

// Align is horizontal alignment.
type Align int

// Alignments. AlignDefault takes the style's alignment.
const (
	AlignDefault Align = iota
	AlignLeft
	AlignCenter
	AlignRight
	AlignJustify
)

// Paragraph is a paragraph of inline runs in a named profile style. Zero
// override fields mean "as the style says".
type Paragraph struct {
	Style StyleName
	Runs  []Run
	Align Align // overrides the style's alignment when not AlignDefault
	// NoIndent suppresses the style's first-line indent.
	NoIndent bool
	// KeepNext keeps this paragraph on the same page as the next block
	// (headings always do, through their style).
	KeepNext bool
	// Heading is the outline level (1, 2, …) of a heading paragraph, 0 for
	// body text. Renderers use it for document outline/bookmarks.
	Heading int
}

// ListItem is a bulleted paragraph: Marker ("-" or "+") then a space then the
// runs, hanging from the style's first-line indent as in ND30 practice.
type ListItem struct {
	Style  StyleName
	Marker string
	Level  int // 1 for "-", 2 for "+"
	Runs   []Run
}

// Run is a piece of inline text with uniform formatting.
type Run struct {
	Text      string
	Bold      bool
	Italic    bool
	Underline bool
	// Size overrides the paragraph style's font size (points) when non-zero.
	Size float64
	// Field, when not FieldNone, makes the run a computed field; Text is the
	// placeholder value shown before the field is updated.
	Field Field
}

// Field is a computed inline field.
type Field int

// Fields.
const (
	FieldNone Field = iota
	FieldPage       // the current page number
)

// Table is a grid with fixed column widths.
type Table struct {
	Columns    []float64 // column widths in mm; their sum is the table width
	HeaderRows int       // leading rows repeated at the top of every page
	Rows       []Row
	Borders    bool    // single black borders on every cell
	FontSize   float64 // points; 0 = the TableCell style's size
	Align      Align   // table position on the page; AlignDefault = centred
}

// Row is a table row. Rows are never split across pages.
type Row struct {
	Cells []Cell
	// KeepNext keeps the row on the same page as the next row (a heading
	// row with its first child).
	KeepNext bool
}

// Cell is a table cell. A cell covered by a neighbour's span is omitted from
// Cells for column spans; for row spans the covered cell is present with
// Merged set, so every row keeps the same number of grid columns.
type Cell struct {
	Paragraphs []Paragraph
	ColSpan    int  // grid columns covered (0 or 1 = one)
	RowSpan    int  // rows covered starting here (0 or 1 = one)
	Merged     bool // covered by a RowSpan from above: draw nothing
	VAlign     VAlign
	Shade      bool // light grey background (header and total rows)
}

// VAlign is vertical alignment in a table cell.
type VAlign int

// Vertical alignments.
const (
	VAlignTop VAlign = iota
	VAlignCenter
	VAlignBottom
)

// Columns is a borderless side-by-side layout (the ND30 header block, the
// Nơi nhận + signature block). Each column holds blocks stacked top down.
type Columns struct {
	Widths []float64 // mm; their sum may exceed the text width (ND30 templates reach into the margins)
	Cols   [][]Block
	// Offset shifts the whole block horizontally from the left margin, in mm
	// (negative reaches into the left margin).
	Offset float64
	// KeepTogether keeps the block on one page, moving it whole to the next
	// page rather than splitting it.
	KeepTogether bool
	// KeepNext keeps the block's last line on the same page as the next
	// block (a heading set beside its margin note).
	KeepNext bool
	// Note makes the last column a margin note on the others (the review
	// copy's justification): in the PDF it is set as one piece, never
	// split across pages, beside the first lines of the others, and its
	// text is read whole after their first line.
	Note bool
}

// Rule is a solid horizontal line of an exact length, placed directly under
// the previous line of text.
type Rule struct {
	Length    float64 // mm
	Align     Align   // AlignCenter (default), AlignLeft or AlignRight in its container
	Thickness float64 // points; 0 = 0.5 pt
	// SpaceAbove is white space (points) added between the line above and
	// the rule, for a rule that must read as a separator rather than an
	// underline of the line above (the annex heading's).
	SpaceAbove float64
}

// PageBreak starts a new page.
type PageBreak struct{}

// Spacer is vertical white space (for example the room to sign). White
// space belongs to the block before it: after a block that keeps with the
// next (a KeepNext paragraph, a heading), a Spacer keeps with the next block
// too, so a keep chain such as closing sentence → Spacer → signature block
// is never broken at the Spacer. A Rule, drawn under the line above it,
// likewise keeps with the next block exactly when that line does.
type Spacer struct {
	Height float64 // mm
}

func (*Paragraph) isBlock() {}
func (*ListItem) isBlock()  {}
func (*Table) isBlock()     {}
func (*Columns) isBlock()   {}
func (*Rule) isBlock()      {}
func (*PageBreak) isBlock() {}
func (*Spacer) isBlock()    {}

// PlainText returns the concatenated text of runs (fields give their
// placeholder text).
func PlainText(runs []Run) string {
	n := 0
	for _, r := range runs {
		n += len(r.Text)
	}
	b := make([]byte, 0, n)
	for _, r := range runs {
		b = append(b, r.Text...)
	}
	return string(b)
}
