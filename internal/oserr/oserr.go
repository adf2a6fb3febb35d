// Package oserr says in Vietnamese what the operating system's errors
// mean, so that no message kehoach prints carries English from the OS
// (“no space left on device”, “read-only file system”, “file name too
// long”, “permission denied”): F-21 of the adversarial review.
//
// Text rewrites a whole error message, whatever wraps the OS error: each
// *fs.PathError, *os.LinkError, *os.SyscallError and syscall.Errno found in
// the error's chain is replaced, where its text stands, by its Vietnamese
// reading. Error gives that reading as an error that still wraps the
// original, for errors.Is.
package oserr

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"strings"
	"syscall"
)

const (
	notExist   = "không có tệp hay thư mục này"
	permission = "không có quyền truy cập (tệp hay thư mục được bảo vệ, hoặc thuộc người dùng khác)"
	exist      = "đã có tệp hay thư mục này"
)

// causes are the OS errors kehoach's users meet, by errors.Is target.
var causes = []struct {
	target error
	vi     string
}{
	{fs.ErrNotExist, notExist},
	{fs.ErrPermission, permission},
	{fs.ErrExist, exist},
	{syscall.ENOSPC, "ổ đĩa hết chỗ trống; hãy xóa bớt tệp hoặc ghi sang ổ khác"},
	{syscall.EDQUOT, "đã dùng hết hạn mức dung lượng của người dùng trên ổ đĩa"},
	{syscall.EROFS, "ổ đĩa hay thư mục chỉ cho đọc, không ghi được"},
	{syscall.ENAMETOOLONG, "tên tệp hoặc đường dẫn quá dài"},
	{syscall.ENOTDIR, "một phần của đường dẫn là tệp, không phải thư mục"},
	{syscall.EISDIR, "đây là thư mục, không phải tệp"},
	{syscall.ENOTEMPTY, "thư mục không trống"},
	{syscall.EBUSY, "tệp hay thư mục đang được chương trình khác dùng"},
	{syscall.ETXTBSY, "tệp đang được chương trình khác dùng"},
	{syscall.EMFILE, "chương trình mở quá nhiều tệp cùng lúc"},
	{syscall.ENFILE, "hệ thống mở quá nhiều tệp cùng lúc"},
	{syscall.EIO, "lỗi đọc ghi của ổ đĩa (ổ đĩa hỏng hoặc bị rút ra)"},
	{syscall.ELOOP, "đường dẫn có liên kết tượng trưng (symlink) trỏ vòng quanh"},
	{syscall.EXDEV, "không chuyển được tệp sang ổ đĩa khác"},
	{syscall.EINVAL, "tên hay thao tác không hợp lệ"},
}

// windowsCause is the reading of one of Windows' own codes (syscall.Errno
// values there). A switch, not a map: package initialisation builds
// nothing (every command links oserr).
func windowsCause(errno syscall.Errno) (string, bool) {
	switch errno {
	case 19: // ERROR_WRITE_PROTECT
		return "ổ đĩa chỉ cho đọc (chống ghi), không ghi được", true
	case 32: // ERROR_SHARING_VIOLATION
		return "tệp đang được chương trình khác mở (Word, Excel, trình xem PDF); hãy đóng lại", true
	case 33: // ERROR_LOCK_VIOLATION
		return "tệp đang bị chương trình khác khóa; hãy đóng chương trình đó", true
	case 39: // ERROR_HANDLE_DISK_FULL
		return "ổ đĩa hết chỗ trống; hãy xóa bớt tệp hoặc ghi sang ổ khác", true
	case 112: // ERROR_DISK_FULL
		return "ổ đĩa hết chỗ trống; hãy xóa bớt tệp hoặc ghi sang ổ khác", true
	case 123: // ERROR_INVALID_NAME
		return "tên tệp có ký tự Windows không cho phép (\\ / : * ? \" < > |)", true
	case 206: // ERROR_FILENAME_EXCED_RANGE
		return "tên tệp hoặc đường dẫn quá dài", true
	}
	return "", false
}

