package vntext

import (
	"slices"
	"testing"
	"unicode/utf8"

	"kehoach/internal/testkit"
)

// wordsOfRef is wordsOf as it was before its ASCII shortcuts.
func wordsOfRef(s string) []token {
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

// wordsOf gives the reference's tokens on the YAML lines of the
// repository, on every rune between letters, and on random strings of
// letters, marks, apostrophes, digits, joiners and blanks (invalid UTF-8
// included).
func TestWordsOfSameAsRef(t *testing.T) {
	samples := classreSamples(t)
	for r := rune(0); r <= 0x2FFF; r++ {
		samples = append(samples, "a"+string(r)+"B. "+string(r)+"x", string(r)+"’ư "+string(r))
	}
	alphabet := []string{"a", "Z", "ư", "Ư", "ễ", "Ễ", "\u0301", "'", "’", "1", "-", "/", ".", " ", "\u00a0", "\n", "“", "(", "ǅ", "ß", "\xff", "\xe1\xba", "Σ", "ς", "5G"}
	samples = append(samples, testkit.RandomStrings(30000, 12, alphabet)...)
	for _, s := range samples {
		if got, want := wordsOf(s), wordsOfRef(s); !slices.Equal(got, want) {
			t.Fatalf("%q:\n%+v\nwant\n%+v", s, got, want)
		}
	}
}
