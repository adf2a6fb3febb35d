package vntext

import "testing"

// BenchmarkLexicon measures opening the embedded word index, the work
// getLexicon does once per process on first use (reading the lists into
// maps took ~28 ms).
func BenchmarkLexicon(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := openLexicon(lexiconIndex); !ok {
			b.Fatal("index does not open")
		}
	}
}

// BenchmarkEncodeLexicon measures building the index from the lists, the
// work go generate does.
func BenchmarkEncodeLexicon(b *testing.B) {
	words, admin := wordLists(b)
	b.ReportAllocs()
	for b.Loop() {
		encodeLexicon(words + "\n" + admin)
	}
}
