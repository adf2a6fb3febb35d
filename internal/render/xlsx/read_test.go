package xlsx

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"testing"

	"kehoach/internal/testkit"
)

// This file reads a workbook back for the tests with archive/zip and
// encoding/xml only, independently of the writer: sheets in workbook
// order, defined names, document properties, and per sheet its settings
// (sheetPr, panes, columns, margins, page setup, header/footer), its rows'
// heights, its merged ranges and every cell with its type, value, formula
// and its style resolved through styles.xml (font, fill, borders,
// alignment, number format). dump prints all of it as text, the styles by
// their content, so that two writers that number their styles
// differently give the same dump for the same workbook.

type book struct {
	parts  map[string][]byte
	sheets []*wsheet
	byName map[string]*wsheet
	names  map[string]string // "sheet name" (or "") + " " + name → refersTo
	calc   attrs             // <calcPr>
	core   [][2]string       // docProps/core.xml: element, text in order
	app    [][2]string       // docProps/app.xml
}

type attrs map[string]string

// String writes the attributes sorted by name, booleans as 1 and 0.
func (a attrs) String() string {
	keys := make([]string, 0, len(a))
	for k := range a {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, k+"="+boolNorm(a[k]))
	}
	return strings.Join(parts, " ")
}

func boolNorm(v string) string {
	switch v {
	case "true":
		return "1"
	case "false":
		return "0"
	}
	return v
}

type wsheet struct {
	name, part  string
	tabSelected bool
	view        attrs // <sheetView> without tabSelected
	pane, sel   attrs
	dim         string
	sheetPr     attrs // <pageSetUpPr>
	format      attrs // <sheetFormatPr>
	cols        []attrs
	rows        map[int]attrs // row number → <row> attributes but r
	rowOrder    []int
	cells       map[string]*wcell
	cellOrder   []string
	merges      []string
	print       attrs // <printOptions>
	margins     attrs
	setup       attrs // <pageSetup>
	oddHeader   string
	oddFooter   string
	hfAttrs     attrs
}

type wcell struct {
	ref, typ       string
	value, formula string
	hasFormula     bool
	style          string // resolved, see readStyles.resolve
	st             cellStyle
}

// cellStyle is what the tests ask of a cell's style.
type cellStyle struct {
	font                 string
	size                 float64
	bold, italic         bool
	borders              int // sides with a line
	horizontal, vertical string
	wrap                 bool
	indent               int
	numFmt               string
	fill                 string // pattern and colour, "" for none
}

// colWidth is column col's (1-based) width, 0 without a <col>.
func (s *wsheet) colWidth(col int) float64 {
	for _, c := range s.cols {
		lo, _ := strconv.Atoi(c["min"])
		hi, _ := strconv.Atoi(c["max"])
		if lo <= col && col <= hi {
			w, _ := strconv.ParseFloat(c["width"], 64)
			return w
		}
	}
	return 0
}

// rowHeight is row r's explicit height, 0 without one.
func (s *wsheet) rowHeight(r int) float64 {
	h, _ := strconv.ParseFloat(s.rows[r]["ht"], 64)
	return h
}

// cell is the cell at ref, a blank one if it is not written.
func (s *wsheet) cell(ref string) *wcell {
	if c, ok := s.cells[ref]; ok {
		return c
	}
	return &wcell{ref: ref}
}

// text is the cell's value as a string (an inline or shared string's
// text, a number's stored digits).
func (c *wcell) text() string { return c.value }

// mergeOf is the merged range whose top-left cell is ref, "" if none.
func (s *wsheet) mergeOf(ref string) string {
	for _, m := range s.merges {
		if strings.HasPrefix(m, ref+":") {
			return m
		}
	}
	return ""
}

// readStyles is the parsed styles.xml.
type readStyles struct {
	numFmts   map[string]string
	fonts     []string
	fills     []string
	borders   []string
	xfs       []attrs
	aligns    []attrs
	fontAttrs []map[string]string // per font: element → val
	sides     []int               // per border: sides with a style
}

// info is the cellStyle of style index s.
func (st *readStyles) info(s string) cellStyle {
	i := 0
	if s != "" {
		i, _ = strconv.Atoi(s)
	}
	if i < 0 || i >= len(st.xfs) {
		return cellStyle{}
	}
	xf, al := st.xfs[i], st.aligns[i]
	var c cellStyle
	if k, err := strconv.Atoi(xf["fontId"]); err == nil && k < len(st.fontAttrs) {
		f := st.fontAttrs[k]
		c.font = f["name"]
		c.size, _ = strconv.ParseFloat(f["sz"], 64)
		_, b := f["b"]
		_, it := f["i"]
		c.bold = b && boolNorm(f["b"]) != "0"
		c.italic = it && boolNorm(f["i"]) != "0"
	}
	if k, err := strconv.Atoi(xf["borderId"]); err == nil && k < len(st.sides) {
		c.borders = st.sides[k]
	}
	if k, err := strconv.Atoi(xf["fillId"]); err == nil && k < len(st.fills) && !strings.Contains(st.fills[k], "patternType=none") {
		c.fill = st.fills[k]
	}
	c.horizontal, c.vertical = al["horizontal"], al["vertical"]
	c.wrap = boolNorm(al["wrapText"]) == "1"
	c.indent, _ = strconv.Atoi(al["indent"])
	c.numFmt = "General"
	if code, ok := st.numFmts[xf["numFmtId"]]; ok {
		c.numFmt = code
	} else if code, ok := builtinFormats[xf["numFmtId"]]; ok {
		c.numFmt = code
	}
	return c
}

