package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"kehoach/internal/build"
	"kehoach/internal/termsafe"
)

// progressWidth is the longest line the progress bar writes: one less than
// an 80-column console, so that the line never wraps (a wrapped line cannot
// be redrawn with \r).
const progressWidth = 79

// progressBar draws a one-line progress bar on a console using only \r
// and plain ASCII, no cursor codes, so it looks the same in cmd,
// PowerShell and Windows Terminal, with or without escape codes: each line
// is padded with spaces over the one before, and the last one is wiped.
// Its \r is the program's own, so it writes to the stream beneath a
// termsafe.Writer, with the plan's name escaped.
type progressBar struct {
	w    io.Writer
	last int // length of the line on screen
}

func (p *progressBar) update(done, total int, r *build.Result) {
	const bar = 20
	filled := bar * done / max(total, 1)
	head := fmt.Sprintf("[%s%s] %d/%d ", strings.Repeat("#", filled), strings.Repeat(".", bar-filled), done, total)
	line := head + clipLeft(termsafe.Escape(r.Plan), progressWidth-len(head))
	n := utf8.RuneCountInString(line)
	w := termsafe.Unwrap(p.w)
	fmt.Fprint(w, "\r"+line+strings.Repeat(" ", max(p.last-n, 0)))
	p.last = max(n, p.last)
	if done == total {
		fmt.Fprint(w, "\r"+strings.Repeat(" ", p.last)+"\r")
		p.last = 0
	}
}

// clipLeft shortens s to at most n characters, keeping its end (the file
// name) after "...".
func clipLeft(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	if n <= 3 {
		return string(r[len(r)-n:])
	}
	return "..." + string(r[len(r)-n+3:])
}
