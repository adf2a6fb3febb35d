package pdf

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"time"

	"kehoach/internal/doc"
)

// The XMP metadata of a finished PDF (Options: tagged, archival or with a
// signature field) holds the document information (the same values as
// the Info dictionary: dc:title = Title, dc:creator = Author,
// dc:description = Subject, pdf:Keywords, pdf:Producer, xmp:CreatorTool
// = Creator, xmp:CreateDate, xmp:ModifyDate), dc:language, the PDF/A
// identification (pdfaid:part, pdfaid:conformance) of an archival PDF,
// and the document's Phụ lục VI record (doc.Record) in its own namespace,
// each property named as Phụ lục VI and the sidecar files
// (render/record) name it; a field without a value (CodeNumber and
// IssuedDate until the document system assigns them) is left out. PDF/A
// wants every property outside its predefined schemas described in the
// file, so the packet carries a PDF/A extension schema for that
// namespace, with a value type for SignerInfo; To lists the recipients'
// names.

// Namespaces of the Phụ lục VI record in XMP: NSRecord for the record's
// properties, NSRecordField for the fields of its structures.
const (
	NSRecord            = "urn:x-kehoach:nd30:phu-luc-vi:1.0/"
	NSRecordPrefix      = "nd30pl6"
	NSRecordField       = "urn:x-kehoach:nd30:phu-luc-vi:1.0:field/"
	NSRecordFieldPrefix = "nd30pl6f"
)

