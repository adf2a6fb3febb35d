//go:build ignore

// startcpu measures kehoach's start-up: it builds kehoach and an empty Go
// program, runs `kehoach help`, a usage error and `kehoach check` of one
// plan N times each, interleaved with the empty program (A B A B …), and
// prints the median CPU time (user + sys, from the process state) of each
// next to the empty program's.
//
//	go run scripts/startcpu.go [-n 41] [-plan plans/muong-khoa/2025.yaml] [-kehoach bin]
//
// With -kehoach it measures that binary (built from another revision, for
// a before/after pair) instead of building ./cmd/kehoach.
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
	fmt.Printf("median CPU (user+sys) of %d runs, interleaved with the empty program\n", *n)
	for _, c := range []struct {
		name string
		args []string
	}{
		{"help", []string{"help"}},
		{"usage error", []string{"khong-co-lenh"}},
		{"check " + *plan, []string{"check", *plan}},
	} {
		var a, b []time.Duration
		for range *n {
			a = append(a, cpu(kehoach, c.args...))
			b = append(b, cpu(empty))
		}
		ma, mb := median(a), median(b)
		fmt.Printf("%-40s %7.2f ms   empty %5.2f ms   ratio %4.1f×\n", c.name, ms(ma), ms(mb), float64(ma)/float64(mb))
	}
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
