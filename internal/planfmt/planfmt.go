// Package planfmt gives plan and commune files one canonical form, as gofmt
// does for Go: keys in the model's order, two-space indentation, sequences
// indented under their key, text in Unicode NFC, numbers and dates in one
// spelling, long text folded at 88 columns, a blank line between the
// top-level sections — and every comment kept. Formatting is idempotent and
// never changes what a plan means.
//
// The author keeps one choice: a short mapping or list may stay on one line
// ({so: 1, hien_trang: dat}); one that would not fit in 88 columns is
// written as a block.
package planfmt

import (
	"bytes"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v4"

	"kehoach/internal/lazy"
	"kehoach/internal/nfc"
	"kehoach/internal/plan"
	"kehoach/internal/vn"
	"kehoach/internal/yamlx"
)

// Width is the line width of the canonical form.
const Width = 88

// KindOf tells which model a file follows: commune files are named xa.yaml
// or end so (chung-xa.yaml), in any letter case, .yml too (Xa.yaml, XA.YML:
// see plan.IsCommuneName).
func KindOf(path string) reflect.Type {
	if l := strings.ToLower(path); strings.HasSuffix(l, "xa.yaml") || strings.HasSuffix(l, "xa.yml") {
		return reflect.TypeOf(plan.Commune{})
	}
	return reflect.TypeOf(plan.Plan{})
}

// Format returns the canonical form of a plan or commune file. A file that
// does not parse is returned with the parse error (it is never rewritten).
func Format(path string, src []byte) ([]byte, error) {
	return Edit(path, src, nil)
}

// Edit changes scalar values of a plan or commune file and returns the file
// in canonical form, comments kept, in the style (BOM, line ends) of src.
// edit is called with each scalar's YAML path ("nhiem_vu.nhom[1].noi_dung[0].y",
// as in yamlx.Index) and NFC value; it returns the new value and whether to
// change it. A nil edit formats.
func Edit(path string, src []byte, edit func(path, value string) (string, bool)) ([]byte, error) {
	if _, err := yamlx.Parse(path, src); err != nil {
		return nil, err
	}
	var docNode yaml.Node
	if err := yaml.Unmarshal(yamlx.Normalize(src), &docNode); err != nil {
		return nil, err
	}
	if edit != nil {
		editNode(docNode.Content[0], "", edit)
	}
	// The comment above the first key is the file's header (the editor
	// modeline, a description): it stays at the top whatever key comes first.
	// It is taken before the keys are put in order (the author's first key)
	// and, failing that, after (the canonical first key), and only while the
	// file has no separate header: the canonical form writes the header
	// apart, so a second run finds it there and changes nothing.
	hoist := func() {
		if r := docNode.Content[0]; docNode.HeadComment == "" && r.Kind == yaml.MappingNode && len(r.Content) > 0 && r.Content[0].HeadComment != "" {
			docNode.HeadComment = r.Content[0].HeadComment
			r.Content[0].HeadComment = ""
		}
	}
	hoist()
	f := &formatter{}
	f.node(docNode.Content[0], KindOf(path), 0)
	hoist()
	var buf bytes.Buffer
	enc, err := yaml.NewDumper(&buf, yaml.WithIndent(2), yaml.WithCompactSeqIndent(false), yaml.WithLineWidth(Width))
	if err != nil {
		return nil, err
	}
	if err := enc.Dump(&docNode); err != nil {
		return nil, fmt.Errorf("%s: không ghi lại được tệp: %w", path, err)
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return StyleOf(src).Apply(spaceSections(buf.Bytes())), nil
}

// editNode walks n with yamlx's path scheme, offering every scalar to edit.
func editNode(n *yaml.Node, path string, edit func(path, value string) (string, bool)) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			p := n.Content[i].Value
			if path != "" {
				p = path + "." + p
			}
			editNode(n.Content[i+1], p, edit)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			editNode(c, fmt.Sprintf("%s[%d]", path, i), edit)
		}
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return
		}
		if v, ok := edit(path, nfc.String(n.Value)); ok {
			n.Value = v
		}
	}
}