// builtinFormats are the number formats ECMA-376 Part 1 §18.8.30 builds in
// that a writer may refer to without a <numFmt>.
var builtinFormats = map[string]string{"0": "General", "1": "0", "2": "0.00", "3": "#,##0", "4": "#,##0.00", "49": "@"}

// resolve writes style index s of a cell as text.
func (st *readStyles) resolve(s string) string {
	i := 0
	if s != "" {
		i, _ = strconv.Atoi(s)
	}
	if i < 0 || i >= len(st.xfs) {
		return fmt.Sprintf("#BAD-STYLE %s", s)
	}
	xf := st.xfs[i]
	pick := func(list []string, id string) string {
		k, _ := strconv.Atoi(id)
		if k < 0 || k >= len(list) {
			return "#BAD " + id
		}
		return list[k]
	}
	nf := xf["numFmtId"]
	code, ok := st.numFmts[nf]
	if !ok {
		code, ok = builtinFormats[nf]
		if !ok && nf != "" {
			code = "#BUILTIN " + nf
		}
		if nf == "" {
			code = "General"
		}
	}
	apply := attrs{}
	for k, v := range xf {
		if strings.HasPrefix(k, "apply") {
			apply[k] = v
		}
	}
	return fmt.Sprintf("font{%s} fill{%s} border{%s} align{%s} numFmt{%s} %s",
		pick(st.fonts, xf["fontId"]), pick(st.fills, xf["fillId"]), pick(st.borders, xf["borderId"]), st.aligns[i], code, apply)
}

func attrsOf(e xml.StartElement) attrs {
	a := attrs{}
	for _, at := range e.Attr {
		if at.Name.Space == "xmlns" || at.Name.Local == "xmlns" || at.Name.Space == "mc" || strings.HasPrefix(at.Name.Space, "http://schemas.microsoft.com/") {
			continue
		}
		a[at.Name.Local] = at.Value
	}
	return a
}

// tokens calls f for every start element, end element and character data
// of an XML part.
func tokens(t testing.TB, part string, data []byte, f func(tok xml.Token)) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("%s: %v", part, err)
		}
		f(xml.CopyToken(tok))
	}
}

