package vn

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Year is a whole number of four digits in a text, read as a year: its byte
// span, its value, whether it follows the word “năm” (“năm 2025”) and
// whether it is an end of a range of numbers (“2021-2025”, “2025 – 2026”).
type Year struct {
	Start, End int
	Value      int
	Nam        bool
	InRange    bool
}

// Years lists the four-digit whole numbers of s (a digit run of another
// length is no year), in order. It is the one reading of years shared by
// kehoach new (which rewrites them) and kehoach check (which compares them
// with the plan year).
func Years(s string) []Year {
	var out []Year
	for i := 0; i < len(s); {
		if s[i] < '0' || s[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j-i == 4 {
			v, _ := strconv.Atoi(s[i:j])
			out = append(out, Year{Start: i, End: j, Value: v, Nam: afterNam(s, i), InRange: InRange(s, i, j)})
		}
		i = j
	}
	return out
}

// afterNam reports whether s[:i] ends with the word “năm” and blanks.
func afterNam(s string, i int) bool {
	before := strings.TrimRight(s[:i], " \u00a0")
	if len(before) == len(s[:i]) {
		return false
	}
	w := before
	for _, form := range []string{"năm", "Năm", "NĂM"} {
		if strings.HasSuffix(w, form) {
			w = w[:len(w)-len(form)]
			r, _ := utf8.DecodeLastRuneInString(w)
			return w == "" || !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_')
		}
	}
	return false
}

// InRange reports whether the number at s[i:j] is an end of a range of
// numbers ("2021-2025", "2025 – 2026").
func InRange(s string, i, j int) bool {
	dash := func(r rune) bool { return r == '-' || r == '–' || r == '—' }
	rest := strings.TrimLeft(s[j:], " \u00a0")
	if r, n := utf8.DecodeRuneInString(rest); n > 0 && dash(r) {
		rest = strings.TrimLeft(rest[n:], " \u00a0")
		if r2, _ := utf8.DecodeRuneInString(rest); unicode.IsDigit(r2) {
			return true
		}
	}
	before := strings.TrimRight(s[:i], " \u00a0")
	if r, n := utf8.DecodeLastRuneInString(before); n > 0 && dash(r) {
		before = strings.TrimRight(before[:len(before)-n], " \u00a0")
		if r2, _ := utf8.DecodeLastRuneInString(before); unicode.IsDigit(r2) {
			return true
		}
	}
	return false
}

// Date is a date written in a text, “22/02/2022” or “ngày 05 tháng 3 năm
// 2020”, with its byte span.
type Date struct {
	Start, End       int
	Day, Month, Year int
}

// Dates lists the dates of s written d/m/yyyy (also with “.” or “-”) or
// “ngày d tháng m năm yyyy”, in order.
func Dates(s string) []Date {
	var out []Date
	for i := 0; i < len(s); {
		// A date starts at a digit (d/m/yyyy) or at the n of “ngày”
		// (strings.IndexAny, whose set it builds on each call, stops as
		// often: n is one of the most common letters).
		if c := s[i]; !(c >= '0' && c <= '9' || c == 'n' || c == 'N') {
			i++
			continue
		}
		if d, ok := longDate(s, i); ok {
			out = append(out, d)
			i = d.End
			continue
		}
		if d, ok := shortDate(s, i); ok {
			out = append(out, d)
			i = d.End
			continue
		}
		i++
	}
	return out
}

// digits reads a run of 1 to max digits at s[i:].
func digits(s string, i, max int) (int, int, bool) {
	j := i
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j == i || j-i > max {
		return 0, i, false
	}
	v, _ := strconv.Atoi(s[i:j])
	return v, j, true
}

func shortDate(s string, i int) (Date, bool) {
	if i > 0 && (s[i-1] >= '0' && s[i-1] <= '9' || s[i-1] == '/' || s[i-1] == '.' || s[i-1] == '-') {
		return Date{}, false
	}
	d, j, ok := digits(s, i, 2)
	if !ok || j >= len(s) || !strings.ContainsRune("/.-", rune(s[j])) {
		return Date{}, false
	}
	sep := s[j]
	m, k, ok := digits(s, j+1, 2)
	if !ok || k >= len(s) || s[k] != sep {
		return Date{}, false
	}
	y, e, ok := digits(s, k+1, 4)
	if !ok || e-k-1 != 4 || (e < len(s) && (s[e] >= '0' && s[e] <= '9' || s[e] == '/')) {
		return Date{}, false
	}
	if d < 1 || d > 31 || m < 1 || m > 12 {
		return Date{}, false
	}
	return Date{Start: i, End: e, Day: d, Month: m, Year: y}, true
}

func longDate(s string, i int) (Date, bool) {
	const ngay, thang, nam = "ngày ", "tháng ", "năm "
	rest := s[i:]
	if !strings.HasPrefix(rest, ngay) && !strings.HasPrefix(rest, "Ngày ") {
		return Date{}, false
	}
	j := i + len(ngay)
	d, j, ok := digits(s, j, 2)
	if !ok || !strings.HasPrefix(s[j:], " "+thang) {
		return Date{}, false
	}
	m, j, ok := digits(s, j+1+len(thang), 2)
	if !ok || !strings.HasPrefix(s[j:], " "+nam) {
		return Date{}, false
	}
	y, e, ok := digits(s, j+1+len(nam), 4)
	if !ok || y < 1000 {
		return Date{}, false
	}
	return Date{Start: i, End: e, Day: d, Month: m, Year: y}, true
}

// DateAt reads a date written at s[i:] (“22/02/2022” or “ngày 05 tháng 3
// năm 2020”), and false when none starts there.
func DateAt(s string, i int) (Date, bool) {
	if d, ok := longDate(s, i); ok {
		return d, true
	}
	return shortDate(s, i)
}
