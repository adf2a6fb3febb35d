//go:build !windows

package main

import "syscall"

// errInUse stands in for Windows' "file in use" (Linux locks no file
// against replacement).
var errInUse error = syscall.EBUSY
