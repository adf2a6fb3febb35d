package main

import (
	"flag"
	"fmt"

	"kehoach/internal/build"
	"kehoach/internal/compose"
	"kehoach/internal/compose/manifestdoc"
	"kehoach/internal/fileset"
	"kehoach/internal/fonts"
	"kehoach/internal/manifest"
)

var printCmd = &Command{
	Name:      "print",
	UsageLine: "kehoach print [-o THƯ_MỤC] [-phong T,Đ,N,ĐN] [KẾ_HOẠCH|THƯ_MỤC …]",
	Short:     "số bản cần in và số bản gửi từng nơi nhận; -o ghi thêm sổ phát hành (CSV, PDF)",
	Long: `In ra màn hình, cho từng kế hoạch, tổng số bản cần in và số bản gửi từng nơi
nhận (mỗi thôn, bản, ấp một bản khi nơi nhận ghi theo_ban, cộng các bản lưu).
Không ghi kế hoạch nào thì dùng mọi kế hoạch trong plans/. Với -o, ghi thêm sổ
phát hành so-phat-hanh-NĂM-XÃ.csv (mở bằng Excel) và .pdf (in ra để người nhận
ký nhận) vào THƯ_MỤC, bằng phông chữ như kehoach build (-phong).

Ví dụ:
  kehoach print
  kehoach print -o out plans/muong-khoa/2026.yaml

Mã thoát: 0 thành công, 1 có kế hoạch lỗi (không tính số bản cho kế hoạch đó),
2 lỗi cách dùng hoặc lỗi đọc/ghi tệp.
`,
	Flags: func(fl *flag.FlagSet) Runner {
		outDir := outDirFlag(fl, "", "ghi thêm sổ phát hành (CSV và PDF) vào `THƯ_MỤC`; không có -o thì chỉ in ra màn hình")
		font := fontFlag(fl)
		return func(c *Context, args []string) int { return runPrint(c, args, *outDir, font) }
	},
}

func runPrint(c *Context, args []string, outDir string, font *fontChoice) int {
	stdout, stderr := c.Stdout, c.Stderr
	// The font of the PDF register, chosen as build chooses it; -phong is
	// checked even when no PDF is written.
	var family *fonts.Family
	if outDir != "" || font.list != "" {
		f, err := font.family()
		if err != nil {
			c.Errorf("%v", err)
			return 2
		}
		family = f
	}
	files, err := build.ExpandPaths(args, false)
	if err != nil {
		c.Errorf("%v", err)
		return 2
	}
	status := 0
	fail := func(s int) {
		if s > status {
			status = s
		}
	}
	grand, count := 0, 0
	for i, f := range files {
		res, prof, err := build.Load(f, family)
		if err != nil {
			fmt.Fprintln(stderr, errText(err))
			fail(2)
			continue
		}
		if !res.OK() {
			for _, e := range res.Errors {
				fmt.Fprintln(stderr, e.Error())
			}
			fmt.Fprintf(stderr, "%s: %d lỗi, chưa tính được số bản; hãy sửa lỗi (kehoach check %s) rồi chạy lại.\n", f, len(res.Errors), f)
			fail(1)
			continue
		}
		m := manifest.Build(res.Plan, compose.DocDate(res.Plan, sourceDateValue))
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		fmt.Fprintf(stdout, "%s: %s, in %d bản.\n", f, m.Ref, m.Total())
		if m.Draft {
			fmt.Fprintf(stdout, "  CHÚ Ý: kế hoạch còn là dự thảo (chưa có số, ngày): chỉ in để xem xét, chưa phát hành.\n  Khi văn bản đã ký: kehoach issue %s --so SỐ --ngay NGÀY\n", f)
		}
		fmt.Fprint(stdout, m.Text())
		grand += m.Total()
		count++
		if outDir != "" {
			base := manifest.BaseName(res.Plan)
			pdfBytes, err := build.Render("pdf", manifestdoc.Document(m, prof), prof, family)
			if err != nil {
				fmt.Fprintf(stderr, "%s: không tạo được sổ phát hành PDF: %s\n", f, errText(err))
				fail(2)
				continue
			}
			// The CSV and the PDF as one set: the CSV held open in Excel
			// leaves both at their old version.
			outs, err := fileset.WriteAll(outDir, []fileset.File{{Name: base + ".csv", Data: m.CSV()}, {Name: base + ".pdf", Data: pdfBytes}})
			if err != nil {
				fmt.Fprintln(stderr, errText(err))
				fail(2)
				continue
			}
			for _, o := range outs {
				fmt.Fprintf(stdout, "  Sổ phát hành → %s\n", o.Path)
			}
		}
	}
	if count > 1 {
		fmt.Fprintf(stdout, "\nTổng cộng: %d bản cho %d kế hoạch.\n", grand, count)
	}
	return status
}
