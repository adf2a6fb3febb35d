package limits

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
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

// ErrManyMembers refuses a package of more than MaxZipMembers members.
var ErrManyMembers = fmt.Errorf("gói có quá nhiều phần (hơn %s)", Thousands(MaxZipMembers))

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
		return nil, fmt.Errorf("XML hỏng: %v", err)
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
