package issue

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"kehoach/internal/diag"
	"kehoach/internal/plan"
)

// Issuing is serialised (a lock file in the plans folder): many issues at
// once, some of several plans with one number, some of one plan with
// several numbers, give exactly one success per number and per plan, and
// the files hold what the successes said. Without the lock most rounds
// gave two plans the same number, or one plan two "successes".
func TestConcurrentIssues(t *testing.T) {
	rounds := 12
	if testing.Short() {
		rounds = 3
	}
	t.Parallel() // LockWait is changed only by tests that do not run in parallel
	for round := 0; round < rounds; round++ {
		// The rounds are independent (a folder each) and mostly wait for
		// the lock: they run at the same time.
		t.Run(fmt.Sprintf("round %d", round), func(t *testing.T) {
			t.Parallel()
			concurrentRound(t, round)
		})
	}
}

// concurrentRound is one round of TestConcurrentIssues in a folder of its own.
func concurrentRound(t *testing.T, round int) {
	root := t.TempDir()
	const k = 5
	var same []string // k plans, all issued as 125 at once
	for i := 0; i < k; i++ {
		same = append(same, copyCommune(t, root, "muong-khoa", fmt.Sprintf("2025-%d.yaml", i), nil))
	}
	one := copyCommune(t, root, "muong-khoa", "2025-mot.yaml", nil) // issued as 200 … 200+k-1 at once
	type attempt struct {
		path string
		so   int
		err  error
	}
	var attempts []*attempt
	for _, p := range same {
		attempts = append(attempts, &attempt{path: p, so: 125})
	}
	for i := 0; i < k; i++ {
		attempts = append(attempts, &attempt{path: one, so: 200 + i})
	}
	var wg sync.WaitGroup
	start := make(chan struct{})
	for _, a := range attempts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			_, a.err = issueAt(a.path, a.so, "2025-08-05")
		}()
	}
	close(start)
	wg.Wait()

	perNumber := map[int]int{}
	perPlan := map[string]int{}
	won := map[string]int{}
	for _, a := range attempts {
		switch {
		case a.err == nil:
			perNumber[a.so]++
			perPlan[a.path]++
			won[a.path] = a.so
		case !diag.IsRefusal(a.err):
			t.Fatalf("round %d: %s --so %d: not a refusal: %v", round, a.path, a.so, a.err)
		case a.so == 125 && !strings.Contains(a.err.Error(), "số 125 đã dùng"),
			a.so != 125 && !strings.Contains(a.err.Error(), "đã ban hành số"):
			t.Errorf("round %d: %s --so %d refused for another reason: %v", round, a.path, a.so, a.err)
		}
	}
	if perNumber[125] != 1 {
		t.Errorf("round %d: %d plans issued as 125 at once, want exactly 1", round, perNumber[125])
	}
	if perPlan[one] != 1 {
		t.Errorf("round %d: %s issued %d times at once, want exactly 1", round, one, perPlan[one])
	}
	for n, c := range perNumber {
		if c > 1 {
			t.Errorf("round %d: number %d issued %d times", round, n, c)
		}
	}
	// The files agree with the successes: each holds its winner's
	// number or is still a draft.
	for _, p := range append(same, one) {
		res, err := plan.Load(p)
		if err != nil || !res.OK() {
			t.Fatalf("round %d: %s no longer loads: %v %v", round, p, err, res.Errors)
		}
		if got := int(res.Plan.VanBan.So); got != won[p] {
			t.Errorf("round %d: %s holds number %d, the successful issue said %d", round, p, got, won[p])
		}
	}
	if ents, _ := os.ReadDir(filepath.Join(root, "plans")); len(ents) != 1 {
		t.Errorf("round %d: plans/ holds %v after the issues, want only the commune folder (no lock left)", round, ents)
	}
}