// opWord names the operation of an fs.PathError or os.LinkError.
func opWord(op string) (string, bool) {
	switch op {
	case "open", "openat", "CreateFile":
		return "mở", true
	case "read", "seek":
		return "đọc", true
	case "write":
		return "ghi", true
	case "close":
		return "đóng", true
	case "stat", "lstat", "fstat", "GetFileAttributesEx":
		return "xem", true
	case "mkdir", "mkdirat":
		return "tạo thư mục", true
	case "rename", "MoveFileEx":
		return "đổi tên", true
	case "remove", "unlinkat", "unlink":
		return "xóa", true
	case "rmdir":
		return "xóa thư mục", true
	case "chmod":
		return "đổi quyền", true
	case "chown":
		return "đổi chủ", true
	case "chtimes":
		return "đổi giờ", true
	case "sync", "fsync":
		return "ghi xuống đĩa", true
	case "truncate":
		return "cắt", true
	case "readdir", "readdirent", "fdopendir", "FindFirstFile":
		return "đọc thư mục", true
	case "link", "symlink":
		return "tạo liên kết", true
	case "readlink":
		return "đọc liên kết", true
	case "chdir":
		return "vào thư mục", true
	}
	return "", false
}

// Cause is the Vietnamese reading of err's OS cause ("" when err holds no
// OS error kehoach knows).
func Cause(err error) string {
	var errno syscall.Errno
	if runtime.GOOS == "windows" && errors.As(err, &errno) {
		if vi, ok := windowsCause(errno); ok {
			return vi
		}
	}
	for _, c := range causes {
		if errors.Is(err, c.target) {
			return c.vi
		}
	}
	return ""
}

// reading is how an OS error is said: the cause, then what was being done
// to which file.
func reading(op, path string, err error) string {
	cause := Cause(err)
	if cause == "" {
		cause = "lỗi của hệ điều hành: “" + err.Error() + "”"
	}
	if path == "" {
		return cause
	}
	what, ok := opWord(op)
	if !ok {
		what = "xử lý"
	}
	return fmt.Sprintf("%s (khi %s “%s”)", cause, what, path)
}

// Text is err's message with every OS error in it said in Vietnamese.
func Text(err error) string {
	if err == nil {
		return ""
	}
	s := err.Error()
	var visit func(e error)
	visit = func(e error) {
		if e == nil {
			return
		}
		var from, to string
		switch x := e.(type) {
		case *fs.PathError:
			from, to = x.Error(), reading(x.Op, x.Path, x.Err)
		case *os.LinkError:
			from, to = x.Error(), reading(x.Op, x.Old+" → "+x.New, x.Err)
		case *os.SyscallError:
			from, to = x.Error(), reading("", "", x.Err)
		case syscall.Errno:
			from, to = x.Error(), reading("", "", x)
		}
		if from != "" && strings.Contains(s, from) {
			s = strings.Replace(s, from, to, 1)
			return // what it wraps is said in its reading
		}
		switch u := e.(type) {
		case interface{ Unwrap() []error }:
			for _, c := range u.Unwrap() {
				visit(c)
			}
		case interface{ Unwrap() error }:
			visit(u.Unwrap())
		}
	}
	visit(err)
	// An OS error formatted with %v lost its chain: its English text is
	// still known.
	for _, c := range causes {
		if errno, ok := c.target.(syscall.Errno); ok && strings.Contains(s, errno.Error()) {
			s = strings.ReplaceAll(s, errno.Error(), c.vi)
		}
	}
	for _, c := range []struct {
		en string
		vi string
	}{{"file does not exist", notExist}, {"permission denied", permission}, {"file already exists", exist}} {
		s = strings.ReplaceAll(s, c.en, c.vi)
	}
	return s
}

// Error returns err with Text as its message, still wrapping err (errors.Is,
// errors.As see through it); nil for nil.
func Error(err error) error {
	if err == nil {
		return nil
	}
	if t := Text(err); t != err.Error() {
		return &vnError{t, err}
	}
	return err
}

type vnError struct {
	msg string
	err error
}

func (e *vnError) Error() string { return e.msg }
func (e *vnError) Unwrap() error { return e.err }
