package rollover

import (
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v4"
)

// removeKey deletes key from mapping m, moving a comment above the key to
// the next key (or below the mapping when it was the last). It reports
// whether the key was there.
func removeKey(m *yaml.Node, key string) bool {
	if m == nil || m.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i]
		if k.Value != key {
			continue
		}
		if hc := k.HeadComment; hc != "" {
			if i+2 < len(m.Content) {
				next := m.Content[i+2]
				next.HeadComment = joinComments(hc, next.HeadComment)
			} else {
				m.FootComment = joinComments(m.FootComment, hc)
			}
		}
		m.Content = append(m.Content[:i], m.Content[i+2:]...)
		return true
	}
	return false
}

// joinComments joins comment blocks, one per line, skipping empty ones.
func joinComments(cs ...string) string {
	var out []string
	for _, c := range cs {
		if c != "" {
			out = append(out, c)
		}
	}
	return strings.Join(out, "\n")
}

// setScalar makes n a plain scalar with value and tag (comments kept).
func setScalar(n *yaml.Node, value, tag string) {
	n.Kind, n.Tag, n.Value, n.Style, n.Content = yaml.ScalarNode, tag, value, 0, nil
}

// block turns a flow collection into a block one; a line comment after the
// collection moves to its first key's line, where the emitter can write it.
func block(n *yaml.Node) {
	if n.Style&yaml.FlowStyle == 0 {
		return
	}
	n.Style &^= yaml.FlowStyle
	if n.LineComment != "" && n.Kind == yaml.MappingNode && len(n.Content) > 1 {
		v := n.Content[1]
		if v.Kind == yaml.ScalarNode {
			v.LineComment = joinLine(v.LineComment, n.LineComment)
		} else {
			n.Content[0].LineComment = joinLine(n.Content[0].LineComment, n.LineComment)
		}
		n.LineComment = ""
	}
}

// joinLine joins two line comments into one.
func joinLine(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "; " + strings.TrimSpace(strings.TrimPrefix(b, "#"))
}

// str makes a new string scalar node.
func str(v string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v} }

// integer makes a new integer scalar node.
func integer(v int) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(v)}
}
