package vntext

import (
	"fmt"
	"sort"
	"strings"

	"kehoach/internal/nfc"
)

// Tone-mark styles as written in a plan (the profile's kieu_dau).
const (
	// ToneCu is the old style: the mark on the glide of open oa, oe, uy
	// (hòa, khỏe, thủy, Ủy). It is the default, as in ND30's Quốc hiệu.
	ToneCu = "cu"
	// ToneMoi is the new style of QĐ 1989/QĐ-BGDĐT: the mark on the main
	// vowel (hoà, khoẻ, thuỷ, Uỷ).
	ToneMoi = "moi"
)

// Style is where a syllable puts its tone mark.
type Style int

const (
	// StyleNeutral: the syllable reads the same in both styles (hoàn, quý,
	// thuyền, hoa without a mark).
	StyleNeutral Style = iota
	// StyleOld: an open oa/oe/uy with the mark on o/u (hòa, thủy).
	StyleOld
	// StyleNew: an open oa/oe/uy with the mark on a/e/y (hoà, thuỷ).
	StyleNew
	// StyleMixed: a string containing syllables of both styles.
	StyleMixed
)

// String returns "trung tính", "cũ", "mới" or "lẫn".
func (s Style) String() string {
	switch s {
	case StyleOld:
		return "cũ"
	case StyleNew:
		return "mới"
	case StyleMixed:
		return "lẫn"
	}
	return "trung tính"
}

// ToneStyleOf tells which tone-mark style a word shows: StyleOld for hòa,
// khỏe, thủy, Ủy; StyleNew for hoà, khoẻ, thuỷ, Uỷ; StyleNeutral when no
// syllable of it differs between the styles (hoàn, quý, thuyền, hoa). Given
// several syllables it combines them, returning StyleMixed when both styles
// occur.
func ToneStyleOf(word string) Style {
	st := StyleNeutral
	s := nfc.String(word)
	for _, t := range wordsOf(s) {
		a := analyse(t.text)
		if !a.ok || a.style == StyleNeutral {
			continue
		}
		switch {
		case st == StyleNeutral:
			st = a.style
		case st != a.style:
			st = StyleMixed
		}
	}
	return st
}