func parseStyles(t testing.TB, data []byte) *readStyles {
	st := &readStyles{numFmts: map[string]string{}}
	var stack []string
	var cur []string // parts of the font, fill or border being read
	var inXfs bool
	var side string
	tokens(t, "xl/styles.xml", data, func(tok xml.Token) {
		switch e := tok.(type) {
		case xml.StartElement:
			n := e.Name.Local
			a := attrsOf(e)
			parent := ""
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			stack = append(stack, n)
			switch {
			case n == "numFmt":
				st.numFmts[a["numFmtId"]] = a["formatCode"]
			case n == "font" || n == "fill" || n == "border":
				cur = nil
				if n == "font" {
					st.fontAttrs = append(st.fontAttrs, map[string]string{})
				} else if n == "border" {
					st.sides = append(st.sides, 0)
				}
			case n == "cellXfs":
				inXfs = true
			case n == "xf" && inXfs:
				st.xfs = append(st.xfs, a)
				st.aligns = append(st.aligns, attrs{})
			case n == "alignment" && inXfs:
				st.aligns[len(st.aligns)-1] = a
			case parent == "font":
				st.fontAttrs[len(st.fontAttrs)-1][n] = a["val"]
				if v, ok := a["val"]; ok {
					cur = append(cur, n+"="+boolNorm(v))
				} else if len(a) > 0 {
					cur = append(cur, n+"("+a.String()+")")
				} else {
					cur = append(cur, n)
				}
			case parent == "fill" || parent == "patternFill" && n != "patternFill":
				cur = append(cur, n+"("+a.String()+")")
			case n == "patternFill":
				cur = append(cur, "pattern="+a["patternType"])
			case parent == "border":
				side = n
				if a["style"] != "" && a["style"] != "none" {
					st.sides[len(st.sides)-1]++
				}
				if len(a) > 0 {
					cur = append(cur, n+"("+a.String()+")")
				}
			case len(stack) > 2 && stack[len(stack)-3] == "border":
				cur = append(cur, side+"."+n+"("+a.String()+")")
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
			switch e.Name.Local {
			case "font":
				sort.Strings(cur)
				st.fonts = append(st.fonts, strings.Join(cur, " "))
			case "fill":
				st.fills = append(st.fills, strings.Join(cur, " "))
			case "border":
				sort.Strings(cur)
				st.borders = append(st.borders, strings.Join(cur, " "))
			case "cellXfs":
				inXfs = false
			}
		}
	})
	return st
}

// readBook reads a workbook.
func readBook(t testing.TB, b []byte) *book {
	t.Helper()
	parts, _ := testkit.Unzip(t, b)
	bk := &book{parts: parts, byName: map[string]*wsheet{}, names: map[string]string{}}
	rels := map[string]string{}
	tokens(t, "xl/_rels/workbook.xml.rels", parts["xl/_rels/workbook.xml.rels"], func(tok xml.Token) {
		if e, ok := tok.(xml.StartElement); ok && e.Name.Local == "Relationship" {
			a := attrsOf(e)
			rels[a["Id"]] = "xl/" + strings.TrimPrefix(a["Target"], "/xl/")
		}
	})
	var dn attrs
	var text strings.Builder
	tokens(t, "xl/workbook.xml", parts["xl/workbook.xml"], func(tok xml.Token) {
		switch e := tok.(type) {
		case xml.StartElement:
			a := attrsOf(e)
			switch e.Name.Local {
			case "sheet":
				s := &wsheet{name: a["name"], part: rels[a["id"]], rows: map[int]attrs{}, cells: map[string]*wcell{}}
				bk.sheets = append(bk.sheets, s)
				bk.byName[s.name] = s
			case "definedName":
				dn = a
				text.Reset()
			case "calcPr":
				bk.calc = a
			}
		case xml.CharData:
			text.Write(e)
		case xml.EndElement:
			if e.Name.Local == "definedName" {
				scope := ""
				if id, ok := dn["localSheetId"]; ok {
					k, _ := strconv.Atoi(id)
					scope = bk.sheets[k].name
				}
				bk.names[scope+" "+dn["name"]] = text.String()
			}
		}
	})
	st := parseStyles(t, parts["xl/styles.xml"])
	for _, s := range bk.sheets {
		readSheet(t, s, parts[s.part], st)
	}
	props := func(part string) [][2]string {
		var out [][2]string
		depth := 0
		tokens(t, part, parts[part], func(tok xml.Token) {
			switch e := tok.(type) {
			case xml.StartElement:
				depth++
				text.Reset()
			case xml.CharData:
				text.Write(e)
			case xml.EndElement:
				if depth == 2 {
					out = append(out, [2]string{e.Name.Local, text.String()})
				}
				depth--
			}
		})
		return out
	}
	bk.core, bk.app = props("docProps/core.xml"), props("docProps/app.xml")
	return bk
}

func readSheet(t testing.TB, s *wsheet, data []byte, st *readStyles) {
	var c *wcell
	var text *strings.Builder
	inIS, inHF := false, ""
	var hf strings.Builder
	tokens(t, s.part, data, func(tok xml.Token) {
		switch e := tok.(type) {
		case xml.StartElement:
			a := attrsOf(e)
			switch e.Name.Local {
			case "pageSetUpPr":
				s.sheetPr = a
			case "dimension":
				s.dim = a["ref"]
			case "sheetView":
				s.tabSelected = boolNorm(a["tabSelected"]) == "1"
				delete(a, "tabSelected")
				s.view = a
			case "pane":
				s.pane = a
			case "selection":
				s.sel = a
			case "sheetFormatPr":
				s.format = a
			case "col":
				s.cols = append(s.cols, a)
			case "row":
				r, _ := strconv.Atoi(a["r"])
				delete(a, "r")
				s.rows[r] = a
				s.rowOrder = append(s.rowOrder, r)
			case "c":
				c = &wcell{ref: a["r"], typ: a["t"], style: st.resolve(a["s"]), st: st.info(a["s"])}
				s.cells[c.ref] = c
				s.cellOrder = append(s.cellOrder, c.ref)
			case "v":
				text = &strings.Builder{}
			case "f":
				c.hasFormula = true
				text = &strings.Builder{}
			case "is":
				inIS = true
			case "t":
				if inIS {
					text = &strings.Builder{}
				}
			case "mergeCell":
				s.merges = append(s.merges, a["ref"])
			case "printOptions":
				s.print = a
			case "pageMargins":
				s.margins = a
			case "pageSetup":
				s.setup = a
			case "headerFooter":
				s.hfAttrs = a
			case "oddHeader", "oddFooter":
				inHF = e.Name.Local
				hf.Reset()
			}
		case xml.CharData:
			if text != nil {
				text.Write(e)
			}
			if inHF != "" {
				hf.Write(e)
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "v", "t":
				if text != nil && c != nil {
					c.value = text.String()
				}
				text = nil
			case "f":
				c.formula = text.String()
				text = nil
			case "is":
				inIS = false
			case "c":
				c = nil
			case "oddHeader":
				s.oddHeader, inHF = hf.String(), ""
			case "oddFooter":
				s.oddFooter, inHF = hf.String(), ""
			}
		}
	})
}

// dump writes everything readBook read, one fact a line. Style texts are
// numbered S1, S2, … in the order cells first use them.
func (bk *book) dump() string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	for _, kv := range bk.core {
		p("core %s = %q", kv[0], kv[1])
	}
	for _, kv := range bk.app {
		p("app %s = %q", kv[0], kv[1])
	}
	p("calcPr %s", bk.calc)
	keys := make([]string, 0, len(bk.names))
	for k := range bk.names {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		p("definedName %s = %s", k, bk.names[k])
	}
	styleNo := map[string]int{}
	var styleList []string
	for _, s := range bk.sheets {
		p("")
		p("== sheet %q tabSelected=%v", s.name, s.tabSelected)
		p("sheetPr %s", s.sheetPr)
		p("dimension %s", s.dim)
		p("sheetView %s", s.view)
		p("pane %s", s.pane)
		p("selection %s", s.sel)
		p("sheetFormatPr %s", s.format)
		for _, c := range s.cols {
			p("col %s", c)
		}
		for _, m := range s.merges {
			p("merge %s", m)
		}
		p("printOptions %s", s.print)
		p("pageMargins %s", s.margins)
		p("pageSetup %s", s.setup)
		p("headerFooter %s header %q footer %q", s.hfAttrs, s.oddHeader, s.oddFooter)
		for _, r := range s.rowOrder {
			p("row %d %s", r, s.rows[r])
		}
		for _, ref := range s.cellOrder {
			c := s.cells[ref]
			n, ok := styleNo[c.style]
			if !ok {
				styleList = append(styleList, c.style)
				n = len(styleList)
				styleNo[c.style] = n
			}
			line := fmt.Sprintf("%s S%d", ref, n)
			if c.typ != "" {
				line += " t=" + c.typ
			}
			if c.hasFormula {
				line += fmt.Sprintf(" f=%q", c.formula)
			}
			if c.value != "" {
				line += fmt.Sprintf(" v=%q", c.value)
			}
			p("%s", line)
		}
	}
	p("")
	for i, s := range styleList {
		p("S%d = %s", i+1, s)
	}
	return b.String()
}

