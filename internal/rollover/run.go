package rollover

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Usage is the help text of `kehoach new`.
const Usage = `Cách dùng: kehoach new --from KẾ_HOẠCH_CŨ NĂM [-o TỆP]
  Tạo kế hoạch năm mới (dự thảo) từ kế hoạch năm trước, ví dụ
    kehoach new --from plans/muong-khoa/2025.yaml 2026
  ghi plans/muong-khoa/2026.yaml (không bao giờ ghi đè tệp đã có): đổi năm,
  bỏ số và ngày, tiêu chí “phấn đấu” thành “đạt”, số tiền về 0 để nhập lại,
  đổi bộ tiêu chí khi sang giai đoạn mới; đầu tệp ghi những gì cần xem lại.
`

// Run is `kehoach new --from PLAN YEAR [-o FILE]`. Exit status: 0 created,
// 1 refused (the file exists, the source has errors, no criteria set for
// the year), 2 usage or I/O error.
func Run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("new", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() { fmt.Fprint(stderr, Usage) }
	from := fl.String("from", "", "kế hoạch năm trước (plans/<xã>/<năm>.yaml)")
	out := fl.String("o", "", "tệp kế hoạch mới (mặc định: <NĂM>.yaml cùng thư mục)")
	var pos []string
	rest := args
	for {
		if err := fl.Parse(rest); err != nil {
			return 2
		}
		if fl.NArg() == 0 {
			break
		}
		pos = append(pos, fl.Arg(0))
		rest = fl.Args()[1:]
	}
	if *from == "" || len(pos) != 1 {
		fmt.Fprint(stderr, "kehoach new: cần --from KẾ_HOẠCH_CŨ và đúng một NĂM.\n\n"+Usage)
		return 2
	}
	year, err := strconv.Atoi(pos[0])
	if err != nil || year < 2000 || year > 2100 {
		fmt.Fprintf(stderr, "kehoach new: năm “%s” không hợp lệ; hãy ghi năm có bốn chữ số, ví dụ 2026.\n", pos[0])
		return 2
	}
	rep, err := Create(*from, year, *out)
	if err != nil {
		fmt.Fprintf(stderr, "kehoach new: %v\n", err)
		if IsRefusal(err) {
			return 1
		}
		return 2
	}
	fmt.Fprintf(stdout, "Đã tạo %s (dự thảo năm %d) từ %s; đã kiểm tra: kế hoạch mới hợp lệ.\n", rep.Target, rep.ToYear, rep.Source)
	done, period, review := rep.Summary()
	fmt.Fprintln(stdout, "Đã tự động:")
	for _, s := range done {
		fmt.Fprintf(stdout, "  - %s\n", s)
	}
	if len(period) > 0 {
		fmt.Fprintln(stdout, "CHUYỂN GIAI ĐOẠN:")
		for _, s := range period {
			fmt.Fprintf(stdout, "  - %s\n", s)
		}
	}
	fmt.Fprintln(stdout, "Cần xem lại (cũng ghi ở đầu tệp):")
	for i, s := range review {
		fmt.Fprintf(stdout, "  %d. %s\n", i+1, s)
	}
	if len(rep.Mentions) > 0 {
		fmt.Fprintf(stdout, "Các chỗ còn ghi năm %d (sửa thành %d nếu là năm kế hoạch):\n", rep.FromYear, rep.ToYear)
		for _, m := range rep.Mentions {
			fmt.Fprintf(stdout, "  %s: “%s”\n", m.Path, m.Excerpt)
		}
	}
	amounts, others := rep.Lines()
	if len(amounts) > 0 {
		nums := make([]string, len(amounts))
		for i, l := range amounts {
			nums[i] = strconv.Itoa(l)
		}
		fmt.Fprintf(stdout, "%s, dòng %s: nhập số tiền năm %d.\n", rep.Target, strings.Join(nums, ", "), rep.ToYear)
	}
	// Other TODO comments, grouped by text.
	var texts []string
	lines := map[string][]string{}
	for _, t := range others {
		if _, ok := lines[t.Text]; !ok {
			texts = append(texts, t.Text)
		}
		lines[t.Text] = append(lines[t.Text], strconv.Itoa(t.Line))
	}
	for _, t := range texts {
		fmt.Fprintf(stdout, "%s, dòng %s: %s\n", rep.Target, strings.Join(lines[t], ", "), t)
	}
	fmt.Fprintf(stdout, "Sau khi sửa: kehoach check %s, rồi kehoach diff %s %s để xem thay đổi so với năm %d.\n", rep.Target, rep.Source, rep.Target, rep.FromYear)
	return 0
}
