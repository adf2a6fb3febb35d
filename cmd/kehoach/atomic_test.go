package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// kehoachBin is the program built once for the tests that run it as
// processes; TestMain removes its folder.
var kehoachBin struct {
	once sync.Once
	dir  string
	path string
	err  error
}

// buildKehoach builds the program (once for the whole test binary) for
// tests that run it as processes (not in -short mode, which skips them)
// and returns its path.
func buildKehoach(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("BỎ QUA ở chế độ -short")
	}
	kehoachBin.once.Do(func() {
		kehoachBin.dir, kehoachBin.err = os.MkdirTemp("", "kehoach-bin-")
		if kehoachBin.err != nil {
			return
		}
		kehoachBin.path = filepath.Join(kehoachBin.dir, "kehoach")
		if out, err := exec.Command("go", "build", "-o", kehoachBin.path, ".").CombinedOutput(); err != nil {
			kehoachBin.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if kehoachBin.err != nil {
		t.Fatal(kehoachBin.err)
	}
	return kehoachBin.path
}

// A build killed at any moment never leaves a truncated file in out/: every
// visible file there is complete (temporary files and backups are hidden
// dot-files that the next build removes once they are stale).
func TestKilledBuildLeavesNoTruncatedFile(t *testing.T) {
	t.Parallel() // runs processes only: no working folder or environment of its own
	dir := t.TempDir()
	bin := buildKehoach(t)
	plans := filepath.Join(dir, "plans")
	for i := 0; i < 12; i++ {
		d := filepath.Join(plans, "xa-"+string(rune('a'+i)))
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		p, _ := os.ReadFile("../../plans/muong-khoa/2025.yaml")
		x, _ := os.ReadFile("../../plans/muong-khoa/xa.yaml")
		x = bytes.Replace(x, []byte("ma: muong-khoa"), []byte("ma: xa-"+string(rune('a'+i))), 1)
		os.WriteFile(filepath.Join(d, "2025.yaml"), p, 0o644)
		os.WriteFile(filepath.Join(d, "xa.yaml"), x, 0o644)
	}
	out := filepath.Join(dir, "out")
	rng := rand.New(rand.NewSource(1))
	for round := 0; round < 15; round++ {
		cmd := exec.Command(bin, "build", "-j", "2", "-o", out, plans)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(5+rng.Intn(250)) * time.Millisecond)
		cmd.Process.Kill()
		cmd.Wait()
		ents, _ := os.ReadDir(out)
		for _, e := range ents {
			name := e.Name()
			if strings.HasPrefix(name, ".") && (strings.HasSuffix(name, ".tmp") || strings.HasSuffix(name, ".bak")) {
				continue // an unfinished temporary file or the backup of an old output, never a result
			}
			b, err := os.ReadFile(filepath.Join(out, name))
			if err != nil {
				t.Fatal(err)
			}
			switch filepath.Ext(name) {
			case ".pdf":
				if !bytes.HasSuffix(bytes.TrimSpace(b), []byte("%%EOF")) {
					t.Errorf("round %d: %s is truncated (%d bytes)", round, name, len(b))
				}
			case ".docx", ".xlsx":
				if _, err := zip.NewReader(bytes.NewReader(b), int64(len(b))); err != nil {
					t.Errorf("round %d: %s is not a whole zip: %v", round, name, err)
				}
			default:
				t.Errorf("round %d: unexpected file %s", round, name)
			}
		}
	}
	// A full build afterwards succeeds and leaves only complete files.
	if outb, err := exec.Command(bin, "build", "-o", out, plans).CombinedOutput(); err != nil {
		t.Fatalf("final build: %v\n%s", err, outb)
	}
}

// A failing plan does not stop the others, and the exit status says that
// some failed; an output never leaves out/.
func TestBatchWithAFailingPlan(t *testing.T) {
	good := copyPlan(t, nil)
	bad := copyPlan(t, func(s string) string { return strings.Replace(s, "nam: 2025", "nam: hai", 1) })
	out := filepath.Join(t.TempDir(), "out")
	var o, e bytes.Buffer
	if st := run([]string{"build", "-o", out, bad, good}, &o, &e); st != 1 {
		t.Fatalf("status %d, want 1\n%s", st, e.String())
	}
	ents, _ := os.ReadDir(out)
	if len(ents) != 3 {
		t.Errorf("the good plan was not built: %v", ents)
	}
	if !strings.Contains(o.String(), "Tổng: 2 kế hoạch, 1 thành công, 1 lỗi") {
		t.Errorf("summary: %s", o.String())
	}
}
