package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/internal/testkit"
)

// zipParts writes a zip archive of the given parts (in name order).
func zipParts(t testing.TB, parts map[string]string) []byte { return testkit.Zip(t, parts) }

const (
	nsMain = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	nsRel  = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	xmlHdr = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

// workbook returns the parts of a small workbook written by hand, with
// what spreadsheet writers and Excel write: shared and inline strings, rich text,
// numbers, booleans, errors, formulas with and without cached values,
// shared formulas, gaps, cells without a reference, a hidden sheet, and
// sheets whose part order differs from the workbook order. sheet1 is the
// sheet "Bieu 01".
func workbook(sheet1 string) map[string]string {
	return map[string]string{
		"[Content_Types].xml": xmlHdr + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
		"_rels/.rels":         xmlHdr + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": xmlHdr + `<workbook ` + nsMain + ` ` + nsRel + `><sheets>` +
			`<sheet name="Bieu 01" sheetId="1" r:id="rId2"/>` +
			`<sheet name="Bieu 02" sheetId="2" r:id="rId1"/>` +
			`<sheet name="Nhap" sheetId="3" state="hidden" r:id="rId3"/>` +
			`</sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": xmlHdr + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"/>` +
			`<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` +
			`<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/" TargetMode="External"/>` +
			`</Relationships>`,
		"xl/sharedStrings.xml": xmlHdr + `<sst ` + nsMain + ` count="4" uniqueCount="4">` +
			`<si><t>Biểu số 01</t></si>` +
			`<si><r><t xml:space="preserve">Tổng </t></r><r><rPr><b/></rPr><t>cộng</t></r></si>` +
			`<si><t>Nội dung</t><rPh sb="0" eb="1"><t>NOI</t></rPh></si>` +
			`<si><t xml:space="preserve">Kinh phí (triệu đồng)</t></si>` +
			`</sst>`,
		"xl/worksheets/sheet1.xml": xmlHdr + `<worksheet ` + nsMain + ` ` + nsRel + `><sheetData>` + sheet1 + `</sheetData></worksheet>`,
		"xl/worksheets/sheet2.xml": xmlHdr + `<worksheet ` + nsMain + `><sheetData>` +
			`<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><f t="shared" ref="C1:C3" si="0">A1+B1</f><v>3</v></c></row>` +
			`<row r="2"><c r="A2"><v>3</v></c><c r="B2"><v>4</v></c><c r="C2"><f t="shared" si="0"/><v>7</v></c></row>` +
			`<row r="3"><c><v>5</v></c><c><v>6</v></c><c r="C3"><f t="shared" si="0"/><v>11</v></c></row>` +
			`</sheetData></worksheet>`,
		"xl/worksheets/sheet3.xml": xmlHdr + `<worksheet ` + nsMain + `><sheetData><row r="1"><c r="B1" t="str"><f>"nháp"</f><v>nháp</v></c></row></sheetData></worksheet>`,
	}
}

const sheet1 = `<row r="1"><c r="A1" t="s"><v>0</v></c></row>` +
	`<row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3" t="s"><v>3</v></c><c r="D3" t="inlineStr"><is><t>Ghi` + "\u00a0" + `chú</t></is></c></row>` +
	`<row r="4"><c r="A4" t="inlineStr"><is><r><t>Vốn </t></r><r><t>đầu tư</t></r></is></c><c r="B4" s="2"><v>504</v></c><c r="C4" t="b"><v>1</v></c><c r="D4" t="e"><v>#DIV/0!</v></c></row>` +
	`<row r="5"><c r="A5" t="inlineStr"><is><t>Vốn sự nghiệp</t></is></c><c r="B5"><v>1282.5</v></c><c r="C5" t="b"><v>0</v></c></row>` +
	`<row r="6"><c r="A6" t="s"><v>1</v></c><c r="B6"><f>SUM(B4:B5)</f><v>1786.5</v></c><c r="C6"><f>B6*2</f></c></row>` +
	`<row r="7"/>` +
	`<row r="8"><c r="A8" s="1"/></row>` +
	`<row r="9"><c r="A9" t="inlineStr"><is><t>Dòng một
Dòng hai</t></is></c></row>`

const sheet1Text = `=== Bieu 01 ===
Biểu số 01
Nội dung | Kinh phí (triệu đồng) |  | Ghi chú
Vốn đầu tư | 504 | TRUE | #DIV/0!
Vốn sự nghiệp | 1282.5 | FALSE
Tổng cộng | 1786.5 [=SUM(B4:B5)] | [=B6*2]
Dòng một⏎Dòng hai
`

const restText = `=== Bieu 02 ===
1 | 2 | 3 [=A1+B1]
3 | 4 | 7 [=A2+B2]
5 | 6 | 11 [=A3+B3]
=== Nhap (ẩn) ===
 | nháp [="nháp"]
`

// TestXLSXText reads the hand-written workbook exactly.
func TestXLSXText(t *testing.T) {
	path := writeTemp(t, "bieu.xlsx", zipParts(t, workbook(sheet1)))
	got, err := Text(path)
	if err != nil {
		t.Fatal(err)
	}
	if want := sheet1Text + restText; got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestXLSXBroken: what is not a workbook gives the Vietnamese error.
func TestXLSXBroken(t *testing.T) {
	noWB := workbook(sheet1)
	delete(noWB, "xl/workbook.xml")
	noSheet := workbook(sheet1)
	delete(noSheet, "xl/worksheets/sheet2.xml")
	badXML := workbook(`<row r="1"><c r="A1"><v>1</c></row>`)
	noRel := workbook(sheet1)
	noRel["xl/workbook.xml"] = strings.Replace(noRel["xl/workbook.xml"], `r:id="rId3"`, `r:id="rId9"`, 1)
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "không mở được như tệp zip"},
		{"not a zip", []byte("PK\x03\x04 broken"), "không mở được như tệp zip"},
		{"a DOCX", zipParts(t, map[string]string{"word/document.xml": "<w:document/>"}), "thiếu phần xl/workbook.xml"},
		{"no workbook", zipParts(t, noWB), "thiếu phần xl/workbook.xml"},
		{"sheet part missing", zipParts(t, noSheet), "thiếu phần xl/worksheets/sheet2.xml"},
		{"sheet without relationship", zipParts(t, noRel), "trang tính “Nhap” không có trong xl/_rels/workbook.xml.rels"},
		{"broken sheet XML", zipParts(t, badXML), "trang tính “Bieu 01” (xl/worksheets/sheet1.xml): XML hỏng"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeTemp(t, "x.xlsx", c.data)
			_, err := Text(path)
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, path+": không đọc được tệp XLSX: ") || !strings.Contains(msg, c.want) {
				t.Errorf("message %q, want the XLSX error mentioning %q", msg, c.want)
			}
		})
	}
}

