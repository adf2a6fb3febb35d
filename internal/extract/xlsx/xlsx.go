// Package xlsx reads the text of an .xlsx workbook for kehoach text,
// within the budget of package limits.
package xlsx

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strconv"
	"strings"

	"kehoach/internal/extract/limits"
)

// This file reads any .xlsx workbook (SpreadsheetML) with archive/zip and
// encoding/xml only: the sheet names and order from xl/workbook.xml, their
// parts from xl/_rels/workbook.xml.rels, the shared strings, and each
// sheet's cells with their cached values and formulas.

// Text prints every sheet in workbook order: "=== name ===", then one
// line per non-empty row, the cells from column A separated by " | ", a
// formula as its cached value followed by " [=FORMULA]". Each part is read
// and parsed once: a sheet whose part an earlier sheet printed says so.
func Text(data []byte, out *limits.Output, b *limits.Budget) error {
	zr, err := limits.OpenZip(data)
	if err != nil {
		if err == limits.ErrManyMembers {
			return err
		}
		return errors.New("tệp không phải sổ tính .xlsx (không mở được như tệp zip)")
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		name := strings.TrimPrefix(f.Name, "/")
		if _, dup := parts[name]; !dup {
			parts[name] = f
		}
	}
	read := func(name string) ([]byte, error) {
		f, ok := parts[name]
		if !ok {
			return nil, fmt.Errorf("thiếu phần %s", name)
		}
		return limits.ReadPart(f, b)
	}

	wbName := "xl/workbook.xml"
	if rels, err := read("_rels/.rels"); err == nil {
		if rs, err := limits.Relationships(rels, "", b); err == nil {
			if t := limits.RelOfType(rs, "/officeDocument"); t != "" {
				wbName = t
			}
		}
	} else if limits.IsCut(err) {
		return err
	}
	wb, err := read(wbName)
	if err != nil {
		return err
	}
	sheets, err := workbookSheets(wb, b)
	if err != nil {
		return fmt.Errorf("%s: %w", wbName, err)
	}
	relsName := path.Join(path.Dir(wbName), "_rels", path.Base(wbName)+".rels")
	rels, err := read(relsName)
	if err != nil {
		return err
	}
	targets, err := limits.Relationships(rels, path.Dir(wbName), b)
	if err != nil {
		return fmt.Errorf("%s: %w", relsName, err)
	}
	var shared []string
	if ssName := limits.RelOfType(targets, "/sharedStrings"); ssName != "" {
		ss, err := read(ssName)
		if err != nil {
			return err
		}
		if shared, err = sharedStrings(ss, b); err != nil {
			return fmt.Errorf("%s: %w", ssName, err)
		}
	}
	if len(sheets) == 0 {
		return errors.New("sổ tính không có trang tính nào")
	}

	byID := map[string]string{} // relationship Id → part name
	for _, r := range targets {
		byID[r.ID] = r.Target
	}
	printed := map[string]string{} // part → the sheet that printed it
	for _, sh := range sheets {
		target, ok := byID[sh.rid]
		if !ok {
			return fmt.Errorf("trang tính “%s” không có trong %s", sh.name, relsName)
		}
		title := sh.name
		if sh.state == "hidden" || sh.state == "veryHidden" {
			title += " (ẩn)"
		}
		if err := out.WriteLine("=== " + title + " ==="); err != nil {
			return err
		}
		if first, ok := printed[target]; ok {
			if err := out.WriteLine("(cùng phần " + target + " với trang tính “" + first + "”)"); err != nil {
				return err
			}
			continue
		}
		printed[target] = sh.name
		data, err := read(target)
		if err != nil {
			return err
		}
		if err := sheetRows(data, shared, out, b); err != nil {
			return fmt.Errorf("trang tính “%s” (%s): %w", sh.name, target, err)
		}
	}
	return nil
}

type sheetRef struct{ name, rid, state string }

func attrOf(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// workbookSheets lists <sheet name= r:id= state=> in order.
func workbookSheets(data []byte, b *limits.Budget) ([]sheetRef, error) {
	dec := limits.NewXMLDecoder(data, b)
	var out []sheetRef
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if e, ok := tok.(xml.StartElement); ok && e.Name.Local == "sheet" {
			out = append(out, sheetRef{name: attrOf(e, "name"), rid: attrOf(e, "id"), state: attrOf(e, "state")})
		}
	}
}

