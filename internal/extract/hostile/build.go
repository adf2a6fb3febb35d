package hostile

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/zlib"
	"fmt"
	"hash/crc32"
	"strings"
	"time"
)

// This file holds the builders the cases use: PDF objects and streams,
// zip packages (with sizes declared as the case wants), and the minimal
// XLSX and DOCX parts.

// pdfFile writes a PDF whose objects are objs (object i+1 is objs[i]),
// with a classic xref table and a trailer naming object 1 as /Root.
func pdfFile(objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// flateStream is a FlateDecode stream object holding data.
func flateStream(dict string, data []byte) string {
	var z bytes.Buffer
	w, _ := zlib.NewWriterLevel(&z, zlib.DefaultCompression)
	w.Write(data)
	w.Close()
	return fmt.Sprintf("<< %s /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", dict, z.Len(), z.Bytes())
}

// onePage is the catalog, the page tree and one page using the font
// object 4 and the content object 5 (objects 1–3).
var onePage = []string{
	"<< /Type /Catalog /Pages 2 0 R >>",
	"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
	"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
}

// helvetica is a simple font without ToUnicode (codes read as Windows-1252).
const helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"

// type0 is a Type0/Identity-H font (object 4) whose CID font is object 6
// with the given /W array and whose ToUnicode CMap is object 7.
func type0(w string) (font, cid string) {
	return "<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /DW 500 /W [" + w + "] >>"
}

// cmapStream is a ToUnicode CMap with the given bfchar and bfrange lines.
func cmapStream(chars, ranges []string) string {
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n")
	// A CMap section holds at most 100 entries; fpdf and most writers keep
	// to that, this reader does not care.
	if len(chars) > 0 {
		fmt.Fprintf(&b, "%d beginbfchar\n%s\nendbfchar\n", len(chars), strings.Join(chars, "\n"))
	}
	if len(ranges) > 0 {
		fmt.Fprintf(&b, "%d beginbfrange\n%s\nendbfrange\n", len(ranges), strings.Join(ranges, "\n"))
	}
	b.WriteString("endcmap CMapName currentdict /CMap defineresource pop end end\n")
	return flateStream("", []byte(b.String()))
}

// utf16Hex is s in UTF-16BE as a PDF hex string body.
func utf16Hex(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r > 0xffff {
			r -= 0x10000
			fmt.Fprintf(&b, "%04X%04X", 0xd800+(r>>10), 0xdc00+(r&0x3ff))
			continue
		}
		fmt.Fprintf(&b, "%04X", r)
	}
	return b.String()
}

// entry is one member of a zip package. declared, when not zero, is the
// uncompressed size written in the headers instead of the real one.
type entry struct {
	name     string
	data     []byte
	declared uint64
}

// modified is the fixed time of every member, so that the files are the
// same bytes on every run.
var modified = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

