package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"kehoach/internal/doc"
	extractdocx "kehoach/internal/extract/docx"
	"kehoach/internal/style"
	"kehoach/internal/testkit"
)

var update = testkit.Update

// unzipParts reads every entry of a .docx in order.
func unzipParts(t *testing.T, b []byte) ([]*zip.File, map[string][]byte) {
	parts, files := testkit.Unzip(t, b)
	return files, parts
}

func mustRender(t *testing.T, d *doc.Document, p *doc.Profile) []byte {
	t.Helper()
	b, err := Render(d, p)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	return b
}

// TestGolden compares every part of the sample document with
// testdata/golden (regenerate with go test ./internal/render/docx -update).
func TestGolden(t *testing.T) {
	t.Parallel()
	b := mustRender(t, sampleDocument(), style.Default())
	_, parts := unzipParts(t, b)
	for _, name := range PartNames {
		t.Run(name, func(t *testing.T) {
			golden := filepath.Join("testdata", "golden", filepath.FromSlash(name))
			got, ok := parts[name]
			if !ok {
				t.Fatalf("part %s missing from the package", name)
			}
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/render/docx -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s:\n%s", name, golden, firstDiff(string(want), string(got)))
			}
		})
	}
}

// firstDiff describes the first differing line of two texts.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + itoa(i+1) + ":\nwant: " + w + "\ngot:  " + g
		}
	}
	return "(same lines, different bytes)"
}

// TestDeterministic renders twice and checks bytes, entry order and times.
func TestDeterministic(t *testing.T) {
	t.Parallel()
	p := style.Default()
	// Extra profile styles outside doc.AllStyles must come out sorted, not in
	// map order.
	for _, n := range []doc.StyleName{"Zeta", "Alpha", "Mu"} {
		p.Styles[n] = p.Styles[doc.StyleBody]
	}
	first := mustRender(t, sampleDocument(), p)
	for i := 0; i < 10; i++ {
		if again := mustRender(t, sampleDocument(), p); !bytes.Equal(first, again) {
			t.Fatalf("render %d differs from the first", i+2)
		}
	}
	files, parts := unzipParts(t, first)
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
		if !f.Modified.Equal(sampleDate) {
			t.Errorf("%s: modified %v, want %v", f.Name, f.Modified, sampleDate)
		}
		if f.Method != zip.Deflate {
			t.Errorf("%s: method %d, want deflate", f.Name, f.Method)
		}
	}
	if !slices.Equal(names, PartNames) {
		t.Errorf("entries = %q\nwant      %q", names, PartNames)
	}
	styles := string(parts[PartStyles])
	ia, im, iz := strings.Index(styles, `w:styleId="Alpha"`), strings.Index(styles, `w:styleId="Mu"`), strings.Index(styles, `w:styleId="Zeta"`)
	if ia < 0 || !(ia < im && im < iz) || iz < strings.Index(styles, `w:styleId="PageNumber"`) {
		t.Errorf("extra styles not after AllStyles in sorted order: Alpha@%d Mu@%d Zeta@%d", ia, im, iz)
	}

	// The package time follows Meta.Date, never the clock.
	d := sampleDocument()
	d.Meta.Date = time.Date(2031, 12, 24, 17, 4, 6, 0, time.FixedZone("ICT", 7*3600))
	files, parts = unzipParts(t, mustRender(t, d, style.Default()))
	want := time.Date(2031, 12, 24, 10, 4, 6, 0, time.UTC)
	for _, f := range files {
		if !f.Modified.Equal(want) {
			t.Errorf("%s: modified %v, want %v", f.Name, f.Modified, want)
		}
	}
	if core := string(parts[PartCore]); !strings.Contains(core, ">2031-12-24T10:04:06Z</dcterms:created>") ||
		!strings.Contains(core, ">2031-12-24T10:04:06Z</dcterms:modified>") {
		t.Errorf("core.xml dates not from Meta.Date:\n%s", core)
	}
	// No date: a fixed epoch, still no clock.
	d.Meta.Date = time.Time{}
	files, _ = unzipParts(t, mustRender(t, d, style.Default()))
	if !files[0].Modified.Equal(epoch) {
		t.Errorf("zero date: modified %v, want %v", files[0].Modified, epoch)
	}
}

// tricky holds text that must survive XML escaping unchanged.
const tricky = `A & B < C > D "q" 'a' ]]> ]]&gt; &amp; Ủy ban nhân dân xã Mường Khoa: hòa, thủy, Đường ≥ 54 triệu đồng`

