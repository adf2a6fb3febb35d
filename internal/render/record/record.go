// Package record writes the metadata of an outgoing document (doc.Record,
// ND30 Phụ lục VI Phần II Mục I) as the sidecar files of an electronic
// document: XML whose element names are Phụ lục VI's field names, in the
// order of its table, and JSON with the same names. It reads only the
// document model.
//
// Every field of the table that describes the document is written, those
// the source cannot know empty (XML) or null (JSON): CodeNumber and
// IssuedDate until the document system assigns them (ND30 Điều 15.3),
// Description, Priority, DueDate, each recipient's OrganId. FileCode and
// DocOrdinal, which place the document in a file (hồ sơ) the văn thư
// keeps, are left out. Dates are written YYYY-MM-DD (Phụ lục VI: Date,
// length 10). Output is deterministic: the same record gives the same
// bytes.
package record

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"strconv"
	"time"

	"kehoach/internal/doc"
)

// Root is the XML root element: Phụ lục VI names no root, so the element
// says what the record is, the data of an outgoing document (“văn bản
// đi”).
const Root = "OutgoingDocument"

// Source is the note the XML carries on where its field names come from.
const Source = "Thông tin đầu vào của dữ liệu quản lý văn bản đi, Phụ lục VI Nghị định 30/2020/NĐ-CP"

// xmlRecord is the XML shape: strings throughout, so that an unknown
// number or date is an empty element.
type xmlRecord struct {
	XMLName      xml.Name
	TypeName     string     `xml:"TypeName"`
	CodeNumber   string     `xml:"CodeNumber"`
	CodeNotation string     `xml:"CodeNotation"`
	IssuedDate   string     `xml:"IssuedDate"`
	OrganName    string     `xml:"OrganName"`
	Subject      string     `xml:"Subject"`
	Language     string     `xml:"Language"`
	PageAmount   string     `xml:"PageAmount"`
	Description  string     `xml:"Description"`
	SignerInfo   xmlSigner  `xml:"SignerInfo"`
	To           []xmlOrgan `xml:"To"`
	Priority     string     `xml:"Priority"`
	IssuedAmount string     `xml:"IssuedAmount"`
	DueDate      string     `xml:"DueDate"`
}

type xmlSigner struct {
	Position string `xml:"Position"`
	FullName string `xml:"FullName"`
}

type xmlOrgan struct {
	OrganID   string `xml:"OrganId"`
	OrganName string `xml:"OrganName"`
}

// jsonRecord is the JSON shape: numbers as numbers, unknown values null.
type jsonRecord struct {
	TypeName     string      `json:"TypeName"`
	CodeNumber   *string     `json:"CodeNumber"`
	CodeNotation string      `json:"CodeNotation"`
	IssuedDate   *string     `json:"IssuedDate"`
	OrganName    string      `json:"OrganName"`
	Subject      string      `json:"Subject"`
	Language     string      `json:"Language"`
	PageAmount   *int        `json:"PageAmount"`
	Description  *string     `json:"Description"`
	SignerInfo   xmlSigner   `json:"SignerInfo"`
	To           []jsonOrgan `json:"To"`
	Priority     *int        `json:"Priority"`
	IssuedAmount *int        `json:"IssuedAmount"`
	DueDate      *string     `json:"DueDate"`
}

type jsonOrgan struct {
	OrganID   *string `json:"OrganId"`
	OrganName string  `json:"OrganName"`
}

// DateLayout is how dates are written (ISO 8601, 10 characters).
const DateLayout = "2006-01-02"

func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(DateLayout)
}

// count is a positive number, or "" (unknown, or Priority's 0: no mark).
func count(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func intPtr(n int) *int {
	if n <= 0 {
		return nil
	}
	return &n
}

// WriteXML writes r as an XML document: UTF-8, two-space indent, a
// comment naming Source, a final newline.
func WriteXML(w io.Writer, r doc.Record) error {
	x := xmlRecord{
		XMLName:  xml.Name{Local: Root},
		TypeName: r.TypeName, CodeNumber: r.CodeNumber, CodeNotation: r.CodeNotation,
		IssuedDate: date(r.IssuedDate), OrganName: r.OrganName, Subject: r.Subject,
		Language: r.Language, PageAmount: count(r.PageAmount), Description: r.Description,
		SignerInfo: xmlSigner{r.SignerInfo.Position, r.SignerInfo.FullName},
		Priority:   count(r.Priority), IssuedAmount: count(r.IssuedAmount), DueDate: date(r.DueDate),
	}
	for _, to := range r.To {
		x.To = append(x.To, xmlOrgan{to.OrganID, to.OrganName})
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString("<!-- " + Source + " -->\n")
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(x); err != nil {
		return err
	}
	b.WriteByte('\n')
	_, err := w.Write(b.Bytes())
	return err
}

// WriteJSON writes r as a JSON object with Phụ lục VI's field names, in
// its order, two-space indent, a final newline; HTML characters are not
// escaped.
func WriteJSON(w io.Writer, r doc.Record) error {
	j := jsonRecord{
		TypeName: r.TypeName, CodeNumber: strPtr(r.CodeNumber), CodeNotation: r.CodeNotation,
		IssuedDate: strPtr(date(r.IssuedDate)), OrganName: r.OrganName, Subject: r.Subject,
		Language: r.Language, PageAmount: intPtr(r.PageAmount), Description: strPtr(r.Description),
		SignerInfo: xmlSigner{r.SignerInfo.Position, r.SignerInfo.FullName},
		Priority:   intPtr(r.Priority), IssuedAmount: intPtr(r.IssuedAmount), DueDate: strPtr(date(r.DueDate)),
		To: []jsonOrgan{},
	}
	for _, to := range r.To {
		j.To = append(j.To, jsonOrgan{strPtr(to.OrganID), to.OrganName})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(j)
}
