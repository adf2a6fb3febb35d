// Package fileset writes files without ever leaving a half-written one: a
// set of outputs all or nothing (WriteAll), one file (WriteAtomic), an
// edited input in place at its real path (WriteInPlace); it says in
// Vietnamese why a write failed (a file held open by Word, a full disk, a
// read-only folder) and cleans the temporary files killed runs left.
package fileset

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Rename puts a finished temporary file in place of an output (os.Rename:
// MoveFileEx with MOVEFILE_REPLACE_EXISTING on Windows). Tests replace it
// to simulate Windows refusing to replace a file that Word, Excel or a PDF
// reader holds open (ERROR_SHARING_VIOLATION, ERROR_ACCESS_DENIED).
var Rename = os.Rename

// WriteData writes the bytes of a temporary file (name is the output's
// name). Tests replace it to simulate a disk that fills up part-way through
// a set (ENOSPC after some bytes), which no rename may follow: the set
// stays old, whole.
var WriteData = func(w io.Writer, name string, data []byte) error {
	_, err := w.Write(data)
	return err
}

// Output is one written file.
type Output struct {
	Path  string
	Bytes int
}

// File is one file of a set to write: a plain file name and its bytes.
type File struct {
	Name string
	Data []byte
}

// step is the state of one file of a set during WriteAll.
type step struct {
	dst, tmp, bak string
	existed       bool // dst was there before
	replaced      bool // tmp was renamed to dst
}

// WriteAll writes files into dir as one set, all or nothing. Every file is
// written to a temporary file in dir first; only when all are complete are
// they renamed into place, so a reader never sees a half-written file. If
// one cannot be put in place (on Windows: held open by another program),
// the files already replaced are put back from backups made just before,
// and the folder keeps the old set whole. The error is then a *WriteError
// naming each file that could not be written, why, and which files are old.
// A name must be a plain file name: an output can never leave dir.
func WriteAll(dir string, files []File) ([]Output, error) {
	steps := make([]*step, len(files))
	for i, f := range files {
		if f.Name != filepath.Base(f.Name) || f.Name == "." || f.Name == ".." || strings.ContainsAny(f.Name, `/\`) {
			return nil, fmt.Errorf("tên tệp kết quả “%s” không hợp lệ", f.Name)
		}
		steps[i] = &step{dst: filepath.Join(dir, f.Name)}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fe := &FileError{Path: dir, Dir: true, Err: err, kind: mkdirFault(dir, err)}
		return nil, &WriteError{Failed: []*FileError{fe}}
	}
	defer func() {
		// Whatever happens, no temporary file or backup is left behind.
		for _, s := range steps {
			if s.tmp != "" && !s.replaced {
				os.Remove(s.tmp)
			}
			if s.bak != "" {
				removeBackup(s.bak)
			}
		}
	}()

	werr := &WriteError{}
	// 1. What is there now: an old version, nothing, or a folder in the way.
	for _, s := range steps {
		st, err := os.Lstat(s.dst)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			s.existed = true
			werr.Failed = append(werr.Failed, &FileError{Path: s.dst, Err: err, kind: fault(err, stageReplace)})
		case st.IsDir():
			s.existed = true
			werr.Failed = append(werr.Failed, &FileError{Path: s.dst, kind: faultIsDir})
		default:
			s.existed = true
		}
	}
	if len(werr.Failed) > 0 {
		return nil, werr.finish(steps)
	}
	// 2. The new versions, as temporary files beside their outputs; then
	// backups of the old versions, so that a failed rename can be undone.
	// A single file needs none: its rename replaces it or leaves it.
	for i, f := range files {
		tmp, err := writeTemp(dir, f)
		steps[i].tmp = tmp
		if err != nil {
			werr.Failed = append(werr.Failed, &FileError{Path: steps[i].dst, Err: err, kind: fault(err, stageCreate)})
			return nil, werr.finish(steps)
		}
	}
	for _, s := range steps {
		if s.existed && len(steps) > 1 {
			var err error
			if s.bak, err = backup(s.dst); err != nil {
				werr.Failed = append(werr.Failed, &FileError{Path: s.dst, Err: err, kind: fault(err, stageReplace)})
			}
		}
	}
	if len(werr.Failed) > 0 {
		return nil, werr.finish(steps)
	}
	// 3. The renames. After a failure the others are still tried, so that
	// the message names every file that is held open, not only the first.
	for _, s := range steps {
		if err := Rename(s.tmp, s.dst); err != nil {
			werr.Failed = append(werr.Failed, &FileError{Path: s.dst, Err: err, kind: replaceFault(s.dst, err)})
			continue
		}
		s.replaced = true
	}
	if len(werr.Failed) == 0 {
		outs := make([]Output, len(files))
		for i, s := range steps {
			outs[i] = Output{Path: s.dst, Bytes: len(files[i].Data)}
		}
		return outs, nil
	}
	// 4. Undo: the old version back, or no file where there was none.
	for _, s := range steps {
		if !s.replaced {
			continue
		}
		var err error
		if s.existed {
			if err = Rename(s.bak, s.dst); err == nil {
				s.bak = ""
			}
		} else {
			err = os.Remove(s.dst)
		}
		if err == nil {
			s.replaced = false
		}
	}
	return nil, werr.finish(steps)
}

// WriteAtomic writes one file with WriteAll and returns its path.
func WriteAtomic(dir, name string, data []byte) (string, error) {
	outs, err := WriteAll(dir, []File{{Name: name, Data: data}})
	if err != nil {
		return "", err
	}
	return outs[0].Path, nil
}

// writeTemp writes f to a new hidden temporary file in dir (".name.*.tmp",
// which CleanStale removes once a killed build left it) and returns its path.
func writeTemp(dir string, f File) (string, error) {
	tmp, err := os.CreateTemp(dir, "."+f.Name+".*.tmp")
	if err != nil {
		return "", err
	}
	werr := WriteData(tmp, f.Name, f.Data)
	if werr == nil {
		werr = tmp.Chmod(0o644)
	}
	serr := tmp.Sync()
	cerr := tmp.Close()
	if err := firstErr(werr, serr, cerr); err != nil {
		return tmp.Name(), err
	}
	return tmp.Name(), nil
}

// backup keeps the current content of dst under a hidden name beside it
// (".name.*.bak"): a hard link where the file system has them (no copy, and
// dst never goes missing), a copy otherwise (FAT USB sticks, some network
// drives).
func backup(dst string) (string, error) {
	dir, name := filepath.Split(dst)
	f, err := os.CreateTemp(dir, "."+name+".*.bak")
	if err != nil {
		return "", err
	}
	bak := f.Name()
	f.Close()
	os.Remove(bak)
	if os.Link(dst, bak) == nil {
		return bak, nil
	}
	if err := copyFile(dst, bak); err != nil {
		os.Remove(bak)
		return "", err
	}
	return bak, nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	return firstErr(err, out.Close())
}

// removeBackup removes a backup; a copy of a read-only output is read-only
// too, and Windows removes it only once that is cleared.
func removeBackup(bak string) {
	if os.Remove(bak) != nil {
		os.Chmod(bak, 0o644)
		os.Remove(bak)
	}
}

// mkdirFault says why dir could not be created: a file where a folder of
// its path should be, or the OS error.
func mkdirFault(dir string, err error) faultKind {
	for d := dir; ; d = filepath.Dir(d) {
		if st, serr := os.Stat(d); serr == nil {
			if !st.IsDir() {
				return faultFileInPath
			}
			break
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	return fault(err, stageCreate)
}

// replaceFault classifies a failed rename onto dst; Windows refuses to
// replace a read-only file with the same error as a file held open.
func replaceFault(dst string, err error) faultKind {
	k := fault(err, stageReplace)
	if k == faultInUse {
		if st, serr := os.Stat(dst); serr == nil && st.Mode().Perm()&0o200 == 0 {
			return faultReadOnly
		}
	}
	return k
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// WriteInPlace replaces the file at path, an input the user edits (a plan
// or commune file rewritten by fmt -w, check -fix or issue), with data,
// atomically, keeping its permissions, and returns the file written. When
// path is a symlink (a plan shared between folders), the file it points to
// is replaced and the link is kept: replacing the link by a copy would
// leave the shared plan unchanged while the command says it is done.
// Temporary files that killed runs left in that folder are removed first
// (CleanStale).
func WriteInPlace(path string, data []byte) (string, error) {
	target := path
	if st, err := os.Lstat(path); err == nil && st.Mode()&fs.ModeSymlink != 0 {
		if target, err = filepath.EvalSymlinks(path); err != nil {
			return "", fmt.Errorf("%s là liên kết (symlink) tới một tệp không còn nữa; hãy sửa hay xóa liên kết đó", path)
		}
	}
	info, _ := os.Stat(target)
	dir, name := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	CleanStale(dir)
	if _, err := WriteAtomic(dir, name, data); err != nil {
		var we *WriteError
		if errors.As(err, &we) {
			for _, f := range we.Failed {
				f.input = true
			}
		}
		return "", err
	}
	if info != nil {
		os.Chmod(target, info.Mode().Perm())
	}
	return target, nil
}

// WriteNew writes data to path atomically (a temporary file, then a hard
// link that fails when path exists), so that an existing file is never
// replaced and a reader never sees half a file. The error wraps
// fs.ErrExist when path is already there.
func WriteNew(path string, data []byte) error {
	dir := filepath.Dir(path)
	name, err := writeTemp(dir, File{Name: filepath.Base(path), Data: data})
	if name != "" {
		defer os.Remove(name)
	}
	if name == "" && err != nil {
		return fmt.Errorf("không ghi được vào thư mục %s: %w", dir, err)
	}
	if err != nil {
		return fmt.Errorf("không ghi được tệp %s: %w", path, err)
	}
	err = os.Link(name, path)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s: %w", path, fs.ErrExist)
	}
	if err != nil {
		// No hard links here (some file systems): check, then rename.
		if _, serr := os.Stat(path); serr == nil {
			return fmt.Errorf("%s: %w", path, fs.ErrExist)
		}
		if rerr := Rename(name, path); rerr != nil {
			return fmt.Errorf("không ghi được tệp %s: %w", path, rerr)
		}
	}
	return nil
}
