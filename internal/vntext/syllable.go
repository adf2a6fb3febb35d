package vntext

import (
	"strings"
	"unicode/utf8"

	"kehoach/internal/lazy"
	"kehoach/internal/nfc"
)

// This file decides whether a string is a well-formed Vietnamese syllable.
// The grammar follows the structure of the language (spec §3.5), not a list
// of known syllables:
//
//	syllable = [initial] rhyme + tone
//	rhyme    = [glide o/u] nucleus [final]
//
// The rhyme inventory below is generated from each nucleus and the finals it
// admits; spelling rules (c/k/q, g/gh, ng/ngh, gi, iê/yê) and the tone rule
// for stop finals (p t c ch take only sắc or nặng) are checked in analyse.

// initials lists the written initial consonants, longest first so that a
// greedy match finds "ngh" before "ng" before "n".
var initials = []string{
	"ngh",
	"ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr",
	"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
}

// rhymeInfo describes one written rhyme (toneless).
type rhymeInfo struct {
	toneIdx int  // rune index inside the rhyme where the tone mark goes
	oldIdx  int  // alternative index in the old style (hòa, khỏe, thủy), or -1
	stop    bool // ends in p, t, c or ch: only sắc or nặng allowed
}

// rhymes is the inventory of rhymes after an initial other than "qu";
// quRhymes those after "qu" (whose u is the glide).
var rhymeTables lazy.Value[[2]map[string]rhymeInfo]

func makeRhymeTables() [2]map[string]rhymeInfo {
	r, q := buildRhymes()
	return [2]map[string]rhymeInfo{r, q}
}

func rhymes() map[string]rhymeInfo   { return rhymeTables.Get(makeRhymeTables)[0] }
func quRhymes() map[string]rhymeInfo { return rhymeTables.Get(makeRhymeTables)[1] }

