package vntext

import (
	"unicode"
	"unicode/utf8"
)

// token is a run of letters in the checked string (a candidate syllable).
type token struct {
	start, end int    // byte offsets
	text       string // s[start:end]
	apos       bool   // contains an apostrophe between letters (H'Mông)
	digitAdj   bool   // touches a digit (7km, QĐ1, F0)
	joined     bool   // touches another letter run through - / . _ without space (KT-XH, QĐ/ĐU, www.x)
	sentStart  bool   // first word of a sentence, line item or bracket
	allUpper   bool   // every letter upper case (NTM, MỤC)
	capital    bool   // first letter upper case
}

// wordsOf splits s into letter tokens. Apostrophes between letters stay
// inside a token.
func wordsOf(s string) []token {
	toks := make([]token, 0, len(s)/6+1)
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		apos := false
		for i < len(s) {
			r, n = utf8.DecodeRuneInString(s[i:])
			if isWordRune(r) {
				i += n
				continue
			}
			if (r == '\'' || r == '’') && i+n < len(s) {
				if r2, _ := utf8.DecodeRuneInString(s[i+n:]); isWordRune(r2) && i > start {
					apos = true
					i += n
					continue
				}
			}
			break
		}
		t := token{start: start, end: i, text: s[start:i], apos: apos}
		before, _ := utf8.DecodeLastRuneInString(s[:start])
		after, _ := utf8.DecodeRuneInString(s[i:])
		t.digitAdj = isDigit(before) || isDigit(after)
		t.joined = joinerBetweenWords(s, start, true) || joinerBetweenWords(s, i, false)
		t.allUpper = isAllUpper(t.text)
		first, _ := utf8.DecodeRuneInString(t.text)
		t.capital = isUpper(first)
		t.sentStart = isSentenceStart(s, start)
		toks = append(toks, t)
	}
	return toks
}

// isWordRune reports whether r is part of a word: a letter or a combining mark.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf { // no ASCII mark; the letters without a table
		return 'a' <= r|0x20 && r|0x20 <= 'z'
	}
	if r >= 0x1E00 && r <= 0x1EFF || r >= 0xC0 && r <= 0x24F && r != 0xD7 && r != 0xF7 {
		return true // Vietnamese's letters, all letters, without a table (TestIsWordRune)
	}
	return isLetter(r) || unicode.Is(unicode.Mn, r)
}

// joinerBetweenWords reports whether, at the boundary pos (the token's start
// when left, its end otherwise), a joiner - / . _ @ sits directly between this
// token and another word or number (KT-XH, QĐ/ĐU, gov.vn).
func joinerBetweenWords(s string, pos int, left bool) bool {
	if left {
		j, n := utf8.DecodeLastRuneInString(s[:pos])
		if !isJoiner(j) {
			return false
		}
		o, _ := utf8.DecodeLastRuneInString(s[:pos-n])
		return isWordRune(o) || isDigit(o)
	}
	j, n := utf8.DecodeRuneInString(s[pos:])
	if !isJoiner(j) {
		return false
	}
	o, _ := utf8.DecodeRuneInString(s[pos+n:])
	return isWordRune(o) || isDigit(o)
}

func isJoiner(r rune) bool {
	switch r {
	case '-', '/', '.', '_', '@', '\\', '&', '+':
		return true
	}
	return false
}

// isSentenceStart reports whether the word at byte offset pos opens a
// sentence, a list item, a heading, a quotation or a bracket: the previous
// non-blank character is absent or one of . ! ? : ; … ( [ “ " « - + • – — ) *.
func isSentenceStart(s string, pos int) bool {
	i := pos
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if isSpace(r) {
			i -= n
			continue
		}
		switch r {
		case '.', '!', '?', ':', ';', '…', '(', '[', '{', '“', '"', '«', '‘', '-', '+', '•', '–', '—', ')', '*', '/', '>':
			return true
		}
		return false
	}
	return true
}