// grid is the sheet's stored values by row and column from 0, as far as
// the last written cell of each row.
func (s *wsheet) grid(t testing.TB) [][]string {
	var out [][]string
	for _, ref := range s.cellOrder {
		c, r := refCoords(t, ref)
		for len(out) < r {
			out = append(out, nil)
		}
		for len(out[r-1]) < c {
			out[r-1] = append(out[r-1], "")
		}
		out[r-1][c-1] = s.cells[ref].value
	}
	return out
}

// prop is a core or app property's text by element name.
func prop(list [][2]string, name string) string {
	for _, kv := range list {
		if kv[0] == name {
			return kv[1]
		}
	}
	return ""
}

// sumOf computes a SUM(…) formula of a sheet from the cells' stored
// values: A1, A1:B3, separated by commas.
func (s *wsheet) sumOf(t testing.TB, formula string) float64 {
	t.Helper()
	args, ok := strings.CutPrefix(formula, "SUM(")
	if !ok || !strings.HasSuffix(args, ")") {
		t.Fatalf("not a SUM: %q", formula)
	}
	total := 0.0
	for _, arg := range strings.Split(strings.TrimSuffix(args, ")"), ",") {
		from, to, rng := strings.Cut(arg, ":")
		if !rng {
			to = from
		}
		c1, r1 := refCoords(t, from)
		c2, r2 := refCoords(t, to)
		for r := r1; r <= r2; r++ {
			for c := c1; c <= c2; c++ {
				cell := s.cell(cellName(c, r))
				if cell.value == "" {
					continue
				}
				v, err := strconv.ParseFloat(cell.value, 64)
				if err != nil || cell.typ != "" && cell.typ != "n" {
					t.Fatalf("%s in %s: %q is not a number", cell.ref, formula, cell.value)
				}
				total += v
			}
		}
	}
	return math.Round(total*1e9) / 1e9
}

// refCoords splits "B12" into 2, 12.
func refCoords(t testing.TB, ref string) (col, row int) {
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	row, err := strconv.Atoi(ref[i:])
	if err != nil || col == 0 {
		t.Fatalf("bad reference %q", ref)
	}
	return col, row
}
