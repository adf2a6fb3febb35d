package layout_test

import (
	"testing"

	"kehoach/internal/doc"
	"kehoach/internal/doc/doctest"
	"kehoach/internal/fonts"
	"kehoach/internal/layout"
)

// The white space under a rule is at least the profile's RuleSpaceBelow,
// counting the space already there (Spacers, the next paragraph's space
// before) rather than adding to it.
func TestRuleSpaceBelow(t *testing.T) {
	t.Parallel()
	need := prof.RuleSpaceBelow
	if need < 6 {
		t.Fatalf("profile RuleSpaceBelow = %v pt, want ≥ 6", need)
	}
	cancu := func() *doc.Paragraph {
		return doctest.P(doc.StyleCanCu, "Căn cứ Luật Tổ chức chính quyền địa phương;")
	}
	tests := []struct {
		name   string
		blocks []doc.Block
		want   float64 // pt from the rule's lower edge to the next line box's top
	}{
		{"paragraph without space before", []doc.Block{cancu()}, need},
		{"paragraph with 6 pt before", []doc.Block{doctest.P(doc.StyleNumber, "Số: 12/KH-UBND")}, 6},
		{"short spacer", []doc.Block{&doc.Spacer{Height: 1}, cancu()}, need},
		{"spacer taller than the need", []doc.Block{&doc.Spacer{Height: 5}, cancu()}, 5 * fonts.PtPerMM},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks := append([]doc.Block{doctest.P(doc.StyleTrichYeu, "Về việc thử"), &doc.Rule{Length: 40}}, tt.blocks...)
			p := lay(t, blocks...)[0]
			var rule layout.Item
			for _, it := range p.Items {
				if it.Role == layout.RoleRule {
					rule = it
				}
			}
			lines := body(p)
			next := lines[len(lines)-1]
			size := next.Items[0].Size
			lineTop := next.Y - (size*2355/2048-size*443/2048)/fonts.PtPerMM
			got := (lineTop - (rule.Y + rule.Thickness/fonts.PtPerMM/2)) * fonts.PtPerMM
			if d := got - tt.want; d > 0.01 || d < -0.01 {
				t.Errorf("white space under the rule %.3f pt, want %.3f", got, tt.want)
			}
		})
	}
}