// sharedStrings reads <si> items: plain <t> or rich-text runs <r><t>,
// leaving out phonetic runs <rPh>.
func sharedStrings(data []byte, b *limits.Budget) ([]string, error) {
	dec := limits.NewXMLDecoder(data, b)
	var out []string
	var cur strings.Builder
	inSI, inT, inPh := false, false, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				inSI = true
				cur.Reset()
			case "t":
				inT = inSI && inPh == 0
			case "rPh":
				inPh++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				out = append(out, cellLines.Replace(cur.String()))
				inSI = false
			case "t":
				inT = false
			case "rPh":
				inPh--
			}
		case xml.CharData:
			if inT {
				cur.Write(t)
			}
		}
	}
}

// cell is one <c> of a sheet.
type cell struct {
	col              int
	ref, typ, value  string
	formula, fType   string
	sharedIdx, shRef string
	inline           strings.Builder
}

// shown is a cell's text in its column.
type shown struct {
	col  int
	text string
}

// sheetRows prints a worksheet's rows. A cell's text costs time and
// memory in proportion to its length (a shared string is not copied, a
// shared formula is written out once per cell), and a row stops growing
// once it is longer than the whole output may be, so the work stays
// within the output budget however many cells point at one long string.
func sheetRows(data []byte, shared []string, out *limits.Output, b *limits.Budget) error {
	dec := limits.NewXMLDecoder(data, b)
	var row []shown
	rowBytes := 0
	var c *cell
	masters := map[string]*cell{} // shared formula masters by si
	nextCol := 0
	var text *strings.Builder
	inIS := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				row, rowBytes, nextCol = row[:0], 0, 0
			case "c":
				if err := b.Cell(); err != nil {
					return err
				}
				c = &cell{ref: attrOf(t, "r"), typ: attrOf(t, "t")}
				col, _, ok := splitRef(c.ref)
				if !ok {
					col = nextCol
				}
				if col > 16383 {
					return fmt.Errorf("ô %s ngoài giới hạn", c.ref)
				}
				c.col, nextCol = col, col+1
			case "v":
				if c != nil {
					text = &strings.Builder{}
				}
			case "f":
				if c != nil {
					c.fType, c.sharedIdx, c.shRef = attrOf(t, "t"), attrOf(t, "si"), attrOf(t, "ref")
					text = &strings.Builder{}
				}
			case "is":
				inIS = true
			case "t":
				if c != nil && inIS {
					text = &c.inline
				}
			case "rPh":
				inIS = false // phonetic guide: not the cell's text
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "v":
				if c != nil && text != nil {
					c.value = text.String()
				}
				text = nil
			case "f":
				if c != nil && text != nil {
					c.formula = text.String()
					if c.fType == "shared" && c.formula != "" {
						masters[c.sharedIdx] = c
					}
				}
				text = nil
			case "t":
				text = nil
			case "is":
				inIS = false
			case "c":
				if c != nil {
					if v := cellText(c, shared, masters); v != "" {
						row = append(row, shown{c.col, v})
						if rowBytes += len(v); rowBytes > limits.MaxOutputBytes {
							return writeRow(row, out) // cannot fit: limits.ErrFull
						}
					}
				}
				c = nil
			case "row":
				if err := writeRow(row, out); err != nil {
					return err
				}
				row = row[:0]
			}
		case xml.CharData:
			if text != nil {
				text.Write(t)
			}
		}
	}
}

// writeRow prints the cells from column A to the last non-empty one,
// separated by " | " (the texts of cells given the same column one after
// the other), trailing spaces trimmed; nothing for a row with no text.
func writeRow(row []shown, out *limits.Output) error {
	if len(row) == 0 {
		return nil
	}
	sort.SliceStable(row, func(i, j int) bool { return row[i].col < row[j].col })
	col := 0
	for _, c := range row {
		for ; col < c.col; col++ {
			if err := out.Write(" | "); err != nil {
				return err
			}
		}
		if err := out.Write(c.text); err != nil {
			return err
		}
	}
	return out.EndTrimmed()
}

// cellLines writes line breaks in a cell as "⏎", tabs and no-break spaces
// as spaces.
var cellLines = strings.NewReplacer("\r\n", "⏎", "\n", "⏎", "\r", "⏎", "\t", " ", "\u00a0", " ")

