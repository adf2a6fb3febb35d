package issue

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kehoach/internal/diag"
)

// writeLock leaves a lock file in root/plans as another issue would, made
// by pid on host at made, and returns its path.
func writeLock(t *testing.T, root string, pid int, host string, made time.Time) string {
	t.Helper()
	p := filepath.Join(root, "plans", LockName)
	s := fmt.Sprintf("kehoach issue\npid: %d\nhost: %s\ntime: %s\ntoken: abc\n", pid, host, made.UTC().Format(time.RFC3339Nano))
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// deadPid is the id of a process of this machine that has ended.
func deadPid(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

func shortWait(t *testing.T, d time.Duration) {
	old := LockWait
	LockWait = d
	t.Cleanup(func() { LockWait = old })
}

// A lock file another issue left: removed when stale (its process gone
// from this machine, older than LockStale, cut short long ago, or made by
// an earlier process with this process's id), said in a warning; waited
// for, then refused with a message naming the lock file and how to remove
// it, when it is young and its maker may still run.
func TestStaleLock(t *testing.T) {
	host, _ := os.Hostname()
	tests := []struct {
		name  string
		setup func(t *testing.T, root string) string // leaves the lock, returns its path
		ok    bool
		want  string // in the warning (ok) or the error
	}{
		{"process gone from this machine", func(t *testing.T, root string) string {
			return writeLock(t, root, deadPid(t), host, time.Now())
		}, true, "tiến trình đó không còn chạy"},
		{"older than the bound, another machine", func(t *testing.T, root string) string {
			return writeLock(t, root, 4242, "may-khac", time.Now().Add(-LockStale-time.Minute))
		}, true, "trên máy may-khac tạo lúc"},
		{"an earlier process with this process's id", func(t *testing.T, root string) string {
			return writeLock(t, root, os.Getpid(), host, time.Now())
		}, true, "tiến trình đó không còn chạy"},
		{"cut short long ago", func(t *testing.T, root string) string {
			p := filepath.Join(root, "plans", LockName)
			os.WriteFile(p, []byte("kehoach issue\npid: 12"), 0o644)
			old := time.Now().Add(-time.Hour)
			os.Chtimes(p, old, old)
			return p
		}, true, "tệp không trọn vẹn"},
		{"young, another machine: waited for, then refused", func(t *testing.T, root string) string {
			shortWait(t, 300*time.Millisecond)
			return writeLock(t, root, 4242, "may-khac", time.Now())
		}, false, "đang có một lệnh kehoach issue khác ban hành kế hoạch trong thư mục"},
		{"young, cut short: waited for", func(t *testing.T, root string) string {
			shortWait(t, 300*time.Millisecond)
			p := filepath.Join(root, "plans", LockName)
			os.WriteFile(p, nil, 0o644)
			return p
		}, false, "Hãy chờ lệnh đó xong rồi chạy lại"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			p := copyCommune(t, root, "muong-khoa", "2025.yaml", nil)
			lockPath := tc.setup(t, root)
			before, _ := os.ReadFile(p)
			r, err := issueAt(p, 125, "2025-08-05")
			if !tc.ok {
				var le *LockError
				if !errors.As(err, &le) || diag.IsRefusal(err) {
					t.Fatalf("error %T %v, want a LockError (exit 2)", err, err)
				}
				msg := err.Error()
				for _, w := range []string{tc.want, "tệp khóa " + lockPath, "hãy xóa tệp " + lockPath + " rồi chạy lại"} {
					if !strings.Contains(msg, w) {
						t.Errorf("message lacks %q:\n%s", w, msg)
					}
				}
				if after, _ := os.ReadFile(p); string(after) != string(before) {
					t.Error("the plan was written without the lock")
				}
				if _, err := os.Stat(lockPath); err != nil {
					t.Errorf("the other issue's lock was removed: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("a stale lock was not removed: %v", err)
			}
			if len(r.Warnings) == 0 || !strings.Contains(r.Warnings[0].Msg, "đã xóa tệp khóa cũ "+lockPath) || !strings.Contains(r.Warnings[0].Msg, tc.want) {
				t.Errorf("warnings %q lack the stale lock (%q)", r.Warnings, tc.want)
			}
			if _, err := os.Stat(lockPath); !os.IsNotExist(err) {
				t.Errorf("lock file left after the issue: %v", err)
			}
			if _, err := os.Stat(lockPath + ".break"); !os.IsNotExist(err) {
				t.Errorf("breaker file left after the issue: %v", err)
			}
		})
	}
}

// A lock released by its holder while another issue waits: the waiter
// goes on as soon as it is gone.
func TestLockWaitsForTheHolder(t *testing.T) {
	t.Parallel() // waits about a second (the notice's delay); changes no LockWait
	root := t.TempDir()
	p := copyCommune(t, root, "muong-khoa", "2025.yaml", nil)
	l, _, err := acquire(filepath.Join(root, "plans"), nil)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error)
	told := make(chan string, 1)
	go func() {
		d, _ := ParseDate("2025-08-05")
		_, err := Issue(Request{Path: p, So: 125, Ngay: d, Waiting: func(msg string) { told <- msg }})
		done <- err
	}()
	select {
	case err := <-done:
		t.Fatalf("the issue did not wait for the lock: %v", err)
	case msg := <-told:
		if want := "đang chờ một lệnh kehoach issue khác ban hành xong (tệp khóa " + filepath.Join(root, "plans", LockName) + ", do tiến trình "; !strings.HasPrefix(msg, want) {
			t.Errorf("waiting message %q, want it to start %q", msg, want)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the waiting issue said nothing")
	}
	l.release()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the issue still waits after the lock was released")
	}
}

// A symlink where the lock file goes (committed, say to /dev/zero) is not
// a lock: it is removed, never read.
func TestForeignLock(t *testing.T) {
	root := t.TempDir()
	p := copyCommune(t, root, "muong-khoa", "2025.yaml", nil)
	lockPath := filepath.Join(root, "plans", LockName)
	if err := os.Symlink("/dev/zero", lockPath); err != nil {
		t.Skipf("BỎ QUA: không tạo được symlink: %v", err)
	}
	r, err := issueAt(p, 125, "2025-08-05")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Warnings) == 0 || !strings.Contains(r.Warnings[0].Msg, "không phải tệp khóa do kehoach tạo") {
		t.Errorf("warnings %q", r.Warnings)
	}
	if _, err := os.Lstat(lockPath); !os.IsNotExist(err) {
		t.Errorf("the symlink is left: %v", err)
	}
}
