package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"kehoach/internal/gitrev"
	"kehoach/internal/plan"
	"kehoach/internal/plandiff"
)

// isTerminal reports whether w is a terminal (for colours).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
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

// cmdDiff: kehoach diff [-f text|md|json] CŨ [MỚI]. Exit 0 equal, 1 different,
// 2 error, like diff.
func cmdDiff(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("diff", flag.ContinueOnError)
	fl.SetOutput(stderr)
	format := fl.String("f", "text", "định dạng: text (màu khi in ra màn hình), md (Markdown cho merge request), json")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	pairs, err := diffPairs(fl.Args())
	if err != nil {
		fmt.Fprintln(stderr, "kehoach diff:", err)
		return 2
	}
	status := 0
	for _, p := range pairs {
		a, err := loadSource(p[0])
		if err != nil {
			fmt.Fprintln(stderr, "kehoach diff:", err)
			return 2
		}
		b, err := loadSource(p[1])
		if err != nil {
			fmt.Fprintln(stderr, "kehoach diff:", err)
			return 2
		}
		r := plandiff.Compare(a, b)
		switch *format {
		case "text":
			fmt.Fprint(stdout, r.Text(isTerminal(stdout)))
		case "md":
			fmt.Fprint(stdout, r.Markdown())
		case "json":
			j, err := r.JSON()
			if err != nil {
				fmt.Fprintln(stderr, "kehoach diff:", err)
				return 2
			}
			stdout.Write(append(j, '\n'))
		default:
			fmt.Fprintf(stderr, "kehoach diff: định dạng “%s” không có; hãy dùng text, md hoặc json\n", *format)
			return 2
		}
		if !r.Equal() {
			status = 1
		}
	}
	return status
}
