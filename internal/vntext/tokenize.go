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
// inside a token. ASCII letters are taken without decoding, and whether
// every letter is upper case is seen on the way (TestWordsOfSameAsRef).
func wordsOf(s string) []token { return wordsOfInto(make([]token, 0, len(s)/6+1), s) }

// wordsOfInto is wordsOf appending to toks (a scratch slice's [:0]).
func wordsOfInto(toks []token, s string) []token {
	i := 0
	for i < len(s) {
		var first rune
		if c := s[i]; c < utf8.RuneSelf {
			if !isASCIILetter(c) {
				i++
				continue
			}
			first = rune(c)
		} else {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !isWordRune(r) {
				i += n
				continue
			}
			first = r
		}
		start := i
		apos := false
		letters, lower := 0, false // isAllUpper of the token, as it is read
		for i < len(s) {
			r, n := rune(s[i]), 1
			if r < utf8.RuneSelf {
				if isASCIILetter(byte(r)) {
					letters++
					lower = lower || r >= 'a'
					i++
					continue
				}
			} else {
				r, n = utf8.DecodeRuneInString(s[i:])
				if isWordRune(r) {
					if isLetter(r) {
						letters++
						lower = lower || !isUpper(r)
					}
					i += n
					continue
				}
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
		t.allUpper = letters > 0 && !lower
		t.capital = isUpper(first)
		t.sentStart = isSentenceStart(s, start)
		toks = append(toks, t)
	}
	return toks
}

// isASCIILetter reports whether c is an ASCII letter.
func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

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
		r, n := rune(s[i-1]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeLastRuneInString(s[:i])
		}
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