// buildRhymes generates the rhyme inventory from nuclei and the finals each
// one takes.
func buildRhymes() (map[string]rhymeInfo, map[string]rhymeInfo) {
	rs := map[string]rhymeInfo{}
	add := func(m map[string]rhymeInfo, cluster string, idx, old int, finals ...string) {
		for _, f := range finals {
			stop := f == "p" || f == "t" || f == "c" || f == "ch"
			o := -1
			if f == "" {
				o = old
			}
			m[cluster+f] = rhymeInfo{toneIdx: idx, oldIdx: o, stop: stop}
		}
	}
	consonantal := func(fs string) []string { return strings.Fields(fs) }

	// Open rhymes and rhymes closed by a semivowel (i y o u). The tone goes on
	// the main vowel: the first of ai, ao, ia, ua, ưa …; the marked vowel of
	// iêu, uôi, ươi, ươu; the middle of oai, uya, uyu.
	for _, r := range []struct {
		s   string
		idx int
	}{
		{"a", 0}, {"ai", 0}, {"ao", 0}, {"au", 0}, {"ay", 0}, {"âu", 0}, {"ây", 0},
		{"e", 0}, {"eo", 0}, {"ê", 0}, {"êu", 0},
		{"i", 0}, {"ia", 0}, {"iu", 0}, {"iêu", 1}, {"yêu", 1},
		{"o", 0}, {"oi", 0}, {"ô", 0}, {"ôi", 0}, {"ơ", 0}, {"ơi", 0},
		{"u", 0}, {"ua", 0}, {"ui", 0}, {"uôi", 1},
		{"ư", 0}, {"ưa", 0}, {"ưi", 0}, {"ưu", 0}, {"ươi", 1}, {"ươu", 1},
		{"y", 0},
		{"oai", 1}, {"oay", 1}, {"oao", 1}, {"oeo", 1}, {"uây", 1},
		{"uya", 1}, {"uyu", 1}, {"uê", 1}, {"uơ", 1},
	} {
		add(rs, r.s, r.idx, -1, "")
	}
	// Open oa, oe, uy: new style marks the main vowel (hoà, khoẻ, thuỷ), old
	// style the glide (hòa, khỏe, thủy). Closed, the mark is on the main vowel
	// in both styles (hoàn, thuyết).
	add(rs, "oa", 1, 0, "")
	add(rs, "oe", 1, 0, "")
	add(rs, "uy", 1, 0, "")

	// Rhymes closed by a consonant.
	add(rs, "a", 0, -1, consonantal("c ch m n ng nh p t")...)
	add(rs, "ă", 0, -1, consonantal("c m n ng p t")...)
	add(rs, "â", 0, -1, consonantal("c m n ng p t")...)
	add(rs, "e", 0, -1, consonantal("c m n ng p t")...) // eng: xẻng, kẻng, leng keng
	add(rs, "ê", 0, -1, consonantal("ch m n nh p t")...)
	add(rs, "i", 0, -1, consonantal("ch m n nh p t")...)
	add(rs, "iê", 1, -1, consonantal("c m n ng p t")...)
	add(rs, "yê", 1, -1, consonantal("m n ng t")...)
	add(rs, "o", 0, -1, consonantal("c m n ng p t")...)
	add(rs, "oo", 1, -1, consonantal("c ng")...) // loans: boong, xoong, soóc
	add(rs, "ô", 0, -1, consonantal("c m n ng p t")...)
	add(rs, "ơ", 0, -1, consonantal("m n p t")...)
	add(rs, "u", 0, -1, consonantal("c m n ng p t")...)
	add(rs, "uô", 1, -1, consonantal("c m n ng t")...)
	add(rs, "ư", 0, -1, consonantal("c ng t")...)
	add(rs, "ươ", 1, -1, consonantal("c m n ng p t")...)
	add(rs, "oa", 1, -1, consonantal("c ch m n ng nh p t")...)
	add(rs, "oă", 1, -1, consonantal("c m n ng t")...)
	add(rs, "oe", 1, -1, consonantal("n t")...)
	add(rs, "uâ", 1, -1, consonantal("n ng t")...)
	add(rs, "uê", 1, -1, consonantal("ch n nh")...)
	add(rs, "uy", 1, -1, consonantal("ch nh p t")...)
	add(rs, "uyê", 2, -1, consonantal("n t")...)

	// After "qu" the u is the glide, so the rhyme starts at the main vowel:
	// quả, quý, quyết, quân, quê, que, quốc, quở.
	qs := map[string]rhymeInfo{}
	add(qs, "a", 0, -1, "", "i", "o", "u", "y", "c", "ch", "n", "ng", "nh", "t")
	add(qs, "ă", 0, -1, consonantal("c m n ng p t")...)
	add(qs, "â", 0, -1, "y", "n", "ng", "t")
	add(qs, "e", 0, -1, "", "o", "n", "t")
	add(qs, "ê", 0, -1, "", "u", "ch", "n", "nh", "t")
	add(qs, "i", 0, -1, "", "t")
	add(qs, "y", 0, -1, "", "ch", "nh", "t", "p", "u")
	add(qs, "yê", 1, -1, "n", "t")
	add(qs, "ơ", 0, -1, "")
	add(qs, "ô", 0, -1, "c")
	return rs, qs
}

// analysis is the result of parsing one token as a syllable.
type analysis struct {
	ok        bool   // a well-formed syllable with its tone mark in place
	shapeOK   bool   // initial and rhyme form a valid syllable (tone aside)
	misplaced bool   // only the tone mark's position is wrong
	fixed     string // for misplaced: the syllable with the mark moved (new style for oa/oe/uy)
	reason    string // Vietnamese, when !ok
	ascii     bool   // the token has no diacritics at all
	foreign   bool   // contains f j w z or a letter outside the Vietnamese alphabet
	style     Style  // Old or New for open oa/oe/uy with a mark, else Neutral
	// toneless lower-case letters, the tone, where the mark is and where it may go
	runes    []rune
	upper    []bool
	tone     tone
	tonePos  int
	allowPos [2]int
	initial  string
}

