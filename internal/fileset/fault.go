package fileset

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// faultKind is why a file could not be written, as the user can act on it.
// The operating system decides which errors mean what (fault_windows.go,
// fault_other.go).
type faultKind int

const (
	faultOther      faultKind = iota
	faultInUse                // another program holds the file open
	faultReadOnly             // the file is marked read-only
	faultDirDenied            // no permission to write in the folder
	faultIsDir                // a folder has the output's name
	faultFileInPath           // a file has the name of a folder of the path
	faultNoSpace              // the disk is full
	faultReadOnlyFS           // the disk or share is read-only
)

// stage is the step of a write that failed: creating a file in the folder,
// or replacing the output itself.
type stage int

const (
	stageCreate stage = iota
	stageReplace
)

// FileError is one file (or folder, when Dir) that could not be written.
type FileError struct {
	Path string
	Dir  bool  // Path is the output folder, which could not be created
	Err  error // the OS error, if any (never printed: it is English)
	kind faultKind
	// input: a file the user edits (a plan rewritten in place, the lock
	// of issue), not an output: there is no -o to choose another folder.
	input bool
}

func (e *FileError) Unwrap() error { return e.Err }

// InUse reports whether the file is held open by another program.
func (e *FileError) InUse() bool { return e.kind == faultInUse }

func (e *FileError) Error() string {
	if e.Dir {
		return fmt.Sprintf("không tạo được thư mục %s: %s", e.Path, e.reason())
	}
	return fmt.Sprintf("không ghi được %s: %s", e.Path, e.reason())
}

// reason says in Vietnamese what went wrong and what to do.
func (e *FileError) reason() string {
	dir := filepath.Dir(e.Path)
	if e.Dir {
		dir = e.Path
	}
	switch e.kind {
	case faultInUse:
		return "tệp đang mở trong chương trình khác (Word, Excel hay trình đọc PDF); hãy đóng tệp đó rồi chạy lại."
	case faultReadOnly:
		return "tệp được đặt chỉ đọc (Read-only); hãy bỏ chọn Read-only trong Properties của tệp rồi chạy lại."
	case faultDirDenied:
		if e.input {
			return fmt.Sprintf("không có quyền ghi vào thư mục %s; hãy xin quyền ghi vào thư mục đó rồi chạy lại.", dir)
		}
		return fmt.Sprintf("không có quyền ghi vào thư mục %s; hãy chọn thư mục khác (-o) hoặc xin quyền ghi.", dir)
	case faultIsDir:
		return "đã có một thư mục trùng tên với tệp này; hãy đổi tên hay xóa thư mục đó rồi chạy lại."
	case faultFileInPath:
		return "trên đường dẫn có một tệp trùng tên thư mục; hãy đổi tên tệp đó hoặc chọn thư mục khác (-o)."
	case faultNoSpace:
		return "ổ đĩa đã đầy; hãy xóa bớt tệp rồi chạy lại."
	case faultReadOnlyFS:
		if e.input {
			return "ổ đĩa chỉ cho đọc (USB bị khóa ghi, ổ mạng chỉ đọc); hãy chép kho mã sang ổ ghi được (hoặc mở khóa ghi) rồi chạy lại."
		}
		return "ổ đĩa chỉ cho đọc (USB bị khóa ghi, ổ mạng chỉ đọc); hãy chọn thư mục khác (-o)."
	}
	return fmt.Sprintf("lỗi của hệ điều hành (%s).", osMessage(e.Err))
}

// osMessage is the OS's own text of err without the paths around it (the
// temporary file's name means nothing to the user).
func osMessage(err error) string {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return errno.Error()
	}
	var pe *os.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return pe.Err.Error()
	case errors.As(err, &le):
		return le.Err.Error()
	case err == nil:
		return "không rõ"
	}
	return err.Error()
}

// WriteError is a set of files (a plan's DOCX, PDF, XLSX) that could not be
// written as a whole. Unless New is set, the folder holds the old set whole.
type WriteError struct {
	Failed []*FileError // the files that could not be written, and why
	Old    []string     // the files of the set still at their old version
	New    []string     // files left at the new version: the undo failed
	single bool         // a set of one file
	known  bool         // Old and New are filled in (finish)
}

// InUse reports whether some file is held open by another program.
func (e *WriteError) InUse() bool {
	for _, f := range e.Failed {
		if f.InUse() {
			return true
		}
	}
	return false
}

func (e *WriteError) Unwrap() []error {
	out := make([]error, len(e.Failed))
	for i, f := range e.Failed {
		out[i] = f
	}
	return out
}

func (e *WriteError) Error() string {
	lines := make([]string, len(e.Failed))
	for i, f := range e.Failed {
		lines[i] = f.Error()
	}
	failed := map[string]bool{}
	for _, f := range e.Failed {
		failed[f.Path] = true
	}
	others := 0 // old files of the set besides the failed ones
	for _, p := range e.Old {
		if !failed[p] {
			others++
		}
	}
	var tail string
	switch {
	case len(e.New) > 0 && len(e.Old) > 0:
		tail = fmt.Sprintf("CHÚ Ý: %s đã là bản mới, còn %s vẫn là bản cũ: các tệp không khớp nhau; hãy chạy lại sau khi sửa lỗi trên.", strings.Join(e.New, ", "), strings.Join(e.Old, ", "))
	case len(e.New) > 0:
		tail = fmt.Sprintf("CHÚ Ý: %s đã là bản mới, các tệp khác của kế hoạch này chưa được ghi; hãy chạy lại sau khi sửa lỗi trên.", strings.Join(e.New, ", "))
	case !e.known || e.single || len(e.Failed) == 0:
	case others > 0:
		tail = "Các tệp khác của kế hoạch này vẫn là bản cũ, chưa bị thay."
	default:
		tail = "Các tệp khác của kế hoạch này chưa được ghi."
	}
	s := strings.Join(lines, "\n")
	if tail != "" {
		s += " " + tail
	}
	return s
}

// finish fills in what the folder holds once a write failed and was undone
// as far as it could be.
func (e *WriteError) finish(steps []*step) *WriteError {
	e.single, e.known = len(steps) == 1, true
	for _, s := range steps {
		switch {
		case s.replaced:
			e.New = append(e.New, s.dst)
		case s.existed:
			e.Old = append(e.Old, s.dst)
		}
	}
	return e
}

// CreateError is the error of creating the file path that is not an output
// (the lock file of kehoach issue), said like an output's: why, in
// Vietnamese, and what to do.
func CreateError(path string, err error) *FileError {
	return &FileError{Path: path, Err: err, kind: fault(err, stageCreate), input: true}
}
