//go:build unix

package issue

import (
	"errors"
	"syscall"
)

// alive reports whether process pid runs on this machine: signal 0 checks
// without sending anything (EPERM: it runs as another user).
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
