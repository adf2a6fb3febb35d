//go:build windows

package build

import "syscall"

// errInUse is ERROR_SHARING_VIOLATION (a file Word holds open);
// errDiskFull is ERROR_DISK_FULL.
var errInUse, errDiskFull error = syscall.Errno(32), syscall.Errno(112)
