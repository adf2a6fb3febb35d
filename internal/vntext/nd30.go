package vntext

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"kehoach/internal/classre"
)

// kyHieuExpr matches a document number and ký hiệu, possibly with stray
// blanks around its separators: 263/QĐ-TTg, 30/2020/NĐ-CP, 37-QĐ/ĐU,
// 12/KH - UBND, or a ký hiệu alone such as KH-UBND. Which parts are
// abbreviations is checked afterwards (see kyHieuParts). kyHieuRe is the
// same expression over the classes of kyHieuClass (package classre;
// TestKyHieuReSameAsExpr), compiled on first use, not at start-up (#21).
const kyHieuExpr = `(?:\d+[ \t]*(?:/[ \t]*\d{4}[ \t]*)?[-–/][ \t]*)?\p{Lu}[\p{L}]*(?:[ \t]*[-–/][ \t]*\p{Lu}[\p{L}]*)+|\d+[ \t]*(?:/[ \t]*\d{4}[ \t]*)?[-–/][ \t]*\p{Lu}[\p{L}]*`

var kyHieuRe = classre.NewFirst(`(?:\d+[ \t]*(?:/[ \t]*\d{4}[ \t]*)?[-~/][ \t]*)?A[Aa]*(?:[ \t]*[-~/][ \t]*A[Aa]*)+|\d+[ \t]*(?:/[ \t]*\d{4}[ \t]*)?[-~/][ \t]*A[Aa]*`, "0123456789A", kyHieuClass)

// kyHieuClass is the class byte of r for kyHieuRe: digits, blank, tab, /
// and - as they are, the en dash ~, an upper-case letter A, another
// letter a, anything else “.”.
func kyHieuClass(r rune) byte {
	switch {
	case r >= '0' && r <= '9', r == ' ', r == '\t', r == '/', r == '-':
		return byte(r)
	case r == '–':
		return '~'
	case isUpper(r):
		return 'A'
	case isLetter(r):
		return 'a'
	}
	return '.'
}

// isAbbrevPart reports whether w looks like a part of a ký hiệu: at least
// two upper-case letters (QĐ, KH, UBND, TTg, ĐU), no more lower-case letters
// than upper-case ones.
func isAbbrevPart(w string) bool {
	up, low := 0, 0
	for _, r := range w {
		switch {
		case isUpper(r):
			up++
		case isLower(r):
			low++
		}
	}
	if up < 2 || low > 1 {
		return false
	}
	// An upper-case Vietnamese word (XUẤT, CHUẨN in a heading) is not an
	// abbreviation; a bare Đ does not count as a mark (ĐU, HĐND are).
	if hasVietMarks(w) {
		if a := analyse(w); a.ok {
			return false
		}
	}
	return true
}

// CheckKyHieu checks document numbers and ký hiệu in s (a field such as
// "Số: 12/KH-UBND" or running text citing "Quyết định số 37- QĐ/ĐU"): under
// ND30 the parts are joined by "-" and "/" without blanks ("KH-UBND"; Party
// numbering "37-QĐ/ĐU" as in Hướng dẫn 36-HD/VPTW), and an en dash "–" is
// not a separator. Findings use rule "ky-hieu"; offsets refer to Normalise(s).
func CheckKyHieu(s string) []Finding {
	return kyHieuFindings(Normalise(s))
}

func kyHieuFindings(s string) []Finding {
	var fs []Finding
	for _, line := range kyHieuLines(s) {
		fs = append(fs, kyHieuLine(s, line.start, line.end)...)
	}
	return fs
}

