package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"testing"
	"time"

	"kehoach/internal/extract/hostile"
)

// launchEnv makes the test binary a launcher: it runs the command after
// it, within the deadline, and writes the child's exit status and peak
// memory to the file launchEnv names. The child of a process that has been
// large (this test, after making the larger files) starts with that peak
// on Linux (the high-water mark goes across fork and exec), so the command
// is started by this small, fresh process instead.
const launchEnv = "KEHOACH_TEST_LAUNCH_REPORT"

func TestMain(m *testing.M) {
	if report := os.Getenv(launchEnv); report != "" {
		os.Exit(launch(report, os.Args[1:]))
	}
	code := m.Run()
	if kehoachBin.dir != "" {
		os.RemoveAll(kehoachBin.dir)
	}
	os.Exit(code)
}

func launch(report string, args []string) int {
	ctx, cancel := context.WithTimeout(context.Background(), hostile.MaxSeconds*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	start := time.Now()
	err := cmd.Run()
	took := time.Since(start)
	code := 0
	var ee *exec.ExitError
	switch {
	case ctx.Err() != nil:
		code = -1
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		code = -2
	}
	rss, _ := peakRSS(cmd.ProcessState)
	os.WriteFile(report, []byte(fmt.Sprintf("%d %d %d", code, rss, took.Nanoseconds())), 0o644)
	return 0
}
