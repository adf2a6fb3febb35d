package limits

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// OpenZip opens a .docx or .xlsx package of at most MaxZipMembers members.
// Each member's central directory entry starts with "PK\x01\x02", so
// counting those bounds what zip.NewReader would allocate, before it runs.
func OpenZip(data []byte) (*zip.Reader, error) {
	if n := bytes.Count(data, []byte("PK\x01\x02")); n > MaxZipMembers {
		return nil, ErrManyMembers
	}
	return zip.NewReader(bytes.NewReader(data), int64(len(data)))
}

// ErrManyMembers refuses a package of more than MaxZipMembers members (its
// text written out as ErrFull's is; TestErrorTextsFollowTheLimits).
var ErrManyMembers = errors.New("gói có quá nhiều phần (hơn 10.000)")

// ReadPart decompresses one member, which may hold at most MaxPartBytes:
// its declared size is checked first (a zip bomb stops there), and
// archive/zip fails a member that holds more than it declares.
func ReadPart(f *zip.File, b *Budget) ([]byte, error) {
	if f.UncompressedSize64 > MaxPartBytes {
		return nil, fmt.Errorf("phần %s quá lớn (%s byte khi giải nén; tối đa %s)", f.Name, Thousands(int(min(f.UncompressedSize64, 1<<62))), MiB(MaxPartBytes))
	}
	if err := b.Unpack(int(f.UncompressedSize64)); err != nil {
		return nil, err
	}
	rc, err := f.Open()
	if err != nil {
		return nil, PartBroken(f.Name, err)
	}
	defer rc.Close()
	var buf bytes.Buffer
	buf.Grow(int(f.UncompressedSize64) + bytes.MinRead)
	if _, err := buf.ReadFrom(io.LimitReader(rc, MaxPartBytes+1)); err != nil {
		return nil, PartBroken(f.Name, err)
	}
	if buf.Len() > MaxPartBytes {
		return nil, fmt.Errorf("phần %s quá lớn (hơn %s khi giải nén)", f.Name, MiB(MaxPartBytes))
	}
	return buf.Bytes(), nil
}

// PartBroken says in Vietnamese how a member of a package is broken.
func PartBroken(name string, err error) error {
	switch {
	case errors.Is(err, zip.ErrFormat):
		return fmt.Errorf("phần %s hỏng (giải nén ra nhiều hơn kích thước khai báo, hoặc sai định dạng nén)", name)
	case errors.Is(err, zip.ErrChecksum):
		return fmt.Errorf("phần %s hỏng (sai mã kiểm tra CRC-32)", name)
	case errors.Is(err, zip.ErrAlgorithm):
		return fmt.Errorf("phần %s nén theo cách không đọc được", name)
	case errors.As(err, new(flate.CorruptInputError)):
		return fmt.Errorf("phần %s hỏng (dữ liệu nén sai)", name)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("phần %s bị cắt giữa chừng", name)
	}
	return fmt.Errorf("phần %s hỏng: %v", name, err)
}

// XMLDecoder is an XML reader that refuses elements nested deeper than
// MaxNesting (encoding/xml keeps a stack entry for each open element) and
// ticks the budget at every token.
type XMLDecoder struct {
	*xml.Decoder
	b     *Budget
	depth int
	Raw   bool // RawToken: no name spaces, no matching of end tags
}

// NewXMLDecoder reads data as XML within the budget b.
func NewXMLDecoder(data []byte, b *Budget) *XMLDecoder {
	return &XMLDecoder{Decoder: xml.NewDecoder(bytes.NewReader(data)), b: b}
}

// Token is the next XML token (RawToken when Raw is set), after a tick of
// the budget; an element nested deeper than MaxNesting is an error.
func (d *XMLDecoder) Token() (xml.Token, error) {
	if err := d.b.Tick(); err != nil {
		return nil, err
	}
	var tok xml.Token
	var err error
	if d.Raw {
		tok, err = d.Decoder.RawToken()
	} else {
		tok, err = d.Decoder.Token()
	}
	if err != nil {
		if err == io.EOF {
			return nil, err
		}
		return nil, XMLError(err)
	}
	switch tok.(type) {
	case xml.StartElement:
		if d.depth++; d.depth > MaxNesting {
			return nil, fmt.Errorf("XML lồng nhau quá sâu (hơn %d cấp)", MaxNesting)
		}
	case xml.EndElement:
		d.depth--
	}
	return tok, nil
}

