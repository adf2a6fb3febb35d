// Package extract holds the readers of the documents kehoach writes
// (.docx, .xlsx, .pdf), kept apart from the writers (render/*): it turns
// them into stable plain text, so that `git diff` of committed outputs
// shows which words changed instead of "Binary files differ". It is what
// the `kehoach text FILE` command prints, which git calls as a textconv
// driver (see .gitattributes and `make git-setup`), and what the tests
// read outputs back with (PartText).
//
// The output is a function of the document's text only:
//
//   - .docx: one line per paragraph, one line per table row with the cells
//     separated by tabs (PartText), no-break spaces as spaces;
//   - .xlsx: "=== Bieu 01 ===" before each sheet, then one line per row,
//     cells separated by " | ", a formula as its cached value followed by
//     " [=SUM(D5:D7)]";
//   - .pdf: "--- trang N ---" before each page, then one line per text
//     line (runs on one baseline, in drawing order).
//
// Every line printed has its control characters (but tab and newline),
// ESC, CR, C1 controls and bidirectional marks written out visibly
// (Visible: "\x1b", "\u202e"), so that a file cannot drive the terminal
// of whoever runs git diff.
//
// git runs this on any committed document a user diffs, hostile ones
// included, so every reader works within the budget of limits.go (file
// size, zip members, part size, nesting, objects, pages, operators, cells,
// output bytes, time), in time linear in what it reads: a file too large
// or built wrong is refused with an error, a text longer than the budget
// is cut with a notice line (Result.Cut). testdata/hostile-text/ holds the
// files that prove it.
//
// Nothing outside the standard library and golang.org/x/text is needed at
// run time: the PDF reader reads exactly what kehoach's PDF writer (fpdf)
// produces and refuses, with a Vietnamese error, anything it does not
// understand; it never panics on a broken file.
package extract

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Result is the text of a file and, when a budget cut it short, why.
type Result struct {
	Text string // ends with the notice line (cutNotice) when Cut is set
	Cut  string // why the text was cut, in Vietnamese; "" when whole
}

// Text returns the plain text of the .docx, .xlsx or .pdf file at path (by
// its extension). Errors are in Vietnamese and say what to do. A text cut
// at a budget (limits.go) ends with the notice line and is no error.
func Text(path string) (string, error) {
	r, err := Read(path)
	return r.Text, err
}

// Read is Text that also says whether and why the text was cut.
func Read(path string) (Result, error) {
	ext := strings.ToLower(filepath.Ext(path))
	kind, ok := kinds[ext]
	if !ok {
		return Result{}, fmt.Errorf("%s: không đọc được loại tệp “%s”; lệnh text chỉ đọc tệp .docx, .xlsx và .pdf do kehoach tạo.", path, ext)
	}
	data, err := readFile(path)
	if err != nil {
		return Result{}, err
	}
	return textOf(kind, path, data)
}

var kinds = map[string]string{".docx": "DOCX", ".xlsx": "XLSX", ".pdf": "PDF"}

// textOf converts data of the given kind; a panic in a reader (a bug met
// by a strange file) becomes an error rather than a crash of git diff.
func textOf(kind, path string, data []byte) (res Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = Result{}, fmt.Errorf("%s: không đọc được tệp %s (lỗi nội bộ: %v); hãy báo lỗi kèm tệp này.", path, kind, r)
		}
	}()
	out, b := &output{}, newBudget()
	switch kind {
	case "DOCX":
		err = docxText(data, out, b)
	case "XLSX":
		err = xlsxText(data, out, b)
	case "PDF":
		err = readPDF(data, out, b)
	}
	var c *cut
	switch {
	case errors.As(err, &c):
		return Result{Text: out.text() + cutNotice(c.why, data), Cut: c.why}, nil
	case err == nil:
		return Result{Text: out.text()}, nil
	}
	switch kind {
	case "DOCX":
		return Result{}, fmt.Errorf("%s: không đọc được tệp DOCX: %v; lệnh text chỉ đọc DOCX do kehoach tạo (hoặc Word lưu lại).", path, err)
	case "XLSX":
		return Result{}, fmt.Errorf("%s: không đọc được tệp XLSX: %v; lệnh text chỉ đọc sổ tính Excel (.xlsx) hợp lệ.", path, err)
	}
	return Result{}, fmt.Errorf("%s: không đọc được tệp PDF: %v; lệnh text chỉ đọc PDF do kehoach tạo.", path, err)
}

