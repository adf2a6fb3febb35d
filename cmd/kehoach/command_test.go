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
					listed := strings.Contains(stdout, "\n  "+cmd.dashed(f.Name)+"\n") || strings.Contains(stdout, "\n  "+cmd.dashed(f.Name)+" ")
					if aliasOf(f) == "" && !listed {
						t.Errorf("help does not list %s:\n%s", cmd.dashed(f.Name), stdout)
					}
					if aliasOf(f) != "" && listed {
						t.Errorf("help lists the old spelling %s:\n%s", cmd.dashed(f.Name), stdout)
					}
				})
			})
		}
	}
	_, build, _ := runArgs("help", "build")
	for _, want := range []string{
		"\nTùy chọn:\n  -ban-trinh\n        tạo bản trình lãnh đạo xem xét (có lý do từng mục, tên tệp\n        …-ban-trinh.docx, .pdf) thay cho văn bản\n",
		"\n  -j N\n        dựng cùng lúc N kế hoạch (mặc định: bằng số lõi CPU)\n",
		"\n  -o THƯ_MỤC\n        ghi kết quả vào THƯ_MỤC (mặc định: out)\n",
		"\n  -tong-ket\n        in bảng tổng kết cả khi chỉ có một kế hoạch\n",
		"\n  -phong T,Đ,N,ĐN\n",
	} {
		if !strings.Contains(build, want) {
			t.Errorf("kehoach help build lacks %q:\n%s", want, build)
		}
	}
	if _, fmtHelp, _ := runArgs("fmt", "-h"); !strings.HasPrefix(fmtHelp, "Cách dùng: kehoach fmt [-l] [-w] [-d] [TỆP|THƯ_MỤC …]\n") {
		t.Errorf("fmt's usage line does not say -l, -w, -d combine:\n%s", fmtHelp)
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
		{[]string{"build", "plans", "-tong-kt"}, 2, "kehoach build: không có tùy chọn “-tong-kt”; các tùy chọn của lệnh build: -ban-trinh, -dien-tu, -gan-the, -j, -luu-tru, -o, -phong, -tong-ket; có phải ý bạn là “-tong-ket”?\nCách dùng: "},
		{[]string{"check", "-fx"}, 2, "kehoach check: không có tùy chọn “-fx”; các tùy chọn của lệnh check: -j, -nghiem-ngat, -phong, -sua\nCách dùng: "},
		{[]string{"check", "-fixx"}, 2, "kehoach check: không có tùy chọn “-fixx”; các tùy chọn của lệnh check: -j, -nghiem-ngat, -phong, -sua; có phải ý bạn là “-sua”?\n"},
		{[]string{"new", "2026", "--form", "a.yaml"}, 2, "kehoach new: không có tùy chọn “--form”; các tùy chọn của lệnh new: -o, -tep, --tu; có phải ý bạn là “--tu”?\n"},
		{[]string{"diff", "a", "-x"}, 2, "kehoach diff: không có tùy chọn “-x”; các tùy chọn của lệnh diff: -f, -tep\nCách dùng: "},
		{[]string{"build", "-ban-trinh", "-dien-tu", "plans"}, 2, "kehoach build: không dùng -ban-trinh cùng -dien-tu: bản trình lãnh đạo không ban hành nên không có bản điện tử; hãy chạy hai lệnh riêng\n"},
		{[]string{"build", "-ban-trinh", "-luu-tru", "plans"}, 2, "kehoach build: không dùng -ban-trinh cùng -luu-tru: bản trình lãnh đạo không ban hành nên không lưu trữ; hãy chạy hai lệnh riêng\n"},
		{[]string{"build", "-luu-tru=3a", "plans"}, 2, "kehoach build: giá trị “3a” của tùy chọn -luu-tru không hợp lệ: kehoach không tạo được PDF/A mức “3a”; hãy dùng -luu-tru (PDF/A-2b) hoặc -luu-tru=1b (PDF/A-1b)\nCách dùng: "},
		{[]string{"build", "-o"}, 2, "kehoach build: tùy chọn -o cần một giá trị (THƯ_MỤC)\nCách dùng: kehoach build "},
		{[]string{"build", "-j", "hai"}, 2, "kehoach build: giá trị “hai” của tùy chọn -j không hợp lệ: cần một số nguyên, ví dụ 4\n"},
		{[]string{"watch", "plans", "-j", "hai"}, 2, "kehoach watch: giá trị “hai” của tùy chọn -j không hợp lệ: cần một số nguyên, ví dụ 4\n"},
		{[]string{"check", "-fix=co"}, 2, "kehoach check: giá trị “co” của tùy chọn -fix không hợp lệ: hãy bỏ giá trị (chỉ ghi tên tùy chọn), hoặc ghi =true, =false\n"},
		{[]string{"issue", "kh.yaml", "--so"}, 2, "kehoach issue: tùy chọn --so cần một giá trị (SỐ)\n"},
		{[]string{"fmt", "---l"}, 2, "kehoach fmt: tùy chọn “---l” viết sai; hãy viết -TÊN hoặc -TÊN=GIÁ_TRỊ\n"},
		{[]string{"text"}, 2, "kehoach text: cần đúng một tệp.\nCách dùng: kehoach text TỆP\nHướng dẫn đầy đủ: kehoach help text\n"},
		{[]string{"text", "a.pdf", "b.pdf"}, 2, "kehoach text: cần đúng một tệp.\n"},
		{[]string{"giay-phep", "x"}, 2, "kehoach giay-phep: lệnh này không nhận đối số “x”.\n"},
		{[]string{"diff", "-f", "html", "a.yaml", "b.yaml"}, 2, "kehoach diff: định dạng “html” không có; hãy dùng text, md hoặc json\n"},
		{[]string{"diff"}, 2, "kehoach diff: cần một hoặc hai đối số: kehoach diff CŨ MỚI\n"},
		{[]string{"help", "xay"}, 2, "kehoach help: không có lệnh “xay”"},
		{[]string{"help", "buld"}, 2, "kehoach help: không có lệnh “buld”; có phải ý bạn là “build”?; các lệnh: build, watch, check, fmt, diff, new, import, issue, print, schema, text, giay-phep.\n"},
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
		{[]string{"watch", "-phong", "a.ttf,b.ttf", good}, []string{"watch", good, "-phong", "a.ttf,b.ttf"}},
		{[]string{"check", "-sua", good}, []string{"check", good, "-sua"}},
		{[]string{"fmt", "-l", "-d", good}, []string{"fmt", good, "-l", "-d"}},
		{[]string{"text", "--", filepath.Join(dir, "b", "ke-hoach-ntm-2025-muong-khoa.docx")}, []string{"text", filepath.Join(dir, "b", "ke-hoach-ntm-2025-muong-khoa.docx"), "--"}},
		{[]string{"diff", "-f", "json", good, good}, []string{"diff", good, good, "-f", "json"}},
		{[]string{"print", "-o", filepath.Join(dir, "p"), good}, []string{"print", good, "-o", filepath.Join(dir, "p")}},
		{[]string{"schema", "-o", filepath.Join(dir, "s"), "xa"}, []string{"schema", "xa", "-o", filepath.Join(dir, "s")}},
		{[]string{"new", "--tu", good, "-tep", filepath.Join(dir, "n", "2026.yaml"), "2026"}, nil},
		{[]string{"issue", "--so", "1", "--ngay", "2025-08-05", issued}, []string{"issue", issued, "--so", "1", "--ngay", "2025-08-05"}},
	} {
		t.Run(strings.Join(tc.first, " "), func(t *testing.T) {
			code, stdout, stderr := runArgs(tc.first...)
			if tc.first[0] == "new" {
				os.MkdirAll(filepath.Join(dir, "n"), 0o755)
				os.Remove(filepath.Join(dir, "n", "2026.yaml"))
				code, stdout, stderr = runArgs("new", "2026", "-tep", filepath.Join(dir, "n", "2026.yaml"), "--tu", good)
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
			if code == 2 && tc.first[0] != "watch" {
				t.Errorf("usage error: %s", stderr)
			}
		})
	}
}

