package pdf

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"kehoach/internal/fonts"
	"kehoach/internal/layout"
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

// usedRunes gives each face's characters once, in order (those past the
// Basic Multilingual Plane last), and names the characters the font lacks.
func TestUsedRunes(t *testing.T) {
	fam := fonts.Bundled()
	text := func(s fonts.Style, txt string) layout.Item {
		return layout.Item{Kind: layout.KindText, Style: s, Text: txt}
	}
	cases := []struct {
		name    string
		items   []layout.Item
		want    [4]string
		missing string // in the error, "" for none
	}{
		{"faces", []layout.Item{text(fonts.Regular, "hoạch kế"), text(fonts.Bold, "ĐẢNG"), text(fonts.Regular, "kế hoạch"),
			{Kind: layout.KindLine, Text: "zzz"}, text(fonts.BoldItalic, "")}, [4]string{"hoạch kế", "ĐẢNG", "", ""}, ""},
		{"nothing", nil, [4]string{}, ""},
		{"missing", []layout.Item{text(fonts.Italic, "a😀b😀\U000e0100")}, [4]string{}, "U+1F600"},
	}
	for _, c := range cases {
		got, err := usedRunes([]layout.Page{{Items: c.items}}, fam)
		if c.missing != "" {
			if err == nil || !strings.Contains(err.Error(), c.missing) || strings.Count(err.Error(), "U+1F600") != 1 {
				t.Errorf("%s: error %v, want one naming %s", c.name, err, c.missing)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		for s := range got {
			want := []rune(c.want[s])
			slices.Sort(want)
			want = slices.Compact(want)
			if len(want) == 0 {
				want = nil
			}
			if !slices.Equal(got[s], want) {
				t.Errorf("%s: face %d: %q, want %q", c.name, s, string(got[s]), string(want))
			}
		}
	}
}
