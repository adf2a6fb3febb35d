package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// vietnamese matches a letter only Vietnamese text has.
var vietnamese = regexp.MustCompile(`[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]`)

// english are bits of the flag package's own English that must never show.
var english = []string{"Usage of", "usage:", "(default", "flag provided", "flag needs", "invalid value", "invalid boolean", " value\n", "-value", "string\n", " int\n"}

func runArgs(args ...string) (int, string, string) {
	var o, e bytes.Buffer
	code := run(args, &o, &e)
	return code, o.String(), e.String()
}

// fitsConsole checks that every line but the usage lines fits an
// 80-column console.
func fitsConsole(t *testing.T, s string) {
	t.Helper()
	for _, l := range strings.Split(s, "\n") {
		if utf8.RuneCountInString(l) > 80 && !strings.HasPrefix(l, "Cách dùng: kehoach ") && !strings.HasPrefix(l, "  kehoach ") {
			t.Errorf("line of %d characters: %s", utf8.RuneCountInString(l), l)
		}
	}
}

func noEnglish(t *testing.T, what, s string) {
	t.Helper()
	for _, w := range english {
		if strings.Contains(s, w) {
			t.Errorf("%s has the English %q:\n%s", what, w, s)
		}
	}
}

// Every command's help, however asked for, is the same Vietnamese text:
// the usage line, the long help, every flag with its value and default.
func TestCommandHelp(t *testing.T) {
	for _, cmd := range commands {
		var want string
		for _, args := range [][]string{
			{"help", cmd.Name},
			{cmd.Name, "-h"},
			{cmd.Name, "-help"},
			{cmd.Name, "--help"},
			{cmd.Name, "/?"},
			{cmd.Name, "-?"},
			{cmd.Name, "plans", "/?"},
		} {
			t.Run(strings.Join(args, " "), func(t *testing.T) {
				code, stdout, stderr := runArgs(args...)
				if code != 0 || stderr != "" {
					t.Fatalf("exit %d, stderr %q", code, stderr)
				}
				if want == "" {
					want = stdout
				} else if stdout != want {
					t.Errorf("help differs from kehoach help %s:\n%s", cmd.Name, stdout)
				}
				if !strings.HasPrefix(stdout, "Cách dùng: "+cmd.UsageLine+"\n\n") {
					t.Errorf("help does not start with the usage line:\n%s", stdout)
				}
				if !strings.Contains(stdout, strings.TrimSpace(cmd.Long)) || !vietnamese.MatchString(stdout) {
					t.Errorf("help lacks the long Vietnamese text:\n%s", stdout)
				}
				noEnglish(t, "help", stdout)
				fitsConsole(t, stdout)
				fl := newFlagSet(cmd.Name)
				cmd.Flags(fl)
				fl.VisitAll(func(f *flag.Flag) {
					if !strings.Contains(stdout, "\n  "+cmd.dashed(f.Name)) {
						t.Errorf("help does not list %s:\n%s", cmd.dashed(f.Name), stdout)
					}
				})
			})
		}
	}
	_, build, _ := runArgs("help", "build")
	for _, want := range []string{
		"\nTùy chọn:\n  -j N\n        dựng cùng lúc N kế hoạch (mặc định: bằng số lõi CPU)\n",
		"\n  -o THƯ_MỤC\n        ghi kết quả vào THƯ_MỤC (mặc định: out)\n",
		"\n  -tong-ket\n        in bảng tổng kết cả khi chỉ có một kế hoạch\n",
		"\n  -phong T,Đ,N,ĐN\n",
	} {
		if !strings.Contains(build, want) {
			t.Errorf("kehoach help build lacks %q:\n%s", want, build)
		}
	}
	if _, issue, _ := runArgs("issue", "-h"); !strings.Contains(issue, "\n  --so SỐ\n") || !strings.Contains(issue, "\n  --ngay NGÀY\n") {
		t.Errorf("issue's flags are not written as its usage line writes them:\n%s", issue)
	}
}

