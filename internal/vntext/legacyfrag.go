package vntext

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"kehoach/internal/nfc"
)

// legacyChunk is one blank-separated chunk of a string, trimmed of the
// punctuation around it.
type legacyChunk struct {
	start, end int
	text       string
	enc        [2]bool // decodes to a syllable in TCVN3, in VNI
	ascii      bool    // plain ASCII: the same in every encoding
}

var legacyDecoders = [2]func(string) string{decodeTCVN3, decodeVNI}

// legacyFragmentFindings finds phrases in a legacy encoding pasted into
// Unicode text ("… của Uû ban nh©n d©n xã …"): runs of chunks made of
// Latin-1 characters only that are not syllables as written but become
// syllables once decoded, possibly with plain ASCII chunks (ban) between
// them; a run needs two such chunks or one Latin-1 symbol that no
// Vietnamese letter is (© ¹ Û). Each run is reported on its own span with the converted text; the
// Fix is given when one encoding alone explains every chunk of the run.
func legacyFragmentFindings(s string, o Options) []Finding {
	high := false
	for i := 0; i < len(s); i++ {
		if s[i] == 0xC2 || s[i] == 0xC3 { // UTF-8 lead bytes of U+0080–U+00FF
			high = true
			break
		}
	}
	if !high {
		return nil
	}
	if !anyLegacyLooking(s) {
		return nil
	}
	cache := o.Words.cache() // the words wordFindings analyses again, when the fields share them
	var chunks []legacyChunk
	if sc := o.Words.scratch(); sc != nil {
		chunks = sc.chunks[:0]
		defer func() { sc.chunks = chunks[:0] }() // keep what it grew to
	}
	for i := 0; i < len(s); {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
			i++
		}
		st := i
		for i < len(s) && !(s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
			i++
		}
		if st == i {
			break
		}
		a, b := trimLegacyPunct(s, st, i)
		if a >= b {
			chunks = append(chunks, legacyChunk{start: st, end: i, ascii: false}) // punctuation only: breaks a run
			continue
		}
		chunks = append(chunks, classifyLegacyChunk(s, a, b, cache))
	}
	var fs []Finding
	for i := 0; i < len(chunks); i++ {
		if !chunks[i].enc[0] && !chunks[i].enc[1] {
			continue
		}
		// extend the run over ASCII chunks followed by another candidate
		j, last := i, i
		cover := chunks[i].enc
		for k := i + 1; k < len(chunks); k++ {
			c := chunks[k]
			if c.ascii {
				continue
			}
			if (c.enc[0] && cover[0]) || (c.enc[1] && cover[1]) {
				cover = [2]bool{cover[0] && c.enc[0], cover[1] && c.enc[1]}
				last = k
				continue
			}
			break
		}
		j = last
		cands := 0
		for k := i; k <= j; k++ {
			if !chunks[k].ascii {
				cands++
			}
		}
		// A lone word of Vietnamese letters (ngê) is a typo for the syllable
		// rules, not a legacy phrase: one needs a symbol (© ¹ Û) or two words.
		if cands >= 2 || strings.IndexFunc(s[chunks[i].start:chunks[j].end], isLegacySymbol) >= 0 {
			fs = append(fs, legacyFragmentFinding(s, chunks[i].start, chunks[j].end, cover, o))
		}
		i = j
	}
	return fs
}

// trimLegacyPunct trims ASCII punctuation and typographic quotes and dashes
// off s[a:b].
func trimLegacyPunct(s string, a, b int) (int, int) {
	cut := func(r rune) bool {
		if r < 0x80 {
			return !isLetter(r) && !isDigit(r)
		}
		switch r {
		case '“', '”', '‘', '’', '–', '—', '…':
			return true
		}
		return false
	}
	for a < b {
		r, n := utf8.DecodeRuneInString(s[a:b])
		if !cut(r) {
			break
		}
		a += n
	}
	for a < b {
		r, n := utf8.DecodeLastRuneInString(s[a:b])
		if !cut(r) {
			break
		}
		b -= n
	}
	return a, b
}

// classifyLegacyChunk says which encodings turn s[a:b] into a syllable.
func classifyLegacyChunk(s string, a, b int, cache map[string]*tokInfo) legacyChunk {
	c := legacyChunk{start: a, end: b, text: s[a:b], ascii: true}
	hasHigh := false
	for _, r := range c.text {
		if r > 0xFF {
			c.ascii = false
			return c
		}
		if r >= 0x80 {
			c.ascii = false
		}
		if r >= 0xA0 {
			hasHigh = true
		}
	}
	if !hasHigh || utf8.RuneCountInString(c.text) < 2 {
		return c
	}
	if an := &wordInfo(cache, c.text).a; an.ok || an.misplaced {
		return c
	}
	for e, dec := range legacyDecoders {
		conv := nfc.String(dec(c.text))
		if conv == c.text {
			continue
		}
		if an := analyse(conv); an.ok || an.misplaced {
			c.enc[e] = true
		}
	}
	return c
}

