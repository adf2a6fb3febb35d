package vntext

import (
	"os"
	"slices"
	"strings"
	"testing"

	"kehoach/internal/testkit"
)

// The word list is well formed: every entry has two or more syllables, each
// a valid Vietnamese syllable, in lower case and NFC, without duplicates;
// its source and licence are stated. The same holds for the administrative
// list (data/hanh-chinh.txt), which repeats no entry of words.txt. Entries
// are in the old tone style, the form parseLexicon reads without
// normalising, and the embedded index holds them all.
func TestWordList(t *testing.T) {
	t.Parallel()
	wordsTxt, adminTxt := wordLists(t)
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

// wordLists reads the two source lists of the index.
func wordLists(t testing.TB) (words, admin string) {
	t.Helper()
	w, err := os.ReadFile("data/words.txt")
	if err != nil {
		t.Fatal(err)
	}
	a, err := os.ReadFile("data/hanh-chinh.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(w), string(a)
}

// The embedded index is what encodeLexicon makes of the lists (go generate
// ./internal/vntext, or go test -update, rewrites it), and it answers every
// question as the lists read into maps do: each pair known, a word pair or
// not, its roles, the word pairs of every skeleton and confusion key in
// the order of the lists, every syllable; and nothing else.
func TestLexiconIndex(t *testing.T) {
	words, admin := wordLists(t)
	src := words + "\n" + admin
	testkit.Golden(t, "data/lexicon.idx", encodeLexicon(src), *testkit.Update)
	if *testkit.Update {
		return
	}
	lx, ok := openLexicon(lexiconIndex)
	if !ok || !lx.valid() {
		t.Fatalf("data/lexicon.idx: opens %v, valid %v", ok, ok && lx.valid())
	}
	m := parseLexicon(src)
	if lx.words != m.words || lx.pairs.n != len(m.pairs) {
		t.Errorf("index: %d entries, %d pairs; lists: %d, %d", lx.words, lx.pairs.n, m.words, len(m.pairs))
	}
	syls := map[string]bool{}
	for p, word := range m.pairs {
		if !lx.known(p) || lx.isWord(p) != word || lx.role(p) != m.role[p] {
			t.Errorf("pair %q: index known %v word %v role %d; lists word %v role %d", p, lx.known(p), lx.isWord(p), lx.role(p), word, m.role[p])
		}
		a, b, _ := strings.Cut(p, " ")
		syls[a], syls[b] = true, true
		if !lx.knownPair(a, b) {
			t.Errorf("pair %q: knownPair false", p)
		}
		for _, q := range []string{p + "x", "a" + p, a + "  " + b, b + " " + a} {
			if _, in := m.pairs[q]; !in && lx.known(q) {
				t.Errorf("index knows %q, the lists do not", q)
			}
		}
		for _, q := range [][2]string{{a, b + "x"}, {"a" + a, b}, {a + " ", b}, {b, a}, {a + " " + b, ""}} {
			if _, in := m.pairs[q[0]+" "+q[1]]; lx.knownPair(q[0], q[1]) != in {
				t.Errorf("knownPair(%q, %q) = %v, the lists %v", q[0], q[1], !in, in)
			}
		}
	}
	for k, want := range m.skel {
		if got := lx.bySkeleton(k); !slices.Equal(got, want) {
			t.Errorf("skeleton %q: index %q, lists %q", k, got, want)
		}
	}
	for k, want := range m.conf {
		if got := lx.byConfusion(k); !slices.Equal(got, want) {
			t.Errorf("confusion key %q: index %q, lists %q", k, got, want)
		}
	}
	if lx.syls.n != len(syls) {
		t.Errorf("index has %d syllables, lists %d", lx.syls.n, len(syls))
	}
	for s := range syls {
		if !lx.syllable(s) {
			t.Errorf("syllable %q missing from the index", s)
		}
	}
	for _, q := range []string{"", "zz", "binh dang x", "\xff\xff"} {
		if lx.known(q) || lx.syllable(q) || lx.bySkeleton(q) != nil || lx.byConfusion(q) != nil {
			t.Errorf("index answers %q", q)
		}
	}
}

// A damaged index does not open: each truncation, a foreign magic, an
// offset table that goes backwards, trailing bytes.
func TestLexiconIndexDamaged(t *testing.T) {
	for _, n := range []int{0, 5, len(lexiconMagic), len(lexiconMagic) + 3, len(lexiconMagic) + 40, len(lexiconIndex) / 2, len(lexiconIndex) - 1} {
		if _, ok := openLexicon(lexiconIndex[:n]); ok {
			t.Errorf("index cut at %d bytes opens", n)
		}
	}
	if _, ok := openLexicon(lexiconIndex + "x"); ok {
		t.Error("index with a trailing byte opens")
	}
	if _, ok := openLexicon("kehoach-lexicon0" + lexiconIndex[len(lexiconMagic):]); ok {
		t.Error("index of another format version opens")
	}
	b := []byte(lexiconIndex)
	// The first offset of the pairs table after the first: make it point
	// past the second.
	at := len(lexiconMagic) + 4 + 4 + 4
	b[at+3] = 0xff
	lx, ok := openLexicon(string(b))
	if !ok {
		t.Fatal("index with a backwards offset table does not open (only its sizes are checked at open)")
	}
	if lx.valid() {
		t.Error("index with a backwards offset table is valid")
	}
	// Its accessors read nothing outside the index: the pair whose end
	// went backwards is no string.
	for i := 0; i < lx.pairs.n; i++ {
		lx.known(lx.pairs.at(i))
	}
}

// A damaged part of the index is found by valid, and its accessors answer
// without reading outside the index or looping: each hash slot, offset and
// pair id set past its table, in turn.
func TestLexiconIndexDamagedParts(t *testing.T) {
	good, _ := openLexicon(lexiconIndex)
	probe := func(lx *lexicon) {
		for _, q := range []string{"bình đẳng", "ủy ban", "xã", "", "zz"} {
			lx.known(q)
			lx.syllable(q)
			lx.bySkeleton(skeleton(q))
			lx.byConfusion(confusionKey(q))
			if a, b, ok := strings.Cut(q, " "); ok {
				lx.knownPair(a, b)
			}
		}
	}
	// Offsets into the string index of the parts to damage.
	base := func(part string) int { return strings.Index(lexiconIndex, part) }
	for _, c := range []struct {
		name string
		at   int
	}{
		{"first pairs offset", len(lexiconMagic) + 4 + 4},
		{"a pairs hash slot", base(good.pairs.slots) + 4*7},
		{"a syllable offset", base(good.syls.off) + 4*3},
		{"a skeleton start", base(good.skel.start) + 4*5},
		{"a skeleton pair id", base(good.skel.ids) + 4*2},
		{"a confusion pair id", base(good.conf.ids) + 4*9},
	} {
		for _, v := range []byte{0xff, 0x7f} {
			b := []byte(lexiconIndex)
			b[c.at+3] = v
			lx, ok := openLexicon(string(b))
			if !ok {
				t.Errorf("%s set to %#x: does not open (no size changed)", c.name, v)
				continue
			}
			if lx.valid() {
				t.Errorf("%s set to %#x: still valid", c.name, v)
			}
			probe(lx)
		}
	}
	// All slots full (a damaged index may have no empty one): a probe ends.
	lx := *good
	full := strings.Repeat("\x01\x00\x00\x00", len(lx.pairs.slots)/4)
	lx.pairs.slots = full
	lx.known("không có")
	lx.knownPair("không", "có")
}

// oneChangedPair is oneSyllableChanged of get, for the skeleton and the
// confusion key of every adjacent pair of lower-case words in the
// repository's YAML, and of every word pair of the index itself.
func TestOneChangedPairSameAsGet(t *testing.T) {
	lx := getLexicon()
	var pairs [][2]string
	for _, s := range classreSamples(t) {
		toks := wordsOf(Normalise(s))
		for i := 0; i+1 < len(toks); i++ {
			pairs = append(pairs, [2]string{toLower(toks[i].text), toLower(toks[i+1].text)})
		}
	}
	for i := 0; i < lx.pairs.n; i += 7 {
		if a, b, ok := strings.Cut(lx.pairs.at(i), " "); ok {
			pairs = append(pairs, [2]string{a, b})
		}
	}
	hits := 0
	for _, p := range pairs {
		a, b := p[0], p[1]
		for _, c := range []struct {
			m      multiMap
			ka, kb string
		}{{lx.skel, skeleton(a), skeleton(b)}, {lx.conf, confusionKey(a), confusionKey(b)}} {
			got, want := c.m.oneChangedPair(c.ka, c.kb, lx.pairs, a, b), oneSyllableChanged(c.m.get(c.ka+" "+c.kb, lx.pairs), a, b)
			if !slices.Equal(got, want) {
				t.Fatalf("%q %q: %q, want %q", a, b, got, want)
			}
			hits += len(want)
		}
	}
	if hits < 1000 {
		t.Errorf("only %d variants found: the pairs do not test much", hits)
	}
}