// ValidSyllable reports whether s (one syllable, any case, NFC or not) is a
// well-formed Vietnamese syllable: a known initial, a rhyme built from a
// glide, nucleus and final that the language allows, the spelling rules
// c/k/q, g/gh, ng/ngh, gi and iê/yê, at most one tone mark, sắc or nặng only
// after the stop finals p t c ch, and the tone mark on the right vowel (both
// the old style hòa/thủy and the new style hoà/thuỷ are accepted). When ok is
// false, reason says in Vietnamese what is wrong.
func ValidSyllable(s string) (ok bool, reason string) {
	a := analyse(nfc.String(s))
	return a.ok, a.reason
}

// analyse parses one NFC token (letters only; case is kept aside in upper).
func analyse(s string) analysis {
	a := analysis{tonePos: -1, allowPos: [2]int{-1, -1}, ascii: true}
	if s == "" {
		a.reason = "chuỗi rỗng"
		return a
	}
	nTones := 0
	n := utf8.RuneCountInString(s)
	a.runes, a.upper = make([]rune, 0, n), make([]bool, 0, n)
	for _, r := range s {
		if r >= 0x80 {
			a.ascii = false
		}
		l, known := letterOf(r)
		if !known {
			a.foreign = true
			a.reason = "có ký tự “" + string(r) + "” không thuộc bảng chữ cái tiếng Việt"
			return a
		}
		switch l.base {
		case 'f', 'j', 'w', 'z':
			a.foreign = true
		}
		if l.tone != toneNgang {
			nTones++
			a.tone = l.tone
			a.tonePos = len(a.runes)
		}
		a.runes = append(a.runes, l.base)
		a.upper = append(a.upper, l.upper)
	}
	if a.foreign {
		a.reason = "có chữ f, j, w hoặc z (chỉ gặp trong từ mượn)"
		return a
	}
	if nTones > 1 {
		a.reason = "có nhiều hơn một dấu thanh"
		return a
	}
	w := string(a.runes)

	// Initial consonant: greedy longest match.
	ini := ""
	for _, c := range initials {
		if strings.HasPrefix(w, c) {
			ini = c
			break
		}
	}
	rest := w[len(ini):]
	restStart := len([]rune(ini)) // rune index where the rhyme starts
	var info rhymeInfo
	var found bool

	switch ini {
	case "gi":
		// "gi" is one initial. Before a consonant or at the end, its i is the
		// vowel (gì, gìn); before ê it doubles as the i of iê (giếng, giết).
		if rest == "" || !isVowelBase([]rune(rest)[0]) || strings.HasPrefix(rest, "ê") {
			rest = "i" + rest
			restStart = 1
		}
		info, found = rhymes()[rest]
	case "qu":
		if rest == "" {
			a.reason = "sau “qu” phải có nguyên âm"
			return a
		}
		info, found = quRhymes()[rest]
	default:
		if ini == "" && strings.HasPrefix(w, "q") {
			a.reason = "chữ “q” chỉ đứng trong “qu”"
			return a
		}
		info, found = rhymes()[rest]
	}
	a.initial = ini
	if !found {
		switch {
		case rest == "":
			a.reason = "không có nguyên âm"
		case !isVowelBase([]rune(rest)[0]):
			a.reason = "phụ âm đầu “" + ini + leadingConsonants(rest) + "” không có trong tiếng Việt"
		default:
			a.reason = "vần “" + rest + "” không có trong tiếng Việt"
		}
		return a
	}
	if reason := spellingRule(ini, rest); reason != "" {
		a.reason = reason
		return a
	}
	a.shapeOK = true
	if info.stop && a.tone != toneSac && a.tone != toneNang {
		a.reason = "âm tiết tận cùng bằng -p, -t, -c, -ch chỉ mang thanh sắc hoặc nặng, không mang thanh " + toneNames[a.tone]
		return a
	}
	a.allowPos[0] = restStart + info.toneIdx
	if info.oldIdx >= 0 {
		a.allowPos[1] = restStart + info.oldIdx
	}
	if a.tone != toneNgang {
		if info.oldIdx >= 0 {
			if a.tonePos == a.allowPos[1] {
				a.style = StyleOld
			} else if a.tonePos == a.allowPos[0] {
				a.style = StyleNew
			}
		}
		if a.tonePos != a.allowPos[0] && a.tonePos != a.allowPos[1] {
			a.misplaced = true
			a.fixed = a.render(a.allowPos[0])
			a.reason = "dấu thanh đặt sai vị trí, phải là “" + a.fixed + "”"
			return a
		}
	}
	a.ok = true
	return a
}

