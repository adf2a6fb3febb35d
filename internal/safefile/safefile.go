// Package safefile reads the files a repository supplies — plans, commune
// files, provincial criteria sets, template files — so that no file can
// make a command hang or run out of memory, nor lead it out of the
// repository:
//
//   - the size is known before reading (stat), and the file is read
//     through io.LimitReader(limit+1), so a file that grows while it is
//     read stops at the limit too;
//   - only regular files are read: a device (/dev/zero, /dev/random), a
//     FIFO, a socket or a folder is refused with a message, without being
//     opened (a FIFO would block the open) — and the file opened is checked
//     again (fstat) to be the regular file that was looked at;
//   - a symlink (of the file itself or of a folder on its path) whose real
//     target is outside the repository is refused: git stores symlinks, so
//     a merge request could add plans/x/2025.yaml → /etc/… or ~/.ssh/….
//
// The repository of a file is, by its path as written (not resolved): the
// nearest enclosing folder holding .git; else the folder holding the
// nearest enclosing folder named plans; else the working folder when the
// file is below it; else the file's own folder. The real location of the
// nearest enclosing folder named plans counts as inside too (a plans
// folder that is itself a symlink to a shared folder is followed), and so
// does every folder given to Trust: the command layer trusts the folders
// named on the command line (the plan folder tree given) and the
// templates folder in use.
//
// Errors are *Error, whose text is the reason in Vietnamese without the
// path (callers say which file), ending with what to do.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// Kind is why a file is refused.
type Kind int

const (
	TooLarge Kind = iota + 1 // larger than the limit
	Special                  // not a regular file: a device, FIFO, socket, folder
	Outside                  // a symlink leading out of the repository
)

// Error is a file refused before (or while) it is read.
type Error struct {
	Path  string
	Kind  Kind
	Size  int64  // TooLarge: the size, or 0 when it grew while being read
	Limit int64  // TooLarge
	What  string // Special: what it is ("thiết bị", "FIFO (ống có tên)", …)
	Link  bool   // the file itself is a symlink (else a folder on its path is)
	Real  string // where the symlinks lead (Special, Outside), "" for none
	Root  string // Outside: the repository
}

// Error is the reason, in Vietnamese, without the path.
func (e *Error) Error() string {
	switch e.Kind {
	case TooLarge:
		if e.Size > 0 {
			return fmt.Sprintf("tệp quá lớn (%d byte, tối đa %d byte); hãy tách bớt nội dung hoặc kiểm tra lại tệp.", e.Size, e.Limit)
		}
		return fmt.Sprintf("tệp quá lớn (hơn %d byte, và còn lớn thêm khi đang đọc); hãy tách bớt nội dung hoặc kiểm tra lại tệp.", e.Limit)
	case Special:
		if e.Link {
			return fmt.Sprintf("tệp là liên kết (symlink) tới %s, là %s chứ không phải tệp thường; kehoach chỉ đọc tệp thường: hãy thay liên kết bằng tệp thật.", e.Real, e.What)
		}
		return fmt.Sprintf("đây là %s chứ không phải tệp thường; kehoach chỉ đọc tệp thường: hãy xóa nó và đặt tệp thật vào chỗ đó.", e.What)
	case Outside:
		how := "tệp là liên kết (symlink) tới " + e.Real
		if !e.Link {
			how = "đường dẫn đi qua một thư mục liên kết (symlink), tới " + e.Real
		}
		return fmt.Sprintf("%s, nằm ngoài kho mã (%s); kehoach không theo liên kết ra ngoài kho mã: hãy chép tệp đó vào kho mã thay cho liên kết.", how, e.Root)
	}
	return "không đọc được tệp."
}

// File is an open regular file whose reads stop at the limit.
type File struct {
	f     *os.File
	r     io.Reader
	n     int64
	limit int64
	path  string
}

// Read reads from the file; past the limit it returns a TooLarge *Error.
func (f *File) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	f.n += int64(n)
	if f.n > f.limit {
		return n, &Error{Path: f.path, Kind: TooLarge, Limit: f.limit}
	}
	return n, err
}

// Stat describes the open file.
func (f *File) Stat() (fs.FileInfo, error) { return f.f.Stat() }

// Close closes the file.
func (f *File) Close() error { return f.f.Close() }

