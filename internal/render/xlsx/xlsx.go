// Package xlsx writes sheets (package sheet: the annex tables of a Kế
// hoạch) as one Excel workbook, one worksheet per biểu, in SpreadsheetML
// (ECMA-376) written directly with the standard library. It reads only
// the sheets and the ND30 profile (doc.Profile): the font family, the
// sizes of the annex styles and the landscape page's margins come from
// templates/nd30.yaml as for the document, never from constants of its
// own.
//
// The sheets are named "Bieu 01" … "Bieu 04": plain ASCII, so that
// formulas, the print-title names and tools that handle sheet names badly
// (CSV exports, old Excel versions, scripts) never meet a diacritic; the
// full “Biểu số 01” heading is in the sheet itself.
//
// Each sheet carries its ND30 heading in merged cells (“Biểu số 01”, the
// title, the reference line, “ĐVT: triệu đồng” at the right, in the
// profile's AnnexNumber, AnnexTitle, AnnexRef and Unit styles), then the
// table (TableHead, TableCell): the profile's font, thin borders,
// wrapped text, panes frozen below the header rows, which also repeat on
// every printed page (_xlnm.Print_Titles); A4 landscape, one page wide,
// each sheet numbered from 1 in the footer (“Trang n”). Rows get explicit
// heights measured with the bundled font metrics, so wrapped text shows
// whole even where Excel would not grow a row (merged cells). Amounts are
// numbers with a Vietnamese number format (never text); a total is a live
// =SUM formula that also carries its computed value (<f> and <v>), so a
// reader that does not recalculate still shows it. Text is always an
// inline string cell (<is><t>), never a formula, whatever it starts with
// (= + - @): inline rather than shared strings because the workbook's
// texts hardly repeat, the cell then holds its own text (one pass, no
// string table to build or index) and Excel turns them into shared
// strings itself when it saves.
//
// The package holds the parts Excel and LibreOffice need and no more:
// content types, relationships, the workbook with its sheets and print
// titles, the styles, the sheets, and the core and extended document
// properties. The bytes are deterministic: the parts are stored in a
// fixed order (PartNames), deflated as the DOCX writer does, with the
// given date as their time and in the document properties.
package xlsx

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"kehoach/internal/doc"
	"kehoach/internal/fonts"
	"kehoach/internal/render/opc"
	"kehoach/internal/sheet"
)

// footerMM is the distance of the footer from the bottom edge, mm (and of
// the empty header from the top). The page margins are the profile's
// landscape margins (le_ngang).
const footerMM = 8.0

// Footer is the page footer of every sheet: "Trang n", centred, in the
// profile's font at the size of its table cells. Each sheet is numbered
// from 1 (pageSetup firstPageNumber), so an annex printed with the others
// still starts at page 1, as ND30 wants. The total “/&N” is left out:
// LibreOffice counts it over the whole print job, so printing the workbook
// showed “Trang 1/6” on a one-page annex.
func Footer(prof *doc.Profile) string {
	return fmt.Sprintf(`&C&"%s,Regular"&%gTrang &P`, prof.FontFamily, prof.Style(doc.StyleTableCell).Size)
}

// SheetName is the worksheet name of an annex: "Bieu 01".
func SheetName(number string) string { return "Bieu " + number }

// NumFmt is the number format of an amount with places decimals:
// [$-42A]#,##0 or [$-42A]#,##0.0 ([$-42A] is Vietnamese: 1.282,2).
func NumFmt(places int) string {
	f := "[$-42A]#,##0"
	if places > 0 {
		f += "." + strings.Repeat("0", places)
	}
	return f
}

// Limits of a worksheet that Excel imposes (ECMA-376 leaves them to the
// application; Excel's specifications and limits).
const (
	// MaxRowHeight is the tallest row Excel shows, points.
	MaxRowHeight = 409
	// MaxCellChars is the most UTF-16 code units one cell holds.
	MaxCellChars = 32767
)

// Part names, in the order Write stores them.
const (
	PartContentTypes = "[Content_Types].xml"
	PartRels         = "_rels/.rels"
	PartApp          = "docProps/app.xml"
	PartCore         = "docProps/core.xml"
	PartWorkbookRels = "xl/_rels/workbook.xml.rels"
	PartStyles       = "xl/styles.xml"
	PartWorkbook     = "xl/workbook.xml"
)