// render rebuilds the syllable with its tone mark at rune index pos, keeping
// the original letter case.
func (a *analysis) render(pos int) string {
	var b strings.Builder
	for i, r := range a.runes {
		t := toneNgang
		if i == pos {
			t = a.tone
		}
		b.WriteRune(compose(r, t, a.upper[i]))
	}
	return b.String()
}

// spellingRule checks the c/k/q, g/gh, ng/ngh and iê/yê conventions between
// the initial ini and the rhyme rest. It returns "" when they hold.
func spellingRule(ini, rest string) string {
	first := []rune(rest)[0]
	front := first == 'e' || first == 'ê' || first == 'i' || first == 'y'
	glide := (strings.HasPrefix(rest, "o") && len(rest) > 1 && strings.ContainsRune("aăe", []rune(rest)[1])) ||
		strings.HasPrefix(rest, "uy") || strings.HasPrefix(rest, "uâ") || strings.HasPrefix(rest, "uê") || strings.HasPrefix(rest, "uơ")
	switch ini {
	case "c":
		if front {
			return "trước e, ê, i, y phải viết “k”, không viết “c”"
		}
		if glide {
			return "trước bán nguyên âm o/u phải viết “qu”, không viết “c”"
		}
	case "k":
		if !front {
			return "“k” chỉ đứng trước e, ê, i, y; trước các vần khác phải viết “c”"
		}
	case "g":
		if first == 'e' || first == 'ê' {
			return "trước e, ê, i phải viết “gh”, không viết “g”"
		}
	case "gh":
		if first != 'e' && first != 'ê' && first != 'i' {
			return "“gh” chỉ đứng trước e, ê, i; trước các vần khác phải viết “g”"
		}
	case "ng":
		if first == 'e' || first == 'ê' || first == 'i' {
			return "trước e, ê, i phải viết “ngh”, không viết “ng”"
		}
	case "ngh":
		if first != 'e' && first != 'ê' && first != 'i' {
			return "“ngh” chỉ đứng trước e, ê, i; trước các vần khác phải viết “ng”"
		}
	}
	switch {
	case first == 'y' && rest != "y" && !strings.HasPrefix(rest, "yê") && ini != "qu":
		return "vần “" + rest + "” không có trong tiếng Việt"
	case first == 'y' && (ini == "g" || ini == "gh" || ini == "ng" || ini == "ngh" || ini == "gi"):
		return "vần “" + rest + "” không đi sau “" + ini + "”"
	case strings.HasPrefix(rest, "yê") && ini != "" && ini != "qu":
		return "sau phụ âm đầu phải viết “iê”, không viết “yê”"
	case strings.HasPrefix(rest, "iê") && ini == "":
		return "không có phụ âm đầu thì phải viết “yê”, không viết “iê”"
	case strings.HasPrefix(rest, "uyê") && ini == "qu":
		return "vần “" + rest + "” không có trong tiếng Việt"
	}
	return ""
}

// leadingConsonants returns the run of consonant letters at the start of w.
func leadingConsonants(w string) string {
	for i, r := range w {
		if isVowelBase(r) {
			return w[:i]
		}
	}
	return w
}

// isAllUpper reports whether every letter of s is upper case (and there is at
// least one).
func isAllUpper(s string) bool {
	n := 0
	for _, r := range s {
		if isLetter(r) {
			if !isUpper(r) {
				return false
			}
			n++
		}
	}
	return n > 0
}
