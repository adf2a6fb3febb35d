// Command testtime measures the test suite as the README reports it: the
// wall time of go test -count=1 ./... (test binaries already compiled, so
// what is timed is running the tests and linking) with the eight slowest
// packages, then the wall time of the integration run
// (go test -count=1 -tags integration ./internal/integration, then the
// tests of cmd/kehoach that run the program as processes, PROCESS_TESTS
// of the Makefile):
//
//	go run ./scripts/testtime
//
// The machine's other load counts in the wall time: run it on an idle
// machine, or compare the CPU time it also prints.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strings"
	"time"
)

func main() {
	top := flag.Int("top", 8, "số gói chậm nhất được in")
	integration := flag.Bool("integration", true, "đo cả gói kiểm thử tích hợp (LibreOffice)")
	flag.Parse()
	// Compile every test binary first: the timed run then reuses them.
	if _, err := run(nil, "go", "test", "-count=1", "-run", "^$", "./..."); err != nil {
		fail(err)
	}
	var out bytes.Buffer
	start := time.Now()
	cpu, err := run(&out, "go", "test", "-count=1", "-json", "./...")
	wall := time.Since(start)
	type pkg struct {
		name    string
		elapsed float64
	}
	var pkgs []pkg
	sc := bufio.NewScanner(&out)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var ev struct {
			Action, Package, Test string
			Elapsed               float64
		}
		if json.Unmarshal(sc.Bytes(), &ev) == nil && ev.Test == "" && (ev.Action == "pass" || ev.Action == "fail") {
			pkgs = append(pkgs, pkg{ev.Package, ev.Elapsed})
		}
	}
	if err != nil {
		fail(fmt.Errorf("go test ./...: %v", err))
	}
	sort.Slice(pkgs, func(i, j int) bool { return pkgs[i].elapsed > pkgs[j].elapsed })
	fmt.Printf("go test -count=1 ./...: %.1f s (CPU %.1f s)\n", wall.Seconds(), cpu.Seconds())
	for i := 0; i < len(pkgs) && i < *top; i++ {
		fmt.Printf("  %-36s %5.1f s\n", pkgs[i].name, pkgs[i].elapsed)
	}
	if *integration {
		start = time.Now()
		cpu, err := run(nil, "go", "test", "-count=1", "-tags", "integration", "./internal/integration")
		if err != nil {
			fail(fmt.Errorf("go test -tags integration: %v", err))
		}
		fmt.Printf("go test -count=1 -tags integration ./internal/integration: %.1f s (CPU %.1f s)\n", time.Since(start).Seconds(), cpu.Seconds())
		tests, err := processTests()
		if err != nil {
			fail(err)
		}
		start = time.Now()
		cpu, err = run(nil, "go", "test", "-count=1", "-tags", "integration", "-run", tests, "./cmd/kehoach")
		if err != nil {
			fail(fmt.Errorf("go test -tags integration -run %s ./cmd/kehoach: %v", tests, err))
		}
		fmt.Printf("go test -count=1 -tags integration -run … ./cmd/kehoach (kehoach chạy thành tiến trình): %.1f s (CPU %.1f s)\n", time.Since(start).Seconds(), cpu.Seconds())
	}
}

// processTests reads the Makefile's PROCESS_TESTS, the tests of
// cmd/kehoach that make test runs with the integration tests.
func processTests() (string, error) {
	b, err := os.ReadFile("Makefile")
	if err != nil {
		return "", err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "PROCESS_TESTS := "); ok {
			return strings.ReplaceAll(strings.TrimSpace(v), "$$", "$"), nil
		}
	}
	return "", fmt.Errorf("Makefile: không có dòng PROCESS_TESTS := …")
}

// run runs a command, its output to w (or discarded), its errors to
// stderr, and returns the processor time it and the processes it waited
// for used (user and system): less bound to the machine's other load than
// the wall time.
func run(w *bytes.Buffer, name string, args ...string) (time.Duration, error) {
	cmd := exec.Command(name, args...)
	if w != nil {
		cmd.Stdout = w
	}
	cmd.Stderr = os.Stderr
	err := cmd.Run()
	var cpu time.Duration
	if cmd.ProcessState != nil {
		cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	return cpu, err
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "testtime:", err)
	os.Exit(1)
}
