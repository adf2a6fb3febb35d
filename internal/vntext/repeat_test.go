package vntext

import (
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// repeatFindingsRef is repeatFindings as it was before it compared first
// letters and computed the gaps once.
func repeatFindingsRef(s string, toks []token) []Finding {
	var fs []Finding
	lows := make([]string, len(toks))
	low := func(i int) string {
		if lows[i] == "" {
			lows[i] = toLower(toks[i].text)
		}
		return lows[i]
	}
	gap := func(i int) bool {
		return onlySpaceBetween(s, toks[i].end, toks[i+1].start) && toks[i].end < toks[i+1].start
	}
	for i := 0; i+1 < len(toks); i++ {
		if i+3 < len(toks) && gap(i) && gap(i+1) && gap(i+2) && low(i) == low(i+2) && low(i+1) == low(i+3) && low(i) != low(i+1) {
			w := s[toks[i].start:toks[i+1].end]
			fs = append(fs, Finding{Rule: RuleRepeat, Severity: Warning, Start: toks[i+1].end, End: toks[i+3].end,
				Msg:     fmt.Sprintf("“%s” bị gõ lặp hai lần liền nhau", w),
				Suggest: fmt.Sprintf("xóa “%s” thứ hai", w), Fix: strPtr("")})
			i += 3
			continue
		}
		if !gap(i) || low(i) != low(i+1) || reduplications()[low(i)] || toks[i].digitAdj || toks[i+1].digitAdj ||
			getLexicon().known(toLower(NormaliseTone(low(i), ToneCu))+" "+toLower(NormaliseTone(low(i), ToneCu))) {
			continue
		}
		w := toks[i].text
		fs = append(fs, Finding{Rule: RuleRepeat, Severity: Warning, Start: toks[i].end, End: toks[i+1].end,
			Msg:     fmt.Sprintf("“%s %s”: từ “%s” bị gõ lặp", w, toks[i+1].text, w),
			Suggest: fmt.Sprintf("xóa “%s” thứ hai", toks[i+1].text), Fix: strPtr("")})
		i++
	}
	return fs
}

// repeatFindings finds what the reference finds, on the YAML lines of the
// repository and on random runs of words that repeat, in any case.
func TestRepeatFindingsSameAsRef(t *testing.T) {
	samples := classreSamples(t)
	words := []string{"của", "Của", "CỦA", "xây", "dựng", "Xây", "nhà", "Nhà", "chôm", "İ", "i", "\u212a", "k", "K", "ư", "Ư", "a", "2", "7km"}
	seps := []string{" ", "  ", "\t", ", ", "\n", ""}
	rng := rand.New(rand.NewSource(1))
	for range 30000 {
		var b strings.Builder
		for range rng.Intn(9) {
			b.WriteString(words[rng.Intn(len(words))])
			b.WriteString(seps[rng.Intn(len(seps))])
		}
		samples = append(samples, b.String())
	}
	found := 0
	for _, s := range samples {
		n := Normalise(s)
		toks := wordsOf(n)
		got, want := repeatFindings(n, toks), repeatFindingsRef(n, toks)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: %+v, want %+v", s, got, want)
		}
		found += len(want)
	}
	if found < 1000 {
		t.Errorf("only %d findings: the samples do not test much", found)
	}
}

// Checking many strings with one Words, whose slices each string reuses,
// finds for each what checking it alone finds.
func TestSharedWordsSameAsAlone(t *testing.T) {
	shared := Options{Words: new(Words)}
	for _, s := range classreSamples(t) {
		n := Normalise(s)
		got, want := CheckNormalised(s, n, shared), CheckNormalised(s, n, Options{})
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: %+v, want %+v", s, got, want)
		}
	}
}