// SheetPart is the part name of the n-th worksheet (from 1), stored after
// the parts above in sheet order.
func SheetPart(n int) string { return "xl/worksheets/sheet" + strconv.Itoa(n) + ".xml" }

// PartNames lists the parts of a workbook of n sheets in the order Write
// stores them.
func PartNames(n int) []string {
	names := []string{PartContentTypes, PartRels, PartApp, PartCore, PartWorkbookRels, PartStyles, PartWorkbook}
	for i := 1; i <= n; i++ {
		names = append(names, SheetPart(i))
	}
	return names
}

// Write writes the sheets as one workbook, their columns as wide as the
// sheets say (sheet.Sheet.Fit), set in the font and the annex styles of
// prof and printed on its landscape page (prof.Landscape, whose margins
// the sheets' widths were fitted to). date is written into the document
// properties and the zip entries (use the plan's document date, never the
// wall clock).
func Write(w io.Writer, sheets []sheet.Sheet, prof *doc.Profile, date time.Time) error {
	parts, err := Parts(sheets, prof, date)
	if err != nil {
		return err
	}
	names := PartNames(len(sheets))
	ps := make([]opc.Part, len(names))
	for i, name := range names {
		// All but the sheets and the core properties (title, date) depend
		// on the profile, the issuer and the sheets' numbers and header
		// rows only: Shared.
		ps[i] = opc.Part{Name: name, Data: parts[name], Shared: i < len(names)-len(sheets) && name != PartCore}
	}
	return opc.Write(w, ps, date)
}

// Parts returns every part of the workbook Write stores, by name
// (PartNames), unzipped.
func Parts(sheets []sheet.Sheet, prof *doc.Profile, date time.Time) (map[string][]byte, error) {
	if len(sheets) == 0 {
		return nil, errors.New("không có biểu nào để ghi")
	}
	for _, s := range sheets {
		for i, c := range s.Columns {
			if c.Width <= 0 {
				return nil, fmt.Errorf("biểu %s: cột %d chưa có độ rộng (chưa xếp cột theo trang)", s.Number, i+1)
			}
		}
	}
	x := &writer{font: fonts.Bundled(), prof: prof, st: newStyles(prof.FontFamily)}
	parts := make(map[string][]byte, 7+len(sheets))
	for i := range sheets {
		b, err := x.sheet(&sheets[i], i == 0)
		if err != nil {
			return nil, fmt.Errorf("biểu %s: %w", sheets[i].Number, err)
		}
		parts[SheetPart(i+1)] = b
	}
	parts[PartContentTypes] = contentTypes(len(sheets))
	parts[PartRels] = packageRels()
	parts[PartApp] = appProps(sheets[0].Issuer)
	parts[PartCore] = coreProps(sheets, date)
	parts[PartWorkbookRels] = workbookRels(len(sheets))
	parts[PartStyles] = x.st.xml()
	parts[PartWorkbook] = workbook(sheets)
	return parts, nil
}

type writer struct {
	font *fonts.Family // measures the row heights
	prof *doc.Profile
	st   *styles
}

// roleStyle is the profile's paragraph style of a role.
func roleStyle(r role) doc.StyleName {
	switch r {
	case roleNumber:
		return doc.StyleAnnexNumber
	case roleTitle:
		return doc.StyleAnnexTitle
	case roleRef:
		return doc.StyleAnnexRef
	case roleUnit:
		return doc.StyleUnit
	case roleHead:
		return doc.StyleTableHead
	}
	return doc.StyleTableCell
}

// face is the profile's style of a role: its size and its face (bold,
// italic) as the bundled font measures it.
func (x *writer) face(r role) (doc.ParagraphStyle, fonts.Style) {
	st := x.prof.Style(roleStyle(r))
	return st, fonts.StyleOf(st.Bold, st.Italic)
}

// Cell styles.

type role int

const (
	roleNumber role = iota // "Biểu số 01"
	roleTitle
	roleRef
	roleUnit
	roleHead // header cells
	roleBody
)

type styleKey struct {
	role   role
	bold   bool
	align  sheet.Align
	indent int
	places int // decimal places of a number; -1 for text
	shade  bool
}

