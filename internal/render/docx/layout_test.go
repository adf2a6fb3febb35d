package docx

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"kehoach/internal/doc"
	"kehoach/internal/style"
)

// documentPart renders d with the default profile and returns document.xml.
func documentPart(t *testing.T, d *doc.Document) string {
	t.Helper()
	parts, err := Parts(d, style.Default())
	if err != nil {
		t.Fatalf("Parts: %v", err)
	}
	return string(parts[PartDocument])
}

// oneSection renders blocks in one portrait section and returns the XML
// between <w:body> and the final section properties.
func oneSection(t *testing.T, blocks ...doc.Block) string {
	t.Helper()
	x := documentPart(t, &doc.Document{Sections: []doc.Section{{Page: style.Default().Page, Blocks: blocks}}})
	start := strings.Index(x, "<w:body>") + len("<w:body>")
	end := strings.LastIndex(x, "\n<w:sectPr>")
	return x[start:end]
}

// paragraphs returns every <w:p>…</w:p> of an XML fragment, in order.
func paragraphs(x string) []string {
	var out []string
	for {
		i := strings.Index(x, "<w:p>")
		if i < 0 {
			return out
		}
		j := strings.Index(x[i:], "</w:p>")
		out = append(out, x[i:i+j+len("</w:p>")])
		x = x[i+j:]
	}
}

// firstParagraph returns the first top-level <w:p>…</w:p> of a body.
func firstParagraph(body string) string {
	i := strings.Index(body, "<w:p>")
	if i < 0 {
		return ""
	}
	j := strings.Index(body[i:], "</w:p>")
	return body[i : i+j+len("</w:p>")]
}

func TestUnits(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		got  int
		want int
	}{
		{"A4 width 210 mm", tw(210), 11906},
		{"A4 height 297 mm", tw(297), 16838},
		{"margin 20 mm", tw(20), 1134},
		{"margin 25 mm", tw(25), 1417},
		{"margin 30 mm", tw(30), 1701},
		{"margin 35 mm", tw(35), 1984},
		{"margin 15 mm", tw(15), 850},
		{"indent 10 mm", tw(10), 567},
		{"indent 12.7 mm", tw(12.7), 720},
		{"offset -3.5 mm", tw(-3.5), -198},
		{"6 pt", ptTw(6), 120},
		{"13 pt", halfPt(13), 26},
		{"12.5 pt", halfPt(12.5), 25},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %d, want %d", tt.name, tt.got, tt.want)
		}
	}
}

