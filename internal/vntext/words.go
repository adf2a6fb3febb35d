package vntext

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"kehoach/internal/lazy"
)

// The roles of a word pair: a two-syllable entry, the first pair of a
// longer entry, the last pair of a longer entry.
const (
	roleWhole uint8 = 1 << iota
	roleFirst
	roleLast
)

// variants returns the word pairs whose skeleton is sa+" "+sb (that of
// a+" "+b) and that keep one of the two syllables unchanged.
func (l *lexicon) variants(a, b, sa, sb string) []string {
	return l.skel.oneChangedPair(sa, sb, l.pairs, a, b)
}

// oneSyllableChanged returns the pairs of ps that keep exactly one of a and
// b unchanged.
func oneSyllableChanged(ps []string, a, b string) []string {
	var out []string
	for _, p := range ps {
		x, y, _ := strings.Cut(p, " ")
		if (x == a) != (y == b) {
			out = append(out, p)
		}
	}
	return out
}

// tokInfo is what the word rules know about one distinct token text.
type tokInfo struct {
	a     analysis
	lower string // lower case, old tone style ("" unless a.ok)
	skel  string // skeleton of lower
	ckey  string // confusionKey of lower, filled on first use by nham-am
}

// wordInfo returns the tokInfo of the word text from cache, analysing it
// on the first request; a nil cache keeps nothing.
func wordInfo(cache map[string]*tokInfo, text string) *tokInfo {
	in, ok := cache[text]
	if !ok {
		in = &tokInfo{a: analyse(text)}
		if in.a.ok {
			in.lower = oldStyleLower(text, in.a)
			in.skel = skeleton(in.lower)
		}
		if cache != nil {
			cache[text] = in
		}
	}
	return in
}

// wordState is the per-token view used by the word rules.
type wordState struct {
	tok   *token
	a     *analysis
	info  *tokInfo
	key   string // lower case, old style; "" when not an ordinary word
	nkey  string // lower case, old style, for any well-formed syllable (neighbour checks)
	plain bool   // an ordinary lower-case word (or the capitalised first word of a sentence)
}

