//go:build unix

package safefile

import "syscall"

// openFlags opens without blocking: a FIFO put in place between the look
// and the open does not hang the command (fstat then refuses it). Reads of
// a regular file are not affected.
const openFlags = syscall.O_NONBLOCK
