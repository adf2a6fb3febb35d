package xlsx

import (
	"bytes"
	"strconv"
	"strings"
	"time"

	"kehoach/internal/render/opc"
	"kehoach/internal/sheet"
)

// This file writes the XML parts of the workbook: a small buffer that
// writes markup as is and escapes every text and attribute value, the
// style sheet, the workbook, the relationships, the content types and the
// document properties.

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// Namespaces and relationship types (ECMA-376 Part 1 and Part 2).
const (
	nsMain      = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRels      = "http://schemas.openxmlformats.org/package/2006/relationships"
	nsOfficeRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	relWorksh   = nsOfficeRel + "/worksheet"
	relStyles   = nsOfficeRel + "/styles"
	ctSheet     = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
)

// xbuf is the XML being written. Element and attribute names are
// constants of this package; text and attribute values that come from the
// plan always go through esc.
type xbuf struct {
	b   bytes.Buffer
	num [24]byte // scratch for numbers
}

func (x *xbuf) raw(s string) { x.b.WriteString(s) }

// esc writes s escaped for text or a double-quoted attribute value;
// characters XML cannot hold become U+FFFD (encoding/xml.EscapeText).
func (x *xbuf) esc(s string) { opc.EscapeText(&x.b, s) }

// int writes n in decimal.
func (x *xbuf) int(n int) { x.b.Write(strconv.AppendInt(x.num[:0], int64(n), 10)) }

// ref writes the A1 reference of column col and row row, both from 1
// (cellName).
func (x *xbuf) ref(col, row int) {
	x.b.WriteString(colName(col))
	x.int(row)
}

func (x *xbuf) bytes() []byte { return x.b.Bytes() }

// row opens row r with its explicit height in points.
func (x *xbuf) row(r int, height float64) {
	x.raw(`<row r="`)
	x.int(r)
	x.raw(`" ht="`)
	x.b.Write(appendNum(x.num[:0], height))
	x.raw(`" customHeight="1">`)
}

// cell writes <c r="…" s="…" and, for t != "", t="…", without closing >.
func (x *xbuf) cell(col, row, style int, t string) {
	x.raw(`<c r="`)
	x.ref(col, row)
	x.raw(`"`)
	if style != 0 {
		x.raw(` s="`)
		x.int(style)
		x.raw(`"`)
	}
	if t != "" {
		x.raw(` t="`)
		x.raw(t)
		x.raw(`"`)
	}
}

// blank writes a cell with a style and no value.
func (x *xbuf) blank(col, row, style int) {
	x.cell(col, row, style, "")
	x.raw(`/>`)
}

// text writes an inline string cell; an empty text is a blank cell. Blanks,
// tabs and line breaks at either end are kept (xml:space="preserve"), and
// an _xHHHH_ in the text is escaped as _x005F_xHHHH_ so that Excel does not
// read it as an escaped character (ECMA-376 Part 1, 22.9.2.19 ST_Xstring).
func (x *xbuf) text(col, row, style int, s string) {
	if s == "" {
		x.blank(col, row, style)
		return
	}
	x.cell(col, row, style, "inlineStr")
	x.raw(`><is><t`)
	if edge := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }; edge(s[0]) || edge(s[len(s)-1]) {
		x.raw(` xml:space="preserve"`)
	}
	x.raw(`>`)
	x.esc(escapeXstring(s))
	x.raw(`</t></is></c>`)
}

// number writes a number cell, with formula (without its =) as a formula
// whose cached value is v.
func (x *xbuf) number(col, row, style int, formula string, v float64) {
	x.cell(col, row, style, "")
	x.raw(`>`)
	if formula != "" {
		x.raw(`<f>`)
		x.esc(formula)
		x.raw(`</f>`)
	}
	x.raw(`<v>`)
	x.b.Write(appendNum(x.num[:0], v))
	x.raw(`</v></c>`)
}

