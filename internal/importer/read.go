package importer

import (
	"fmt"
	"path/filepath"
	"strings"

	"kehoach/internal/extract/docx"
	"kehoach/internal/extract/limits"
	"kehoach/internal/extract/para"
	"kehoach/internal/extract/txt"
)

// Read reads the paragraphs of a .docx or .txt file, within the limits of
// package limits (a zip bomb, XML too deep or too large, a file that takes
// too long are refused). Errors are in Vietnamese, name the file and say
// what to do. A panic of a reader (a bug met by a strange file) becomes an
// error.
func Read(path string, data []byte) (ps []para.Para, err error) {
	defer func() {
		if r := recover(); r != nil {
			ps, err = nil, fmt.Errorf("%s: không đọc được tệp (lỗi nội bộ: %v); hãy báo lỗi kèm tệp này", path, r)
		}
	}()
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".docx":
		ps, err = docx.Paragraphs(data, limits.NewBudget())
		if err != nil {
			return nil, fmt.Errorf("%s: không đọc được tệp Word: %v", path, err)
		}
	case ".txt":
		ps, err = txt.Paragraphs(data)
		if err != nil {
			return nil, fmt.Errorf("%s: không đọc được tệp văn bản: %v", path, err)
		}
	default:
		return nil, fmt.Errorf("%s: không đọc được loại tệp “%s”; lệnh import đọc văn bản Word (.docx) hoặc văn bản thuần (.txt); tệp .doc cũ hãy mở bằng Word rồi lưu thành .docx", path, ext)
	}
	if len(ps) == 0 {
		return nil, fmt.Errorf("%s: tệp không có chữ nào; hãy chọn tệp văn bản Kế hoạch", path)
	}
	return ps, nil
}

// Encoding names the encoding a .txt source was read in when it is not
// plain UTF-8 (“Windows-1258”, “UTF-16 LE”), for the report; "" otherwise.
func Encoding(path string, data []byte) string {
	if strings.ToLower(filepath.Ext(path)) != ".txt" {
		return ""
	}
	switch e := txt.Encoding(data); e {
	case "UTF-8", "UTF-8 có BOM":
		return ""
	default:
		return e
	}
}
