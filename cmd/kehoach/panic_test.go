package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestCheckPanicIsThePlansError: a panic while checking one plan of
// several is reported for that plan, in Vietnamese with where it
// happened, with exit status 2, and the other plans are still checked and
// reported in order.
func TestCheckPanicIsThePlansError(t *testing.T) {
	first := copyPlan(t, nil)
	second := copyPlan(t, nil)
	checkHook = func(file string) {
		if file == first {
			var m map[string]int
			m["x"]++
		}
	}
	defer func() { checkHook = func(string) {} }()
	var out, errb bytes.Buffer
	st := run([]string{"check", first, second}, &out, &errb)
	if st != 2 {
		t.Errorf("status %d, want 2\nstdout: %s\nstderr: %s", st, out.String(), errb.String())
	}
	msg := errb.String()
	for _, want := range []string{first + ": lỗi nội bộ của kehoach (assignment to entry in nil map tại panic_test.go:", "hãy gửi tệp kế hoạch"} {
		if !strings.Contains(msg, want) {
			t.Errorf("stderr lacks %q:\n%s", want, msg)
		}
	}
	if strings.Contains(out.String()+msg, "goroutine ") {
		t.Errorf("a stack trace was printed:\n%s", msg)
	}
	// The second plan was checked: plain check output names it or says it is fine.
	var alone, aloneErr bytes.Buffer
	checkHook = func(string) {}
	run([]string{"check", second}, &alone, &aloneErr)
	if got := strings.ReplaceAll(out.String(), first, "X"); !strings.Contains(got, strings.TrimSpace(alone.String())) {
		t.Errorf("the second plan's report is missing:\n%s\nalone:\n%s", out.String(), alone.String())
	}
}
