package textcheck

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"kehoach/internal/testkit"
)

// citeSamples are the lines of every YAML file of plans/, testdata/ and
// templates/ (with their blanks dropped as ParseDocNumber drops them), and
// random strings over an alphabet that meets every class of the citation
// expressions.
func citeSamples(t *testing.T) []string {
	var out []string
	for _, l := range testkit.RepoYAMLLines(t) {
		out = append(out, l, docNumberBlanks().Replace(strings.TrimSpace(l)))
		if _, v, ok := strings.Cut(l, ": "); ok {
			out = append(out, strings.Trim(docNumberBlanks().Replace(v), `"'`))
		}
	}
	alphabet := []string{"1", "2", "0", "2025", " ", "\t", "/", "-", "–", "—", "A", "QĐ", "Đ", "ư", "ệ", "TTg", "x", ".", ",", "\u00a0", "\xff", "日", "Ⅷ", "５"}
	return append(out, testkit.RandomStrings(30000, 14, alphabet)...)
}

// numRe and refNumRe, over the class bytes, find what numExpr and
// refNumExpr find.
func TestCiteRegexpsSameAsExpr(t *testing.T) {
	num, ref := regexp.MustCompile(numExpr), regexp.MustCompile(refNumExpr)
	nNum, nRef := 0, 0
	for _, s := range citeSamples(t) {
		if got, want := numRe.FindStringSubmatch(s), num.FindStringSubmatch(s); !slices.Equal(got, want) || (got == nil) != (want == nil) {
			t.Fatalf("numRe on %q: %q, want %q", s, got, want)
		} else if want != nil {
			nNum++
		}
		got, want := refNumRe.FindAllStringIndex(s, -1), ref.FindAllStringIndex(s, -1)
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("refNumRe on %q: %v, want %v", s, got, want)
		}
		nRef += len(want)
	}
	if nNum < 50 || nRef < 100 {
		t.Errorf("only %d and %d matches: the samples do not test much", nNum, nRef)
	}
}

// hasU is the two searches it replaced, on the YAML lines of the
// repository, random strings and every byte string of up to 4 bytes over
// the bytes it looks at.
func TestHasUSameAsContains(t *testing.T) {
	ref := func(s string) bool { return strings.Contains(s, "ử") || strings.Contains(s, "Ử") }
	samples := citeSamples(t)
	bs := []byte{0xE1, 0xBB, 0xAD, 0xAC, 'a', 0xC3}
	var walk func(p []byte)
	walk = func(p []byte) {
		samples = append(samples, string(p))
		if len(p) < 4 {
			for _, b := range bs {
				walk(append(p, b))
			}
		}
	}
	walk(nil)
	for _, extra := range []string{"Kính gửi", "KÍNH GỬI", "ậ í ử", "ŭ"} {
		samples = append(samples, extra, "x"+extra+"y")
	}
	for _, s := range samples {
		if hasU(s) != ref(s) {
			t.Fatalf("hasU(%q) = %v", s, hasU(s))
		}
	}
}
