package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"

	"kehoach/internal/diag"
	"kehoach/internal/issue"
	"kehoach/internal/yamlx"
)

var issueCmd = &Command{
	Name:      "issue",
	UsageLine: "kehoach issue KẾ_HOẠCH --so SỐ --ngay NGÀY [--chua-xong]",
	Short: `ban hành: ghi số và ngày (2025-08-05 hoặc 05/08/2025) vào kế hoạch đã ký;
từ chối nếu đã ban hành, ngày ngoài năm kế hoạch, số đã dùng trong năm, kế
hoạch còn chỗ chưa xong`,
	Long: `Ghi số và ngày ban hành vào tệp kế hoạch sau khi văn bản đã ký (văn thư làm),
giữ nguyên mọi ghi chú, rồi báo dòng số và dòng ngày văn bản sẽ in. SỐ là số
thứ tự trong sổ đăng ký văn bản đi của năm (ví dụ 125); NGÀY viết 2025-08-05
hoặc 05/08/2025. Văn bản tạo lại sau đó không còn chữ DỰ THẢO.

Từ chối (mã thoát 1) khi kế hoạch còn lỗi, đã ban hành rồi, ngày ngoài năm kế
hoạch và cuối năm trước, hay số đã dùng trong cùng năm cho văn bản khác của xã.

Cũng từ chối khi kế hoạch còn chỗ chưa xong, như dự thảo vừa tạo bằng kehoach
new: ghi chú TODO hay chữ TODO trong nội dung, khối ghi chú “CẦN XEM LẠI TRƯỚC
KHI TRÌNH KÝ”, số tiền 0 ở nguồn vốn hay dòng Biểu 03, 04, chữ để trống; lệnh
liệt kê từng chỗ kèm tệp:dòng:cột (kehoach check cũng liệt kê). Chỉ khi đúng là
phải ban hành văn bản như hiện có mới thêm --chua-xong: văn bản ban hành sẽ
mang nguyên các chỗ chưa xong đó (số tiền 0, chữ TODO, chữ để trống).

Hai lệnh issue cùng lúc chạy lần lượt, nhờ tệp khóa .kehoach-issue.lock trong
thư mục plans: lệnh sau chờ (tối đa 30 giây) rồi mới đối chiếu số. Tệp khóa
cũ của lệnh đã dừng được tự xóa; nếu lệnh báo đang chờ mà không ai đang ban
hành, hãy xóa tệp khóa được nêu tên rồi chạy lại.

Ví dụ:
  kehoach issue plans/muong-khoa/2026.yaml --so 125 --ngay 15/01/2026

Mã thoát: 0 đã ban hành, 1 từ chối, 2 lỗi cách dùng hoặc lỗi đọc/ghi tệp.
`,
	Flags: func(fl *flag.FlagSet) Runner {
		o := &issueOptions{}
		fl.StringVar(&o.so, "so", "", "ghi số văn bản `SỐ` (số thứ tự trong sổ đăng ký văn bản đi), ví dụ 125")
		fl.StringVar(&o.ngay, "ngay", "", "ghi ngày ban hành `NGÀY`: 2025-08-05 hoặc 05/08/2025")
		fl.BoolVar(&o.unfinished, "chua-xong", false, "ban hành cả khi kế hoạch còn chỗ chưa xong (TODO, khối cần xem lại, số tiền 0, chữ để trống); văn bản ban hành sẽ mang nguyên các chỗ chưa xong đó")
		return o.run
	},
}

type issueOptions struct {
	so, ngay   string
	unfinished bool // --chua-xong
}

func (o *issueOptions) run(c *Context, args []string) int {
	if len(args) != 1 || o.so == "" || o.ngay == "" {
		return c.UsageError("cần đúng một tệp kế hoạch, --so và --ngay.")
	}
	so, err := strconv.Atoi(strings.TrimSpace(o.so))
	if err != nil {
		c.Errorf("--so “%s” không phải là số; hãy ghi số thứ tự bằng chữ số, ví dụ --so 125.", o.so)
		return 2
	}
	date, err := issue.ParseDate(o.ngay)
	if err != nil {
		c.Errorf("%v", err)
		return 1
	}
	r, err := issue.Issue(issue.Request{Path: args[0], So: so, Ngay: date, AllowUnfinished: o.unfinished, Waiting: func(msg string) { c.Errorf("%s", msg) }})
	if err != nil {
		c.Errorf("%v", err)
		if diag.IsRefusal(err) {
			return 1
		}
		return 2
	}
	r.Warnings.Print(c.Stderr)
	r.Unfinished.Capped(yamlx.MaxMessages).Print(c.Stderr)
	fmt.Fprintf(c.Stdout, "Đã ban hành %s: văn bản sẽ in “%s” và “%s”.\n", r.Path, r.NumberLine, r.DateLine)
	if n := len(r.Unfinished); n > 0 {
		fmt.Fprintf(c.Stdout, "%s: ban hành dù còn %d chỗ chưa xong (--chua-xong): văn bản mang nguyên số tiền 0, chữ TODO, chữ để trống nếu có; ghi chú TODO và khối cần xem lại không in ra văn bản nhưng vẫn còn trong tệp.\n", r.Path, n)
	}
	if r.Note != "" {
		fmt.Fprintf(c.Stdout, "%s: %s.\n", r.Path, r.Note)
	}
	fmt.Fprintf(c.Stdout, "Bước tiếp theo: chạy “kehoach build” (hoặc “make”) để tạo lại văn bản (không còn chữ DỰ THẢO), rồi “kehoach print -o out” (hoặc “make print”) để biết số bản cần in và in sổ phát hành.\n")
	return 0
}