// xmlMessages are encoding/xml's syntax errors in Vietnamese, by the start
// of the English message; the rest of the message (a name, an entity)
// follows.
var xmlMessages = []struct{ en, vi string }{
	{"unexpected EOF in CDATA section", "phần hết giữa chừng trong khối CDATA"},
	{"unexpected EOF", "phần hết giữa chừng (tệp bị cắt hoặc thiếu thẻ đóng)"},
	{"unexpected end element ", "thẻ đóng không có thẻ mở: "},
	{"expected element name after ", "thiếu tên thẻ sau "},
	{"invalid characters between ", "ký tự lạ trong thẻ đóng: "},
	{"expected attribute name in element", "thiếu tên thuộc tính trong thẻ"},
	{"attribute name without = in element", "thuộc tính thiếu dấu = trong thẻ"},
	{"unquoted or missing attribute value in element", "giá trị thuộc tính thiếu hoặc không có ngoặc kép"},
	{"expected /> in element", "thẻ thiếu />"},
	{"unescaped < inside quoted string", "dấu < không được viết thành &lt; trong giá trị thuộc tính"},
	{"unescaped ]]> not in CDATA section", "]]> đứng ngoài khối CDATA"},
	{"invalid character entity ", "thực thể XML không hợp lệ hoặc tự định nghĩa: "},
	{"invalid UTF-8", "chữ không đúng bảng mã UTF-8"},
	{"illegal character code ", "ký tự không được phép trong XML: "},
	{"invalid XML name: ", "tên XML không hợp lệ: "},
}

// XMLError says in Vietnamese how XML is broken: "XML hỏng ở dòng N: …"
// for a syntax error of encoding/xml (its English message translated,
// or quoted when it is not one of xmlMessages), "XML hỏng: …" otherwise.
func XMLError(err error) error {
	var se *xml.SyntaxError
	if !errors.As(err, &se) {
		return fmt.Errorf("XML hỏng: %v", err)
	}
	msg := "“" + Visible(se.Msg) + "”"
	if open, end, ok := strings.Cut(strings.TrimPrefix(se.Msg, "element "), " closed by "); ok && !strings.Contains(se.Msg, " in space ") {
		return fmt.Errorf("XML hỏng ở dòng %d: thẻ %s lại đóng bằng %s", se.Line, Visible(open), Visible(end))
	}
	for _, m := range xmlMessages {
		if strings.HasPrefix(se.Msg, m.en) {
			msg = m.vi + Visible(strings.TrimPrefix(se.Msg, m.en))
			break
		}
	}
	return fmt.Errorf("XML hỏng ở dòng %d: %s", se.Line, msg)
}

// Rel is one internal relationship of a package part (ECMA-376 Part 2,
// 9.3): its Id, its Type URI and its Target resolved to a part name.
type Rel struct{ ID, Type, Target string }

// Relationships reads a relationships part (.rels) within the budget, in
// document order, leaving out external ones and those without a target.
// A target is resolved against dir, the folder of the source part ("" for
// the package's own _rels/.rels), or taken from the package root when it
// starts with "/".
func Relationships(data []byte, dir string, b *Budget) ([]Rel, error) {
	var out []Rel
	dec := NewXMLDecoder(data, b)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		e, ok := tok.(xml.StartElement)
		if !ok || e.Name.Local != "Relationship" {
			continue
		}
		var r Rel
		var mode string
		for _, a := range e.Attr {
			switch a.Name.Local {
			case "Id":
				r.ID = a.Value
			case "Type":
				r.Type = a.Value
			case "Target":
				r.Target = a.Value
			case "TargetMode":
				mode = a.Value
			}
		}
		if mode == "External" || r.Target == "" {
			continue
		}
		if !strings.HasPrefix(r.Target, "/") {
			r.Target = "/" + dir + "/" + r.Target
		}
		r.Target = strings.TrimPrefix(path.Clean(r.Target), "/")
		out = append(out, r)
	}
}

// RelOfType is the target of the first relationship whose type URI ends
// with suffix ("/styles"), "" when there is none.
func RelOfType(rels []Rel, suffix string) string {
	for _, r := range rels {
		if strings.HasSuffix(r.Type, suffix) {
			return r.Target
		}
	}
	return ""
}