// Every flag of every command follows the naming rule (one letter, or
// Vietnamese words without diacritics joined by '-'), unless it is a
// declared alias of one that does; -o is a folder and -tep a file
// wherever they are.
func TestFlagNames(t *testing.T) {
	for _, tc := range []struct {
		name string
		ok   bool
	}{
		{"o", true}, {"j", true}, {"tong-ket", true}, {"phong", true}, {"so", true},
		{"ngay", true}, {"sua", true}, {"tu", true}, {"tep", true}, {"nghieng", true},
		{"fix", false}, {"from", false}, {"out-file", false}, {"tongKet", false},
		{"tong_ket", false}, {"tổng-kết", false}, {"jobs", false}, {"", false}, {"tong-", false},
	} {
		if got := flagNameOK(tc.name); got != tc.ok {
			t.Errorf("flagNameOK(%q) = %v, want %v", tc.name, got, tc.ok)
		}
	}
	aliases := 0
	for _, cmd := range commands {
		fl := newFlagSet(cmd.Name)
		cmd.Flags(fl)
		fl.VisitAll(func(f *flag.Flag) {
			if of := aliasOf(f); of != "" {
				aliases++
				if fl.Lookup(of) == nil || aliasOf(fl.Lookup(of)) != "" {
					t.Errorf("%s: -%s is an alias of -%s, which is no flag", cmd.Name, f.Name, of)
				}
				return
			}
			if !flagNameOK(f.Name) {
				t.Errorf("%s: flag -%s breaks the naming rule; spell it in Vietnamese without diacritics, words joined by '-', and keep the old name with alias()", cmd.Name, f.Name)
			}
			want := map[string]string{"o": "THƯ_MỤC", "tep": "TỆP", "phong": "T,Đ,N,ĐN"}[f.Name]
			if got := cmd.valueName(fl, f.Name); want != "" && got != want {
				t.Errorf("%s: -%s takes %s, want %s as in every command", cmd.Name, f.Name, got, want)
			}
			if !strings.Contains(cmd.UsageLine, cmd.dashed(f.Name)) {
				t.Errorf("%s: usage line %q lacks %s", cmd.Name, cmd.UsageLine, cmd.dashed(f.Name))
			}
		})
	}
	if aliases != 4 {
		t.Errorf("%d aliases, want 4 (check -fix, check -strict, new --from, diff -o): update this count with the list in the README", aliases)
	}
}