// cellText is a cell's shown value: text, number, TRUE/FALSE, #ERROR, and
// for a formula " [=FORMULA]" after its cached value. Line breaks in a cell
// show as "⏎", tabs and no-break spaces as spaces (shared strings are
// written so when read).
func cellText(c *cell, shared []string, masters map[string]*cell) string {
	var v string
	switch c.typ {
	case "s":
		if i, err := strconv.Atoi(strings.TrimSpace(c.value)); err == nil && i >= 0 && i < len(shared) {
			v = shared[i]
		} else if c.value != "" {
			v = cellLines.Replace("#CHUỖI?" + c.value)
		}
	case "inlineStr":
		v = cellLines.Replace(c.inline.String())
	case "b":
		switch strings.TrimSpace(c.value) {
		case "1":
			v = "TRUE"
		case "0":
			v = "FALSE"
		}
	default: // n, str, e, d
		v = cellLines.Replace(c.value)
	}
	f := c.formula
	if f == "" && c.fType == "shared" {
		if m, ok := masters[c.sharedIdx]; ok {
			f = shiftFormula(m.formula, m.ref, c.ref)
		}
	}
	if f != "" {
		f = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(f)
		if v != "" {
			v += " "
		}
		v += "[=" + f + "]"
	}
	return v
}

// splitRef splits "AB12" into column index 27 (A = 0) and row 12.
func splitRef(r string) (col, row int, ok bool) {
	i := 0
	for i < len(r) && r[i] >= 'A' && r[i] <= 'Z' {
		col = col*26 + int(r[i]-'A'+1)
		i++
		if col > 1<<20 {
			return 0, 0, false
		}
	}
	if i == 0 || i == len(r) {
		return 0, 0, false
	}
	n, err := strconv.Atoi(r[i:])
	if err != nil || n < 1 {
		return 0, 0, false
	}
	return col - 1, n, true
}

func colName(c int) string {
	s := ""
	for c++; c > 0; c = (c - 1) / 26 {
		s = string(rune('A'+(c-1)%26)) + s
	}
	return s
}

// shiftFormula writes the master formula of a shared formula as it reads
// in another cell: relative references move by the distance between the
// two cells (absolute $ parts stay), strings and sheet names untouched.
func shiftFormula(f, from, to string) string {
	fc, fr, ok1 := splitRef(from)
	tc, tr, ok2 := splitRef(to)
	if !ok1 || !ok2 {
		return f
	}
	dc, dr := tc-fc, tr-fr
	var b strings.Builder
	for i := 0; i < len(f); {
		ch := f[i]
		if ch == '"' || ch == '\'' { // a string or a quoted sheet name
			j := i + 1
			for j < len(f) && f[j] != ch {
				j++
			}
			j = min(j+1, len(f))
			b.WriteString(f[i:j])
			i = j
			continue
		}
		if isRefStart(f, i) {
			j := i
			colAbs := f[j] == '$'
			if colAbs {
				j++
			}
			cs := j
			for j < len(f) && f[j] >= 'A' && f[j] <= 'Z' {
				j++
			}
			ce := j
			rowAbs := j < len(f) && f[j] == '$'
			if rowAbs {
				j++
			}
			rs := j
			for j < len(f) && f[j] >= '0' && f[j] <= '9' {
				j++
			}
			if ce > cs && ce-cs <= 3 && j > rs && (j == len(f) || !isNameChar(f[j]) && f[j] != '(') {
				c, r, _ := splitRef(f[cs:ce] + f[rs:j])
				if !colAbs {
					c += dc
				}
				if !rowAbs {
					r += dr
				}
				if c >= 0 && r >= 1 {
					if colAbs {
						b.WriteByte('$')
					}
					b.WriteString(colName(c))
					if rowAbs {
						b.WriteByte('$')
					}
					b.WriteString(strconv.Itoa(r))
					i = j
					continue
				}
			}
		}
		b.WriteByte(ch)
		i++
	}
	return b.String()
}

func isNameChar(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.'
}

// isRefStart reports whether a cell reference may start at f[i].
func isRefStart(f string, i int) bool {
	if f[i] != '$' && !(f[i] >= 'A' && f[i] <= 'Z') {
		return false
	}
	return i == 0 || !isNameChar(f[i-1]) && f[i-1] != '$'
}
