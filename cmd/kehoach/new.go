package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"

	"kehoach/internal/diag"
	"kehoach/internal/rollover"
)

var newCmd = &Command{
	Name:      "new",
	UsageLine: "kehoach new --from KẾ_HOẠCH_CŨ NĂM [-o TỆP]",
	Short:     "tạo dự thảo kế hoạch năm mới từ kế hoạch năm trước (không ghi đè tệp đã có)",
	Long: `Tạo kế hoạch năm mới (dự thảo) từ kế hoạch năm trước, ví dụ
  kehoach new --from plans/muong-khoa/2025.yaml 2026
ghi plans/muong-khoa/2026.yaml (không bao giờ ghi đè tệp đã có): đổi năm, bỏ số
và ngày, tiêu chí “phấn đấu” thành “đạt”, số tiền về 0 để nhập lại; đầu tệp ghi
những gì cần xem lại, mọi chỗ cần sửa có ghi chú TODO.

Khi sang giai đoạn mới (kế hoạch 2021 - 2025 sang năm 2026 trở đi): dùng tên
Chương trình hợp nhất và các căn cứ của giai đoạn 2026 - 2030 (căn cứ riêng
của xã chuyển sang can_cu_them), đổi tên hoặc bỏ nguồn vốn theo quy tắc của
giai đoạn (templates/giai-doan/2026-2030.yaml), đổi sang bộ tiêu chí
QĐ 51/2025/QĐ-TTg: đơn vị chủ trì, phối hợp lấy từ các tiêu chí cũ tương ứng,
mọi tiêu chí ghi “chua_dat” để đánh giá lại. Tệp xã không bị sửa.

Mã thoát: 0 đã tạo, 1 từ chối (tệp đã có, kế hoạch nguồn có lỗi, không có bộ
tiêu chí cho năm đó), 2 lỗi cách dùng hoặc lỗi đọc/ghi tệp.
`,
	Flags: func(fl *flag.FlagSet) Runner {
		o := &newOptions{}
		fl.StringVar(&o.from, "from", "", "tạo từ kế hoạch năm trước `KẾ_HOẠCH_CŨ` (plans/<xã>/<năm>.yaml)")
		fl.StringVar(&o.out, "o", "", "ghi kế hoạch mới vào `TỆP` (mặc định: <NĂM>.yaml cùng thư mục với kế hoạch năm trước)")
		return o.run
	},
}

type newOptions struct{ from, out string }

func (o *newOptions) run(c *Context, args []string) int {
	if o.from == "" || len(args) != 1 {
		return c.UsageError("cần --from KẾ_HOẠCH_CŨ và đúng một NĂM.")
	}
	year, err := strconv.Atoi(args[0])
	if err != nil || year < 2000 || year > 2100 {
		c.Errorf("năm “%s” không hợp lệ; hãy ghi năm có bốn chữ số, ví dụ 2026.", args[0])
		return 2
	}
	rep, err := rollover.Create(o.from, year, o.out)
	if err != nil {
		c.Errorf("%v", err)
		if diag.IsRefusal(err) {
			return 1
		}
		return 2
	}
	stdout := c.Stdout
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
	amounts, criteria, others := rep.Lines()
	lineList := func(ls []int) string {
		nums := make([]string, len(ls))
		for i, l := range ls {
			nums[i] = strconv.Itoa(l)
		}
		return strings.Join(nums, ", ")
	}
	if len(amounts) > 0 {
		fmt.Fprintf(stdout, "%s, dòng %s: nhập số tiền năm %d.\n", rep.Target, lineList(amounts), rep.ToYear)
	}
	if len(criteria) > 0 {
		fmt.Fprintf(stdout, "%s, dòng %s: đánh giá lại hiện trạng tiêu chí theo bộ %s (ghi chú TODO nêu hiện trạng năm %d theo bộ cũ).\n", rep.Target, lineList(criteria), rep.NewSet.Ma, rep.FromYear)
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
