package layout

import (
	"fmt"
	"sort"
	"strings"

	"kehoach/internal/fonts"
)

// Codes of the layout faults Check reports.
const (
	// ProblemCutWord: a word or number wider than its line (a table column
	// narrower than its longest token) was cut between characters.
	ProblemCutWord = "cat-tu"
	// ProblemLeadingDash: a wrapped line starts with a spaced dash or plus
	// that belongs to the phrase above ("kinh tế / - xã hội"), which reads
	// as a new list item.
	ProblemLeadingDash = "gach-dau-dong"
	// ProblemKeepBroken: blocks that must share a page (a KeepNext chain:
	// a heading and its text, the closing sentence and the signature) are
	// taller than a page and were split.
	ProblemKeepBroken = "giu-trang"
	// ProblemRuleGap: a short rule (under the trích yếu, an annex heading)
	// is closer than MinRuleGapPt to the text below it.
	ProblemRuleGap = "duong-ke"
)

// MinRuleGapPt is the least white space between a rule and the top of the
// text below it, in points.
const MinRuleGapPt = 6.0

// Problem is a layout fault on a laid-out page: something a văn thư would
// reject on the printed page.
type Problem struct {
	Page    int    // 1-based index of the page in the document (0 until Check numbers it)
	Section int    // index of the doc.Section the page belongs to
	Code    string // one of the Problem… codes
	Text    string // the text concerned
}

// Message says in Vietnamese what is wrong and how to fix it.
func (p Problem) Message() string {
	switch p.Code {
	case ProblemCutWord:
		return fmt.Sprintf("trang %d: chữ “%s” bị cắt giữa chừng vì cột bảng hay dòng quá hẹp; hãy rút ngắn chữ đó hoặc thêm dấu cách để có chỗ xuống dòng.", p.Page, p.Text)
	case ProblemLeadingDash:
		return fmt.Sprintf("trang %d: dòng bắt đầu bằng dấu gạch của cụm từ ở dòng trên, đọc như một ý mới: “%s”.", p.Page, p.Text)
	case ProblemKeepBroken:
		return fmt.Sprintf("trang %d: các phần phải nằm cùng trang (tiêu đề với đoạn sau, câu kết với khối chữ ký) dài quá một trang nên bị tách, sau “%s”; hãy rút ngắn.", p.Page, p.Text)
	case ProblemRuleGap:
		return fmt.Sprintf("trang %d: đường kẻ quá sát dòng chữ bên dưới “%s” (cần ít nhất %g pt).", p.Page, p.Text, MinRuleGapPt)
	}
	return fmt.Sprintf("trang %d: %s: %s", p.Page, p.Code, p.Text)
}

// Check returns every layout fault of a laid-out document, in page order:
// those found while setting the pages and those measured on them (a rule
// too close to the text below). A document a văn thư would sign has none.
func Check(pages []Page) []Problem {
	var out []Problem
	for i := range pages {
		pg := &pages[i]
		for _, p := range append(append([]Problem(nil), pg.Problems...), ruleGaps(pg)...) {
			p.Page, p.Section = i+1, pg.Section
			out = append(out, p)
		}
	}
	return out
}

// ruleGaps finds rules closer than MinRuleGapPt to the top of the next text
// line below them that overlaps them horizontally.
func ruleGaps(pg *Page) []Problem {
	lines := TextLines(*pg)
	sort.SliceStable(lines, func(a, b int) bool { return lines[a].Y < lines[b].Y })
	var out []Problem
	for _, it := range pg.Items {
		if it.Kind != KindLine || it.Role != RoleRule {
			continue
		}
		x1, x2 := min(it.X, it.X2), max(it.X, it.X2)
		for _, ln := range lines {
			if ln.Y <= it.Y || ln.End <= x1 || ln.X >= x2 {
				continue
			}
			top := ln.Y - pt(lineAscent(ln))
			if gap := (top - it.Y) * fonts.PtPerMM; gap < MinRuleGapPt-0.05 {
				out = append(out, Problem{Code: ProblemRuleGap, Text: strings.TrimSpace(ln.Text)})
			}
			break
		}
	}
	return out
}

// ascentEm is the hhea ascent of Times New Roman and Liberation Serif
// (1825/2048 em): the top of the tallest letters with stacked diacritics
// ("Ấ", "Ỗ") above the baseline.
const ascentEm = 1825.0 / 2048

// lineAscent is the ascent in points of a line's largest text: the height
// of its tallest letters (with their diacritics) above the baseline.
func lineAscent(ln TextLine) float64 {
	size := 0.0
	for _, it := range ln.Items {
		size = max(size, it.Size)
	}
	return size * ascentEm
}

// startsWithPhraseDash reports a line beginning with a spaced dash, en dash
// or plus: "- xã hội", "+ vốn".
func startsWithPhraseDash(s string) bool {
	for _, m := range []string{"- ", "– ", "+ ", "-\u00a0", "–\u00a0", "+\u00a0"} {
		if strings.HasPrefix(s, m) {
			return true
		}
	}
	return false
}

// elemText is the text of an elem's text items.
func elemText(el *elem) string {
	var b strings.Builder
	for _, it := range el.items {
		if it.Kind == KindText {
			b.WriteString(it.Text)
		}
	}
	return strings.TrimSpace(b.String())
}
