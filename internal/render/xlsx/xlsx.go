// Package xlsx writes sheets (package sheet: the annex tables of a Kế
// hoạch) as one Excel workbook, one worksheet per biểu, with excelize. It
// reads only the sheets and the ND30 profile (doc.Profile): the font
// family, the sizes of the annex styles and the landscape page's margins
// come from templates/nd30.yaml as for the document, never from constants
// of its own.
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
// =SUM formula that also carries its computed value (excelize's
// StreamWriter writes Cell{Formula, Value} as <f> and <v>), so a reader
// that does not recalculate still shows it. Text is always an inline
// string cell, never a formula, whatever it starts with (= + - @).
//
// The bytes are deterministic: document properties carry the given date,
// and a ZipWriter writes the zip entries in a fixed order with that date
// (excelize writes streamed sheets in map order).
package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"sort"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"kehoach/internal/doc"
	"kehoach/internal/fonts"
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

// Write writes the sheets as one workbook, their columns as wide as the
// sheets say (sheet.Sheet.Fit), set in the font and the annex styles of
// prof and printed on its landscape page (prof.Landscape, whose margins
// the sheets' widths were fitted to). date is written into the document
// properties and the zip entries (use the plan's document date, never the
// wall clock).
func Write(w io.Writer, sheets []sheet.Sheet, prof *doc.Profile, date time.Time) error {
	if len(sheets) == 0 {
		return errors.New("không có biểu nào để ghi")
	}
	for _, s := range sheets {
		for i, c := range s.Columns {
			if c.Width <= 0 {
				return fmt.Errorf("biểu %s: cột %d chưa có độ rộng (chưa xếp cột theo trang)", s.Number, i+1)
			}
		}
	}
	f := excelize.NewFile()
	defer f.Close()
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return newSortedZip(w, date) })
	x := &writer{f: f, styles: map[styleKey]int{}, font: fonts.Bundled(), prof: prof}
	if err := f.SetDefaultFont(prof.FontFamily); err != nil {
		return err
	}
	for i := range sheets {
		name := SheetName(sheets[i].Number)
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	for i := range sheets {
		if err := x.sheet(&sheets[i]); err != nil {
			return fmt.Errorf("biểu %s: %w", sheets[i].Number, err)
		}
	}
	// The first sheet is the active one by default: no SetActiveSheet, which
	// would read every streamed sheet back into memory.
	if err := x.props(sheets, date); err != nil {
		return err
	}
	return f.Write(w)
}