// NormaliseTone rewrites s so that every open oa, oe, uy syllable carries its
// tone mark in the given style (ToneCu or ToneMoi; anything else means
// ToneCu). The mark only moves between the glide and the main vowel of one
// syllable, never to another syllable; closed syllables (hoàn, thuyết), "qu"
// and "gi" syllables (quý, giá) and every other letter are left as they are.
// The result is NFC.
func NormaliseTone(s string, style string) string {
	s = nfc.String(s)
	want := StyleOld
	if style == ToneMoi {
		want = StyleNew
	}
	var b strings.Builder
	last := 0
	for _, t := range wordsOf(s) {
		if fixed, ok := restyle(t.text, want); ok {
			b.WriteString(s[last:t.start])
			b.WriteString(fixed)
			last = t.end
		}
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// restyle returns word with its mark moved to style want, and true, when the
// word is an open oa/oe/uy syllable in the other style.
func restyle(word string, want Style) (string, bool) {
	a := analyse(word)
	if !a.ok || a.style == StyleNeutral || a.style == want {
		return "", false
	}
	pos := a.allowPos[0]
	if want == StyleOld {
		pos = a.allowPos[1]
	}
	return a.render(pos), true
}

// styleFromOption maps Options.ToneStyle to a Style (default old).
func styleFromOption(s string) Style {
	if s == ToneMoi {
		return StyleNew
	}
	return StyleOld
}

// StyleCount is how often one syllable occurs in each style in a Corpus.
type StyleCount struct {
	Old, New   string // the syllable in each style, lower case: "hòa", "hoà"
	NOld, NNew int
}

// StyleUse is one occurrence of an off-style syllable found by a Corpus.
type StyleUse struct {
	Key     string  // the key given to Corpus.Add
	Finding Finding // rule "kieu-dau-lan"; offsets into NFC of that string
}

// Corpus collects the strings of one document (a plan is many strings) and
// reports whether they mix the two tone-mark styles: hòa with hoà, thủy with
// thuỷ, hóa with hoá, or hòa in one place and thuỷ in another. The zero value
// is ready to use. It is not safe for concurrent use.
type Corpus struct {
	uses   []corpusUse
	counts map[string]*StyleCount // by the old-style lower-case form
}

type corpusUse struct {
	key        string
	start, end int
	word       string
	style      Style
	old, new   string // the word's two spellings, case kept
}

// Add records the open oa/oe/uy syllables of s under key (for example a YAML
// path). Offsets in the findings refer to the NFC form of s.
func (c *Corpus) Add(key, s string) {
	if c.counts == nil {
		c.counts = map[string]*StyleCount{}
	}
	s = nfc.String(s)
	for _, t := range wordsOf(s) {
		a := analyse(t.text)
		if !a.ok || a.style == StyleNeutral {
			continue
		}
		old, nw := a.render(a.allowPos[1]), a.render(a.allowPos[0])
		k := toLower(old)
		sc := c.counts[k]
		if sc == nil {
			sc = &StyleCount{Old: k, New: toLower(nw)}
			c.counts[k] = sc
		}
		if a.style == StyleOld {
			sc.NOld++
		} else {
			sc.NNew++
		}
		c.uses = append(c.uses, corpusUse{key: key, start: t.start, end: t.end, word: t.text, style: a.style, old: old, new: nw})
	}
}

// Counts returns, for every open oa/oe/uy syllable seen, how often each style
// was used, sorted by the old-style spelling.
func (c *Corpus) Counts() []StyleCount {
	out := make([]StyleCount, 0, len(c.counts))
	for _, sc := range c.counts {
		out = append(out, *sc)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Old < out[j].Old })
	return out
}

// Style returns StyleOld or StyleNew when every marked open oa/oe/uy syllable
// seen uses that style, StyleMixed when both occur and StyleNeutral when there
// was none.
func (c *Corpus) Style() Style {
	st := StyleNeutral
	for _, u := range c.uses {
		switch {
		case st == StyleNeutral:
			st = u.style
		case st != u.style:
			return StyleMixed
		}
	}
	return st
}

// Mixed returns one finding (rule "kieu-dau-lan", Warning) for each syllable
// whose style differs from the target, but only when the corpus mixes both
// styles; a consistent corpus yields nothing. style is ToneCu or ToneMoi; ""
// picks the majority style (ties go to ToneCu). Each finding's Fix moves the
// mark within that syllable.
func (c *Corpus) Mixed(style string) []StyleUse {
	if c.Style() != StyleMixed {
		return nil
	}
	nOld, nNew := 0, 0
	for _, u := range c.uses {
		if u.style == StyleOld {
			nOld++
		} else {
			nNew++
		}
	}
	want := StyleOld
	switch style {
	case ToneMoi:
		want = StyleNew
	case "":
		if nNew > nOld {
			want = StyleNew
		}
	}
	summary := c.summary()
	var out []StyleUse
	for _, u := range c.uses {
		if u.style == want {
			continue
		}
		fix := u.old
		if want == StyleNew {
			fix = u.new
		}
		f := Finding{Rule: RuleKieuDauLan, Severity: Warning, Start: u.start, End: u.end,
			Msg:     fmt.Sprintf("văn bản dùng lẫn hai kiểu đặt dấu thanh (%s); “%s” theo kiểu %s", summary, u.word, u.style),
			Suggest: fmt.Sprintf("thống nhất một kiểu: viết “%s”", fix),
			Fix:     strPtr(fix)}
		out = append(out, StyleUse{Key: u.key, Finding: f})
	}
	return out
}

// summary lists the counts like "hòa ×1, hoà ×2; thủy ×5, thuỷ ×1".
func (c *Corpus) summary() string {
	var parts []string
	for _, sc := range c.Counts() {
		var p []string
		if sc.NOld > 0 {
			p = append(p, fmt.Sprintf("%s ×%d", sc.Old, sc.NOld))
		}
		if sc.NNew > 0 {
			p = append(p, fmt.Sprintf("%s ×%d", sc.New, sc.NNew))
		}
		parts = append(parts, strings.Join(p, ", "))
	}
	return strings.Join(parts, "; ")
}
