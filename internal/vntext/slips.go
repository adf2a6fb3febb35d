package vntext

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"kehoach/internal/lazy"
)

// Typing slips (issue #18, deliver 3): a word typed twice, input-method
// residue (Telex, VNI), doubled punctuation, a missing space after
// punctuation, a misspelt agency abbreviation and the old spelling "qui".

// Rule ids of the typing-slip rules.
const (
	RuleRepeat     = "lap-tu"
	RuleTelex      = "go-telex"
	RuleVNIDigits  = "go-vni"
	RuleDoubled    = "dau-cau-lap"
	RuleNoSpace    = "thieu-khoang"
	RuleAgency     = "viet-tat-sai"
	RuleQuiSpelled = "qui-quy"
)

// reduplications are the exact repeats Vietnamese uses on purpose
// ("nhà nhà, người người", "ngày ngày", "dần dần"): lap-tu leaves them alone.
var reduplicationsValue lazy.Value[map[string]bool]

func reduplications() map[string]bool { return reduplicationsValue.Get(makeReduplications) }

func makeReduplications() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`ngày đêm tháng năm giờ người nhà ngành cấp đời ai đâu dần xa mãi
		thường lâu từ nơi lớp đấy thật chôm`) {
		m[w] = true
	}
	return m
}

// slipFindings runs the typing-slip rules on the NFC string s and its tokens.
func slipFindings(s string, toks []token, o Options) []Finding {
	var fs []Finding
	fs = append(fs, repeatFindingsIn(s, toks, o.Words.scratch())...)
	fs = append(fs, telexFindings(s, toks, o)...)
	fs = append(fs, vniDigitFindings(s, toks, o)...)
	fs = append(fs, agencyFindings(toks)...)
	fs = append(fs, quiFindings(toks)...)
	fs = append(fs, punctSlipFindings(s)...)
	return fs
}

// repeatFindings reports a word or a two-syllable word typed twice in a row
// with only blanks between ("của của", "xây dựng xây dựng"). Reduplications
// of the list above and of the word list (chôm chôm) pass. The Fix removes the second copy.
func repeatFindings(s string, toks []token) []Finding { return repeatFindingsIn(s, toks, nil) }

// repeatFindingsIn is repeatFindings with its slices from sc (nil: new
// ones).
func repeatFindingsIn(s string, toks []token, sc *scratch) []Finding {
	var fs []Finding
	var lows []string // each token lowered once, on first use
	var gaps []bool   // gaps[i]: only blanks, at least one, between token i and the next
	if sc != nil {
		if cap(sc.lows) < len(toks) {
			sc.lows, sc.gaps = make([]string, len(toks)), make([]bool, len(toks))
		}
		lows, gaps = sc.lows[:len(toks)], sc.gaps[:len(toks)]
		clear(lows)
		clear(gaps)
	} else {
		lows, gaps = make([]string, len(toks)), make([]bool, len(toks))
	}
	low := func(i int) string {
		if lows[i] == "" {
			lows[i] = toLower(toks[i].text)
		}
		return lows[i]
	}
	// eqLow is low(i) == low(j), without lowering two words whose first
	// letters, both ASCII, differ in lower case (most pairs).
	eqLow := func(i, j int) bool {
		a, b := toks[i].text, toks[j].text
		if a == b {
			return true
		}
		if x, y := a[0], b[0]; x < utf8.RuneSelf && y < utf8.RuneSelf && asciiLower(x) != asciiLower(y) {
			return false
		}
		return low(i) == low(j)
	}
	for i := 0; i+1 < len(toks); i++ {
		gaps[i] = onlySpaceBetween(s, toks[i].end, toks[i+1].start) && toks[i].end < toks[i+1].start
	}
	gap := func(i int) bool { return gaps[i] }
	for i := 0; i+1 < len(toks); i++ {
		// two syllables twice: a b a b
		if i+3 < len(toks) && gap(i) && gap(i+1) && gap(i+2) && eqLow(i, i+2) && eqLow(i+1, i+3) && !eqLow(i, i+1) {
			w := s[toks[i].start:toks[i+1].end]
			fs = append(fs, Finding{Rule: RuleRepeat, Severity: Warning, Start: toks[i+1].end, End: toks[i+3].end,
				Msg:     fmt.Sprintf("“%s” bị gõ lặp hai lần liền nhau", w),
				Suggest: fmt.Sprintf("xóa “%s” thứ hai", w), Fix: strPtr("")})
			i += 3
			continue
		}
		if !gap(i) || !eqLow(i, i+1) || reduplications()[low(i)] || toks[i].digitAdj || toks[i+1].digitAdj ||
			getLexicon().known(toLower(NormaliseTone(low(i), ToneCu))+" "+toLower(NormaliseTone(low(i), ToneCu))) {
			continue
		}
		w := toks[i].text
		fs = append(fs, Finding{Rule: RuleRepeat, Severity: Warning, Start: toks[i].end, End: toks[i+1].end,
			Msg:     fmt.Sprintf("“%s %s”: từ “%s” bị gõ lặp", w, toks[i+1].text, w),
			Suggest: fmt.Sprintf("xóa “%s” thứ hai", toks[i+1].text), Fix: strPtr("")})
		i++
	}
	return fs
}