// paragraphTexts returns the text of every non-empty w:p of a WordprocessingML
// part in document order, with w:tab as "\t" and w:br as "\n". It is an
// independent reader for the round-trip test.
func paragraphTexts(t *testing.T, part []byte) []string {
	t.Helper()
	var out []string
	var cur []*strings.Builder
	inT := false
	dec := xml.NewDecoder(bytes.NewReader(part))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("parse: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "p":
				cur = append(cur, &strings.Builder{})
			case "t":
				inT = true
			case "tab":
				if len(cur) > 0 && inRunTab(e) {
					cur[len(cur)-1].WriteString("\t")
				}
			case "br":
				cur[len(cur)-1].WriteString("\n")
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "p":
				if s := cur[len(cur)-1].String(); s != "" {
					out = append(out, s)
				}
				cur = cur[:len(cur)-1]
			case "t":
				inT = false
			}
		case xml.CharData:
			if inT {
				cur[len(cur)-1].Write(e)
			}
		}
	}
	return out
}

// inRunTab tells a run's w:tab (no attributes) from a tab stop definition.
func inRunTab(e xml.StartElement) bool { return len(e.Attr) == 0 }

// TestRoundTrip puts escaping-sensitive and Vietnamese text in every kind
// of text place and reads it back with encoding/xml.
func TestRoundTrip(t *testing.T) {
	t.Parallel()
	texts := []string{
		tricky,
		"  leading and trailing spaces  ",
		"inner  double   spaces",
		"tab\tseparated\tvalues",
		"line one\nline two\r\nline three",
		"<w:t>not markup</w:t> &lt;",
		"Nhân dân, Nhà nước; ĐVT: triệu đồng — “ngoặc kép” ‘đơn’",
	}
	var blocks []doc.Block
	var want []string
	// w:br carries no CR/LF distinction: "\r\n" reads back as "\n".
	norm := strings.NewReplacer("\r\n", "\n").Replace
	cols := &doc.Columns{Widths: []float64{80, 85}, Cols: [][]doc.Block{{}, {}}}
	table := &doc.Table{Columns: []float64{80, 85}, Borders: true}
	for _, s := range texts {
		blocks = append(blocks, &doc.Paragraph{Runs: []doc.Run{{Text: s, Bold: true}}})
		want = append(want, norm(s))
		blocks = append(blocks, &doc.ListItem{Level: 2, Runs: []doc.Run{{Text: s, Italic: true}}})
		want = append(want, norm("+ "+s))
		blocks = append(blocks, &doc.Paragraph{Runs: []doc.Run{{Text: "x"}, {Text: s, Underline: true, Size: 12}, {Text: "y"}}})
		want = append(want, norm("x"+s+"y"))
	}
	for _, s := range texts {
		table.Rows = append(table.Rows, doc.Row{Cells: []doc.Cell{cellText(s), cellText("[" + s + "]")}})
		want = append(want, norm(s), norm("["+s+"]"))
	}
	blocks = append(blocks, table)
	for _, s := range texts {
		cols.Cols[0] = append(cols.Cols[0], para(doc.StyleAgency, s))
		cols.Cols[1] = append(cols.Cols[1], &doc.ListItem{Style: doc.StyleRecipItem, Runs: []doc.Run{{Text: s}}})
	}
	for _, s := range texts {
		want = append(want, norm(s))
	}
	for _, s := range texts {
		want = append(want, norm("- "+s))
	}
	blocks = append(blocks, cols)
	d := &doc.Document{
		Meta:     doc.Meta{Title: tricky + " title", Subject: tricky + " subject", Author: tricky + " author", Keywords: []string{tricky, "KH-UBND"}, Date: sampleDate},
		Sections: []doc.Section{{Page: style.Default().Page, Blocks: blocks}},
	}
	_, parts := unzipParts(t, mustRender(t, d, style.Default()))
	got := paragraphTexts(t, parts[PartDocument])
	if !slices.Equal(got, want) {
		for i := 0; i < max(len(got), len(want)); i++ {
			var g, w string
			if i < len(got) {
				g = got[i]
			}
			if i < len(want) {
				w = want[i]
			}
			if g != w {
				t.Errorf("paragraph %d:\n got %q\nwant %q", i+1, g, w)
			}
		}
	}
	doc := string(parts[PartDocument])
	if !strings.Contains(doc, `<w:t xml:space="preserve">  leading and trailing spaces  </w:t>`) {
		t.Error(`leading/trailing spaces not kept with xml:space="preserve"`)
	}
	if !strings.Contains(doc, `<w:t>tab</w:t><w:tab/><w:t>separated</w:t>`) || !strings.Contains(doc, `<w:t>line one</w:t><w:br/><w:t>line two</w:t><w:br/>`) {
		t.Error("tabs and newlines not turned into w:tab and w:br")
	}
	if strings.Contains(doc, "]]>") {
		t.Error(`"]]>" written unescaped`)
	}

	var core struct {
		Title   string `xml:"http://purl.org/dc/elements/1.1/ title"`
		Subject string `xml:"http://purl.org/dc/elements/1.1/ subject"`
		Creator string `xml:"http://purl.org/dc/elements/1.1/ creator"`
		Lang    string `xml:"http://purl.org/dc/elements/1.1/ language"`
		// Keywords (cp:keywords) are the document's, joined by "; ".
		Keywords string `xml:"http://schemas.openxmlformats.org/package/2006/metadata/core-properties keywords"`
	}
	if err := xml.Unmarshal(parts[PartCore], &core); err != nil {
		t.Fatalf("core.xml: %v", err)
	}
	if core.Title != d.Meta.Title || core.Subject != d.Meta.Subject || core.Creator != d.Meta.Author || core.Lang != "vi-VN" || core.Keywords != tricky+"; KH-UBND" {
		t.Errorf("core.xml = %+v", core)
	}
	var app struct {
		Company string `xml:"Company"`
	}
	if err := xml.Unmarshal(parts[PartApp], &app); err != nil {
		t.Fatalf("app.xml: %v", err)
	}
	if app.Company != d.Meta.Author {
		t.Errorf("app.xml Company = %q, want %q", app.Company, d.Meta.Author)
	}
}

