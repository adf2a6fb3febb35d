package main

import (
	"os"
	"strings"
	"testing"

	"kehoach/internal/planfmt"
	"kehoach/internal/textdiff"
)

// fmt's -l, -w and -d combine as gofmt's do: on a messy plan each one
// given does its part (list printed, diff printed, content written) and
// the others do not; the exit status is 1 when a file is left unformatted.
func TestFmtCombinations(t *testing.T) {
	messy := func(s string) string {
		return strings.Replace(s, "xa: xa.yaml\nnam: 2025\n", "nam: 2025 # năm kế hoạch\nxa: xa.yaml\n", 1)
	}
	for _, tc := range []struct {
		flags               []string
		list, diff, written bool
		status              int
	}{
		{[]string{"-l"}, true, false, false, 1},
		{[]string{"-d"}, false, true, false, 1},
		{[]string{"-w"}, false, false, true, 0},
		{[]string{"-l", "-d"}, true, true, false, 1},
		{[]string{"-l", "-w"}, true, false, true, 0},
		{[]string{"-d", "-w"}, false, true, true, 0},
		{[]string{"-l", "-w", "-d"}, true, true, true, 0},
		{[]string{"-w", "-l"}, true, false, true, 0},
	} {
		t.Run(strings.Join(tc.flags, " "), func(t *testing.T) {
			path := copyPlan(t, messy)
			src, _ := os.ReadFile(path)
			formatted, err := planfmt.Format(path, src)
			if err != nil {
				t.Fatal(err)
			}
			// The flags after the file, as any command takes them.
			code, stdout, stderr := runArgs(append([]string{"fmt", path}, tc.flags...)...)
			if code != tc.status || stderr != "" {
				t.Fatalf("exit %d (want %d), stderr %q", code, tc.status, stderr)
			}
			var want string
			if tc.list {
				want += path + "\n"
			}
			if tc.diff {
				want += textdiff.Unified(path, path+" (định dạng chuẩn)", string(src), string(formatted), 3)
			}
			if tc.written && !tc.list {
				want += path + ": đã định dạng lại.\n"
			}
			if stdout != want {
				t.Errorf("stdout:\n%s\nwant:\n%s", stdout, want)
			}
			if tc.diff && !strings.Contains(stdout, "-nam: 2025 # năm kế hoạch\n") {
				t.Errorf("the diff lacks the moved line:\n%s", stdout)
			}
			got, _ := os.ReadFile(path)
			if tc.written != (string(got) == string(formatted)) || !tc.written && string(got) != string(src) {
				t.Errorf("file written: %v, want %v:\n%.200s", string(got) == string(formatted), tc.written, got)
			}
			// Once formatted, or untouched: the flags again say so.
			again, stdout, _ := runArgs(append([]string{"fmt", path}, tc.flags...)...)
			if tc.written && (again != 0 || stdout != "") {
				t.Errorf("on the formatted file: exit %d, stdout %q", again, stdout)
			}
		})
	}
}
