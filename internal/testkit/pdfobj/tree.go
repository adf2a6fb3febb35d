package pdfobj

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Marked is what a page's content stream shows, by marked content.
type Marked struct {
	// MCID is the text of each marked-content sequence with an MCID.
	MCID map[int]string
	// MCIDTag is the tag of each (P, H1, TD, Lbl, …).
	MCIDTag map[int]string
	// Artifact is the text shown inside artifacts, in order.
	Artifact []string
	// Unmarked counts text-showing operators outside any marked content;
	// UnmarkedPaint counts painting operators (lines, fills) outside.
	Unmarked, UnmarkedPaint int
	// Unbalanced is set when BDC/BMC and EMC do not pair up.
	Unbalanced bool
	// DuplicateMCID is set when an MCID opens twice on the page.
	DuplicateMCID bool
}

// PageMarks reads the marked content of page p.
func (f *File) PageMarks(p Ref) (*Marked, error) {
	pd := f.Dict(p)
	cs, ok := f.Resolve(pd["Contents"]).(*Stream)
	if !ok {
		return nil, fmt.Errorf("page %d: no content stream", p.Num)
	}
	data, err := cs.Data()
	if err != nil {
		return nil, err
	}
	ops, err := Content(data)
	if err != nil {
		return nil, err
	}
	fonts := f.Dict(f.Dict(pd["Resources"])["Font"])
	m := &Marked{MCID: map[int]string{}, MCIDTag: map[int]string{}}
	type open struct {
		artifact bool
		mcid     int
	}
	var stack []open
	var cmap map[uint32]string
	cmaps := map[Name]map[uint32]string{}
	show := func(s String) {
		var b strings.Builder
		for i := 0; i+1 < len(s); i += 2 {
			b.WriteString(cmap[uint32(s[i])<<8|uint32(s[i+1])])
		}
		t := b.String()
		if len(stack) == 0 {
			m.Unmarked++
			return
		}
		top := stack[len(stack)-1]
		for k := len(stack) - 1; k >= 0; k-- {
			if stack[k].artifact {
				m.Artifact = append(m.Artifact, t)
				return
			}
		}
		if top.mcid >= 0 {
			m.MCID[top.mcid] += t
		}
	}
	for _, op := range ops {
		switch op.Name {
		case "BDC", "BMC":
			o := open{mcid: -1}
			if len(op.Args) > 0 {
				tag, _ := op.Args[0].(Name)
				o.artifact = tag == "Artifact"
				if op.Name == "BDC" && len(op.Args) > 1 {
					if d, ok := op.Args[1].(Dict); ok {
						if n, ok := d["MCID"].(float64); ok {
							o.mcid = int(n)
							if _, dup := m.MCIDTag[o.mcid]; dup {
								m.DuplicateMCID = true
							}
							m.MCIDTag[o.mcid] = string(tag)
							m.MCID[o.mcid] += ""
						}
					}
				}
			}
			stack = append(stack, o)
		case "EMC":
			if len(stack) == 0 {
				m.Unbalanced = true
				continue
			}
			stack = stack[:len(stack)-1]
		case "Tf":
			if len(op.Args) > 0 {
				n, _ := op.Args[0].(Name)
				if _, ok := cmaps[n]; !ok {
					cmaps[n] = f.toUnicode(fonts[n])
				}
				cmap = cmaps[n]
			}
		case "Tj", "'", "\"":
			if len(op.Args) > 0 {
				s, _ := op.Args[len(op.Args)-1].(String)
				show(s)
			}
		case "TJ":
			if len(op.Args) > 0 {
				a, _ := op.Args[0].(Array)
				for _, v := range a {
					if s, ok := v.(String); ok {
						show(s)
					}
				}
			}
		case "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "re":
			if op.Name != "re" && len(stack) == 0 {
				m.UnmarkedPaint++
			}
		}
	}
	if len(stack) != 0 {
		m.Unbalanced = true
	}
	return m, nil
}

