package vntext

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// spaceFindingsRef is spaceFindings as it was before it skipped the bytes
// that start no blank.
func spaceFindingsRef(s string) []Finding {
	var fs []Finding
	i := 0
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf && c != ' ' && c != '\t' {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isBlank(r) {
			i += n
			continue
		}
		st := i
		for i < len(s) {
			r, n = utf8.DecodeRuneInString(s[i:])
			if !isBlank(r) {
				break
			}
			i += n
		}
		en := i
		prev, _ := utf8.DecodeLastRuneInString(s[:st])
		next, _ := utf8.DecodeRuneInString(s[en:])
		lineStart := st == 0 || prev == '\n' || prev == '\r'
		lineEnd := en == len(s) || next == '\n' || next == '\r'
		if lineStart || lineEnd {
			continue
		}
		switch {
		case strings.ContainsRune(closersNoSpaceBefore, next) && !(next == '.' && nextIsDigit(s, en)):
			fs = append(fs, Finding{Rule: RulePunctSpace, Severity: Warning, Start: st, End: en,
				Msg:     fmt.Sprintf("có khoảng trắng trước dấu “%c”", next),
				Suggest: fmt.Sprintf("viết dấu “%c” liền với chữ đứng trước", next),
				Fix:     strPtr("")})
		case strings.ContainsRune(openersNoSpaceAfter, prev):
			fs = append(fs, Finding{Rule: RulePunctSpace, Severity: Warning, Start: st, End: en,
				Msg:     fmt.Sprintf("có khoảng trắng sau dấu “%c”", prev),
				Suggest: fmt.Sprintf("viết chữ liền sau dấu “%c”", prev),
				Fix:     strPtr("")})
		case utf8.RuneCountInString(s[st:en]) >= 2:
			fs = append(fs, Finding{Rule: RuleSpaces, Severity: Warning, Start: st, End: en,
				Msg:     fmt.Sprintf("có %d khoảng trắng liền nhau", utf8.RuneCountInString(s[st:en])),
				Suggest: "chỉ để một khoảng trắng",
				Fix:     strPtr(" ")})
		}
	}
	return fs
}

// Every blank past ASCII starts with one of the bytes spaceFindings
// decodes at; spaceFindings finds what the reference finds on the YAML
// lines, on every blank between words and on random strings.
func TestSpaceFindingsSameAsRef(t *testing.T) {
	samples := classreSamples(t)
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if !isBlank(r) {
			continue
		}
		if c := string(r)[0]; c != 0xC2 && c != 0xE1 && c != 0xE2 && c != 0xE3 {
			t.Fatalf("blank %U starts with %#x", r, c)
		}
		samples = append(samples, "a"+string(r)+string(r)+"b", "a "+string(r)+",", "(\xe2"+string(r)+"x", "x\xc2 "+string(r)+" y")
	}
	for _, s := range samples {
		if got, want := spaceFindings(s), spaceFindingsRef(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("spaceFindings(%q) = %+v, want %+v", s, got, want)
		}
	}
}

// telexTone is the map it replaced, for every byte.
func TestTelexToneSameAsMap(t *testing.T) {
	ref := map[byte]tone{'s': toneSac, 'f': toneHuyen, 'r': toneHoi, 'x': toneNga, 'j': toneNang}
	for c := 0; c < 256; c++ {
		got, ok := telexTone(byte(c))
		want, wok := ref[byte(c)]
		if got != want || ok != wok {
			t.Fatalf("telexTone(%#x) = %v %v, want %v %v", c, got, ok, want, wok)
		}
	}
}

// isCloser and isOpener are the searches they replaced, for every rune.
func TestCloserOpenerSameAsContains(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		if isCloser(r) != strings.ContainsRune(closersNoSpaceBefore, r) || isOpener(r) != strings.ContainsRune(openersNoSpaceAfter, r) {
			t.Fatalf("%U: closer %v, opener %v", r, isCloser(r), isOpener(r))
		}
	}
}
