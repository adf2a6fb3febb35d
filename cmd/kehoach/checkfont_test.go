package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// check takes -phong as build does: the characters are checked against
// the family the document will be set in, and a wrong -phong is a usage
// error before anything is read.
func TestCheckFont(t *testing.T) {
	good := copyPlan(t, nil)
	bold, err := filepath.Abs(filepath.Join("..", "..", "internal", "fonts", "LiberationSerif-Bold.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	four := strings.Join([]string{bold, bold, bold, bold}, ",")
	for _, args := range [][]string{{"check", "-phong", four, good}, {"check", good, "-phong", four}} {
		if code, stdout, stderr := runArgs(args...); code != 0 || !strings.Contains(stdout, "hợp lệ") {
			t.Errorf("%q: exit %d\n%s%s", args, code, stdout, stderr)
		}
	}
	for _, args := range [][]string{{"check", "-phong", "a.ttf", good}, {"check", good, "-phong", "a.ttf,b.ttf,c.ttf,d.ttf"}} {
		code, stdout, stderr := runArgs(args...)
		if code != 2 || stdout != "" || !strings.HasPrefix(stderr, "kehoach check: ") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want a usage error", args, code, stdout, stderr)
		}
	}
}