// style is the cellXfs index of a cell style: the role's font from the
// profile (a body cell bold as its row), centred vertically (a unit at the
// bottom) and wrapped, thin borders and a header's centring in the table,
// grey fill on header and total rows, the number format of an amount.
func (x *writer) style(k styleKey) int {
	if id, ok := x.st.ids[k]; ok {
		return id
	}
	ps, _ := x.face(k.role)
	bold := ps.Bold
	if k.role == roleBody {
		bold = k.bold // bold group, criterion and total rows
	}
	xf := xfSpec{font: x.st.font(ps.Size, bold, ps.Italic), horizontal: hAlign(k.align), vertical: "center", indent: k.indent}
	switch k.role {
	case roleUnit:
		xf.vertical = "bottom"
	case roleHead, roleBody:
		xf.border = borderThin
		if k.role == roleHead {
			xf.horizontal = "center"
		}
		if k.shade {
			xf.fill = fillGrey
		}
	}
	if k.places >= 0 {
		xf.numFmt = x.st.numFmt(NumFmt(k.places))
	}
	id := x.st.xf(xf)
	x.st.ids[k] = id
	return id
}

func hAlign(a sheet.Align) string {
	switch a {
	case sheet.AlignCenter:
		return "center"
	case sheet.AlignRight:
		return "right"
	}
	return "left"
}

// Rows of the heading, above the table.
const (
	rowNumber = 1
	rowTitle  = 2
	rowRef    = 3
	rowUnit   = 4
	headTop   = 5 // first header row
)

// paperSizes are the SpreadsheetML paperSize codes (ECMA-376 Part 1,
// 18.3.1.63) of the paper sizes a profile may give (kho_giay), by their
// portrait width and height in mm.
var paperSizes = map[[2]float64]int{{297, 420}: 8, {210, 297}: 9, {148, 210}: 11}

// paperSize is the paperSize code of the profile's page.
func paperSize(page doc.PageSetup) (int, error) {
	if n, ok := paperSizes[[2]float64{page.Width, page.Height}]; ok {
		return n, nil
	}
	return 0, fmt.Errorf("khổ giấy %.0f×%.0f mm chưa ghi được vào sổ tính Excel; hãy dùng A3 (297×420), A4 (210×297) hoặc A5 (148×210) ở kho_giay trong templates/nd30.yaml", page.Width, page.Height)
}

