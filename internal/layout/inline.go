package layout

import (
	"strings"
	"unicode/utf8"

	"kehoach/internal/doc"
	"kehoach/internal/fonts"
)

// seg is a piece of a word (or a space) in one face and size.
type seg struct {
	style     fonts.Style
	size      float64
	underline bool
	field     doc.Field
	text      string
	w         float64 // mm
}

func (s seg) sameFormat(o seg) bool {
	return s.style == o.style && s.size == o.size && s.underline == o.underline &&
		s.field == doc.FieldNone && o.field == doc.FieldNone
}

type tokKind uint8

const (
	tWord  tokKind = iota // an unbreakable word, possibly of several segments
	tSpace                // a breakable, stretchable U+0020
	tBreak                // a hard line break
)

// tok is an inline token.
type tok struct {
	kind tokKind
	segs []seg
	w    float64 // mm
}

// inlineFormat is the paragraph-level formatting runs inherit.
type inlineFormat struct {
	size         float64
	bold, italic bool
}

// tokenize splits runs into words, spaces and hard breaks. A word continues
// across run boundaries, so a change of style inside a word is no break
// opportunity. Tabs count as spaces, carriage returns are dropped.
func (e *engine) tokenize(runs []doc.Run, pf inlineFormat) []tok {
	// The segments of all tokens share one array (arena), each token's a
	// full slice of it (no append reaches another's); both arrays are
	// sized for about one word in six bytes. They are the engine's scratch
	// arrays, reused by the next paragraph: the tokens and lines of a
	// paragraph are dropped once setPara has placed its items (whose texts
	// are pieces of the runs, not of the arrays).
	n := 0
	for _, r := range runs {
		n += len(r.Text)
	}
	toks, arena := e.tokArrays(n/3 + 1)
	defer func() { e.toks, e.segs = toks[:0], arena[:0] }()
	var word tok // the word being read, when inWord
	inWord := false
	wordStart := 0 // the word's first segment in arena
	flushWord := func() {
		if inWord {
			word.segs = arena[wordStart:len(arena):len(arena)]
			toks = append(toks, word)
			inWord = false
		}
	}
	one := func(s seg) []seg {
		arena = append(arena, s)
		return arena[len(arena)-1 : len(arena) : len(arena)]
	}
	for _, r := range runs {
		size := pf.size
		if r.Size > 0 {
			size = r.Size
		}
		base := seg{style: fonts.StyleOf(pf.bold || r.Bold, pf.italic || r.Italic), size: size, underline: r.Underline, field: r.Field}
		text := r.Text
		start := 0
		endSeg := func(end int) {
			if end > start {
				s := base
				s.text = text[start:end]
				s.w = e.f.WidthMM(s.style, s.size, s.text)
				if !inWord {
					word, inWord = tok{kind: tWord}, true
					wordStart = len(arena)
				}
				arena = append(arena, s)
				word.w += s.w
			}
		}
		for i := 0; i < len(text); {
			c, n := utf8.DecodeRuneInString(text[i:])
			switch c {
			case ' ', '\t':
				endSeg(i)
				flushWord()
				s := base
				s.field = doc.FieldNone
				s.text = " "
				s.w = e.f.WidthMM(s.style, s.size, " ")
				toks = append(toks, tok{kind: tSpace, segs: one(s), w: s.w})
				start = i + n
			case '\n':
				endSeg(i)
				flushWord()
				s := base
				s.text = ""
				toks = append(toks, tok{kind: tBreak, segs: one(s)})
				start = i + n
			case '\r':
				endSeg(i)
				start = i + n
			}
			i += n
		}
		endSeg(len(text))
	}
	flushWord()
	return toks
}

// tokArrays returns the engine's token and segment arrays, empty, with room
// for at least n of each.
func (e *engine) tokArrays(n int) ([]tok, []seg) {
	if cap(e.toks) < n {
		e.toks = make([]tok, 0, max(n, 2*cap(e.toks)))
	}
	if cap(e.segs) < n {
		e.segs = make([]seg, 0, max(n, 2*cap(e.segs)))
	}
	return e.toks[:0], e.segs[:0]
}

// line is one broken line of a paragraph.
type line struct {
	toks []tok // no leading or trailing spaces
	w    float64
	hard bool    // ends with a hard break
	size float64 // the largest font size on the line (points)
	cut  string  // a word too wide for any line, cut at the end of this line
}

