package vntext

import (
	"os"
	"strings"
	"testing"
)

// The word list is well formed: every entry has two or more syllables, each
// a valid Vietnamese syllable, in lower case and NFC, without duplicates;
// its source and licence are stated. The same holds for the administrative
// list (data/hanh-chinh.txt), which repeats no entry of words.txt. Entries
// are in the old tone style, the form parseLexicon reads without
// normalising.
func TestWordList(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	n := 0
	lines := strings.Split(wordsTxt, "\n")
	nWords := 0
	for i, line := range append(lines, strings.Split(adminTxt, "\n")...) {
		if i == len(lines) {
			nWords = n
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		n++
		if line != strings.ToLower(Normalise(line)) || line != strings.Join(strings.Fields(line), " ") {
			t.Errorf("line %d %q: not lower case NFC with single spaces", i+1, line)
		}
		if line != NormaliseTone(line, ToneCu) {
			t.Errorf("line %d %q: not in the old tone style (parseLexicon does not normalise), write %q", i+1, line, NormaliseTone(line, ToneCu))
		}
		syls := strings.Fields(line)
		if len(syls) < 2 {
			t.Errorf("line %d %q: fewer than two syllables", i+1, line)
		}
		for _, s := range syls {
			if ok, reason := ValidSyllable(s); !ok {
				t.Errorf("line %d %q: %q %s", i+1, line, s, reason)
			}
		}
		if seen[line] {
			t.Errorf("line %d %q: duplicate", i+1, line)
		}
		seen[line] = true
	}
	if nWords < 9000 || n-nWords < 50 {
		t.Errorf("word list has %d entries, want at least 9000; administrative list %d, want at least 50", nWords, n-nWords)
	}
	if l := getLexicon(); l.words != n {
		t.Errorf("lexicon loaded %d words, file has %d", l.words, n)
	}
	for _, slip := range []string{"bình đăng", "cộng động", "vài trò", "công nghiêp", "bình đăng giới", "kỷ thuật"} {
		if seen[slip] {
			t.Errorf("the word list contains the slip %q", slip)
		}
	}
	for _, w := range []string{"Source:", "Licence:"} {
		if !strings.Contains(wordsTxt[:800], w) || !strings.Contains(adminTxt[:900], w) {
			t.Errorf("words.txt or hanh-chinh.txt header lacks %q", w)
		}
	}
	readme, err := os.ReadFile("data/README.md")
	if err != nil || !strings.Contains(string(readme), "Licence") {
		t.Errorf("data/README.md must state the word list's source and licence (%v)", err)
	}
}
