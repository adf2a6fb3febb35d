package yamlx

import (
	"kehoach/internal/testkit"
	"strings"
	"testing"
)

var utf16Bytes = testkit.UTF16

// Files as Windows saves them in other encodings than UTF-8 are refused
// with the encoding named as Notepad names it, where, and how to save as
// UTF-8; text in UTF-8 is never taken for another encoding.
func TestEncodings(t *testing.T) {
	t.Parallel()
	const text = "nhom:\r\n  ten: Kế hoạch thực hiện\r\n"
	const save = "hãy mở tệp bằng Notepad, chọn Tệp → Lưu thành… (File → Save as…), ở ô Mã hóa (Encoding) chọn “UTF-8” rồi bấm Lưu"
	tests := []struct {
		name string
		in   []byte
		want string // "" = accepted
	}{
		{"UTF-8", []byte(text), ""},
		{"UTF-8 with BOM", []byte("\ufeff" + text), ""},
		{"UTF-8 with đ, ì, ò after consonants", []byte("nhom: {ten: thì còn đường Ðồng}\n"), ""},
		{"UTF-16 LE with BOM (Notepad: UTF-16 LE, Unicode)", append([]byte{0xFF, 0xFE}, utf16Bytes(text, false)...),
			"f.yaml:1:1: tệp đang lưu bằng bảng mã UTF-16 LE (Notepad ghi là “UTF-16 LE”, bản Notepad cũ ghi là “Unicode”), kehoach chỉ đọc tệp UTF-8; " + save + " (không chọn “UTF-16 LE” hay “Unicode”)."},
		{"UTF-16 BE with BOM (Notepad: UTF-16 BE, Unicode big endian)", append([]byte{0xFE, 0xFF}, utf16Bytes(text, true)...),
			"f.yaml:1:1: tệp đang lưu bằng bảng mã UTF-16 BE (Notepad ghi là “UTF-16 BE”, bản Notepad cũ ghi là “Unicode big endian”), kehoach chỉ đọc tệp UTF-8; " + save + " (không chọn “UTF-16 BE” hay “Unicode big endian”)."},
		{"UTF-16 LE without BOM", utf16Bytes(text, false),
			"f.yaml:1:1: tệp có vẻ lưu bằng bảng mã UTF-16 LE (không có dấu BOM ở đầu tệp), kehoach chỉ đọc tệp UTF-8; " + save + "."},
		{"UTF-16 BE without BOM", utf16Bytes(text, true),
			"f.yaml:1:1: tệp có vẻ lưu bằng bảng mã UTF-16 BE (không có dấu BOM ở đầu tệp), kehoach chỉ đọc tệp UTF-8; " + save + "."},
		// "Kế hoạch thực hiện đường" as Notepad's "ANSI" on a Vietnamese
		// Windows writes it: base letters and combining tone marks.
		{"Windows-1258", []byte("nhom:\r\n  ten: K\xea\xec ho\x61\xf2ch th\xfd\xf2c hi\xea\xf2n \xf0\xfd\xf5\xccng\r\n"),
			"f.yaml:2:9: tệp đang lưu bằng bảng mã Windows-1258 (tiếng Việt; Notepad ghi là “ANSI”), không phải UTF-8: ở đây là chữ “Kế” viết theo bảng mã đó; " + save + " (nếu Notepad hiện sai chữ có dấu: mở tệp bằng VS Code, chọn Reopen with Encoding → Vietnamese (Windows 1258), rồi Save with Encoding → UTF-8)."},
		// The same text as "ANSI" on a Western Windows: what Windows-1252
		// lacks became '?'.
		{"Windows-1252", []byte("nhom:\r\n  ten: K? ho?ch th?c hi?n ???ng, tr\xecnh \xe1p d\xf9ng c\xf2n\r\n"),
			"f.yaml:2:36: tệp đang lưu bằng bảng mã Windows-1252 (Tây Âu; Notepad ghi là “ANSI”), không phải UTF-8: ở đây là chữ “trình” viết theo bảng mã đó; bảng mã này thiếu nhiều chữ tiếng Việt (ơ, ư, đ, ạ, ế…) nên Notepad có thể đã thay chúng bằng dấu “?”: " + save + "; sau đó soát lại các chữ có dấu."},
		{"UTF-8 with one broken byte", []byte("nhom:\n  ten: Kế hoạch \xff thực hiện\n"),
			"f.yaml:2:17: ở đây có byte không hợp lệ trong bảng mã UTF-8 (thường do chép dán từ phần mềm khác hoặc tệp bị hỏng); hãy xóa rồi gõ lại ký tự ở chỗ này và lưu tệp bằng bảng mã UTF-8 (Notepad: Tệp → Lưu thành…, ô Mã hóa chọn “UTF-8”)."},
		{"binary bytes", []byte("nhom: \x81\x8d\x8f\x90\x9d\n"),
			"f.yaml:1:7: ở đây có byte không hợp lệ trong bảng mã UTF-8 (thường do chép dán từ phần mềm khác hoặc tệp bị hỏng); hãy xóa rồi gõ lại ký tự ở chỗ này và lưu tệp bằng bảng mã UTF-8 (Notepad: Tệp → Lưu thành…, ô Mã hóa chọn “UTF-8”)."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("f.yaml", tc.in)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

// A TAB in the indentation is named, at its line and column, in
// Vietnamese, whatever the parser's own message.
func TestTabIndentation(t *testing.T) {
	t.Parallel()
	const msg = "lỗi cú pháp YAML: dòng này thụt lề bằng ký tự Tab; tệp kế hoạch chỉ thụt lề bằng dấu cách: hãy xóa Tab rồi gõ dấu cách cho thẳng cột với các dòng cùng cấp (mỗi cấp hai dấu cách; Notepad chèn ký tự Tab khi bấm phím Tab)."
	tests := []struct {
		in, at string // at "" = accepted
	}{
		{"a:\n  b: 1\n\tc: 2\n", "3:1"},      // "found a tab character that violates indentation"
		{"a:\n\tb: 1\n", "2:1"},              // "found character that cannot start any token"
		{"a:\n  b:\n  \t- 1\n", "3:3"},       // after two spaces
		{"a:\n  - x\n\t- y\n", "3:1"},        // a list item
		{"a:\n  b: 1\n \tc: 2\n", "3:2"},     // after one space
		{"a: 1\n\tb: 2\n", "2:1"},            // at the top level
		{"a:\n  b: >-\n    x\n\ty\n", "4:1"}, // "where an indentation space is expected"
		{"a:\r\n  b: 1\r\n\tc: 2\r\n", "3:1"},
		{"a:\tb\n", ""}, // a TAB after the colon is a separator
		{"a:\n  b: 1\n  c:\t2\n", ""},
	}
	for _, tc := range tests {
		_, err := Parse("f.yaml", []byte(tc.in))
		want := ""
		if tc.at != "" {
			want = "f.yaml:" + tc.at + ": " + msg
		}
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != want {
			t.Errorf("%q:\n got %s\nwant %s", tc.in, got, want)
		}
		if strings.Contains(got, "tab character") || strings.Contains(got, "token") {
			t.Errorf("%q: English in the message: %s", tc.in, got)
		}
	}
}
