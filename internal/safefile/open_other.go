//go:build !unix

package safefile

// openFlags: Windows has no FIFO that an open would block on.
const openFlags = 0
