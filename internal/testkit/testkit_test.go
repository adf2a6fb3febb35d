package testkit

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestToolHelper is run by TestToolCI in a child process: it asks for a
// tool that does not exist.
func TestToolHelper(t *testing.T) {
	if os.Getenv("KEHOACH_TOOL_HELPER") != "1" {
		t.Skip("helper of TestToolCI")
	}
	Tool(t, "kehoach-khong-co-lenh-nay", "khong-co-goi")
	t.Log("tool found?")
}

// A missing tool skips the test, visibly, on a developer's machine, and
// fails it when CI is set.
func TestToolCI(t *testing.T) {
	run := func(ci string) (string, error) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestToolHelper$", "-test.v")
		env := []string{"KEHOACH_TOOL_HELPER=1"}
		for _, e := range os.Environ() {
			if !strings.HasPrefix(e, "CI=") {
				env = append(env, e)
			}
		}
		if ci != "" {
			env = append(env, "CI="+ci)
		}
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	out, err := run("")
	if err != nil || !strings.Contains(out, "--- SKIP: TestToolHelper") || !strings.Contains(out, "BỎ QUA: thiếu lệnh kehoach-khong-co-lenh-nay") {
		t.Errorf("without CI: %v\n%s", err, out)
	}
	out, err = run("true")
	if err == nil || !strings.Contains(out, "--- FAIL: TestToolHelper") || !strings.Contains(out, "biến môi trường CI được đặt") {
		t.Errorf("with CI=true: %v\n%s", err, out)
	}
}
