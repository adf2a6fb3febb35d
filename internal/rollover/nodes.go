package rollover

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v4"

	"kehoach/internal/planfmt"
	"kehoach/internal/yamlx"
)

// parseDoc reads a plan file into its YAML document node (comments
// included), after the same checks and limits as every plan read
// (yamlx.Parse).
func parseDoc(path string, src []byte) (*yaml.Node, error) {
	if _, err := yamlx.Parse(path, src); err != nil {
		return nil, err
	}
	var d yaml.Node
	if err := yaml.Unmarshal(bytes.TrimPrefix(src, []byte("\ufeff")), &d); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if d.Kind != yaml.DocumentNode || len(d.Content) == 0 || d.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s: tệp không phải một kế hoạch (cần các khóa xa, nam, van_ban, …)", path)
	}
	return &d, nil
}

// dumpDoc writes the document back and gives it the canonical form.
func dumpDoc(path string, d *yaml.Node) ([]byte, error) {
	var buf bytes.Buffer
	enc, err := yaml.NewDumper(&buf, yaml.WithIndent(2), yaml.WithCompactSeqIndent(false), yaml.WithLineWidth(planfmt.Width))
	if err != nil {
		return nil, err
	}
	if err := enc.Dump(d); err != nil {
		return nil, fmt.Errorf("%s: không ghi lại được tệp: %w", path, err)
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return planfmt.Format(path, buf.Bytes())
}

// lookup returns the key and value nodes of key in mapping m, or nils.
func lookup(m *yaml.Node, key string) (k, v *yaml.Node) {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i], m.Content[i+1]
		}
	}
	return nil, nil
}

// path follows mapping keys from m ("van_ban", "so").
func path(m *yaml.Node, keys ...string) *yaml.Node {
	for _, k := range keys {
		_, m = lookup(m, k)
	}
	return m
}

// scalar returns a scalar node's text, "" for anything else or null.
func scalar(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return ""
	}
	return n.Value
}

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
