// Package vn formats numbers, amounts and dates the Vietnamese way, as
// Nghị định 30/2020/NĐ-CP and CLDR "vi" want them: "." between thousands,
// "," before decimals (1.282,2; 3.900; 64,3%), and dates with the leading
// zeros ND30 requires (ngày 05 tháng 8 năm 2025; 22/02/2022).
package vn

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Blank is what stands in a draft for the number and date of a document
// that the văn thư fills in by hand: a run of six no-break spaces, so the
// blank keeps its width in DOCX, PDF and XLSX alike.
const Blank = "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0"

// Scale is the fixed-point scale of Decimal: three decimal places.
const Scale = 1000

// MaxDecimal bounds decimals (in units): one trillion, far above any commune
// budget in triệu đồng, far below int64 overflow when summed.
const MaxDecimal = 1e12

// Decimal is an exact non-float number with up to three decimal places.
// It prints its significant decimals (String); it remembers how many places
// the author wrote only so that kehoach fmt writes the number back as given.
type Decimal struct {
	Milli  int64 // value × 1000
	Places int   // decimal places as written in the plan file (0–3)
}

// ParseDecimal reads a number written in YAML ("1954", "1282.2", "1_954") or
// the Vietnamese way ("1.954", "1.282,2"). Errors are in Vietnamese.
func ParseDecimal(s string) (Decimal, error) {
	s = strings.TrimSpace(strings.ReplaceAll(s, "_", ""))
	if s == "" {
		return Decimal{}, errors.New("thiếu giá trị số")
	}
	neg := false
	if s[0] == '-' || s[0] == '+' {
		neg = s[0] == '-'
		s = s[1:]
	}
	intPart, frac := s, ""
	switch {
	case strings.Count(s, ",") == 1 && !strings.Contains(s, ".") && len(s)-strings.IndexByte(s, ',') == 4 && !strings.HasPrefix(s, "0,") && strings.IndexByte(s, ',') <= 3:
		// "1,954" is 1954 in English and 1,954 in Vietnamese.
		return Decimal{}, ambiguous(s, ',')
	case strings.Contains(s, ",") && strings.LastIndexByte(s, '.') > strings.LastIndexByte(s, ','):
		// "3,900.5": English separators.
		return Decimal{}, fmt.Errorf("%q viết theo kiểu tiếng Anh; hãy viết %s", s, strings.ReplaceAll(s, ",", ""))
	case strings.Contains(s, ","):
		// Vietnamese: dots group thousands, comma marks decimals.
		i := strings.LastIndexByte(s, ',')
		intPart, frac = s[:i], s[i+1:]
		if !validGroups(intPart, '.') {
			return Decimal{}, fmt.Errorf("%q không phải là số hợp lệ; viết số như 1954 hoặc 1282.5", s)
		}
		intPart = strings.ReplaceAll(intPart, ".", "")
	case strings.Count(s, ".") == 1 && len(s)-strings.IndexByte(s, '.') == 4 && !strings.HasPrefix(s, "0.") && strings.IndexByte(s, '.') <= 3:
		// "1.954" reads as 1954 to a Vietnamese eye and as 1,954 to YAML.
		return Decimal{}, ambiguous(s, '.')
	case strings.Count(s, ".") > 1:
		// "1.282.000": Vietnamese thousands groups.
		if !validGroups(s, '.') {
			return Decimal{}, fmt.Errorf("%q không phải là số hợp lệ; viết số như 1954 hoặc 1282.5", s)
		}
		intPart = strings.ReplaceAll(s, ".", "")
	case strings.Contains(s, "."):
		i := strings.IndexByte(s, '.')
		intPart, frac = s[:i], s[i+1:]
	}
	if intPart == "" || !allDigits(intPart) || !allDigits(frac) {
		return Decimal{}, fmt.Errorf("%q không phải là số; hãy viết số bằng chữ số, ví dụ 1954 hoặc 1282.5", s)
	}
	if len(frac) > 3 {
		// "1.9540" is how a three-place decimal is written unambiguously
		// (see FormatYAML); digits beyond the third must be zeros.
		if strings.Trim(frac[3:], "0") != "" {
			return Decimal{}, fmt.Errorf("%q có quá 3 chữ số thập phân; hãy làm tròn", s)
		}
		frac = frac[:3]
	}
	if len(intPart) > 13 {
		return Decimal{}, fmt.Errorf("số %s quá lớn (tối đa %s)", s, FormatInt(MaxDecimal))
	}
	ip, err := strconv.ParseInt(intPart, 10, 64)
	if err != nil || ip > MaxDecimal {
		return Decimal{}, fmt.Errorf("số %s quá lớn (tối đa %s)", s, FormatInt(MaxDecimal))
	}
	places := len(frac)
	fp := int64(0)
	if frac != "" {
		fp, _ = strconv.ParseInt(frac+strings.Repeat("0", 3-len(frac)), 10, 64)
	}
	m := ip*Scale + fp
	if neg {
		m = -m
	}
	return Decimal{Milli: m, Places: places}, nil
}

