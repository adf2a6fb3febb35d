package main

import (
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"kehoach/internal/testkit"
)

// No heavy work in package init (issue #21): kehoach links no
// encoding/gob (fpdf patch 9: its init registered gob's types in every
// process), and in `kehoach help` under GODEBUG=inittrace=1 no package of
// kehoach allocates more than 8 times or 1 KB in its init (tables and
// regexps are built on first use: package lazy, sync.Once, switches,
// error texts written out; on 3 December 2026 the most is vntext's 6
// allocations, 424 bytes, and all of kehoach's packages together make 32
// allocations, 3.7 KB). Before #21 vntext made 1,149 allocations there,
// main 623, templates 412; on 2 December schema 79, importer 70.
func TestStartupInits(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		testkit.Missing(t, "the go command is not on PATH")
	}
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range strings.Fields(string(out)) {
		if p == "encoding/gob" {
			t.Error("kehoach links encoding/gob again (see third_party/fpdf/patches/09-no-gob.diff)")
		}
	}
	cmd := exec.Command(buildKehoach(t), "help")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	trace, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("kehoach help: %v\n%s", err, trace)
	}
	// init kehoach/internal/vntext @1.8 ms, 0.38 ms clock, 183672 bytes, 1149 allocs
	line := regexp.MustCompile(`(?m)^init (\S+) @.*, (\d+) bytes, (\d+) allocs$`)
	n := 0
	for _, m := range line.FindAllStringSubmatch(string(trace), -1) {
		n++
		pkg := m[1]
		if pkg != "main" && !strings.HasPrefix(pkg, "kehoach/") {
			continue
		}
		bytes, _ := strconv.Atoi(m[2])
		allocs, _ := strconv.Atoi(m[3])
		if allocs > 8 || bytes > 1<<10 {
			t.Errorf("init of %s: %d allocations, %d bytes; build its tables on first use (lazy.MustCompile, sync.Once, a switch)", pkg, allocs, bytes)
		}
	}
	if n < 20 {
		t.Fatalf("inittrace listed %d packages, want the many kehoach links:\n%s", n, trace)
	}
}
