package main

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// sameWords reports whether the lines hold the words strings.Fields finds
// in text, in order, and no line is longer than width runes unless it is
// a single word, nor could take the next line's first word.
func sameWords(lines []string, text string, width int) bool {
	if !reflect.DeepEqual(strings.Fields(strings.Join(lines, " ")), strings.Fields(text)) {
		return false
	}
	for i, l := range lines {
		n := utf8.RuneCountInString(l)
		if n > width && strings.Contains(l, " ") {
			return false
		}
		if i+1 < len(lines) && n+1+utf8.RuneCountInString(strings.Fields(lines[i+1])[0]) <= width {
			return false
		}
	}
	return true
}

// wrapReference is wrap's definition: the words of strings.Fields, each
// line filled greedily to width runes.
func wrapReference(text string, width int) []string {
	var lines []string
	line, n := "", 0
	for _, w := range strings.Fields(text) {
		c := utf8.RuneCountInString(w)
		switch {
		case line == "":
			line, n = w, c
		case n+1+c > width:
			lines = append(lines, line)
			line, n = w, c
		default:
			line, n = line+" "+w, n+1+c
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// TestSpaceAtEveryRune: spaceAt finds every space unicode.IsSpace names,
// alone and between letters, and nothing else, for every rune.
func TestSpaceAtEveryRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := string(r)
		size, space := spaceAt(s, 0)
		if space != unicode.IsSpace(r) || space && size != len(s) {
			t.Fatalf("spaceAt(%U) = %d, %v; unicode.IsSpace = %v", r, size, space, unicode.IsSpace(r))
		}
		text := "a" + s + "b"
		if got, want := wrap(text, 72), wrapReference(text, 72); !reflect.DeepEqual(got, want) {
			t.Fatalf("wrap(%q) = %q, want %q", text, got, want)
		}
	}
}

// FuzzWrap: wrap is wrapReference for any text, valid UTF-8 or not.
func FuzzWrap(f *testing.F) {
	for _, s := range []string{"", "một hai ba", "từ\u00a0cách\u0085ngăn\u3000khác", "sai\xffmã\xe2\x80 đúng", "\xf0\xe2\x80\x80x", "\xe2\x80\xa8\xe1\x9a\x80"} {
		f.Add(s, 7)
	}
	f.Fuzz(func(t *testing.T, text string, width int) {
		width = 1 + width&63
		if got, want := wrap(text, width), wrapReference(text, width); !reflect.DeepEqual(got, want) {
			t.Fatalf("wrap(%q, %d) = %q, want %q", text, width, got, want)
		}
	})
}

func TestWrap(t *testing.T) {
	tests := []struct {
		text  string
		width int
		want  []string
	}{
		{"", 72, nil},
		{"   \n\t ", 72, nil},
		{"một hai ba", 72, []string{"một hai ba"}},
		{"một hai ba", 7, []string{"một hai", "ba"}},
		{"  kiểm tra\ttệp\nkế hoạch  ", 9, []string{"kiểm tra", "tệp kế", "hoạch"}},
		{"từ\u00a0cách\u0085ngăn\u3000khác", 72, []string{"từ cách ngăn khác"}},
		{"quá-dài-hơn-một-dòng ngắn", 5, []string{"quá-dài-hơn-một-dòng", "ngắn"}},
		{"sai\xffmã đúng", 72, []string{"sai\xffmã đúng"}},
	}
	for _, tt := range tests {
		got := wrap(tt.text, tt.width)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("wrap(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
		if want := wrapReference(tt.text, tt.width); !reflect.DeepEqual(got, want) {
			t.Errorf("wrap(%q, %d) = %q, wrapReference %q", tt.text, tt.width, got, want)
		}
		if !sameWords(got, tt.text, tt.width) {
			t.Errorf("wrap(%q, %d) = %q: not the words of strings.Fields, greedily filled", tt.text, tt.width, got)
		}
	}
	// Every command's help text wraps its words of strings.Fields.
	for _, c := range commands {
		for _, w := range []int{72, 40, 10} {
			if got := wrap(c.Short, w); !sameWords(got, c.Short, w) {
				t.Errorf("%s: wrap(…, %d) = %q: not the words of strings.Fields, greedily filled", c.UsageLine, w, got)
			}
		}
	}
}