func TestSectPr(t *testing.T) {
	t.Parallel()
	p := style.Default()
	portrait := `<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/>`
	// Landscape annexes keep ND30's margins: left 30, right 15 mm.
	landscape := `<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/>`
	refs := func(def, first string) string {
		return `<w:headerReference w:type="default" r:id="` + def + `"/><w:headerReference w:type="first" r:id="` + first + `"/>`
	}
	tests := []struct {
		name string
		page doc.PageSetup
		num  doc.PageNumbering
		want string
	}{
		{"no numbers: explicit empty headers", p.Page, doc.PageNumbering{},
			`<w:sectPr>` + refs("rId5", "rId5") + portrait + `<w:cols w:space="720"/></w:sectPr>`},
		{"numbers, none on the first page", p.Page, doc.PageNumbering{Show: true},
			`<w:sectPr>` + refs("rId4", "rId5") + portrait + `<w:cols w:space="720"/><w:titlePg/></w:sectPr>`},
		{"numbers on every page", p.Page, doc.PageNumbering{Show: true, FirstPage: true},
			`<w:sectPr>` + refs("rId4", "rId4") + portrait + `<w:cols w:space="720"/></w:sectPr>`},
		{"landscape annex restarting at 1", p.Landscape, doc.PageNumbering{Show: true, Start: 1},
			`<w:sectPr>` + refs("rId4", "rId5") + landscape + `<w:pgNumType w:start="1"/><w:cols w:space="720"/><w:titlePg/></w:sectPr>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(sectPr(tt.page, tt.num)); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestSectionBreaks(t *testing.T) {
	t.Parallel()
	p := style.Default()
	tests := []struct {
		name   string
		first  []doc.Block
		check  *regexp.Regexp // must match the first section's end
		noPage bool           // no page-break run may remain
	}{
		{"ends with a paragraph: sectPr in its pPr",
			[]doc.Block{para(doc.StyleBody, "end")},
			regexp.MustCompile(`<w:p><w:pPr><w:pStyle w:val="Body"/><w:sectPr>.*?</w:sectPr></w:pPr><w:r><w:t>end</w:t></w:r></w:p>\n<w:p><w:pPr><w:pStyle w:val="Body"/></w:pPr><w:r><w:t>second</w:t>`), false},
		{"ends with a table: a 1 pt carrier paragraph",
			[]doc.Block{bodyTable()},
			regexp.MustCompile(`</w:tbl>\n<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr><w:sectPr>`), false},
		{"ends with a rule: sectPr on the rule",
			[]doc.Block{para(doc.StyleBody, "x"), &doc.Rule{Length: 30}},
			regexp.MustCompile(`<w:pBdr>.*?<w:sectPr>.*?</w:sectPr></w:pPr></w:p>\n<w:p><w:pPr><w:pStyle w:val="Body"/></w:pPr><w:r><w:t>second`), false},
		{"trailing page breaks are dropped",
			[]doc.Block{para(doc.StyleBody, "end"), &doc.PageBreak{}, &doc.Spacer{}, &doc.PageBreak{}, nil},
			regexp.MustCompile(`<w:sectPr>.*?</w:sectPr></w:pPr><w:r><w:t>end</w:t>`), true},
		{"empty section: carrier paragraph",
			nil,
			regexp.MustCompile(`^\n<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr><w:sectPr>`), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := documentPart(t, &doc.Document{Sections: []doc.Section{
				{Page: p.Page, PageNumbers: doc.PageNumbering{Show: true}, Blocks: tt.first},
				{Page: p.Landscape, Blocks: []doc.Block{para(doc.StyleBody, "second")}},
			}})
			body := x[strings.Index(x, "<w:body>")+len("<w:body>"):]
			if !tt.check.MatchString(body) {
				t.Errorf("section end not as expected (%s):\n%s", tt.check, body)
			}
			if n := strings.Count(x, "<w:sectPr>"); n != 2 {
				t.Errorf("%d sectPr, want 2", n)
			}
			if !regexp.MustCompile(`\n<w:sectPr>[^\n]*w:orient="landscape"[^\n]*</w:sectPr>\n</w:body></w:document>$`).MatchString(x) {
				t.Error("the last section's sectPr is not the body's final element")
			}
			if tt.noPage && strings.Contains(x, `<w:pageBreakBefore/>`) {
				t.Error("page break before a section break kept")
			}
		})
	}
}

func TestPageBreaks(t *testing.T) {
	t.Parallel()
	t.Run("before a paragraph: pageBreakBefore", func(t *testing.T) {
		body := oneSection(t, para(doc.StyleBody, "a"), &doc.PageBreak{}, &doc.Paragraph{Style: doc.StyleHeading1, Heading: 1, Runs: []doc.Run{{Text: "b"}}})
		if !strings.Contains(body, `<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:keepNext/><w:pageBreakBefore/><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>b</w:t>`) {
			t.Errorf("no pageBreakBefore on the next paragraph:\n%s", body)
		}
		if strings.Count(body, `<w:pageBreakBefore/>`) != 1 || strings.Contains(body, `w:type="page"`) {
			t.Error("extra page break emitted")
		}
	})
	t.Run("before a table: 1 pt break paragraph", func(t *testing.T) {
		body := oneSection(t, para(doc.StyleBody, "a"), &doc.PageBreak{}, bodyTable())
		if !strings.Contains(body, `<w:p><w:pPr><w:pageBreakBefore/><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>`+"\n<w:tbl>") {
			t.Errorf("no page break paragraph before the table:\n%s", body)
		}
	})
	t.Run("two in a row: an empty page", func(t *testing.T) {
		body := oneSection(t, para(doc.StyleBody, "a"), &doc.PageBreak{}, &doc.PageBreak{}, para(doc.StyleBody, "b"))
		if strings.Count(body, "<w:pageBreakBefore/>") != 2 || strings.Contains(body, `w:type="page"`) {
			t.Errorf("want a 1 pt paragraph and b, both with pageBreakBefore:\n%s", body)
		}
	})
	t.Run("inside a column: error", func(t *testing.T) {
		_, err := Parts(&doc.Document{Sections: []doc.Section{{Blocks: []doc.Block{
			&doc.Columns{Widths: []float64{50}, Cols: [][]doc.Block{{&doc.PageBreak{}}}},
		}}}}, style.Default())
		if err == nil || !strings.Contains(err.Error(), "section 1, block 1, column 1, block 1: page break") {
			t.Errorf("err = %v", err)
		}
	})
}

func TestParagraphs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		blocks []doc.Block
		want   string
	}{
		{"body", []doc.Block{para(doc.StyleBody, "x")},
			`<w:p><w:pPr><w:pStyle w:val="Body"/></w:pPr><w:r><w:t>x</w:t></w:r></w:p>`},
		{"no style is Body", []doc.Block{&doc.Paragraph{Runs: []doc.Run{{Text: "x"}}}},
			`<w:p><w:pPr><w:pStyle w:val="Body"/></w:pPr><w:r><w:t>x</w:t></w:r></w:p>`},
		{"unknown style is Body", []doc.Block{para("Nope", "x")},
			`<w:p><w:pPr><w:pStyle w:val="Body"/></w:pPr><w:r><w:t>x</w:t></w:r></w:p>`},
		{"overrides", []doc.Block{&doc.Paragraph{Style: doc.StyleCanCu, Align: doc.AlignCenter, NoIndent: true, KeepNext: true, Runs: []doc.Run{{Text: "x"}}}},
			`<w:p><w:pPr><w:pStyle w:val="CanCu"/><w:keepNext/><w:ind w:firstLine="0"/><w:jc w:val="center"/></w:pPr><w:r><w:t>x</w:t></w:r></w:p>`},
		{"heading level 2", []doc.Block{&doc.Paragraph{Style: doc.StyleHeading2, Heading: 2, Runs: []doc.Run{{Text: "1. Mục tiêu"}}}},
			`<w:p><w:pPr><w:pStyle w:val="Heading2"/><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>1. Mục tiêu</w:t></w:r></w:p>`},
		{"run formatting", []doc.Block{&doc.Paragraph{Style: doc.StyleBody, Runs: []doc.Run{{Text: "x", Bold: true, Italic: true, Underline: true, Size: 12.5}, {Text: ""}, {Text: " y"}}}},
			`<w:p><w:pPr><w:pStyle w:val="Body"/></w:pPr><w:r><w:rPr><w:b/><w:bCs/><w:i/><w:iCs/><w:sz w:val="25"/><w:szCs w:val="25"/><w:u w:val="single"/></w:rPr><w:t>x</w:t></w:r><w:r><w:t xml:space="preserve"> y</w:t></w:r></w:p>`},
		{"page field", []doc.Block{&doc.Paragraph{Style: doc.StyleBody, Runs: []doc.Run{{Text: "Trang "}, {Field: doc.FieldPage, Bold: true}}}},
			`<w:p><w:pPr><w:pStyle w:val="Body"/></w:pPr><w:r><w:t xml:space="preserve">Trang </w:t></w:r>` +
				`<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
				`<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t>1</w:t></w:r><w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:fldChar w:fldCharType="end"/></w:r></w:p>`},
		{"kept with a following rule", []doc.Block{para(doc.StyleMotto, "x"), &doc.Rule{Length: 60}},
			`<w:p><w:pPr><w:pStyle w:val="Motto"/><w:keepNext/></w:pPr><w:r><w:t>x</w:t></w:r></w:p>`},
		{"list item level 1", []doc.Block{&doc.ListItem{Style: doc.StyleBody, Level: 1, Runs: []doc.Run{{Text: "Về giao thông"}}}},
			`<w:p><w:pPr><w:pStyle w:val="Body"/></w:pPr><w:r><w:t>- Về giao thông</w:t></w:r></w:p>`},
		{"list item level 2", []doc.Block{&doc.ListItem{Level: 2, Runs: []doc.Run{{Text: "Thôn A"}}}},
			`<w:p><w:pPr><w:pStyle w:val="Body"/></w:pPr><w:r><w:t>+ Thôn A</w:t></w:r></w:p>`},
		{"list item own marker, formatted first run", []doc.Block{&doc.ListItem{Style: doc.StyleRecipItem, Marker: "–", Runs: []doc.Run{{Text: "Sở", Bold: true}}}},
			`<w:p><w:pPr><w:pStyle w:val="RecipItem"/></w:pPr><w:r><w:t xml:space="preserve">– </w:t></w:r><w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t>Sở</w:t></w:r></w:p>`},
		{"spacer", []doc.Block{&doc.Spacer{Height: 25}},
			`<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="1417" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := firstParagraph(oneSection(t, tt.blocks...)); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

var indRE = regexp.MustCompile(`<w:pBdr><w:top w:val="single" w:sz="(\d+)" w:space="0" w:color="000000"/></w:pBdr><w:spacing w:before="40" w:after="0" w:line="20" w:lineRule="exact"/><w:ind w:left="(-?\d+)" w:right="(-?\d+)" w:firstLine="0"/>`)

func TestRules(t *testing.T) {
	t.Parallel()
	text := tw(style.Default().Page.TextWidth()) // 165 mm
	tests := []struct {
		name        string
		block       doc.Block
		container   int
		length      int
		left, right int
		size        int
	}{
		{"centred in the text width", &doc.Rule{Length: 40}, text, tw(40), 3543, 3543, 4},
		{"left", &doc.Rule{Length: 40, Align: doc.AlignLeft}, text, tw(40), 0, text - tw(40), 4},
		{"right, 1 pt", &doc.Rule{Length: 40, Align: doc.AlignRight, Thickness: 1}, text, tw(40), text - tw(40), 0, 8},
		{"longer than the container", &doc.Rule{Length: 170}, text, tw(170), -142, -142, 4},
		{"centred in a 100 mm column", &doc.Columns{Widths: []float64{67.5, 100}, Cols: [][]doc.Block{{}, {para(doc.StyleMotto, "x"), &doc.Rule{Length: 60.5}}}},
			tw(100), tw(60.5), 1119, 1120, 4},
		{"centred in a 67.5 mm column", &doc.Columns{Widths: []float64{67.5, 100}, Cols: [][]doc.Block{{&doc.Rule{Length: 20, Thickness: 0.1}}}},
			tw(67.5), tw(20), 1346, 1347, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := oneSection(t, tt.block)
			m := indRE.FindStringSubmatch(body)
			if m == nil {
				t.Fatalf("no rule paragraph in\n%s", body)
			}
			size, _ := strconv.Atoi(m[1])
			left, _ := strconv.Atoi(m[2])
			right, _ := strconv.Atoi(m[3])
			if left != tt.left || right != tt.right || size != tt.size {
				t.Errorf("rule left=%d right=%d sz=%d, want %d %d %d", left, right, size, tt.left, tt.right, tt.size)
			}
			if got := tt.container - left - right; got != tt.length {
				t.Errorf("border length %d tw, want %d", got, tt.length)
			}
		})
	}
	if body := oneSection(t, &doc.Rule{Length: 0}); strings.Contains(body, "<w:pBdr>") {
		t.Error("zero-length rule drawn")
	}
}

func TestTable(t *testing.T) {
	t.Parallel()
	body := oneSection(t, annexTable(2))
	checks := []struct {
		what  string
		sub   string
		count int
	}{
		{"fixed layout", `<w:tblLayout w:type="fixed"/>`, 1},
		{"table width = sum of columns", `<w:tblW w:w="14568" w:type="dxa"/><w:jc w:val="center"/>`, 1},
		{"grid", `<w:tblGrid><w:gridCol w:w="680"/><w:gridCol w:w="4535"/><w:gridCol w:w="1134"/><w:gridCol w:w="1417"/><w:gridCol w:w="1417"/><w:gridCol w:w="1417"/><w:gridCol w:w="1417"/><w:gridCol w:w="2551"/></w:tblGrid>`, 1},
		{"borders", `<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/>`, 1},
		// The profile's cell padding: 1 mm top and bottom, 1,9 mm left and right.
		{"cell margins", `<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>`, 1},
		{"rows never split", `<w:cantSplit/>`, 2 + 2 + 2 + 1},
		{"header rows repeat", `<w:tblHeader/>`, 2},
		{"column span", `<w:tcW w:w="5668" w:type="dxa"/><w:gridSpan w:val="4"/>`, 1},
		{"row span starts", `<w:vMerge w:val="restart"/>`, 4 + 1},
		{"row span continues", `<w:vMerge/>`, 4 + 1},
		// Covered cells repeat the look of the cell spanning into them.
		{"shading", `<w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/>`, 5 + 8 + 2},
		{"vertical centring", `<w:vAlign w:val="center"/>`, 5 + 8 + 2},
		{"cell paragraphs", `<w:pPr><w:pStyle w:val="TableCell"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/>`, 8 + 8 + 2*8 + 6},
		{"header cell paragraphs", `<w:pPr><w:pStyle w:val="TableHead"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/><w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:pPr>`, 5 + 8},
		{"table font size on runs", `<w:r><w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr><w:t>Nội dung</w:t></w:r>`, 1},
	}
	for _, c := range checks {
		if n := strings.Count(body, c.sub); n != c.count {
			t.Errorf("%s: %q occurs %d times, want %d", c.what, c.sub, n, c.count)
		}
	}
	if strings.Contains(oneSection(t, &doc.Table{Columns: []float64{10}, Rows: []doc.Row{{Cells: []doc.Cell{cellText("x")}}}}), `w:val="single"`) {
		t.Error("borderless table has borders")
	}
}

// The cell margins are the profile's, whatever it says: w:tblCellMar on all
// four sides, and the text width of a cell's paragraphs leaves them out.
func TestCellMarginsFromProfile(t *testing.T) {
	t.Parallel()
	p := style.Default()
	p.CellPad = doc.Margins{Top: 2, Bottom: 1.5, Left: 3, Right: 2.5}
	tbl := &doc.Table{Columns: []float64{40}, Borders: true, Rows: []doc.Row{{Cells: []doc.Cell{cellText("x")}}}}
	parts, err := Parts(&doc.Document{Sections: []doc.Section{{Page: p.Page, Blocks: []doc.Block{tbl}}}}, p)
	if err != nil {
		t.Fatal(err)
	}
	want := `<w:tblCellMar><w:top w:w="113" w:type="dxa"/><w:left w:w="170" w:type="dxa"/><w:bottom w:w="85" w:type="dxa"/><w:right w:w="142" w:type="dxa"/></w:tblCellMar>`
	if body := string(parts[PartDocument]); !strings.Contains(body, want) {
		t.Errorf("no %s in\n%s", want, body)
	}
}

func TestTableErrors(t *testing.T) {
	t.Parallel()
	c := cellText("x")
	merged := doc.Cell{Merged: true}
	span := func(col, row int) doc.Cell { x := cellText("s"); x.ColSpan, x.RowSpan = col, row; return x }
	tests := []struct {
		name string
		t    *doc.Table
		want string
	}{
		{"no columns", &doc.Table{}, "block 1: table has no columns"},
		{"zero width", &doc.Table{Columns: []float64{10, 0}}, "column 2 width 0 mm is not positive"},
		{"short row", &doc.Table{Columns: []float64{10, 10}, Rows: []doc.Row{{Cells: []doc.Cell{c}}}}, "row 1: row covers 1 of the table's 2 grid columns"},
		{"long row", &doc.Table{Columns: []float64{10}, Rows: []doc.Row{{Cells: []doc.Cell{c, c}}}}, "row 1, cell 2: row has more cells"},
		{"span past the edge", &doc.Table{Columns: []float64{10, 10}, Rows: []doc.Row{{Cells: []doc.Cell{c, span(2, 1)}}}}, "cell spans past"},
		{"merged without span", &doc.Table{Columns: []float64{10}, Rows: []doc.Row{{Cells: []doc.Cell{merged}}}}, "no row span from above"},
		{"covered cell not merged", &doc.Table{Columns: []float64{10}, Rows: []doc.Row{{Cells: []doc.Cell{span(1, 2)}}, {Cells: []doc.Cell{c}}}}, "row 2, cell 1: grid column 1 is covered"},
		{"span past the last row", &doc.Table{Columns: []float64{10}, Rows: []doc.Row{{Cells: []doc.Cell{span(1, 3)}}, {Cells: []doc.Cell{merged}}}}, "runs past the last row"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parts(&doc.Document{Sections: []doc.Section{{Blocks: []doc.Block{tt.t}}}}, style.Default())
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
	// A merged cell under a column-spanning row span takes its width.
	ok := &doc.Table{Columns: []float64{10, 10, 10}, Rows: []doc.Row{
		{Cells: []doc.Cell{span(2, 2), c}},
		{Cells: []doc.Cell{merged, c}},
	}}
	body := oneSection(t, ok)
	if n := strings.Count(body, `<w:tcW w:w="1134" w:type="dxa"/><w:gridSpan w:val="2"/>`); n != 2 {
		t.Errorf("covered cell of a 2-column row span: %d spanning cells, want 2\n%s", n, body)
	}
}

func TestColumns(t *testing.T) {
	t.Parallel()
	t.Run("header block", func(t *testing.T) {
		body := oneSection(t, headerBlock())
		for _, want := range []string{
			`<w:tbl><w:tblPr><w:tblW w:w="9496" w:type="dxa"/><w:jc w:val="left"/><w:tblInd w:w="-198" w:type="dxa"/><w:tblBorders><w:top w:val="nil"/>`,
			`<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>`,
			`<w:tblGrid><w:gridCol w:w="3827"/><w:gridCol w:w="5669"/></w:tblGrid>`,
		} {
			if !strings.Contains(body, want) {
				t.Errorf("missing %s", want)
			}
		}
		if strings.Contains(body, "<w:cantSplit/>") || strings.Contains(body, "<w:keepNext/><w:pBdr>") {
			t.Error("block without KeepTogether is kept together")
		}
	})
	t.Run("keep together", func(t *testing.T) {
		body := oneSection(t, signatureBlock())
		body = body[:strings.Index(body, "</w:tbl>")]
		if !strings.Contains(body, "\n<w:tr><w:trPr><w:cantSplit/></w:trPr>") {
			t.Error("row not cantSplit")
		}
		// Every paragraph keeps with the next but the last of each cell:
		// the block holds together without gluing itself to what follows.
		for i, cell := range strings.Split(body, "<w:tc>")[1:] {
			ps := paragraphs(cell)
			for k, p := range ps {
				if want := k < len(ps)-1; strings.Contains(p, "<w:keepNext/>") != want {
					t.Errorf("column %d, paragraph %d of %d: keepNext %v, want %v\n%s", i+1, k+1, len(ps), !want, want, p)
				}
			}
		}
	})
	t.Run("empty column and nested table", func(t *testing.T) {
		body := oneSection(t, &doc.Columns{Widths: []float64{50, 50}, Cols: [][]doc.Block{{bodyTable()}}})
		if !regexp.MustCompile(`</w:tbl>\n<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>[^\n]*</w:p></w:tc>`).MatchString(body) {
			t.Errorf("nested table not followed by a 1 pt paragraph in its cell:\n%s", body)
		}
		if !regexp.MustCompile(`<w:tcW w:w="2835" w:type="dxa"/></w:tcPr>\n<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>[^\n]*</w:p></w:tc></w:tr>`).MatchString(body) {
			t.Errorf("empty second column has no paragraph:\n%s", body)
		}
	})
	t.Run("adjacent tables kept apart", func(t *testing.T) {
		body := oneSection(t, headerBlock(), bodyTable(), para(doc.StyleBody, "x"), bodyTable())
		if n := strings.Count(body, "</w:tbl>\n<w:tbl>"); n != 0 {
			t.Errorf("%d tables directly follow another table", n)
		}
		if n := strings.Count(body, `</w:tbl>`+"\n"+`<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>`+"\n<w:tbl>"); n != 1 {
			t.Errorf("%d 1 pt separators between tables, want 1", n)
		}
	})
	t.Run("more columns than widths", func(t *testing.T) {
		_, err := Parts(&doc.Document{Sections: []doc.Section{{Blocks: []doc.Block{&doc.Columns{Widths: []float64{50}, Cols: [][]doc.Block{{}, {}}}}}}}, style.Default())
		if err == nil || !strings.Contains(err.Error(), "2 columns of content but 1 widths") {
			t.Errorf("err = %v", err)
		}
	})
}

func TestStyles(t *testing.T) {
	t.Parallel()
	p := style.Default()
	parts, err := Parts(sampleDocument(), p)
	if err != nil {
		t.Fatal(err)
	}
	s := string(parts[PartStyles])
	for _, n := range doc.AllStyles {
		if strings.Count(s, `w:styleId="`+string(n)+`"`) != 1 {
			t.Errorf("style %s not defined exactly once", n)
		}
	}
	for _, want := range []string{
		`<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:color w:val="000000"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/>`,
		`<w:style w:type="paragraph" w:customStyle="1" w:styleId="Body"><w:name w:val="Body"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="0" w:after="120" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr><w:rPr><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>`,
		`<w:style w:type="paragraph" w:customStyle="1" w:styleId="RecipTitle"><w:name w:val="RecipTitle"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/></w:pPr><w:rPr><w:b/><w:bCs/><w:i/><w:iCs/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>`,
		`<w:style w:type="paragraph" w:customStyle="1" w:styleId="Heading1"><w:name w:val="Heading1"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="120" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("styles.xml lacks\n%s", want)
		}
	}
	// The profile, not the renderer, decides: 1.5 line spacing and 13 pt.
	body := p.Styles[doc.StyleBody]
	body.LineSpacing, body.Size, body.FirstIndent = 1.5, 13, 12.7
	p.Styles[doc.StyleBody] = body
	parts, err = Parts(sampleDocument(), p)
	if err != nil {
		t.Fatal(err)
	}
	if want := `w:styleId="Body"><w:name w:val="Body"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="0" w:after="120" w:line="360" w:lineRule="auto"/><w:ind w:firstLine="720"/><w:jc w:val="both"/></w:pPr><w:rPr><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr>`; !strings.Contains(string(parts[PartStyles]), want) {
		t.Errorf("profile override not applied; want %s", want)
	}
}

