package issue

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"kehoach/internal/diag"
	"kehoach/internal/fileset"
	"kehoach/internal/safefile"
)

// LockName is the lock file kehoach issue creates in the plans folder (the
// folder it searches for used numbers) while it checks the numbers and
// writes the plan: two issues at once, from two terminals or two clerks'
// machines on a shared folder, run one after the other, so that one number
// is never given twice. It is created with O_CREATE|O_EXCL (CreateFile
// CREATE_NEW on Windows), which works on every OS and on network shares,
// where advisory locks (flock) are often ignored.
const LockName = ".kehoach-issue.lock"

// Lock timing. A lock older than LockStale is stale whoever made it: an
// issue takes well under a second. A lock made on this machine by a
// process that is no longer running is stale at once. An issue waits up to
// LockWait for another to finish before giving up.
var (
	LockStale = 10 * time.Minute
	LockWait  = 30 * time.Second
)

// A lock file that cannot be read whole (its maker was killed between
// creating it and writing it) is stale once older than this.
const lockUnreadableStale = 30 * time.Second

// held tokens are the locks this process holds or is making: a lock file
// with this process's id but another token was left by an earlier process
// that had the same id (a container runs every command as pid 1).
var heldTokens sync.Map

// lock is a held lock file.
type lock struct {
	path  string
	token string // written in the file, so that release removes only this lock
}

// lockInfo is what a lock file says about its maker.
type lockInfo struct {
	pid   int
	host  string
	made  time.Time // zero when the file does not say (cut short)
	token string
	raw   []byte
	stat  fs.FileInfo
	// foreign: not a regular file (a symlink), so not a lock kehoach made
	foreign bool
}

// LockError is a lock held by another issue for longer than LockWait, or a
// lock file that cannot be created (exit status 2: nothing is wrong with
// the plan).
type LockError struct{ Msg string }

func (e *LockError) Error() string { return e.Msg }

// acquire takes the lock of dir, waiting for another issue to finish and
// removing a stale lock. notes say which stale lock was removed.
func acquire(dir string, waiting func(string)) (*lock, diag.List, error) {
	path := filepath.Join(dir, LockName)
	host, _ := os.Hostname()
	token := newToken()
	heldTokens.Store(token, true)
	var notes diag.List
	start := time.Now()
	deadline := start.Add(LockWait)
	told := false
	for attempt := 0; ; attempt++ {
		err := create(path, host, token)
		if err == nil {
			return &lock{path: path, token: token}, notes, nil
		}
		if !held(err) {
			heldTokens.Delete(token)
			return nil, nil, &LockError{Msg: fmt.Sprintf("không tạo được tệp khóa để ban hành an toàn: %v", fileset.CreateError(path, err))}
		}
		info, rerr := readLock(path)
		switch {
		case errors.Is(rerr, fs.ErrNotExist):
			continue // released meanwhile
		case rerr == nil:
			if why := info.stale(host); why != "" {
				if breakLock(path, info) {
					notes = append(notes, &diag.Diagnostic{Severity: diag.Warning, Msg: fmt.Sprintf("đã xóa tệp khóa cũ %s (%s).", path, why)})
				}
				continue
			}
		}
		if time.Now().After(deadline) {
			heldTokens.Delete(token)
			return nil, nil, &LockError{Msg: busy(path, dir, info, rerr)}
		}
		if waiting != nil && !told && time.Since(start) > time.Second {
			told = true
			waiting(fmt.Sprintf("đang chờ một lệnh kehoach issue khác ban hành xong (tệp khóa %s%s); chờ tối đa %d giây…", path, maker(info, rerr), int(LockWait.Seconds())))
		}
		// Wait a little, longer as the wait goes on, and not in step
		// with the other waiters.
		time.Sleep(time.Duration(5+min(attempt, 20)*2+int(jitter()%10)) * time.Millisecond)
	}
}

// held reports whether a failed exclusive create means the lock is there.
// Windows says "access denied" for a file being deleted (the holder is
// releasing it): that is retried too, until LockWait.
func held(err error) bool {
	return errors.Is(err, fs.ErrExist) || runtime.GOOS == "windows" && errors.Is(err, fs.ErrPermission)
}

// create makes the lock file, atomically: it exists whole or not at all for
// the other issues (they treat a file cut short as young until
// lockUnreadableStale).
func create(path, host, token string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	content := fmt.Sprintf("kehoach issue: khóa ban hành; xóa tệp này nếu chắc chắn không còn lệnh kehoach issue nào đang chạy\npid: %d\nhost: %s\ntime: %s\ntoken: %s\n",
		os.Getpid(), host, time.Now().UTC().Format(time.RFC3339Nano), token)
	_, werr := f.WriteString(content)
	cerr := f.Close()
	if werr != nil || cerr != nil {
		os.Remove(path)
		if werr != nil {
			return werr
		}
		return cerr
	}
	return nil
}