// wordFindings runs am-tiet, dau-thanh, kieu-dau and tu-ghep.
func wordFindings(s string, toks []token, o Options) []Finding {
	if len(toks) == 0 {
		return nil
	}
	want := styleFromOption(o.ToneStyle)
	cache := o.Words.cache()
	if cache == nil {
		cache = make(map[string]*tokInfo, len(toks)/2)
	}
	var ws []wordState // every element is set below
	if sc := o.Words.scratch(); sc != nil {
		if cap(sc.ws) < len(toks) {
			sc.ws = make([]wordState, len(toks))
		}
		ws = sc.ws[:len(toks)]
	} else {
		ws = make([]wordState, len(toks))
	}
	for i := range toks {
		t := &toks[i]
		in := wordInfo(cache, t.text)
		ws[i] = wordState{tok: t, a: &in.a, info: in}
		if in.a.ok && !t.apos && !t.digitAdj && !t.joined {
			ws[i].nkey = in.lower
		}
		if in.a.ok && !t.apos && !t.digitAdj && !t.joined && !t.allUpper && (!t.capital || t.sentStart) {
			ws[i].plain = true
			ws[i].key = in.lower
		}
	}
	lx := getLexicon()
	var fs []Finding

	// Syllable shape and tone placement.
	for i, w := range ws {
		t, a := w.tok, w.a
		if a.ok {
			continue
		}
		if !syllableChecked(t, a) {
			// A word typed without marks whose shape is right but whose tone
			// cannot be (sach, nghiep) is flagged only when a neighbour makes
			// a dictionary word of it (chính sach → chính sách): English
			// words (set, it) and loanwords stay silent.
			if a.ascii && a.shapeOK && !a.misplaced && !t.apos && !t.digitAdj && !t.joined && !t.allUpper {
				if sug := suggestForInvalid(lx, ws, i); sug != "" {
					fs = append(fs, Finding{Rule: RuleSyllable, Severity: Error, Start: t.start, End: t.end,
						Msg:     fmt.Sprintf("“%s” không phải là âm tiết tiếng Việt: %s", t.text, a.reason),
						Suggest: fmt.Sprintf("có lẽ là “%s”", sug)})
				}
			}
			continue
		}
		if a.misplaced {
			fs = append(fs, Finding{Rule: RuleTonePlace, Severity: Error, Start: t.start, End: t.end,
				Msg:     fmt.Sprintf("“%s”: dấu thanh đặt sai vị trí", t.text),
				Suggest: fmt.Sprintf("viết “%s”", a.fixed),
				Fix:     strPtr(a.fixed)})
			continue
		}
		f := Finding{Rule: RuleSyllable, Severity: Error, Start: t.start, End: t.end,
			Msg:     fmt.Sprintf("“%s” không phải là âm tiết tiếng Việt: %s", t.text, a.reason),
			Suggest: "kiểm tra lỗi gõ; nếu là tên riêng hoặc từ nước ngoài, thêm vào danh sách ngoại lệ"}
		if sug := suggestForInvalid(lx, ws, i); sug != "" {
			f.Suggest = fmt.Sprintf("có lẽ là “%s”", sug)
		}
		fs = append(fs, f)
	}

	// Tone-mark style.
	for _, w := range ws {
		if !w.a.ok || w.a.style == StyleNeutral || w.a.style == want {
			continue
		}
		fixed, _ := restyle(w.tok.text, want)
		name := "cũ (hòa, thủy)"
		if want == StyleNew {
			name = "mới (hoà, thuỷ)"
		}
		fs = append(fs, Finding{Rule: RuleKieuDau, Severity: Warning, Start: w.tok.start, End: w.tok.end,
			Msg:     fmt.Sprintf("“%s” đặt dấu thanh theo kiểu %s, khác kiểu đã chọn cho văn bản", w.tok.text, w.a.style),
			Suggest: fmt.Sprintf("theo kiểu %s viết “%s”", name, fixed),
			Fix:     strPtr(fixed)})
	}

	// Pairs of syllables that form no word.
	flagged := map[int]bool{}
	var unknown []int // pairs that are no word and have no tu-ghep candidate
	for i := 0; i+1 < len(ws); i++ {
		a, b := ws[i], ws[i+1]
		if !a.plain || !b.plain || b.tok.capital || !onlySpaceBetween(s, a.tok.end, b.tok.start) {
			continue
		}
		if lx.knownPair(a.key, b.key) {
			continue
		}
		vs := lx.variants(a.key, b.key, a.info.skel, b.info.skel)
		if len(vs) == 0 {
			unknown = append(unknown, i) // nham-am's ground
		}
		if len(vs) != 1 {
			continue
		}
		x, y, _ := strings.Cut(vs[0], " ")
		changed := i
		if x == a.key {
			changed = i + 1
		}
		if flagged[changed] || functionWords()[a.key] || functionWords()[b.key] {
			continue
		}
		if explainedByNeighbour(s, ws, i, lx) {
			continue
		}
		flagged[changed] = true
		orig := s[a.tok.start:b.tok.end]
		sug := matchCase(a.tok.text, x) + s[a.tok.end:b.tok.start] + matchCase(b.tok.text, y)
		fs = append(fs, Finding{Rule: RuleWord, Severity: Warning, Start: a.tok.start, End: b.tok.end,
			Msg:     fmt.Sprintf("“%s” không phải là từ có trong từ điển; có lẽ gõ sai dấu", orig),
			Suggest: fmt.Sprintf("có lẽ là “%s”", sug)})
	}
	return append(fs, confusionFindings(s, ws, lx, unknown, flagged)...)
}

// explainedByNeighbour reports whether a syllable of the pair ws[i], ws[i+1]
// forms a word with its other neighbour, which explains the pair (một vài |
// trò chơi): no finding.
func explainedByNeighbour(s string, ws []wordState, i int, lx *lexicon) bool {
	a, b := ws[i], ws[i+1]
	// A word before ends at a: a two-syllable word or the end of a longer
	// one; the start of a longer one (“chợ nông” of “chợ nông thôn”) would
	// go on with another syllable than b, so it explains nothing.
	if i > 0 && ws[i-1].nkey != "" && onlySpaceBetween(s, ws[i-1].tok.end, a.tok.start) && lx.role(ws[i-1].nkey+" "+a.key)&(roleWhole|roleLast) != 0 {
		return true
	}
	// A word after starts at b.
	return i+2 < len(ws) && ws[i+2].nkey != "" && onlySpaceBetween(s, b.tok.end, ws[i+2].tok.start) && lx.role(b.key+" "+ws[i+2].nkey)&(roleWhole|roleFirst) != 0
}

// functionWords are grammatical words (prepositions, conjunctions, the
// copula, aspect and modal markers, demonstratives, pronouns) that combine
// with almost any word, and the numerals, so "tại bản" (at the village) or
// "có hai" (has two) is a free combination, not a slip for "tái bản" or
// "có hại". The tu-ghep rule skips every pair that contains one: it misses
// slips such as "nhưng nội dung" for "những nội dung", a price paid for
// raising no false alarm on ordinary phrases.
var functionWordsValue lazy.Value[map[string]bool]