func esc(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// xmpDate is t as an XMP date with its offset, the instant of pdfDate.
func xmpDate(t time.Time) string { return t.Format("2006-01-02T15:04:05Z07:00") }

// recordProps are the record's XMP properties with a value: name, value
// type (for the extension schema), description and the XML of the value.
type recordProp struct{ name, typ, desc, value string }

func recordProps(r doc.Record) []recordProp {
	var out []recordProp
	text := func(name, desc, v string) {
		if v != "" {
			out = append(out, recordProp{name, "Text", desc, esc(v)})
		}
	}
	date := func(name, desc string, t time.Time) {
		if !t.IsZero() {
			out = append(out, recordProp{name, "Date", desc, t.Format("2006-01-02")})
		}
	}
	num := func(name, desc string, n int) {
		if n > 0 {
			out = append(out, recordProp{name, "Integer", desc, strconv.Itoa(n)})
		}
	}
	text("TypeName", "Tên loại văn bản", r.TypeName)
	text("CodeNumber", "Số của văn bản", r.CodeNumber)
	text("CodeNotation", "Ký hiệu của văn bản", r.CodeNotation)
	date("IssuedDate", "Ngày, tháng, năm văn bản", r.IssuedDate)
	text("OrganName", "Tên cơ quan, tổ chức ban hành văn bản", r.OrganName)
	text("Subject", "Trích yếu nội dung", r.Subject)
	text("Language", "Ngôn ngữ", r.Language)
	num("PageAmount", "Số trang của văn bản", r.PageAmount)
	text("Description", "Ghi chú", r.Description)
	if r.SignerInfo != (doc.SignerInfo{}) {
		out = append(out, recordProp{"SignerInfo", "SignerInfo", "Chức vụ, họ tên người ký",
			fmt.Sprintf(`<rdf:Description><%[1]s:Position>%[2]s</%[1]s:Position><%[1]s:FullName>%[3]s</%[1]s:FullName></rdf:Description>`,
				NSRecordFieldPrefix, esc(r.SignerInfo.Position), esc(r.SignerInfo.FullName))})
	}
	if len(r.To) > 0 {
		// The recipients' names (13.2 OrganName), in order: an array of
		// text, as every PDF/A validator knows it (Apache PDFBox Preflight
		// refuses an array of a structure type of the schema's own); the
		// identifier codes (13.1 OrganId) are never known to the plan.
		var b strings.Builder
		b.WriteString("<rdf:Seq>")
		for _, to := range r.To {
			fmt.Fprintf(&b, "<rdf:li>%s</rdf:li>", esc(to.OrganName))
		}
		b.WriteString("</rdf:Seq>")
		out = append(out, recordProp{"To", "seq Text", "Nơi nhận: tên cơ quan, tổ chức nhận văn bản", b.String()})
	}
	num("Priority", "Mức độ khẩn, độ mật", r.Priority)
	num("IssuedAmount", "Số lượng bản phát hành", r.IssuedAmount)
	date("DueDate", "Hạn trả lời văn bản", r.DueDate)
	return out
}

// XMP is the XMP packet of a finished PDF with metadata meta, dated
// date, identified as PDF/A of level a (none: no pdfaid).
func XMP(meta doc.Meta, date time.Time, a Archive) []byte {
	var b bytes.Buffer
	b.WriteString("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">` + "\n")
	b.WriteString(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` + "\n")
	if a != ArchiveNone {
		fmt.Fprintf(&b, `<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">`+
			"<pdfaid:part>%c</pdfaid:part><pdfaid:conformance>%s</pdfaid:conformance></rdf:Description>\n",
			a[0], strings.ToUpper(string(a[1:])))
	}
	b.WriteString(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">` + "\n<dc:format>application/pdf</dc:format>\n")
	if meta.Title != "" {
		fmt.Fprintf(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", esc(meta.Title))
	}
	if meta.Author != "" {
		fmt.Fprintf(&b, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", esc(meta.Author))
	}
	if meta.Subject != "" {
		fmt.Fprintf(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:description>\n", esc(meta.Subject))
	}
	lang := meta.Language
	if lang == "" {
		lang = "vi-VN"
	}
	fmt.Fprintf(&b, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n</rdf:Description>\n", esc(lang))
	fmt.Fprintf(&b, `<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">`+"\n<pdf:Producer>%s</pdf:Producer>\n", esc(Producer))
	if kw := keywords(meta); kw != "" {
		fmt.Fprintf(&b, "<pdf:Keywords>%s</pdf:Keywords>\n", esc(kw))
	}
	b.WriteString("</rdf:Description>\n")
	d := xmpDate(date)
	fmt.Fprintf(&b, `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">`+
		"\n<xmp:CreatorTool>%s</xmp:CreatorTool>\n<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n<xmp:MetadataDate>%s</xmp:MetadataDate>\n</rdf:Description>\n",
		esc(Producer), d, d, d)
	if props := recordProps(meta.Record); !meta.Record.IsZero() && len(props) > 0 {
		fmt.Fprintf(&b, `<rdf:Description rdf:about="" xmlns:%s="%s" xmlns:%s="%s">`+"\n", NSRecordPrefix, NSRecord, NSRecordFieldPrefix, NSRecordField)
		for _, p := range props {
			fmt.Fprintf(&b, "<%[1]s:%[2]s>%[3]s</%[1]s:%[2]s>\n", NSRecordPrefix, p.name, p.value)
		}
		b.WriteString("</rdf:Description>\n")
		extensionSchema(&b, props)
	}
	b.WriteString("</rdf:RDF>\n</x:xmpmeta>\n")
	b.WriteString(strings.Repeat(strings.Repeat(" ", 99)+"\n", 20)) // padding for in-place edits, as XMP advises
	b.WriteString(`<?xpacket end="w"?>`)
	return b.Bytes()
}

// extensionSchema describes the record's namespace for PDF/A (ISO
// 19005-1 6.7.8, 19005-2 6.6.2.3): its properties and the value type
// of SignerInfo.
func extensionSchema(b *bytes.Buffer, props []recordProp) {
	b.WriteString(`<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#" xmlns:pdfaType="http://www.aiim.org/pdfa/ns/type#" xmlns:pdfaField="http://www.aiim.org/pdfa/ns/field#">` + "\n")
	b.WriteString("<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n")
	fmt.Fprintf(b, "<pdfaSchema:schema>%s</pdfaSchema:schema>\n<pdfaSchema:namespaceURI>%s</pdfaSchema:namespaceURI>\n<pdfaSchema:prefix>%s</pdfaSchema:prefix>\n",
		esc("Thông tin đầu vào của dữ liệu quản lý văn bản đi, Phụ lục VI Nghị định 30/2020/NĐ-CP"), NSRecord, NSRecordPrefix)
	b.WriteString("<pdfaSchema:property><rdf:Seq>\n")
	for _, p := range props {
		fmt.Fprintf(b, "<rdf:li rdf:parseType=\"Resource\"><pdfaProperty:name>%s</pdfaProperty:name><pdfaProperty:valueType>%s</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>%s</pdfaProperty:description></rdf:li>\n",
			p.name, p.typ, esc(p.desc))
	}
	b.WriteString("</rdf:Seq></pdfaSchema:property>\n<pdfaSchema:valueType><rdf:Seq>\n")
	for _, ty := range []struct {
		name, desc string
		fields     [][2]string
	}{
		{"SignerInfo", "Chức vụ, họ tên người ký", [][2]string{{"Position", "Chức vụ của người ký văn bản"}, {"FullName", "Họ và tên người ký văn bản"}}},
	} {
		fmt.Fprintf(b, "<rdf:li rdf:parseType=\"Resource\"><pdfaType:type>%s</pdfaType:type><pdfaType:namespaceURI>%s</pdfaType:namespaceURI><pdfaType:prefix>%s</pdfaType:prefix><pdfaType:description>%s</pdfaType:description><pdfaType:field><rdf:Seq>",
			ty.name, NSRecordField, NSRecordFieldPrefix, esc(ty.desc))
		for _, fl := range ty.fields {
			fmt.Fprintf(b, "<rdf:li rdf:parseType=\"Resource\"><pdfaField:name>%s</pdfaField:name><pdfaField:valueType>Text</pdfaField:valueType><pdfaField:description>%s</pdfaField:description></rdf:li>", fl[0], esc(fl[1]))
		}
		b.WriteString("</rdf:Seq></pdfaType:field></rdf:li>\n")
	}
	b.WriteString("</rdf:Seq></pdfaSchema:valueType>\n</rdf:li></rdf:Bag></pdfaExtension:schemas>\n</rdf:Description>\n")
}