// readLock reads and parses a lock file (at most 4 KiB of it). Anything
// but a regular file there (a committed symlink) is not a lock kehoach
// made, and is never opened.
func readLock(path string) (*lockInfo, error) {
	lst, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	if !safefile.Regular(lst.Mode()) {
		return &lockInfo{stat: lst, foreign: true}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(io.LimitReader(f, 4<<10))
	if err != nil {
		return nil, err
	}
	info := &lockInfo{raw: raw, stat: st}
	for _, line := range strings.Split(string(raw), "\n") {
		k, v, ok := strings.Cut(line, ": ")
		if !ok {
			continue
		}
		switch k {
		case "pid":
			info.pid, _ = strconv.Atoi(v)
		case "host":
			info.host = v
		case "time":
			info.made, _ = time.Parse(time.RFC3339Nano, v)
		case "token":
			info.token = v
		}
	}
	if info.token == "" {
		info.made = time.Time{} // cut short: the time may be too
	}
	return info, nil
}

// stale says why the lock is stale ("" when it is not): its maker ran on
// this machine and is gone, or it is older than LockStale.
func (l *lockInfo) stale(host string) string {
	if l.foreign {
		return "không phải tệp khóa do kehoach tạo mà là liên kết hay tệp đặc biệt"
	}
	if l.made.IsZero() {
		if age := time.Since(l.stat.ModTime()); age > lockUnreadableStale {
			return fmt.Sprintf("tệp không trọn vẹn, để lại từ %s", clock(l.stat.ModTime()))
		}
		return ""
	}
	if host != "" && l.host == host && l.pid > 0 {
		_, mine := heldTokens.Load(l.token)
		if l.pid == os.Getpid() && !mine || l.pid != os.Getpid() && !alive(l.pid) {
			return fmt.Sprintf("do tiến trình %d trên máy này tạo lúc %s, tiến trình đó không còn chạy", l.pid, clock(l.made))
		}
	}
	if age := time.Since(l.made); age > LockStale {
		return fmt.Sprintf("do tiến trình %d trên máy %s tạo lúc %s, đã quá %d phút", l.pid, l.host, clock(l.made), int(LockStale.Minutes()))
	}
	return ""
}

// breakLock removes the stale lock info read at path, unless another issue
// has replaced it meanwhile. Two issues that both find it stale must not
// both remove "it" (the second would remove the first one's new lock), so
// removing is itself done under a second lock file, path+".break", and only
// when path still holds the same file. It reports whether it removed it.
func breakLock(path string, info *lockInfo) bool {
	brk := path + ".break"
	f, err := os.OpenFile(brk, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		// Another issue is breaking it; a breaker left by a killed
		// process (it exists for microseconds) is removed.
		if st, serr := os.Stat(brk); serr == nil && time.Since(st.ModTime()) > lockUnreadableStale {
			os.Remove(brk)
		}
		return false
	}
	f.Close()
	defer removeRetry(brk)
	cur, err := readLock(path)
	if err != nil || !os.SameFile(cur.stat, info.stat) || !bytes.Equal(cur.raw, info.raw) {
		return false
	}
	return removeRetry(path) == nil
}

// release removes the lock file if it is still this lock's.
func (l *lock) release() {
	defer heldTokens.Delete(l.token)
	if cur, err := readLock(l.path); err == nil && cur.token == l.token {
		removeRetry(l.path)
	}
}

// removeRetry removes a file, trying again for a while on Windows, where a
// file another process has open (a waiter reading the lock) cannot be
// removed.
func removeRetry(path string) error {
	var err error
	for i := 0; i < 100; i++ {
		if err = os.Remove(path); err == nil || errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		time.Sleep(10 * time.Millisecond)
	}
	return err
}

// busy says that another issue holds the lock, whose it is, and how to
// remove it when in doubt.
func busy(path, dir string, info *lockInfo, rerr error) string {
	return fmt.Sprintf("đang có một lệnh kehoach issue khác ban hành kế hoạch trong thư mục %s (tệp khóa %s%s); đã chờ %d giây. Hãy chờ lệnh đó xong rồi chạy lại. Nếu chắc chắn không còn lệnh kehoach issue nào đang chạy (ví dụ máy bị tắt giữa chừng), hãy xóa tệp %s rồi chạy lại.",
		dir, path, maker(info, rerr), int(LockWait.Seconds()), path)
}

// maker says who made the lock, when the file says it.
func maker(info *lockInfo, rerr error) string {
	if rerr != nil || info == nil || info.made.IsZero() {
		return ""
	}
	return fmt.Sprintf(", do tiến trình %d trên máy %s tạo lúc %s", info.pid, info.host, clock(info.made))
}

// clock is a time as a Vietnamese reader writes it: 14:05:09 ngày 05/08/2025.
func clock(t time.Time) string { return t.Local().Format("15:04:05 ngày 02/01/2006") }

func newToken() string {
	b := make([]byte, 12)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func jitter() uint {
	var b [1]byte
	rand.Read(b[:])
	return uint(b[0])
}
