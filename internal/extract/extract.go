// Package extract reads the documents kehoach writes (.docx, .xlsx, .pdf),
// with the readers kept apart from the writers (render/*) in extract/docx,
// extract/xlsx and extract/pdf, within the budget of extract/limits: it
// turns them into stable plain text, so that `git diff` of committed
// outputs shows which words changed instead of "Binary files differ". It is what
// the `kehoach text FILE` command prints, which git calls as a textconv
// driver (see .gitattributes and `make git-setup`); the tests read
// outputs back with it and with docx.PartText.
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
// (limits.Visible: "\x1b", "\u202e"), so that a file cannot drive the terminal
// of whoever runs git diff.
//
// git runs this on any committed document a user diffs, hostile ones
// included, so every reader works within the budget of limits (file
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
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"kehoach/internal/extract/docx"
	"kehoach/internal/extract/limits"
	"kehoach/internal/extract/pdf"
	"kehoach/internal/extract/xlsx"
)

// Result is the text of a file and, when a budget cut it short, why.
type Result struct {
	Text string // ends with the notice line (limits.CutNotice) when Cut is set
	Cut  string // why the text was cut, in Vietnamese; "" when whole
}

// Text returns the plain text of the .docx, .xlsx or .pdf file at path (by
// its extension). Errors are in Vietnamese and say what to do. A text cut
// at a budget (package limits) ends with the notice line and is no error.
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
	out, b := &limits.Output{}, limits.NewBudget()
	switch kind {
	case "DOCX":
		err = docx.Text(data, out, b)
	case "XLSX":
		err = xlsx.Text(data, out, b)
	case "PDF":
		err = pdf.Text(data, out, b)
	}
	var c *limits.Cut
	switch {
	case errors.As(err, &c):
		return Result{Text: out.Text() + limits.CutNotice(c.Why, data), Cut: c.Why}, nil
	case err == nil:
		return Result{Text: out.Text()}, nil
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
	case st.Size() > limits.MaxFileBytes:
		return nil, tooLarge(path, st.Size())
	}
	var buf bytes.Buffer
	buf.Grow(int(st.Size()) + bytes.MinRead)
	if _, err := buf.ReadFrom(io.LimitReader(f, limits.MaxFileBytes+1)); err != nil {
		return nil, fmt.Errorf("%s: không đọc được tệp: %v.", path, err)
	}
	if buf.Len() > limits.MaxFileBytes { // it grew while read
		return nil, tooLarge(path, int64(buf.Len()))
	}
	return buf.Bytes(), nil
}

func tooLarge(path string, size int64) error {
	return fmt.Errorf("%s: tệp quá lớn (%s byte; lệnh text chỉ đọc tệp đến %s).", path, limits.Thousands(int(size)), limits.MiB(limits.MaxFileBytes))
}
