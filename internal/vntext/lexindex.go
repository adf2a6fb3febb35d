package vntext

import (
	_ "embed" // the pre-built word index
	"encoding/binary"
	"sort"
	"strings"

	"kehoach/internal/lazy"
)

// lexiconIndex is the word list (data/words.txt and data/hanh-chinh.txt)
// as built by encodeLexicon: sorted string tables with hash slots, searched
// in place, so a
// process that checks text parses nothing at start-up (the lists took
// ~28 ms to read into maps). go generate rewrites it from the lists;
// TestLexiconIndex fails when it differs from what they give.
//
//go:generate go test -run ^TestLexiconIndex$ -update .
//go:embed data/lexicon.idx
var lexiconIndex string

// lexiconMagic starts data/lexicon.idx; the digit is the format's version.
const lexiconMagic = "kehoach-lexicon2"

// lexicon indexes the word list by adjacent syllable pairs. A word pair is a
// two-syllable entry or the first or last pair of a longer one ("ủy ban",
// "nhân dân" in "ủy ban nhân dân"); the pairs inside a longer entry ("ban
// nhân") are known sequences but not words, so they are never proposed as
// corrections nor used to explain a neighbour.
//
// Every string is lower case, old tone style. The tables are views of the
// embedded index (lexiconIndex); nothing is copied.
type lexicon struct {
	words int      // entries of the lists
	pairs strTable // every adjacent pair of every entry
	flags string   // of each pair: bit 0 word pair, bits 1–3 its roles (roleWhole, roleFirst, roleLast)
	skel  multiMap // "binh dang" -> {"bình đẳng"}: word pairs (indexes into pairs) by their mark-less skeleton
	conf  multiMap // "san suất" -> {"sản xuất"}: word pairs by their confusionKey
	syls  strTable // every syllable of the lists
}

// getLexicon opens the embedded index once: it reads the table headers and
// nothing else.
var getLexiconValue lazy.Value[*lexicon]

func getLexicon() *lexicon { return getLexiconValue.Get(makeGetLexicon) }

func makeGetLexicon() *lexicon {
	l, ok := openLexicon(lexiconIndex)
	if !ok {
		// Only a build with a damaged data/lexicon.idx gets here; the tests
		// catch it. Without the list no pair is a word: tu-ghep and nham-am
		// stay silent, the other rules still run.
		return &lexicon{}
	}
	return l
}

// known reports whether the pair (lower case, old style) occurs in an entry.
func (l *lexicon) known(p string) bool {
	_, ok := l.pairs.find(p)
	return ok
}

// knownPair is known(a + " " + b) without building the string.
func (l *lexicon) knownPair(a, b string) bool {
	_, ok := l.pairs.findPair(a, b)
	return ok
}

// isWord reports whether the pair is a word pair.
func (l *lexicon) isWord(p string) bool {
	i, ok := l.pairs.find(p)
	return ok && l.flags[i]&1 != 0
}

// role returns the roles of a word pair (0 for any other).
func (l *lexicon) role(p string) uint8 {
	if i, ok := l.pairs.find(p); ok {
		return l.flags[i] >> 1
	}
	return 0
}

// bySkeleton returns the word pairs whose skeleton is k, in the order of
// the lists.
func (l *lexicon) bySkeleton(k string) []string { return l.skel.get(k, l.pairs) }

// byConfusion returns the word pairs whose confusionKey is k, in the order
// of the lists.
func (l *lexicon) byConfusion(k string) []string { return l.conf.get(k, l.pairs) }

// syllable reports whether s (lower case, old style) is a syllable of the
// word list.
func (l *lexicon) syllable(s string) bool {
	_, ok := l.syls.find(s)
	return ok
}

// A strTable is n sorted strings: off holds n+1 little-endian uint32
// offsets into data, string i is data[off[i]:off[i+1]]. slots is an
// open-addressing hash table over them: a power of two of uint32, each 0
// (empty) or 1 + the index of a string whose strHash, masked, is that
// slot or, with the slots between full, one before it.
type strTable struct {
	n                int
	off, data, slots string
}

// strHash is FNV-1a (32 bits) of s.
func strHash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// at is string i; "" when the offsets of a damaged index do not hold one
// (openLexicon checks the sizes only, not each offset: see valid).
func (t strTable) at(i int) string {
	a, b := u32(t.off, i), u32(t.off, i+1)
	if a > b || b > uint32(len(t.data)) {
		return ""
	}
	return t.data[a:b]
}

// find returns the index of s in the table, looked up in its hash slots.
func (t strTable) find(s string) (int, bool) {
	m := uint32(len(t.slots) / 4)
	if m == 0 {
		return 0, false
	}
	for n, i := uint32(0), strHash(s)&(m-1); n < m; n, i = n+1, (i+1)&(m-1) { // at most m probes: a damaged index may have no empty slot
		v := u32(t.slots, int(i))
		if v == 0 || v > uint32(t.n) { // empty, or damaged (see valid)
			return 0, false
		}
		if t.at(int(v-1)) == s {
			return int(v - 1), true
		}
	}
	return 0, false
}

