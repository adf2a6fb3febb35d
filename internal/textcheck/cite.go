package textcheck

import (
	"fmt"
	"strconv"
	"strings"

	"kehoach/internal/classre"
	"kehoach/internal/lazy"
	"kehoach/internal/plan"
	"kehoach/internal/programme"
	"kehoach/internal/vn"
	"kehoach/internal/vntext"
	"kehoach/internal/yamlx"
)

// Citation rules: a legal basis the plan writes itself (can_cu or
// can_cu_them without ma, or a document named in a paragraph) compared with
// the registry templates/can-cu.yaml by its number. A document the registry
// does not know passes silently.
const (
	RuleCiteNumber = "can-cu-so"        // number and ký hiệu not the registry's (QH14 for QH15, TT for TTg)
	RuleCiteDate   = "can-cu-ngay"      // another date
	RuleCiteIssuer = "can-cu-co-quan"   // another issuer
	RuleCiteStatus = "can-cu-hieu-luc"  // expired or replaced
	RuleCitePeriod = "can-cu-giai-doan" // a document of a period that does not contain the plan year
)

// DocNumber is a Vietnamese document number split into its parts:
// “257/2025/QH15” → 257, 2025, “QH15”; “263/QĐ-TTg” → 263, 0, “QĐ-TTg”;
// “37-QĐ/ĐU” → 37, 0, “QĐ/ĐU”.
type DocNumber struct {
	Num  int
	Year int
	Code string
}

// numExpr matches a document number “263/2025/QĐ-UBND”; numRe is the
// same over the classes of numClass (package classre;
// TestCiteRegexpsSameAsExpr), compiled on first use.
const numExpr = `^(\d+)(?:/(\d{4}))?[/-]([\p{L}][\p{L}\d]*(?:[-/][\p{L}\d]+)*)$`

var numRe = classre.New(`^(\d+)(?:/(\d{4}))?[/-](a[a\d]*(?:[-/][a\d]+)*)$`, numClass)

// numClass is the class byte of r for numRe: digits, / and - as they
// are, a letter a, anything else “.”.
func numClass(r rune) byte {
	switch {
	case r >= '0' && r <= '9', r == '/', r == '-':
		return byte(r)
	case vntext.IsLetter(r):
		return 'a'
	}
	return '.'
}

// docNumberBlanks drops the blanks of a document number and turns its
// dashes into hyphens (a Replacer builds its tables on first use, once).
var docNumberBlanksValue lazy.Value[*strings.Replacer]

func docNumberBlanks() *strings.Replacer { return docNumberBlanksValue.Get(makeDocNumberBlanks) }

func makeDocNumberBlanks() *strings.Replacer {
	return strings.NewReplacer(" ", "", "\u00a0", "", "–", "-", "—", "-")
}

// ParseDocNumber reads a document number written with or without blanks
// around its separators; false when s is not one.
func ParseDocNumber(s string) (DocNumber, bool) {
	s = docNumberBlanks().Replace(strings.TrimSpace(s))
	m := numRe.FindStringSubmatch(s)
	if m == nil {
		return DocNumber{}, false
	}
	n, _ := strconv.Atoi(m[1])
	y := 0
	if m[2] != "" {
		y, _ = strconv.Atoi(m[2])
	}
	return DocNumber{Num: n, Year: y, Code: m[3]}, true
}

// refNumRe finds a number that may be a document's; references then
// looks for the document type before it (“Quyết định số ”). Looking for the
// number first keeps the search fast on the many paragraphs naming none.
// Compiled on first use.
// refNumExpr is the expression; refNumRe is the same over the classes of
// refNumClass (TestCiteRegexpsSameAsExpr).
const refNumExpr = `\d+(?:[ \x{00a0}]*[/–-][ \x{00a0}]*[\p{L}\d]+)+`

var refNumRe = classre.NewFirst(`\d+(?:[ _]*[/~-][ _]*[a\d]+)+`, "0123456789", refNumClass)

