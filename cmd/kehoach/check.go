package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"

	"kehoach/internal/build"
	"kehoach/internal/diag"
	"kehoach/internal/draft"
	"kehoach/internal/fileset"
	"kehoach/internal/fonts"
	"kehoach/internal/plan"
	"kehoach/internal/planfmt"
	"kehoach/internal/textcheck"
	"kehoach/internal/yamlx"
)

var checkCmd = &Command{
	Name:      "check",
	UsageLine: "kehoach check [-sua] [-nghiem-ngat] [-phong T,Đ,N,ĐN] [KẾ_HOẠCH|THƯ_MỤC …]",
	Short: `kiểm tra nội dung, chính tả và những chỗ dự thảo chưa xong, không ghi tệp
nào; -sua sửa ngay trong tệp những lỗi chữ sửa được an toàn (giữ nguyên ghi
chú); -nghiem-ngat coi chỗ chưa xong là lỗi`,
	Long: `Kiểm tra từng kế hoạch và tệp xã của nó như một văn thư cẩn thận: nội dung
(khóa, số liệu, tổng nguồn vốn, tiêu chí), chính tả và thể thức chữ (dấu thanh,
chữ viết tắt, cách viết số, ngày, ký hiệu văn bản). Mỗi lỗi ghi tệp:dòng:cột và
cách sửa. Không ghi kế hoạch nào thì kiểm tra mọi kế hoạch trong plans/.
Lệnh không ghi tệp nào, trừ khi có -sua. Ký tự được kiểm tra với phông mà
kehoach build sẽ dùng (Times New Roman nếu máy có, hoặc bốn tệp của -phong).

Dự thảo chưa xong được báo là cảnh báo, mỗi chỗ một dòng: ghi chú TODO
(kehoach new ghi ở mọi chỗ cần sửa) và chữ TODO trong nội dung [todo], khối
ghi chú “CẦN XEM LẠI TRƯỚC KHI TRÌNH KÝ” ở đầu tệp [khoi-xem-lai], số tiền 0
ở một nguồn vốn, một dòng Biểu 03, Biểu 04 [so-tien-0], chữ để trống hay chỉ
có “…” ở chỗ văn bản in ra [de-trong]. Còn chỗ nào thì kehoach issue không
ban hành. Với -nghiem-ngat các chỗ đó là lỗi (mã thoát 1), để kiểm tra trước
khi trình ký hay trong CI.

Ví dụ:
  kehoach check
  kehoach check plans/muong-khoa/2026.yaml
  kehoach check -sua plans/muong-khoa/2026.yaml
  kehoach check -nghiem-ngat plans/muong-khoa/2026.yaml

Mã thoát: 0 hợp lệ (có thể có cảnh báo), 1 có lỗi (với -nghiem-ngat: cả khi
còn chỗ chưa xong), 2 lỗi cách dùng hoặc lỗi đọc/ghi tệp.
`,
	Flags: func(fl *flag.FlagSet) Runner {
		fix := fl.Bool("sua", false, "sửa những lỗi chữ sửa được an toàn ngay trong tệp (giữ nguyên ghi chú)")
		alias(fl, "fix", "sua")
		strict := fl.Bool("nghiem-ngat", false, "coi các chỗ chưa xong của dự thảo (TODO, khối cần xem lại, số tiền 0, chữ để trống) là lỗi: mã thoát 1")
		alias(fl, "strict", "nghiem-ngat")
		font := fontFlag(fl)
		return func(c *Context, args []string) int {
			return runCheck(c, args, checkOptions{fix: *fix, strict: *strict, font: font})
		}
	},
}

// report prints a plan's load errors, then its warnings, in the one form of
// package diag.
func report(w io.Writer, res *plan.Result) {
	res.Errors.Print(w)
	res.Warnings.Print(w)
}

// checkOptions are the flags of check.
type checkOptions struct {
	fix    bool        // -sua: apply the safe text fixes
	strict bool        // -nghiem-ngat: unfinished parts of a draft are errors
	font   *fontChoice // -phong
}

func runCheck(c *Context, args []string, o checkOptions) int {
	// The characters are checked against the family build would set the
	// document in.
	family, err := o.font.family()
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
		st := checkOne(f, o, family, c.Stdout, c.Stderr)
		if st > status {
			status = st
		}
	}
	return status
}

// checkOne validates one plan, checks its text and what is unfinished in
// it (package draft); with -sua, it applies the safe fixes first and
// reports what remains.
func checkOne(f string, o checkOptions, family *fonts.Family, stdout, stderr io.Writer) int {
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
	if o.fix {
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
			if findings, srcs, err = textFindings(res, prof.ToneStyle); err != nil {
				fmt.Fprintln(stderr, errText(err))
				return 2
			}
		}
	}
	// Errors first, then warnings: the load's, the text's, then what is
	// unfinished (errors with -nghiem-ngat).
	errs, warns := findings.Errors(), findings.Warnings()
	sev := diag.Warning
	if o.strict {
		sev = diag.Error
	}
	unfinished := draft.Find(res.Plan, srcs[res.Plan.File], srcs[res.Plan.Commune.File], sev)
	var draftErrs, draftWarns diag.List
	if o.strict {
		draftErrs = unfinished
	} else {
		draftWarns = unfinished
	}
	for _, l := range []diag.List{res.Errors, errs, draftErrs.Capped(yamlx.MaxMessages), res.Warnings, warns, draftWarns.Capped(yamlx.MaxMessages)} {
		l.Print(stderr)
	}
	fixable := 0
	for _, x := range findings {
		if x.Fix != nil {
			fixable++
		}
	}
	hint := ""
	if fixable > 0 && !o.fix {
		hint = fmt.Sprintf(" %d lỗi sửa tự động được: chạy kehoach check -sua %s.", fixable, f)
	}
	nwarn := len(warns) + len(res.Warnings) + len(draftWarns)
	switch {
	case len(draftErrs) > 0:
		fmt.Fprintf(stderr, "%s: %d chỗ chưa xong (lỗi vì -nghiem-ngat), %d lỗi chữ, %d cảnh báo; sửa hết rồi mới trình ký, ban hành.%s\n", f, len(draftErrs), len(errs), nwarn, hint)
		return 1
	case len(errs) > 0:
		fmt.Fprintf(stderr, "%s: %d lỗi chữ, %d cảnh báo.%s\n", f, len(errs), nwarn, hint)
		return 1
	case len(draftWarns) > 0:
		fmt.Fprintf(stdout, "%s: hợp lệ (%d cảnh báo), nhưng còn %d chỗ chưa xong của dự thảo; sửa hết rồi mới ban hành được (kehoach issue từ chối).%s\n", f, nwarn, len(draftWarns), hint)
		return 0
	}
	fmt.Fprintf(stdout, "%s: hợp lệ (%d cảnh báo).%s\n", f, nwarn, hint)
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
