package vntext

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Numbers in Vietnamese prose (spec §3.1, CLDR vi): "." groups thousands,
// "," marks decimals (1.282,2 ha; 3.900 triệu đồng), a number is separated
// from its unit by a space (07 km), and % follows the number directly
// (64,3%). Dates are written dd/mm/yyyy with a leading zero for days below
// 10 and for months 1 and 2 (ND30 PL I: "ngày 05 tháng 02 năm 2025"), so
// "22/02/2022" and "29/7/2025" pass, "2022-02-22", "22.02.2022" and
// "5/3/2020" are flagged. A month 3–12 written with a zero ("29/07/2025") is
// accepted.

// measureUnits are units of measure and money, matched exactly (SI case) or,
// for Vietnamese words, in lower case.
func measureUnits(w string) bool {
	switch w {
	case "km", "m", "cm", "mm", "dm", "ha", "kg", "g", "m2", "m3", "km2", "ml", "l", "kW", "kWh",
		"MW", "MWh", "kV", "W", "V", "USD", "VNĐ", "VND", "đ", "tấn", "tạ", "yến", "lít",
		"triệu", "tỷ", "tỉ", "nghìn", "ngàn", "đồng":
		return true
	}
	return false
}

// countWords are nouns a number should not be glued to either (349người).
func countWords(w string) bool {
	switch w {
	case "trăm", "người", "hộ", "năm", "tháng", "ngày", "giờ", "phút", "lần", "tuổi", "lớp",
		"trường", "xã", "bản":
		return true
	}
	return false
}

// isMeasureUnit reports whether w is a unit of measure or money.
func isMeasureUnit(w string) bool {
	return measureUnits(w) || (hasVietMarks(w) && measureUnits(toLower(w)))
}

// numTok is a run of digits with inner "." or "," separators.
type numTok struct {
	start, end int
	text       string
}

// numbersOf finds the numbers of s: digits, with a "." or "," kept only when
// a digit follows it.
func numbersOf(s string) []numTok {
	var out []numTok
	i := 0
	for i < len(s) {
		c := s[i]
		if c < '0' || c > '9' {
			i++
			continue
		}
		st := i
		for i < len(s) {
			if s[i] >= '0' && s[i] <= '9' {
				i++
				continue
			}
			if (s[i] == '.' || s[i] == ',') && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
				i++
				continue
			}
			break
		}
		out = append(out, numTok{st, i, s[st:i]})
	}
	return out
}