// kehoach help, -h, /? print the list of commands on stdout; with no
// arguments the list goes to stderr with exit status 2.
func TestMainHelp(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"-h"}, {"--help"}, {"/?"}, {"-?"}, {"help", "help"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code, stdout, stderr := runArgs(args...)
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			if !strings.HasPrefix(stdout, "kehoach: tạo văn bản Kế hoạch") {
				t.Errorf("not the main help:\n%s", stdout)
			}
			for _, cmd := range commands {
				if !strings.Contains(stdout, "\n  "+cmd.UsageLine+"\n") {
					t.Errorf("main help lacks %q", cmd.UsageLine)
				}
			}
			noEnglish(t, "help", stdout)
			fitsConsole(t, stdout)
		})
	}
	code, stdout, stderr := runArgs()
	if code != 2 || stdout != "" || !strings.HasPrefix(stderr, "kehoach: tạo văn bản Kế hoạch") {
		t.Errorf("no arguments: exit %d, stdout %q, stderr %.80q", code, stdout, stderr)
	}
	_, help, _ := runArgs("help")
	if stderr != help {
		t.Error("no arguments does not print the help")
	}
}

// Usage errors are Vietnamese, name the command, show its usage line and
// where the help is, and exit 2 — the same for every command.
func TestUsageErrors(t *testing.T) {
	for _, cmd := range commands {
		t.Run(cmd.Name+" -x", func(t *testing.T) {
			code, stdout, stderr := runArgs(cmd.Name, "-x")
			want := "kehoach " + cmd.Name + ": không có tùy chọn “-x”; các tùy chọn của lệnh " + cmd.Name + ": "
			tail := "\nCách dùng: " + cmd.UsageLine + "\nHướng dẫn đầy đủ: kehoach help " + cmd.Name + "\n"
			if code != 2 || stdout != "" || !strings.HasPrefix(stderr, want) || !strings.HasSuffix(stderr, tail) {
				t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant %q … %q", code, stdout, stderr, want, tail)
			}
		})
	}
	for _, tc := range []struct {
		args   []string
		status int
		stderr string
	}{
		{[]string{"build", "-o"}, 2, "kehoach build: tùy chọn -o cần một giá trị (THƯ_MỤC)\nCách dùng: kehoach build "},
		{[]string{"build", "-j", "hai"}, 2, "kehoach build: giá trị “hai” của tùy chọn -j không hợp lệ: cần một số nguyên, ví dụ 4\n"},
		{[]string{"check", "-fix=co"}, 2, "kehoach check: giá trị “co” của tùy chọn -fix không hợp lệ: hãy bỏ giá trị (chỉ ghi tên tùy chọn), hoặc ghi =true, =false\n"},
		{[]string{"issue", "kh.yaml", "--so"}, 2, "kehoach issue: tùy chọn --so cần một giá trị (SỐ)\n"},
		{[]string{"fmt", "---l"}, 2, "kehoach fmt: tùy chọn “---l” viết sai; hãy viết -TÊN hoặc -TÊN=GIÁ_TRỊ\n"},
		{[]string{"text"}, 2, "kehoach text: cần đúng một tệp.\nCách dùng: kehoach text TỆP\nHướng dẫn đầy đủ: kehoach help text\n"},
		{[]string{"text", "a.pdf", "b.pdf"}, 2, "kehoach text: cần đúng một tệp.\n"},
		{[]string{"giay-phep", "x"}, 2, "kehoach giay-phep: lệnh này không nhận đối số “x”.\n"},
		{[]string{"diff", "-f", "html", "a.yaml", "b.yaml"}, 2, "kehoach diff: định dạng “html” không có; hãy dùng text, md hoặc json\n"},
		{[]string{"diff"}, 2, "kehoach diff: cần một hoặc hai đối số: kehoach diff CŨ MỚI\n"},
		{[]string{"help", "xay"}, 2, "kehoach help: không có lệnh “xay”"},
		{[]string{"help", "buld"}, 2, "kehoach help: không có lệnh “buld”; có phải ý bạn là “build”?; các lệnh: build, watch, check, fmt, diff, new, issue, print, schema, text, giay-phep.\n"},
		{[]string{"help", "build", "check"}, 2, "kehoach help: chỉ ghi một lệnh, ví dụ kehoach help build.\n"},
		{[]string{"buld"}, 2, "kehoach: không có lệnh “buld”; có phải ý bạn là “build”?.\n\nkehoach: tạo văn bản Kế hoạch"},
		{[]string{"2025.yaml"}, 2, "kehoach: không có lệnh “2025.yaml”; để tạo văn bản từ tệp này: kehoach build 2025.yaml.\n"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, stdout, stderr := runArgs(tc.args...)
			if code != tc.status || stdout != "" || !strings.HasPrefix(stderr, tc.stderr) {
				t.Errorf("exit %d (want %d), stdout %q, stderr:\n%s\nwant prefix:\n%s", code, tc.status, stdout, stderr, tc.stderr)
			}
			noEnglish(t, "stderr", stderr)
		})
	}
}

