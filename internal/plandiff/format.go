package plandiff

import (
	"encoding/json"
	"fmt"
	"strings"

	"kehoach/internal/termsafe"
	"kehoach/internal/textdiff"
)

// ANSI colours for the terminal.
const (
	red   = "\x1b[31m"
	green = "\x1b[32m"
	bold  = "\x1b[1m"
	reset = "\x1b[0m"
)

// wordContext is how many unchanged words are shown around a change.
const wordContext = 4

// A style is how a report is written: how plan text is escaped and how
// deleted and inserted words are marked. Plan text is escaped before the
// markers are put around it, so no text can end a marker early or open one:
// on a terminal controls show as \x1b (termsafe), in Markdown every
// character Markdown or HTML would act on is escaped (mdText).
type style struct {
	esc      func(string) string
	del, ins func(string) string
}

var (
	plainStyle = style{
		esc: termsafe.Escape,
		del: func(s string) string { return "[-" + s + "-]" },
		ins: func(s string) string { return "{+" + s + "+}" },
	}
	colorStyle = style{
		esc: termsafe.Escape,
		del: func(s string) string { return red + "[-" + s + "-]" + reset },
		ins: func(s string) string { return green + "{+" + s + "+}" + reset },
	}
	mdStyle = style{
		esc: mdText,
		del: func(s string) string { return "~~" + s + "~~" },
		ins: func(s string) string { return "**" + s + "**" },
	}
)

// wordDiff renders word-level changes with context: git's [-old-]{+new+}
// markers, colours on a terminal, ~~old~~ **new** in Markdown.
func wordDiff(edits []textdiff.Edit, st style) string {
	// Keep only words near a change.
	near := make([]bool, len(edits))
	for i, e := range edits {
		if e.Op != textdiff.Equal {
			for k := max(0, i-wordContext); k <= min(len(edits)-1, i+wordContext); k++ {
				near[k] = true
			}
		}
	}
	var out []string
	skipped := false
	for i := 0; i < len(edits); {
		if !near[i] {
			if !skipped {
				out = append(out, "…")
				skipped = true
			}
			i++
			continue
		}
		skipped = false
		e := edits[i]
		if e.Op == textdiff.Equal {
			out = append(out, st.esc(e.Text))
			i++
			continue
		}
		var ds, is []string
		for i < len(edits) && edits[i].Op != textdiff.Equal {
			if edits[i].Op == textdiff.Delete {
				ds = append(ds, edits[i].Text)
			} else {
				is = append(is, edits[i].Text)
			}
			i++
		}
		if len(ds) > 0 {
			out = append(out, st.del(st.esc(strings.Join(ds, " "))))
		}
		if len(is) > 0 {
			out = append(out, st.ins(st.esc(strings.Join(is, " "))))
		}
	}
	return strings.Join(out, " ")
}

func (c Change) line(st style) string {
	s := st.esc(c.Item)
	switch {
	case len(c.Words) > 0:
		s += ": " + wordDiff(c.Words, st)
	case c.Kind == Added:
		s += ": " + st.esc(c.New)
	case c.Kind == Removed:
		s += ": " + st.esc(c.Old)
	default:
		s += ": " + st.esc(c.Old) + " → " + st.esc(c.New)
	}
	if c.Delta != "" {
		s += " (" + st.esc(c.Delta) + ")"
	}
	return s
}

// Text renders the report for a terminal; colour adds ANSI colours.
func (r *Report) Text(colour bool) string {
	var b strings.Builder
	st, esc := plainStyle, termsafe.Escape
	if colour {
		st = colorStyle
	}
	fmt.Fprintf(&b, "So sánh %s → %s\n", esc(r.Old), esc(r.New))
	if r.Equal() {
		b.WriteString("Không có thay đổi.\n")
		return b.String()
	}
	last := ""
	for _, c := range r.Changes {
		if c.Section != last {
			if colour {
				fmt.Fprintf(&b, "\n%s== %s ==%s\n", bold, esc(c.Section), reset)
			} else {
				fmt.Fprintf(&b, "\n== %s ==\n", esc(c.Section))
			}
			last = c.Section
		}
		kind := esc(string(c.Kind))
		if colour {
			switch c.Kind {
			case Added:
				kind = green + kind + reset
			case Removed:
				kind = red + kind + reset
			}
		}
		fmt.Fprintf(&b, "  %s  %s\n", kind, c.line(st))
	}
	fmt.Fprintf(&b, "\n%d thay đổi.\n", len(r.Changes))
	return b.String()
}

// Markdown renders the report for a merge-request comment. Every piece
// of plan text (and the file names) is escaped with mdText, so what a plan
// says shows as written and never becomes a link, an image, emphasis, code,
// an HTML tag, a table or a heading, nor garbles the ~~deleted~~ and
// **inserted** markers.
func (r *Report) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "### Thay đổi kế hoạch: %s → %s\n", mdCode(r.Old), mdCode(r.New))
	if r.Equal() {
		b.WriteString("\nKhông có thay đổi.\n")
		return b.String()
	}
	last := ""
	for _, c := range r.Changes {
		if c.Section != last {
			fmt.Fprintf(&b, "\n#### %s\n\n", mdText(c.Section))
			last = c.Section
		}
		fmt.Fprintf(&b, "- *%s* %s\n", mdText(string(c.Kind)), c.line(mdStyle))
	}
	fmt.Fprintf(&b, "\n%d thay đổi.\n", len(r.Changes))
	return b.String()
}

// JSON renders the report as indented JSON.
func (r *Report) JSON() ([]byte, error) {
	type edit struct {
		Op   string `json:"op"`
		Text string `json:"chu"`
	}
	type change struct {
		Change
		Words []edit `json:"tung_tu,omitempty"`
	}
	out := struct {
		Old     string   `json:"cu"`
		New     string   `json:"moi"`
		Equal   bool     `json:"giong_nhau"`
		Changes []change `json:"thay_doi"`
	}{r.Old, r.New, r.Equal(), []change{}}
	for _, c := range r.Changes {
		cc := change{Change: c}
		for _, e := range c.Words {
			cc.Words = append(cc.Words, edit{[]string{"=", "-", "+"}[e.Op], e.Text})
		}
		cc.Change.Words = nil
		out.Changes = append(out.Changes, cc)
	}
	return json.MarshalIndent(out, "", "  ")
}
