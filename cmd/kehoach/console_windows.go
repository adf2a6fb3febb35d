//go:build windows

package main

import (
	"os"
	"syscall"
	"unsafe"
)

// golang.org/x/sys is not a dependency of kehoach, so the two console calls
// the syscall package lacks are loaded from kernel32.dll (a KnownDLL,
// always the one in System32).
var (
	kernel32                  = syscall.NewLazyDLL("kernel32.dll")
	procSetConsoleMode        = kernel32.NewProc("SetConsoleMode")
	procGetConsoleProcessList = kernel32.NewProc("GetConsoleProcessList")
)

// enableVirtualTerminalProcessing is ENABLE_VIRTUAL_TERMINAL_PROCESSING:
// the console interprets escape codes (Windows 10 1511 and later).
const enableVirtualTerminalProcessing = 0x0004

// isConsole reports whether f is a console: GetConsoleMode fails for files,
// pipes and NUL.
func isConsole(f *os.File) bool {
	var mode uint32
	return syscall.GetConsoleMode(syscall.Handle(f.Fd()), &mode) == nil
}

// enableVT turns on escape codes in the console f, returning whether they
// work and the function that restores the previous mode (nil when nothing
// changed). Older consoles refuse the mode: no colours then.
func enableVT(f *os.File) (bool, func()) {
	h := syscall.Handle(f.Fd())
	var mode uint32
	if syscall.GetConsoleMode(h, &mode) != nil {
		return false, nil
	}
	if mode&enableVirtualTerminalProcessing != 0 {
		return true, nil
	}
	if r, _, _ := procSetConsoleMode.Call(uintptr(h), uintptr(mode|enableVirtualTerminalProcessing)); r == 0 {
		return false, nil
	}
	return true, func() { procSetConsoleMode.Call(uintptr(h), uintptr(mode)) }
}

// ownConsole reports whether this process is the only one attached to its
// console, that is, Windows made the console for it: a double-click in
// Explorer. Started from cmd or PowerShell, the shell is attached too.
func ownConsole() bool {
	if procGetConsoleProcessList.Find() != nil {
		return false
	}
	var ids [2]uint32
	n, _, _ := procGetConsoleProcessList.Call(uintptr(unsafe.Pointer(&ids[0])), uintptr(len(ids)))
	return n == 1
}