// refNumClass is the class byte of r for refNumRe: digits, blank, / and -
// as they are, the no-break space _, the en dash ~, a letter a, anything
// else “.”.
func refNumClass(r rune) byte {
	switch {
	case r >= '0' && r <= '9', r == ' ', r == '/', r == '-':
		return byte(r)
	case r == '\u00a0':
		return '_'
	case r == '–':
		return '~'
	case vntext.IsLetter(r):
		return 'a'
	}
	return '.'
}

// docTypes are the document types a citation in prose starts with.
var docTypes = []string{"Luật", "Nghị quyết", "Nghị định", "Quyết định", "Thông tư", "Chỉ thị", "Kế hoạch", "Thông báo"}

// docTypeBefore returns the document type that ends s[:i] (before an
// optional “số” and blanks), or "".
func docTypeBefore(s string, i int) string {
	before := strings.TrimRight(s[:i], " \u00a0")
	if len(before) == i {
		return ""
	}
	if t := strings.TrimSuffix(before, "số"); t != before {
		before = strings.TrimRight(t, " \u00a0")
	}
	for _, t := range docTypes {
		if strings.HasSuffix(before, t) {
			return t
		}
	}
	return ""
}

// reference is one document a plan names, as written.
type reference struct {
	loai             string
	num              DocNumber
	so               string // as written
	soStart, soEnd   int    // the number in the text
	date             *vn.Date
	dateStart, dateE int
	issuer           string // the words after “của”, up to a punctuation mark
	issStart, issEnd int
}

// references finds the documents named in s.
func references(s string) []reference {
	var out []reference
	// strings.ContainsAny(s, "/-–"), whose en dash would make it decode
	// every rune of s: three byte searches instead.
	if strings.IndexByte(s, '/') < 0 && strings.IndexByte(s, '-') < 0 && !strings.Contains(s, "–") {
		return nil
	}
	for _, m := range refNumRe.FindAllStringIndex(s, -1) {
		loai := docTypeBefore(s, m[0])
		if loai == "" {
			continue
		}
		so := strings.TrimRight(s[m[0]:m[1]], "-–/")
		num, ok := ParseDocNumber(so)
		if !ok {
			continue
		}
		r := reference{loai: loai, num: num, so: so, soStart: m[0], soEnd: m[0] + len(so)}
		rest := m[0] + len(so)
		if strings.HasPrefix(s[rest:], " ngày ") {
			if d, ok := vn.DateAt(s, rest+1); ok && d.Start == rest+1 {
				// “ngày 05 tháng 3 năm 2020” starts at the word ngày.
				r.date, r.dateStart, r.dateE = &d, d.Start, d.End
				rest = d.End
			} else if d, ok := vn.DateAt(s, rest+len(" ngày ")); ok {
				r.date, r.dateStart, r.dateE = &d, d.Start, d.End
				rest = d.End
			}
		}
		if strings.HasPrefix(s[rest:], " của ") {
			a := rest + len(" của ")
			e := a
			for e < len(s) && !strings.ContainsRune(",;.()\n", rune(s[e])) {
				e++
			}
			r.issuer, r.issStart, r.issEnd = s[a:e], a, e
		}
		out = append(out, r)
	}
	return out
}

// match finds the registry entry a written number refers to: exact is true
// when the number is the registry's, false when it is a near miss (another
// year, a ký hiệu one or two letters off, or the registry's date): a
// malformed number. nil when the registry has no such document.
func match(loai string, num DocNumber, date *vn.Date) (ct *programme.Citation, exact bool) {
	all, err := programme.Citations()
	if err != nil {
		return nil, false
	}
	for i := range all {
		c := &all[i]
		rn, ok := ParseDocNumber(c.So)
		if !ok || rn.Num != num.Num || (loai != "" && programme.Fold(loai) != programme.Fold(c.Loai)) {
			continue
		}
		if rn.Year == num.Year && rn.Code == num.Code {
			return c, true
		}
		near := yamlx.Distance(rn.Code, num.Code) <= 2 && rn.Year == num.Year
		near = near || (rn.Code == num.Code && rn.Year != num.Year)
		if date != nil && c.Ngay == fmt.Sprintf("%04d-%02d-%02d", date.Year, date.Month, date.Day) {
			near = true
		}
		if near {
			return c, false
		}
	}
	return nil, false
}

