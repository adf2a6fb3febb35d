package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/internal/build"
	"kehoach/internal/termsafe"
	"kehoach/internal/testkit"
)

// hostileSeq is what a hostile plan writes to drive a terminal: set the
// window title (OSC 0 … BEL), clear the screen (CSI 2J), a fake green
// “Hợp lệ” (SGR), write the clipboard (OSC 52), reorder the line (U+202E).
const hostileSeq = "\x1b]0;PWNED\a\x1b[2J\x1b[1;32mHop le\x1b[0m\x1b]52;c;cHduZWQ=\a\u202e\u009b2J"

// assertSafe fails when out holds a raw control or bidi character.
func assertSafe(t *testing.T, what, out string) {
	t.Helper()
	if bad := termsafe.Find(out); bad != "" {
		t.Errorf("%s: raw %s reaches the terminal:\n%s", what, bad, clipOut(termsafe.Escape(out)))
	}
}

// TestNoControlsReachTerminal runs check, build, diff, issue and fmt on
// plans whose keys, values, xa, bo and file name carry terminal escape
// sequences: nothing they print holds a raw control byte, and the
// sequences show escaped (\x1b]0;PWNED\x07…).
func TestNoControlsReachTerminal(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "plans", "muong-khoa")
	good := testkit.CopyPlan(t, root, "muong-khoa", "2025.yaml", nil)
	// A valid plan under a hostile file name.
	src, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	named := filepath.Join(dir, hostileSeq+"2025.yaml")
	if err := os.WriteFile(named, src, 0o644); err != nil {
		t.Fatal(err)
	}
	quoted := `"` + strings.NewReplacer("\x1b", `\e`, "\a", `\a`, "\u202e", `\u202e`, "\u009b", `\x9b`).Replace(hostileSeq) + `"`
	edit := func(name string, f func(string) string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(f(string(src))), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	badKey := edit("khoa.yaml", func(s string) string { return s + "\n" + quoted + ": 1\n" })
	badXa := edit("xa-sai.yaml", func(s string) string {
		return strings.Replace(s, "xa: xa.yaml", "xa: "+quoted[:len(quoted)-1]+`.yaml"`, 1)
	})
	badBo := edit("bo-sai.yaml", func(s string) string {
		return strings.Replace(s, "bo: qd318-2021-2025", "bo: "+quoted, 1)
	})
	badNamed := filepath.Join(dir, hostileSeq+"2026.yaml")
	if err := os.WriteFile(badNamed, []byte(strings.Replace(string(src), "  tong: 3900", "  tong: 3000", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(root, "out")
	runs := [][]string{
		{"check", badKey},
		{"check", badXa},
		{"check", badBo},
		{"check", named},
		{"check", badNamed},
		{"check", dir},
		{"build", "-o", out, "-tong-ket", named},
		{"build", "-o", out, badKey, badXa, badBo, badNamed},
		{"diff", good, badKey},
		{"diff", good, named},
		{"diff", "-f", "md", good, named},
		{"diff", "-f", "json", good, named},
		{"diff", hostileSeq + ":plans/a.yaml", good},
		{"issue", badKey, "--so", "1", "--ngay", "2025-08-05"},
		{"issue", badNamed, "--so", "1", "--ngay", "2025-08-05"},
		{"issue", named, "--so", hostileSeq, "--ngay", "2025-08-05"},
		{"issue", named, "--so", "1", "--ngay", hostileSeq},
		{"fmt", "-l", named},
		{"fmt", "-d", badKey},
		{hostileSeq},
		{"help", hostileSeq},
		{"check", "-" + hostileSeq},
		{"build", "-o", out, "-j", hostileSeq},
	}
	for _, args := range runs {
		var o, e bytes.Buffer
		run(args, &o, &e)
		what := termsafe.Escape(strings.Join(args, " "))
		assertSafe(t, what+" (stdout)", o.String())
		assertSafe(t, what+" (stderr)", e.String())
		if all := o.String() + e.String(); !strings.Contains(all, `\x1b]0;PWNED`) && !strings.Contains(all, `\u001b]0;PWNED`) && args[0] != "fmt" {
			t.Errorf("%s: the sequence is not shown escaped:\n%s", what, clipOut(termsafe.Escape(o.String()+e.String())))
		}
	}
	// The issue that succeeds (on the hostile name) is safe as well.
	var o, e bytes.Buffer
	if st := run([]string{"issue", named, "--so", "7", "--ngay", "2025-08-05"}, &o, &e); st != 0 {
		t.Fatalf("issue: exit %d\n%s", st, e.String())
	}
	assertSafe(t, "issue (stdout)", o.String())
	assertSafe(t, "issue (stderr)", e.String())
}

// clipOut keeps a failure message short.
func clipOut(s string) string {
	if len(s) > 600 {
		return s[:600] + "…"
	}
	return s
}

// The progress bar keeps its own \r but shows a hostile plan name escaped.
func TestProgressBarHostileName(t *testing.T) {
	var b bytes.Buffer
	p := &progressBar{w: termsafe.NewWriter(&b)}
	p.update(1, 2, &build.Result{Plan: "plans/" + hostileSeq + ".yaml"})
	p.update(2, 2, &build.Result{Plan: "plans/a.yaml"})
	out := b.String()
	if !strings.HasPrefix(out, "\r[") {
		t.Errorf("the bar's \\r is escaped: %q", out)
	}
	if bad := termsafe.Find(strings.ReplaceAll(out, "\r", "")); bad != "" {
		t.Errorf("raw %s in %q", bad, out)
	}
	if !strings.Contains(out, `\x1b]52;c;`) {
		t.Errorf("name not shown escaped: %q", out)
	}
}