// Open opens the regular file at path for reading at most limit bytes,
// after the checks of the package comment. Errors of the OS (a missing
// file, no permission) are returned as they are.
func Open(path string, limit int64) (*File, error) {
	lst, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	st, link := lst, lst.Mode()&fs.ModeSymlink != 0
	if link {
		if st, err = os.Stat(path); err != nil {
			return nil, err // a dangling link: "does not exist"
		}
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		if link || errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		// EvalSymlinks fails on some Windows volumes (RAM disks, container
		// mounts) where the file itself is no link: no link is known.
		real = abs
	}
	viaLink := !samePath(real, abs)
	shown := ""
	if viaLink {
		shown = real
	}
	if !Regular(st.Mode()) {
		return nil, &Error{Path: path, Kind: Special, What: what(st.Mode()), Link: link, Real: shown}
	}
	if viaLink {
		if root, ok := inside(real, abs); !ok {
			return nil, &Error{Path: path, Kind: Outside, Link: link, Real: real, Root: root}
		}
	}
	if st.Size() > limit {
		return nil, &Error{Path: path, Kind: TooLarge, Size: st.Size(), Limit: limit}
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, err
	}
	fst, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !Regular(fst.Mode()) || !os.SameFile(fst, st) {
		// Replaced between the look and the open.
		f.Close()
		return nil, &Error{Path: path, Kind: Special, What: what(fst.Mode()), Link: link, Real: shown}
	}
	return &File{f: f, r: io.LimitReader(f, limit+1), limit: limit, path: path}, nil
}

// ReadFile reads the regular file at path, at most limit bytes, after the
// checks of the package comment.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, err := Open(path, limit)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size := int64(512)
	if st, err := f.Stat(); err == nil && st.Size() > 0 {
		size = min(st.Size(), limit) + 1
	}
	b := make([]byte, 0, size)
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := f.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// Regular reports whether a file of mode m may be read. On Windows, a file
// with a reparse point other than a symlink (a OneDrive file kept in the
// cloud, say) is ModeIrregular since Go 1.23 but reads as a plain file;
// Windows has no FIFO or device a plan path could name.
func Regular(m fs.FileMode) bool {
	return m.IsRegular() || runtime.GOOS == "windows" && m&fs.ModeType == fs.ModeIrregular
}

// what names a file type that is not a regular file.
func what(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "một thư mục"
	case m&fs.ModeNamedPipe != 0:
		return "một FIFO (ống có tên)"
	case m&fs.ModeSocket != 0:
		return "một socket"
	case m&fs.ModeCharDevice != 0, m&fs.ModeDevice != 0:
		return "một thiết bị"
	}
	return "một tệp đặc biệt"
}

var trusted struct {
	mu   sync.Mutex
	dirs []string // real paths
}

// Trust makes the real location of dir count as inside the repository: a
// symlink may lead anywhere within it. The command layer trusts the
// folders named on the command line and the templates folder in use.
func Trust(dir string) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return
	}
	trusted.mu.Lock()
	defer trusted.mu.Unlock()
	for _, d := range trusted.dirs {
		if samePath(d, real) {
			return
		}
	}
	trusted.dirs = append(trusted.dirs, real)
}

// rootsCache maps a working folder and a folder (absolute, as written) to
// the real locations
// that count as inside for its files, the repository first.
var rootsCache sync.Map

// inside reports whether real, where the file at abs leads, lies in its
// repository (or another folder that counts as inside); root is the
// repository, for the message.
func inside(real, abs string) (root string, ok bool) {
	dir := filepath.Dir(abs)
	wd, _ := os.Getwd() // the repository may be the working folder
	key := wd + "\x00" + dir
	v, found := rootsCache.Load(key)
	if !found {
		v, _ = rootsCache.LoadOrStore(key, roots(dir, wd))
	}
	rs := v.([]string)
	for _, r := range rs {
		if within(real, r) {
			return rs[0], true
		}
	}
	trusted.mu.Lock()
	defer trusted.mu.Unlock()
	for _, r := range trusted.dirs {
		if within(real, r) {
			return rs[0], true
		}
	}
	return rs[0], false
}

// roots lists the real locations that count as inside for the files of
// dir (absolute, as written): its repository, then the nearest enclosing
// plans folder.
func roots(dir, wd string) []string {
	var repo, plans string
	for d := dir; ; d = filepath.Dir(d) {
		if plans == "" && strings.EqualFold(filepath.Base(d), "plans") {
			plans = d
		}
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			repo = d
			break
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	if repo == "" {
		switch {
		case plans != "":
			repo = filepath.Dir(plans)
		case wd != "" && within(dir, wd):
			repo = wd
		default:
			repo = dir
		}
	}
	out := []string{realPath(repo)}
	if plans != "" {
		out = append(out, realPath(plans))
	}
	return out
}

func realPath(p string) string { // p is absolute
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	return p
}

// within reports whether path is dir or lies below it (both absolute and
// clean; letter case ignored on Windows and macOS, whose file systems
// usually ignore it).
func within(path, dir string) bool {
	rel, err := filepath.Rel(fold(dir), fold(path))
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

func samePath(a, b string) bool { return fold(filepath.Clean(a)) == fold(filepath.Clean(b)) }

func fold(p string) string {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		return strings.ToLower(p)
	}
	return p
}
