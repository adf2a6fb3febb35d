//go:build windows

package main

import "syscall"

// errInUse is ERROR_SHARING_VIOLATION, what Windows gives for a file Word
// or a PDF reader holds open.
var errInUse error = syscall.Errno(32)