// hasASCIIDigit is strings.ContainsAny(s, "0123456789"), without the set
// ContainsAny builds on each call.
func hasASCIIDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// numberFindings runs ngay-thang, so-phan-cach, so-don-vi and so-phan-tram.
func numberFindings(s string) []Finding {
	if !hasASCIIDigit(s) {
		return nil
	}
	var fs []Finding
	dates := dateFindings(s)
	fs = append(fs, dates.findings...)
	for _, n := range numbersOf(s) {
		if overlaps(dates.spans, n.start, n.end) {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(s[:n.start])
		if isWordRune(before) || before == '/' || before == '-' && n.start >= 2 && isWordRune(runeBefore(s, n.start-1)) {
			continue // part of a code: H5N1, QĐ-1, 263/QĐ
		}
		fs = append(fs, separatorFindings(s, n)...)
		fs = append(fs, unitFindings(s, n)...)
		fs = append(fs, percentFindings(s, n)...)
	}
	return fs
}

func runeBefore(s string, i int) rune {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

// followedByUnitOrPercent reports whether a unit word or % follows the
// number ending at end (after optional blanks).
func followedByUnitOrPercent(s string, end int) bool {
	i := end
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	if strings.HasPrefix(s[i:], "\u00a0") {
		i += 2
	}
	if i < len(s) && s[i] == '%' {
		return true
	}
	return isMeasureUnit(leadingWord(s[i:]))
}

// leadingWord returns the letters (and digits after a letter, as in m2) at
// the start of s.
func leadingWord(s string) string {
	for i, r := range s {
		if !(isWordRune(r) || (i > 0 && isDigit(r))) {
			return s[:i]
		}
	}
	return s
}

// separatorFindings flags English-style separators.
func separatorFindings(s string, n numTok) []Finding {
	t := n.text
	if !strings.ContainsAny(t, ".,") {
		return nil
	}
	groups := strings.FieldsFunc(t, func(r rune) bool { return r == '.' || r == ',' })
	var seps []byte
	for i := 0; i < len(t); i++ {
		if t[i] == '.' || t[i] == ',' {
			seps = append(seps, t[i])
		}
	}
	threes := func(gs []string) bool {
		for _, g := range gs {
			if len(g) != 3 {
				return false
			}
		}
		return true
	}
	mk := func(fix *string, sug string) []Finding {
		return []Finding{{Rule: RuleNumSep, Severity: Warning, Start: n.start, End: n.end,
			Msg:     fmt.Sprintf("số “%s” viết dấu phân cách kiểu tiếng Anh; tiếng Việt dùng dấu chấm phân cách hàng nghìn và dấu phẩy trước phần thập phân", t),
			Suggest: sug, Fix: fix}}
	}
	allCommas := !strings.Contains(t, ".")
	lastDot := seps[len(seps)-1] == '.'
	switch {
	case lastDot && len(seps) >= 2 && !strings.Contains(string(seps[:len(seps)-1]), ".") && len(groups[0]) <= 3 && threes(groups[1:len(groups)-1]):
		// 1,282.2 → 1.282,2
		v := strings.Join(groups[:len(groups)-1], ".") + "," + groups[len(groups)-1]
		return mk(strPtr(v), "viết “"+v+"”")
	case allCommas && len(seps) >= 2 && len(groups[0]) <= 3 && threes(groups[1:]):
		// 1,282,000 → 1.282.000
		v := strings.Join(groups, ".")
		return mk(strPtr(v), "viết “"+v+"”")
	case allCommas && len(seps) == 1 && len(groups[0]) <= 3 && groups[0] != "0" && len(groups[1]) == 3 && followedByUnitOrPercent(s, n.end):
		// 3,900: thousands in English, or a decimal with three places?
		v := groups[0] + "." + groups[1]
		d := groups[0] + "," + strings.TrimRight(groups[1], "0")
		if strings.HasSuffix(d, ",") {
			d = groups[0]
		}
		return mk(nil, fmt.Sprintf("nếu là số nguyên, viết “%s”; nếu là số thập phân, viết gọn “%s”", v, d))
	case len(seps) == 1 && seps[0] == '.' && len(groups[1]) != 3 && followedByUnitOrPercent(s, n.end):
		// 12.5% or 1.5 ha: an English decimal point.
		v := groups[0] + "," + groups[1]
		return mk(strPtr(v), "viết “"+v+"”")
	}
	return nil
}

// unitFindings flags a unit glued to the number (7km, 54triệu).
func unitFindings(s string, n numTok) []Finding {
	w := leadingWord(s[n.end:])
	if w == "" {
		return nil
	}
	after := s[n.end+len(w):]
	if r, _ := utf8.DecodeRuneInString(after); isWordRune(r) || r == '-' {
		return nil
	}
	if !isMeasureUnit(w) && !countWords(w) {
		return nil
	}
	v := n.text + " " + w
	return []Finding{{Rule: RuleNumUnit, Severity: Warning, Start: n.start, End: n.end + len(w),
		Msg:     fmt.Sprintf("“%s”: số viết liền với đơn vị", s[n.start:n.end+len(w)]),
		Suggest: fmt.Sprintf("để một khoảng trắng giữa số và đơn vị: “%s”", v),
		Fix:     strPtr(v)}}
}

// percentFindings flags a blank between the number and %.
func percentFindings(s string, n numTok) []Finding {
	i := n.end
	for i < len(s) {
		r, k := utf8.DecodeRuneInString(s[i:])
		if !isBlank(r) {
			break
		}
		i += k
	}
	if i == n.end || i >= len(s) || s[i] != '%' {
		return nil
	}
	return []Finding{{Rule: RulePercent, Severity: Warning, Start: n.start, End: i + 1,
		Msg:     fmt.Sprintf("“%s”: có khoảng trắng trước dấu %%", s[n.start:i+1]),
		Suggest: fmt.Sprintf("viết liền “%s%%” (quy ước tiếng Việt, CLDR vi)", n.text),
		Fix:     strPtr(n.text + "%")}}
}

type dateResult struct {
	findings []Finding
	spans    []span
}

// dateFindings finds dates d/m/yyyy, d.m.yyyy, d-m-yyyy and yyyy-m-d.
func dateFindings(s string) dateResult {
	var res dateResult
	i := 0
	for i < len(s) {
		if s[i] < '0' || s[i] > '9' || (i > 0 && (isDigitByte(s[i-1]) || s[i-1] == '/' || s[i-1] == '.' || s[i-1] == ',' || s[i-1] == '-')) {
			i++
			continue
		}
		parts, seps, end := dateParts(s, i)
		if len(parts) != 3 || seps[0] != seps[1] || (end < len(s) && (isDigitByte(s[end]) || s[end] == '/' || (s[end] == '.' || s[end] == '-' || s[end] == ',') && end+1 < len(s) && isDigitByte(s[end+1]))) {
			i++
			for i < len(s) && isDigitByte(s[i]) {
				i++
			}
			continue
		}
		var d, m, y string
		iso := false
		switch {
		case len(parts[0]) <= 2 && len(parts[1]) <= 2 && len(parts[2]) == 4:
			d, m, y = parts[0], parts[1], parts[2]
		case len(parts[0]) == 4 && len(parts[1]) <= 2 && len(parts[2]) <= 2 && seps[0] != '.':
			y, m, d = parts[0], parts[1], parts[2]
			iso = true
		default:
			i = end
			continue
		}
		res.spans = append(res.spans, span{i, end})
		orig := s[i:end]
		di, _ := strconv.Atoi(d)
		mi, _ := strconv.Atoi(m)
		yi, _ := strconv.Atoi(y)
		if mi < 1 || mi > 12 || di < 1 || di > daysIn(mi, yi) {
			res.findings = append(res.findings, Finding{Rule: RuleDate, Severity: Error, Start: i, End: end,
				Msg:     fmt.Sprintf("“%s” không phải là ngày có thật", orig),
				Suggest: "kiểm tra lại ngày, tháng, năm"})
			i = end
			continue
		}
		want := pad(di, 10) + "/" + monthStr(m, mi) + "/" + y
		switch {
		case iso || seps[0] != '/':
			res.findings = append(res.findings, Finding{Rule: RuleDate, Severity: Warning, Start: i, End: end,
				Msg:     fmt.Sprintf("ngày “%s” không viết theo dạng ngày/tháng/năm", orig),
				Suggest: fmt.Sprintf("viết “%s”", want),
				Fix:     strPtr(want)})
		case orig != want:
			res.findings = append(res.findings, Finding{Rule: RuleDate, Severity: Warning, Start: i, End: end,
				Msg:     fmt.Sprintf("ngày “%s” thiếu số 0 ở trước (Nghị định 30: ngày nhỏ hơn 10 và tháng 1, 2 ghi thêm số 0)", orig),
				Suggest: fmt.Sprintf("viết “%s”", want),
				Fix:     strPtr(want)})
		}
		i = end
	}
	return res
}

// dateParts reads up to three digit groups joined by / . or - from s[i:].
func dateParts(s string, i int) (parts []string, seps []byte, end int) {
	j := i
	for len(parts) < 3 {
		k := j
		for k < len(s) && isDigitByte(s[k]) {
			k++
		}
		if k == j {
			break
		}
		parts = append(parts, s[j:k])
		j = k
		if len(parts) == 3 || j+1 >= len(s) || (s[j] != '/' && s[j] != '.' && s[j] != '-') || !isDigitByte(s[j+1]) {
			break
		}
		seps = append(seps, s[j])
		j++
	}
	if len(seps) < 2 {
		seps = append(seps, 0, 1)
	}
	return parts, seps, j
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// pad writes v with a leading zero when below limit.
func pad(v, limit int) string {
	if v < limit {
		return "0" + strconv.Itoa(v)
	}
	return strconv.Itoa(v)
}

// monthStr keeps a month 3–12 as written (7 or 07) and pads 1 and 2.
func monthStr(orig string, m int) string {
	if m <= 2 {
		return pad(m, 10)
	}
	return orig
}

func daysIn(m, y int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
