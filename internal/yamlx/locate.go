package yamlx

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"kehoach/internal/diag"
)

// Locate finds where value[start:end] (byte offsets in a scalar's value)
// stands in the source src, starting at the scalar's position at: the same
// occurrence of the same text (or of its first word, when the text is
// folded across lines). Failing that, it returns at itself.
func Locate(src []byte, at diag.Pos, value string, start, end int) diag.Pos {
	if at.IsZero() || len(src) == 0 || start < 0 || end > len(value) || start > end {
		return at
	}
	off := offsetOf(src, at)
	if off < 0 {
		return at
	}
	// Blanks alone (two spaces, a space before a comma) are found through
	// the word before them; the position then moves past that word.
	lead := 0
	if strings.TrimSpace(value[start:end]) == "" || value[start] == ' ' {
		w := strings.LastIndexAny(value[:start], " \n") + 1
		lead = utf8.RuneCountInString(value[w:start])
		start = w
	}
	target := value[start:end]
	if target == "" {
		target = value[start:min(len(value), start+1)]
	}
	if i := strings.IndexAny(target[min(len(target), 1):], " \n"); i >= 0 && lead == 0 {
		target = target[:i+1] // a fold may break the text at any blank
	}
	if target == "" {
		return at
	}
	nth := strings.Count(value[:start], target)
	window := src[off:min(len(src), off+2*len(value)+512)]
	pos := -1
	from := 0
	for k := 0; k <= nth; k++ {
		i := bytes.Index(window[from:], []byte(target))
		if i < 0 {
			pos = -1
			break
		}
		pos = from + i
		from = pos + len(target)
	}
	if pos < 0 {
		return at
	}
	p := posOf(src, off+pos)
	p.Col += lead
	return p
}

// offsetOf converts a 1-based line and column (in runes) into a byte offset.
func offsetOf(src []byte, p diag.Pos) int {
	line, i := 1, 0
	for line < p.Line {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			return -1
		}
		i += j + 1
		line++
	}
	for col := 1; col < p.Col && i < len(src) && src[i] != '\n'; col++ {
		_, size := utf8.DecodeRune(src[i:])
		i += size
	}
	return i
}

// posOf converts a byte offset into a 1-based line and column (in runes).
func posOf(src []byte, off int) diag.Pos {
	line, col := offsetPos(src, off)
	return diag.Pos{Line: line, Col: col}
}
