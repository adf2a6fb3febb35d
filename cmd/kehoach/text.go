package main

import (
	"io"

	"kehoach/internal/textconv"
)

var textCmd = &Command{
	Name:      "text",
	UsageLine: "kehoach text TỆP",
	Short: `in chữ của tệp .docx, .xlsx, .pdf do kehoach tạo, để git diff so sánh theo chữ
(xem README, mục “Trên Windows”, hoặc make git-setup)`,
	Long: `In chữ của tệp .docx, .xlsx hoặc .pdf do kehoach tạo, mỗi đoạn, mỗi hàng bảng
một dòng, để git diff so sánh văn bản theo chữ thay cho “Binary files differ”.
Cấu hình git một lần trong mỗi bản sao kho mã:
  git config diff.kehoach.textconv "bin/kehoach text"    (make git-setup)
  git config diff.kehoach.textconv "./kehoach.exe text"  (Windows: exe ở đây)
  git config diff.kehoach.cachetextconv true

Mã thoát: 0 thành công, 2 lỗi cách dùng hoặc tệp không đọc được.
`,
	Flags: noFlags(runText),
}

func runText(c *Context, args []string) int {
	if len(args) != 1 {
		return c.UsageError("cần đúng một tệp.")
	}
	s, err := textconv.Text(args[0])
	if err != nil {
		c.Errorf("%v", err)
		return 2
	}
	if _, err := io.WriteString(c.Stdout, s); err != nil {
		c.Errorf("không ghi được kết quả: %v", err)
		return 2
	}
	return 0
}
