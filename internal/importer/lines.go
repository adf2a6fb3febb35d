package importer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"kehoach/internal/extract/para"
	"kehoach/internal/lazy"
)

// line is one source paragraph as the importer reads it: its text with
// white space made plain, the same text with its partial emphasis as the
// plan's markup, and where it came from.
type line struct {
	text string // plain text: NFC, one space between words, trimmed
	md   string // text with partial bold/italic as **…** and *…*
	// bold, italic: the whole paragraph is set so (a heading, a căn cứ),
	// which is the document's style, not markup.
	bold, italic bool
	table        int // the table the paragraph sits in (0: none)
	row, cell    int
	src          int // 1-based line of a text source, else 0
	idx          int // 1-based paragraph index in the source
}

var spaces = lazy.MustCompile(`[\s\x{00a0}\x{202f}\x{2007}\x{200b}\x{feff}]+`)

// clean makes white space plain: every run of spaces, tabs, soft line
// breaks and no-break spaces is one space.
func clean(s string) string {
	return strings.TrimSpace(spaces.Get().ReplaceAllString(norm.NFC.String(s), " "))
}

// escape writes literal asterisks and backslashes before asterisks the
// markup way.
func escape(s string) string {
	if !strings.Contains(s, "*") {
		return s
	}
	return strings.ReplaceAll(s, "*", `\*`)
}

// lines turns the reader's paragraphs into lines, the automatic label
// written before the text as Word shows it.
func lines(ps []para.Para) []line {
	var out []line
	cells, from := splitCells(ps)
	for i, p := range cells {
		l := line{table: p.Table, row: p.Row, cell: p.Cell, src: p.Line, idx: from[i] + 1}
		runs := p.Runs
		if p.Label != "" {
			runs = append([]para.Run{{Text: p.Label + " "}}, runs...)
		}
		if p.Label != "" && len(runs) > 1 {
			// The label takes the emphasis of the text after it.
			runs[0].Bold, runs[0].Italic = runs[1].Bold, runs[1].Italic
		}
		allBold, allItalic, any := true, true, false
		for _, r := range runs {
			if strings.TrimSpace(r.Text) == "" {
				continue
			}
			any = true
			allBold = allBold && r.Bold
			allItalic = allItalic && r.Italic
		}
		var plain, md strings.Builder
		for _, r := range runs {
			plain.WriteString(r.Text)
		}
		l.text = clean(plain.String())
		if l.text == "" || !any {
			continue
		}
		l.bold, l.italic = allBold, allItalic
		for _, r := range runs {
			t := escape(r.Text)
			b, it := r.Bold && !allBold, r.Italic && !allItalic
			if strings.TrimSpace(t) == "" || (!b && !it) {
				md.WriteString(t)
				continue
			}
			// Markers hug the words: spaces stay outside.
			lead := t[:len(t)-len(strings.TrimLeft(t, " \t\u00a0\n"))]
			trail := t[len(strings.TrimRight(t, " \t\u00a0\n")):]
			core := strings.TrimSpace(strings.Trim(t, "\u00a0\t\n "))
			mark := ""
			switch {
			case b && it:
				mark = "***"
			case b:
				mark = "**"
			default:
				mark = "*"
			}
			md.WriteString(lead + mark + core + mark + trail)
		}
		l.md = clean(md.String())
		out = append(out, l)
	}
	return out
}

