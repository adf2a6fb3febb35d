package oserr

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// english is what the OS says and no message may carry.
var english = []string{"no such file", "permission denied", "no space left", "read-only file system", "file name too long", "is a directory", "not a directory", "file exists", "directory not empty"}

func TestText(t *testing.T) {
	dir := t.TempDir()
	_, notExist := os.Open(filepath.Join(dir, "khong-co.yaml"))
	_, isDir := os.ReadFile(dir)
	long := os.WriteFile(filepath.Join(dir, strings.Repeat("a", 300)), nil, 0o644)
	for _, c := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("x.yaml: không đọc được tệp kế hoạch: %w", notExist), "x.yaml: không đọc được tệp kế hoạch: không có tệp hay thư mục này (khi mở “" + filepath.Join(dir, "khong-co.yaml") + "”)"},
		{fmt.Errorf("không ghi được tệp a.pdf: %w", &fs.PathError{Op: "write", Path: "out/.a.tmp", Err: syscall.ENOSPC}), "không ghi được tệp a.pdf: ổ đĩa hết chỗ trống; hãy xóa bớt tệp hoặc ghi sang ổ khác (khi ghi “out/.a.tmp”)"},
		{&fs.PathError{Op: "mkdir", Path: "/ro/out", Err: syscall.EROFS}, "ổ đĩa hay thư mục chỉ cho đọc, không ghi được (khi tạo thư mục “/ro/out”)"},
		{fmt.Errorf("a: %w", long), "tên tệp hoặc đường dẫn quá dài"},
		{isDir, "đây là thư mục, không phải tệp"},
		{&os.LinkError{Op: "rename", Old: "a", New: "b", Err: syscall.EXDEV}, "không chuyển được tệp sang ổ đĩa khác (khi đổi tên “a → b”)"},
		{fmt.Errorf("ghi: %w", syscall.EACCES), "ghi: không có quyền truy cập"},
		{errors.Join(errors.New("một"), &fs.PathError{Op: "open", Path: "p", Err: syscall.EACCES}), "một\nkhông có quyền truy cập (tệp hay thư mục được bảo vệ, hoặc thuộc người dùng khác) (khi mở “p”)"},
		{errors.New("không đổi"), "không đổi"},
	} {
		got := Text(c.err)
		if !strings.Contains(got, c.want) {
			t.Errorf("Text(%q) = %q, want %q", c.err, got, c.want)
		}
		for _, en := range english {
			if strings.Contains(got, en) {
				t.Errorf("Text(%q) = %q: English %q", c.err, got, en)
			}
		}
	}
	if e := Error(notExist); !errors.Is(e, fs.ErrNotExist) || strings.Contains(e.Error(), "no such") {
		t.Errorf("Error: %v", e)
	}
}

// An OS error formatted with %v (its chain lost) is said in Vietnamese too.
func TestTextWithoutChain(t *testing.T) {
	err := fmt.Errorf("không ghi được: %v", &fs.PathError{Op: "write", Path: "a", Err: syscall.ENOSPC})
	if got := Text(err); strings.Contains(got, "no space") || !strings.Contains(got, "ổ đĩa hết chỗ trống") {
		t.Errorf("%q", got)
	}
}