type formatter struct {
	flow int // depth of flow collections around the current node
}

// node canonicalises n, a value of Go type t (nil when unknown), whose
// first character sits at column col.
func (f *formatter) node(n *yaml.Node, t reflect.Type, col int) {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	n.HeadComment = normComment(n.HeadComment)
	n.LineComment = normComment(n.LineComment)
	n.FootComment = normComment(n.FootComment)
	switch n.Kind {
	case yaml.MappingNode:
		f.mapping(n, t, col)
	case yaml.SequenceNode:
		var et reflect.Type
		if t != nil && t.Kind() == reflect.Slice {
			et = t.Elem()
		}
		if n.Style&yaml.FlowStyle != 0 && col+flowWidth(n) > Width {
			n.Style &^= yaml.FlowStyle
		}
		f.enter(n)
		for _, c := range n.Content {
			f.node(c, et, col+2)
		}
		f.leave(n)
	case yaml.ScalarNode:
		f.scalar(n, t, col)
	}
}

// inFlow reports whether the node sits inside a flow collection: callers
// bracket children with enter/leave.
func (f *formatter) enter(n *yaml.Node) {
	if n.Style&yaml.FlowStyle != 0 {
		f.flow++
	}
}

func (f *formatter) leave(n *yaml.Node) {
	if n.Style&yaml.FlowStyle != 0 {
		f.flow--
	}
}

func normComment(s string) string {
	if s == "" {
		return s
	}
	return nfc.String(s)
}

func (f *formatter) mapping(n *yaml.Node, t reflect.Type, col int) {
	order := map[string]int{}
	fields := map[string]reflect.Type{}
	if t != nil && t.Kind() == reflect.Struct {
		for _, k := range yamlx.Keys(t) {
			order[k.Name] = k.Index
			fields[k.Name] = k.Field.Type
		}
	}
	type pair struct{ k, v *yaml.Node }
	pairs := make([]pair, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		pairs = append(pairs, pair{n.Content[i], n.Content[i+1]})
	}
	rank := func(p pair) int {
		if r, ok := order[p.k.Value]; ok {
			return r
		}
		return 1 << 20 // unknown keys keep their order, after the known ones
	}
	sort.SliceStable(pairs, func(i, j int) bool { return rank(pairs[i]) < rank(pairs[j]) })
	for i, p := range pairs {
		n.Content[2*i], n.Content[2*i+1] = p.k, p.v
		p.k.HeadComment = normComment(p.k.HeadComment)
		p.k.LineComment = normComment(p.k.LineComment)
		p.k.FootComment = normComment(p.k.FootComment)
	}
	if n.Style&yaml.FlowStyle != 0 && col+flowWidth(n) > Width {
		n.Style &^= yaml.FlowStyle
		// The emitter cannot place a line comment after a block mapping
		// that is a list item: it moves to the first key's line.
		if n.LineComment != "" && len(n.Content) > 0 {
			k := n.Content[0]
			if k.LineComment == "" {
				k.LineComment = n.LineComment
			} else {
				k.LineComment += " " + strings.TrimPrefix(n.LineComment, "#")
			}
			n.LineComment = ""
		}
	}
	f.enter(n)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		vcol := col + utf8.RuneCountInString(k.Value) + 2
		if v.Kind != yaml.ScalarNode && v.Style&yaml.FlowStyle == 0 {
			vcol = col + 2 // a block under the key
		}
		f.node(v, fields[k.Value], vcol)
	}
	f.leave(n)
}

// flowWidth estimates the one-line width of a flow collection.
func flowWidth(n *yaml.Node) int {
	w := 2
	for i, c := range n.Content {
		switch c.Kind {
		case yaml.ScalarNode:
			w += utf8.RuneCountInString(c.Value)
			if needsQuotes(c) {
				w += 2
			}
		default:
			w += flowWidth(c)
		}
		if n.Kind == yaml.MappingNode && i%2 == 0 {
			w += 2 // ": "
		} else {
			w += 2 // ", "
		}
	}
	return w
}

var plainUnsafeValue lazy.Value[*regexp.Regexp]

