package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"kehoach/internal/build"
	"kehoach/internal/plan"
	"kehoach/internal/planfmt"
	"kehoach/internal/textdiff"
)

// cmdFmt: kehoach fmt [-l | -w | -d] [FILE|DIR …].
func cmdFmt(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("fmt", flag.ContinueOnError)
	fl.SetOutput(stderr)
	list := fl.Bool("l", false, "chỉ liệt kê các tệp chưa đúng định dạng chuẩn (mã thoát 1 nếu có)")
	write := fl.Bool("w", false, "ghi định dạng chuẩn vào chính tệp (giữ nguyên mọi ghi chú)")
	diff := fl.Bool("d", false, "in phần khác biệt giữa tệp và định dạng chuẩn")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	files, err := build.ExpandPaths(fl.Args(), true)
	if err != nil {
		fmt.Fprintln(stderr, "kehoach fmt:", err)
		return 2
	}
	status := 0
	for _, f := range files {
		if e := plan.NameProblem(f, true); e != nil {
			fmt.Fprintln(stderr, e)
			status = 2
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintf(stderr, "%s: không đọc được tệp: %v\n", f, err)
			status = 2
			continue
		}
		out, err := planfmt.Format(f, src)
		if err != nil {
			fmt.Fprintln(stderr, err)
			status = 2
			continue
		}
		same := string(out) == string(src)
		switch {
		case *list:
			if !same {
				fmt.Fprintln(stdout, f)
				if status == 0 {
					status = 1
				}
			}
		case *write:
			if !same {
				info, _ := os.Stat(f)
				if _, err := build.WriteAtomic(filepath.Dir(f), filepath.Base(f), out); err != nil {
					fmt.Fprintln(stderr, err)
					status = 2
					continue
				}
				if info != nil {
					os.Chmod(f, info.Mode().Perm())
				}
				if note := planfmt.StyleOf(src).Note(); note != "" {
					fmt.Fprintf(stdout, "%s: đã định dạng lại (%s).\n", f, note)
				} else {
					fmt.Fprintf(stdout, "%s: đã định dạng lại.\n", f)
				}
			}
		case *diff:
			if note := planfmt.StyleOf(src).Note(); note != "" {
				// Lines that differ in their line end alone look alike.
				fmt.Fprintf(stderr, "%s: %s.\n", f, note)
			}
			if d := textdiff.Unified(f, f+" (định dạng chuẩn)", string(src), string(out), 3); d != "" {
				fmt.Fprint(stdout, d)
				if status == 0 {
					status = 1
				}
			}
		default:
			stdout.Write(out)
		}
	}
	return status
}
