// Package vntext judges Vietnamese text the way a careful văn thư would. It
// knows nothing about plans or YAML: strings in, findings out. Every function
// is pure and safe for concurrent use (Corpus excepted).
//
// # Offsets
//
// Check normalises its input to Unicode NFC first. Every Finding's Start and
// End are byte offsets into that NFC string (Normalise(s)), never into the
// raw input; for input that is already NFC (the usual case) the two are the
// same. ApplyFixes applies the safe fixes to the same NFC string.
//
// # Rules
//
// Each finding names a stable rule id:
//
//	unicode-nfc   Error    text typed in decomposed form (NFD); Fix is the NFC text
//	unicode-an    Error    control, zero-width or other invisible character (U+200B…U+200F, U+FEFF, U+00AD, bidi controls, C0/C1, U+034F and the other default-ignorable ones); Fix removes it
//	unicode-bmp   Warning  character outside the Basic Multilingual Plane (emoji); no Fix
//	ngoac-kep     Warning  straight quotes " where “ ” belong; Fix pairs them when their number is even
//	khoang-trang  Warning  two or more spaces inside a line (leading and trailing blanks are left alone); Fix one space
//	dau-cau       Warning  blank before , . ; : ! ? ) ] ” … or after ( [ “; Fix removes it
//	legacy-tcvn3  Error    the string, or a phrase pasted into Unicode text, is TCVN3 (ABC, .VnTime) mojibake; Fix is the Unicode text in the chosen tone style
//	legacy-vni    Error    the same for VNI-Windows mojibake; Fix as above (for a phrase: when one encoding alone explains it)
//	am-tiet       Error    a word that cannot be a Vietnamese syllable (bad initial, rhyme, spelling pair c/k, g/gh, ng/ngh, tone on a stop final); no Fix, Suggest names a dictionary word when exactly one fits
//	dau-thanh     Error    tone mark on the wrong vowel (tòan, qúy); Fix moves it within the syllable
//	tu-ghep       Warning  two well-formed syllables that form no word, where exactly one dictionary word differs from them only by marks in one syllable (bình đăng → bình đẳng); no Fix
//	nham-am       Warning  two well-formed syllables that form no word, none differing only by marks, where exactly one dictionary word differs in one syllable by a confusable initial (s/x, ch/tr, d/gi/r, l/n) or i/y, tones and vowel marks unchanged (xản xuất → sản xuất); no Fix
//	kieu-dau      Warning  an open oa/oe/uy syllable in the tone-mark style other than Options.ToneStyle (hoà when the style is "cu"); Fix moves the mark
//	kieu-dau-lan  Warning  (Corpus only) the strings of one document mix both styles
//	so-phan-cach  Warning  English-style number separators (1,282.2; 3,900; 12.5%); Fix when unambiguous
//	so-don-vi     Warning  number glued to its unit (7km, 54triệu); Fix inserts a space
//	so-phan-tram  Warning  blank between a number and % (64,3 %); Fix removes it
//	ngay-thang    Warning  a date not written dd/mm/yyyy, or missing ND30's leading zero (day < 10, month 1–2); Error for an impossible date
//	ky-hieu       Error    blank inside a document number/ký hiệu (37- QĐ/ĐU, KH - UBND); Fix removes it
//	viet-hoa      Warning  "nhà nước"/"nhân dân" in lower case where they mean the State/the People; Fix capitalises
//	viet-tat      Warning  (AbbreviationsBeforeDefinition) abbreviation used before it is spelled out
//	chu-giong     Warning  a Cyrillic, Greek or Armenian letter in a Latin word (in a name: anywhere, Options.Name), a thin or other special space; Fix the Latin twin, a space
//	unicode-dau   Warning  a combining mark left after NFC, which no Vietnamese letter takes (U+0338); no Fix
//	lap-tu        Warning  a word or two-syllable word typed twice ("của của"), reduplications aside (ngày ngày, nhà nhà); Fix removes the copy
//	go-telex      Error    Telex keystrokes left in a word (nhaan, ddaauf, dungj); Fix when the result forms a word with a neighbour
//	go-vni        Error    VNI key digits left in a word (nha6n); Fix the word
//	dau-cau-lap   Warning  doubled punctuation (",,", ";;", ".."; "..." is an ellipsis and passes); Fix one mark
//	thieu-khoang  Warning  no space after , ; : or a full stop between words (xã,huyện); Fix inserts it
//	viet-tat-sai  Error    a misspelt agency abbreviation (UNBD, HĐDN, HDND); Fix the right one
//	qui-quy       Warning  the old spelling qui, quí for quy, quý; Fix
//
// # What is not flagged
//
// Capitalised words that do not open a sentence (names of people and places:
// Mường Khoa, Hô Tra, Đắk Lắk), ALL-CAPS abbreviations that are not syllables
// (NTM, MTQG, UBND, KT-XH), words glued to digits or joined by - / . (QĐ-TTg,
// 5G, gov.vn), words with an apostrophe (H'Mông), words containing f, j, w or
// z, words without any diacritic (internet, video, English words, or text
// typed without marks) and Vietnamised loanwords written as one token
// (lôgic, mômen) are treated as names, abbreviations or loanwords and get no
// am-tiet, dau-thanh or tu-ghep finding. Words and phrases listed in
// Options.Exceptions get none of the word rules (am-tiet, dau-thanh,
// tu-ghep, nham-am, kieu-dau, viet-hoa). Blanks at the start or end of a line are not
// flagged. tu-ghep skips pairs that contain a function word or numeral (see
// functionWords()) and stays silent when a syllable forms a word with its
// other neighbour or when two dictionary words fit; see README.md for the
// seed's slips that no text rule can reach.
package vntext

