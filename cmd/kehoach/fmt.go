package main

import (
	"flag"
	"fmt"

	"kehoach/internal/build"
	"kehoach/internal/fileset"
	"kehoach/internal/plan"
	"kehoach/internal/planfmt"
	"kehoach/internal/termsafe"
	"kehoach/internal/textdiff"
)

var fmtCmd = &Command{
	Name:      "fmt",
	UsageLine: "kehoach fmt [-l] [-w] [-d] [TỆP|THƯ_MỤC …]",
	Short: `đưa tệp kế hoạch, tệp xã về định dạng chuẩn (giữ nguyên ghi chú);
-l liệt kê tệp chưa chuẩn, -w ghi lại tệp, -d in phần khác biệt (dùng chung được)`,
	Long: `Đưa tệp kế hoạch và tệp xã về một dạng duy nhất, như gofmt với mã Go: khóa theo
thứ tự của mô hình, thụt lề 2 dấu cách, chữ Unicode NFC, số và ngày viết một
kiểu, đoạn văn dài gấp dòng ở cột 88; mọi ghi chú được giữ cùng khóa của nó,
kiểu xuống dòng (CRLF hay LF) và BOM của tệp được giữ nguyên. Nhờ vậy thay đổi
trong git chỉ là thay đổi nội dung.

Không có tùy chọn nào thì in dạng chuẩn ra màn hình; không ghi tệp nào thì xử
lý mọi tệp trong plans/. Như gofmt, -l, -w và -d dùng chung được: -l -w ghi lại
và liệt kê các tệp đã ghi, -d -w in phần khác biệt rồi ghi.

Ví dụ:
  kehoach fmt -l
  kehoach fmt -w plans/muong-khoa
  kehoach fmt -l -w

Mã thoát: 0 đã chuẩn (hoặc đã ghi, -w), 1 có tệp chưa chuẩn (-l, -d không có
-w), 2 lỗi đọc/ghi tệp hoặc tệp không đọc được.
`,
	Flags: func(fl *flag.FlagSet) Runner {
		o := &fmtOptions{}
		fl.BoolVar(&o.list, "l", false, "liệt kê các tệp chưa đúng định dạng chuẩn (mã thoát 1 nếu có và không có -w)")
		fl.BoolVar(&o.write, "w", false, "ghi định dạng chuẩn vào chính tệp (giữ nguyên mọi ghi chú)")
		fl.BoolVar(&o.diff, "d", false, "in phần khác biệt giữa tệp và định dạng chuẩn")
		return o.run
	},
}

type fmtOptions struct{ list, write, diff bool }

// run is kehoach fmt [-l] [-w] [-d] [FILE|DIR …].
func (o *fmtOptions) run(c *Context, args []string) int {
	stdout, stderr := c.Stdout, c.Stderr
	files, err := build.ExpandPaths(args, true)
	if err != nil {
		c.Errorf("%v", err)
		return 2
	}
	status := 0
	for _, f := range files {
		if e := plan.NameProblem(f, true); e != nil {
			fmt.Fprintln(stderr, e)
			status = 2
			continue
		}
		src, err := plan.ReadFile(f)
		if err != nil {
			fmt.Fprintf(stderr, "%s: không đọc được tệp: %s\n", f, errText(err))
			status = 2
			continue
		}
		out, err := planfmt.Format(f, src)
		if err != nil {
			fmt.Fprintln(stderr, errText(err))
			status = 2
			continue
		}
		if !o.list && !o.write && !o.diff {
			// The formatted file itself: escaped on a console like
			// any output, written exactly when redirected to a file.
			if c.Console(stdout) {
				stdout.Write(out)
			} else {
				termsafe.Unwrap(stdout).Write(out)
			}
			continue
		}
		note := planfmt.StyleOf(src).Note()
		if o.diff && note != "" {
			// Lines that differ in their line end alone look alike.
			fmt.Fprintf(stderr, "%s: %s.\n", f, note)
		}
		if string(out) == string(src) {
			continue
		}
		// As gofmt: -l lists, -d prints the difference, -w writes, in
		// any combination; a file not formatted is exit status 1 unless
		// -w formatted it.
		if o.list {
			fmt.Fprintln(stdout, f)
		}
		if o.diff {
			fmt.Fprint(stdout, textdiff.Unified(f, f+" (định dạng chuẩn)", string(src), string(out), 3))
		}
		if !o.write {
			if status == 0 {
				status = 1
			}
			continue
		}
		// A symlinked plan is written at its target.
		if _, err := fileset.WriteInPlace(f, out); err != nil {
			fmt.Fprintln(stderr, errText(err))
			status = 2
			continue
		}
		if o.list {
			continue // the list says which files were written, as gofmt -l -w
		}
		if note != "" {
			fmt.Fprintf(stdout, "%s: đã định dạng lại (%s).\n", f, note)
		} else {
			fmt.Fprintf(stdout, "%s: đã định dạng lại.\n", f)
		}
	}
	return status
}