// readFile reads a regular file of at most MaxFileBytes, its size checked
// before reading.
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil, fmt.Errorf("%s: không có tệp này; hãy kiểm tra đường dẫn.", path)
		case errors.Is(err, fs.ErrPermission):
			return nil, fmt.Errorf("%s: không có quyền đọc tệp.", path)
		}
		return nil, fmt.Errorf("%s: không đọc được tệp: %v.", path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	switch {
	case err != nil:
		return nil, fmt.Errorf("%s: không đọc được tệp: %v.", path, err)
	case st.IsDir():
		return nil, fmt.Errorf("%s: là thư mục, không phải tệp; hãy chỉ một tệp .docx, .xlsx hoặc .pdf.", path)
	case !st.Mode().IsRegular():
		return nil, fmt.Errorf("%s: không phải tệp thường (thiết bị, ống dẫn…); lệnh text chỉ đọc tệp .docx, .xlsx, .pdf.", path)
	case st.Size() > MaxFileBytes:
		return nil, tooLarge(path, st.Size())
	}
	var buf bytes.Buffer
	buf.Grow(int(st.Size()) + bytes.MinRead)
	if _, err := buf.ReadFrom(io.LimitReader(f, MaxFileBytes+1)); err != nil {
		return nil, fmt.Errorf("%s: không đọc được tệp: %v.", path, err)
	}
	if buf.Len() > MaxFileBytes { // it grew while read
		return nil, tooLarge(path, int64(buf.Len()))
	}
	return buf.Bytes(), nil
}

func tooLarge(path string, size int64) error {
	return fmt.Errorf("%s: tệp quá lớn (%s byte; lệnh text chỉ đọc tệp đến %s).", path, thousands(int(size)), mib(MaxFileBytes))
}

// openZip opens a .docx or .xlsx package of at most MaxZipMembers members.
// Each member's central directory entry starts with "PK\x01\x02", so
// counting those bounds what zip.NewReader would allocate, before it runs.
func openZip(data []byte) (*zip.Reader, error) {
	if n := bytes.Count(data, []byte("PK\x01\x02")); n > MaxZipMembers {
		return nil, errManyMembers
	}
	return zip.NewReader(bytes.NewReader(data), int64(len(data)))
}

var errManyMembers = fmt.Errorf("gói có quá nhiều phần (hơn %s)", thousands(MaxZipMembers))

// readPart decompresses one member, which may hold at most MaxPartBytes:
// its declared size is checked first (a zip bomb stops there), and
// archive/zip fails a member that holds more than it declares.
func readPart(f *zip.File, b *budget) ([]byte, error) {
	if f.UncompressedSize64 > MaxPartBytes {
		return nil, fmt.Errorf("phần %s quá lớn (%s byte khi giải nén; tối đa %s)", f.Name, thousands(int(min(f.UncompressedSize64, 1<<62))), mib(MaxPartBytes))
	}
	if err := b.unpack(int(f.UncompressedSize64)); err != nil {
		return nil, err
	}
	rc, err := f.Open()
	if err != nil {
		return nil, partBroken(f.Name, err)
	}
	defer rc.Close()
	var buf bytes.Buffer
	buf.Grow(int(f.UncompressedSize64) + bytes.MinRead)
	if _, err := buf.ReadFrom(io.LimitReader(rc, MaxPartBytes+1)); err != nil {
		return nil, partBroken(f.Name, err)
	}
	if buf.Len() > MaxPartBytes {
		return nil, fmt.Errorf("phần %s quá lớn (hơn %s khi giải nén)", f.Name, mib(MaxPartBytes))
	}
	return buf.Bytes(), nil
}

func partBroken(name string, err error) error {
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

// xmlDecoder is an XML reader that refuses elements nested deeper than
// MaxNesting (encoding/xml keeps a stack entry for each open element) and
// ticks the budget at every token.
type xmlDecoder struct {
	*xml.Decoder
	b     *budget
	depth int
	raw   bool // RawToken: no name spaces, no matching of end tags
}

func newXMLDecoder(data []byte, b *budget) *xmlDecoder {
	return &xmlDecoder{Decoder: xml.NewDecoder(bytes.NewReader(data)), b: b}
}

func (d *xmlDecoder) Token() (xml.Token, error) {
	if err := d.b.tick(); err != nil {
		return nil, err
	}
	var tok xml.Token
	var err error
	if d.raw {
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

// docxText prints PartText of the package, no-break spaces as spaces.
// PartText reads word/document.xml with no limit of its own, so the part
// is read and walked here first, within the budget.
func docxText(data []byte, out *output, b *budget) error {
	if len(data) == 0 {
		return errors.New("tệp trống")
	}
	zr, err := openZip(data)
	if err != nil {
		if err == errManyMembers {
			return err
		}
		return errors.New("tệp không phải gói DOCX (không mở được như tệp zip)")
	}
	var part *zip.File
	for _, f := range zr.File {
		if f.Name == PartDocument {
			part = f
			break
		}
	}
	if part == nil {
		return errors.New("gói không có word/document.xml")
	}
	xmlData, err := readPart(part, b)
	if err != nil {
		return err
	}
	d := newXMLDecoder(xmlData, b)
	d.raw = true
	for {
		if _, err := d.Token(); err == io.EOF {
			break
		} else if err != nil {
			return err
		}
	}
	s, err := PartText(data)
	if err != nil {
		return fmt.Errorf("XML hỏng: %v", strings.TrimPrefix(err.Error(), "docx: "))
	}
	// No-break spaces ("54 triệu", the blanks of a draft's date) print as
	// spaces, as in the PDF text.
	s = strings.ReplaceAll(s, "\u00a0", " ")
	for len(s) > 0 {
		line, rest, _ := strings.Cut(s, "\n")
		if err := out.writeLine(line); err != nil {
			return err
		}
		s = rest
	}
	return nil
}
