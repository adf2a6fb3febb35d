package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
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
func buildKehoach(t testing.TB) string {
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