// sheet writes the worksheet part of s; active marks the sheet selected
// when the workbook opens (the first).
func (x *writer) sheet(s *sheet.Sheet, active bool) ([]byte, error) {
	nc := len(s.Columns)
	if nc == 0 {
		return nil, errors.New("biểu không có cột nào")
	}
	paper, err := paperSize(x.prof.Landscape)
	if err != nil {
		return nil, err
	}
	widths := s.Widths()
	hr := s.HeaderRows()
	headEnd := headTop + hr - 1
	lastCol := colName(nc)
	first := headEnd + 1
	var merges []string
	merge := func(from, to string) { merges = append(merges, from+":"+to) }

	var b xbuf
	b.b.Grow(2048 + 64*nc*(hr+len(s.Rows))) // about 64 bytes a cell, and the heading and page setup
	b.raw(xmlHeader + `<worksheet xmlns="` + nsMain + `"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`)
	b.raw(`<dimension ref="A1:` + lastCol + strconv.Itoa(headEnd+len(s.Rows)) + `"/>`)
	// Panes frozen below the header rows.
	top := "A" + strconv.Itoa(first)
	b.raw(`<sheetViews><sheetView`)
	if active {
		b.raw(` tabSelected="1"`)
	}
	b.raw(` workbookViewId="0"><pane ySplit="` + strconv.Itoa(headEnd) + `" topLeftCell="` + top + `" activePane="bottomLeft" state="frozen"/>`)
	b.raw(`<selection pane="bottomLeft" activeCell="` + top + `" sqref="` + top + `"/></sheetView></sheetViews>`)
	b.raw(`<sheetFormatPr defaultRowHeight="15"/><cols>`)
	for i := range nc {
		n := strconv.Itoa(i + 1)
		b.raw(`<col min="` + n + `" max="` + n + `" width="` + num(columnWidth(s, i, widths[i])) + `" customWidth="1"/>`)
	}
	b.raw(`</cols><sheetData>`)

	// Heading: one merged cell across the table per line.
	total := 0.0
	for _, w := range widths {
		total += w
	}
	heading := []struct {
		row  int
		text string
		role role
		al   sheet.Align
	}{
		{rowNumber, s.Heading, roleNumber, sheet.AlignCenter},
		{rowTitle, s.Title, roleTitle, sheet.AlignCenter},
		{rowRef, s.Ref, roleRef, sheet.AlignCenter},
		{rowUnit, s.Unit, roleUnit, sheet.AlignRight},
	}
	for _, h := range heading {
		ps, face := x.face(h.role)
		id := x.style(styleKey{role: h.role, align: h.al, places: -1})
		height := x.height(h.text, face, ps.Size, total)
		if h.text == "" {
			height = ps.Size * lineFactor
		}
		b.row(h.row, height)
		b.text(1, h.row, id, h.text)
		for c := 2; c <= nc; c++ {
			b.blank(c, h.row, id)
		}
		b.raw(`</row>`)
		if nc > 1 {
			merge("A"+strconv.Itoa(h.row), lastCol+strconv.Itoa(h.row))
		}
	}

	// Header rows: every cell of a merged range carries the border style.
	headID := x.style(styleKey{role: roleHead, align: sheet.AlignCenter, places: -1, shade: true})
	headPS, headFace := x.face(roleHead)
	grid := s.Header()
	heights := make([]float64, hr)
	for lv, row := range grid {
		for _, hc := range row {
			if hc.Covered || hc.RowSpan > 1 {
				continue
			}
			heights[lv] = max(heights[lv], x.height(hc.Text, headFace, headPS.Size, span(widths, hc.Col, hc.ColSpan)))
		}
	}
	for lv, row := range grid {
		for _, hc := range row {
			if hc.Covered || hc.RowSpan == 1 {
				continue
			}
			need := x.height(hc.Text, headFace, headPS.Size, span(widths, hc.Col, hc.ColSpan))
			have := 0.0
			for k := lv; k < lv+hc.RowSpan; k++ {
				have += heights[k]
			}
			if need > have {
				heights[lv+hc.RowSpan-1] += need - have
			}
		}
	}
	texts := make([]*string, nc)
	for lv, row := range grid {
		r := headTop + lv
		clear(texts)
		for k := range row {
			hc := &row[k]
			if hc.Covered {
				continue
			}
			texts[hc.Col] = &hc.Text
			if hc.ColSpan > 1 || hc.RowSpan > 1 {
				merge(cellName(hc.Col+1, r), cellName(hc.Col+hc.ColSpan, r+hc.RowSpan-1))
			}
		}
		b.row(r, heights[lv])
		for c := range nc {
			if texts[c] != nil {
				b.text(c+1, r, headID, *texts[c])
			} else {
				b.blank(c+1, r, headID)
			}
		}
		b.raw(`</row>`)
	}

	// Body.
	cellPS, _ := x.face(roleBody)
	var cells xbuf // a row's cells, written after the row's height is known
	for ri, row := range s.Rows {
		r := first + ri
		height := 0.0
		cells.b.Reset()
		for c, cell := range row.Cells {
			col := s.Columns[c]
			k := styleKey{role: roleBody, bold: row.Bold, align: col.Align, places: -1, shade: row.Total}
			if c == s.LabelColumn() && row.Level > 0 && col.Align == sheet.AlignLeft {
				k.indent = row.Level
			}
			if cell.Kind == sheet.Number || cell.Kind == sheet.Total {
				k.places = places(cell)
			}
			id := x.style(k)
			switch cell.Kind {
			case sheet.Text:
				if n := utf16Len(cell.Text); n > MaxCellChars {
					return nil, fmt.Errorf("ô %s dài %d ký tự, quá %d ký tự một ô Excel chứa được; hãy viết ngắn lại", cellName(c+1, r), n, MaxCellChars)
				}
				cells.text(c+1, r, id, cell.Text)
			case sheet.Number:
				cells.number(c+1, r, id, "", cell.Value.Float())
			case sheet.Total:
				cells.number(c+1, r, id, sumFormula(cell.Sum, first), cell.Value.Float())
			default:
				cells.blank(c+1, r, id)
			}
			st := fonts.StyleOf(row.Bold, cellPS.Italic)
			w := widths[c]
			// A cell spanning columns (a Biểu 01 group row's name) is
			// merged with the cells it covers, which keep their borders.
			if n := min(cell.Span, nc-c); n > 1 {
				merge(cellName(c+1, r), cellName(c+n, r))
				w = span(widths, c, n)
			}
			height = max(height, x.height(cell.String(), st, cellPS.Size, w-sheet.IndentMM*float64(k.indent)))
		}
		b.row(r, height)
		b.b.Write(cells.b.Bytes())
		b.raw(`</row>`)
	}
	b.raw(`</sheetData>`)

	if len(merges) > 0 {
		b.raw(`<mergeCells count="` + strconv.Itoa(len(merges)) + `">`)
		for _, m := range merges {
			b.raw(`<mergeCell ref="` + m + `"/>`)
		}
		b.raw(`</mergeCells>`)
	}
	// Page setup: the profile's landscape page and margins, one page wide,
	// each annex numbered on its own from 1 (ND30 PL I III.1).
	mg := x.prof.Landscape.Margins
	b.raw(`<printOptions horizontalCentered="1"/>`)
	b.raw(`<pageMargins left="` + inches(mg.Left) + `" right="` + inches(mg.Right) + `" top="` + inches(mg.Top) + `" bottom="` + inches(mg.Bottom) +
		`" header="` + inches(footerMM) + `" footer="` + inches(footerMM) + `"/>`)
	orient := "portrait"
	if x.prof.Landscape.Landscape {
		orient = "landscape"
	}
	b.raw(`<pageSetup paperSize="` + strconv.Itoa(paper) + `" firstPageNumber="1" fitToWidth="1" fitToHeight="0" orientation="` + orient + `" useFirstPageNumber="1"/>`)
	b.raw(`<headerFooter><oddFooter>`)
	b.esc(Footer(x.prof))
	b.raw(`</oddFooter></headerFooter></worksheet>`)
	return b.bytes(), nil
}