// An old spelling sets the same value as the new one, booleans included.
func TestFlagAliases(t *testing.T) {
	for _, tc := range []struct {
		cmd  *Command
		args []string
		flag string
		want string
	}{
		{checkCmd, []string{"a.yaml", "-fix"}, "sua", "true"},
		{checkCmd, []string{"-fix=false", "a.yaml"}, "sua", "false"},
		{checkCmd, []string{"a.yaml", "-strict"}, "nghiem-ngat", "true"},
		{newCmd, []string{"--from", "a.yaml", "2026"}, "tu", "a.yaml"},
		{newCmd, []string{"-from=a.yaml", "2026"}, "tu", "a.yaml"},
		{diffCmd, []string{"a", "b", "-o", "x.md"}, "tep", "x.md"},
	} {
		fl := newFlagSet(tc.cmd.Name)
		tc.cmd.Flags(fl)
		if _, err := parseInterleaved(fl, tc.args); err != nil {
			t.Errorf("%s %q: %v", tc.cmd.Name, tc.args, err)
			continue
		}
		if got := fl.Lookup(tc.flag).Value.String(); got != tc.want {
			t.Errorf("%s %q: -%s = %q, want %q", tc.cmd.Name, tc.args, tc.flag, got, tc.want)
		}
	}
	code, _, stderr := runArgs("new", "-from")
	if code != 2 || !strings.HasPrefix(stderr, "kehoach new: tùy chọn --from cần một giá trị (KẾ_HOẠCH_CŨ)\n") {
		t.Errorf("an alias without its value: exit %d\n%s", code, stderr)
	}
}

