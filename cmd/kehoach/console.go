package main

import (
	"io"
	"os"
)

// terminal decides, for one run, where colours and a progress bar can go,
// and puts back the console modes it changed when the run ends.
type terminal struct {
	getenv  func(string) string
	colored map[*os.File]bool
	restore []func()
}

func newTerminal() *terminal {
	return &terminal{getenv: os.Getenv, colored: map[*os.File]bool{}}
}

// console reports whether w is a console (not a file or a pipe).
func (t *terminal) console(w io.Writer) bool {
	f, ok := stdFile(w)
	return ok && isConsole(f)
}

// color reports whether colours may go to w, turning on escape codes in a
// Windows console (once per stream).
func (t *terminal) color(w io.Writer) bool {
	f, ok := stdFile(w)
	if !ok || !wantColor(t.getenv, isConsole(f)) {
		return false
	}
	if on, done := t.colored[f]; done {
		return on
	}
	on, restore := enableVT(f)
	if restore != nil {
		t.restore = append(t.restore, restore)
	}
	t.colored[f] = on
	return on
}

// close puts back the console modes the run changed.
func (t *terminal) close() {
	for _, r := range t.restore {
		r()
	}
	t.restore = nil
}

// wantColor is the colour policy: only on a console, never when NO_COLOR
// is set to anything (https://no-color.org) or TERM is dumb.
func wantColor(getenv func(string) string, console bool) bool {
	return console && getenv("NO_COLOR") == "" && getenv("TERM") != "dumb"
}

// startedByDoubleClick reports whether kehoach was started from Explorer:
// no arguments, and a console that Windows made for this process alone
// (from cmd or PowerShell the shell shares the console).
func startedByDoubleClick(args []string, ownConsole bool) bool {
	return len(args) == 0 && ownConsole
}
