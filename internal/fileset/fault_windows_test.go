//go:build windows

package fileset

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// errInUse is what MoveFileEx gives for a file Word holds open.
var errInUse error = errorSharingViolation

// errDiskFull is the error of a write to a full disk.
var errDiskFull error = errorDiskFull

// The Windows error codes a write meets, classified as the user can act
// on them; access denied means "held open" when replacing a file but "no
// permission" when creating one in the folder.
func TestFaultWindows(t *testing.T) {
	tests := []struct {
		err   error
		stage stage
		want  faultKind
	}{
		{&os.LinkError{Op: "rename", Old: "a", New: "b", Err: errorSharingViolation}, stageReplace, faultInUse},
		{&os.LinkError{Op: "rename", Old: "a", New: "b", Err: errorAccessDenied}, stageReplace, faultInUse},
		{&os.LinkError{Op: "rename", Old: "a", New: "b", Err: errorLockViolation}, stageReplace, faultInUse},
		{&os.PathError{Op: "open", Path: "a", Err: errorAccessDenied}, stageCreate, faultDirDenied},
		{&os.PathError{Op: "write", Path: "a", Err: errorDiskFull}, stageCreate, faultNoSpace},
		{&os.PathError{Op: "open", Path: "a", Err: errorWriteProtect}, stageCreate, faultReadOnlyFS},
		{&os.PathError{Op: "open", Path: "a", Err: syscall.Errno(206)}, stageCreate, faultOther},
	}
	for _, tc := range tests {
		if got := fault(tc.err, tc.stage); got != tc.want {
			t.Errorf("fault(%v, %d) = %d, want %d", tc.err, tc.stage, got, tc.want)
		}
	}
}

// A real lock: the PDF held open the way Word and Acrobat hold a document
// (read and write access, sharing read only). The set is not replaced, the
// message names the PDF and says to close it.
func TestWriteAllLockedWindows(t *testing.T) {
	dir := t.TempDir()
	old := writeSet(t, dir, "cu")
	name, err := syscall.UTF16PtrFromString(filepath.Join(dir, "kh.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	h, err := syscall.CreateFile(name, syscall.GENERIC_READ|syscall.GENERIC_WRITE, syscall.FILE_SHARE_READ, nil, syscall.OPEN_EXISTING, syscall.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, err = WriteAll(dir, set("moi"))
	syscall.CloseHandle(h)
	want := "không ghi được " + filepath.Join(dir, "kh.pdf") + ": tệp đang mở trong chương trình khác (Word, Excel hay trình đọc PDF); hãy đóng tệp đó rồi chạy lại. Các tệp khác của kế hoạch này vẫn là bản cũ, chưa bị thay."
	if err == nil || err.Error() != want {
		t.Fatalf("error:\n got %v\nwant %s", err, want)
	}
	checkSet(t, dir, old)
}