func plainUnsafe() *regexp.Regexp { return plainUnsafeValue.Get(makePlainUnsafe) }

func makePlainUnsafe() *regexp.Regexp {
	return regexp.MustCompile(`^[-?:,\[\]{}#&*!|>'"%@` + "`" + `]|: | #|:$|^\s|\s$|^$`)
}

func needsQuotes(n *yaml.Node) bool {
	if n.Tag == "!!str" && looksLikeOther(n.Value) {
		return true
	}
	return plainUnsafe().MatchString(n.Value)
}

var otherScalar = lazy.MustCompile(`^(?i:~|null|true|false|yes|no|on|off|[-+]?(\d[\d_]*)?\.?\d+([eE][-+]?\d+)?|0x[0-9a-f]+|\.inf|\.nan)$`)

func looksLikeOther(s string) bool { return otherScalar.Get().MatchString(s) }

var (
	numberType = reflect.TypeOf(plan.Number{})
	dateType   = reflect.TypeOf(plan.Date{})
	cmpType    = reflect.TypeOf(plan.Cmp(""))
)

func (f *formatter) scalar(n *yaml.Node, t reflect.Type, col int) {
	if n.Tag == "!!null" {
		if f.flow > 0 && n.Value == "" {
			// Inside braces the emitter would write an empty value as '',
			// an empty string: say null.
			n.Value, n.Style = "null", 0
		}
		return
	}
	v := nfc.String(n.Value)
	switch t {
	case numberType:
		if d, err := vn.ParseDecimal(v); err == nil {
			n.Value = canonicalNumber(d, v)
			n.Tag, n.Style = "", 0
			return
		}
	case dateType:
		var d plan.Date
		if err := d.DecodeScalar(v, false); err == nil && !d.IsZero() {
			n.Value = d.Format("2006-01-02")
			n.Tag, n.Style = "", 0
			return
		}
	case cmpType:
		var c plan.Cmp
		if err := c.DecodeScalar(v, false); err == nil {
			n.Value = map[plan.Cmp]string{plan.CmpGE: ">=", plan.CmpLE: "<=", plan.CmpEQ: "=", plan.CmpLT: "<", plan.CmpGT: ">"}[c]
			n.Tag, n.Style = "!!str", yaml.DoubleQuotedStyle
			return
		}
	}
	n.Value = v
	if t != nil && t.Kind() == reflect.String && n.Tag != "!!str" {
		n.Tag = "!!str" // a string field stays a string: "10", "01"
	}
	switch {
	case strings.Contains(v, "\n") && !strings.HasSuffix(v, "\n\n") && v != "\n":
		n.Style = yaml.LiteralStyle
	case strings.Contains(v, "\n"):
		// Text ending in blank lines would need a kept block (|+), whose
		// last blank lines the emitter cannot tell from the blank line it
		// writes before a comment: quoted, every line end is written out.
		n.Style = yaml.DoubleQuotedStyle
	case f.flow == 0 && col+utf8.RuneCountInString(v) > Width-2 && !strings.Contains(v, "  ") && strings.Contains(v, " "):
		n.Style = yaml.FoldedStyle
	case n.Tag == "!!str" && (looksLikeOther(v) || plainUnsafe().MatchString(v) || emitterQuotes(v) || (f.flow > 0 && strings.ContainsAny(v, ",[]{}"))):
		n.Style = yaml.DoubleQuotedStyle
	default:
		n.Style = 0
	}
}

var quoteCache sync.Map

// emitterQuotes reports whether the YAML emitter would quote v as a plain
// string (it then picks single quotes; the canonical form uses double).
func emitterQuotes(v string) bool {
	if q, ok := quoteCache.Load(v); ok {
		return q.(bool)
	}
	out, err := yaml.Marshal(&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v})
	q := err != nil || (len(out) > 0 && (out[0] == '\'' || out[0] == '"'))
	quoteCache.Store(v, q)
	return q
}

// canonicalNumber writes a number the YAML way, with the decimal places its
// author wrote: 1954, 1282.2 (vn.FormatYAML).
func canonicalNumber(d vn.Decimal, orig string) string { return vn.FormatYAML(d) }