// breakLines breaks toks greedily: avail(i) gives the width of line i.
func (e *engine) breakLines(toks []tok, avail func(i int) float64, emptySize float64) []line {
	var lines []line
	i, n := 0, len(toks)
	for {
		a := avail(len(lines))
		for i < n && toks[i].kind == tSpace {
			i++
		}
		start, end := i, i
		width := 0.0
		hard := false
		cut := ""
		j := i
		for j < n {
			t := toks[j]
			if t.kind == tBreak {
				hard = true
				break
			}
			if t.kind == tSpace {
				j++
				continue
			}
			add := t.w
			for k := end; k < j; k++ {
				add += toks[k].w
			}
			if width+add > a+eps {
				if end > start {
					break
				}
				// A word wider than the whole line: cut it at the last rune
				// that fits.
				head, tail := e.splitWord(t, a)
				if len(tail.segs) > 0 {
					cut = tokText(t)
					rest := make([]tok, 0, n+1)
					rest = append(rest, toks[:j]...)
					rest = append(rest, head, tail)
					rest = append(rest, toks[j+1:]...)
					toks, n = rest, len(rest)
					add = head.w
					for k := end; k < j; k++ {
						add += toks[k].w
					}
				}
			}
			width += add
			j++
			end = j
		}
		ln := line{toks: toks[start:end], w: width, hard: hard, cut: cut}
		ln.size = emptySize
		if end > start {
			ln.size = 0
			for _, t := range ln.toks {
				for _, s := range t.segs {
					if s.size > ln.size {
						ln.size = s.size
					}
				}
			}
		} else if hard && j < n {
			ln.size = toks[j].segs[0].size
		}
		lines = append(lines, ln)
		if hard {
			i = j + 1
			continue
		}
		i = end
		for i < n && toks[i].kind == tSpace {
			i++
		}
		if i >= n {
			break
		}
	}
	return lines
}

// splitWord cuts a word so that the head fits in avail (at least one rune
// goes to the head). The tail is empty when the whole word fits.
func (e *engine) splitWord(t tok, avail float64) (head, tail tok) {
	head.kind, tail.kind = tWord, tWord
	w := 0.0
	for si, s := range t.segs {
		for bi, r := range s.text {
			rw := e.f.WidthMM(s.style, s.size, string(r))
			if w+rw > avail+eps && (si > 0 || bi > 0) {
				if bi > 0 {
					h := s
					h.text = s.text[:bi]
					h.w = e.f.WidthMM(h.style, h.size, h.text)
					head.segs = append(head.segs, h)
				}
				tl := s
				tl.text = s.text[bi:]
				tl.w = e.f.WidthMM(tl.style, tl.size, tl.text)
				tail.segs = append([]seg{tl}, t.segs[si+1:]...)
				for _, x := range head.segs {
					head.w += x.w
				}
				for _, x := range tail.segs {
					tail.w += x.w
				}
				return head, tail
			}
			w += rw
		}
		head.segs = append(head.segs, s)
	}
	return t, tok{}
}

// placeLine turns a line into text items starting at x on baseline y. ws is
// the extra width of every space (justification).
func placeLine(items []Item, ln line, x, y, ws float64) []Item {
	var cur *Item
	var curSeg seg
	// The text of the current item while it grows (one string made when
	// it ends rather than one per word added).
	var text []byte
	grown := false
	end := func() {
		if grown {
			cur.Text = string(text)
		}
	}
	add := func(s seg, extra float64, isSpace bool) {
		if cur != nil && curSeg.sameFormat(s) {
			if !grown {
				text = append(text[:0], cur.Text...)
				grown = true
			}
			text = append(text, s.text...)
			cur.W += s.w + extra
			return
		}
		end()
		grown = false
		items = append(items, Item{Kind: KindText, Role: RoleText, X: x, Y: y, W: s.w + extra,
			Style: s.style, Size: s.size, Text: s.text, field: s.field, ul: s.underline})
		cur = &items[len(items)-1]
		curSeg = s
		if isSpace {
			curSeg.field = doc.FieldNone
		}
	}
	start := len(items)
	for _, t := range ln.toks {
		switch t.kind {
		case tWord:
			for _, s := range t.segs {
				add(s, 0, false)
				x += s.w
			}
		case tSpace:
			s := t.segs[0]
			add(s, ws, true)
			x += s.w + ws
		}
	}
	end()
	for i := start; i < len(items); i++ {
		if strings.Contains(items[i].Text, " ") {
			items[i].WordSpacing = ws
		}
	}
	return items
}

// tokText is the text of a token.
func tokText(t tok) string {
	var b strings.Builder
	for _, s := range t.segs {
		b.WriteString(s.text)
	}
	return b.String()
}

// lineText is the text of a line.
func lineText(ln line) string {
	var b strings.Builder
	for _, t := range ln.toks {
		for _, s := range t.segs {
			b.WriteString(s.text)
		}
	}
	return b.String()
}

// lineHead is the start of the text of a line, at least as long as the
// marks startsWithPhraseDash looks for (or the whole line when shorter).
func lineHead(ln line) string {
	var b []byte
	for _, t := range ln.toks {
		for _, s := range t.segs {
			if len(b) == 0 && len(s.text) >= 8 {
				return s.text
			}
			b = append(b, s.text...)
			if len(b) >= 8 {
				return string(b)
			}
		}
	}
	return string(b)
}