// inches writes mm as inches rounded to 3 places.
func inches(mm float64) string { return num(math.Round(mm/25.4*1000) / 1000) }

// num writes a number as SpreadsheetML stores it: the shortest decimal
// that reads back as the same float64, no exponent.
func num(v float64) string { return string(appendNum(nil, v)) }

// appendNum appends v to b as num writes it.
func appendNum(b []byte, v float64) []byte { return strconv.AppendFloat(b, v, 'f', -1, 64) }

// utf16Len is the length of s in UTF-16 code units, as Excel counts a
// cell's characters.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// places is the number of decimal places an amount shows.
func places(c sheet.Cell) int {
	s := c.Value.String()
	if i := strings.IndexByte(s, ','); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}

// sumFormula writes a Total's cells as SUM(...), joining runs of adjacent
// cells in a column or a row into ranges. first is the sheet row of body
// row 0.
func sumFormula(refs []sheet.Ref, first int) string {
	name := func(r sheet.Ref) string { return cellName(r.Col+1, first+r.Row) }
	var parts []string
	for i := 0; i < len(refs); {
		j := i
		if i+1 < len(refs) {
			step := sheet.Ref{Row: refs[i+1].Row - refs[i].Row, Col: refs[i+1].Col - refs[i].Col}
			if step == (sheet.Ref{Row: 1}) || step == (sheet.Ref{Col: 1}) {
				for j+1 < len(refs) && refs[j+1] == (sheet.Ref{Row: refs[j].Row + step.Row, Col: refs[j].Col + step.Col}) {
					j++
				}
			}
		}
		if j > i {
			parts = append(parts, name(refs[i])+":"+name(refs[j]))
		} else {
			parts = append(parts, name(refs[i]))
		}
		i = j + 1
	}
	return "SUM(" + strings.Join(parts, ",") + ")"
}

// Measures for row heights. Rows get explicit heights so that wrapped text
// shows whole in every reader (Excel does not grow rows holding merged
// cells).
const (
	lineFactor = 1.25 // line height / font size in a cell
	padPt      = 3.0  // top + bottom padding, points
	cellPadMM  = 2.2  // left + right padding and rounding slack, mm
)

