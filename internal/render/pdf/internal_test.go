package pdf

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"kehoach/internal/fonts"
	"kehoach/internal/layout"
)

// renameFonts gives what bytes.ReplaceAll of key+placeholder by
// key+subset name gives for every name and key in turn: names after either
// key, adjacent, at the start and end, a placeholder after no key, a name
// that is the start of another, and names of other lengths (copied then).
func TestRenameFonts(t *testing.T) {
	n0, n1 := "ABCDEF+LiberationSerif", "GHIJKL+LiberationSerif-Bold"
	p0, p1 := "utf8"+placeholder(0, len(n0)-4), "utf8"+placeholder(1, len(n1)-4)
	same := [][2]string{{p0, n0}, {p1, n1}}
	if len(p0) != len(n0) || len(p1) != len(n1) {
		t.Fatalf("placeholders %q, %q not of their names' lengths", p0, p1)
	}
	cases := []struct {
		in     string
		rename [][2]string
	}{
		{"/BaseFont /" + p0 + "\n/FontName /" + p1 + "\n/FontName /" + p0, same},
		{"/BaseFont /" + p0 + "/BaseFont /" + p0 + "/FontName /" + p1, same},
		{p0 + " /Name /" + p0 + " (" + p1 + ") /BaseFont /utf8khf", same},
		{"/BaseFont /" + p0 + "x/FontName /" + p1[:len(p1)-1], same},
		{"/BaseFont /" + p0, [][2]string{{p0, "A+B"}}},
		{"/FontName /utf8other /BaseFont /" + p0, [][2]string{{"utf8other", "XYZABC+Other"}, {p0, n0}}},
		{"", same},
		{"/BaseFont /" + p0, nil},
	}
	for _, c := range cases {
		want := []byte(c.in)
		for _, r := range c.rename {
			for _, key := range fontNameKeys {
				want = bytes.ReplaceAll(want, []byte(key+r[0]), []byte(key+r[1]))
			}
		}
		if got := renameFonts([]byte(c.in), c.rename); !bytes.Equal(got, want) {
			t.Errorf("renameFonts(%q, %q) = %q, want %q", c.in, c.rename, got, want)
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
