//go:build !windows

package main

import "testing"

// Outside Windows no program gets a console of its own from a file
// manager: kehoach with no arguments prints its help and never waits.
func TestNoDoubleClickOutsideWindows(t *testing.T) {
	if ownConsole() {
		t.Error("ownConsole() = true outside Windows")
	}
	if startedByDoubleClick(nil, ownConsole()) {
		t.Error("kehoach with no arguments would wait for Enter")
	}
}
