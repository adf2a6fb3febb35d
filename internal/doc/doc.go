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
	// Keywords, when not empty, are written into the output's properties
	// (PDF /Keywords, DOCX cp:keywords); only the electronic variant sets
	// them, so the paper outputs keep their bytes.
	Keywords []string
	// Record is the document's metadata as ND30 Phụ lục VI lists it for
	// an outgoing document; the zero Record (IsZero) for documents that
	// are not issued (the distribution manifest).
	Record Record
}

// Record is the metadata of an outgoing document (“thông tin đầu vào của
// dữ liệu quản lý văn bản đi”, ND30 Phụ lục VI Phần II Mục I), each field
// named as Phụ lục VI names it and numbered as there. It carries only
// what the document's source knows; the other fields of the table are
// left to the agency's document system:
//
//   - 1 FileCode (OrganId, FileCatalog, FileNotation) and 2 DocOrdinal:
//     the file (hồ sơ) the document is filed in, which the văn thư
//     decides; not in the model;
//   - 13.1 To.OrganId: the recipients' identifier codes, which a plan
//     does not know (Recipient.OrganID stays "").
//
// Dates are calendar dates (Phụ lục VI: Date, length 10), written as
// YYYY-MM-DD by the sidecar writers; the zero time means “not given”.
type Record struct {
	TypeName     string    // 3 Tên loại văn bản: "Kế hoạch"
	CodeNumber   string    // 4 Số của văn bản: "125", "05"; "" while the document system has to assign it (ND30 Điều 15.3)
	CodeNotation string    // 5 Ký hiệu của văn bản: "KH-UBND"
	IssuedDate   time.Time // 6 Ngày, tháng, năm văn bản; zero while the document system has to set it (ND30 Điều 15.3)
	OrganName    string    // 7 Tên cơ quan, tổ chức ban hành văn bản: "Ủy ban nhân dân xã Mường Khoa"
	Subject      string    // 8 Trích yếu nội dung (plain text)
	Language     string    // 9 Ngôn ngữ: "Tiếng Việt"
	// PageAmount (10 Số trang của văn bản) is known only once the document
	// is laid out: 0 in the composed model; the build sets it from the
	// PDF layout's page count before writing the PDF and the sidecars.
	PageAmount  int
	Description string      // 11 Ghi chú; "" when none
	SignerInfo  SignerInfo  // 12 Chức vụ, họ tên người ký
	To          []Recipient // 13 Nơi nhận, in the order of the Nơi nhận block
	// Priority (14 Mức độ khẩn, độ mật, Number 1): 0 when the document
	// carries no urgency or secrecy mark. Phụ lục VI gives no code table
	// for the other values, so the model never sets one and the writers
	// leave the field empty at 0.
	Priority     int
	IssuedAmount int       // 15 Số lượng bản phát hành: copies made, as kehoach print counts them; 0 = not known
	DueDate      time.Time // 16 Hạn trả lời văn bản; zero when none (a Kế hoạch asks for no reply)
}

// IsZero reports whether r carries nothing (a document that is not
// issued, such as the distribution manifest).
func (r Record) IsZero() bool {
	return r.TypeName == "" && r.CodeNotation == "" && r.OrganName == "" && r.Subject == "" && len(r.To) == 0
}

// SignerInfo is the signer of a document (ND30 Phụ lục VI field 12).
type SignerInfo struct {
	Position string // 12.1 Chức vụ của người ký văn bản: "Phó Chủ tịch"
	FullName string // 12.2 Họ và tên người ký văn bản
}

// Recipient is one recipient of a document (ND30 Phụ lục VI field 13).
type Recipient struct {
	OrganID   string // 13.1 Mã định danh của cơ quan, tổ chức nhận văn bản; "" when not known
	OrganName string // 13.2 Tên cơ quan, tổ chức nhận văn bản
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
	// Sign, when not nil, marks the space as the signing room of an
	// electronic document: layout reports where the signer's signature
	// image and the agency's seal image go (layout.Page.Areas), for a PDF
	// writer to put its signature field there. Renderers that do not sign
	// treat the block as plain white space of Height.
	Sign *SignArea
}

// SignArea is the signing room of an electronic document, between the
// signer's title and name (ND30 Phụ lục I, ô 7c and ô 8):
//
//   - the signer's signature image (blue PNG, transparent background) is
//     centred between the title and the name (Phụ lục I II.7): a box
//     Width wide, centred in the Spacer's column, as tall as the Spacer;
//   - the agency's seal image (red, at the seal's actual size) covers
//     about a third of the signature image on its left (Phụ lục I
//     II.8.a): a Seal × Seal box, centred on the signature box vertically,
//     its right edge a third of the way into the signature box.
//
// The boxes are reservations: the signing system places the images at
// their own sizes.
type SignArea struct {
	Width float64 // mm; width of the signature image's box; 0 or wider than the column = the column's width
	Seal  float64 // mm; side of the seal image's box (a round seal's diameter); 0 = no seal box
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
