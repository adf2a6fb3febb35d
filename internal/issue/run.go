package issue

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Usage is the help text of `kehoach issue`.
const Usage = `Cách dùng: kehoach issue KẾ_HOẠCH --so SỐ --ngay NGÀY
  Ghi số và ngày ban hành vào tệp kế hoạch sau khi văn bản đã ký (văn thư làm).
  SỐ là số thứ tự trong sổ đăng ký văn bản đi của năm (ví dụ 125);
  NGÀY viết 2025-08-05 hoặc 05/08/2025.
  Từ chối (mã thoát 1): kế hoạch còn lỗi, đã ban hành rồi, ngày ngoài năm kế
  hoạch và năm trước, số đã dùng trong cùng năm cho văn bản khác của xã.
`

// Run is `kehoach issue PLAN --so N --ngay DATE` (flags before or after the
// plan). Exit status: 0 issued, 1 refused, 2 usage or I/O error.
func Run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("issue", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() { fmt.Fprint(stderr, Usage) }
	soFlag := fl.String("so", "", "số văn bản (số thứ tự trong sổ đăng ký văn bản đi), ví dụ 125")
	ngayFlag := fl.String("ngay", "", "ngày ban hành: 2025-08-05 hoặc 05/08/2025")
	pos, err := parseInterleaved(fl, args)
	if err != nil {
		return 2
	}
	if len(pos) != 1 || *soFlag == "" || *ngayFlag == "" {
		fmt.Fprint(stderr, "kehoach issue: cần đúng một tệp kế hoạch, --so và --ngay.\n\n"+Usage)
		return 2
	}
	so, err := strconv.Atoi(strings.TrimSpace(*soFlag))
	if err != nil {
		fmt.Fprintf(stderr, "kehoach issue: --so “%s” không phải là số; hãy ghi số thứ tự bằng chữ số, ví dụ --so 125.\n", *soFlag)
		return 2
	}
	date, err := ParseDate(*ngayFlag)
	if err != nil {
		fmt.Fprintf(stderr, "kehoach issue: %v\n", err)
		return 1
	}
	r, err := Issue(Request{Path: pos[0], So: so, Ngay: date})
	if err != nil {
		fmt.Fprintf(stderr, "kehoach issue: %v\n", err)
		if IsRefusal(err) {
			return 1
		}
		return 2
	}
	for _, w := range r.Warnings {
		fmt.Fprintf(stderr, "kehoach issue: cảnh báo: %s\n", w)
	}
	fmt.Fprintf(stdout, "Đã ban hành %s: văn bản sẽ in “%s” và “%s”.\n", r.Path, r.NumberLine, r.DateLine)
	if r.Note != "" {
		fmt.Fprintf(stdout, "%s: %s.\n", r.Path, r.Note)
	}
	fmt.Fprintf(stdout, "Bước tiếp theo: chạy “make” để tạo lại văn bản (không còn chữ DỰ THẢO), rồi “make print” để biết số bản cần in và in sổ phát hành.\n")
	return 0
}

// parseInterleaved parses flags that may come before or after the
// positional arguments (kehoach issue PLAN --so 125).
func parseInterleaved(fl *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fl.Parse(args); err != nil {
			return nil, err
		}
		rest := fl.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}
