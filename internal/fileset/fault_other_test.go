//go:build !windows

package fileset

import "syscall"

// errInUse is the error the OS gives when another program holds a file
// open; Linux has no such lock on replacement, so EBUSY stands in for it.
var errInUse error = syscall.EBUSY

// errDiskFull is the error of a write to a full disk.
var errDiskFull error = syscall.ENOSPC
