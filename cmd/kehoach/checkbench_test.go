package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"kehoach/internal/testkit"
)

// The whole-process benchmarks of issue #21: kehoach check of one plan,
// kehoach help, a usage error and an empty Go program, each run b.N times
// as a process. Besides the wall time of go test they report cpu-ms/op,
// the process's user + system CPU time, the figure the README quotes
// (scripts/startcpu.go pairs the runs and gives the ratios to the empty
// program).
//
//	go test -run '^$' -bench 'Process$' ./cmd/kehoach
func BenchmarkCheckProcess(b *testing.B) {
	benchProcess(b, buildKehoach(b), "check", filepath.Join(testkit.RepoRoot(b), "plans", "muong-khoa", "2025.yaml"))
}

func BenchmarkHelpProcess(b *testing.B) { benchProcess(b, buildKehoach(b), "help") }

func BenchmarkUsageErrorProcess(b *testing.B) { benchProcess(b, buildKehoach(b), "khong-co-lenh") }

func BenchmarkEmptyProcess(b *testing.B) {
	dir := b.TempDir()
	for name, text := range map[string]string{"main.go": "package main\n\nfunc main() {}\n", "go.mod": "module empty\n\ngo 1.21\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	bin := filepath.Join(dir, "empty")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	benchProcess(b, bin)
}

// benchProcess runs prog with args b.N times (exit status ignored: a
// usage error exits 2 on purpose) and reports its CPU time per run.
func benchProcess(b *testing.B, prog string, args ...string) {
	var cpu time.Duration
	for b.Loop() {
		cmd := exec.Command(prog, args...)
		cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
		_ = cmd.Run()
		if cmd.ProcessState == nil {
			b.Fatalf("%s did not run", prog)
		}
		cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	b.ReportMetric(float64(cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

// BenchmarkCheckOne is check of one plan in the process, after the first
// (templates parsed, word index open): load, validation, text rules and
// what is unfinished.
func BenchmarkCheckOne(b *testing.B) {
	plan := filepath.Join(testkit.RepoRoot(b), "plans", "muong-khoa", "2025.yaml")
	family, err := (&fontChoice{}).family()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if st := checkOne(plan, checkOptions{}, family, io.Discard, io.Discard); st != 0 {
			b.Fatalf("check: status %d", st)
		}
	}
}