func TestParseInterleaved(t *testing.T) {
	for _, tc := range []struct {
		args      []string
		pos       string
		o         string
		fix       bool
		wantError bool
	}{
		{[]string{"a", "b"}, "a b", "", false, false},
		{[]string{"-o", "x", "a", "b"}, "a b", "x", false, false},
		{[]string{"a", "-o", "x", "b", "-fix"}, "a b", "x", true, false},
		{[]string{"a", "b", "-o=x"}, "a b", "x", false, false},
		{[]string{"-fix", "--", "-o", "x"}, "-o x", "", true, false},
		{[]string{"a", "--", "-fix"}, "a -fix", "", false, false},
		{[]string{"-", "-fix"}, "-", "", true, false},
		{[]string{"a", "-o"}, "", "", false, true},
	} {
		fl := newFlagSet("t")
		o := fl.String("o", "", "")
		fix := fl.Bool("fix", false, "")
		pos, err := parseInterleaved(fl, tc.args)
		if (err != nil) != tc.wantError || strings.Join(pos, " ") != tc.pos || *o != tc.o || *fix != tc.fix {
			t.Errorf("%q: pos %q, -o %q, -fix %v, err %v; want %q, %q, %v, error %v", tc.args, pos, *o, *fix, err, tc.pos, tc.o, tc.fix, tc.wantError)
		}
	}
}

// Flags after the file arguments work for every command as before them.
func TestFlagsAfterArguments(t *testing.T) {
	good := copyPlan(t, nil)
	dir := t.TempDir()
	issued := copyPlan(t, nil)
	for _, tc := range []struct {
		first, last []string
	}{
		{[]string{"build", "-o", filepath.Join(dir, "b"), good}, []string{"build", good, "-o", filepath.Join(dir, "b")}},
		{[]string{"check", "-fix", good}, []string{"check", good, "-fix"}},
		{[]string{"fmt", "-l", good}, []string{"fmt", good, "-l"}},
		{[]string{"diff", "-f", "json", good, good}, []string{"diff", good, good, "-f", "json"}},
		{[]string{"print", "-o", filepath.Join(dir, "p"), good}, []string{"print", good, "-o", filepath.Join(dir, "p")}},
		{[]string{"schema", "-o", filepath.Join(dir, "s"), "xa"}, []string{"schema", "xa", "-o", filepath.Join(dir, "s")}},
		{[]string{"new", "--from", good, "-o", filepath.Join(dir, "n", "2026.yaml"), "2026"}, nil},
		{[]string{"issue", "--so", "1", "--ngay", "2025-08-05", issued}, []string{"issue", issued, "--so", "1", "--ngay", "2025-08-05"}},
	} {
		t.Run(strings.Join(tc.first, " "), func(t *testing.T) {
			code, stdout, stderr := runArgs(tc.first...)
			if tc.first[0] == "new" {
				os.MkdirAll(filepath.Join(dir, "n"), 0o755)
				os.Remove(filepath.Join(dir, "n", "2026.yaml"))
				code, stdout, stderr = runArgs("new", "2026", "-o", filepath.Join(dir, "n", "2026.yaml"), "--from", good)
				if code != 0 {
					t.Errorf("new with the year first: exit %d\n%s", code, stderr)
				}
				return
			}
			code2, stdout2, stderr2 := runArgs(tc.last...)
			if tc.first[0] == "issue" { // issuing twice is refused
				if code != 0 || code2 != 1 || !strings.Contains(stderr2, "không ban hành lại") {
					t.Errorf("issue: exit %d then %d\n%s%s", code, code2, stderr, stderr2)
				}
				return
			}
			if code != code2 || stdout != stdout2 || stderr != stderr2 {
				t.Errorf("flags first: exit %d\n%s%s\nflags last: exit %d\n%s%s", code, stdout, stderr, code2, stdout2, stderr2)
			}
			if code == 2 {
				t.Errorf("usage error: %s", stderr)
			}
		})
	}
}
