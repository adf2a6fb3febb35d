package importer

import (
	"fmt"
	"path/filepath"
	"strings"

	"kehoach/internal/extract/para"
)

// Read reads the paragraphs of a .docx or .txt file. Errors are in
// Vietnamese, name the file and say what to do.
func Read(path string, data []byte) ([]para.Para, error) {
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".docx", ".txt":
		return nil, fmt.Errorf("%s: chưa đọc được tệp %s (bộ đọc đang được viết)", path, ext)
	default:
		return nil, fmt.Errorf("%s: không đọc được loại tệp “%s”; lệnh import đọc văn bản Word (.docx) hoặc văn bản thuần (.txt); tệp .doc cũ hãy mở bằng Word rồi lưu thành .docx", path, ext)
	}
}
