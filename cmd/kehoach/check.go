package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"

	"kehoach/internal/build"
	"kehoach/internal/diag"
	"kehoach/internal/fileset"
	"kehoach/internal/fonts"
	"kehoach/internal/plan"
	"kehoach/internal/planfmt"
	"kehoach/internal/textcheck"
)

var checkCmd = &Command{
	Name:      "check",
	UsageLine: "kehoach check [-sua] [-phong T,Đ,N,ĐN] [KẾ_HOẠCH|THƯ_MỤC …]",
	Short: `kiểm tra nội dung và chính tả, không ghi tệp nào; -sua sửa ngay trong tệp
những lỗi chữ sửa được an toàn (giữ nguyên ghi chú)`,
	Long: `Kiểm tra từng kế hoạch và tệp xã của nó như một văn thư cẩn thận: nội dung
(khóa, số liệu, tổng nguồn vốn, tiêu chí), chính tả và thể thức chữ (dấu thanh,
chữ viết tắt, cách viết số, ngày, ký hiệu văn bản). Mỗi lỗi ghi tệp:dòng:cột và
cách sửa. Không ghi kế hoạch nào thì kiểm tra mọi kế hoạch trong plans/.
Lệnh không ghi tệp nào, trừ khi có -sua. Ký tự được kiểm tra với phông mà
kehoach build sẽ dùng (Times New Roman nếu máy có, hoặc bốn tệp của -phong).

Ví dụ:
  kehoach check
  kehoach check plans/muong-khoa/2026.yaml
  kehoach check -sua plans/muong-khoa/2026.yaml

Mã thoát: 0 hợp lệ (có thể có cảnh báo), 1 có lỗi, 2 lỗi cách dùng hoặc lỗi
đọc/ghi tệp.
`,
	Flags: func(fl *flag.FlagSet) Runner {
		fix := fl.Bool("sua", false, "sửa những lỗi chữ sửa được an toàn ngay trong tệp (giữ nguyên ghi chú)")
		alias(fl, "fix", "sua")
		font := fontFlag(fl)
		return func(c *Context, args []string) int { return runCheck(c, args, *fix, font) }
	},
}

// report prints a plan's load errors, then its warnings, in the one form of
// package diag.
func report(w io.Writer, res *plan.Result) {
	res.Errors.Print(w)
	res.Warnings.Print(w)
}

func runCheck(c *Context, args []string, fix bool, font *fontChoice) int {
	// The characters are checked against the family build would set the
	// document in.
	family, err := font.family()
	if err != nil {
		c.Errorf("%v", err)
		return 2
	}
	files, err := build.ExpandPaths(args, false)
	if err != nil {
		c.Errorf("%v", err)
		return 2
	}
	status := 0
	for _, f := range files {
		st := checkOne(f, fix, family, c.Stdout, c.Stderr)
		if st > status {
			status = st
		}
	}
	return status
}

// checkOne validates one plan and checks its text; with fix, it applies the
// safe fixes first and reports what remains.
func checkOne(f string, fix bool, family *fonts.Family, stdout, stderr io.Writer) int {
	res, prof, err := build.Load(f, family)
	if err != nil {
		fmt.Fprintln(stderr, errText(err))
		return 2
	}
	if !res.OK() {
		report(stderr, res)
		fmt.Fprintf(stderr, "%s: %d lỗi, %d cảnh báo.\n", f, len(res.Errors), len(res.Warnings))
		return 1
	}
	findings, srcs, err := textFindings(res, prof.ToneStyle)
	if err != nil {
		fmt.Fprintln(stderr, errText(err))
		return 2
	}
	if fix {
		n := 0
		for _, file := range []string{res.Plan.File, res.Plan.Commune.File} {
			out, applied, err := textcheck.Fix(file, srcs[file], findings)
			if err != nil {
				fmt.Fprintln(stderr, errText(err))
				return 2
			}
			if applied > 0 && !bytes.Equal(out, srcs[file]) {
				if _, err := fileset.WriteInPlace(file, out); err != nil {
					fmt.Fprintln(stderr, errText(err))
					return 2
				}
				if note := planfmt.StyleOf(srcs[file]).Note(); note != "" {
					fmt.Fprintf(stdout, "%s: %s.\n", file, note)
				}
				n += applied
			}
		}
		if n > 0 {
			fmt.Fprintf(stdout, "%s: đã sửa %d lỗi chữ.\n", f, n)
			if res, prof, err = build.Load(f, family); err != nil || !res.OK() {
				if res != nil {
					report(stderr, res)
				}
				return 1
			}
			if findings, _, err = textFindings(res, prof.ToneStyle); err != nil {
				fmt.Fprintln(stderr, errText(err))
				return 2
			}
		}
	}
	// Errors first, then warnings: the load's, then the text's.
	errs, warns := findings.Errors(), findings.Warnings()
	for _, l := range []diag.List{res.Errors, errs, res.Warnings, warns} {
		l.Print(stderr)
	}
	fixable := 0
	for _, x := range findings {
		if x.Fix != nil {
			fixable++
		}
	}
	hint := ""
	if fixable > 0 && !fix {
		hint = fmt.Sprintf(" %d lỗi sửa tự động được: chạy kehoach check -sua %s.", fixable, f)
	}
	if len(errs) > 0 {
		fmt.Fprintf(stderr, "%s: %d lỗi chữ, %d cảnh báo.%s\n", f, len(errs), len(warns)+len(res.Warnings), hint)
		return 1
	}
	fmt.Fprintf(stdout, "%s: hợp lệ (%d cảnh báo).%s\n", f, len(warns)+len(res.Warnings), hint)
	return 0
}

// textFindings reads the plan's and commune's files and checks their text
// in the tone-mark style of the profile.
func textFindings(res *plan.Result, toneStyle string) (diag.List, map[string][]byte, error) {
	srcs := map[string][]byte{}
	for _, file := range []string{res.Plan.File, res.Plan.Commune.File} {
		b, err := plan.ReadFile(file)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: không đọc được tệp: %w", file, err)
		}
		srcs[file] = b
	}
	return textcheck.Check(res.Plan, srcs[res.Plan.File], srcs[res.Plan.Commune.File], toneStyle), srcs, nil
}