// asciiLower is the lower case of an ASCII byte.
func asciiLower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// placeTone puts tone t on the toneless syllable base (any case) where the
// syllable rules want it, and returns the result when it is a well-formed
// syllable of the word list.
func placeTone(base string, t tone) (string, bool) {
	rs := []rune(base)
	for i, r := range rs {
		lr := unicode.ToLower(r)
		if !isVowelBase(lr) {
			continue
		}
		c := make([]rune, len(rs))
		copy(c, rs)
		c[i] = compose(lr, t, isUpper(r))
		w := string(c)
		if a := analyse(w); a.ok && getLexicon().syllable(toLower(NormaliseTone(w, ToneCu))) {
			return NormaliseTone(w, ToneCu), true
		}
	}
	return "", false
}

// telexTone is the tone of a Telex tone key (s f r x j), and false for any
// other byte.
func telexTone(c byte) (tone, bool) {
	switch c {
	case 's':
		return toneSac, true
	case 'f':
		return toneHuyen, true
	case 'r':
		return toneHoi, true
	case 'x':
		return toneNga, true
	case 'j':
		return toneNang, true
	}
	return toneNgang, false
}

// decodeTelex reads an ASCII token as Telex keystrokes: dd → đ, aa ee oo →
// â ê ô, aw ow uw → ă ơ ư, uow → ươ, a lone w → ư, and a final s f r x j as
// the tone. strong is false when only a final s, r or x was found.
func decodeTelex(w string) (out string, strong, ok bool) {
	lw := toLower(w)
	t := toneNgang
	if n := len(lw); n > 1 {
		if tt, isTone := telexTone(lw[n-1]); isTone {
			t, lw, w = tt, lw[:n-1], w[:n-1]
		}
	}
	var b []rune
	for i := 0; i < len(lw); i++ {
		c := rune(lw[i])
		up := isUpper(rune(w[i]))
		mk := func(r rune) rune {
			if up {
				return unicode.ToUpper(r)
			}
			return r
		}
		next := byte(0)
		if i+1 < len(lw) {
			next = lw[i+1]
		}
		switch {
		case c == 'd' && next == 'd':
			b, strong = append(b, mk('đ')), true
			i++
		case (c == 'a' || c == 'e' || c == 'o') && next == byte(c):
			b, strong = append(b, mk(map[rune]rune{'a': 'â', 'e': 'ê', 'o': 'ô'}[c])), true
			i++
		case c == 'u' && next == 'o' && i+2 < len(lw) && lw[i+2] == 'w':
			b, strong = append(b, mk('ư'), 'ơ'), true
			i += 2
		case (c == 'a' || c == 'o' || c == 'u') && next == 'w':
			b, strong = append(b, mk(map[rune]rune{'a': 'ă', 'o': 'ơ', 'u': 'ư'}[c])), true
			i++
		case c == 'w':
			b, strong = append(b, mk('ư')), true
		default:
			b = append(b, rune(w[i]))
		}
	}
	if t == toneNang || t == toneHuyen {
		strong = true // j and f end no Vietnamese and few English words
	}
	if !strong && t == toneNgang {
		return "", false, false
	}
	res, ok := placeTone(string(b), t)
	return res, strong, ok
}