// kyHieuLines returns the lines of s that hold a separator - – / with an
// upper-case letter or digit on its right and a letter or digit on its left
// (blanks aside): the only places a ký hiệu can be. Running the regular
// expression on those lines alone keeps Check fast.
func kyHieuLines(s string) []span {
	var out []span
	for i := 0; i < len(s); {
		// Only a byte '-', '/' or 0xE2 (which starts '–' and is never
		// inside another rune) can start a separator: the rest is skipped
		// without decoding.
		if c := s[i]; c != '-' && c != '/' && c != 0xE2 {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r != '-' && r != '/' && r != '–' {
			i += n
			continue
		}
		j := i
		for j > 0 && (s[j-1] == ' ' || s[j-1] == '\t') {
			j--
		}
		left, _ := utf8.DecodeLastRuneInString(s[:j])
		k := i + n
		for k < len(s) && (s[k] == ' ' || s[k] == '\t') {
			k++
		}
		right, _ := utf8.DecodeRuneInString(s[k:])
		if (isLetter(left) || isDigit(left)) && (isUpper(right) || isDigit(right)) {
			st := strings.LastIndexByte(s[:i], '\n') + 1
			en := strings.IndexByte(s[i:], '\n')
			if en < 0 {
				en = len(s)
			} else {
				en += i
			}
			if len(out) == 0 || out[len(out)-1].start != st {
				out = append(out, span{st, en})
			}
			i = en
			continue
		}
		i += n
	}
	return out
}

// kyHieuLine checks the line s[from:to].
func kyHieuLine(s string, from, to int) []Finding {
	var fs []Finding
	for _, m := range kyHieuRe.FindAllStringIndex(s[from:to], -1) {
		st, en := from+m[0], from+m[1]
		if !wordBoundary(s, st, en) {
			continue
		}
		if st > 0 && isDigitByte(s[st-1]) {
			continue
		}
		text := s[st:en]
		parts := strings.FieldsFunc(text, func(r rune) bool { return r == '-' || r == '–' || r == '/' || r == ' ' || r == '\t' })
		ok, hasAbbrev := true, false
		for _, p := range parts {
			if p[0] >= '0' && p[0] <= '9' {
				continue
			}
			hasAbbrev = true
			if !isAbbrevPart(p) {
				ok = false
			}
		}
		if !ok || !hasAbbrev || (!strings.Contains(text, "/") && !startsWithDigit(text) && countParts(text) < 2) {
			continue
		}
		fixed := compactKyHieu(text)
		if fixed == text {
			continue
		}
		fs = append(fs, Finding{Rule: RuleKyHieu, Severity: Error, Start: st, End: en,
			Msg:     fmt.Sprintf("số, ký hiệu “%s” có khoảng trắng hoặc gạch ngang dài giữa các thành phần", text),
			Suggest: fmt.Sprintf("viết liền, nối bằng gạch nối (-) và gạch chéo (/): “%s”", fixed),
			Fix:     strPtr(fixed)})
	}
	return fs
}

func startsWithDigit(s string) bool { return s != "" && isDigitByte(s[0]) }

func countParts(s string) int {
	return len(strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '–' || r == '/' }))
}

// compactKyHieu removes blanks around separators and turns en dashes into
// hyphens.
func compactKyHieu(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case ' ', '\t':
			continue
		case '–':
			b.WriteByte('-')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// nhanDanExempt are the words before "nhân dân" that make it part of a name
// or a fixed term rather than "the People": Ủy ban/Hội đồng/Tòa án/Viện kiểm
// sát nhân dân, Công an/Quân đội nhân dân, an ninh/chiến tranh nhân dân,
// lực lượng vũ trang nhân dân, dân chủ nhân dân, Cộng hòa Nhân dân …
func nhanDanExempt(w string) bool {
	switch w {
	case "ban", "đồng", "án", "sát", "an", "đội", "ninh", "trang", "tranh", "chủ", "hòa", "hoà",
		"chính", "sĩ", "giáo", "thuốc", "trận", "đoàn":
		return true
	}
	return false
}

// nhaNuocState are the words before "nhà nước" after which it means the
// State (của Nhà nước, do Nhà nước, Đảng và Nhà nước); after a noun it is an
// attribute and stays lower case (cơ quan nhà nước, ngân sách nhà nước).
func nhaNuocState(w string) bool {
	switch w {
	case "của", "do", "và", "với", "cho", "từ", "là", "mà", "để", "thì", "giữa", "được", "bởi":
		return true
	}
	return false
}

// CheckCapitalised flags "nhà nước" and "nhân dân" written in lower case
// where they mean the State and the People, which Vietnamese administrative
// writing capitalises ("Nhà nước", "Nhân dân"). "nhân dân" is left alone in
// names and fixed terms (Ủy ban nhân dân, Hội đồng nhân dân, Công an nhân
// dân, an ninh nhân dân, nhân dân tệ …); "nhà nước" is flagged only after a
// word that makes it the State (của, do, và, với, cho …) or after a comma,
// never as an attribute (cơ quan nhà nước, quản lý nhà nước). Rule
// "viet-hoa"; offsets refer to Normalise(s).
func CheckCapitalised(s string) []Finding {
	n := Normalise(s)
	return capitalFindings(n, wordsOf(n))
}

func capitalFindings(s string, toks []token) []Finding {
	var fs []Finding
	for i := 0; i+1 < len(toks); i++ {
		a, b := toks[i], toks[i+1]
		// Only these two pairs are looked at: the rest of the tests are
		// for them alone.
		if !(a.text == "nhân" && b.text == "dân" || a.text == "nhà" && b.text == "nước") || !onlySpaceBetween(s, a.end, b.start) {
			continue
		}
		var prev string
		prevAdj := false
		if i > 0 && onlySpaceBetween(s, toks[i-1].end, a.start) {
			prev = toLower(toks[i-1].text)
			prevAdj = true
		}
		switch {
		case a.text == "nhân" && b.text == "dân":
			if prevAdj && nhanDanExempt(prev) {
				continue
			}
			if i+2 < len(toks) && toLower(toks[i+2].text) == "tệ" {
				continue
			}
		case a.text == "nhà" && b.text == "nước":
			if prevAdj && !nhaNuocState(prev) {
				continue
			}
			if !prevAdj && !afterComma(s, a.start) {
				continue
			}
		default:
			continue
		}
		orig := s[a.start:b.end]
		fixed := upperFirst(a.text) + s[a.end:b.start] + b.text
		meaning := "Nhân dân (toàn thể người dân)"
		if a.text == "nhà" {
			meaning = "Nhà nước"
		}
		fs = append(fs, Finding{Rule: RuleCapital, Severity: Warning, Start: a.start, End: b.end,
			Msg:     fmt.Sprintf("“%s” ở đây chỉ %s nên phải viết hoa chữ cái đầu", orig, meaning),
			Suggest: fmt.Sprintf("viết “%s”", fixed),
			Fix:     strPtr(fixed)})
	}
	return fs
}

// afterComma reports whether the previous non-blank character before pos is
// a comma or semicolon.
func afterComma(s string, pos int) bool {
	i := pos
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if isSpace(r) {
			i -= n
			continue
		}
		return r == ',' || r == ';'
	}
	return false
}