import (
	"sort"
	"strings"
	"unicode/utf8"

	"kehoach/internal/diag"
	"kehoach/internal/nfc"
)

// Severity grades a finding: it is the severity of package diag, so that a
// finding placed in a file keeps it as it is.
type Severity = diag.Severity

const (
	// Error is a mistake a văn thư must correct before the document is issued.
	Error = diag.Error
	// Warning is a likely mistake or a departure from house style.
	Warning = diag.Warning
)

// Rule ids, stable across versions (see the package documentation).
const (
	RuleNFC         = "unicode-nfc"
	RuleInvisible   = "unicode-an"
	RuleNonBMP      = "unicode-bmp"
	RuleQuotes      = "ngoac-kep"
	RuleSpaces      = "khoang-trang"
	RulePunctSpace  = "dau-cau"
	RuleTCVN3       = "legacy-tcvn3"
	RuleVNI         = "legacy-vni"
	RuleSyllable    = "am-tiet"
	RuleTonePlace   = "dau-thanh"
	RuleWord        = "tu-ghep"
	RuleConfusion   = "nham-am"
	RuleKieuDau     = "kieu-dau"
	RuleKieuDauLan  = "kieu-dau-lan"
	RuleNumSep      = "so-phan-cach"
	RuleNumUnit     = "so-don-vi"
	RulePercent     = "so-phan-tram"
	RuleDate        = "ngay-thang"
	RuleKyHieu      = "ky-hieu"
	RuleCapital     = "viet-hoa"
	RuleAbbrevFirst = "viet-tat"
)

// Finding is one problem in a string.
type Finding struct {
	Rule     string   // stable rule id, one of the Rule… constants
	Severity Severity // Error or Warning
	Start    int      // byte offset into the NFC form of the checked string
	End      int      // exclusive byte offset into the same string
	Msg      string   // Vietnamese: what is wrong
	Suggest  string   // Vietnamese: how to fix it (shown after "— gợi ý: ")
	Fix      *string  // replacement for [Start,End) when it is safe to apply automatically, else nil
}

// Options tunes Check.
type Options struct {
	// ToneStyle is ToneCu ("cu": hòa, thủy; the default when empty) or
	// ToneMoi ("moi": hoà, thuỷ). Other values count as "cu".
	ToneStyle string
	// Exceptions are words, names or phrases the plan declares correct as
	// written; matched case-insensitively as whole words.
	Exceptions []string
	// Compiled, when set, is CompileExceptions(Exceptions), made once for
	// the many strings of one plan; Check compiles Exceptions otherwise.
	Compiled *Exceptions
	// Name is set for a name (of the commune, a unit, a person, a
	// recipient): written in Latin letters alone, so that any Cyrillic,
	// Greek or Armenian letter is a chu-giong finding, not only one in a
	// word that mixes scripts.
	Name bool
	// Words, when set, keeps what Check learns of each distinct word
	// (its syllable analysis, lower-case and skeleton forms) for the next
	// strings checked with the same Words: the many fields of one plan
	// share most of their words. Not safe for concurrent use.
	Words *Words
}

// Words is a cache of word analyses for Options.Words; the zero value is
// empty and ready.
type Words struct {
	m   map[string]*tokInfo
	buf scratch // the rules' working slices, reused from one string to the next
}

// scratch holds slices a check needs for one string only, kept for the
// next string checked with the same Words: with the collector off for one
// plan (build.SetGC), each new slice is fresh memory the system must map.
type scratch struct {
	toks   []token
	ws     []wordState
	chunks []legacyChunk
	lows   []string
	gaps   []bool
}

