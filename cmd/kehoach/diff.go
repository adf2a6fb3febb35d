package main

import (
	"bytes"
	"flag"
	"fmt"
	"path/filepath"

	"kehoach/internal/fileset"
	"kehoach/internal/gitrev"
	"kehoach/internal/plan"
	"kehoach/internal/plandiff"
	"kehoach/internal/termsafe"
)

var diffCmd = &Command{
	Name:      "diff",
	UsageLine: "kehoach diff [-f text|md|json] [-tep TỆP] CŨ [MỚI]",
	Short: `so sánh hai phiên bản kế hoạch theo nội dung (tệp, phiên bản git như HEAD~1,
hoặc PHIÊN_BẢN:TỆP); một tệp: so với lần commit cuối; mã thoát 0 giống, 1 khác`,
	Long: `Cho biết bằng tiếng Việt điều gì đã đổi giữa hai phiên bản kế hoạch, nhóm theo
phần của kế hoạch: chỉ tiêu, từng nguồn vốn và các tổng phía trên, tình trạng
tiêu chí, nhiệm vụ thêm, bỏ, chuyển chỗ hay sửa (đánh dấu từng từ), nơi nhận,
người ký, số và ngày văn bản. Hai kế hoạch khác giai đoạn hay khác bộ tiêu chí
(2025 và 2026) thì báo trước hết: giai đoạn, tên Chương trình, bộ tiêu chí và số
tiêu chí đạt (12/19 → 6/10), bộ tiêu chí của tỉnh, rồi các căn cứ thêm, bỏ. Căn
cứ, tên Chương trình và chỉ tiêu quy định ở Biểu 01 được so như văn bản in ra,
kể cả phần lấy mặc định từ giai đoạn và bộ tiêu chí.
CŨ và MỚI là tệp kế hoạch, phiên bản git (HEAD~1,
main) hoặc PHIÊN_BẢN:TỆP; chỉ một tệp thì so với lần commit cuối, chỉ một phiên
bản thì so mọi kế hoạch trong plans/. So với phiên bản git cần cài git.

Ví dụ:
  kehoach diff plans/muong-khoa/2025.yaml plans/muong-khoa/2026.yaml
  kehoach diff HEAD~1 HEAD
  kehoach diff -f md -tep nhan-xet.md main

Trong Windows PowerShell 5.1, dấu > ghi tệp bằng UTF-16 (hỏng chữ Việt khi mở
bằng công cụ khác): hãy dùng -tep TỆP, hoặc chạy lệnh trong cmd.

Mã thoát: 0 giống nhau, 1 khác nhau, 2 lỗi.
`,
	Flags: func(fl *flag.FlagSet) Runner {
		o := &diffOptions{}
		fl.StringVar(&o.format, "f", "text", "in theo `ĐỊNH_DẠNG`: text (có màu khi in ra màn hình), md (Markdown cho merge request) hoặc json")
		o.out = outFileFlag(fl, "ghi kết quả vào `TỆP` (UTF-8) thay cho in ra màn hình")
		alias(fl, "o", "tep")
		return o.run
	},
}

type diffOptions struct {
	format string
	out    *string
}