// escapeXstring escapes the underscore of every _xHHHH_ in s as _x005F_.
func escapeXstring(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '_' && i+6 < len(s) && s[i+1] == 'x' && s[i+6] == '_' && isHex(s[i+2:i+6]) {
			b.WriteString("_x005F")
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// Styles.

// The fills and borders of the style sheet: fills 0 and 1 are the two
// Excel reserves (none, gray125), then the grey of header and total rows;
// border 0 is none, 1 thin black on four sides.
const (
	fillNone   = 0
	fillGrey   = 2
	borderThin = 1
)

const (
	fillsXML   = `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/></patternFill></fill></fills>`
	bordersXML = `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>` +
		`<border><left style="thin"><color rgb="FF000000"/></left><right style="thin"><color rgb="FF000000"/></right><top style="thin"><color rgb="FF000000"/></top><bottom style="thin"><color rgb="FF000000"/></bottom><diagonal/></border></borders>`
)

// defaultFontSize is the size of the workbook's default font (the Normal
// style), whose widest digit is the unit of column widths (excelWidth).
const defaultFontSize = 11

// styles collects the fonts, number formats and cell formats (cellXfs) the
// sheets use, each once, in the order of first use.
type styles struct {
	family  string
	fonts   []string // <font> elements; 0 is the default font
	numFmts []string // format codes; the i-th has numFmtId 164+i
	xfs     []string // <xf> elements; 0 is the default
	fontIDs map[string]int
	xfIDs   map[string]int
	ids     map[styleKey]int
}

func newStyles(family string) *styles {
	st := &styles{family: family, fontIDs: map[string]int{}, xfIDs: map[string]int{}, ids: map[styleKey]int{}}
	var b xbuf
	b.raw(`<font><sz val="` + num(defaultFontSize) + `"/><name val="`)
	b.esc(family)
	b.raw(`"/><family val="2"/></font>`)
	st.fonts = append(st.fonts, b.b.String())
	st.xfs = append(st.xfs, `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`)
	return st
}

// font is the fontId of the profile's family at size, bold or italic.
func (st *styles) font(size float64, bold, italic bool) int {
	var b xbuf
	b.raw(`<font>`)
	if bold {
		b.raw(`<b val="1"/>`)
	}
	if italic {
		b.raw(`<i val="1"/>`)
	}
	b.raw(`<sz val="` + num(size) + `"/><color/><name val="`)
	b.esc(st.family)
	b.raw(`"/><family val="2"/></font>`)
	return intern(&st.fonts, st.fontIDs, b.b.String())
}

// numFmt is the numFmtId of a custom number format code.
func (st *styles) numFmt(code string) int {
	for i, c := range st.numFmts {
		if c == code {
			return 164 + i
		}
	}
	st.numFmts = append(st.numFmts, code)
	return 164 + len(st.numFmts) - 1
}

// xfSpec is one cell format.
type xfSpec struct {
	font, fill, border, numFmt int
	horizontal, vertical       string
	indent                     int
}

// xf is the cellXfs index of a cell format.
func (st *styles) xf(s xfSpec) int {
	var b xbuf
	b.raw(`<xf numFmtId="` + strconv.Itoa(s.numFmt) + `" fontId="` + strconv.Itoa(s.font) + `" fillId="` + strconv.Itoa(s.fill) +
		`" borderId="` + strconv.Itoa(s.border) + `" xfId="0"`)
	if s.numFmt != 0 {
		b.raw(` applyNumberFormat="1"`)
	}
	b.raw(` applyFont="1"`)
	if s.fill != fillNone {
		b.raw(` applyFill="1"`)
	}
	if s.border != 0 {
		b.raw(` applyBorder="1"`)
	}
	b.raw(` applyAlignment="1"><alignment horizontal="` + s.horizontal + `" vertical="` + s.vertical + `"`)
	if s.indent > 0 {
		b.raw(` indent="` + strconv.Itoa(s.indent) + `"`)
	}
	b.raw(` wrapText="1"/></xf>`)
	return intern(&st.xfs, st.xfIDs, b.b.String())
}

// intern is the index of s in *list, appended if new.
func intern(list *[]string, ids map[string]int, s string) int {
	if id, ok := ids[s]; ok {
		return id
	}
	*list = append(*list, s)
	ids[s] = len(*list) - 1
	return len(*list) - 1
}

// xml is the style sheet part.
func (st *styles) xml() []byte {
	var b xbuf
	b.raw(xmlHeader + `<styleSheet xmlns="` + nsMain + `">`)
	if len(st.numFmts) > 0 {
		b.raw(`<numFmts count="` + strconv.Itoa(len(st.numFmts)) + `">`)
		for i, code := range st.numFmts {
			b.raw(`<numFmt numFmtId="` + strconv.Itoa(164+i) + `" formatCode="`)
			b.esc(code)
			b.raw(`"/>`)
		}
		b.raw(`</numFmts>`)
	}
	b.raw(`<fonts count="` + strconv.Itoa(len(st.fonts)) + `">` + strings.Join(st.fonts, "") + `</fonts>`)
	b.raw(fillsXML + bordersXML)
	b.raw(`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>`)
	b.raw(`<cellXfs count="` + strconv.Itoa(len(st.xfs)) + `">` + strings.Join(st.xfs, "") + `</cellXfs>`)
	b.raw(`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`)
	return b.bytes()
}

// The package parts.

// workbook lists the sheets, the print titles of each (its header rows,
// repeated on every printed page) and the calculation settings: calcId is
// an old Excel's, so that a newer Excel recalculates the formulas when it
// opens the workbook.
func workbook(sheets []sheet.Sheet) []byte {
	var b xbuf
	b.raw(xmlHeader + `<workbook xmlns="` + nsMain + `" xmlns:r="` + nsOfficeRel + `">`)
	b.raw(`<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="14805" windowHeight="8010"/></bookViews><sheets>`)
	for i, s := range sheets {
		n := strconv.Itoa(i + 1)
		b.raw(`<sheet name="`)
		b.esc(SheetName(s.Number))
		b.raw(`" sheetId="` + n + `" r:id="rId` + n + `"/>`)
	}
	b.raw(`</sheets><definedNames>`)
	for i, s := range sheets {
		b.raw(`<definedName name="_xlnm.Print_Titles" localSheetId="` + strconv.Itoa(i) + `">`)
		b.esc("'" + SheetName(s.Number) + "'!$" + strconv.Itoa(headTop) + ":$" + strconv.Itoa(headTop+s.HeaderRows()-1))
		b.raw(`</definedName>`)
	}
	b.raw(`</definedNames><calcPr calcId="122211"/></workbook>`)
	return b.bytes()
}

// workbookRels: rId1 … rIdN the sheets, then the styles.
func workbookRels(n int) []byte {
	var b xbuf
	b.raw(xmlHeader + `<Relationships xmlns="` + nsRels + `">`)
	for i := 1; i <= n; i++ {
		b.raw(`<Relationship Id="rId` + strconv.Itoa(i) + `" Type="` + relWorksh + `" Target="worksheets/sheet` + strconv.Itoa(i) + `.xml"/>`)
	}
	b.raw(`<Relationship Id="rId` + strconv.Itoa(n+1) + `" Type="` + relStyles + `" Target="styles.xml"/></Relationships>`)
	return b.bytes()
}

func packageRels() []byte {
	return []byte(xmlHeader + `<Relationships xmlns="` + nsRels + `">` +
		`<Relationship Id="rId1" Type="` + nsOfficeRel + `/officeDocument" Target="xl/workbook.xml"/>` +
		`<Relationship Id="rId2" Type="` + nsRels + `/metadata/core-properties" Target="docProps/core.xml"/>` +
		`<Relationship Id="rId3" Type="` + nsOfficeRel + `/extended-properties" Target="docProps/app.xml"/></Relationships>`)
}

func contentTypes(n int) []byte {
	var b xbuf
	b.raw(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`)
	for i := 1; i <= n; i++ {
		b.raw(`<Override PartName="/` + SheetPart(i) + `" ContentType="` + ctSheet + `"/>`)
	}
	b.raw(`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`)
	return b.bytes()
}

// coreProps: the title lists the biểu, the subject is the first one's
// reference line, the issuer is the author, both dates are date.
func coreProps(sheets []sheet.Sheet, date time.Time) []byte {
	nums := make([]string, len(sheets))
	for i, s := range sheets {
		nums[i] = s.Number
	}
	issuer := sheets[0].Issuer
	stamp := date.UTC().Format("2006-01-02T15:04:05Z")
	var b xbuf
	b.raw(xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	elem := func(name, text string) {
		b.raw(`<` + name + `>`)
		b.esc(text)
		b.raw(`</` + name + `>`)
	}
	elem("dc:title", "Biểu số "+strings.Join(nums, ", "))
	if sheets[0].Ref != "" {
		elem("dc:subject", sheets[0].Ref)
	}
	if issuer != "" {
		elem("dc:creator", issuer)
		elem("cp:lastModifiedBy", issuer)
	}
	elem("dc:language", "vi-VN")
	b.raw(`<dcterms:created xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:modified></cp:coreProperties>`)
	return b.bytes()
}

// appProps names kehoach as the application and the issuer as the company.
func appProps(issuer string) []byte {
	var b xbuf
	b.raw(xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">`)
	if issuer != "" {
		b.raw(`<Company>`)
		b.esc(issuer)
		b.raw(`</Company>`)
	}
	b.raw(`<Application>kehoach</Application></Properties>`)
	return b.bytes()
}
