package importer

import (
	"fmt"
	"strings"

	yaml "go.yaml.in/yaml/v4"

	"kehoach/internal/planfmt"
)

// groups reads part II (nhóm nhiệm vụ) or part V (đơn vị): numbered
// headings with paragraphs, “-” items and “+” sub-items, and the annex
// references. titleKey is tieu_de or don_vi; annexes says whether the
// groups may carry annex references. The references after the last group
// are the part's.
func (im *importer) groups(ls []line, titleKey string, annexes bool) ([]*yaml.Node, []string) {
	type group struct {
		title  string
		todo   string
		items  []*yaml.Node
		yNho   *[]string
		bieu   []string
		lastIt *yaml.Node
	}
	var gs []*group
	var partRefs []string
	heading := func(l line) (string, bool) {
		m := numberedRe.Get().FindStringSubmatch(l.md)
		if m == nil {
			return "", false
		}
		// A DOCX heading is bold throughout; a text file has no bold.
		return m[2], l.bold || l.src > 0 || l.idx == 0
	}
	var pendingRefs []string
	for k, l := range ls {
		if t, ok := heading(l); ok {
			if len(pendingRefs) > 0 && len(gs) > 0 {
				gs[len(gs)-1].bieu = append(gs[len(gs)-1].bieu, pendingRefs...)
				pendingRefs = nil
			}
			gs = append(gs, &group{title: strings.Trim(t, "*")})
			continue
		}
		if m := refRe.Get().FindStringSubmatch(l.text); m != nil && annexes {
			refs := splitRefs(m[1])
			if k == len(ls)-1 || len(gs) == 0 {
				partRefs = append(partRefs, refs...)
			} else {
				pendingRefs = append(pendingRefs, refs...)
			}
			continue
		}
		if len(pendingRefs) > 0 {
			// A reference followed by more items of the same group.
			gs[len(gs)-1].bieu = append(gs[len(gs)-1].bieu, pendingRefs...)
			pendingRefs = nil
		}
		if len(gs) == 0 {
			gs = append(gs, &group{title: "TODO", todo: "nội dung đứng trước nhóm đầu tiên (không có tiêu đề đánh số); hãy ghi tiêu đề"})
		}
		g := gs[len(gs)-1]
		item, level := listItem(l.md)
		switch level {
		case 0:
			n := mapping(kv("doan", strAlways(l.md)))
			g.items = append(g.items, n)
			g.lastIt = nil
		case 1:
			n := mapping(kv("y", strAlways(item)))
			g.items = append(g.items, n)
			g.lastIt = n
		case 2:
			if g.lastIt == nil {
				n := mapping(kv("y", strAlways(item)))
				flagged(n, "ý “+” không đứng sau ý “-” nào; văn bản gốc in “+ "+item+"”, kế hoạch in “- ”")
				g.items = append(g.items, n)
				g.lastIt = nil
				continue
			}
			k, v := planfmt.Lookup(g.lastIt, "y_nho")
			if k == nil {
				g.lastIt.Content = append(g.lastIt.Content, strAlways("y_nho"), &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"})
				v = g.lastIt.Content[len(g.lastIt.Content)-1]
			}
			v.Content = append(v.Content, strAlways(item))
		}
	}
	if len(pendingRefs) > 0 {
		partRefs = append(pendingRefs, partRefs...)
	}
	var out []*yaml.Node
	for _, g := range gs {
		n := mapping(kv(titleKey, strAlways(g.title)), kv("noi_dung", seq(g.items...)), kv("bieu", strs(g.bieu)))
		if g.items == nil && titleKey == "don_vi" {
			flagged(n, "đơn vị không có nhiệm vụ nào trong văn bản gốc")
			n.Content = append(n.Content, strAlways("noi_dung"), seq(mapping(kv("y", strAlways("TODO")))))
		}
		out = append(out, flagged(n, g.todo))
	}
	return out, partRefs
}

func splitRefs(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' || r == ' ' }) {
		if f != "và" && f != "" {
			out = append(out, f)
		}
	}
	return out
}

// solutions reads part IV: one numbered paragraph per giải pháp.
func (im *importer) solutions(ls []line) {
	for _, l := range ls {
		if m := numberedRe.Get().FindStringSubmatch(l.md); m != nil {
			im.giaiPhap = append(im.giaiPhap, strAlways(m[2]))
			continue
		}
		item, level := listItem(l.md)
		im.giaiPhap = append(im.giaiPhap, flagged(strAlways(item), fmt.Sprintf("giải pháp: văn bản gốc không đánh số (“%s”); kế hoạch đánh số mọi giải pháp", trimTo(l.text, 60))))
		_ = level
	}
}

func trimTo(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