// zipFile writes the entries, deflated, in order.
func zipFile(entries ...entry) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	var z bytes.Buffer
	fw, _ := flate.NewWriter(&z, flate.DefaultCompression)
	for _, e := range entries {
		z.Reset()
		method := zip.Store
		if len(e.data) > 0 {
			method = zip.Deflate
			fw.Reset(&z)
			fw.Write(e.data)
			fw.Close()
		}
		h := &zip.FileHeader{
			Name:               e.name,
			Method:             method,
			Modified:           modified,
			CRC32:              crc32.ChecksumIEEE(e.data),
			CompressedSize64:   uint64(z.Len()),
			UncompressedSize64: uint64(len(e.data)),
		}
		if e.declared != 0 {
			h.UncompressedSize64 = e.declared
		}
		w, err := zw.CreateRaw(h)
		if err != nil {
			panic(err)
		}
		w.Write(z.Bytes())
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

const (
	xmlHdr   = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsMain   = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	nsRel    = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	relsNS   = `xmlns="http://schemas.openxmlformats.org/package/2006/relationships"`
	relBase  = `http://schemas.openxmlformats.org/officeDocument/2006/relationships/`
	nsW      = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	ctypes   = xmlHdr + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`
	rootRels = xmlHdr + `<Relationships ` + relsNS + `><Relationship Id="rId1" Type="` + relBase + `officeDocument" Target="xl/workbook.xml"/></Relationships>`
)

// sheet is one sheet of a workbook: its name, the part it points at, and
// the part's rows (nil: the part is written by another sheet).
type sheet struct {
	name, part string
	rows       []byte
}

// workbook writes an XLSX package: the sheets in order, the shared
// strings (none when ss is nil), then extra entries.
func workbook(sheets []sheet, ss []byte, extra ...entry) []byte {
	var wb, rels strings.Builder
	wb.WriteString(xmlHdr + `<workbook ` + nsMain + ` ` + nsRel + `><sheets>`)
	rels.WriteString(xmlHdr + `<Relationships ` + relsNS + `>`)
	ids := map[string]string{}
	for i, s := range sheets {
		id, ok := ids[s.part]
		if !ok {
			id = fmt.Sprintf("rId%d", len(ids)+1)
			ids[s.part] = id
			fmt.Fprintf(&rels, `<Relationship Id="%s" Type="%sworksheet" Target="%s"/>`, id, relBase, s.part)
		}
		fmt.Fprintf(&wb, `<sheet name="%s" sheetId="%d" r:id="%s"/>`, s.name, i+1, id)
	}
	if ss != nil {
		fmt.Fprintf(&rels, `<Relationship Id="rIdS" Type="%ssharedStrings" Target="sharedStrings.xml"/>`, relBase)
	}
	wb.WriteString(`</sheets></workbook>`)
	rels.WriteString(`</Relationships>`)
	entries := []entry{
		{name: "[Content_Types].xml", data: []byte(ctypes)},
		{name: "_rels/.rels", data: []byte(rootRels)},
		{name: "xl/workbook.xml", data: []byte(wb.String())},
		{name: "xl/_rels/workbook.xml.rels", data: []byte(rels.String())},
	}
	if ss != nil {
		entries = append(entries, entry{name: "xl/sharedStrings.xml", data: ss})
	}
	for _, s := range sheets {
		if s.rows != nil {
			entries = append(entries, entry{name: "xl/" + s.part, data: sheetXML(s.rows)})
		}
	}
	return zipFile(append(entries, extra...)...)
}

func sheetXML(rows []byte) []byte {
	return append(append([]byte(xmlHdr+`<worksheet `+nsMain+`><sheetData>`), rows...), `</sheetData></worksheet>`...)
}

func sharedStrings(items ...string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, xmlHdr+`<sst `+nsMain+` count="%d" uniqueCount="%d">`, len(items), len(items))
	for _, s := range items {
		b.WriteString(`<si><t xml:space="preserve">` + s + `</t></si>`)
	}
	b.WriteString(`</sst>`)
	return []byte(b.String())
}

// docxFile writes a DOCX package whose word/document.xml holds body.
func docxFile(body []byte, declared uint64) []byte {
	doc := append(append([]byte(xmlHdr+`<w:document `+nsW+`><w:body>`), body...), `</w:body></w:document>`...)
	return zipFile(
		entry{name: "[Content_Types].xml", data: []byte(ctypes)},
		entry{name: "word/document.xml", data: doc, declared: declared},
	)
}

// docxParts is a package of word/document.xml with body and other parts.
func docxParts(body []byte, parts ...entry) []byte {
	doc := append(append([]byte(xmlHdr+`<w:document `+nsW+`><w:body>`), body...), `</w:body></w:document>`...)
	return zipFile(append([]entry{{name: "[Content_Types].xml", data: []byte(ctypes)}, {name: "word/document.xml", data: doc}}, parts...)...)
}

// numbered is n paragraphs "Mục i" of the list numId 1, level 0.
func numbered(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Mục %d</w:t></w:r></w:p>`, i)
	}
	return b.String()
}

// numbering is word/numbering.xml with the list numId 1 of one level.
func numbering(lvl string) entry {
	return entry{name: "word/numbering.xml", data: []byte(xmlHdr + `<w:numbering ` + nsW + `><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">` + lvl +
		`</w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`)}
}

// para is a paragraph of one run.
func para(text string) string {
	return `<w:p><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}