// diffPairs turns the arguments into (old, new) sources.
func diffPairs(args []string) ([][2]gitrev.Source, error) {
	switch len(args) {
	case 1:
		src, ok, err := gitrev.Parse(args[0])
		if err != nil {
			return nil, err
		}
		if ok {
			if src.Rev != "" {
				return [][2]gitrev.Source{{src, gitrev.At("", src.Path)}}, nil
			}
			return [][2]gitrev.Source{{gitrev.At("HEAD", src.Path), src}}, nil
		}
		files, err := gitrev.PlanFiles("", "plans")
		if err != nil {
			return nil, err
		}
		var out [][2]gitrev.Source
		for _, f := range files {
			out = append(out, [2]gitrev.Source{gitrev.At(src.Rev, f), gitrev.At("", f)})
		}
		return out, nil
	case 2:
		a, okA, err := gitrev.Parse(args[0])
		if err != nil {
			return nil, err
		}
		b, okB, err := gitrev.Parse(args[1])
		if err != nil {
			return nil, err
		}
		switch {
		case okA && okB:
			return [][2]gitrev.Source{{a, b}}, nil
		case !okA && okB:
			return [][2]gitrev.Source{{gitrev.At(a.Rev, b.Path), b}}, nil
		case okA && !okB:
			return [][2]gitrev.Source{{a, gitrev.At(b.Rev, a.Path)}}, nil
		}
		fa, err := gitrev.PlanFiles(a.Rev, "plans")
		if err != nil {
			return nil, err
		}
		fb, err := gitrev.PlanFiles(b.Rev, "plans")
		if err != nil {
			return nil, err
		}
		in := map[string]bool{}
		for _, f := range fa {
			in[f] = true
		}
		var out [][2]gitrev.Source
		for _, f := range fb {
			if in[f] {
				out = append(out, [2]gitrev.Source{gitrev.At(a.Rev, f), gitrev.At(b.Rev, f)})
			}
		}
		return out, nil
	}
	return nil, fmt.Errorf("cần một hoặc hai đối số: kehoach diff CŨ MỚI")
}

func loadSource(s gitrev.Source) (*plan.Plan, error) {
	data, err := s.Data()
	if err != nil {
		return nil, err
	}
	res, err := plan.LoadBytes(s.Path, data, s.Read)
	if err != nil {
		return nil, err
	}
	if !res.OK() {
		return nil, fmt.Errorf("%s có lỗi, hãy sửa trước khi so sánh:\n%v", s.Label, res.Errors)
	}
	res.Plan.File = s.Label
	return res.Plan, nil
}

// run is kehoach diff [-f text|md|json] [-tep FILE] OLD [NEW]. Exit 0 equal,
// 1 different, 2 error, like diff.
func (o *diffOptions) run(c *Context, args []string) int {
	switch o.format {
	case "text", "md", "json":
	default:
		return c.UsageError("định dạng “%s” không có; hãy dùng text, md hoặc json", o.format)
	}
	if len(args) == 0 || len(args) > 2 {
		return c.UsageError("cần một hoặc hai đối số: kehoach diff CŨ MỚI")
	}
	pairs, err := diffPairs(args)
	if err != nil {
		c.Errorf("%v", err)
		return 2
	}
	var out bytes.Buffer
	color := *o.out == "" && c.Color(c.Stdout)
	status := 0
	for _, p := range pairs {
		a, err := loadSource(p[0])
		if err != nil {
			c.Errorf("%v", err)
			return 2
		}
		b, err := loadSource(p[1])
		if err != nil {
			c.Errorf("%v", err)
			return 2
		}
		r := plandiff.Compare(a, b)
		switch o.format {
		case "text":
			out.WriteString(r.Text(color))
		case "md":
			out.WriteString(r.Markdown())
		case "json":
			j, err := r.JSON()
			if err != nil {
				c.Errorf("%v", err)
				return 2
			}
			out.Write(append(j, '\n'))
		}
		if *o.out == "" {
			w := c.Stdout
			if color {
				// Text(true) escaped every piece of plan text itself
				// (termsafe); the colour codes are its own.
				w = termsafe.Unwrap(w)
			}
			w.Write(out.Bytes())
			out.Reset()
		}
		if !r.Equal() {
			status = 1
		}
	}
	if *o.out != "" {
		if _, err := fileset.WriteAtomic(filepath.Dir(*o.out), filepath.Base(*o.out), out.Bytes()); err != nil {
			c.Errorf("%v", err)
			return 2
		}
		fmt.Fprintf(c.Stdout, "Đã ghi kết quả so sánh vào %s.\n", *o.out)
	}
	return status
}