// findPair is find(a + " " + b) without building the string.
func (t strTable) findPair(a, b string) (int, bool) {
	m := uint32(len(t.slots) / 4)
	if m == 0 {
		return 0, false
	}
	h := strHash(a)
	h ^= ' '
	h *= 16777619
	for i := 0; i < len(b); i++ {
		h ^= uint32(b[i])
		h *= 16777619
	}
	for n, i := uint32(0), h&(m-1); n < m; n, i = n+1, (i+1)&(m-1) { // at most m probes: a damaged index may have no empty slot
		v := u32(t.slots, int(i))
		if v == 0 || v > uint32(t.n) { // empty, or damaged (see valid)
			return 0, false
		}
		if e := t.at(int(v - 1)); len(e) == len(a)+1+len(b) && e[len(a)] == ' ' && e[:len(a)] == a && e[len(a)+1:] == b {
			return int(v - 1), true
		}
	}
	return 0, false
}

// A multiMap maps the sorted keys of a strTable to lists of pair indexes:
// the values of key i are ids[start[i]:start[i+1]], each a little-endian
// uint32.
type multiMap struct {
	keys  strTable
	start string // n+1 uint32
	ids   string
}

func (m multiMap) get(k string, pairs strTable) []string {
	i, ok := m.keys.find(k)
	if !ok {
		return nil
	}
	a, b := u32(m.start, i), u32(m.start, i+1)
	if a > b || int(b) > len(m.ids)/4 { // a damaged index (see valid)
		return nil
	}
	out := make([]string, 0, b-a)
	for j := a; j < b; j++ {
		if id := int(u32(m.ids, int(j))); id < pairs.n { // else a damaged index
			out = append(out, pairs.at(id))
		}
	}
	return out
}

// oneChangedPair is oneSyllableChanged(m.get(ka+" "+kb, pairs), a, b)
// without building the key or the list of every pair under it.
func (m multiMap) oneChangedPair(ka, kb string, pairs strTable, a, b string) []string {
	i, ok := m.keys.findPair(ka, kb)
	if !ok {
		return nil
	}
	st, en := u32(m.start, i), u32(m.start, i+1)
	if st > en || int(en) > len(m.ids)/4 { // a damaged index (see valid)
		return nil
	}
	var out []string
	for j := st; j < en; j++ {
		id := int(u32(m.ids, int(j)))
		if id >= pairs.n { // a damaged index
			continue
		}
		p := pairs.at(id)
		if x, y, _ := strings.Cut(p, " "); (x == a) != (y == b) {
			out = append(out, p)
		}
	}
	return out
}