// toUnicode reads a font's ToUnicode CMap (bfchar and bfrange with a
// destination string, two-byte codes).
func (f *File) toUnicode(font any) map[uint32]string {
	out := map[uint32]string{}
	s, ok := f.Resolve(f.Dict(font)["ToUnicode"]).(*Stream)
	if !ok {
		return out
	}
	data, err := s.Data()
	if err != nil {
		return out
	}
	ops, err := Content(data)
	if err != nil {
		return out
	}
	code := func(v any) uint32 {
		s, _ := v.(String)
		var c uint32
		for _, b := range s {
			c = c<<8 | uint32(b)
		}
		return c
	}
	for _, op := range ops {
		switch op.Name {
		case "endbfchar":
			for i := 0; i+1 < len(op.Args); i += 2 {
				out[code(op.Args[i])] = Text(append(String{0xfe, 0xff}, op.Args[i+1].(String)...))
			}
		case "endbfrange":
			for i := 0; i+2 < len(op.Args); i += 3 {
				lo, hi := code(op.Args[i]), code(op.Args[i+1])
				dst, ok := op.Args[i+2].(String)
				if !ok || hi-lo > 0x10000 {
					continue
				}
				base := code(dst)
				for c := lo; c <= hi; c++ {
					if u := base + c - lo; u < 0xd800 || u > 0xdfff {
						out[c] = string(rune(u))
					}
				}
			}
		}
	}
	return out
}

// Tree dumps the structure tree: one line per element, indented by depth,
// with its type, its attributes and the text of its own marked content
// (cut at 70 characters), and "[OBJR …]" for an annotation it owns.
func (f *File) Tree() (string, error) {
	root := f.Dict(f.Catalog()["StructTreeRoot"])
	if root == nil {
		return "", fmt.Errorf("no StructTreeRoot")
	}
	pages := f.Pages()
	pageIdx := map[int]int{}
	marks := make([]*Marked, len(pages))
	for i, p := range pages {
		pageIdx[p.Num] = i
		m, err := f.PageMarks(p)
		if err != nil {
			return "", err
		}
		marks[i] = m
	}
	var b strings.Builder
	var walk func(v any, pg int, depth int) error
	walk = func(v any, pg int, depth int) error {
		if depth > 64 {
			return fmt.Errorf("structure tree deeper than 64")
		}
		d := f.Dict(v)
		if d == nil {
			return fmt.Errorf("structure element %v is not a dictionary", v)
		}
		if r, ok := d["Pg"].(Ref); ok {
			pg = pageIdx[r.Num]
		}
		typ, _ := d["S"].(Name)
		fmt.Fprintf(&b, "%s%s", strings.Repeat("  ", depth), typ)
		if l := Text(d["Lang"]); l != "" {
			fmt.Fprintf(&b, " lang=%s", l)
		}
		if a := f.Dict(d["A"]); a != nil {
			keys := make([]string, 0, len(a))
			for k := range a {
				if k != "O" {
					keys = append(keys, string(k))
				}
			}
			sort.Strings(keys)
			for _, k := range keys {
				fmt.Fprintf(&b, " %s=%v", k, value(a[Name(k)]))
			}
		}
		var text strings.Builder
		var kids []any
		k := f.Resolve(d["K"])
		if a, ok := k.(Array); ok {
			kids = a
		} else if k != nil {
			kids = Array{k}
		}
		var elems []any
		for _, kid := range kids {
			switch x := f.Resolve(kid).(type) {
			case float64:
				text.WriteString(marks[pg].MCID[int(x)])
			case Dict:
				switch x["Type"] {
				case Name("MCR"):
					p := pg
					if r, ok := x["Pg"].(Ref); ok {
						p = pageIdx[r.Num]
					}
					text.WriteString(marks[p].MCID[int(Number(x["MCID"]))])
				case Name("OBJR"):
					o := f.Dict(x["Obj"])
					fmt.Fprintf(&b, " [OBJR %v %v %s]", value(o["Subtype"]), value(o["FT"]), Text(o["T"]))
				default:
					elems = append(elems, kid)
				}
			}
		}
		if t := strings.Join(strings.Fields(text.String()), " "); t != "" {
			r := []rune(t)
			if len(r) > 70 {
				t = string(r[:70]) + "…"
			}
			fmt.Fprintf(&b, " “%s”", t)
		}
		b.WriteByte('\n')
		for _, e := range elems {
			if err := walk(e, pg, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	var kids []any
	k := f.Resolve(root["K"])
	if a, ok := k.(Array); ok {
		kids = a
	} else if k != nil {
		kids = Array{k}
	}
	for _, kid := range kids {
		if err := walk(kid, 0, 0); err != nil {
			return "", err
		}
	}
	return b.String(), nil
}

func value(v any) string {
	switch x := v.(type) {
	case Name:
		return string(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case String:
		return Text(x)
	}
	return fmt.Sprint(v)
}
