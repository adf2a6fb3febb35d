package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"kehoach/internal/build"
)

func TestWantColor(t *testing.T) {
	for _, tc := range []struct {
		env     map[string]string
		console bool
		want    bool
	}{
		{nil, true, true},
		{nil, false, false},
		{map[string]string{"NO_COLOR": "1"}, true, false},
		{map[string]string{"NO_COLOR": "0"}, true, false}, // any value
		{map[string]string{"NO_COLOR": ""}, true, true},   // set but empty: no-color.org
		{map[string]string{"TERM": "dumb"}, true, false},
		{map[string]string{"TERM": "xterm-256color"}, true, true},
	} {
		getenv := func(k string) string { return tc.env[k] }
		if got := wantColor(getenv, tc.console); got != tc.want {
			t.Errorf("env %v, console %v: %v, want %v", tc.env, tc.console, got, tc.want)
		}
	}
}

// Output that is not a console (a buffer, a file, a pipe) gets neither
// colours nor a progress bar.
func TestNotAConsole(t *testing.T) {
	term := newTerminal()
	defer term.close()
	f, err := os.Create(filepath.Join(t.TempDir(), "ra.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, w := range []io.Writer{&bytes.Buffer{}, f} {
		if term.color(w) || term.console(w) {
			t.Errorf("%T: colour %v, console %v", w, term.color(w), term.console(w))
		}
	}
	good := copyPlan(t, nil)
	code, stdout, _ := runArgs("diff", good, copyPlan(t, func(s string) string { return strings.Replace(s, "có 88% hộ", "có 90% hộ", 1) }))
	if code != 1 || strings.Contains(stdout, "\x1b") {
		t.Errorf("diff into a buffer: exit %d, escape codes: %v", code, strings.Contains(stdout, "\x1b"))
	}
}

// The progress bar uses \r and plain ASCII only, never a line longer
// than 79 characters (an 80-column console would wrap it), pads each line
// over the one before and wipes the last.
func TestProgressBar(t *testing.T) {
	var b bytes.Buffer
	p := &progressBar{w: &b}
	names := []string{
		"plans/muong-khoa/2025.yaml",
		"plans/" + strings.Repeat("thị-trấn-rất-dài-", 6) + "/2026.yaml",
		"plans/a.yaml",
	}
	for i, n := range names {
		p.update(i+1, len(names), &build.Result{Plan: n})
	}
	out := b.String()
	if strings.ContainsAny(out, "\x1b\n\t") {
		t.Errorf("escape codes, newlines or tabs in %q", out)
	}
	frames := strings.Split(out, "\r")[1:]
	if len(frames) != 5 {
		t.Fatalf("%d frames, want 3 lines, a wipe and the final \\r: %q", len(frames), frames)
	}
	for i, f := range frames[:4] {
		if n := utf8.RuneCountInString(f); n > progressWidth {
			t.Errorf("frame %d is %d characters: %q", i, n, f)
		}
		bar := strings.TrimRight(f, " ")
		for _, r := range bar[:min(len(bar), 22)] {
			if r >= 0x80 {
				t.Errorf("frame %d: the bar is not ASCII: %q", i, f)
			}
		}
	}
	if !strings.HasPrefix(frames[0], "[######..............] 1/3 plans/muong-khoa/2025.yaml") {
		t.Errorf("first frame %q", frames[0])
	}
	if !strings.HasPrefix(frames[1], "[#############.......] 2/3 ...") || !strings.HasSuffix(frames[1], "/2026.yaml") {
		t.Errorf("a long name is not clipped at its start: %q", frames[1])
	}
	if l0, l2 := utf8.RuneCountInString(frames[1]), utf8.RuneCountInString(frames[2]); l2 != l0 || !strings.HasPrefix(frames[2], "[####################] 3/3 plans/a.yaml ") {
		t.Errorf("a shorter line does not cover the longer one before it: %q (%d, %d)", frames[2], l0, l2)
	}
	if strings.TrimSpace(frames[3]) != "" || utf8.RuneCountInString(frames[3]) != progressWidth || frames[4] != "" {
		t.Errorf("the bar is not wiped: %q", frames[3:])
	}
}

func TestClipLeft(t *testing.T) {
	for _, tc := range []struct {
		s    string
		n    int
		want string
	}{
		{"plans/a.yaml", 20, "plans/a.yaml"},
		{"plans/muong-khoa/2025.yaml", 14, "...a/2025.yaml"},
		{"xã-đông/2025.yaml", 12, "...2025.yaml"},
		{"abcdef", 2, "ef"},
	} {
		if got := clipLeft(tc.s, tc.n); got != tc.want {
			t.Errorf("clipLeft(%q, %d) = %q, want %q", tc.s, tc.n, got, tc.want)
		}
	}
}