func u32(s string, i int) uint32 {
	s = s[4*i : 4*i+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// openLexicon reads the layout of an index written by encodeLexicon:
// the magic, the number of entries, then the tables pairs (with flags),
// skel, conf and syls. A table is its count n, n+1 offsets, the strings,
// the number of hash slots and the slots; a multiMap is its key table,
// n+1 starts and the pair indexes. It reports false for a truncated or
// foreign file.
func openLexicon(s string) (l *lexicon, ok bool) {
	if !strings.HasPrefix(s, lexiconMagic) {
		return nil, false
	}
	r := indexReader{s: s[len(lexiconMagic):]}
	l = &lexicon{words: r.count()}
	l.pairs = r.table()
	l.flags = r.bytes(l.pairs.n)
	l.skel = r.multi()
	l.conf = r.multi()
	l.syls = r.table()
	if r.bad || r.s != "" {
		return nil, false
	}
	return l, true
}

// valid checks what openLexicon leaves to the accessors, which it would
// cost a pass over every table at each start-up to check (~1,8 M
// instructions): that each table's offsets go forwards, that each hash
// slot holds one of its strings, and that each list of a multiMap holds
// pairs of the table and goes forwards. The accessors never read outside
// the index (a damaged part answers as no string), so only tests call it:
// the embedded index is valid (TestLexiconIndex), a damaged one is not.
func (l *lexicon) valid() bool {
	tableOK := func(t strTable) bool {
		for i := 0; i < t.n; i++ {
			if u32(t.off, i) > u32(t.off, i+1) {
				return false
			}
		}
		for i := 0; i < len(t.slots)/4; i++ {
			if u32(t.slots, i) > uint32(t.n) {
				return false
			}
		}
		return true
	}
	multiOK := func(m multiMap) bool {
		if !tableOK(m.keys) {
			return false
		}
		for i := 0; i < m.keys.n; i++ {
			if u32(m.start, i) > u32(m.start, i+1) {
				return false
			}
		}
		for j := 0; j < len(m.ids)/4; j++ {
			if u32(m.ids, j) >= uint32(l.pairs.n) {
				return false
			}
		}
		return true
	}
	return tableOK(l.pairs) && tableOK(l.syls) && multiOK(l.skel) && multiOK(l.conf)
}

// indexReader takes the parts of an index off its front; bad is set, and
// every later part is empty, once the index is shorter than its counts say.
type indexReader struct {
	s   string
	bad bool
}

func (r *indexReader) bytes(n int) string {
	if r.bad || n < 0 || n > len(r.s) {
		r.bad = true
		return ""
	}
	b := r.s[:n]
	r.s = r.s[n:]
	return b
}

func (r *indexReader) count() int {
	b := r.bytes(4)
	if r.bad {
		return 0
	}
	return int(u32(b, 0))
}

func (r *indexReader) table() strTable {
	t := strTable{n: r.count()}
	t.off = r.bytes(4 * (t.n + 1))
	if r.bad {
		return strTable{}
	}
	t.data = r.bytes(int(u32(t.off, t.n)))
	m := r.count()
	t.slots = r.bytes(4 * m)
	// A power of two larger than n, so that a probe always meets an empty
	// slot and ends (each slot's content is checked as it is read, and by
	// valid).
	if m&(m-1) != 0 || m <= t.n {
		r.bad = true
	}
	if r.bad {
		return strTable{}
	}
	return t
}

func (r *indexReader) multi() multiMap {
	m := multiMap{keys: r.table()}
	m.start = r.bytes(4 * (m.keys.n + 1))
	if r.bad {
		return multiMap{}
	}
	m.ids = r.bytes(4 * int(u32(m.start, m.keys.n)))
	return m
}

// lexiconMaps is the word list read into maps, the form encodeLexicon
// writes out as the index (and the tests compare the index with).
type lexiconMaps struct {
	pairs map[string]bool     // every adjacent pair of every entry; true for a word pair
	skel  map[string][]string // word pairs by skeleton, in the order of the lists
	conf  map[string][]string // word pairs by confusionKey, in the order of the lists
	role  map[string]uint8    // of a word pair: roleWhole, roleFirst, roleLast (bits)
	words int
}

// parseLexicon reads one word per line; '#' starts a comment. The entries
// must already be in the lexicon's form: NFC, lower case, old tone style
// (TestWordList asserts this of the lists), so nothing is normalised.
func parseLexicon(src string) *lexiconMaps {
	l := &lexiconMaps{pairs: map[string]bool{}, skel: map[string][]string{}, conf: map[string][]string{}, role: map[string]uint8{}}
	for _, line := range strings.Split(src, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		syls := strings.Fields(line)
		if len(syls) < 2 {
			continue
		}
		l.words++
		for i := 0; i+1 < len(syls); i++ {
			p := syls[i] + " " + syls[i+1]
			l.addPair(p, i == 0 || i+2 == len(syls))
			switch {
			case len(syls) == 2:
				l.role[p] |= roleWhole
			case i == 0:
				l.role[p] |= roleFirst
			case i+2 == len(syls):
				l.role[p] |= roleLast
			}
		}
	}
	return l
}

func (l *lexiconMaps) addPair(p string, word bool) {
	if was, ok := l.pairs[p]; ok && (was || !word) {
		return
	}
	l.pairs[p] = word
	if word {
		k := skeleton(p)
		l.skel[k] = append(l.skel[k], p)
		c := confusionKey(p)
		l.conf[c] = append(l.conf[c], p)
	}
}

// encodeLexicon writes the word lists src as the index openLexicon reads
// (the layout is described there; every number a little-endian uint32).
func encodeLexicon(src string) []byte {
	l := parseLexicon(src)
	pairs := make([]string, 0, len(l.pairs))
	for p := range l.pairs {
		pairs = append(pairs, p)
	}
	sort.Strings(pairs)
	id := make(map[string]uint32, len(pairs))
	for i, p := range pairs {
		id[p] = uint32(i)
	}
	syls := map[string]bool{}
	for _, p := range pairs {
		a, b, _ := strings.Cut(p, " ")
		syls[a], syls[b] = true, true
	}

	out := []byte(lexiconMagic)
	num := func(n int) { out = binary.LittleEndian.AppendUint32(out, uint32(n)) }
	table := func(ss []string) {
		num(len(ss))
		o := 0
		for _, s := range ss {
			num(o)
			o += len(s)
		}
		num(o)
		for _, s := range ss {
			out = append(out, s...)
		}
		// Hash slots at most two thirds full.
		m := 1
		for m < len(ss)+len(ss)/2 {
			m *= 2
		}
		slots := make([]uint32, m)
		for i, s := range ss {
			j := strHash(s) & uint32(m-1)
			for slots[j] != 0 {
				j = (j + 1) & uint32(m-1)
			}
			slots[j] = uint32(i + 1)
		}
		num(m)
		for _, v := range slots {
			num(int(v))
		}
	}
	multi := func(m map[string][]string) {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		table(keys)
		n := 0
		for _, k := range keys {
			num(n)
			n += len(m[k])
		}
		num(n)
		for _, k := range keys {
			for _, p := range m[k] {
				num(int(id[p]))
			}
		}
	}

	num(l.words)
	table(pairs)
	for _, p := range pairs {
		f := l.role[p] << 1
		if l.pairs[p] {
			f |= 1
		}
		out = append(out, f)
	}
	multi(l.skel)
	multi(l.conf)
	sylList := make([]string, 0, len(syls))
	for s := range syls {
		sylList = append(sylList, s)
	}
	sort.Strings(sylList)
	table(sylList)
	return out
}