// ambiguous explains a number with one separator followed by exactly three
// digits ("1.250", "1,954"): a Vietnamese reader takes it for thousands,
// YAML (or an English reader) for decimals. Both suggestions are forms the
// loader accepts.
func ambiguous(s string, sep byte) error {
	i := strings.IndexByte(s, sep)
	whole := s[:i] + s[i+1:]
	dec := s[:i] + "." + strings.TrimRight(s[i+1:], "0")
	note := ""
	switch {
	case strings.HasSuffix(dec, "."):
		dec = s[:i]
	case len(dec)-i == 4: // three places kept: the zero that makes it unambiguous
		dec += "0"
		note = " (thêm số 0 ở cuối để không nhầm)"
	}
	return fmt.Errorf("%q dễ nhầm giữa số nguyên và số thập phân: số nguyên thì viết %s (không có dấu phân cách hàng nghìn), số thập phân thì viết %s%s", s, whole, dec, note)
}

// FormatYAML writes a number the way a plan file writes it (what kehoach
// fmt writes): digits, a point before the places the author wrote — 1954,
// 1282.2, 0.125 — and, for three places after a non-zero whole part, a
// trailing zero (1.9540) when the whole part has one to three digits, since
// "1.954" would be refused as ambiguous.
func FormatYAML(d Decimal) string {
	neg := d.Milli < 0
	m := d.Milli
	if neg {
		m = -m
	}
	s := strconv.FormatInt(m/Scale, 10)
	if d.Places > 0 {
		s += "." + fmt.Sprintf("%03d", m%Scale)[:d.Places]
		if d.Places == 3 && m >= Scale && m < 1000*Scale {
			s += "0"
		}
	}
	if neg {
		s = "-" + s
	}
	return s
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// validGroups reports whether s is digits grouped in threes by sep (the first
// group 1–3 digits).
func validGroups(s string, sep byte) bool {
	parts := strings.Split(s, string(sep))
	for i, p := range parts {
		if !allDigits(p) || p == "" || (i > 0 && len(p) != 3) || (i == 0 && len(p) > 3 && len(parts) > 1) {
			return false
		}
	}
	return true
}

// Int makes a whole-number Decimal.
func Int(n int64) Decimal { return Decimal{Milli: n * Scale} }

// Add returns a + b, showing as many places as the more precise operand.
func (a Decimal) Add(b Decimal) Decimal {
	return Decimal{Milli: a.Milli + b.Milli, Places: max(a.Places, b.Places)}
}

// Sub returns a − b.
func (a Decimal) Sub(b Decimal) Decimal {
	return Decimal{Milli: a.Milli - b.Milli, Places: max(a.Places, b.Places)}
}

// Equal compares values, ignoring the places shown.
func (a Decimal) Equal(b Decimal) bool { return a.Milli == b.Milli }

// IsZero reports a zero value.
func (a Decimal) IsZero() bool { return a.Milli == 0 }

// Float returns the value as a float64 (for spreadsheets).
func (a Decimal) Float() float64 { return float64(a.Milli) / Scale }

// String formats the value the Vietnamese way to the precision of its
// data: the significant decimals only, so a whole sum prints "9.511" even
// when its parts were written with decimals, and 1282.20 prints "1.282,2".
// (Places, the decimals the author wrote, is kept for the plan file's
// canonical form, never for print.)
func (a Decimal) String() string {
	neg := a.Milli < 0
	m := a.Milli
	if neg {
		m = -m
	}
	s := FormatInt(float64(m / Scale))
	if frac := m % Scale; frac != 0 {
		s += "," + strings.TrimRight(fmt.Sprintf("%03d", frac), "0")
	}
	if neg {
		s = "-" + s
	}
	return s
}

// Signed formats with an explicit sign: +200, -1.304, 0.
func (a Decimal) Signed() string {
	if a.Milli > 0 {
		return "+" + a.String()
	}
	return a.String()
}

func pow10(n int) int64 {
	r := int64(1)
	for ; n > 0; n-- {
		r *= 10
	}
	return r
}

// FormatInt groups an integer's digits by "." (3.900; 11.000).
func FormatInt(f float64) string {
	n := int64(math.Round(f))
	neg := n < 0
	if neg {
		n = -n
	}
	d := strconv.FormatInt(n, 10)
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range d {
		if i > 0 && (len(d)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Day2 writes a day of the month with a leading zero below 10 (ND30).
func Day2(d int) string { return fmt.Sprintf("%02d", d) }

// Month2 writes a month with a leading zero for January and February only
// (ND30: "tháng 02", "tháng 8").
func Month2(m int) string {
	if m <= 2 {
		return fmt.Sprintf("%02d", m)
	}
	return strconv.Itoa(m)
}

// LongDate is "ngày 05 tháng 8 năm 2025".
func LongDate(t time.Time) string {
	return "ngày " + Day2(t.Day()) + " tháng " + Month2(int(t.Month())) + " năm " + strconv.Itoa(t.Year())
}

// ShortDate is "22/02/2022" or "29/7/2025", with ND30's leading zeros.
func ShortDate(t time.Time) string {
	return Day2(t.Day()) + "/" + Month2(int(t.Month())) + "/" + strconv.Itoa(t.Year())
}

// DocNumber writes a document number with a leading zero below 10 (ND30:
// "05").
func DocNumber(n int) string {
	if n < 10 {
		return fmt.Sprintf("%02d", n)
	}
	return strconv.Itoa(n)
}

// Upper upper-cases Vietnamese text ("Ủy ban nhân dân" → "ỦY BAN NHÂN DÂN").
func Upper(s string) string { return strings.ToUpper(s) }

// Lower lower-cases Vietnamese text.
func Lower(s string) string { return strings.ToLower(s) }

// LowerFirst lower-cases the first letter unless the first word is an
// abbreviation written in capitals (MTQG, UBND).
func LowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	word := s
	if i := strings.IndexAny(s, " ,;:"); i >= 0 {
		word = s[:i]
	}
	if utf8.RuneCountInString(word) > 1 && strings.ToUpper(word) == word {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// UpperFirst upper-cases the first letter.
func UpperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// JoinAnd joins items as "a, b và c".
func JoinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " và " + items[len(items)-1]
}

// Roman writes 1–39 in Roman numerals (section numbers I–V).
func Roman(n int) string {
	if n <= 0 || n >= 40 {
		return strconv.Itoa(n)
	}
	tens := []string{"", "X", "XX", "XXX"}
	ones := []string{"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"}
	return tens[n/10] + ones[n%10]
}

// Bind puts no-break spaces where a line must not break: between a number
// and its unit ("7 km", "54 triệu đồng"), after a comparison sign ("≥ 54"),
// and before a spaced dash or plus between words ("Ấp 3 - Ấp 7"), so that a
// wrapped line never starts with "- " or "+ ", which reads as a new list
// item. Every output's text goes through it.
func Bind(s string) string {
	if (strings.Contains(s, " -") || strings.Contains(s, " –") || strings.Contains(s, " +")) && unboundDash(s) {
		// Twice: the third group of one match is the first of the next
		// ("a - b - c").
		s = bindDashes(s)
		if unboundDash(s) {
			s = bindDashes(s)
		}
	}
	if !strings.ContainsAny(s, "0123456789") {
		return s
	}
	// The expressions run only where they can match (most texts have no
	// unit after a number and no comparison sign).
	if digitSpace(s) && numberUnit(s) {
		s = bindUnits(s)
	}
	if !signNumber(s) {
		return s
	}
	return bindSigns(s)
}

// The tests below are what the replacements need to match, checked byte by
// byte (most texts hold nothing they change): Bind gives what it gives
// running them everywhere.

// isSpace reports whether s has a space or a no-break space at i, and its
// length.
func isSpace(s string, i int) (bool, int) {
	switch {
	case i < len(s) && s[i] == ' ':
		return true, 1
	case i+1 < len(s) && s[i] == 0xC2 && s[i+1] == 0xA0:
		return true, 2
	}
	return false, 0
}

// unboundDash reports whether s has a dash, en dash or plus with a space
// or no-break space right before and right after it (as dashRe needs)
// that is not bound already: one no-break space before it and one space
// after, with neither before or after them (dashRe's replacement of that
// is the same text).
func unboundDash(s string) bool {
	for i := 1; i < len(s); i++ {
		n := charAt(s, i, '-', '+', "–", "–")
		if n == 0 {
			continue
		}
		nbspBefore := i >= 2 && s[i-2] == 0xC2 && s[i-1] == 0xA0
		if !nbspBefore && s[i-1] != ' ' {
			continue
		}
		after, k := isSpace(s, i+n)
		if !after {
			continue
		}
		if !nbspBefore || k != 1 || spaceEnds(s, i-2) {
			return true
		}
		if more, _ := isSpace(s, i+n+1); more {
			return true
		}
	}
	return false
}

// charAt is the length of the character at i in s if it is the ASCII
// byte a or b or one of the three-byte characters w1, w2 (which start with
// 0xE2), else 0.
func charAt(s string, i int, a, b byte, w1, w2 string) int {
	switch c := s[i]; {
	case c == a || c == b:
		return 1
	case c == 0xE2 && (strings.HasPrefix(s[i:], w1) || strings.HasPrefix(s[i:], w2)):
		return 3
	}
	return 0
}

// spaceEnds reports whether a space or a no-break space ends at i in s.
func spaceEnds(s string, i int) bool {
	return i >= 1 && s[i-1] == ' ' || i >= 2 && s[i-2] == 0xC2 && s[i-1] == 0xA0
}

// numberUnit reports whether s has an ASCII digit, spaces and a letter
// one of unitRe's units starts with (k, h, t, n, m, đ), as unitRe needs.
func numberUnit(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] < '0' || s[i] > '9' || s[i+1] != ' ' {
			continue
		}
		j := i + 1
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if j < len(s) {
			switch s[j] {
			case 'k', 'h', 't', 'n', 'm':
				return true
			case 0xC4: // đ is C4 91
				if j+1 < len(s) && s[j+1] == 0x91 {
					return true
				}
			}
		}
	}
	return false
}

// signNumber reports whether s has a comparison sign (≥ ≤ < >), a space
// and an ASCII digit, as signRe needs.
func signNumber(s string) bool {
	for i := 0; i < len(s); i++ {
		n := charAt(s, i, '<', '>', "≥", "≤")
		if n == 0 {
			continue
		}
		if j := i + n; j+1 < len(s) && s[j] == ' ' && s[j+1] >= '0' && s[j+1] <= '9' {
			return true
		}
	}
	return false
}

// digitSpace reports whether s has an ASCII digit followed by a space,
// where unitRe's matches begin.
func digitSpace(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] == ' ' && s[i-1] >= '0' && s[i-1] <= '9' {
			return true
		}
	}
	return false
}
