package vntext

import "testing"

// BenchmarkLexicon measures parsing the embedded word lists into the
// lexicon, the work getLexicon does once per process on first use.
func BenchmarkLexicon(b *testing.B) {
	src := wordsTxt + "\n" + adminTxt
	b.ReportAllocs()
	for b.Loop() {
		parseLexicon(src)
	}
}
