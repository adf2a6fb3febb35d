//go:build !windows

package build

import "syscall"

// errInUse stands in for a file another program holds open (Linux has no
// such lock on replacement); errDiskFull is a full disk's error.
var errInUse, errDiskFull error = syscall.EBUSY, syscall.ENOSPC
