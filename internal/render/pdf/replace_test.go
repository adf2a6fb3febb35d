package pdf

import (
	"bytes"
	"testing"
)

// replaceSameLength gives what bytes.ReplaceAll gives: overlapping,
// adjacent, leading and trailing matches, none, and strings of different
// lengths (copied then).
func TestReplaceSameLength(t *testing.T) {
	cases := []struct{ in, old, new string }{
		{"/BaseFont /utf8khf0xx\n/FontName /utf8khf0xx", "/FontName /utf8khf0xx", "/FontName /ABCDEF+Ab"},
		{"aaaa", "aa", "bb"},
		{"aaa", "aa", "ab"},
		{"xaxa", "xa", "ay"},
		{"abcabc", "abc", "xyz"},
		{"no match here", "zz", "yy"},
		{"", "a", "b"},
		{"shorter and longer", "longer", "ln"},
		{"a-a-a", "a", "bbb"},
	}
	for _, c := range cases {
		want := bytes.ReplaceAll([]byte(c.in), []byte(c.old), []byte(c.new))
		got := replaceSameLength([]byte(c.in), c.old, c.new)
		if !bytes.Equal(got, want) {
			t.Errorf("replaceSameLength(%q, %q, %q) = %q, want %q", c.in, c.old, c.new, got, want)
		}
	}
}
