// Command kehoach turns the YAML plan files of a commune into the official
// Kế hoạch documents (DOCX, PDF) laid out to Nghị định 30/2020/NĐ-CP.
//
// Exit status: 0 success, 1 an invalid plan, 2 a usage or I/O error.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"kehoach/internal/build"
	"kehoach/internal/compose"
	"kehoach/internal/fonts"
	"kehoach/internal/issue"
	"kehoach/internal/manifest"
	"kehoach/internal/plan"
	"kehoach/internal/planfmt"
	"kehoach/internal/rollover"
	"kehoach/internal/schema"
	"kehoach/internal/textcheck"
	"kehoach/internal/textconv"
	"kehoach/internal/vntext"
)

const usage = `kehoach: tạo văn bản Kế hoạch (DOCX, PDF) từ tệp kế hoạch YAML.

Cách dùng:
  kehoach build [-o THƯ_MỤC] [-j N] [-tong-ket] [-phong TỆP,TỆP,TỆP,TỆP] [KẾ_HOẠCH|THƯ_MỤC …]
        kiểm tra và tạo văn bản vào thư mục out/ (mặc định: mọi kế hoạch trong plans/);
        nhiều kế hoạch được dựng song song trên mọi lõi CPU, kèm bảng tổng kết
  kehoach watch [-o THƯ_MỤC] [-phong TỆP,TỆP,TỆP,TỆP] [KẾ_HOẠCH|THƯ_MỤC …]
        dựng lại văn bản mỗi lần tệp kế hoạch, tệp xã hay mẫu trong templates/ được lưu
        (để trình xem PDF tự tải lại); Enter: dựng lại ngay; Ctrl+C: dừng
  kehoach check [-fix] [KẾ_HOẠCH|THƯ_MỤC …]
        kiểm tra nội dung và chính tả, không ghi tệp nào; -fix sửa ngay trong tệp
        những lỗi chữ sửa được an toàn (giữ nguyên ghi chú)
  kehoach fmt [-l | -w | -d] [TỆP|THƯ_MỤC …]
        đưa tệp kế hoạch, tệp xã về định dạng chuẩn (giữ nguyên ghi chú);
        -l liệt kê tệp chưa chuẩn, -w ghi lại tệp, -d in phần khác biệt
  kehoach diff [-f text|md|json] CŨ [MỚI]
        so sánh hai phiên bản kế hoạch theo nội dung (tệp, phiên bản git như HEAD~1,
        hoặc PHIÊN_BẢN:TỆP); một tệp: so với lần commit cuối; mã thoát 0 giống, 1 khác
  kehoach new --from KẾ_HOẠCH_CŨ NĂM [-o TỆP]
        tạo dự thảo kế hoạch năm mới từ kế hoạch năm trước (không ghi đè tệp đã có)
  kehoach issue KẾ_HOẠCH --so SỐ --ngay NGÀY
        ban hành: ghi số và ngày (2025-08-05 hoặc 05/08/2025) vào kế hoạch đã ký;
        từ chối nếu đã ban hành, ngày ngoài năm kế hoạch, số đã dùng trong năm
  kehoach print [-o THƯ_MỤC] [KẾ_HOẠCH|THƯ_MỤC …]
        số bản cần in và số bản gửi từng nơi nhận; -o ghi thêm sổ phát hành (CSV, PDF)
  kehoach schema [-o THƯ_MỤC] | kehoach schema ke-hoach|xa
        ghi lược đồ JSON của tệp kế hoạch và tệp xã (mặc định vào schema/) để VS Code gợi ý
        khóa và báo lỗi khi gõ; ke-hoach hoặc xa: in một lược đồ ra màn hình
  kehoach text TỆP
        in chữ của tệp .docx, .xlsx, .pdf do kehoach tạo (git diff dùng lệnh này, xem make git-setup)
  kehoach giay-phep
        in giấy phép của phông chữ Liberation Serif đi kèm
  kehoach help
        in hướng dẫn này

Mã thoát: 0 thành công, 1 kế hoạch có lỗi, 2 lỗi cách dùng hoặc lỗi đọc/ghi tệp.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if err := sourceDate(); err != nil {
		fmt.Fprintln(stderr, "kehoach:", err)
		return 2
	}
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "build":
		return cmdBuild(args[1:], stdout, stderr)
	case "watch":
		return cmdWatch(args[1:], stdout, stderr)
	case "check":
		return cmdCheck(args[1:], stdout, stderr)
	case "fmt":
		return cmdFmt(args[1:], stdout, stderr)
	case "diff":
		return cmdDiff(args[1:], stdout, stderr)
	case "issue":
		return issue.Run(args[1:], stdout, stderr)
	case "print":
		return manifest.Run(args[1:], stdout, stderr)
	case "new":
		return rollover.Run(args[1:], stdout, stderr)
	case "schema":
		return schema.Run(args[1:], stdout, stderr)
	case "text":
		return textconv.Run(args[1:], stdout, stderr)
	case "giay-phep", "license":
		fmt.Fprint(stdout, fonts.License)
		return 0
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "kehoach: không có lệnh “%s”.\n\n%s", args[0], usage)
	return 2
}

// sourceDate reads SOURCE_DATE_EPOCH (reproducible builds) for drafts.
func sourceDate() error {
	s := os.Getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		return nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return fmt.Errorf("SOURCE_DATE_EPOCH=%q không phải là số giây; hãy bỏ biến này hoặc đặt một số nguyên", s)
	}
	t := time.Unix(n, 0).UTC()
	compose.SetSourceDate(&t)
	return nil
}

// pdfOutput is the PDF a build wrote, which layout warnings refer to.
func pdfOutput(r *build.Result) string {
	for _, o := range r.Outputs {
		if strings.HasSuffix(o.Path, ".pdf") {
			return o.Path
		}
	}
	return r.Plan
}

func report(w io.Writer, res *plan.Result) {
	for _, e := range res.Errors {
		fmt.Fprintln(w, e.Error())
	}
	for _, e := range res.Warnings {
		fmt.Fprintln(w, e.Error()+" (cảnh báo)")
	}
}

func cmdCheck(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("check", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fix := fl.Bool("fix", false, "sửa những lỗi chữ sửa được an toàn ngay trong tệp (giữ nguyên ghi chú)")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	files, err := build.ExpandPaths(fl.Args(), false)
	if err != nil {
		fmt.Fprintln(stderr, "kehoach check:", err)
		return 2
	}
	status := 0
	for _, f := range files {
		st := checkOne(f, *fix, stdout, stderr)
		if st > status {
			status = st
		}
	}
	return status
}

// checkOne validates one plan and checks its text; with fix, it applies the
// safe fixes first and reports what remains.
func checkOne(f string, fix bool, stdout, stderr io.Writer) int {
	res, err := plan.Load(f)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	if !res.OK() {
		report(stderr, res)
		fmt.Fprintf(stderr, "%s: %d lỗi, %d cảnh báo.\n", f, len(res.Errors), len(res.Warnings))
		return 1
	}
	findings, srcs, err := textFindings(res)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	if fix {
		n := 0
		for _, file := range []string{res.Plan.File, res.Plan.Commune.File} {
			out, applied, err := textcheck.Fix(file, srcs[file], findings)
			if err != nil {
				fmt.Fprintln(stderr, err)
				return 2
			}
			if applied > 0 && !bytes.Equal(out, srcs[file]) {
				if _, err := build.WriteAtomic(filepath.Dir(file), filepath.Base(file), out); err != nil {
					fmt.Fprintln(stderr, err)
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
			if res, err = plan.Load(f); err != nil || !res.OK() {
				if res != nil {
					report(stderr, res)
				}
				return 1
			}
			if findings, _, err = textFindings(res); err != nil {
				fmt.Fprintln(stderr, err)
				return 2
			}
		}
	}
	var errs, warns []textcheck.Finding
	for _, x := range findings {
		if x.Severity == vntext.Error {
			errs = append(errs, x)
		} else {
			warns = append(warns, x)
		}
	}
	for _, e := range res.Errors {
		fmt.Fprintln(stderr, e.Error())
	}
	if len(errs) > 0 {
		fmt.Fprintln(stderr, "Lỗi:")
		for _, x := range errs {
			fmt.Fprintln(stderr, x.String())
		}
	}
	if len(warns)+len(res.Warnings) > 0 {
		fmt.Fprintln(stderr, "Cảnh báo:")
		for _, w := range res.Warnings {
			fmt.Fprintln(stderr, w.Error())
		}
		for _, x := range warns {
			fmt.Fprintln(stderr, x.String())
		}
	}
	fixable := 0
	for _, x := range findings {
		if x.Fix != nil {
			fixable++
		}
	}
	hint := ""
	if fixable > 0 && !fix {
		hint = fmt.Sprintf(" %d lỗi sửa tự động được: chạy kehoach check -fix %s.", fixable, f)
	}
	if len(errs) > 0 {
		fmt.Fprintf(stderr, "%s: %d lỗi chữ, %d cảnh báo.%s\n", f, len(errs), len(warns)+len(res.Warnings), hint)
		return 1
	}
	fmt.Fprintf(stdout, "%s: hợp lệ (%d cảnh báo).%s\n", f, len(warns)+len(res.Warnings), hint)
	return 0
}

// textFindings reads the plan's and commune's files and checks their text.
func textFindings(res *plan.Result) ([]textcheck.Finding, map[string][]byte, error) {
	srcs := map[string][]byte{}
	for _, file := range []string{res.Plan.File, res.Plan.Commune.File} {
		b, err := os.ReadFile(file)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: không đọc được tệp: %v", file, err)
		}
		srcs[file] = b
	}
	return textcheck.Check(res.Plan, srcs[res.Plan.File], srcs[res.Plan.Commune.File], res.Profile), srcs, nil
}

func cmdBuild(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("build", flag.ContinueOnError)
	fl.SetOutput(stderr)
	out := fl.String("o", "out", "thư mục ghi kết quả")
	jobs := fl.Int("j", 0, "số kế hoạch dựng cùng lúc (mặc định: số lõi CPU)")
	summary := fl.Bool("tong-ket", false, "in bảng tổng kết cả khi chỉ có một kế hoạch")
	fontFiles := fl.String("phong", "", "bốn tệp phông TTF (thường, đậm, nghiêng, đậm nghiêng) cách nhau bởi dấu phẩy; mặc định tìm Times New Roman trong máy, không có thì dùng Liberation Serif đi kèm")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	var paths [4]string
	if *fontFiles != "" {
		parts := strings.Split(*fontFiles, ",")
		if len(parts) != 4 {
			fmt.Fprintln(stderr, "kehoach build: -phong cần đúng bốn tệp: thường, đậm, nghiêng, đậm nghiêng")
			return 2
		}
		copy(paths[:], parts)
	}
	font, err := fonts.Select(paths)
	if err != nil {
		fmt.Fprintln(stderr, "kehoach build:", err)
		return 2
	}
	files, err := build.ExpandPaths(fl.Args(), false)
	if err != nil {
		fmt.Fprintln(stderr, "kehoach build:", err)
		return 2
	}
	fmt.Fprintf(stdout, "Phông chữ: %s.\n", font.Source)
	var progress func(int, int, *build.Result)
	if isTerminal(stderr) && len(files) > 1 {
		progress = build.Progress(stderr)
	}
	start := time.Now()
	build.CleanStale(*out)
	if len(files) > 1 {
		// Many plans: collect garbage less often but never let the heap
		// pass the memory budget (README: under 200 MB for any count).
		debug.SetGCPercent(400)
		debug.SetMemoryLimit(150 << 20)
	}
	results := build.Batch(files, build.Options{OutDir: *out, Font: font}, *jobs, progress)
	status := 0
	for _, r := range results {
		if r.Load != nil {
			report(stderr, r.Load)
		}
		switch {
		case r.Err != nil:
			fmt.Fprintln(stderr, r.Err)
			status = 2
		case r.Load != nil && !r.Load.OK():
			fmt.Fprintf(stderr, "%s: %d lỗi, không tạo văn bản.\n", r.Plan, len(r.Load.Errors))
			if status == 0 {
				status = 1
			}
		default:
			for _, o := range r.Outputs {
				fmt.Fprintf(stdout, "%s → %s (%s KB)\n", r.Plan, o.Path, strconv.Itoa((o.Bytes+1023)/1024))
			}
			for _, p := range r.Annex {
				fmt.Fprintf(stderr, "%s: %s [cot-hep] (cảnh báo)\n", r.Plan, p.Message())
			}
			for _, p := range r.Layout {
				fmt.Fprintf(stderr, "%s: %s [%s] (cảnh báo: xem trang này trước khi in)\n", pdfOutput(r), p.Message(), p.Code)
			}
		}
	}
	if len(results) > 1 || *summary {
		build.Summary(stdout, results, time.Since(start))
	}
	return status
}
