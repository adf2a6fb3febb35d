package main

import (
	"reflect"
	"strings"
	"testing"
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
