package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"kehoach/internal/testkit"
)

// check -j N checks plans at once and prints exactly what checking them one
// after another (-j 1) prints: the same bytes on stdout and stderr, the
// two interleaved as they were (one writer for both), each plan's summary
// in the order of the files, the same exit status. The plans are every
// corpus plan with, among them, one with a wrong total (errors), one whose
// YAML does not parse and one with a spelling slip and unfinished parts
// (warnings).
func TestCheckJobsSameAsSequential(t *testing.T) {
	plans := testkit.CorpusPlans(t)
	wrongTotal := copyPlan(t, func(s string) string {
		return strings.Replace(s, "    - ma: long-ghep\n      ten: Vốn lồng ghép\n", "    - ma: long-ghep\n      ten: Vốn lồng ghép\n      tong: 2256\n", 1)
	})
	slip := copyPlan(t, func(s string) string {
		return strings.Replace(s, "vùng sản xuất hàng hóa", "vùng sản suất hàng hóa", 1) + "# TODO: kiểm tra\n"
	})
	broken := filepath.Join(t.TempDir(), "2025.yaml")
	if err := os.WriteFile(broken, []byte("nam: [2025\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	files := slices.Clone(plans[:3])
	files = append(files, wrongTotal, broken)
	files = append(files, plans[3:len(plans)-2]...)
	files = append(files, slip)
	files = append(files, plans[len(plans)-2:]...)

	check := func(flags ...string) (int, string, string, string) {
		args := append(append([]string{"check"}, flags...), files...)
		var both bytes.Buffer
		code := run(args, &both, &both)
		c2, out, errs := runArgs(args...)
		if c2 != code {
			t.Errorf("%v: exit %d, then %d", flags, code, c2)
		}
		return code, both.String(), out, errs
	}
	code, both, out, errs := check("-j", "1")
	if code != 1 {
		t.Errorf("-j 1: exit %d, want 1 (a plan has errors)", code)
	}
	// Each plan's summary, in the order of the files.
	at := -1
	for _, f := range files {
		i := strings.Index(both, f+": ")
		if i < 0 {
			t.Fatalf("-j 1: no summary of %s in\n%s", f, both)
		}
		if i < at {
			t.Errorf("-j 1: %s reported before the plan given before it", f)
		}
		at = i
	}
	for _, want := range []string{"2.256 ≠ 2.556", "lỗi cú pháp YAML", "“sản suất”", "TODO"} {
		if !strings.Contains(both, want) {
			t.Errorf("-j 1: output lacks %q", want)
		}
	}
	for _, flags := range [][]string{{"-j", "2"}, {"-j", "3"}, {"-j", "16"}, nil} {
		t.Run(fmt.Sprint(flags), func(t *testing.T) {
			c, b, o, e := check(flags...)
			if c != code {
				t.Errorf("exit %d, -j 1 gave %d", c, code)
			}
			for _, x := range []struct{ what, got, want string }{{"stdout and stderr", b, both}, {"stdout", o, out}, {"stderr", e, errs}} {
				if x.got != x.want {
					g, w := strings.Split(x.got, "\n"), strings.Split(x.want, "\n")
					for i := range min(len(g), len(w)) {
						if g[i] != w[i] {
							t.Errorf("%s differs from -j 1 at line %d:\n got: %s\nwant: %s", x.what, i+1, g[i], w[i])
							break
						}
					}
					t.Errorf("%s: %d lines, -j 1 gave %d", x.what, len(g), len(w))
				}
			}
		})
	}
}