// full is the registry's citation as a căn cứ writes it: “Quyết định số
// 263/QĐ-TTg ngày 22/02/2022 của Thủ tướng Chính phủ”.
func full(c *programme.Citation) string {
	s := c.Loai + " số " + c.So
	if d, ok := vn.DateAt(isoToShort(c.Ngay), 0); ok {
		s += fmt.Sprintf(" ngày %s/%s/%d", vn.Day2(d.Day), vn.Month2(d.Month), d.Year)
	}
	if c.CoQuan != "" {
		s += " của " + c.CoQuan
	}
	return s
}

// isoToShort turns 2022-02-22 into 22/02/2022.
func isoToShort(iso string) string {
	p := strings.Split(iso, "-")
	if len(p) != 3 {
		return ""
	}
	return p[2] + "/" + p[1] + "/" + p[0]
}

// sameIssuer reports whether written names the registry's issuer: it
// starts with it, or both start with the same two words (“Thủ tướng” for
// “Thủ tướng Chính phủ”).
func sameIssuer(written, registry string) bool {
	w, r := strings.Fields(programme.Fold(written)), strings.Fields(programme.Fold(registry))
	if len(w) == 0 || len(r) == 0 {
		return true
	}
	n := min(2, len(r))
	if len(w) < n {
		return false
	}
	return strings.Join(w[:n], " ") == strings.Join(r[:n], " ")
}

// citeCheck compares one written citation with the registry and returns
// its findings; spans are given by the caller's offsets.
type citeSpans struct{ so, date, issuer [2]int }

func citeFindings(year int, loai string, num DocNumber, so string, date *vn.Date, issuer string, sp citeSpans) []vntext.Finding {
	ct, exact := match(loai, num, date)
	if ct == nil {
		return nil
	}
	w := func(rule string, at [2]int, msg, hint string) vntext.Finding {
		return vntext.Finding{Rule: rule, Severity: vntext.Warning, Start: at[0], End: at[1], Msg: msg, Suggest: hint}
	}
	reg := full(ct)
	var out []vntext.Finding
	if !exact {
		out = append(out, w(RuleCiteNumber, sp.so, fmt.Sprintf("số, ký hiệu “%s” khác sổ căn cứ (templates/can-cu.yaml): %s %s", so, ct.Loai, ct.So),
			fmt.Sprintf("viết “%s”", reg)))
	}
	if date != nil && ct.Ngay != "" && fmt.Sprintf("%04d-%02d-%02d", date.Year, date.Month, date.Day) != ct.Ngay {
		out = append(out, w(RuleCiteDate, sp.date, fmt.Sprintf("%s %s ban hành ngày %s, không phải ngày %02d/%02d/%d", ct.Loai, ct.So, isoToShort(ct.Ngay), date.Day, date.Month, date.Year),
			fmt.Sprintf("viết “%s”", reg)))
	}
	if issuer != "" && ct.CoQuan != "" && !sameIssuer(issuer, ct.CoQuan) {
		out = append(out, w(RuleCiteIssuer, sp.issuer, fmt.Sprintf("%s %s do %s ban hành, không phải %s", ct.Loai, ct.So, ct.CoQuan, strings.TrimSpace(issuer)),
			fmt.Sprintf("viết “%s”", reg)))
	}
	switch {
	case ct.ThayTheBoi != "":
		if nw, ok := programme.Cite(ct.ThayTheBoi); ok {
			out = append(out, w(RuleCiteStatus, sp.so, fmt.Sprintf("%s %s đã được thay thế bởi %s %s", ct.Loai, ct.So, nw.Loai, nw.So), fmt.Sprintf("viện dẫn “%s”", full(nw))))
		}
	case ct.TrangThai == programme.Expired:
		out = append(out, w(RuleCiteStatus, sp.so, fmt.Sprintf("%s %s đã hết hiệu lực (theo sổ căn cứ)", ct.Loai, ct.So), "bỏ căn cứ này hoặc thay bằng văn bản đang có hiệu lực"))
	}
	if f, t, ok := ct.Span(); ok && year != 0 && (year < f || year > t) {
		hint := "thay bằng căn cứ của giai đoạn chứa năm kế hoạch, hoặc giữ nếu văn bản vẫn áp dụng cho năm " + strconv.Itoa(year)
		if p := programme.PeriodFor(year); p != nil {
			var names []string
			for _, b := range p.Bases() {
				names = append(names, b.Loai+" "+b.So)
			}
			hint = fmt.Sprintf("căn cứ của giai đoạn %s là %s; giữ văn bản này chỉ khi nó vẫn áp dụng cho năm %d", p.Ma, strings.Join(names, ", "), year)
		}
		out = append(out, w(RuleCitePeriod, sp.so, fmt.Sprintf("%s %s là văn bản của giai đoạn %d - %d, kế hoạch năm %d ở ngoài giai đoạn đó", ct.Loai, ct.So, f, t, year), hint))
	}
	return out
}

