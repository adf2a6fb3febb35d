package planfmt

import (
	"bytes"
	"fmt"

	yaml "go.yaml.in/yaml/v4"

	"kehoach/internal/yamlx"
)

// Helpers for the commands that edit plan files node by node (kehoach issue,
// kehoach new): read a file into its YAML document, find keys, and write it
// back in canonical form with its comments.

// ParseDoc reads a plan file into its YAML document node (comments
// included), after the same checks and limits as every plan read
// (yamlx.Parse).
func ParseDoc(path string, src []byte) (*yaml.Node, error) {
	if _, err := yamlx.Parse(path, src); err != nil {
		return nil, err
	}
	var d yaml.Node
	if err := yaml.Unmarshal(yamlx.Normalize(src), &d); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if d.Kind != yaml.DocumentNode || len(d.Content) == 0 || d.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s: tệp không phải một kế hoạch (cần các khóa xa, nam, van_ban, …)", path)
	}
	return &d, nil
}

// DumpDoc writes the document back in canonical form and in style, the
// style of the file it was read from (StyleOf of the source bytes).
func DumpDoc(path string, d *yaml.Node, style Style) ([]byte, error) {
	var buf bytes.Buffer
	enc, err := yaml.NewDumper(&buf, yaml.WithIndent(2), yaml.WithCompactSeqIndent(false), yaml.WithLineWidth(Width))
	if err != nil {
		return nil, err
	}
	if err := enc.Dump(d); err != nil {
		return nil, fmt.Errorf("%s: không ghi lại được tệp: %w", path, err)
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	out, err := Format(path, buf.Bytes())
	if err != nil {
		return nil, err
	}
	return style.Apply(out), nil
}

// Lookup returns the key and value nodes of key in mapping m, or nils.
func Lookup(m *yaml.Node, key string) (k, v *yaml.Node) {
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

// Path follows mapping keys from m ("van_ban", "so").
func Path(m *yaml.Node, keys ...string) *yaml.Node {
	for _, k := range keys {
		_, m = Lookup(m, k)
	}
	return m
}

// Scalar returns a scalar node's text, "" for anything else or null.
func Scalar(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return ""
	}
	return n.Value
}
