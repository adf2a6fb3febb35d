package doc

// StyleName names a paragraph style of the Profile.
type StyleName string

// The paragraph styles every renderer knows. Their values come from the ND30
// profile (templates/nd30.yaml); the composer only names them.
const (
	StyleBody         StyleName = "Body"         // justified body text, first-line indent
	StyleHeading1     StyleName = "Heading1"     // "I. MỤC TIÊU"
	StyleHeading2     StyleName = "Heading2"     // "1. Mục tiêu chung"
	StyleCanCu        StyleName = "CanCu"        // italic legal basis lines
	StyleDocType      StyleName = "DocType"      // "KẾ HOẠCH"
	StyleTrichYeu     StyleName = "TrichYeu"     // the subject line under the type
	StyleAgency       StyleName = "Agency"       // issuing body lines in the header
	StyleAgencyParent StyleName = "AgencyParent" // superior body line (not bold)
	StyleNumber       StyleName = "Number"       // "Số: …/KH-UBND"
	StyleNational     StyleName = "National"     // Quốc hiệu
	StyleMotto        StyleName = "Motto"        // Tiêu ngữ
	StylePlaceDate    StyleName = "PlaceDate"    // "Mường Khoa, ngày … tháng … năm …"
	StyleRecipTitle   StyleName = "RecipTitle"   // "Nơi nhận:"
	StyleRecipItem    StyleName = "RecipItem"    // "- Sở …;"
	StyleSignAuthor   StyleName = "SignAuthor"   // "TM. ỦY BAN NHÂN DÂN" / title lines
	StyleSignName     StyleName = "SignName"     // signer's name
	StyleTableCell    StyleName = "TableCell"    // text inside table cells
	StyleTableHead    StyleName = "TableHead"    // header cells
	StyleAnnexNumber  StyleName = "AnnexNumber"  // "Biểu số 01"
	StyleAnnexTitle   StyleName = "AnnexTitle"   // annex title, upper case
	StyleAnnexRef     StyleName = "AnnexRef"     // "(Kèm theo Kế hoạch số …)"
	StyleUnit         StyleName = "Unit"         // "ĐVT: triệu đồng"
	StyleDraftMark    StyleName = "DraftMark"    // "DỰ THẢO"
	StylePageNumber   StyleName = "PageNumber"   // page number in the header
)

// AllStyles lists every style in a fixed order (renderers iterate this, never
// a map, so output is deterministic).
var AllStyles = []StyleName{
	StyleBody, StyleHeading1, StyleHeading2, StyleCanCu, StyleDocType,
	StyleTrichYeu, StyleAgency, StyleAgencyParent, StyleNumber, StyleNational,
	StyleMotto, StylePlaceDate, StyleRecipTitle, StyleRecipItem, StyleSignAuthor,
	StyleSignName, StyleTableCell, StyleTableHead, StyleAnnexNumber,
	StyleAnnexTitle, StyleAnnexRef, StyleUnit, StyleDraftMark, StylePageNumber,
}

// ParagraphStyle is the resolved formatting of one named style.
type ParagraphStyle struct {
	Size        float64 // font size in points
	Bold        bool
	Italic      bool
	Align       Align   // never AlignDefault once resolved
	FirstIndent float64 // first-line indent, mm
	LeftIndent  float64 // mm
	SpaceBefore float64 // points
	SpaceAfter  float64 // points
	LineSpacing float64 // multiple of single spacing (1.0–1.5)
	KeepNext    bool
}

// Profile is the ND30 style profile every renderer reads: font, page and
// paragraph styles. Build it with package style, which loads it from
// templates/nd30.yaml and checks it against the ranges ND30 allows.
type Profile struct {
	FontFamily string // "Times New Roman"
	Page       PageSetup
	// Landscape is the page setup of annex sections.
	Landscape PageSetup
	// CellPad is the padding inside every doc.Table cell, mm: from each
	// border to the text. The PDF layout, the DOCX cell margins and the
	// annexes' column widths all read it.
	CellPad Margins
	Styles  map[StyleName]ParagraphStyle
	// ToneStyle is "cu" (hòa, thủy: default, as ND30's Quốc hiệu) or "moi"
	// (hoà, thuỷ).
	ToneStyle string
	// RuleSpaceBelow is the least white space between a Rule's lower edge
	// and the top of the line box (or table) below it, in points. The white
	// space already there (the next paragraph's SpaceBefore, Spacers) counts
	// towards it; renderers add only what is missing.
	RuleSpaceBelow float64
}

// Style returns the named style; an unknown name yields the body style.
func (p *Profile) Style(n StyleName) ParagraphStyle {
	if s, ok := p.Styles[n]; ok {
		return s
	}
	return p.Styles[StyleBody]
}