// scratch is w's working slices; nil for a nil w (each rule then makes
// its own).
func (w *Words) scratch() *scratch {
	if w == nil {
		return nil
	}
	return &w.buf
}

// cache is w's map of analysed words, made on first use; nil for a nil w
// (each rule then analyses the words it meets on its own).
func (w *Words) cache() map[string]*tokInfo {
	if w == nil {
		return nil
	}
	if w.m == nil {
		w.m = map[string]*tokInfo{}
	}
	return w.m
}

// Normalise returns s in Unicode NFC, with any invalid UTF-8 byte sequence
// replaced by U+FFFD: the string all offsets refer to.
func Normalise(s string) string {
	if nfc.Quick(s) { // valid UTF-8, and NFC
		return s
	}
	return nfc.String(strings.ToValidUTF8(s, "\uFFFD"))
}

// Check runs every text rule on one string and returns the findings sorted
// by position. Offsets refer to Normalise(s). A string recognised as legacy
// TCVN3/VNI mojibake yields only the legacy finding (and unicode-nfc), since
// other rules on mojibake would only repeat it.
func Check(s string, o Options) []Finding {
	v := strings.ToValidUTF8(s, "\uFFFD")
	return check(v, nfc.String(v), o)
}

// CheckNormalised is Check(s, o) for a caller that already holds n =
// Normalise(s) (to place the findings): s is not normalised again.
func CheckNormalised(s, n string, o Options) []Finding {
	v := n // s is valid UTF-8 in NFC: Normalise returned it unchanged
	if s != n {
		v = strings.ToValidUTF8(s, "\uFFFD")
	}
	return check(v, n, o)
}

// check runs the rules on v, valid UTF-8, whose NFC form is n.
func check(v, n string, o Options) []Finding {
	var fs []Finding
	fs = append(fs, nfcFindings(v, n)...)
	if f, ok := legacyFinding(n, o); ok {
		// In TCVN3 text U+00AD is the letter ư, not a soft hyphen: only the
		// legacy finding makes sense.
		fs = append(fs, f)
		sortFindings(fs)
		return fs
	}
	fs = append(fs, invisibleFindings(n)...)
	fs = append(fs, quoteFindings(n)...)
	fs = append(fs, spaceFindings(n)...)
	sc := o.Words.scratch()
	var toks []token
	if sc != nil {
		toks = wordsOfInto(sc.toks[:0], n)
		sc.toks = toks
	} else {
		toks = wordsOf(n)
	}
	exc := o.Compiled
	if exc == nil {
		exc = CompileExceptions(o.Exceptions)
	}
	exempt := exceptionSpans(n, exc)
	frags := legacyFragmentFindings(n, o)
	fs = append(fs, frags...)
	slips := slipFindings(n, toks, o)
	var word []Finding
	for _, f := range wordFindings(n, toks, o) {
		// A word with Telex residue (“viếts”) is said once, by go-telex,
		// not also as a syllable that cannot be.
		if f.Rule == RuleSyllable && overlapsRule(slips, RuleTelex, f.Start, f.End) {
			continue
		}
		word = append(word, f)
	}
	word = append(word, capitalFindings(n, toks)...)
	word = append(word, slips...)
	for _, f := range word {
		if !overlaps(exempt, f.Start, f.End) && !overlapsFinding(frags, f.Start, f.End) {
			fs = append(fs, f)
		}
	}
	fs = append(fs, numberFindings(n)...)
	fs = append(fs, kyHieuFindings(n)...)
	fs = append(fs, lookAlikeFindings(n, o.Name, exempt)...)
	sortFindings(fs)
	return fs
}

// overlapsRule reports whether a finding of rule among fs overlaps
// [start, end).
func overlapsRule(fs []Finding, rule string, start, end int) bool {
	for _, f := range fs {
		if f.Rule == rule && f.Start < end && start < f.End {
			return true
		}
	}
	return false
}

// ApplyFixes applies the safe fixes (Fix != nil) of findings to the NFC form
// of s, skipping any fix that overlaps one already applied, and returns the
// result.
func ApplyFixes(s string, fs []Finding) string {
	n := Normalise(s)
	fixes := make([]Finding, 0, len(fs))
	for _, f := range fs {
		if f.Fix != nil && f.Start >= 0 && f.End <= len(n) && f.Start <= f.End {
			fixes = append(fixes, f)
		}
	}
	sort.SliceStable(fixes, func(i, j int) bool { return fixes[i].Start < fixes[j].Start })
	var b strings.Builder
	last := 0
	for _, f := range fixes {
		if f.Start < last {
			continue
		}
		b.WriteString(n[last:f.Start])
		b.WriteString(*f.Fix)
		last = f.End
	}
	b.WriteString(n[last:])
	return b.String()
}