func TestHeaders(t *testing.T) {
	t.Parallel()
	parts, err := Parts(&doc.Document{}, style.Default())
	if err != nil {
		t.Fatal(err)
	}
	page, empty := string(parts[PartHeaderPage]), string(parts[PartHeaderEmpty])
	if !strings.Contains(page, `<w:pStyle w:val="PageNumber"/>`) || !strings.Contains(page, `<w:instrText xml:space="preserve"> PAGE </w:instrText>`) ||
		strings.Count(page, "<w:fldChar ") != 3 {
		t.Errorf("page-number header:\n%s", page)
	}
	if strings.Contains(empty, "<w:r>") || !strings.Contains(empty, `<w:p><w:pPr><w:pStyle w:val="PageNumber"/></w:pPr></w:p>`) {
		t.Errorf("empty header:\n%s", empty)
	}
	rels := string(parts[PartDocRels])
	for _, want := range []string{`Id="rId4" Type="` + relHeader + `" Target="header1.xml"`, `Id="rId5" Type="` + relHeader + `" Target="header2.xml"`} {
		if !strings.Contains(rels, want) {
			t.Errorf("document.xml.rels lacks %s", want)
		}
	}
}

func TestBadInput(t *testing.T) {
	t.Parallel()
	p := style.Default()
	tests := []struct {
		name string
		d    *doc.Document
		p    *doc.Profile
		want string
	}{
		{"nil document", nil, p, "nil document"},
		{"nil profile", &doc.Document{}, nil, "nil profile"},
		{"empty profile", &doc.Document{}, &doc.Profile{}, "no styles"},
		{"no text width", &doc.Document{Sections: []doc.Section{{Page: doc.PageSetup{Width: 100, Height: 100, Margins: doc.Margins{Left: 60, Right: 40}}}}}, p, "section 1: margins leave no text width"},
		{"no page size", &doc.Document{Sections: []doc.Section{{Page: doc.PageSetup{HeaderMM: 10}}}}, p, "section 1: page size"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Render(tt.d, tt.p); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}