// splitCells makes each line of a table cell that a soft line break
// (Shift+Enter) ends a paragraph of its own: Word users set the header and
// the signature block so (“KT. CHỦ TỊCH” ↵ “PHÓ CHỦ TỊCH” in one
// paragraph). Outside tables a soft break is a space.
// It returns the paragraphs and, for each, the index of the source
// paragraph it comes from.
func splitCells(ps []para.Para) ([]para.Para, []int) {
	var out []para.Para
	var from []int
	for i, p := range ps {
		if p.Table == 0 || !strings.Contains(p.Text(), "\n") {
			out = append(out, p)
			from = append(from, i)
			continue
		}
		cur := p
		cur.Runs = nil
		for _, r := range p.Runs {
			parts := strings.Split(r.Text, "\n")
			for k, part := range parts {
				if k > 0 {
					out = append(out, cur)
					from = append(from, i)
					cur = p
					cur.Runs, cur.Label = nil, ""
				}
				if part != "" {
					rr := r
					rr.Text = part
					cur.Runs = append(cur.Runs, rr)
				}
			}
		}
		out = append(out, cur)
		from = append(from, i)
	}
	return out, from
}

// structural reports whether a line starts a new element of a Kế hoạch:
// a list item, a numbered heading, a part, a căn cứ, an annex reference.
var structuralRe = lazy.MustCompile(`^(?:[-–+•] |\d+\. |[IVX]+\. |[a-zđ]\) |\(Chi tiết |Căn cứ |Nơi nhận|TM\. |KT\. |Q\. |TL\. |TUQ\. |Trên đây |Tổng nguồn lực |Biểu số |KẾ HOẠCH$|Số: |- Lưu)`)

func structural(s string) bool { return structuralRe.Get().MatchString(s) }

// reflow joins the lines of a text source that a hard-wrapped file split
// inside a paragraph: a line that goes on with a small letter, after a
// comma or a word that cannot end a sentence, inside a căn cứ not yet
// closed by “;” or “.”, or after a line as wide as the widest of a
// hard-wrapped file, unless the next line starts an element of its own. A
// DOCX's paragraphs are left alone.
func reflow(ls []line) []line {
	if len(ls) == 0 || ls[0].src == 0 {
		return ls
	}
	width := 0
	for _, l := range ls {
		width = max(width, utf8.RuneCountInString(l.text))
	}
	if width > 120 { // paragraphs already whole: no wrap to undo
		width = 0
	}
	var out []line
	lastLen := 0
	for _, l := range ls {
		if n := len(out); n > 0 && l.table == out[n-1].table && continues(out[n-1].text, lastLen, l.text, width) {
			out[n-1].text += " " + l.text
			out[n-1].md += " " + l.md
			lastLen = utf8.RuneCountInString(l.text)
			continue
		}
		out = append(out, l)
		lastLen = utf8.RuneCountInString(l.text)
	}
	return out
}

var headingStart = lazy.MustCompile(`^(?:\d+|[IVX]+)\. `)

// continues reports whether next goes on the paragraph prev, whose last
// source line is lastLen runes long.
func continues(prev string, lastLen int, next string, width int) bool {
	if structural(next) || prev == "KẾ HOẠCH" || strings.HasSuffix(prev, "./.") || prev == "Nơi nhận:" {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(next); unicode.IsLower(r) || unicode.IsDigit(r) || r == '(' && !strings.HasPrefix(next, "(Chi tiết") {
		return true
	}
	if strings.Count(prev, "“") > strings.Count(prev, "”") || strings.Count(prev, "(") > strings.Count(prev, ")") {
		return true // a quotation or a bracket still open
	}
	if strings.HasSuffix(prev, ",") || strings.HasSuffix(prev, " -") {
		return true
	}
	if strings.HasPrefix(prev, "Căn cứ ") {
		return !strings.HasSuffix(prev, ";") && !strings.HasSuffix(prev, ".")
	}
	switch prev[strings.LastIndexByte(prev, ' ')+1:] {
	case "của", "và", "các", "với", "số", "về", "cho", "trong", "tại", "từ", "theo":
		return true
	}
	if headingStart.Get().MatchString(prev) || isUpper(prev) {
		return false
	}
	// A body line as wide as the widest is cut by the wrap, not by the
	// author.
	return width > 0 && lastLen >= width*85/100 && !strings.HasSuffix(prev, ":")
}

// isUpper reports whether s has letters and all of them are capitals.
func isUpper(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters = true
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return letters
}
