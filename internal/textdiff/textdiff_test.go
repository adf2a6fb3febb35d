package textdiff

import (
	"strings"
	"testing"
)

func apply(edits []Edit) (a, b []string) {
	for _, e := range edits {
		if e.Op != Insert {
			a = append(a, e.Text)
		}
		if e.Op != Delete {
			b = append(b, e.Text)
		}
	}
	return
}

func TestDiff(t *testing.T) {
	tests := []struct {
		a, b string
		nEq  int
	}{
		{"a b c", "a b c", 3},
		{"a b c", "a x c", 2},
		{"bình đăng giới", "bình đẳng giới", 2},
		{"", "a b", 0},
		{"a b c d e", "b c e f", 3},
	}
	for _, tc := range tests {
		a, b := strings.Fields(tc.a), strings.Fields(tc.b)
		edits := Diff(a, b)
		ga, gb := apply(edits)
		if strings.Join(ga, " ") != strings.Join(a, " ") || strings.Join(gb, " ") != strings.Join(b, " ") {
			t.Errorf("Diff(%q, %q) does not rebuild its inputs: %v", tc.a, tc.b, edits)
		}
		eq := 0
		for _, e := range edits {
			if e.Op == Equal {
				eq++
			}
		}
		if eq != tc.nEq {
			t.Errorf("Diff(%q, %q): %d common, want %d", tc.a, tc.b, eq, tc.nEq)
		}
	}
}

func TestUnified(t *testing.T) {
	a := "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n"
	b := "1\n2\n3\n4\nnăm\n6\n7\n8\n9\n10\n11\n"
	// Gap of 5 ≤ 2×3 context lines: one hunk, as GNU diff -u prints it.
	want := "--- a\n+++ b\n@@ -2,9 +2,10 @@\n 2\n 3\n 4\n-5\n+năm\n 6\n 7\n 8\n 9\n 10\n+11\n"
	if got := Unified("a", "b", a, b, 3); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	a2 := "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n"
	b2 := "x\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\ny\n"
	want2 := "--- a\n+++ b\n@@ -1,4 +1,4 @@\n-1\n+x\n 2\n 3\n 4\n@@ -9,4 +9,4 @@\n 9\n 10\n 11\n-12\n+y\n"
	if got := Unified("a", "b", a2, b2, 3); got != want2 {
		t.Errorf("got:\n%s\nwant:\n%s", got, want2)
	}
	if Unified("a", "b", a, a, 3) != "" {
		t.Error("equal texts give a diff")
	}
}
