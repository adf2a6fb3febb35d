package main

import (
	"io"

	"kehoach/internal/extract"
	"kehoach/internal/extract/limits"
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

Tệp lạ không làm lệnh treo hay hết bộ nhớ: chữ in ra tối đa 8 MiB, đọc tối đa
3 giây (các giới hạn khác: README, mục “Giới hạn đầu vào”). Chữ dài hơn giới hạn
được in đến đó, dòng cuối báo chỗ dừng và lý do, mã thoát vẫn là 0 để git diff
đọc tiếp các tệp khác. Ký tự điều khiển (ESC, CR, C1) và ký tự đổi chiều chữ
in ra dạng \x1b, \u202e, không điều khiển được màn hình.

Mã thoát: 0 thành công (kể cả khi chữ bị cắt ở giới hạn), 2 lỗi cách dùng hoặc
tệp không đọc được (hỏng, quá lớn, không phải văn bản do kehoach tạo).
`,
	Flags: noFlags(runText),
}

func runText(c *Context, args []string) int {
	if len(args) != 1 {
		return c.UsageError("cần đúng một tệp.")
	}
	r, err := extract.Read(args[0])
	if err != nil {
		// The message may quote the file's name and its content (a sheet's
		// name, an XML tag): it reaches the terminal through git as well.
		c.Errorf("%s", limits.Visible(err.Error()))
		return 2
	}
	if _, err := io.WriteString(c.Stdout, r.Text); err != nil {
		c.Errorf("không ghi được kết quả: %v", err)
		return 2
	}
	if r.Cut != "" {
		c.Errorf("%s: chỉ in phần đầu, dừng vì %s.", limits.Visible(args[0]), r.Cut)
	}
	return 0
}
