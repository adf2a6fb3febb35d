//go:build integration

package main

// Tests that run kehoach as processes — killed at random moments, several
// at once, or fed hostile files under time and memory bounds — take most of
// this package's CPU time; they run with the integration tests (make test:
// go test -tags integration -run … ./cmd/kehoach), not in go test ./... .

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"kehoach/internal/extract/hostile"
	"kehoach/internal/extract/limits"
	"kehoach/internal/testkit"
)

// TestHostileText runs the built kehoach text, one process a file, on
// every file of the hostile corpus (testdata/hostile-text/, the larger
// ones made here): each ends within hostile.MaxSeconds and
// hostile.MaxRSSBytes of peak memory with the outcome its case says, its
// output within limits.MaxOutputBytes and the notice, and nothing it
// prints, on stdout or stderr, holds a control character but tab and
// newline, or a bidi mark.
func TestHostileText(t *testing.T) {
	if testing.Short() {
		t.Skip("BỎ QUA ở chế độ -short")
	}
	t.Parallel() // runs processes only: no working folder or environment of its own
	dir := t.TempDir()
	// KEHOACH_HOSTILE_BIN runs another build (an older one, to see the
	// cases fail).
	bin := os.Getenv("KEHOACH_HOSTILE_BIN")
	if bin == "" {
		bin = buildKehoach(t)
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	corpus := filepath.Join(testkit.RepoRoot(t), "testdata", "hostile-text")
	for _, c := range hostile.Cases() {
		t.Run(c.Name, func(t *testing.T) {
			// Each case is a process of its own with its own report
			// file: the cases run at the same time.
			t.Parallel()
			path := filepath.Join(corpus, c.Name)
			if _, err := os.Stat(path); err != nil {
				data := c.Make()
				if len(data) <= hostile.CommitBytes {
					t.Fatalf("%s is not committed (go test ./internal/extract/hostile -update)", c.Name)
				}
				path = filepath.Join(dir, c.Name)
				if err := os.WriteFile(path, data, 0o644); err != nil {
					t.Fatal(err)
				}
				defer os.Remove(path)
			}
			report := filepath.Join(dir, c.Name+".report")
			cmd := exec.Command(self, bin, "text", path)
			cmd.Env = append(os.Environ(), launchEnv+"="+report)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil {
				t.Fatal(err)
			}
			var code int
			var rss, took int64
			if b, err := os.ReadFile(report); err != nil {
				t.Fatal(err)
			} else if _, err := fmt.Sscan(string(b), &code, &rss, &took); err != nil {
				t.Fatal(err)
			}
			t.Logf("%.2f s, %d MB, exit %d, %d bytes", time.Duration(took).Seconds(), rss>>20, code, stdout.Len())
			switch code {
			case -1:
				t.Fatalf("still running after %d s (killed)", hostile.MaxSeconds)
			case -2:
				t.Fatalf("did not run: %s", stderr.String())
			}
			if rss > hostile.MaxRSSBytes {
				t.Errorf("peak memory %d MB, over %d MB", rss>>20, hostile.MaxRSSBytes>>20)
			}
			out, msg := stdout.String(), stderr.String()
			if code != c.Exit {
				t.Fatalf("exit %d, want %d; stderr %.300q", code, c.Exit, msg)
			}
			notice := "\n[kehoach text: dừng ở đây vì "
			switch {
			case c.Exit == 2:
				if out != "" || !strings.HasPrefix(msg, "kehoach text: "+path+": ") || !strings.Contains(msg, c.Want) {
					t.Errorf("stdout %.100q, stderr %q: want only the message with %q", out, msg, c.Want)
				}
			case c.Notice:
				last := out[strings.LastIndex(strings.TrimSuffix(out, "\n"), "\n")+1:]
				if !strings.Contains(out, notice) || !strings.HasPrefix(last, notice[1:]) || !strings.Contains(msg, "chỉ in phần đầu, dừng vì") {
					t.Errorf("no notice at the end (last line %.200q; stderr %q)", last, msg)
				}
			default:
				if strings.Contains(out, notice) || msg != "" {
					t.Errorf("cut or a message (stderr %q)", msg)
				}
			}
			if c.Exit == 0 && !strings.Contains(out, c.Want) {
				t.Errorf("text does not hold %q: %.300q", c.Want, out)
			}
			if len(out) > limits.MaxOutputBytes+300 {
				t.Errorf("%d bytes printed, over %d and the notice", len(out), limits.MaxOutputBytes)
			}
			for _, s := range []string{out, msg} {
				if bad := shownControl(s); bad != "" {
					t.Errorf("prints %s", bad)
				}
			}
		})
	}
}

// shownControl names the first character of s that could drive a
// terminal (what limits.Visible writes out), or is "".
func shownControl(s string) string {
	if !utf8.ValidString(s) {
		return "bytes that are not UTF-8"
	}
	for i, r := range s {
		if r != '\t' && r != '\n' && limits.Visible(string(r)) != string(r) {
			return strings.ToUpper(strings.TrimPrefix(limits.Visible(string(r)), `\`)) + " at byte " + itoa(i)
		}
	}
	return ""
}

func itoa(i int) string { return strconv.Itoa(i) }