// TestDOCXText reads the DOCX kehoach writes for the 2025 plan.
func TestDOCXText(t *testing.T) {
	r := realDocs(t)
	got, err := Text(writeTemp(t, "ke-hoach.docx", r.docx))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(got, "\n")
	for _, want := range []string{
		"DỰ THẢO",
		"KẾ HOẠCH",
		"I. MỤC TIÊU",
		"+ Thu nhập bình quân đầu người đạt ≥ 54 triệu đồng/năm.",
	} {
		found := false
		for _, l := range lines {
			if strings.TrimSpace(l) == want || strings.Contains(l, "\t"+want) || strings.HasPrefix(l, want+"\t") {
				found = true
			}
		}
		if !found {
			t.Errorf("no line %q in:\n%.1200s", want, got)
		}
	}
	// The signature table: a row, its cells apart by a tab, a cell's
	// paragraphs joined by spaces (PartText).
	if !strings.Contains(got, "Nơi nhận: - Sở Nông nghiệp và Môi trường (b/c);") || !strings.Contains(got, "- Lưu: VT, KT.\tTM. ỦY BAN NHÂN DÂN") {
		t.Errorf("signature row not found in:\n%s", got)
	}
	if strings.Contains(got, "\u00a0") {
		t.Error("no-break spaces left")
	}
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"not a zip", []byte("hello"), "không phải gói DOCX"},
		{"no document part", zipParts(t, map[string]string{"xl/workbook.xml": "<workbook/>"}), "không có word/document.xml"},
		{"broken XML", zipParts(t, map[string]string{"word/document.xml": `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>`}), "XML"},
	} {
		_, err := Text(writeTemp(t, "x.docx", c.data))
		if err == nil || !strings.Contains(err.Error(), "không đọc được tệp DOCX: ") || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want the DOCX error mentioning %q", c.name, err, c.want)
		}
	}
}

// TestTextFiles covers the files Text reads and refuses, with its
// messages (kehoach text, in cmd/kehoach, prints them).
func TestTextFiles(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "bieu.xlsx")
	if err := os.WriteFile(good, zipParts(t, workbook(sheet1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "thu-muc.pdf"), 0o755); err != nil {
		t.Fatal(err)
	}
	odt := filepath.Join(dir, "van-ban.odt")
	if err := os.WriteFile(odt, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		path string
		out  string
		err  string
	}{
		{"workbook", good, sheet1Text + restText, ""},
		{"upper-case extension", strings.TrimSuffix(good, ".xlsx") + ".XLSX", "", "không có tệp này"},
		{"unknown extension", odt, "", "không đọc được loại tệp “.odt”; lệnh text chỉ đọc tệp .docx, .xlsx và .pdf do kehoach tạo."},
		{"no extension", filepath.Join(dir, "README"), "", "không đọc được loại tệp “”"},
		{"missing file", filepath.Join(dir, "khong-co.pdf"), "", "khong-co.pdf: không có tệp này; hãy kiểm tra đường dẫn."},
		{"a folder", filepath.Join(dir, "thu-muc.pdf"), "", "là thư mục, không phải tệp"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, err := Text(c.path)
			if out != c.out {
				t.Errorf("text %q, want %q", out, c.out)
			}
			if c.err == "" && err != nil || c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)) {
				t.Errorf("error %v, want %q", err, c.err)
			}
		})
	}
}
