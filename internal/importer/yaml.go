package importer

import (
	"strconv"

	yaml "go.yaml.in/yaml/v4"

	"kehoach/internal/vn"
)

// The plan is written as a YAML node tree, then given its canonical form
// by planfmt, so the draft is what kehoach fmt writes, comments kept.

// pair is one key of a mapping, with the TODO comment written above it.
type pair struct {
	key  string
	val  *yaml.Node
	todo string
}

func kv(key string, val *yaml.Node) pair { return pair{key: key, val: val} }

// mapping builds a mapping of the pairs whose value is not nil.
func mapping(ps ...pair) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for _, p := range ps {
		if p.val == nil {
			continue
		}
		k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: p.key}
		if p.todo != "" {
			k.HeadComment = todoComment(p.todo)
		}
		m.Content = append(m.Content, k, p.val)
	}
	if len(m.Content) == 0 {
		return nil
	}
	return m
}

// todoComment is the comment that marks an uncertain place.
func todoComment(msg string) string { return "# TODO: kiểm tra " + msg }

// str is a string scalar, nil when empty.
func str(s string) *yaml.Node {
	if s == "" {
		return nil
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

// strAlways is a string scalar even when empty.
func strAlways(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

func integer(n int) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(n)}
}

func boolean(b bool) *yaml.Node {
	if !b {
		return nil
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"}
}

func number(d vn.Decimal) *yaml.Node {
	tag := "!!int"
	s := vn.FormatYAML(d)
	for _, c := range s {
		if c == '.' {
			tag = "!!float"
		}
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: s}
}

// empty is a key with no value (a draft's số and ngày).
func empty() *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: ""} }

// seq builds a sequence of the items that are not nil.
func seq(items ...*yaml.Node) *yaml.Node {
	s := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, it := range items {
		if it != nil {
			s.Content = append(s.Content, it)
		}
	}
	if len(s.Content) == 0 {
		return nil
	}
	return s
}

func strs(ss []string) *yaml.Node {
	var items []*yaml.Node
	for _, s := range ss {
		items = append(items, strAlways(s))
	}
	n := seq(items...)
	if n != nil {
		n.Style = yaml.FlowStyle
	}
	return n
}

// flagged puts a TODO comment above a sequence item.
func flagged(n *yaml.Node, msg string) *yaml.Node {
	if n != nil && msg != "" {
		// On the item itself, so the comment stands on its own line above
		// “- ” (on its first key it would follow the dash, and deleting the
		// comment line would delete the item's dash too).
		n.HeadComment = joinComment(n.HeadComment, todoComment(msg))
	}
	return n
}

func joinComment(a, b string) string {
	if a == "" {
		return b
	}
	return a + "\n" + b
}