type writer struct {
	f      *excelize.File
	styles map[styleKey]int
	font   *fonts.Family // measures the row heights
	prof   *doc.Profile
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

func (x *writer) props(sheets []sheet.Sheet, date time.Time) error {
	stamp := date.UTC().Format("2006-01-02T15:04:05Z")
	var nums []string
	for _, s := range sheets {
		nums = append(nums, s.Number)
	}
	issuer := sheets[0].Issuer
	if err := x.f.SetDocProps(&excelize.DocProperties{
		Title:          "Biểu số " + strings.Join(nums, ", "),
		Subject:        sheets[0].Ref,
		Creator:        issuer,
		LastModifiedBy: issuer,
		Created:        stamp,
		Modified:       stamp,
		Language:       "vi-VN",
	}); err != nil {
		return err
	}
	return x.f.SetAppProps(&excelize.AppProperties{Application: "kehoach", Company: issuer})
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

func (x *writer) style(k styleKey) (int, error) {
	if id, ok := x.styles[k]; ok {
		return id, nil
	}
	ps, _ := x.face(k.role)
	font := &excelize.Font{Family: x.prof.FontFamily, Size: ps.Size, Bold: ps.Bold, Italic: ps.Italic}
	if k.role == roleBody {
		font.Bold = k.bold // bold group, criterion and total rows
	}
	al := &excelize.Alignment{Horizontal: hAlign(k.align), Vertical: "center", WrapText: true, Indent: k.indent}
	st := &excelize.Style{Font: font, Alignment: al}
	switch k.role {
	case roleUnit:
		al.Vertical = "bottom"
	case roleHead, roleBody:
		for _, side := range []string{"left", "top", "right", "bottom"} {
			st.Border = append(st.Border, excelize.Border{Type: side, Color: "000000", Style: 1})
		}
		if k.role == roleHead {
			al.Horizontal = "center"
		}
		if k.shade {
			st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}}
		}
	}
	if k.places >= 0 {
		nf := NumFmt(k.places)
		st.CustomNumFmt = &nf
	}
	id, err := x.f.NewStyle(st)
	if err != nil {
		return 0, err
	}
	x.styles[k] = id
	return id, nil
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

func (x *writer) sheet(s *sheet.Sheet) error {
	f, name := x.f, SheetName(s.Number)
	nc := len(s.Columns)
	if nc == 0 {
		return errors.New("biểu không có cột nào")
	}
	widths := s.Widths()
	hr := s.HeaderRows()
	headEnd := headTop + hr - 1
	lastCol, err := excelize.ColumnNumberToName(nc)
	if err != nil {
		return err
	}

	// Page setup: before the stream writer, which copies it.
	// Each annex is numbered on its own from 1 (ND30 PL I III.1).
	paper, err := paperSize(x.prof.Landscape)
	if err != nil {
		return err
	}
	orient, one, zero, page1 := "portrait", 1, 0, uint(1)
	if x.prof.Landscape.Landscape {
		orient = "landscape"
	}
	if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &paper, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero, FirstPageNumber: &page1}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	in := func(mm float64) *float64 { v := math.Round(mm/25.4*1000) / 1000; return &v }
	centre := true
	mg := x.prof.Landscape.Margins
	if err := f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{
		Left: in(mg.Left), Right: in(mg.Right), Top: in(mg.Top), Bottom: in(mg.Bottom),
		Header: in(footerMM), Footer: in(footerMM), Horizontally: &centre,
	}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{OddFooter: Footer(x.prof)}); err != nil {
		return err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$%d:$%d", name, headTop, headEnd), Scope: name,
	}); err != nil {
		return err
	}

	// The used range, which the stream writer does not compute.
	if err := f.SetSheetDimension(name, fmt.Sprintf("A1:%s%d", lastCol, headEnd+len(s.Rows))); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	// Last column first: excelize puts each new <col> before the earlier
	// ones, and Excel wants them in ascending order.
	for i := nc - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, columnWidth(s, i, widths[i])); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{
		Freeze: true, YSplit: headEnd, TopLeftCell: fmt.Sprintf("A%d", headEnd+1), ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: fmt.Sprintf("A%d", headEnd+1), ActiveCell: fmt.Sprintf("A%d", headEnd+1), Pane: "bottomLeft"}},
	}); err != nil {
		return err
	}

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
		id, err := x.style(styleKey{role: h.role, align: h.al, places: -1})
		if err != nil {
			return err
		}
		vals := make([]any, nc)
		vals[0] = excelize.Cell{StyleID: id, Value: h.text}
		for c := 1; c < nc; c++ {
			vals[c] = excelize.Cell{StyleID: id}
		}
		height := x.height(h.text, face, ps.Size, total)
		if h.text == "" {
			height = ps.Size * lineFactor
		}
		if err := sw.SetRow(fmt.Sprintf("A%d", h.row), vals, excelize.RowOpts{Height: height}); err != nil {
			return err
		}
		if nc > 1 {
			if err := sw.MergeCell(fmt.Sprintf("A%d", h.row), fmt.Sprintf("%s%d", lastCol, h.row)); err != nil {
				return err
			}
		}
	}

	// Header rows: every cell of a merged range carries the border style.
	headID, err := x.style(styleKey{role: roleHead, align: sheet.AlignCenter, places: -1, shade: true})
	if err != nil {
		return err
	}
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
	for lv, row := range grid {
		vals := make([]any, nc)
		for c := range vals {
			vals[c] = excelize.Cell{StyleID: headID}
		}
		for _, hc := range row {
			if hc.Covered {
				continue
			}
			vals[hc.Col] = excelize.Cell{StyleID: headID, Value: hc.Text}
			if hc.ColSpan > 1 || hc.RowSpan > 1 {
				from, _ := excelize.CoordinatesToCellName(hc.Col+1, headTop+lv)
				to, _ := excelize.CoordinatesToCellName(hc.Col+hc.ColSpan, headTop+lv+hc.RowSpan-1)
				if err := sw.MergeCell(from, to); err != nil {
					return err
				}
			}
		}
		if err := sw.SetRow(fmt.Sprintf("A%d", headTop+lv), vals, excelize.RowOpts{Height: heights[lv]}); err != nil {
			return err
		}
	}

	// Body.
	cellPS, _ := x.face(roleBody)
	first := headEnd + 1
	for r, row := range s.Rows {
		vals := make([]any, nc)
		height := 0.0
		for c, cell := range row.Cells {
			col := s.Columns[c]
			k := styleKey{role: roleBody, bold: row.Bold, align: col.Align, places: -1, shade: row.Total}
			if c == s.LabelColumn() && row.Level > 0 && col.Align == sheet.AlignLeft {
				k.indent = row.Level
			}
			var v any
			switch cell.Kind {
			case sheet.Text:
				if n := len(utf16.Encode([]rune(cell.Text))); n > excelize.TotalCellChars {
					return fmt.Errorf("ô %s dài %d ký tự, quá %d ký tự một ô Excel chứa được; hãy viết ngắn lại", cellName(c+1, first+r), n, excelize.TotalCellChars)
				}
				v = cell.Text
			case sheet.Number:
				k.places = places(cell)
				v = cell.Value.Float()
			case sheet.Total:
				k.places = places(cell)
			}
			id, err := x.style(k)
			if err != nil {
				return err
			}
			if cell.Kind == sheet.Total {
				vals[c] = excelize.Cell{StyleID: id, Formula: sumFormula(cell.Sum, first), Value: cell.Value.Float()}
			} else {
				vals[c] = excelize.Cell{StyleID: id, Value: v}
			}
			st := fonts.StyleOf(row.Bold, cellPS.Italic)
			w := widths[c]
			// A cell spanning columns (a Biểu 01 group row's name) is
			// merged with the cells it covers, which keep their borders.
			if n := min(cell.Span, nc-c); n > 1 {
				if err := sw.MergeCell(cellName(c+1, first+r), cellName(c+n, first+r)); err != nil {
					return err
				}
				w = span(widths, c, n)
			}
			height = max(height, x.height(cell.String(), st, cellPS.Size, w-sheet.IndentMM*float64(k.indent)))
		}
		if err := sw.SetRow(fmt.Sprintf("A%d", first+r), vals, excelize.RowOpts{Height: height}); err != nil {
			return err
		}
	}
	return sw.Flush()
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
	name := func(r sheet.Ref) string {
		n, _ := excelize.CoordinatesToCellName(r.Col+1, first+r.Row)
		return n
	}
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
	return min(h, excelize.MaxRowHeight)
}

