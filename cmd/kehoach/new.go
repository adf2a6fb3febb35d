package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"kehoach/internal/diag"
	"kehoach/internal/rollover"
)

var newCmd = &Command{
	Name:      "new",
	UsageLine: "kehoach new --tu KẾ_HOẠCH_CŨ NĂM [-o THƯ_MỤC | -tep TỆP]",
	Short:     "tạo dự thảo kế hoạch năm mới từ kế hoạch năm trước (không ghi đè tệp đã có)",
	Long: `Tạo kế hoạch năm mới (dự thảo) từ kế hoạch năm trước, ví dụ
  kehoach new --tu plans/muong-khoa/2025.yaml 2026
ghi plans/muong-khoa/2026.yaml (không bao giờ ghi đè tệp đã có): đổi năm, bỏ số
và ngày, tiêu chí “phấn đấu” thành “đạt”, số tiền về 0 để nhập lại; đầu tệp ghi
những gì cần xem lại, mọi chỗ cần sửa có ghi chú TODO.

Khi sang giai đoạn mới (kế hoạch 2021 - 2025 sang năm 2026 trở đi): dùng tên
Chương trình hợp nhất và các căn cứ của giai đoạn 2026 - 2030 (căn cứ riêng
của xã chuyển sang can_cu_them), đổi tên hoặc bỏ nguồn vốn theo quy tắc của
giai đoạn (templates/giai-doan/2026-2030.yaml), đổi sang bộ tiêu chí
QĐ 51/2025/QĐ-TTg: đơn vị chủ trì, phối hợp lấy từ các tiêu chí cũ tương ứng,
mọi tiêu chí ghi “chua_dat” để đánh giá lại. Tệp xã không bị sửa.

Kế hoạch mới được ghi cạnh kế hoạch năm trước; -o THƯ_MỤC ghi NĂM.yaml vào
THƯ_MỤC, -tep TỆP ghi vào đúng TỆP. (Cách ghi cũ --from, và -o với tên tệp
.yaml, vẫn dùng được.)

Mã thoát: 0 đã tạo, 1 từ chối (tệp đã có, kế hoạch nguồn có lỗi, không có bộ
tiêu chí cho năm đó), 2 lỗi cách dùng hoặc lỗi đọc/ghi tệp.
`,
	Flags: func(fl *flag.FlagSet) Runner {
		o := &newOptions{}
		fl.StringVar(&o.from, "tu", "", "tạo từ kế hoạch năm trước `KẾ_HOẠCH_CŨ` (plans/<xã>/<năm>.yaml)")
		alias(fl, "from", "tu")
		o.dir = outDirFlag(fl, "", "ghi kế hoạch mới <NĂM>.yaml vào `THƯ_MỤC` (mặc định: thư mục của kế hoạch năm trước)")
		o.file = outFileFlag(fl, "ghi kế hoạch mới vào đúng `TỆP` (tên .yaml)")
		return o.run
	},
}

type newOptions struct {
	from      string
	dir, file *string
}

// target is the new plan's file from -o and -tep ("" for the default).
// -o names a folder, as in every command; a value of -o that is no
// folder but has a file extension is the file, as -o was before -tep.
func (o *newOptions) target(year int) (string, error) {
	dir, file := *o.dir, *o.file
	if dir == "" {
		return file, nil
	}
	if fi, err := os.Stat(dir); (err != nil || !fi.IsDir()) && filepath.Ext(dir) != "" {
		return dir, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("không tạo được thư mục %s: %w; hãy kiểm tra đường dẫn và quyền ghi", dir, err)
	}
	return filepath.Join(dir, strconv.Itoa(year)+".yaml"), nil
}

func (o *newOptions) run(c *Context, args []string) int {
	if o.from == "" || len(args) != 1 {
		return c.UsageError("cần --tu KẾ_HOẠCH_CŨ và đúng một NĂM.")
	}
	year, err := strconv.Atoi(args[0])
	if err != nil || year < 2000 || year > 2100 {
		c.Errorf("năm “%s” không hợp lệ; hãy ghi năm có bốn chữ số, ví dụ 2026.", args[0])
		return 2
	}
	if *o.dir != "" && *o.file != "" {
		return c.UsageError("chỉ ghi một trong hai: -o THƯ_MỤC hoặc -tep TỆP.")
	}
	target, err := o.target(year)
	if err != nil {
		c.Errorf("%v", err)
		return 2
	}
	rep, err := rollover.Create(o.from, year, target)
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