// spaceSections separates the top-level entries with one blank line where
// either neighbour spans several lines or carries a comment, so sections
// stand apart while runs of one-line values (ma, ten, tinh) stay together.
// Existing blank lines at the top level are dropped first; the blank lines
// of a block scalar (| or >) are its text and are kept, each one (F-07).
func spaceSections(b []byte) []byte {
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	content := blockLines(lines)
	// Split into the file header (comments before a blank line at the top)
	// and entries: each entry is its head comments, its key line and the
	// indented lines under it.
	type entry struct{ lines []string }
	var header []string
	i := 0
	for i < len(lines) && strings.HasPrefix(lines[i], "#") {
		i++
	}
	if i < len(lines) && lines[i] == "" {
		header = lines[:i]
	} else {
		i = 0
	}
	var entries []entry
	var cur entry
	for ; i < len(lines); i++ {
		l := lines[i]
		switch {
		case content[i]:
			cur.lines = append(cur.lines, l)
		case l == "":
			continue
		case strings.HasPrefix(l, "#"):
			if len(cur.lines) > 0 && !strings.HasPrefix(cur.lines[len(cur.lines)-1], "#") && isKeyed(cur.lines) {
				entries = append(entries, cur)
				cur = entry{}
			}
			cur.lines = append(cur.lines, l)
		case l[0] != ' ' && l[0] != '-':
			if isKeyed(cur.lines) {
				entries = append(entries, cur)
				cur = entry{}
			}
			cur.lines = append(cur.lines, l)
		default:
			cur.lines = append(cur.lines, l)
		}
	}
	if len(cur.lines) > 0 {
		entries = append(entries, cur)
	}
	big := func(e entry) bool {
		return len(e.lines) > 1
	}
	out := header
	if len(header) > 0 {
		out = append(out, "")
	}
	for k, e := range entries {
		// An entry that ends in blank lines ends in a block kept with
		// them (|+): a blank line more would be text of that block.
		if k > 0 && (big(e) || big(entries[k-1])) && !endsBlank(entries[k-1].lines) {
			out = append(out, "")
		}
		out = append(out, e.lines...)
	}
	return []byte(strings.Join(out, "\n") + "\n")
}

func endsBlank(lines []string) bool { return len(lines) > 0 && lines[len(lines)-1] == "" }

// blockHeader matches the line that opens a block scalar, as the emitter
// writes it: “key: |-”, “- >”, “key: |2+”, a comment possibly after it.
var blockHeader = lazy.MustCompile(`(?:^|[ :-])[|>][1-9]?[-+]?(?: +#.*)?$`)

// blockLines marks the lines that are the text of a block scalar: after a
// header line indented h, every line indented more than h, and the blank
// lines among them; the blank lines after the last one too when the block
// keeps them (|+), for they are its text as well.
func blockLines(lines []string) []bool {
	in := make([]bool, len(lines))
	for i := 0; i < len(lines); i++ {
		m := blockHeader.Get().FindString(lines[i])
		if m == "" {
			continue
		}
		keep := strings.Contains(strings.SplitN(m, "#", 2)[0], "+")
		h := indentOf(lines[i])
		j := i + 1
		last := i // the last line of text
		for ; j < len(lines); j++ {
			blank := strings.TrimLeft(lines[j], " ") == ""
			if blank && indentOf(lines[j]) <= h {
				continue // an empty line of the block, or after it
			}
			if !blank && indentOf(lines[j]) <= h {
				break
			}
			last = j
		}
		end := last
		if keep {
			end = j - 1
		}
		for k := i + 1; k <= end; k++ {
			in[k] = true
		}
		i = last
	}
	return in
}

func indentOf(l string) int { return len(l) - len(strings.TrimLeft(l, " ")) }

// isKeyed reports whether lines already hold a top-level key line.
func isKeyed(lines []string) bool {
	for _, l := range lines {
		if l != "" && l[0] != ' ' && l[0] != '#' && l[0] != '-' {
			return true
		}
	}
	return false
}