// An unknown flag after a file argument is the same Vietnamese usage
// error, exit status 2, for every command, and nothing runs.
func TestUnknownFlagAfterArguments(t *testing.T) {
	good := copyPlan(t, nil)
	for _, cmd := range commands {
		t.Run(cmd.Name, func(t *testing.T) {
			code, stdout, stderr := runArgs(cmd.Name, good, "-khong-co")
			want := "kehoach " + cmd.Name + ": không có tùy chọn “-khong-co”; các tùy chọn của lệnh " + cmd.Name + ": "
			tail := "\nCách dùng: " + cmd.UsageLine + "\nHướng dẫn đầy đủ: kehoach help " + cmd.Name + "\n"
			if code != 2 || stdout != "" || !strings.HasPrefix(stderr, want) || !strings.HasSuffix(stderr, tail) {
				t.Errorf("exit %d, stdout %q, stderr:\n%s", code, stdout, stderr)
			}
			noEnglish(t, "stderr", stderr)
			fl := newFlagSet(cmd.Name)
			cmd.Flags(fl)
			visibleFlags(fl, func(f *flag.Flag) {
				if !strings.Contains(stderr, cmd.dashed(f.Name)) {
					t.Errorf("the error does not list %s:\n%s", cmd.dashed(f.Name), stderr)
				}
			})
			fl.VisitAll(func(f *flag.Flag) {
				if aliasOf(f) != "" && strings.Contains(stderr, " "+cmd.dashed(f.Name)+",") {
					t.Errorf("the error lists the old spelling %s:\n%s", cmd.dashed(f.Name), stderr)
				}
			})
		})
	}
}

// The README's command reference is the command table: a row for every
// usage line as kehoach help prints it, no row for a command that is not
// there, and every old spelling of a flag said.
func TestREADMECommands(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	start := strings.Index(readme, "\n## Lệnh `kehoach`\n")
	end := strings.Index(readme[start+1:], "\n## ")
	if start < 0 || end < 0 {
		t.Fatal("README has no section “Lệnh `kehoach`”")
	}
	section := readme[start : start+1+end]
	known := map[string]bool{"help": true}
	for _, cmd := range commands {
		known[cmd.Name] = true
		for _, usage := range strings.Split(cmd.UsageLine, " | kehoach ") {
			if !strings.HasPrefix(usage, "kehoach ") {
				usage = "kehoach " + usage
			}
			if want := "`" + strings.ReplaceAll(usage, "|", `\|`) + "`"; !strings.Contains(section, "\n| "+want) && !strings.Contains(section, ", "+want+" |") {
				t.Errorf("README's command table lacks %s", want)
			}
		}
		fl := newFlagSet(cmd.Name)
		cmd.Flags(fl)
		fl.VisitAll(func(f *flag.Flag) {
			if want := "`" + cmd.Name + " " + cmd.dashedIn(fl, f.Name) + "`"; aliasOf(f) != "" && !strings.Contains(section, want) {
				t.Errorf("README does not say the old spelling %s", want)
			}
		})
	}
	for _, m := range regexp.MustCompile("\n\\| `kehoach ([a-z-]+)").FindAllStringSubmatch(section, -1) {
		if !known[m[1]] {
			t.Errorf("README lists a command kehoach %s that is not in the command table", m[1])
		}
	}
}
