package yamlx

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"kehoach/internal/codepage"
	"kehoach/internal/diag"
	"kehoach/internal/nfc"
)

// Plan files are UTF-8. A file in another encoding is refused with the
// encoding named as Notepad names it and the way to save it as UTF-8;
// kehoach never guesses and converts: the rewriting commands would then
// have to write the guess back, and git shows UTF-16 files as binary, so
// a merge request could not show what changed.

// saveUTF8 is how to save a file as UTF-8 in Notepad (the Vietnamese menu
// first, then the English one).
const saveUTF8 = "hãy mở tệp bằng Notepad, chọn Tệp → Lưu thành… (File → Save as…), ở ô Mã hóa (Encoding) chọn “UTF-8” rồi bấm Lưu"

// encodingProblem returns the problem of data that is not UTF-8, or nil.
func encodingProblem(file string, data []byte) error {
	fail := func(p diag.Pos, msg string) error { return diag.List{{File: file, Pos: p, Msg: msg}} }
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return fail(diag.Pos{Line: 1, Col: 1}, "tệp đang lưu bằng bảng mã UTF-16 LE (Notepad ghi là “UTF-16 LE”, bản Notepad cũ ghi là “Unicode”), kehoach chỉ đọc tệp UTF-8; "+saveUTF8+" (không chọn “UTF-16 LE” hay “Unicode”).")
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return fail(diag.Pos{Line: 1, Col: 1}, "tệp đang lưu bằng bảng mã UTF-16 BE (Notepad ghi là “UTF-16 BE”, bản Notepad cũ ghi là “Unicode big endian”), kehoach chỉ đọc tệp UTF-8; "+saveUTF8+" (không chọn “UTF-16 BE” hay “Unicode big endian”).")
	}
	if e := codepage.UTF16WithoutBOM(data); e != "" {
		return fail(diag.Pos{Line: 1, Col: 1}, "tệp có vẻ lưu bằng bảng mã "+e+" (không có dấu BOM ở đầu tệp), kehoach chỉ đọc tệp UTF-8; "+saveUTF8+".")
	}
	if nfc.QuickBytes(data) || utf8.Valid(data) { // Quick is faster on Vietnamese text, and implies Valid
		return nil
	}
	off := codepage.InvalidOffset(data)
	line, col := offsetPos(data, off)
	switch codepage.Detect(data) {
	case codepage.Vietnamese:
		return fail(diag.Pos{Line: line, Col: col}, fmt.Sprintf("tệp đang lưu bằng bảng mã Windows-1258 (tiếng Việt; Notepad ghi là “ANSI”), không phải UTF-8: ở đây là chữ “%s” viết theo bảng mã đó; "+saveUTF8+" (nếu Notepad hiện sai chữ có dấu: mở tệp bằng VS Code, chọn Reopen with Encoding → Vietnamese (Windows 1258), rồi Save with Encoding → UTF-8).", codepage.Word(data, off, codepage.Vietnamese)))
	case codepage.Western:
		return fail(diag.Pos{Line: line, Col: col}, fmt.Sprintf("tệp đang lưu bằng bảng mã Windows-1252 (Tây Âu; Notepad ghi là “ANSI”), không phải UTF-8: ở đây là chữ “%s” viết theo bảng mã đó; bảng mã này thiếu nhiều chữ tiếng Việt (ơ, ư, đ, ạ, ế…) nên Notepad có thể đã thay chúng bằng dấu “?”: "+saveUTF8+"; sau đó soát lại các chữ có dấu.", codepage.Word(data, off, codepage.Western)))
	}
	return fail(diag.Pos{Line: line, Col: col}, "ở đây có byte không hợp lệ trong bảng mã UTF-8 (thường do chép dán từ phần mềm khác hoặc tệp bị hỏng); hãy xóa rồi gõ lại ký tự ở chỗ này và lưu tệp bằng bảng mã UTF-8 (Notepad: Tệp → Lưu thành…, ô Mã hóa chọn “UTF-8”).")
}