// TestInvalidCharacters checks that characters XML cannot hold do not
// break the package.
func TestInvalidCharacters(t *testing.T) {
	t.Parallel()
	d := &doc.Document{Meta: doc.Meta{Title: "a\x01b"}, Sections: []doc.Section{{Blocks: []doc.Block{para(doc.StyleBody, "x\x00y\x1bz\uFFFE")}}}}
	_, parts := unzipParts(t, mustRender(t, d, style.Default()))
	got := paragraphTexts(t, parts[PartDocument])
	if len(got) != 1 || got[0] != "x\uFFFDy\uFFFDz\uFFFD" {
		t.Errorf("got %q, want the invalid characters replaced by U+FFFD", got)
	}
	var core struct {
		Title string `xml:"http://purl.org/dc/elements/1.1/ title"`
	}
	if err := xml.Unmarshal(parts[PartCore], &core); err != nil || core.Title != "a\uFFFDb" {
		t.Errorf("core title = %q, %v", core.Title, err)
	}
}

// TestFontFamilyEscaped checks that a profile's font name is escaped in
// attributes.
func TestFontFamilyEscaped(t *testing.T) {
	t.Parallel()
	p := style.Default()
	p.FontFamily = `Times "New" & <Roman>`
	_, parts := unzipParts(t, mustRender(t, sampleDocument(), p))
	for _, name := range []string{PartStyles, PartFontTable} {
		var v struct {
			Inner []byte `xml:",innerxml"`
		}
		if err := xml.Unmarshal(parts[name], &v); err != nil {
			t.Errorf("%s does not parse: %v", name, err)
		}
	}
	var fonts struct {
		Font []struct {
			Name string `xml:"name,attr"`
		} `xml:"font"`
	}
	if err := xml.Unmarshal(parts[PartFontTable], &fonts); err != nil || len(fonts.Font) != 1 || fonts.Font[0].Name != p.FontFamily {
		t.Errorf("font table = %+v, %v", fonts, err)
	}
}

// TestPartText checks the plain-text helper on the sample document.
func TestPartText(t *testing.T) {
	t.Parallel()
	txt, err := extractdocx.PartText(mustRender(t, sampleDocument(), style.Default()))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(txt, "\n")
	for _, want := range []string{
		"ỦY BAN NHÂN DÂN XÃ MƯỜNG KHOA Số:      /KH-UBND\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Mường Khoa, ngày      tháng 8 năm 2025",
		"KẾ HOẠCH",
		"I. MỤC ĐÍCH, YÊU CẦU",
		"Huy động mọi nguồn lực để duy trì và nâng cao chất lượng các tiêu chí đã đạt; phấn đấu đạt thêm 02 tiêu chí trong năm 2025, nâng tổng số tiêu chí đạt chuẩn lên 17/19 tiêu chí.",
		"- Về giao thông: cứng hóa 3,5 km đường trục thôn, bảo đảm ô tô đi lại thuận tiện quanh năm; duy tu, bảo dưỡng các tuyến đường đã được cứng hóa.",
		"+ Thôn Nà Khoang: 1,2 km.",
		"TT\tTiêu chí\tNăm 2024\tNăm 2025",
		"STT\tNội dung\tĐVT\tNguồn vốn\tGhi chú",
		"\t\t\tNSTW\tNS tỉnh\tNS xã\tKhác\t",
		"I\tĐường trục xã\tkm\t1.200\t300\t50\t0\tNhóm hạ tầng",
		"Tổng cộng\t9.999\t999\t99\t10\t",
	} {
		if !slices.Contains(lines, want) {
			t.Errorf("PartText has no line %q", want)
		}
	}
	for _, l := range lines[:len(lines)-1] {
		if strings.TrimSpace(l) == "" && l == "" {
			t.Errorf("PartText has an empty line:\n%s", txt)
			break
		}
	}
	if _, err := extractdocx.PartText([]byte("not a zip")); err == nil {
		t.Error("PartText accepted garbage")
	}
}
