package textconv

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// This file reads any .xlsx workbook (SpreadsheetML) with archive/zip and
// encoding/xml only: the sheet names and order from xl/workbook.xml, their
// parts from xl/_rels/workbook.xml.rels, the shared strings, and each
// sheet's cells with their cached values and formulas.

// maxPartBytes bounds one decompressed part of the workbook.
const maxPartBytes = 64 << 20

// xlsxText prints every sheet in workbook order: "=== name ===", then one
// line per non-empty row, the cells from column A separated by " | ", a
// formula as its cached value followed by " [=FORMULA]".
func xlsxText(data []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", errors.New("tệp không phải sổ tính .xlsx (không mở được như tệp zip)")
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		parts[strings.TrimPrefix(f.Name, "/")] = f
	}
	read := func(name string) ([]byte, error) {
		f, ok := parts[name]
		if !ok {
			return nil, fmt.Errorf("thiếu phần %s", name)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("phần %s hỏng: %v", name, err)
		}
		defer rc.Close()
		b, err := io.ReadAll(io.LimitReader(rc, maxPartBytes+1))
		if err != nil {
			return nil, fmt.Errorf("phần %s hỏng: %v", name, err)
		}
		if len(b) > maxPartBytes {
			return nil, fmt.Errorf("phần %s quá lớn", name)
		}
		return b, nil
	}

	wbName := "xl/workbook.xml"
	if rels, err := read("_rels/.rels"); err == nil {
		if t := relTarget(rels, "", "/officeDocument"); t != "" {
			wbName = t
		}
	}
	wb, err := read(wbName)
	if err != nil {
		return "", err
	}
	sheets, err := workbookSheets(wb)
	if err != nil {
		return "", fmt.Errorf("%s: %v", wbName, err)
	}
	relsName := path.Join(path.Dir(wbName), "_rels", path.Base(wbName)+".rels")
	rels, err := read(relsName)
	if err != nil {
		return "", err
	}
	targets, err := relationships(rels, path.Dir(wbName))
	if err != nil {
		return "", fmt.Errorf("%s: %v", relsName, err)
	}
	var shared []string
	if ssName := targets.byType("/sharedStrings"); ssName != "" {
		ss, err := read(ssName)
		if err != nil {
			return "", err
		}
		if shared, err = sharedStrings(ss); err != nil {
			return "", fmt.Errorf("%s: %v", ssName, err)
		}
	}

	var b strings.Builder
	for _, sh := range sheets {
		target, ok := targets.byID[sh.rid]
		if !ok {
			return "", fmt.Errorf("trang tính “%s” không có trong %s", sh.name, relsName)
		}
		data, err := read(target)
		if err != nil {
			return "", err
		}
		rows, err := sheetRows(data, shared)
		if err != nil {
			return "", fmt.Errorf("trang tính “%s” (%s): %v", sh.name, target, err)
		}
		title := sh.name
		if sh.state == "hidden" || sh.state == "veryHidden" {
			title += " (ẩn)"
		}
		fmt.Fprintf(&b, "=== %s ===\n", title)
		for _, r := range rows {
			b.WriteString(r)
			b.WriteByte('\n')
		}
	}
	if len(sheets) == 0 {
		return "", errors.New("sổ tính không có trang tính nào")
	}
	return b.String(), nil
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
func workbookSheets(data []byte) ([]sheetRef, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var out []sheetRef
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("XML hỏng: %v", err)
		}
		if e, ok := tok.(xml.StartElement); ok && e.Name.Local == "sheet" {
			out = append(out, sheetRef{name: attrOf(e, "name"), rid: attrOf(e, "id"), state: attrOf(e, "state")})
		}
	}
}

type rels struct {
	byID   map[string]string // Id → part name
	byKind map[string]string // type suffix → part name
}

func (r rels) byType(suffix string) string {
	for t, p := range r.byKind {
		if strings.HasSuffix(t, suffix) {
			return p
		}
	}
	return ""
}

// relationships reads a .rels part; targets are resolved against base.
func relationships(data []byte, base string) (rels, error) {
	r := rels{byID: map[string]string{}, byKind: map[string]string{}}
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return r, nil
		}
		if err != nil {
			return r, fmt.Errorf("XML hỏng: %v", err)
		}
		e, ok := tok.(xml.StartElement)
		if !ok || e.Name.Local != "Relationship" || attrOf(e, "TargetMode") == "External" {
			continue
		}
		t := attrOf(e, "Target")
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join(base, t)
		}
		r.byID[attrOf(e, "Id")] = t
		r.byKind[attrOf(e, "Type")] = t
	}
}

// relTarget returns the target of the first relationship whose type ends
// with suffix.
func relTarget(data []byte, base, suffix string) string {
	r, err := relationships(data, base)
	if err != nil {
		return ""
	}
	return r.byType(suffix)
}

// sharedStrings reads <si> items: plain <t> or rich-text runs <r><t>,
// leaving out phonetic runs <rPh>.
func sharedStrings(data []byte) ([]string, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var out []string
	var cur strings.Builder
	inSI, inT, inPh := false, false, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("XML hỏng: %v", err)
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
				out = append(out, cur.String())
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

// sheetRows reads a worksheet into printable rows.
func sheetRows(data []byte, shared []string) ([]string, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var out []string
	var row []*cell
	var c *cell
	masters := map[string]*cell{} // shared formula masters by si
	nextCol := 0
	var text *strings.Builder
	inIS := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("XML hỏng: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				row, nextCol = nil, 0
			case "c":
				c = &cell{ref: attrOf(t, "r"), typ: attrOf(t, "t")}
				col, _, ok := splitRef(c.ref)
				if !ok {
					col = nextCol
				}
				if col > 16383 {
					return nil, fmt.Errorf("ô %s ngoài giới hạn", c.ref)
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
					row = append(row, c)
				}
				c = nil
			case "row":
				if s := formatRow(row, shared, masters); s != "" {
					out = append(out, s)
				}
				row = nil
			}
		case xml.CharData:
			if text != nil {
				text.Write(t)
			}
		}
	}
}

// formatRow prints the cells from column A to the last non-empty one.
func formatRow(row []*cell, shared []string, masters map[string]*cell) string {
	last := -1
	vals := map[int]string{}
	for _, c := range row {
		v := cellText(c, shared, masters)
		if v == "" {
			continue
		}
		vals[c.col] += v
		last = max(last, c.col)
	}
	if last < 0 {
		return ""
	}
	parts := make([]string, last+1)
	for i := range parts {
		parts[i] = vals[i]
	}
	return strings.TrimRight(strings.Join(parts, " | "), " ")
}

// cellText is a cell's shown value: text, number, TRUE/FALSE, #ERROR, and
// for a formula " [=FORMULA]" after its cached value. Line breaks in a cell
// show as "⏎", tabs and no-break spaces as spaces.
func cellText(c *cell, shared []string, masters map[string]*cell) string {
	var v string
	switch c.typ {
	case "s":
		if i, err := strconv.Atoi(strings.TrimSpace(c.value)); err == nil && i >= 0 && i < len(shared) {
			v = shared[i]
		} else if c.value != "" {
			v = "#CHUỖI?" + c.value
		}
	case "inlineStr":
		v = c.inline.String()
	case "b":
		switch strings.TrimSpace(c.value) {
		case "1":
			v = "TRUE"
		case "0":
			v = "FALSE"
		}
	default: // n, str, e, d
		v = c.value
	}
	v = strings.NewReplacer("\r\n", "⏎", "\n", "⏎", "\r", "⏎", "\t", " ", "\u00a0", " ").Replace(v)
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
