package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"kehoach/internal/testkit"
)

// unixOnly skips tests that need symlinks made by any user, FIFOs and
// /dev/zero.
func unixOnly(t *testing.T) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("BỎ QUA: symlink (cần quyền quản trị), FIFO và /dev/zero không có trên Windows")
	}
}

// runSoon runs kehoach in root and fails the test when it does not return
// within 20 s (before, a link to /dev/zero read until the memory ran out).
func runSoon(t *testing.T, root string, args ...string) (int, string, string) {
	t.Helper()
	t.Chdir(root)
	type res struct {
		st   int
		o, e string
	}
	ch := make(chan res, 1)
	go func() {
		var o, e bytes.Buffer
		st := run(args, &o, &e)
		ch <- res{st, o.String(), e.String()}
	}()
	select {
	case r := <-ch:
		return r.st, r.o, r.e
	case <-time.After(20 * time.Second):
		t.Fatalf("kehoach %v did not return within 20 s", args)
		return 0, "", ""
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	os.MkdirAll(filepath.Dir(link), 0o755)
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

const zeroReason = "tệp là liên kết (symlink) tới /dev/zero, là một thiết bị chứ không phải tệp thường; kehoach chỉ đọc tệp thường: hãy thay liên kết bằng tệp thật."

// A repository with hostile files among good plans (F-05): a plan that is
// a link to /dev/zero, a FIFO, a file over the limit, a commune file linked
// to /dev/zero, a plan linked out of the repository. build, check, fmt and
// issue return at once, refuse each with its reason, and still do their
// work on the good plans; issue says which files its number check skipped.
func TestHostileFilesInRepository(t *testing.T) {
	unixOnly(t)
	root := t.TempDir()
	os.Mkdir(filepath.Join(root, ".git"), 0o755)
	testkit.CopyPlan(t, root, "muong-khoa", "2025.yaml", nil)
	evil := filepath.Join(root, "plans", "evil")
	symlink(t, "/dev/zero", filepath.Join(evil, "2025.yaml"))
	if err := mkfifo(filepath.Join(evil, "2026.yaml")); err != nil {
		t.Fatal(err)
	}
	big := append([]byte("xa: xa.yaml\nnam: 2027\n# "), bytes.Repeat([]byte("a"), 5<<20)...)
	os.WriteFile(filepath.Join(evil, "2027.yaml"), big, 0o644)
	outside := filepath.Join(t.TempDir(), "bi-mat.yaml")
	os.WriteFile(outside, []byte("xa: xa.yaml\nnam: 2028\n"), 0o644)
	symlink(t, outside, filepath.Join(evil, "2028.yaml"))
	// A commune whose xa.yaml is a link to /dev/zero.
	testkit.CopyPlan(t, root, "xa-zero", "2025.yaml", nil)
	os.Remove(filepath.Join(root, "plans", "xa-zero", "xa.yaml"))
	symlink(t, "/dev/zero", filepath.Join(root, "plans", "xa-zero", "xa.yaml"))
	realOutside, _ := filepath.EvalSymlinks(outside)
	realRoot, _ := filepath.EvalSymlinks(root)

	refusals := []string{
		"plans/evil/2025.yaml: không đọc được tệp kế hoạch: " + zeroReason,
		"plans/evil/2026.yaml: không đọc được tệp kế hoạch: đây là một FIFO (ống có tên) chứ không phải tệp thường",
		"plans/evil/2027.yaml: tệp quá lớn (" + strconv.Itoa(len(big)) + " byte, tối đa 4194304 byte)",
		"plans/evil/2028.yaml: không đọc được tệp kế hoạch: tệp là liên kết (symlink) tới " + realOutside + ", nằm ngoài kho mã (" + realRoot + ")",
		"plans/xa-zero/2025.yaml:7:5: không đọc được tệp xã “xa.yaml”: " + zeroReason,
	}
	t.Run("build", func(t *testing.T) {
		st, o, e := runSoon(t, root, "build", "-o", filepath.Join(root, "out"))
		if st != 2 {
			t.Errorf("exit %d, want 2", st)
		}
		for _, want := range refusals {
			if !strings.Contains(e, filepath.FromSlash(want)) {
				t.Errorf("stderr lacks %q:\n%s", want, e)
			}
		}
		if !strings.Contains(o, "Tổng: 6 kế hoạch, 1 thành công, 5 lỗi") {
			t.Errorf("the good plans were not built:\n%s", o)
		}
	})
	t.Run("check", func(t *testing.T) {
		st, _, e := runSoon(t, root, "check")
		if st != 2 {
			t.Errorf("exit %d, want 2", st)
		}
		for _, want := range refusals {
			if !strings.Contains(e, filepath.FromSlash(want)) {
				t.Errorf("stderr lacks %q:\n%s", want, e)
			}
		}
	})
	t.Run("fmt", func(t *testing.T) {
		st, _, e := runSoon(t, root, "fmt", "-l")
		if st != 2 || !strings.Contains(e, filepath.FromSlash("plans/evil/2026.yaml: không đọc được tệp: đây là một FIFO")) ||
			!strings.Contains(e, filepath.FromSlash("plans/xa-zero/xa.yaml: không đọc được tệp: "+zeroReason)) {
			t.Errorf("exit %d:\n%s", st, e)
		}
	})
	t.Run("issue", func(t *testing.T) {
		// The good plan is issued; every bad file is said and skipped;
		// the number check still sees the good plans (125 is taken).
		testkit.CopyPlan(t, root, "muong-khoa", "2025-bo-sung.yaml", func(s string) string {
			s = strings.Replace(s, "  so: # dự thảo: văn thư điền số khi ban hành (kehoach issue)\n", "  so: 125\n", 1)
			return strings.Replace(s, "  ngay: # dự thảo\n", "  ngay: 2025-03-01\n", 1)
		})
		st, o, e := runSoon(t, root, "issue", filepath.FromSlash("plans/muong-khoa/2025.yaml"), "--so", "125", "--ngay", "2025-08-05")
		if st != 1 || !strings.Contains(e, "số 125 đã dùng") {
			t.Fatalf("exit %d, want the number 125 refused as used:\n%s%s", st, o, e)
		}
		st, o, e = runSoon(t, root, "issue", filepath.FromSlash("plans/muong-khoa/2025.yaml"), "--so", "126", "--ngay", "2025-08-05")
		if st != 0 || !strings.Contains(o, "Số: 126/KH-UBND") {
			t.Fatalf("exit %d:\n%s%s", st, o, e)
		}
		// Each skipped file is one warning line of its own, in the form of
		// every warning: FILE: MESSAGE (cảnh báo).
		lines := strings.Split(e, "\n")
		for _, want := range []string{
			"plans/evil/2025.yaml: không đọc được tệp, nên tệp này được bỏ qua khi đối chiếu số văn bản: " + zeroReason,
			"plans/evil/2026.yaml: không đọc được tệp, nên tệp này được bỏ qua khi đối chiếu số văn bản: đây là một FIFO",
			"plans/evil/2027.yaml: không đọc được tệp, nên tệp này được bỏ qua khi đối chiếu số văn bản: tệp quá lớn",
			"plans/evil/2028.yaml: không đọc được tệp, nên tệp này được bỏ qua khi đối chiếu số văn bản: tệp là liên kết (symlink) tới " + realOutside,
			"plans/xa-zero/xa.yaml: không đọc được tệp xã: " + zeroReason + " Các kế hoạch dùng tệp xã này được bỏ qua khi đối chiếu số văn bản. (cảnh báo)",
		} {
			found := false
			for _, l := range lines {
				if strings.HasPrefix(l, filepath.FromSlash(want)) && strings.HasSuffix(l, " (cảnh báo)") {
					found = true
				}
			}
			if !found {
				t.Errorf("stderr lacks a warning line starting %q:\n%s", want, e)
			}
		}
	})
}
