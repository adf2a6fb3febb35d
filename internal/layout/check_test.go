package layout_test

import (
	"strings"
	"testing"

	"kehoach/internal/doc"
	"kehoach/internal/doc/doctest"
	"kehoach/internal/fonts"
	"kehoach/internal/layout"
	"kehoach/internal/vn"
)

func para(style doc.StyleName, text string) *doc.Paragraph {
	return &doc.Paragraph{Style: style, Runs: []doc.Run{{Text: text}}, NoIndent: true, Align: doc.AlignLeft}
}

// narrow puts a paragraph in a borderless column just wide enough for
// fits (plus 1 mm), so that what follows wraps.
func narrow(text, fits string) doc.Block {
	w := fam.WidthMM(fonts.Regular, 14, fits) + 1
	return &doc.Columns{Widths: []float64{w}, Cols: [][]doc.Block{{para(doc.StyleBody, text)}}}
}

// TestCheck lays out small documents that each break one invariant (and
// their mended twins) and checks that Check reports exactly that fault,
// with the page and the text.
func TestCheck(t *testing.T) {
	t.Parallel()
	amount := &doc.Table{Columns: []float64{10}, Borders: true, Rows: []doc.Row{{Cells: []doc.Cell{{Paragraphs: []doc.Paragraph{{Style: doc.StyleTableCell, Runs: []doc.Run{{Text: "1.250"}}}}}}}}}
	wide := &doc.Table{Columns: []float64{20}, Borders: true, Rows: amount.Rows}
	var chain []doc.Block
	for i := 0; i < 60; i++ {
		p := para(doc.StyleBody, "Đoạn phải đi cùng đoạn sau")
		p.KeepNext = true
		chain = append(chain, p)
	}
	chain = append(chain, para(doc.StyleBody, "Cuối chuỗi"))
	centred := func(style doc.StyleName, text string) *doc.Paragraph {
		p := para(style, text)
		p.Align = doc.AlignCenter
		return p
	}
	spaced := []doc.Block{centred(doc.StyleTrichYeu, "Trích yếu"), &doc.Rule{Length: 40}, &doc.Spacer{Height: 2.2}, centred(doc.StyleBody, "Căn cứ")}
	aside := []doc.Block{centred(doc.StyleTrichYeu, "Trích yếu"), &doc.Rule{Length: 40}, para(doc.StyleBody, "Lề")} // not under the rule
	tests := []struct {
		name   string
		blocks []doc.Block
		want   []string // "page code text"
	}{
		{"amount wider than its column", []doc.Block{amount}, []string{"1 cat-tu 1.250"}},
		{"amount in a column that fits it", []doc.Block{wide}, nil},
		{"phrase dash starts a wrapped line", []doc.Block{narrow("kinh tế - xã hội", "kinh tế")}, []string{"1 gach-dau-dong kinh tế / - xã"}},
		{"phrase dash bound to the word before", []doc.Block{narrow(vn.Bind("kinh tế - xã hội"), "kinh tế")}, nil},
		{"a list item's own marker", []doc.Block{&doc.ListItem{Style: doc.StyleBody, Marker: "-", Level: 1, Runs: []doc.Run{{Text: doctest.Para(0, 2)}}}}, nil},
		{"keep chain taller than a page", chain, []string{"1 giu-trang Đoạn phải đi cùng đoạn sau"}},
		{"rule with 6 pt below", spaced, nil},
		{"text beside a rule, not under it", aside, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, p := range layout.Check(lay(t, tc.blocks...)) {
				got = append(got, strings.Join([]string{itoa(p.Page), p.Code, p.Text}, " "))
				if m := p.Message(); !strings.Contains(m, "trang "+itoa(p.Page)) {
					t.Errorf("message %q does not name the page", m)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("Check:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestCheckRuleGap measures the gap under a rule on hand-made pages (the
// layout itself always leaves the profile's space under a rule): text whose
// top is less than 6 pt under the rule is reported, text beside it or
// lower is not.
func TestCheckRuleGap(t *testing.T) {
	t.Parallel()
	rule := layout.Item{Kind: layout.KindLine, Role: layout.RoleRule, X: 80, Y: 30, X2: 120, Y2: 30, Thickness: 0.5}
	text := func(x, y float64, s string) layout.Item {
		return layout.Item{Kind: layout.KindText, Role: layout.RoleText, X: x, Y: y, W: 30, Size: 14, Text: s}
	}
	ascent := 14 * 1825.0 / 2048 / fonts.PtPerMM // mm above the baseline
	tests := []struct {
		name  string
		below layout.Item
		want  int
	}{
		{"1 pt under the rule", text(85, 30+1/fonts.PtPerMM+ascent, "Căn cứ"), 1},
		{"5,9 pt under the rule", text(85, 30+5.9/fonts.PtPerMM+ascent, "Căn cứ"), 1},
		{"6 pt under the rule", text(85, 30+6/fonts.PtPerMM+ascent, "Căn cứ"), 0},
		{"beside the rule", text(20, 30+1/fonts.PtPerMM+ascent, "Lề"), 0},
	}
	for _, tc := range tests {
		pages := []layout.Page{{Items: []layout.Item{rule, tc.below}}}
		if got := layout.Check(pages); len(got) != tc.want {
			t.Errorf("%s: %v, want %d problems", tc.name, got, tc.want)
		} else if tc.want > 0 && (got[0].Code != layout.ProblemRuleGap || got[0].Text != tc.below.Text) {
			t.Errorf("%s: %+v", tc.name, got[0])
		}
	}
}
