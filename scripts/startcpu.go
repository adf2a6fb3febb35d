//go:build ignore

// startcpu measures kehoach's start-up: it builds kehoach and an empty Go
// program, runs `kehoach help`, a usage error and `kehoach check` of one
// plan N times each, paired with the empty program (A B A B …), and prints
// for each the median CPU time (user + sys, from the process state) of
// both, and the median and min–max of the per-pair ratios A/B, with the
// date, the machine and its load before and after.
//
//	go run scripts/startcpu.go [-n 41] [-plan plans/muong-khoa/2025.yaml] [-kehoach bin] [-before bin]
//
// With -kehoach it measures that binary instead of building ./cmd/kehoach.
// With -before (a kehoach built from another revision) it also pairs each
// command with the same command of that binary (after/before ratios).
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"time"
)

func main() {
	n := flag.Int("n", 41, "runs of each command")
	plan := flag.String("plan", "plans/muong-khoa/2025.yaml", "plan for the check run")
	bin := flag.String("kehoach", "", "a kehoach binary to measure instead of building ./cmd/kehoach (another revision)")
	before := flag.String("before", "", "a kehoach binary of an earlier revision to pair each command with")
	flag.Parse()
	dir, err := os.MkdirTemp("", "startcpu")
	must(err)
	defer os.RemoveAll(dir)
	empty := filepath.Join(dir, "empty")
	kehoach := filepath.Join(dir, "kehoach")
	must(os.WriteFile(filepath.Join(dir, "main.go"), []byte("package main\n\nfunc main() {}\n"), 0o644))
	must(os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module empty\n\ngo 1.21\n"), 0o644))
	build(dir, empty, ".")
	if *bin != "" {
		kehoach = *bin
	} else {
		build("", kehoach, "./cmd/kehoach")
	}
	load, _ := os.ReadFile("/proc/loadavg")
	fmt.Printf("%s, %s/%s, %d CPUs, load %s", time.Now().UTC().Format("2006-01-02 15:04 UTC"), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), load)
	fmt.Printf("CPU (user+sys) of %d pairs A B A B; A/B = median (min–max) of the per-pair ratios\n", *n)
	for _, c := range []struct {
		name string
		args []string
	}{
		{"help", []string{"help"}},
		{"usage error", []string{"khong-co-lenh"}},
		{"check " + *plan, []string{"check", *plan}},
	} {
		pair(c.name+" / empty program", *n, func() time.Duration { return cpu(kehoach, c.args...) }, func() time.Duration { return cpu(empty) })
		if *before != "" {
			pair(c.name+" / before", *n, func() time.Duration { return cpu(kehoach, c.args...) }, func() time.Duration { return cpu(*before, c.args...) })
		}
	}
	load, _ = os.ReadFile("/proc/loadavg")
	fmt.Printf("load at the end %s", load)
}

// pair runs a and b alternately n times and prints their medians and the
// median and range of the per-pair ratios.
func pair(name string, n int, a, b func() time.Duration) {
	var as, bs []time.Duration
	var rs []float64
	for range n {
		x, y := a(), b()
		as, bs = append(as, x), append(bs, y)
		rs = append(rs, float64(x)/float64(y))
	}
	slices.Sort(rs)
	fmt.Printf("%-48s A %7.2f ms   B %7.2f ms   A/B %5.2f (%4.2f–%4.2f)\n", name, ms(median(as)), ms(median(bs)), rs[len(rs)/2], rs[0], rs[len(rs)-1])
}

func build(dir, out, pkg string) {
	cmd := exec.Command("go", "build", "-o", out, pkg)
	cmd.Dir, cmd.Stdout, cmd.Stderr = dir, os.Stderr, os.Stderr
	must(cmd.Run())
}

// cpu runs the program and returns its user + system CPU time; the exit
// status is ignored (a usage error exits non-zero on purpose).
func cpu(prog string, args ...string) time.Duration {
	cmd := exec.Command(prog, args...)
	_ = cmd.Run()
	if cmd.ProcessState == nil {
		fmt.Fprintln(os.Stderr, "startcpu: cannot run", prog)
		os.Exit(1)
	}
	return cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
}

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "startcpu:", err)
		os.Exit(1)
	}
}
