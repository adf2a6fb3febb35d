package vntext

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// kyHieuLinesRef is kyHieuLines as it was before it skipped bytes.
func kyHieuLinesRef(s string) []span {
	var out []span
	for i := 0; i < len(s); {
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

// capitalFindingsRef is capitalFindings as it was before it looked at
// the two pairs first.
func capitalFindingsRef(s string, toks []token) []Finding {
	var fs []Finding
	for i := 0; i+1 < len(toks); i++ {
		a, b := toks[i], toks[i+1]
		if !onlySpaceBetween(s, a.end, b.start) {
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
		fixed := upperFirst(a.text) + s[a.end:b.start] + b.text
		fs = append(fs, Finding{Rule: RuleCapital, Start: a.start, End: b.end, Fix: strPtr(fixed)})
	}
	return fs
}

// kyHieuLines and capitalFindings (its places and fixes) give the
// references' answers on the repository's YAML lines and random strings,
// with these phrases mixed in.
func TestKyHieuLinesAndCapitalSameAsRef(t *testing.T) {
	samples := classreSamples(t)
	for _, p := range []string{"theo nhà nước", "của nhân dân tệ", ", nhà nước", "Ủy ban nhân dân", "nhà  nước", "12 – QĐ", "\xe2\x80", "a\xe2-B", "37-\nQĐ"} {
		for _, s := range samples[:2000] {
			samples = append(samples, s+" "+p, p+s)
		}
	}
	for _, s := range samples {
		if got, want := kyHieuLines(s), kyHieuLinesRef(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("kyHieuLines(%q) = %v, want %v", s, got, want)
		}
		n := Normalise(s)
		toks := wordsOf(n)
		got, want := capitalFindings(n, toks), capitalFindingsRef(n, toks)
		if len(got) != len(want) {
			t.Fatalf("capitalFindings(%q): %d findings, want %d", s, len(got), len(want))
		}
		for i := range got {
			if got[i].Start != want[i].Start || got[i].End != want[i].End || *got[i].Fix != *want[i].Fix {
				t.Fatalf("capitalFindings(%q): %+v, want %+v", s, got[i], want[i])
			}
		}
	}
}