// legacyFragmentFinding builds the finding for the fragment s[a:b] that
// the encodings marked in cover explain.
func legacyFragmentFinding(s string, a, b int, cover [2]bool, o Options) Finding {
	frag := s[a:b]
	enc := 0
	if !cover[0] || (cover[1] && !legacyEvidence(frag, EncTCVN3)) {
		enc = 1
	}
	conv := NormaliseTone(nfc.String(legacyDecoders[enc](frag)), o.ToneStyle)
	f := Finding{Severity: Error, Start: a, End: b}
	name := "TCVN3 (ABC, phông .VnTime)"
	f.Rule = RuleTCVN3
	if enc == 1 {
		name = "VNI-Windows (phông VNI-Times)"
		f.Rule = RuleVNI
	}
	f.Msg = fmt.Sprintf("đoạn “%s” bị lỗi phông: gõ bằng bảng mã %s, dán vào văn bản Unicode", frag, name)
	if cover[0] && cover[1] {
		other := NormaliseTone(nfc.String(legacyDecoders[1-enc](frag)), o.ToneStyle)
		f.Suggest = fmt.Sprintf("chuyển đoạn này sang Unicode (Unikey Toolkit hoặc EVKey): có lẽ là “%s” (hoặc “%s”)", conv, other)
		return f
	}
	f.Suggest = fmt.Sprintf("chuyển đoạn này sang Unicode (Unikey Toolkit hoặc EVKey), kết quả: “%s”", conv)
	f.Fix = strPtr(conv)
	return f
}

// isLegacySymbol reports whether r is a Latin-1 character from U+00A0 up
// that Vietnamese Unicode text does not use as a letter (© ¹ Û are; à á õ
// are not).
func isLegacySymbol(r rune) bool {
	if r < 0xA0 || r > 0xFF {
		return false
	}
	switch r {
	case 'à', 'á', 'â', 'ã', 'è', 'é', 'ê', 'ì', 'í', 'ò', 'ó', 'ô', 'õ', 'ù', 'ú', 'ý',
		'À', 'Á', 'Â', 'Ã', 'È', 'É', 'Ê', 'Ì', 'Í', 'Ò', 'Ó', 'Ô', 'Õ', 'Ù', 'Ú', 'Ý':
		return false
	}
	return true
}

// vniTakes reports whether the vowel v can take the VNI mark m (a
// circumflex on a, e, o; a breve on a; a tone on any vowel).
func vniTakes(v rune, m vniMark) bool {
	switch m.vowelMark {
	case '^':
		return v == 'a' || v == 'e' || v == 'o'
	case '(':
		return v == 'a'
	}
	switch v {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'ô', 'ö':
		return true
	}
	return false
}

// anyLegacyLooking reports whether a blank-separated chunk of s is
// legacyLooking: the fields with none skip the syllable analysis.
func anyLegacyLooking(s string) bool {
	// The chunks are those of strings.Fields, found without its slice.
	start := -1
	for i := 0; i < len(s); {
		var space bool
		size := 1
		if c := s[i]; c < utf8.RuneSelf {
			space = c == ' ' || c >= '\t' && c <= '\r' // isSpace of ASCII
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = isSpace(r)
		}
		switch {
		case space && start >= 0:
			if legacyLooking(s[start:i]) {
				return true
			}
			start = -1
		case !space && start < 0:
			start = i
		}
		i += size
	}
	return start >= 0 && legacyLooking(s[start:])
}

// legacyLooking is a cheap filter run before the syllable analysis: it
// keeps a chunk with a Latin-1 symbol (© ¹ û), an upper-case Latin-1
// letter after its first character (kÕ), or a vowel followed by a VNI mark
// character it can take (aâ, aù; not the á of giá), and drops the common Vietnamese word whose marks all
// happen to be Latin-1 letters (là, có, dân).
func legacyLooking(w string) bool {
	prev := rune(0)
	for i, r := range w {
		if isLegacySymbol(r) || i > 0 && r >= 0xC0 && isUpper(r) {
			return true
		}
		// The marks are Latin-1 letters from U+00E0 on, the lower case of
		// no rune below U+00C0.
		if r < 0xC0 {
			prev = r
			continue
		}
		if m, mark := vniMarkOf(lowerRune(r)); mark && vniTakes(lowerRune(prev), m) {
			return true
		}
		prev = r
	}
	return false
}
