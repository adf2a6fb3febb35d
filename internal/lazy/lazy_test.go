package lazy

import (
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
)

var digits = MustCompile(`^\d+$`)

var squares Value[[]int]

func TestGet(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{{"2025", true}, {"", false}, {"20a5", false}}
	for _, tt := range tests {
		if got := digits.Get().MatchString(tt.in); got != tt.want {
			t.Errorf("MatchString(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	if digits.Get() != digits.Get() {
		t.Error("Get compiled the expression twice")
	}
}

// TestGetConcurrent: every goroutine gets the one compiled expression
// (go test -race checks the memory accesses).
func TestGetConcurrent(t *testing.T) {
	r := MustCompile(`^[a-z]+$`)
	var wg sync.WaitGroup
	got := make([]any, 8)
	for i := range got {
		wg.Add(1)
		go func() { defer wg.Done(); got[i] = r.Get() }()
	}
	wg.Wait()
	for i := range got {
		if got[i] != got[0] {
			t.Fatalf("goroutine %d got another expression", i)
		}
	}
}

func TestValueMadeOnce(t *testing.T) {
	calls := 0
	make := func() []int { calls++; return []int{0, 1, 4, 9} }
	for range 3 {
		if got := squares.Get(make); len(got) != 4 || got[3] != 9 {
			t.Fatalf("Get = %v", got)
		}
	}
	if calls != 1 {
		t.Errorf("the value was made %d times, want once", calls)
	}
}

func TestBadExpressionPanicsOnGet(t *testing.T) {
	r := MustCompile(`(`) // no panic here
	defer func() {
		if recover() == nil {
			t.Error("Get of an invalid expression did not panic")
		}
	}()
	r.Get()
}

// TestNoInitWork: a package-level MustCompile is laid out by the compiler,
// so a program holding some has no initialisation of its own
// (GODEBUG=inittrace=1 prints no line for it).
func TestNoInitWork(t *testing.T) {
	if os.Getenv("LAZY_INIT_CHILD") == "1" {
		return
	}
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	cmd := exec.Command(exe, "-test.run", "^TestNoInitWork$")
	cmd.Env = append(os.Environ(), "LAZY_INIT_CHILD=1", "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, l := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(l, "init kehoach/internal/lazy ") {
			t.Errorf("package lazy has initialisation work: %s", l)
		}
	}
	if !strings.Contains(string(out), "init ") {
		t.Fatalf("no inittrace output:\n%s", out)
	}
}
