//go:build integration

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

	"kehoach/internal/issue"
	"kehoach/internal/plan"
	"kehoach/internal/testkit"
)

// kehoach issue run as several processes at once (two clerks, two
// terminals): plans issued with one number, and one plan issued with
// several numbers, give exactly one success per number and per plan, and
// the files hold what the successes printed. Before the lock, nearly every
// round gave a number twice.
func TestConcurrentIssueProcesses(t *testing.T) {
	t.Parallel() // runs processes only: no working folder or environment of its own
	bin := buildKehoach(t)
	for round := 0; round < 6; round++ {
		root := t.TempDir()
		var same []string
		for i := 0; i < 4; i++ {
			same = append(same, testkit.CopyPlan(t, root, "muong-khoa", fmt.Sprintf("2025-%d.yaml", i), nil))
		}
		one := testkit.CopyPlan(t, root, "muong-khoa", "2025-mot.yaml", nil)
		type run struct {
			path   string
			so     int
			status int
			out    string
		}
		var runs []*run
		for _, p := range same {
			runs = append(runs, &run{path: p, so: 130})
		}
		for i := 0; i < 4; i++ {
			runs = append(runs, &run{path: one, so: 140 + i})
		}
		var cmds []*exec.Cmd
		var outs []*bytes.Buffer
		for _, r := range runs {
			cmd := exec.Command(bin, "issue", r.path, "--so", fmt.Sprint(r.so), "--ngay", "2025-08-05")
			cmd.Dir = root
			b := &bytes.Buffer{}
			cmd.Stdout, cmd.Stderr = b, b
			cmds, outs = append(cmds, cmd), append(outs, b)
		}
		// Start them all, then wait: they run at the same time.
		for _, c := range cmds {
			if err := c.Start(); err != nil {
				t.Fatal(err)
			}
		}
		var wg sync.WaitGroup
		for i, c := range cmds {
			wg.Add(1)
			go func() {
				defer wg.Done()
				c.Wait()
				runs[i].status, runs[i].out = c.ProcessState.ExitCode(), outs[i].String()
			}()
		}
		wg.Wait()
		perNumber, perPlan, won := map[int]int{}, map[string]int{}, map[string]int{}
		for _, r := range runs {
			switch r.status {
			case 0:
				perNumber[r.so]++
				perPlan[r.path]++
				won[r.path] = r.so
				if !strings.Contains(r.out, fmt.Sprintf("Số: %d/KH-UBND", r.so)) {
					t.Errorf("round %d: success without its number line:\n%s", round, r.out)
				}
			case 1:
				if !strings.Contains(r.out, "đã dùng") && !strings.Contains(r.out, "đã ban hành số") {
					t.Errorf("round %d: %s --so %d refused for another reason:\n%s", round, r.path, r.so, r.out)
				}
			default:
				t.Errorf("round %d: %s --so %d: exit %d\n%s", round, r.path, r.so, r.status, r.out)
			}
		}
		if perNumber[130] != 1 || perPlan[one] != 1 {
			t.Errorf("round %d: %d plans issued as 130, %s issued %d times; want exactly 1 each", round, perNumber[130], one, perPlan[one])
		}
		for _, p := range append(same, one) {
			res, err := plan.Load(p)
			if err != nil || !res.OK() {
				t.Fatalf("round %d: %s: %v", round, p, err)
			}
			if got := int(res.Plan.VanBan.So); got != won[p] {
				t.Errorf("round %d: %s holds number %d, its successful issue printed %d", round, p, got, won[p])
			}
		}
		if _, err := os.Stat(filepath.Join(root, "plans", issue.LockName)); !os.IsNotExist(err) {
			t.Errorf("round %d: the lock file is left: %v", round, err)
		}
	}
}
