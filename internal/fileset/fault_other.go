//go:build !windows

package fileset

import (
	"errors"
	"syscall"
)

// fault classifies an error of a write on Linux and macOS. Files are not
// locked there against replacement (a PDF viewer keeps reading the old
// version), so "in use" is only EBUSY/ETXTBSY; a permission error on a
// rename or a create is about the folder.
func fault(err error, st stage) faultKind {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return faultOther
	}
	switch errno {
	case syscall.EBUSY, syscall.ETXTBSY:
		return faultInUse
	case syscall.EACCES, syscall.EPERM:
		return faultDirDenied
	case syscall.EISDIR, syscall.ENOTEMPTY, syscall.EEXIST:
		return faultIsDir
	case syscall.ENOSPC, syscall.EDQUOT:
		return faultNoSpace
	case syscall.EROFS:
		return faultReadOnlyFS
	}
	return faultOther
}
