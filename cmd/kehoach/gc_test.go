package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestGCSettings runs the program with GODEBUG=gctrace=1, which makes the
// runtime print one "gc N @…" line per collection, and counts them: one
// plan's build or check collects no garbage at all (below the memory
// budget); several plans collect at 400 %; GOGC in the environment is
// kept.
func TestGCSettings(t *testing.T) {
	bin := buildKehoach(t)
	one := filepath.Join("..", "..", "plans", "muong-khoa", "2025.yaml")
	corpus := filepath.Join("..", "..", "testdata", "corpus")
	tests := []struct {
		name   string
		gogc   string
		args   []string
		wantGC bool
	}{
		{"build một kế hoạch", "", []string{"build", "-o", "OUT", one}, false},
		{"check một kế hoạch", "", []string{"check", one}, false},
		{"build một kế hoạch, GOGC=25", "25", []string{"build", "-o", "OUT", one}, true},
		{"build nhiều kế hoạch", "", []string{"build", "-o", "OUT", corpus}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string(nil), tt.args...)
			for i, a := range args {
				if a == "OUT" {
					args[i] = t.TempDir()
				}
			}
			cmd := exec.Command(bin, args...)
			env := []string{"GODEBUG=gctrace=1"}
			for _, e := range os.Environ() {
				if !strings.HasPrefix(e, "GOGC=") && !strings.HasPrefix(e, "GODEBUG=") {
					env = append(env, e)
				}
			}
			if tt.gogc != "" {
				env = append(env, "GOGC="+tt.gogc)
			}
			cmd.Env = env
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Run(); err != nil {
				if _, ok := err.(*exec.ExitError); !ok {
					t.Fatal(err)
				}
			}
			n := 0
			for _, line := range strings.Split(stderr.String(), "\n") {
				if strings.HasPrefix(line, "gc ") && strings.Contains(line, " @") {
					n++
				}
			}
			if got := n > 0; got != tt.wantGC {
				t.Errorf("%d lần thu gom rác, muốn có: %v\n%s", n, tt.wantGC, stderr.String())
			}
		})
	}
}
