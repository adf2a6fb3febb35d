package extract

import (
	"context"
	"fmt"
	"io"
	"kehoach/internal/extract/limits"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"kehoach/internal/plan"
	"kehoach/internal/testkit"
)

// helperEnv makes the test binary act as `kehoach text` when git runs it
// as the textconv driver (used while cmd/kehoach cannot be built or has no
// text subcommand, and with -short).
const helperEnv = "KEHOACH_TEXTCONV_TEST_HELPER"

func TestMain(m *testing.M) {
	if os.Getenv(helperEnv) == "1" && len(os.Args) == 3 && os.Args[1] == "text" {
		s, err := Text(os.Args[2])
		if err != nil {
			fmt.Fprintf(os.Stderr, "kehoach text: %v\n", err)
			os.Exit(2)
		}
		io.WriteString(os.Stdout, s)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// kehoachBinary puts a program answering `kehoach text FILE` at bin: the
// real command built with go build when it has the subcommand, else this
// test binary (with helperEnv set by the caller).
func kehoachBinary(t *testing.T, bin string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(bin), 0o755); err != nil {
		t.Fatal(err)
	}
	if goTool, err := exec.LookPath("go"); err == nil && !testing.Short() {
		build := exec.Command(goTool, "build", "-o", bin, "./cmd/kehoach")
		build.Dir = testkit.RepoRoot(t)
		out, err := build.CombinedOutput()
		if err == nil {
			probe, _ := exec.Command(bin, "text").CombinedOutput()
			if strings.Contains(string(probe), "cần đúng một tệp") {
				t.Logf("textconv: %s (go build ./cmd/kehoach)", bin)
				return
			}
			t.Logf("CHÚ Ý: cmd/kehoach chưa có lệnh text; git gọi chính chương trình kiểm thử thay cho bin/kehoach")
		} else {
			t.Logf("CHÚ Ý: go build ./cmd/kehoach lỗi, git gọi chính chương trình kiểm thử thay cho bin/kehoach:\n%s", out)
		}
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.Open(self)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.OpenFile(bin, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestGitDiffTextconv sets up a repository as `make git-setup` does (the
// committed .gitattributes, diff.kehoach.textconv = "bin/kehoach text"),
// commits a DOCX, a PDF and an XLSX, changes them, and checks that git
// diff shows the changed lines of text, from a subfolder too, and that the
// text conversions of committed blobs are cached.
func TestGitDiffTextconv(t *testing.T) {
	git := testkit.Tool(t, "git", "git")
	root := testkit.RepoRoot(t)
	repo := t.TempDir()
	exe := ""
	if runtime.GOOS == "windows" {
		exe = ".exe"
	}
	kehoachBinary(t, filepath.Join(repo, "bin", "kehoach"+exe))

	env := append(os.Environ(), helperEnv+"=1", "GIT_CONFIG_NOSYSTEM=1", "HOME="+repo, "XDG_CONFIG_HOME="+repo, "LC_ALL=C.UTF-8")
	run := func(dir string, args ...string) string {
		t.Helper()
		cmd := exec.Command(git, args...)
		cmd.Dir = dir
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	write := func(name string, data []byte) {
		t.Helper()
		p := filepath.Join(repo, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	attrs, err := os.ReadFile(filepath.Join(root, ".gitattributes"))
	if err != nil {
		t.Fatal(err)
	}

	run(repo, "init", "-q")
	for _, kv := range [][2]string{
		{"user.name", "Văn thư"}, {"user.email", "vanthu@example.org"}, {"commit.gpgsign", "false"},
		{"core.autocrlf", "false"},
		{"diff.kehoach.textconv", "bin/kehoach text"}, {"diff.kehoach.cachetextconv", "true"},
	} {
		run(repo, "config", kv[0], kv[1])
	}
	write(".gitattributes", attrs)
	write(".gitignore", []byte("bin/\n"))
	v1 := realDocs(t)
	write("out/ke-hoach.docx", v1.docx)
	write("out/ke-hoach.pdf", v1.pdf)
	write("out/bieu.xlsx", zipParts(t, workbook(sheet1)))
	run(repo, "add", ".")
	run(repo, "commit", "-q", "-m", "bản đầu")

	const oldStart = "Triển khai thực hiện Chương trình MTQG xây dựng NTM gắn với thực hiện"
	v2 := render(t, func(p *plan.Plan) {
		p.MucTieu.Chung = strings.Replace(p.MucTieu.Chung, "gắn với thực hiện", "gắn với triển khai", 1)
	})
	write("out/ke-hoach.docx", v2.docx)
	write("out/ke-hoach.pdf", v2.pdf)
	write("out/bieu.xlsx", zipParts(t, workbook(strings.Replace(sheet1, "SUM(B4:B5)", "SUM(B4:B6)", 1))))

	// From a subfolder: git runs the driver from the top of the work tree.
	diff := run(filepath.Join(repo, "out"), "diff", "--no-color", "--no-ext-diff")
	if strings.Contains(diff, "Binary files") {
		t.Fatalf("git diff still compares bytes:\n%s", diff)
	}
	sections := map[string]string{}
	for _, part := range strings.Split(diff, "diff --git ")[1:] {
		name, _, _ := strings.Cut(part, " ")
		sections[name] = part
	}
	for _, c := range []struct {
		file      string
		minus     string // a removed line starts so
		plus      string // an added line contains
		maxChange int    // at most this many -/+ lines
	}{
		{"a/out/ke-hoach.docx", oldStart, "gắn với triển khai", 2},
		{"a/out/ke-hoach.pdf", oldStart, "gắn với triển khai", 20},
		{"a/out/bieu.xlsx", "Tổng cộng | 1786.5 [=SUM(B4:B5)] | [=B6*2]", "Tổng cộng | 1786.5 [=SUM(B4:B6)] | [=B6*2]", 2},
	} {
		sec, ok := sections[c.file]
		if !ok {
			t.Errorf("no diff of %s in:\n%s", c.file, diff)
			continue
		}
		var minus, plus bool
		changed := 0
		for _, l := range strings.Split(sec, "\n") {
			switch {
			case strings.HasPrefix(l, "---"), strings.HasPrefix(l, "+++"):
			case strings.HasPrefix(l, "-"):
				changed++
				minus = minus || strings.HasPrefix(l[1:], c.minus)
			case strings.HasPrefix(l, "+"):
				changed++
				plus = plus || strings.Contains(l, c.plus)
			}
		}
		if !minus || !plus {
			t.Errorf("%s: the diff does not show the changed text (-%q, +%q):\n%s", c.file, c.minus, c.plus, sec)
		}
		if changed == 0 || changed > c.maxChange {
			t.Errorf("%s: %d changed lines, want 1…%d:\n%s", c.file, changed, c.maxChange, sec)
		}
	}

	// Committed blobs: the conversions land in the textconv cache.
	run(repo, "commit", "-q", "-am", "sửa mục tiêu chung")
	show := run(repo, "show", "--no-color", "--no-ext-diff", "HEAD")
	if !strings.Contains(show, "+Tổng cộng | 1786.5 [=SUM(B4:B6)] | [=B6*2]") {
		t.Errorf("git show HEAD does not show the formula change:\n%s", show)
	}
	if refs := run(repo, "for-each-ref", "refs/notes/textconv/kehoach"); strings.TrimSpace(refs) == "" {
		t.Error("diff.kehoach.cachetextconv: no cached conversions in refs/notes/textconv/kehoach")
	}

	// Hostile files committed (the review's G01–G03: git show hung on the
	// inline images, cached 838 MB for the shared string, printed ESC raw):
	// git show returns, the cached texts are bounded, controls written out.
	for _, n := range []string{"p06-inline-images.pdf", "x02-shared-amplify.xlsx", "p11-esc-tounicode.pdf"} {
		b, err := os.ReadFile(filepath.Join(root, "testdata", "hostile-text", n))
		if err != nil {
			t.Fatal(err)
		}
		write("docs/"+n, b)
	}
	run(repo, "add", "docs")
	run(repo, "commit", "-q", "-m", "tệp lạ")
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, git, "show", "--no-color", "--no-ext-diff", "HEAD")
	cmd.Dir, cmd.Env = repo, env
	start := time.Now()
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("git show of the hostile files: %v after %v", err, time.Since(start))
	}
	shown := string(out)
	if strings.Contains(shown, "\x1b") || !strings.Contains(shown, `+\x1b[2J\x1b[31mPASS`) || !strings.Contains(shown, "+Xin chao") ||
		!strings.Contains(shown, "+[kehoach text: dừng ở đây vì văn bản in ra vượt 8 MiB") {
		t.Errorf("git show of the hostile files (%v): %.600q", time.Since(start), shown)
	}
	for _, l := range strings.Split(run(repo, "ls-tree", "-r", "-l", "refs/notes/textconv/kehoach"), "\n") {
		if f := strings.Fields(l); len(f) == 5 {
			if n, _ := strconv.Atoi(f[3]); n > limits.MaxOutputBytes+1024 {
				t.Errorf("a cached text of %d bytes: %s", n, l)
			}
		}
	}
}
