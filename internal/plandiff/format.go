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
	if head := r.headline(); head != "" {
		b.WriteString(head + "\n")
	}
	if r.Summary != "" {
		b.WriteString("  " + esc(r.Summary) + "\n")
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
	r.writeTail(&b, func(t string) string { return "\n" + esc(t) + "\n" }, func(m string) string { return "  " + esc(m) + "\n" })
	return b.String()
}

// headline is the sentence under the title: a plan added or removed, no
// comparison possible, or no change; "" when changes follow.
func (r *Report) headline() string {
	switch {
	case r.Plan == Added:
		return "Kế hoạch mới (thêm):"
	case r.Plan == Removed:
		return "Kế hoạch bị bỏ (không còn ở phiên bản mới):"
	case r.Incomparable:
		return "Không so sánh được nội dung: có phiên bản không đọc được thành kế hoạch (xem lỗi dưới đây)."
	case len(r.Changes) > 0:
		return ""
	case len(r.OldErrors)+len(r.NewErrors) > 0:
		return "Không có thay đổi nội dung, nhưng có lỗi (xem dưới đây)."
	}
	return "Không có thay đổi."
}

// writeTail writes the count of changes, then each version's errors:
// the block's title and each message as title and msg write them.
func (r *Report) writeTail(b *strings.Builder, title, msg func(string) string) {
	if len(r.Changes) > 0 {
		fmt.Fprintf(b, "\n%d thay đổi.\n", len(r.Changes))
	}
	for _, e := range r.errorBlocks() {
		b.WriteString(title(e.title))
		for _, m := range e.msgs {
			b.WriteString(msg(m))
		}
	}
}

type errorBlock struct {
	title string
	msgs  []string
}

// errorBlocks are the validation errors of each version, with a title
// naming the version and saying what to do.
func (r *Report) errorBlocks() []errorBlock {
	var out []errorBlock
	for _, e := range []struct {
		label string
		msgs  []string
	}{{r.Old, r.OldErrors}, {r.New, r.NewErrors}} {
		if len(e.msgs) > 0 {
			out = append(out, errorBlock{fmt.Sprintf("Lỗi của %s (%d lỗi; hãy sửa trước khi ban hành, kehoach check cho biết chi tiết):", e.label, len(e.msgs)), e.msgs})
		}
	}
	return out
}

// Markdown renders the report for a merge-request comment. Every piece
// of plan text (and the file names) is escaped with mdText, so what a plan
// says shows as written and never becomes a link, an image, emphasis, code,
// an HTML tag, a table or a heading, nor garbles the ~~deleted~~ and
// **inserted** markers.
func (r *Report) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "### Thay đổi kế hoạch: %s → %s\n", mdCode(r.Old), mdCode(r.New))
	if head := r.headline(); head != "" {
		b.WriteString("\n" + mdText(head) + "\n")
	}
	if r.Summary != "" {
		b.WriteString("\n" + mdBlock(r.Summary) + "\n")
	}
	last := ""
	for _, c := range r.Changes {
		if c.Section != last {
			fmt.Fprintf(&b, "\n#### %s\n\n", mdText(c.Section))
			last = c.Section
		}
		fmt.Fprintf(&b, "- *%s* %s\n", mdText(string(c.Kind)), c.line(mdStyle))
	}
	r.writeTail(&b, func(t string) string { return "\n#### " + mdText(t) + "\n\n" }, func(m string) string { return "- " + mdBlock(m) + "\n" })
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
		Old          string   `json:"cu"`
		New          string   `json:"moi"`
		Equal        bool     `json:"giong_nhau"`
		Plan         Kind     `json:"ke_hoach,omitempty"`
		Summary      string   `json:"tom_tat,omitempty"`
		Incomparable bool     `json:"khong_so_sanh_duoc,omitempty"`
		Changes      []change `json:"thay_doi"`
		OldErrors    []string `json:"loi_ban_cu,omitempty"`
		NewErrors    []string `json:"loi_ban_moi,omitempty"`
	}{r.Old, r.New, r.Equal(), r.Plan, r.Summary, r.Incomparable, []change{}, r.OldErrors, r.NewErrors}
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

// Unchanged says, in one line after the reports of a comparison of many
// plans (two revisions, two folders), which plans did not change at all,
// so that a reviewer reads only the plans that did: paths in order, as
// text for a terminal, or as Markdown when md; all says that no plan
// changed.
func Unchanged(paths []string, all, md bool) string {
	if len(paths) == 0 {
		return ""
	}
	names := make([]string, len(paths))
	for i, p := range paths {
		if md {
			names[i] = mdCode(p)
		} else {
			names[i] = termsafe.Escape(p)
		}
	}
	line := fmt.Sprintf("Không thay đổi (%d kế hoạch): %s.", len(paths), strings.Join(names, ", "))
	if all {
		line = fmt.Sprintf("Không có thay đổi. Giống nhau (%d kế hoạch): %s.", len(paths), strings.Join(names, ", "))
	}
	if md {
		return "\n" + line + "\n"
	}
	return line + "\n"
}
