package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"runtime"

	"kehoach/internal/build"
	"kehoach/internal/diag"
	"kehoach/internal/draft"
	"kehoach/internal/fileset"
	"kehoach/internal/fonts"
	"kehoach/internal/panics"
	"kehoach/internal/plan"
	"kehoach/internal/planfmt"
	"kehoach/internal/textcheck"
	"kehoach/internal/yamlx"
	"kehoach/templates"
)

var checkCmd = &Command{
	Name:      "check",
	UsageLine: "kehoach check [-sua] [-nghiem-ngat] [-j N] [-phong T,Đ,N,ĐN] [KẾ_HOẠCH|THƯ_MỤC …]",
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

Nhiều kế hoạch được kiểm tra cùng lúc trên mọi lõi CPU (-j N: N kế hoạch
một lúc; với -sua: từng kế hoạch một, vì nhiều kế hoạch có chung tệp xã);
kết quả vẫn in theo thứ tự các tệp, giống hệt khi kiểm tra lần lượt.

Mã thoát: 0 hợp lệ (có thể có cảnh báo), 1 có lỗi (với -nghiem-ngat: cả khi
còn chỗ chưa xong), 2 lỗi cách dùng hoặc lỗi đọc/ghi tệp.
`,
	Flags: func(fl *flag.FlagSet) Runner {
		fix := fl.Bool("sua", false, "sửa những lỗi chữ sửa được an toàn ngay trong tệp (giữ nguyên ghi chú)")
		alias(fl, "fix", "sua")
		strict := fl.Bool("nghiem-ngat", false, "coi các chỗ chưa xong của dự thảo (TODO, khối cần xem lại, số tiền 0, chữ để trống) là lỗi: mã thoát 1")
		alias(fl, "strict", "nghiem-ngat")
		jobs := fl.Int("j", 0, "kiểm tra cùng lúc `N` kế hoạch (mặc định: bằng số lõi CPU; với -sua: một)")
		font := fontFlag(fl)
		return func(c *Context, args []string) int {
			return runCheck(c, args, checkOptions{fix: *fix, strict: *strict, jobs: *jobs, font: font})
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
	jobs   int         // -j: plans checked at once (0: one per core)
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
	// The collector as for a build of as many plans (build.SetGC: none
	// for one plan, 400 % for more, within the memory budget).
	build.SetGC(len(files))
	if len(files) == 1 || o.fix || o.jobs == 1 {
		// One plan, -j 1, or -sua, which rewrites files that plans share
		// (a commune's xa.yaml): one after another.
		status := 0
		for _, f := range files {
			status = max(status, checkOne(f, o, family, c.Stdout, c.Stderr))
		}
		return status
	}
	return checkParallel(files, o, family, c.Stdout, c.Stderr)
}

// checkParallel checks the plans on o.jobs goroutines (0: one per core) and
// prints each plan's output, stdout and stderr in the order it was
// written, in the order of files, as soon as the plans before it are done:
// the same bytes as checking them one after another, except that the line
// saying which templates folder is in use comes first, as with build (one
// after another, it comes with the first plan that reads a template: after
// the errors of a plan before it that does not parse).
func checkParallel(files []string, o checkOptions, family *fonts.Family, stdout, stderr io.Writer) int {
	// Say the templates folder now, before any plan's output: written by
	// whichever worker read a template first, it would race the output.
	templates.ReadDir(".") //nolint:errcheck // only for the notice; a plan that needs a template says any error
	workers := o.jobs
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type result struct {
		out    recording
		status int
	}
	results := make([]chan result, len(files))
	for i := range results {
		results[i] = make(chan result, 1)
	}
	next := make(chan int)
	go func() {
		for i := range files {
			next <- i
		}
		close(next)
	}()
	for range min(workers, len(files)) {
		go func() {
			for i := range next {
				var r result
				func() {
					defer func() { // a fault of kehoach's met by one plan is that plan's error
						if p := recover(); p != nil {
							fmt.Fprintf(r.out.writer(stderr), "%s: %v\n", files[i], panics.From(p))
							r.status = 2
						}
					}()
					checkHook(files[i])
					r.status = checkOne(files[i], o, family, r.out.writer(stdout), r.out.writer(stderr))
				}()
				results[i] <- r
			}
		}()
	}
	status := 0
	for i := range files {
		r := <-results[i]
		r.out.replay()
		status = max(status, r.status)
	}
	return status
}

// checkHook is called as each plan's check starts; tests make it panic.
var checkHook = func(file string) {}

// A recording keeps what is written to several writers, in the order it
// was written, for replay.
type recording struct {
	parts []recorded
}

type recorded struct {
	to   io.Writer
	data []byte
}

// writer returns a writer whose writes the recording keeps for w.
func (r *recording) writer(w io.Writer) io.Writer { return recordingWriter{r, w} }

// replay writes what was recorded to the writers it was meant for.
func (r *recording) replay() {
	for _, p := range r.parts {
		p.to.Write(p.data) //nolint:errcheck // as checkOne's own writes to the console
	}
}

type recordingWriter struct {
	r  *recording
	to io.Writer
}

func (w recordingWriter) Write(b []byte) (int, error) {
	ps := w.r.parts
	if n := len(ps); n > 0 && ps[n-1].to == w.to {
		ps[n-1].data = append(ps[n-1].data, b...)
	} else {
		w.r.parts = append(ps, recorded{w.to, append([]byte(nil), b...)})
	}
	return len(b), nil
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
	unfinished := draft.FindLoaded(res, sev) // the bytes and trees Load read, as srcs
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
		if b := res.Source(file); b != nil {
			srcs[file] = b // as Load read it
			continue
		}
		b, err := plan.ReadFile(file)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: không đọc được tệp: %w", file, err)
		}
		srcs[file] = b
	}
	return textcheck.Check(res.Plan, srcs[res.Plan.File], srcs[res.Plan.Commune.File], toneStyle), srcs, nil
}
