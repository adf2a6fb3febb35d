package docx

import (
	"regexp"
	"strconv"
	"testing"

	"kehoach/internal/doc"
	"kehoach/internal/style"
)

var ruleAfterRE = regexp.MustCompile(`<w:pBdr>.*?<w:spacing w:before="40" w:after="(\d+)" w:line="20" w:lineRule="exact"/>`)

// A rule paragraph is the 0.5 pt top border over a 1 pt exact line; its
// space after tops up the white space under the border to the profile's
// RuleSpaceBelow (6 pt = 120 twips), counting the 1 pt line, Spacers and
// the next paragraph's space before.
func TestRuleSpaceBelow(t *testing.T) {
	t.Parallel()
	p := style.Default()
	need := ptTw(p.RuleSpaceBelow)
	if need < 120 {
		t.Fatalf("profile RuleSpaceBelow %v pt, want ≥ 6", p.RuleSpaceBelow)
	}
	cancu := para(doc.StyleCanCu, "Căn cứ")
	tests := []struct {
		name  string
		after []doc.Block
		want  int // twips
	}{
		{"then a paragraph with no space before", []doc.Block{cancu}, need - tinyLine},
		{"then a list item", []doc.Block{&doc.ListItem{Style: doc.StyleBody, Runs: []doc.Run{{Text: "x"}}}}, need - tinyLine},
		{"then “Số:” (6 pt before)", []doc.Block{para(doc.StyleNumber, "Số:")}, max(need-tinyLine-120, 0)},
		{"then a 1 mm spacer", []doc.Block{&doc.Spacer{Height: 1}, cancu}, need - tinyLine - tw(1)},
		{"then a 2 mm spacer and a table", []doc.Block{&doc.Spacer{Height: 2}, bodyTable()}, max(need-tinyLine-tw(2), 0)},
		{"then a table", []doc.Block{bodyTable()}, need - tinyLine},
		{"then a page break", []doc.Block{&doc.PageBreak{}, cancu}, 0},
		{"last in the section", nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := oneSection(t, append([]doc.Block{para(doc.StyleTrichYeu, "Trích yếu"), &doc.Rule{Length: 40}}, tt.after...)...)
			m := ruleAfterRE.FindStringSubmatch(body)
			if m == nil {
				t.Fatalf("no rule paragraph in\n%s", body)
			}
			if got, _ := strconv.Atoi(m[1]); got != tt.want {
				t.Errorf("space after the rule %d twips, want %d", got, tt.want)
			}
		})
	}
	// The profile decides: 10 pt of white space.
	p.RuleSpaceBelow = 10
	parts, err := Parts(&doc.Document{Sections: []doc.Section{{Page: p.Page, Blocks: []doc.Block{
		para(doc.StyleTrichYeu, "Trích yếu"), &doc.Rule{Length: 40}, cancu,
	}}}}, p)
	if err != nil {
		t.Fatal(err)
	}
	if m := ruleAfterRE.FindStringSubmatch(string(parts[PartDocument])); m == nil || m[1] != strconv.Itoa(200-tinyLine) {
		t.Errorf("with a 10 pt profile value the rule's space after is %v, want %d", m, 200-tinyLine)
	}
}