// checkBases compares the legal bases the plan writes itself (can_cu, or
// can_cu_them after the period's defaults) with the registry.
func checkBases(p *plan.Plan) []placed {
	var out []placed
	items, key := p.CanCu, "can_cu"
	if _, wrote := p.Index["can_cu[0]"]; !wrote {
		items, key = p.CanCuThem, "can_cu_them"
	}
	for i := range items {
		b := &items[i]
		base := fmt.Sprintf("%s[%d]", key, i)
		if _, wrote := p.Index[base]; !wrote {
			continue
		}
		if _, viaID := p.Index[base+".ma"]; viaID {
			// From the registry: only its period can disagree with the plan.
			if ct, ok := programme.Cite(b.Ma); ok {
				if f, t, ok := ct.Span(); ok && (p.Nam < f || p.Nam > t) {
					for _, v := range citeFindings(p.Nam, ct.Loai, mustNum(ct.So), ct.So, nil, "", citeSpans{}) {
						if v.Rule == RuleCitePeriod {
							out = append(out, placed{path: base + ".ma", v: v})
						}
					}
				}
			}
			continue
		}
		num, ok := ParseDocNumber(b.So)
		if !ok {
			continue
		}
		var date *vn.Date
		if !b.Ngay.IsZero() {
			date = &vn.Date{Day: b.Ngay.Day(), Month: int(b.Ngay.Month()), Year: b.Ngay.Year()}
		}
		for _, v := range citeFindings(p.Nam, b.Loai, num, b.So, date, b.CoQuan, citeSpans{}) {
			path := base + ".so"
			switch v.Rule {
			case RuleCiteDate:
				path = base + ".ngay"
			case RuleCiteIssuer:
				path = base + ".co_quan"
			}
			out = append(out, placed{path: path, v: v})
		}
	}
	return out
}

func mustNum(so string) DocNumber { n, _ := ParseDocNumber(so); return n }

// proseCitations checks the documents named inside one text field.
func proseCitations(year int, refs []reference) []vntext.Finding {
	var out []vntext.Finding
	for _, r := range refs {
		sp := citeSpans{so: [2]int{r.soStart, r.soEnd}, date: [2]int{r.dateStart, r.dateE}, issuer: [2]int{r.issStart, r.issEnd}}
		out = append(out, citeFindings(year, r.loai, r.num, r.so, r.date, r.issuer, sp)...)
	}
	return out
}

// placed is a finding about the whole value at a YAML path (a legal
// basis's so, ngay, co_quan, ma).
type placed struct {
	path string
	v    vntext.Finding
}
