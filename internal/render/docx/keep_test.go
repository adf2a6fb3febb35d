package docx

import (
	"strings"
	"testing"

	"kehoach/internal/doc"
)

// keeps reports whether a <w:p> carries <w:keepNext/> directly.
func keeps(p string) bool { return strings.Contains(p, "<w:keepNext/>") }

// A Spacer and a Rule belong to the block before them: after a paragraph
// that keeps with the next they keep too, so the chain closing sentence →
// spacer → signature block is never cut at the spacer (Word and LibreOffice
// break a page wherever one paragraph of the chain lacks keepNext).
func TestKeepChainThroughSpacer(t *testing.T) {
	t.Parallel()
	closing := func(keep bool) *doc.Paragraph {
		return &doc.Paragraph{Style: doc.StyleBody, KeepNext: keep, Runs: []doc.Run{{Text: "Trên đây là Kế hoạch …./."}}}
	}
	tests := []struct {
		name   string
		blocks []doc.Block
		want   []bool // keepNext of each top-level paragraph before the block
	}{
		{"KeepNext paragraph, spacer, signature",
			[]doc.Block{closing(true), &doc.Spacer{Height: 2}, signatureBlock()}, []bool{true, true}},
		{"two spacers",
			[]doc.Block{closing(true), &doc.Spacer{Height: 2}, &doc.Spacer{Height: 3}, signatureBlock()}, []bool{true, true, true}},
		{"heading by its style, spacer",
			[]doc.Block{para(doc.StyleHeading2, "1. Mục tiêu"), &doc.Spacer{Height: 2}, signatureBlock()}, []bool{false, true}},
		{"kept paragraph, rule, spacer",
			[]doc.Block{para(doc.StyleTrichYeu, "Trích yếu"), &doc.Rule{Length: 40}, &doc.Spacer{Height: 2}, signatureBlock()}, []bool{true, true, true}},
		// Without a keep before it, white space does not glue anything.
		{"plain paragraph, spacer",
			[]doc.Block{closing(false), &doc.Spacer{Height: 2}, signatureBlock()}, []bool{false, false}},
		{"paragraph kept only with its rule, then a spacer",
			[]doc.Block{para(doc.StyleBody, "x"), &doc.Rule{Length: 40}, &doc.Spacer{Height: 2}, signatureBlock()}, []bool{true, false, false}},
		{"kept paragraph, page break, spacer",
			[]doc.Block{closing(true), &doc.PageBreak{}, &doc.Spacer{Height: 2}, signatureBlock()}, []bool{true, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := oneSection(t, tt.blocks...)
			ps := paragraphs(body[:strings.Index(body, "<w:tbl>")])
			if len(ps) != len(tt.want) {
				t.Fatalf("%d paragraphs before the block, want %d:\n%s", len(ps), len(tt.want), body)
			}
			for i, p := range ps {
				if keeps(p) != tt.want[i] {
					t.Errorf("paragraph %d: keepNext %v, want %v\n%s", i+1, keeps(p), tt.want[i], p)
				}
			}
		})
	}
}

// A KeepTogether block nested in a kept column keeps its last paragraphs
// with what follows too; the outer block's own ends do not.
func TestKeepTogetherNested(t *testing.T) {
	t.Parallel()
	inner := &doc.Columns{Widths: []float64{30, 30}, KeepTogether: true, Cols: [][]doc.Block{
		{para(doc.StyleRecipItem, "a1"), para(doc.StyleRecipItem, "a2")},
		{para(doc.StyleRecipItem, "b1")},
	}}
	outer := &doc.Columns{Widths: []float64{60, 60}, KeepTogether: true, Cols: [][]doc.Block{
		{inner, para(doc.StyleRecipItem, "after")},
		{para(doc.StyleRecipItem, "c1"), para(doc.StyleRecipItem, "c2")},
	}}
	body := oneSection(t, outer)
	want := map[string]bool{"a1": true, "a2": true, "b1": true, "after": false, "c1": true, "c2": false}
	for _, p := range paragraphs(body) {
		for text, k := range want {
			if strings.Contains(p, "<w:t>"+text+"</w:t>") && keeps(p) != k {
				t.Errorf("%s: keepNext %v, want %v", text, keeps(p), k)
			}
		}
	}
}