// pairsWithNeighbour reports whether the syllable w (old style), put in
// place of token i, forms a pair of the word list with a neighbour.
func pairsWithNeighbour(toks []token, i int, w string) bool {
	lx := getLexicon()
	w = toLower(w)
	if i > 0 && lx.known(toLower(NormaliseTone(toks[i-1].text, ToneCu))+" "+w) {
		return true
	}
	return i+1 < len(toks) && lx.known(w+" "+toLower(NormaliseTone(toks[i+1].text, ToneCu)))
}

// vietContext reports whether a neighbour of token i carries Vietnamese
// marks: residue is only looked for in Vietnamese text, not English.
func vietContext(toks []token, i int) bool {
	return i > 0 && hasVietMarks(toks[i-1].text) || i+1 < len(toks) && hasVietMarks(toks[i+1].text)
}

func isASCIILetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 0x80 || !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// telexFindings reports an ASCII word that is not a syllable as written but
// reads as one typed in Telex with the input method off ("nhaan",
// "ddaauf", "dungj"). Only a final tone key ("cos") needs a neighbour that
// forms a word with the result; the Fix is given when one does.
func telexFindings(s string, toks []token, o Options) []Finding {
	var fs []Finding
	for i := range toks {
		t := &toks[i]
		if f, ok := strayToneKey(t); ok {
			fs = append(fs, f)
			continue
		}
		if len(t.text) < 2 || t.apos || t.digitAdj || t.joined || t.allUpper || (t.capital && !t.sentStart) || !isASCIILetters(t.text) {
			continue
		}
		if !telexLooking(t.text) {
			continue
		}
		if a := analyse(t.text); a.ok || a.misplaced {
			continue
		}
		dec, strong, ok := decodeTelex(t.text)
		if !ok || !vietContext(toks, i) {
			continue
		}
		pairs := pairsWithNeighbour(toks, i, dec)
		if !strong && !pairs {
			continue
		}
		dec = NormaliseTone(dec, o.ToneStyle)
		f := Finding{Rule: RuleTelex, Severity: Error, Start: t.start, End: t.end,
			Msg:     fmt.Sprintf("“%s” còn sót phím gõ Telex (bộ gõ chưa bật tiếng Việt)", t.text),
			Suggest: fmt.Sprintf("viết “%s”", dec)}
		if pairs {
			f.Fix = strPtr(dec)
		}
		fs = append(fs, f)
	}
	return fs
}

// strayToneKey reports a Vietnamese syllable that already carries its tone
// mark followed by one Telex tone key (“trồngf”, “viếts”): the key was
// pressed once more than needed. No Vietnamese syllable ends in s f r x j
// after a tone mark, and a foreign word has no Vietnamese tone mark, so
// the letter is removed (Fix).
func strayToneKey(t *token) (Finding, bool) {
	n := len(t.text)
	if n < 3 || t.apos || t.digitAdj || t.joined || t.allUpper {
		return Finding{}, false
	}
	if _, key := telexTone(t.text[n-1]); !key {
		return Finding{}, false
	}
	base := t.text[:n-1]
	if !hasVietMarks(base) {
		return Finding{}, false
	}
	if a := analyse(base); !a.ok || a.tone == toneNgang {
		return Finding{}, false
	}
	return Finding{Rule: RuleTelex, Severity: Error, Start: t.start, End: t.end,
		Msg:     fmt.Sprintf("“%s” còn sót phím dấu Telex “%c” sau chữ đã có dấu", t.text, t.text[n-1]),
		Suggest: fmt.Sprintf("viết “%s”", base), Fix: strPtr(base)}, true
}