func functionWords() map[string]bool { return functionWordsValue.Get(makeFunctionWords) }

func makeFunctionWords() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		tại của cho và với các những là có được bị đã đang sẽ không chưa cũng đều vẫn còn
		rất lại ra vào lên xuống đi đến tới từ theo trong ngoài trên dưới sau trước giữa bên
		về để mà thì nếu nhưng hoặc hay vì do nên này đó kia ấy nào gì ai mỗi mọi cả
		tôi ta mình họ nó chúng anh chị em ông bà cô chú bác cháu con cái chiếc sự việc
		khi lúc nơi bằng như hơn nhất quá lắm chỉ ngay cùng phải cần nên thêm nữa đây đấy
		nhé ạ à ư chứ thôi vậy thế sao mấy mới bởi tuy dù song ở rồi thứ bạn
		hãy đừng chớ muốn
		một hai ba bốn năm sáu bảy tám chín mười trăm nghìn ngàn vạn triệu tỷ`) {
		m[w] = true
	}
	return m
}

// syllableChecked reports whether the am-tiet and dau-thanh rules apply to
// the token: not a name, an abbreviation, a code or a loanword.
func syllableChecked(t *token, a *analysis) bool {
	switch {
	case t.apos || t.digitAdj || t.joined || a.foreign:
		return false
	case utf8.RuneCountInString(t.text) < 2:
		return false
	case t.capital && !t.sentStart && !t.allUpper:
		return false // a name: Mường Khoa, Đắk Lắk
	case t.allUpper && !hasVietMarks(t.text):
		return false // an abbreviation: NTM, HĐND, CTMTQG
	case a.ascii:
		return false // no diacritics: a loanword (internet, video) or text typed without marks
	case !a.shapeOK && vowelGroups(a.runes) >= 2:
		return false // a Vietnamised loanword written as one token: lôgic, mômen, tenxơ
	}
	return true
}

// vowelGroups counts the runs of vowel letters in a toneless word.
func vowelGroups(rs []rune) int {
	n, in := 0, false
	for _, r := range rs {
		v := isVowelBase(r)
		if v && !in {
			n++
		}
		in = v
	}
	return n
}

// hasVietMarks reports whether s has a letter with a vowel mark or tone
// (anything beyond ASCII except đ/Đ).
func hasVietMarks(s string) bool {
	for _, r := range s {
		if r >= 0x80 && r != 'đ' && r != 'Đ' {
			return true
		}
	}
	return false
}

// suggestForInvalid looks for one dictionary word that the invalid token at
// index i could have been meant as, given a neighbour.
func suggestForInvalid(lx *lexicon, ws []wordState, i int) string {
	bad := toLower(ws[i].tok.text)
	sk := skeleton(bad)
	seen := map[string]bool{}
	var sug string
	try := func(prefix, other string, left bool) {
		var k string
		if left {
			k = skeleton(other) + " " + sk
		} else {
			k = sk + " " + skeleton(other)
		}
		for _, p := range lx.bySkeleton(k) {
			x, y, _ := strings.Cut(p, " ")
			if left && x == other {
				if !seen[y] {
					seen[y] = true
					sug = prefix + y
				}
			}
			if !left && y == other {
				if !seen[x] {
					seen[x] = true
					sug = x + prefix
				}
			}
		}
	}
	if i > 0 && ws[i-1].key != "" {
		try(ws[i-1].tok.text+" ", ws[i-1].key, true)
	}
	if i+1 < len(ws) && ws[i+1].key != "" {
		try(" "+ws[i+1].tok.text, ws[i+1].key, false)
	}
	if len(seen) != 1 {
		return ""
	}
	return sug
}

// oldStyleLower returns the token lower-cased in the old tone style.
func oldStyleLower(text string, a analysis) string {
	if a.style == StyleNew {
		if r, ok := restyle(text, StyleOld); ok {
			text = r
		}
	}
	return toLower(text)
}

// matchCase gives w the capitalisation of model's first letter.
func matchCase(model, w string) string {
	m, _ := utf8.DecodeRuneInString(model)
	if !isUpper(m) {
		return w
	}
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[n:]
}

// onlySpaceBetween reports whether s[a:b] is made of white space only.
func onlySpaceBetween(s string, a, b int) bool {
	if a >= b {
		return a == b
	}
	for i := a; i < b; i++ {
		switch c := s[i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
		case c < utf8.RuneSelf:
			return false // the other ASCII bytes are no space (isSpace)
		default:
			for _, r := range s[i:b] {
				if !isSpace(r) {
					return false
				}
			}
			return true
		}
	}
	return true
}
