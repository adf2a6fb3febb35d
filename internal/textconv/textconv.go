// Package textconv turns the documents kehoach writes (.docx, .xlsx, .pdf)
// into stable plain text, so that `git diff` of committed outputs shows
// which words changed instead of "Binary files differ". It is what the
// `kehoach text FILE` command prints, which git calls as a textconv driver
// (see .gitattributes and `make git-setup`).
//
// The output is a function of the document's text only:
//
//   - .docx: one line per paragraph, one line per table row with the cells
//     separated by tabs (docx.PartText), no-break spaces as spaces;
//   - .xlsx: "=== Bieu 01 ===" before each sheet, then one line per row,
//     cells separated by " | ", a formula as its cached value followed by
//     " [=SUM(D5:D7)]";
//   - .pdf: "--- trang N ---" before each page, then one line per text
//     line (runs on one baseline, in drawing order).
//
// Nothing outside the standard library and golang.org/x/text is needed at
// run time: the PDF reader reads exactly what kehoach's PDF writer (fpdf)
// produces and refuses, with a Vietnamese error, anything it does not
// understand; it never panics on a broken file.
package textconv

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"kehoach/internal/render/docx"
)

// maxFileBytes bounds the files read (kehoach's outputs are far smaller).
const maxFileBytes = 256 << 20

// Text returns the plain text of the .docx, .xlsx or .pdf file at path (by
// its extension). Errors are in Vietnamese and say what to do.
func Text(path string) (string, error) {
	ext := strings.ToLower(filepath.Ext(path))
	kind, ok := kinds[ext]
	if !ok {
		return "", fmt.Errorf("%s: không đọc được loại tệp “%s”; lệnh text chỉ đọc tệp .docx, .xlsx và .pdf do kehoach tạo.", path, ext)
	}
	data, err := readFile(path)
	if err != nil {
		return "", err
	}
	return textOf(kind, path, data)
}

var kinds = map[string]string{".docx": "DOCX", ".xlsx": "XLSX", ".pdf": "PDF"}

// textOf converts data of the given kind; a panic in a reader (a bug met
// by a strange file) becomes an error rather than a crash of git diff.
func textOf(kind, path string, data []byte) (s string, err error) {
	defer func() {
		if r := recover(); r != nil {
			s, err = "", fmt.Errorf("%s: không đọc được tệp %s (lỗi nội bộ: %v); hãy báo lỗi kèm tệp này.", path, kind, r)
		}
	}()
	switch kind {
	case "DOCX":
		s, err = docxText(data)
		if err != nil {
			return "", fmt.Errorf("%s: không đọc được tệp DOCX: %v; lệnh text chỉ đọc DOCX do kehoach tạo (hoặc Word lưu lại).", path, err)
		}
	case "XLSX":
		s, err = xlsxText(data)
		if err != nil {
			return "", fmt.Errorf("%s: không đọc được tệp XLSX: %v; lệnh text chỉ đọc sổ tính Excel (.xlsx) hợp lệ.", path, err)
		}
	case "PDF":
		s, err = pdfText(data)
		if err != nil {
			return "", fmt.Errorf("%s: không đọc được tệp PDF: %v; lệnh text chỉ đọc PDF do kehoach tạo.", path, err)
		}
	}
	return s, nil
}

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
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, fmt.Errorf("%s: là thư mục, không phải tệp; hãy chỉ một tệp .docx, .xlsx hoặc .pdf.", path)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: không đọc được tệp: %v.", path, err)
	}
	if len(data) > maxFileBytes {
		return nil, fmt.Errorf("%s: tệp quá lớn (hơn %d MB).", path, maxFileBytes>>20)
	}
	return data, nil
}

// docxText is docx.PartText with a clear error for what is not a .docx.
func docxText(data []byte) (string, error) {
	if len(data) == 0 {
		return "", errors.New("tệp trống")
	}
	// A zip bomb stops here: archive/zip holds each entry to its declared
	// size, so checking that size bounds what PartText reads.
	if zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data))); err == nil {
		for _, f := range zr.File {
			if f.Name == docx.PartDocument && f.UncompressedSize64 > maxPartBytes {
				return "", fmt.Errorf("phần %s quá lớn", f.Name)
			}
		}
	}
	s, err := docx.PartText(data)
	if err != nil {
		if strings.Contains(err.Error(), "zip") {
			return "", errors.New("tệp không phải gói DOCX (không mở được như tệp zip)")
		}
		if strings.Contains(err.Error(), "no word/document.xml") {
			return "", errors.New("gói không có word/document.xml")
		}
		return "", err
	}
	// No-break spaces ("54 triệu", the blanks of a draft's date) print as
	// spaces, as in the PDF text.
	return strings.ReplaceAll(s, "\u00a0", " "), nil
}
