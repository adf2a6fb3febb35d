// Command kehoach turns the YAML plan files of a commune into the official
// Kế hoạch documents (DOCX, PDF) laid out to Nghị định 30/2020/NĐ-CP.
//
// Exit status: 0 success, 1 an invalid plan, 2 a usage or I/O error.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"kehoach/internal/build"
	"kehoach/internal/compose"
	"kehoach/internal/fonts"
	"kehoach/internal/plan"
)

const usage = `kehoach: tạo văn bản Kế hoạch (DOCX, PDF) từ tệp kế hoạch YAML.

Cách dùng:
  kehoach build [-o THƯ_MỤC] [-j N] [-tong-ket] [-phong TỆP,TỆP,TỆP,TỆP] [KẾ_HOẠCH|THƯ_MỤC …]
        kiểm tra và tạo văn bản vào thư mục out/ (mặc định: mọi kế hoạch trong plans/);
        nhiều kế hoạch được dựng song song trên mọi lõi CPU, kèm bảng tổng kết
  kehoach check [KẾ_HOẠCH|THƯ_MỤC …]
        chỉ kiểm tra, không ghi tệp nào
  kehoach fmt [-l | -w | -d] [TỆP|THƯ_MỤC …]
        đưa tệp kế hoạch, tệp xã về định dạng chuẩn (giữ nguyên ghi chú);
        -l liệt kê tệp chưa chuẩn, -w ghi lại tệp, -d in phần khác biệt
  kehoach diff [-f text|md|json] CŨ [MỚI]
        so sánh hai phiên bản kế hoạch theo nội dung (tệp, phiên bản git như HEAD~1,
        hoặc PHIÊN_BẢN:TỆP); một tệp: so với lần commit cuối; mã thoát 0 giống, 1 khác
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
	case "check":
		return cmdCheck(args[1:], stdout, stderr)
	case "fmt":
		return cmdFmt(args[1:], stdout, stderr)
	case "diff":
		return cmdDiff(args[1:], stdout, stderr)
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

// plans expands the arguments (files or folders) into plan files.
func plans(args []string) ([]string, error) {
	if len(args) == 0 {
		args = []string{"plans"}
	}
	var out []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, fmt.Errorf("không tìm thấy “%s”; hãy kiểm tra đường dẫn", a)
		}
		if !st.IsDir() {
			out = append(out, a)
			continue
		}
		ps, err := build.FindPlans(a)
		if err != nil {
			return nil, fmt.Errorf("không đọc được thư mục %s: %v", a, err)
		}
		out = append(out, ps...)
	}
	if len(out) == 0 {
		return nil, errors.New("không có tệp kế hoạch nào (*.yaml) để xử lý")
	}
	return out, nil
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
	if err := fl.Parse(args); err != nil {
		return 2
	}
	files, err := plans(fl.Args())
	if err != nil {
		fmt.Fprintln(stderr, "kehoach check:", err)
		return 2
	}
	status := 0
	for _, f := range files {
		res, err := plan.Load(f)
		if err != nil {
			fmt.Fprintln(stderr, err)
			status = 2
			continue
		}
		report(stderr, res)
		if !res.OK() {
			if status == 0 {
				status = 1
			}
			fmt.Fprintf(stderr, "%s: %d lỗi, %d cảnh báo.\n", f, len(res.Errors), len(res.Warnings))
			continue
		}
		fmt.Fprintf(stdout, "%s: hợp lệ (%d cảnh báo).\n", f, len(res.Warnings))
	}
	return status
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
	files, err := plans(fl.Args())
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
		}
	}
	if len(results) > 1 || *summary {
		build.Summary(stdout, results, time.Since(start))
	}
	return status
}