// lines counts the lines text wraps to, breaking at spaces (never at
// no-break spaces) and at new lines.
func (x *writer) lines(text string, st fonts.Style, size, width float64) int {
	n := 0
	for _, para := range strings.Split(text, "\n") {
		n++
		line := ""
		for _, word := range strings.Split(para, " ") {
			try := word
			if line != "" {
				try = line + " " + word
			}
			if line != "" && x.font.WidthMM(st, size, try) > width {
				n++
				line = word
			} else {
				line = try
			}
			// A word wider than the column is broken inside.
			for line != "" && x.font.WidthMM(st, size, line) > width {
				n++
				line = cutTo(x.font, st, size, line, width)
			}
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

func cellName(col, row int) string {
	n, _ := excelize.CoordinatesToCellName(col, row)
	return n
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

// sortedZip is an excelize.ZipWriter that keeps every entry in memory and
// writes them on Close in a fixed order ([Content_Types].xml, then the
// package relationships, then by name) with a fixed time, so the same
// workbook always gives the same bytes (excelize writes streamed sheets in
// map order).
type sortedZip struct {
	w       io.Writer
	date    time.Time
	entries map[string]*bytes.Buffer
}

func newSortedZip(w io.Writer, date time.Time) *sortedZip {
	return &sortedZip{w: w, date: date, entries: map[string]*bytes.Buffer{}}
}

// Create implements excelize.ZipWriter.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	if _, dup := z.entries[name]; dup {
		return nil, fmt.Errorf("zip: duplicate entry %s", name)
	}
	b := &bytes.Buffer{}
	z.entries[name] = b
	return b, nil
}

// AddFS implements excelize.ZipWriter.
func (z *sortedZip) AddFS(fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		w, err := z.Create(p)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
}

// Close implements excelize.ZipWriter: it writes the archive.
func (z *sortedZip) Close() error {
	names := make([]string, 0, len(z.entries))
	for n := range z.entries {
		names = append(names, n)
	}
	rank := func(n string) int {
		switch n {
		case "[Content_Types].xml":
			return 0
		case "_rels/.rels":
			return 1
		}
		return 2
	}
	sort.Slice(names, func(i, j int) bool {
		if ri, rj := rank(names[i]), rank(names[j]); ri != rj {
			return ri < rj
		}
		return names[i] < names[j]
	})
	zw := zip.NewWriter(z.w)
	for _, n := range names {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate, Modified: z.date})
		if err != nil {
			return err
		}
		if _, err := fw.Write(z.entries[n].Bytes()); err != nil {
			return err
		}
	}
	return zw.Close()
}
