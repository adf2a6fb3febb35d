//go:build !windows

package main

import "os"

// isConsole reports whether f is a terminal.
func isConsole(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// enableVT: terminals outside Windows read escape codes as they are.
func enableVT(*os.File) (bool, func()) { return true, nil }

// ownConsole: only Windows makes a console for a program started from its
// file manager.
func ownConsole() bool { return false }