func upperFirst(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[n:]
}

// TextFinding is a Finding in one string of a list; Text is its index.
type TextFinding struct {
	Text int
	Finding
}

// AbbreviationsBeforeDefinition checks that each abbreviation (a key of
// abbrevs, e.g. "NTM") is spelled out before it is used alone: its first
// occurrence in texts, read in order, must be the definition — the long form
// (abbrevs["NTM"] = "nông thôn mới", matched without regard to case)
// followed by the abbreviation in brackets: "nông thôn mới (NTM)". Each
// abbreviation yields at most one finding (rule "viet-tat"), at its first
// use; offsets refer to Normalise(texts[Text]). An abbreviation that never
// occurs yields nothing.
func AbbreviationsBeforeDefinition(texts []string, abbrevs map[string]string) []TextFinding {
	norms := make([]string, len(texts))
	for i, t := range texts {
		norms[i] = Normalise(t)
	}
	return AbbreviationsBeforeDefinitionNormalised(norms, abbrevs)
}

// AbbreviationsBeforeDefinitionNormalised is AbbreviationsBeforeDefinition
// of texts already in their Normalise form (so not normalised again).
func AbbreviationsBeforeDefinitionNormalised(norms []string, abbrevs map[string]string) []TextFinding {
	keys := make([]string, 0, len(abbrevs))
	for k := range abbrevs {
		keys = append(keys, k)
	}
	sortStrings(keys)
	var out []TextFinding
	for _, ab := range keys {
		var defRe *regexp.Regexp // compiled at the first use of ab
	texts:
		for ti, s := range norms {
			for _, m := range literalMatches(s, ab) {
				if !codeBoundary(s, m[0], m[1]) {
					continue
				}
				if defRe == nil {
					defRe = regexp.MustCompile(`(?i)` + spacedPattern(Normalise(abbrevs[ab])) + `\s*\(\s*` + regexp.QuoteMeta(ab) + `\s*\)`)
				}
				defs := defRe.FindAllStringIndex(s, -1)
				inDef := false
				for _, d := range defs {
					if m[0] >= d[0] && m[1] <= d[1] {
						inDef = true
					}
				}
				if inDef {
					break texts
				}
				msg := fmt.Sprintf("chữ viết tắt “%s” được dùng trước khi viết đầy đủ", ab)
				if !anyDefinition(defRe, norms) {
					msg = fmt.Sprintf("chữ viết tắt “%s” được dùng mà không viết đầy đủ lần nào", ab)
				}
				out = append(out, TextFinding{Text: ti, Finding: Finding{Rule: RuleAbbrevFirst, Severity: Warning,
					Start: m[0], End: m[1], Msg: msg,
					Suggest: fmt.Sprintf("ở lần dùng đầu tiên viết “%s (%s)”, các lần sau mới viết tắt “%s”", abbrevs[ab], ab, ab)}})
				break texts
			}
		}
	}
	return out
}

// literalMatches is regexp.MustCompile(regexp.QuoteMeta(lit)).FindAllStringIndex(s, -1)
// without compiling a regexp: the leftmost non-overlapping occurrences.
func literalMatches(s, lit string) [][]int {
	if lit == "" {
		return regexp.MustCompile("").FindAllStringIndex(s, -1)
	}
	var out [][]int
	for i := 0; ; {
		j := strings.Index(s[i:], lit)
		if j < 0 {
			return out
		}
		out = append(out, []int{i + j, i + j + len(lit)})
		i += j + len(lit)
	}
}

func anyDefinition(re *regexp.Regexp, texts []string) bool {
	for _, s := range texts {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

// spacedPattern quotes s for a regexp, letting any run of blanks match any
// run of white space (line breaks included).
func spacedPattern(s string) string {
	fields := strings.Fields(s)
	for i, f := range fields {
		fields[i] = regexp.QuoteMeta(f)
	}
	return strings.Join(fields, `\s+`)
}

// codeBoundary reports whether s[st:en] is a whole abbreviation: no letter or
// digit glued to it (so MTQG is not found inside CTMTQG).
func codeBoundary(s string, st, en int) bool {
	if st > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:st])
		if isWordRune(r) || isDigit(r) {
			return false
		}
	}
	if en < len(s) {
		r, _ := utf8.DecodeRuneInString(s[en:])
		if isWordRune(r) || isDigit(r) {
			return false
		}
	}
	return true
}

func sortStrings(a []string) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}
