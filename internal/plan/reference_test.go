package plan

import (
	"os"
	"strings"
	"testing"

	"kehoach/internal/testkit"
)

var update = testkit.Update

const (
	refStart = "<!-- khoa:bat-dau (tạo bởi go test ./internal/plan -update) -->\n"
	refEnd   = "<!-- khoa:ket-thuc -->"
)

// The README documents every key of the plan and commune files.
func TestREADMEKeyReference(t *testing.T) {
	const path = "../../README.md"
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i, j := strings.Index(s, refStart), strings.Index(s, refEnd)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the key reference markers %q … %q", refStart, refEnd)
	}
	want := KeyReference()
	got := s[i+len(refStart) : j]
	if got == want {
		return
	}
	if *update {
		if err := os.WriteFile(path, []byte(s[:i+len(refStart)]+want+s[j:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md key reference is out of date; run go test ./internal/plan -update")
}