// height is the row height in points that text of a style needs in a
// column width mm wide.
// Excel's tallest row (409 pt) bounds it.
func (x *writer) height(text string, st fonts.Style, size, widthMM float64) float64 {
	h := float64(x.lines(text, st, size, widthMM-cellPadMM))*size*lineFactor + padPt
	return min(h, MaxRowHeight)
}

// lines counts the lines text wraps to, breaking at spaces (never at
// no-break spaces) and at new lines. Each word is measured once and a
// line's width is the sum of its words' and spaces' widths; a sum too
// close to the column's width to call is measured whole, so the breaks are
// those of measuring every candidate line whole.
func (x *writer) lines(text string, st fonts.Style, size, width float64) int {
	w := func(s string) float64 { return x.font.WidthMM(st, size, s) }
	over := func(approx float64, s string) bool {
		if math.Abs(approx-width) < 1e-6 {
			return w(s) > width
		}
		return approx > width
	}
	space := w(" ")
	n := 0
	for para := range strings.SplitSeq(text, "\n") {
		n++
		ls, le, lw := 0, 0, 0.0 // the line so far: para[ls:le], lw mm wide
		for ws := 0; ws <= len(para); {
			we := strings.IndexByte(para[ws:], ' ')
			if we < 0 {
				we = len(para)
			} else {
				we += ws
			}
			ww := w(para[ws:we])
			switch {
			case le == ls: // an empty line takes the word
				ls, lw = ws, ww
			case over(lw+space+ww, para[ls:we]):
				n++
				ls, lw = ws, ww
			default:
				lw += space + ww
			}
			le = we
			// A word wider than the column is broken inside.
			for le > ls && over(lw, para[ls:le]) {
				n++
				rest := cutTo(x.font, st, size, para[ls:le], width)
				ls = le - len(rest)
				lw = w(para[ls:le])
			}
			ws = we + 1
		}
	}
	return n
}

// cutTo drops from s the longest prefix (at least one rune) that fits in
// width mm and returns the rest.
func cutTo(font *fonts.Family, st fonts.Style, size float64, s string, width float64) string {
	rs := []rune(s)
	k := 1
	for k < len(rs) && font.WidthMM(st, size, string(rs[:k+1])) <= width {
		k++
	}
	return string(rs[k:])
}

// cellName is the A1 reference of column col and row row, both from 1.
func cellName(col, row int) string { return colName(col) + strconv.Itoa(row) }

// colName is the letters of column col (from 1): A … Z, AA ….
func colName(col int) string {
	var b [4]byte
	i := len(b)
	for ; col > 0; col = (col - 1) / 26 {
		i--
		b[i] = byte('A' + (col-1)%26)
	}
	return string(b[i:])
}

func span(widths []float64, from, n int) float64 {
	w := 0.0
	for i := from; i < from+n; i++ {
		w += widths[i]
	}
	return w
}

// NumberSafety is how many characters wider than its widest amount (as
// formatted: "12.345,5" is 8) an amount column is at least, in Excel's
// width unit. A number never wraps in a spreadsheet: in a column too narrow
// Excel and LibreOffice show ### instead. The unit is the default font's
// digit width, which screen hinting rounds differently; separators count
// as digits although they are narrower, and 2 more cover the cell's
// padding and a bold total.
const NumberSafety = 2.0

// columnWidth is column c's width in Excel's unit: the fitted width mm
// (sheet.Sheet.Fit), and for an amount column at least its widest amount
// plus NumberSafety characters.
func columnWidth(s *sheet.Sheet, c int, mm float64) float64 {
	w := excelWidth(mm)
	if !s.Columns[c].Numeric {
		return w
	}
	for _, r := range s.Rows {
		if cell := r.Cells[c]; cell.IsNumber() {
			w = math.Max(w, float64(utf8.RuneCountInString(cell.String()))+NumberSafety)
		}
	}
	return w
}

// excelWidth converts mm to Excel's column width unit (characters of the
// default font's widest digit, 7 px at 96 dpi for Times New Roman 11, plus
// 5 px of padding).
func excelWidth(mm float64) float64 {
	px := mm / 25.4 * 96
	return math.Round((px-5)/7*100) / 100
}
