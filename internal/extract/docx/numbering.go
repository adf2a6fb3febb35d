package docx

import (
	"fmt"
	"strconv"
	"strings"
)

// label is the list label Word shows before the next paragraph of list
// numID at level ilvl, counting that paragraph (ECMA-376 Part 1, 17.9):
// the level's counter goes on from the last paragraph of the same list
// (the same abstractNum, or the same num when it restarts levels with
// w:startOverride), the levels below it start again, and w:lvlText's
// %1…%9 are the counters of levels 1…9 in their formats. A paragraph of
// a list or level numbering.xml does not define has no label.
func (r *reader) label(numID string, ilvl int) (string, error) {
	n := r.nums[numID]
	if n == nil || ilvl < 0 || ilvl > 8 {
		return "", nil
	}
	absID := n.abstract
	abs := r.abstracts[absID]
	// A list defined by a numbering style (w:numStyleLink) takes the
	// levels of that style's list.
	for i := 0; abs != nil && abs.styleLink != "" && i < 4; i++ {
		s := r.styles[abs.styleLink]
		if s == nil || r.nums[s.num.numID] == nil {
			break
		}
		absID = r.nums[s.num.numID].abstract
		abs = r.abstracts[absID]
	}
	if abs == nil {
		return "", nil
	}
	lvlOf := func(k int) level {
		if n.lvl[k].set {
			return n.lvl[k]
		}
		return abs.lvls[k]
	}
	startOf := func(k int) int {
		if n.start[k] > 0 {
			return n.start[k] - 1
		}
		return lvlOf(k).start
	}
	lv := lvlOf(ilvl)
	if !lv.set {
		return "", nil
	}
	c := r.counters[absID]
	if c == nil {
		c = &[9]counter{}
		r.counters[absID] = c
	}
	if at := [2]string{numID, strconv.Itoa(ilvl)}; n.start[ilvl] > 0 && !r.restarted[at] {
		r.restarted[at] = true
		c[ilvl] = counter{n: n.start[ilvl] - 1, started: true}
	} else if c[ilvl].started {
		c[ilvl].n++
	} else {
		c[ilvl] = counter{n: startOf(ilvl), started: true}
	}
	for k := ilvl + 1; k < 9; k++ {
		c[k].started = false
	}
	if lv.fmt == "bullet" {
		return bullet(lv.text), nil
	}
	var b strings.Builder
	for s := lv.text; s != ""; {
		i := strings.IndexByte(s, '%')
		if i < 0 || i+1 == len(s) || s[i+1] < '1' || s[i+1] > '9' {
			if i < 0 || i+1 == len(s) {
				b.WriteString(s)
				break
			}
			b.WriteString(s[:i+2])
			s = s[i+2:]
			continue
		}
		b.WriteString(s[:i])
		k := int(s[i+1] - '1')
		s = s[i+2:]
		v := startOf(k)
		if c[k].started {
			v = c[k].n
		}
		f := lvlOf(k).fmt
		if lv.isLgl && k < ilvl {
			f = "decimal"
		}
		b.WriteString(format(v, f))
		if b.Len() > maxLabelBytes {
			return "", fmt.Errorf("nhãn đánh số tự động dài quá %d byte: phần word/numbering.xml hỏng; hãy bỏ đánh số tự động của danh sách này trong Word rồi lưu lại", maxLabelBytes)
		}
	}
	return strings.TrimSpace(b.String()), nil
}

// format writes a counter in a w:numFmt; the formats a Kế hoạch uses
// (decimal, letters, Roman numerals) and decimal for the others.
func format(n int, f string) string {
	switch f {
	case "none":
		return ""
	case "decimalZero":
		if n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "lowerLetter", "upperLetter":
		// a…z, then aa…zz, aaa…: Word repeats the letter.
		if n >= 1 && n <= 26*8 {
			base := byte('a')
			if f == "upperLetter" {
				base = 'A'
			}
			return strings.Repeat(string(base+byte((n-1)%26)), (n-1)/26+1)
		}
	case "lowerRoman", "upperRoman":
		if n >= 1 && n < 4000 {
			s := roman(n)
			if f == "lowerRoman" {
				s = strings.ToLower(s)
			}
			return s
		}
	}
	return strconv.Itoa(n)
}

// roman writes 1…3999 in Roman numerals.
func roman(n int) string {
	var b strings.Builder
	for _, d := range []struct {
		v int
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for ; n >= d.v; n -= d.v {
			b.WriteString(d.s)
		}
	}
	return b.String()
}

// bullet is the character a bullet level shows. Word writes bullets of
// the Symbol and Wingdings fonts as private-use characters: U+F0xx is
// the font's character xx, which for the ASCII range is the same
// character ("-" U+F02D, "+" U+F02B), U+F0B7 the Symbol bullet "•" and
// U+F0A7 the Wingdings square "▪"; any other private-use character is
// shown as "•".
func bullet(text string) string {
	var b strings.Builder
	for _, r := range text {
		switch {
		case r >= 0xF020 && r < 0xF07F:
			b.WriteRune(r - 0xF000)
		case r == 0xF0B7:
			b.WriteRune('•')
		case r == 0xF0A7:
			b.WriteRune('▪')
		case r == 0xF0D8:
			b.WriteRune('➢')
		case r == 0xF0FC:
			b.WriteRune('✓')
		case r >= 0xE000 && r <= 0xF8FF:
			b.WriteRune('•')
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}
