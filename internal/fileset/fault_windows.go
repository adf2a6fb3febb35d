//go:build windows

package fileset

import (
	"errors"
	"syscall"
)

// Windows error codes (winerror.h) that a write of an output meets.
const (
	errorAccessDenied     = syscall.Errno(5)    // ERROR_ACCESS_DENIED
	errorWriteProtect     = syscall.Errno(19)   // ERROR_WRITE_PROTECT
	errorSharingViolation = syscall.Errno(32)   // ERROR_SHARING_VIOLATION
	errorLockViolation    = syscall.Errno(33)   // ERROR_LOCK_VIOLATION
	errorHandleDiskFull   = syscall.Errno(39)   // ERROR_HANDLE_DISK_FULL
	errorDiskFull         = syscall.Errno(112)  // ERROR_DISK_FULL
	errorDiskQuota        = syscall.Errno(1295) // ERROR_DISK_QUOTA_EXCEEDED
)

// fault classifies an error of a write on Windows. Word, Excel and
// Acrobat open a document without FILE_SHARE_DELETE, so replacing or
// renaming it fails with ERROR_SHARING_VIOLATION or ERROR_ACCESS_DENIED;
// creating a file in a folder fails with ERROR_ACCESS_DENIED when the
// folder is not writable (Program Files, another user's folder).
func fault(err error, st stage) faultKind {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return faultOther
	}
	switch errno {
	case errorSharingViolation, errorLockViolation:
		return faultInUse
	case errorAccessDenied:
		if st == stageReplace {
			return faultInUse
		}
		return faultDirDenied
	case errorDiskFull, errorHandleDiskFull, errorDiskQuota:
		return faultNoSpace
	case errorWriteProtect:
		return faultReadOnlyFS
	}
	return faultOther
}
