//go:build windows

package issue

import (
	"errors"
	"syscall"
)

const (
	processQueryLimitedInformation = 0x1000
	stillActive                    = 259 // STILL_ACTIVE
	errorInvalidParameter          = syscall.Errno(87)
)

// alive reports whether process pid runs on this machine. OpenProcess
// fails with ERROR_INVALID_PARAMETER for a pid no process has; a process
// that has ended but whose handle is still open somewhere has an exit code
// other than STILL_ACTIVE.
func alive(pid int) bool {
	h, err := syscall.OpenProcess(processQueryLimitedInformation, false, uint32(pid))
	if err != nil {
		return !errors.Is(err, errorInvalidParameter)
	}
	defer syscall.CloseHandle(h)
	var code uint32
	if err := syscall.GetExitCodeProcess(h, &code); err != nil {
		return true
	}
	return code == stillActive
}