func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		if fs[i].Start != fs[j].Start {
			return fs[i].Start < fs[j].Start
		}
		if fs[i].End != fs[j].End {
			return fs[i].End < fs[j].End
		}
		return fs[i].Rule < fs[j].Rule
	})
}

func strPtr(s string) *string { return &s }

// overlapsFinding reports whether [start,end) overlaps one of fs.
func overlapsFinding(fs []Finding, start, end int) bool {
	for _, f := range fs {
		if start < f.End && f.Start < end {
			return true
		}
	}
	return false
}

type span struct{ start, end int }

func overlaps(sp []span, start, end int) bool {
	for _, x := range sp {
		if start < x.end && x.start < end {
			return true
		}
	}
	return false
}

// Exceptions is a compiled list of exceptions (Options.Exceptions), built
// once per plan: each lower-cased NFC exception is filed under its first
// run of letters and digits, so finding them in a text costs one lookup per
// word instead of one search per exception (a plan with 9.999 ngoai_le
// entries took 34 s to check).
type Exceptions struct {
	byKey map[string][]string
	misc  []string // exceptions not starting with a letter or digit
	// keyed lists the entries of byKey with their key, in the order of
	// the list, when they are few (at most fewExceptions): each is then
	// searched for in the text, which costs less than a lookup per word.
	keyed []keyedException
}

// keyedException is an exception and the key it is filed under.
type keyedException struct{ e, key string }

// fewExceptions is the most exceptions searched for one by one.
const fewExceptions = 32

// CompileExceptions compiles list.
func CompileExceptions(list []string) *Exceptions {
	x := &Exceptions{byKey: map[string][]string{}}
	seen := map[string]bool{}
	for _, e := range list {
		e = lowerSameLen(strings.TrimSpace(Normalise(e)))
		if e == "" || seen[e] {
			continue
		}
		seen[e] = true
		if k := keyRun(e, 0); k != "" {
			x.byKey[k] = append(x.byKey[k], e)
			x.keyed = append(x.keyed, keyedException{e, k})
		} else {
			x.misc = append(x.misc, e)
		}
	}
	if len(x.keyed) > fewExceptions {
		x.keyed = nil
	}
	return x
}

func isKeyRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9'
	}
	return isWordRune(r) || isDigit(r)
}

// keyRun is the run of letters and digits starting at s[i] ("" when s[i]
// starts none).
func keyRun(s string, i int) string {
	j := i
	for j < len(s) {
		r, k := rune(s[j]), 1
		if r >= utf8.RuneSelf {
			r, k = utf8.DecodeRuneInString(s[j:])
		}
		if !isKeyRune(r) {
			break
		}
		j += k
	}
	return s[i:j]
}

// exceptionSpans finds the whole-word, case-insensitive occurrences of the
// exceptions in s (NFC).
func exceptionSpans(s string, x *Exceptions) []span {
	if x == nil || len(x.byKey)+len(x.misc) == 0 {
		return nil
	}
	low := lowerSameLen(s)
	var out []span
	if x.keyed != nil || len(x.byKey) == 0 {
		// The same spans as the scan below, searched for: an occurrence
		// that starts a run of letters and digits whose key is its own.
		for _, ke := range x.keyed {
			for from := 0; ; {
				i := strings.Index(low[from:], ke.e)
				if i < 0 {
					break
				}
				st, en := from+i, from+i+len(ke.e)
				if startsKeyRun(low, st) && keyRun(low, st) == ke.key && wordBoundary(low, st, en) {
					out = append(out, span{st, en})
				}
				from = st + 1
			}
		}
		return append(out, miscSpans(low, x.misc)...)
	}
	prevKey := false
	for i, r := range low {
		k := isKeyRune(r)
		if k && !prevKey {
			for _, e := range x.byKey[keyRun(low, i)] {
				if strings.HasPrefix(low[i:], e) && wordBoundary(low, i, i+len(e)) {
					out = append(out, span{i, i + len(e)})
				}
			}
		}
		prevKey = k
	}
	return append(out, miscSpans(low, x.misc)...)
}

// startsKeyRun reports whether the rune at low[i] follows none of the
// letters and digits keyRun takes.
func startsKeyRun(low string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(low[:i])
	return !isKeyRune(r)
}

// miscSpans finds the exceptions that start with neither a letter nor a
// digit in low.
func miscSpans(low string, misc []string) []span {
	var out []span
	for _, e := range misc {
		from := 0
		for {
			i := strings.Index(low[from:], e)
			if i < 0 {
				break
			}
			st, en := from+i, from+i+len(e)
			if wordBoundary(low, st, en) {
				out = append(out, span{st, en})
			}
			from = st + 1
		}
	}
	return out
}
