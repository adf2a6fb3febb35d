package vntext

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// The nham-am rule: confusions that leave valid syllables. Commune staff
// write the sounds their dialect merges — s/x, ch/tr, d/gi/r, l/n — and
// hesitate between i and y; the result is a real syllable, so am-tiet is
// silent, and often a pair that forms no word ("xản xuất", "chách nhiệm",
// "nâu dài"). The rule indexes the word pairs of the lexicon by a key in
// which each confusable group is one letter (confusionKey) and reports a
// pair that is no word when exactly one word pair has its key and keeps one
// of its two syllables. Mark-only slips (hỏi/ngã, a missing tone or dot
// below) stay with tu-ghep: nham-am is tried only where tu-ghep finds no
// candidate at all, so the two never report the same pair.

// confusionKey maps lower-case syllables (one, or several joined by spaces)
// to their confusion key: the initial tr → ch, gi and r → d, x → s, n (not
// ng, nh) → l, and y → i (its tone kept) except after qu (the "qui" spelling
// is another rule's). Tones and vowel marks are kept, and đ is not d: a
// slip of this class changes one consonant or i/y and nothing else, so
// "giống chữ" is not "dòng chữ", "trợ giống" not "trợ động", "bản trình"
// not "bản chính".
func confusionKey(lower string) string {
	a, b, ok := strings.Cut(lower, " ")
	switch {
	case !ok:
		return confusionSyllable(lower) // one syllable (a token's key)
	case !strings.Contains(b, " "):
		return confusionSyllable(a) + " " + confusionSyllable(b) // a pair
	}
	syls := strings.Split(lower, " ")
	for i, sy := range syls {
		syls[i] = confusionSyllable(sy)
	}
	return strings.Join(syls, " ")
}

// confKey returns the confusion key of the token's lower form, computed
// once per distinct token.
func (in *tokInfo) confKey() string {
	if in.ckey == "" {
		in.ckey = confusionKey(in.lower)
	}
	return in.ckey
}

// firstRune is the first rune of s (utf8.RuneError when s is empty).
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func confusionSyllable(sy string) string {
	switch {
	case strings.HasPrefix(sy, "tr"):
		sy = "ch" + sy[2:]
	case strings.HasPrefix(sy, "g") && letterBase(firstRune(sy[1:])) == 'i':
		rest := sy[1:] // from the i, which keeps its tone when it is the vowel (gìn)
		if _, n := utf8.DecodeRuneInString(rest); len(rest) > n && isVowelBase(letterBase(firstRune(rest[n:]))) {
			rest = rest[n:] // gia, giữ: the i only spells the initial
		}
		sy = "d" + rest
	case strings.HasPrefix(sy, "r"):
		sy = "d" + sy[1:]
	case strings.HasPrefix(sy, "x"):
		sy = "s" + sy[1:]
	case strings.HasPrefix(sy, "n") && !strings.HasPrefix(sy, "ng") && !strings.HasPrefix(sy, "nh"):
		sy = "l" + sy[1:]
	}
	if strings.HasPrefix(sy, "qu") {
		return sy
	}
	return strings.Map(func(r rune) rune {
		if l, ok := letterOf(r); ok && l.base == 'y' && !l.upper {
			return compose('i', l.tone, false)
		}
		return r
	}, sy)
}

// confusionClass names the confusion between the syllables typed and meant
// (skeletons): "s/x", "ch/tr", "d/gi/r", "l/n" or "i/y".
func confusionClass(typed, meant string) string {
	switch confusionInitial(typed) + confusionInitial(meant) {
	case "sx", "xs":
		return "s/x"
	case "chtr", "trch":
		return "ch/tr"
	case "dgi", "gid", "dr", "rd", "gir", "rgi":
		return "d/gi/r"
	case "ln", "nl":
		return "l/n"
	}
	return "i/y"
}

// confusionInitial is the confusable initial of a skeleton syllable, or ""
// for any other.
func confusionInitial(sk string) string {
	for _, p := range []string{"ch", "tr", "gi"} {
		if strings.HasPrefix(sk, p) {
			return p
		}
	}
	if strings.HasPrefix(sk, "ng") || strings.HasPrefix(sk, "nh") || sk == "" {
		return ""
	}
	if c := sk[:1]; strings.Contains("sxdrln", c) {
		return c
	}
	return ""
}

// confusionFindings reports the nham-am pairs among ws. unknown lists the
// pairs ws[i], ws[i+1] (by i) of two plain words, with only space between,
// that form no word and have no tu-ghep candidate; flagged holds the
// syllables tu-ghep has already reported.
func confusionFindings(s string, ws []wordState, lx *lexicon, unknown []int, flagged map[int]bool) []Finding {
	var fs []Finding
	for _, i := range unknown {
		a, b := ws[i], ws[i+1]
		if functionWords()[a.key] || functionWords()[b.key] {
			continue
		}
		vs := lx.conf.oneChangedPair(a.info.confKey(), b.info.confKey(), lx.pairs, a.key, b.key)
		if len(vs) != 1 {
			continue
		}
		x, y, _ := strings.Cut(vs[0], " ")
		changed, typed, meant := i, a.info.skel, skeleton(x)
		if x == a.key {
			changed, typed, meant = i+1, b.info.skel, skeleton(y)
		}
		if flagged[changed] || functionWords()[x] || functionWords()[y] || formsWordOutside(s, ws, i, changed, lx) {
			continue
		}
		flagged[changed] = true
		orig := s[a.tok.start:b.tok.end]
		sug := matchCase(a.tok.text, x) + s[a.tok.end:b.tok.start] + matchCase(b.tok.text, y)
		fs = append(fs, Finding{Rule: RuleConfusion, Severity: Warning, Start: a.tok.start, End: b.tok.end,
			Msg:     fmt.Sprintf("“%s” không phải là từ có trong từ điển; có lẽ nhầm %s", orig, confusionClass(typed, meant)),
			Suggest: fmt.Sprintf("có lẽ là “%s”", sug)})
	}
	return fs
}

// formsWordOutside reports whether the syllable ws[changed] of the pair
// ws[i], ws[i+1] forms a word with its neighbour outside the pair: "vài" in
// "một vài trò chơi" is explained by "một vài". Unlike tu-ghep, a word formed
// by the unchanged syllable explains nothing ("lộp hồ sơ" is still "nộp hồ
// sơ").
func formsWordOutside(s string, ws []wordState, i, changed int, lx *lexicon) bool {
	if changed == i {
		return i > 0 && ws[i-1].nkey != "" && onlySpaceBetween(s, ws[i-1].tok.end, ws[i].tok.start) && lx.isWord(ws[i-1].nkey+" "+ws[i].key)
	}
	return i+2 < len(ws) && ws[i+2].nkey != "" && onlySpaceBetween(s, ws[i+1].tok.end, ws[i+2].tok.start) && lx.isWord(ws[i+1].key+" "+ws[i+2].nkey)
}