// telexLooking is a cheap filter run before the syllable analysis: the
// word ends with a tone key or holds dd, aa, ee, oo or w.
func telexLooking(w string) bool {
	lw := toLower(w)
	if _, ok := telexTone(lw[len(lw)-1]); ok {
		return true
	}
	return strings.Contains(lw, "w") || strings.Contains(lw, "dd") || strings.Contains(lw, "aa") ||
		strings.Contains(lw, "ee") || strings.Contains(lw, "oo")
}

// decodeVNIDigits reads a word typed with VNI keys: 1–5 the tones, 6 the
// circumflex, 7 the horn, 8 the breve, 9 đ, each applied to the nearest
// letter before it that takes it.
func decodeVNIDigits(w string) (string, bool) {
	var b []rune
	t := toneNgang
	for _, r := range w {
		if r < '1' || r > '9' {
			b = append(b, r)
			continue
		}
		if r <= '5' {
			t = [...]tone{toneSac, toneHuyen, toneHoi, toneNga, toneNang}[r-'1']
			continue
		}
		done := false
		for j := len(b) - 1; j >= 0 && !done; j-- {
			l, up := unicode.ToLower(b[j]), isUpper(b[j])
			var nr rune
			switch {
			case r == '6' && (l == 'a' || l == 'e' || l == 'o'):
				nr = map[rune]rune{'a': 'â', 'e': 'ê', 'o': 'ô'}[l]
			case r == '7' && (l == 'o' || l == 'u'):
				nr = map[rune]rune{'o': 'ơ', 'u': 'ư'}[l]
				if l == 'o' && j > 0 && unicode.ToLower(b[j-1]) == 'u' {
					b[j-1] = compose('ư', toneNgang, isUpper(b[j-1]))
				}
			case r == '8' && l == 'a':
				nr = 'ă'
			case r == '9' && l == 'd':
				nr = 'đ'
			}
			if nr != 0 {
				b[j], done = compose(nr, toneNgang, up), true
			}
		}
		if !done {
			return "", false
		}
	}
	return placeTone(string(b), t)
}

// vniDigitFindings reports a lower-case word with VNI key digits left in it
// ("nha6n", "tie61ng"): a run of letters and digits, starting with a
// letter, of at least three characters, not joined to a code, that reads as
// a syllable of the word list once decoded, in Vietnamese text.
func vniDigitFindings(s string, toks []token, o Options) []Finding {
	var fs []Finding
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if !t.digitAdj || t.apos || t.allUpper || (t.capital && !t.sentStart) || !isASCIILetters(t.text) {
			continue
		}
		if st := t.start; st > 0 {
			if r, _ := utf8.DecodeLastRuneInString(s[:st]); isDigit(r) || isJoiner(r) {
				continue
			}
		}
		end, last := t.end, i
		for end < len(s) {
			c := s[end]
			if c >= '1' && c <= '9' || 'a' <= c && c <= 'z' {
				end++
				if 'a' <= c && c <= 'z' && last+1 < len(toks) && toks[last+1].start == end-1 {
					last++
				}
				continue
			}
			break
		}
		if end < len(s) {
			if r, _ := utf8.DecodeRuneInString(s[end:]); isWordRune(r) || isDigit(r) || isJoiner(r) && end+1 < len(s) && s[end+1] != ' ' {
				continue
			}
		}
		w := s[t.start:end]
		if len(w) < 3 || strings.IndexFunc(w, isDigit) < 0 {
			continue
		}
		dec, ok := decodeVNIDigits(w)
		if !ok {
			continue
		}
		ctx := (i > 0 && hasVietMarks(toks[i-1].text)) || (last+1 < len(toks) && hasVietMarks(toks[last+1].text))
		if !ctx {
			continue
		}
		dec = NormaliseTone(dec, o.ToneStyle)
		f := Finding{Rule: RuleVNIDigits, Severity: Error, Start: t.start, End: end,
			Msg:     fmt.Sprintf("“%s” còn sót phím số của kiểu gõ VNI (bộ gõ chưa bật tiếng Việt)", w),
			Suggest: fmt.Sprintf("viết “%s”", dec), Fix: strPtr(dec)}
		fs = append(fs, f)
		i = last
	}
	return fs
}

// agencyAbbrevs are the abbreviations of the commune's bodies that plans
// use on every page.
var agencyAbbrevs = []string{"UBND", "HĐND", "MTTQ", "MTQG", "BCĐ"}

// agencyTypos maps each misspelling of agencyAbbrevs that agencyFindings
// reports (two neighbouring letters swapped, D typed for Đ) to the right
// form.
var agencyTyposValue lazy.Value[map[string]string]

func agencyTypos() map[string]string { return agencyTyposValue.Get(makeAgencyTypos) }

func makeAgencyTypos() map[string]string {
	m := map[string]string{}
	known := map[string]bool{}
	for _, a := range agencyAbbrevs {
		known[a] = true
	}
	for _, a := range agencyAbbrevs {
		rs := []rune(a)
		for i := 0; i+1 < len(rs); i++ {
			if rs[i] == rs[i+1] {
				continue
			}
			c := append([]rune(nil), rs...)
			c[i], c[i+1] = c[i+1], c[i]
			if !known[string(c)] {
				m[string(c)] = a
			}
		}
		if strings.ContainsRune(a, 'Đ') {
			m[strings.ReplaceAll(a, "Đ", "D")] = a
		}
	}
	return m
}

// agencyFindings reports a misspelt agency abbreviation (UNBD, HĐDN, HDND).
func agencyFindings(toks []token) []Finding {
	var fs []Finding
	for _, t := range toks {
		if !t.allUpper {
			continue
		}
		right, ok := agencyTypos()[t.text]
		if !ok {
			continue
		}
		fs = append(fs, Finding{Rule: RuleAgency, Severity: Error, Start: t.start, End: t.end,
			Msg:     fmt.Sprintf("chữ viết tắt “%s” sai: có lẽ là “%s”", t.text, right),
			Suggest: fmt.Sprintf("viết “%s”", right), Fix: strPtr(right)})
	}
	return fs
}

// quiFindings reports the old spelling "qui" (qui định, qui hoạch, quí):
// the norm writes "quy" (Quy định về chính tả tiếng Việt, QĐ 240/QĐ of
// 05/3/1984, and every legal text since). Names (a capital mid-sentence)
// are left alone.
func quiFindings(toks []token) []Finding {
	var fs []Finding
	for _, t := range toks {
		if t.joined || t.apos || (t.capital && !t.sentStart) || len(t.text) > 4 || len(t.text) < 3 ||
			(t.text[0]|0x20) != 'q' || (t.text[1]|0x20) != 'u' {
			continue
		}
		rs := []rune(t.text)
		if len(rs) != 3 || unicode.ToLower(rs[0]) != 'q' || unicode.ToLower(rs[1]) != 'u' {
			continue
		}
		l, ok := letterOf(rs[2])
		if !ok || l.base != 'i' {
			continue
		}
		right := string(rs[:2]) + string(compose('y', l.tone, isUpper(rs[2])))
		fs = append(fs, Finding{Rule: RuleQuiSpelled, Severity: Warning, Start: t.start, End: t.end,
			Msg:     fmt.Sprintf("“%s” là cách viết cũ", t.text),
			Suggest: fmt.Sprintf("viết “%s” (quy định, quy hoạch, quý)", right), Fix: strPtr(right)})
	}
	return fs
}

// punctSlipFindings reports doubled punctuation (",,", ";;", "::", "!!",
// "??" and exactly two full stops; three full stops are an ellipsis and
// pass, like “…”) and a missing space after , ; : or a full stop between
// words ("xã,huyện"; not in numbers 1.234,5, times 7:30, abbreviations
// TP.HCM, v.v., nor in a web or e-mail address).
func punctSlipFindings(s string) []Finding {
	var fs []Finding
	addr, addrEnd := false, 0 // inAddress of the chunk that ends at addrEnd
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case ',', ';', ':', '!', '?', '.':
		default:
			continue
		}
		j := i
		for j < len(s) && s[j] == c {
			j++
		}
		if n := j - i; n > 1 {
			if c != '.' || n == 2 {
				fs = append(fs, Finding{Rule: RuleDoubled, Severity: Warning, Start: i, End: j,
					Msg:     fmt.Sprintf("dấu “%s” bị gõ lặp", s[i:j]),
					Suggest: fmt.Sprintf("chỉ để một dấu “%c”", c), Fix: strPtr(string(c))})
			}
			i = j - 1
			continue
		}
		if i == 0 || j >= len(s) {
			continue
		}
		if i >= addrEnd { // a new blank-free chunk: decide once per chunk, not per mark (linear on "1.1.1.…")
			addr, addrEnd = inAddress(s, i)
		}
		if addr {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[j:])
		// A digit after “;” starts the next item (“phố;80% hộ”): no number
		// is written with “;”.
		if !isWordRune(after) && !(c == ';' && isDigit(after)) {
			continue
		}
		switch c {
		case ',', ';':
			if !(isWordRune(before) || isDigit(before) || strings.ContainsRune(")”%", before)) {
				continue
			}
		case ':', '!', '?':
			if !isWordRune(before) {
				continue
			}
		case '.':
			// only "xã.Huyện": a lower-case word of two letters or more before,
			// a capitalised word after
			if !isUpper(after) || !lowerWordBefore(s, i) || isAllUpper(wordAt(s, j)) {
				continue
			}
		}
		fs = append(fs, Finding{Rule: RuleNoSpace, Severity: Warning, Start: i, End: j,
			Msg:     fmt.Sprintf("thiếu khoảng trắng sau dấu “%c”", c),
			Suggest: fmt.Sprintf("viết “%c ” rồi mới đến chữ tiếp theo", c), Fix: strPtr(string(c) + " ")})
	}
	return fs
}

// inAddress reports whether the blank-delimited chunk around s[i] is a web
// or e-mail address, and returns the end of that chunk.
func inAddress(s string, i int) (bool, int) {
	st := strings.LastIndexAny(s[:i], " \t\n") + 1
	en := strings.IndexAny(s[i:], " \t\n")
	if en < 0 {
		en = len(s)
	} else {
		en += i
	}
	ch := toLower(s[st:en])
	return strings.Contains(ch, "://") || strings.Contains(ch, "@") || strings.Contains(ch, "www.") ||
		strings.Contains(ch, ".vn") || strings.Contains(ch, ".com"), en
}

// lowerWordBefore reports whether a lower-case word of two letters or more
// ends at s[:i].
func lowerWordBefore(s string, i int) bool {
	n := 0
	for i > 0 {
		r, k := utf8.DecodeLastRuneInString(s[:i])
		if !isWordRune(r) {
			break
		}
		if isUpper(r) {
			return false
		}
		n++
		i -= k
	}
	return n >= 2
}

// wordAt is the run of word runes starting at s[i].
func wordAt(s string, i int) string { return runFrom(s, i, isWordRune) }

// runFrom is the run of runes satisfying in that starts at s[i].
func runFrom(s string, i int, in func(rune) bool) string {
	j := i
	for j < len(s) {
		r, k := utf8.DecodeRuneInString(s[j:])
		if !in(r) {
			break
		}
		j += k
	}
	return s[i:j]
}
