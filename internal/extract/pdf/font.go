package pdf

import (
	"errors"
	"fmt"
	"sort"

	"golang.org/x/text/encoding/charmap"
)

// font maps a font's codes to text and widths.
type font struct {
	twoByte bool
	cmap    *cmap
	simple  *[256]rune // codes of a simple font without ToUnicode
	widths  []widthRange
	dw      float64
}

type widthRange struct {
	lo, hi uint32
	w      []float64 // one per code, or a single width for the whole range
}

type glyph struct {
	text  string
	width float64
	space bool // the single-byte code 32, which takes word spacing
}

// glyphs splits a shown string into glyphs, giving each to yield until
// it returns false.
func (f *font) glyphs(s pdfStr, yield func(glyph) bool) {
	step := 1
	if f.twoByte {
		step = 2
	}
	for i := 0; i+step <= len(s); i += step {
		code := uint32(s[i])
		if step == 2 {
			code = code<<8 | uint32(s[i+1])
		}
		g := glyph{width: f.width(code), space: step == 1 && code == 32}
		switch {
		case f.cmap != nil:
			g.text = f.cmap.lookup(code)
		case f.simple != nil:
			g.text = string(f.simple[code&0xff])
		}
		if !yield(g) {
			return
		}
	}
}

// width is the width of a code: binary search in the sorted, disjoint
// ranges (sortWidths).
func (f *font) width(code uint32) float64 {
	i := sort.Search(len(f.widths), func(i int) bool { return f.widths[i].hi >= code })
	if i < len(f.widths) && f.widths[i].lo <= code {
		r := f.widths[i]
		if len(r.w) == 1 {
			return r.w[0]
		}
		if k := int(code - r.lo); k < len(r.w) {
			return r.w[k]
		}
	}
	return f.dw
}

// sortWidths sorts the width ranges by their first code and makes them
// disjoint: where ranges overlap, the one listed first in /W keeps its
// codes (as a scan of /W in order would find it), the other keeps what is
// left of it at its start or end.
func sortWidths(ws []widthRange) []widthRange {
	disjoint := true
	for i := 1; i < len(ws) && disjoint; i++ {
		disjoint = ws[i].lo > ws[i-1].hi
	}
	if disjoint {
		return ws // what fpdf writes: in order, disjoint
	}
	// Keep, in /W order, the parts of each range that no earlier range
	// covers; each range then holds a run of the elementary segments
	// between the ranges' bounds.
	sg := newSegments(len(ws), func(i int) (uint32, uint32) { return ws[i].lo, ws[i].hi })
	var out []widthRange
	sg.assign(func(owner int, lo, hi uint32) {
		r := ws[owner]
		if len(r.w) == 1 {
			out = append(out, widthRange{lo: lo, hi: hi, w: r.w})
			return
		}
		out = append(out, widthRange{lo: lo, hi: hi, w: r.w[lo-r.lo : hi-r.lo+1]})
	})
	return out
}

// segments splits a set of code ranges [lo, hi] at all their bounds, so
// that each elementary segment is inside or outside each range.
type segments struct {
	bounds []uint64 // sorted, distinct; segment k is [bounds[k], bounds[k+1])
	owner  []int32  // the range a segment was given to, or -1
	next   []int32  // for assign: the first segment at or after k still free
	n      int
	rng    func(int) (uint32, uint32)
}

func newSegments(n int, rng func(int) (uint32, uint32)) *segments {
	b := make([]uint64, 0, 2*n)
	for i := 0; i < n; i++ {
		lo, hi := rng(i)
		b = append(b, uint64(lo), uint64(hi)+1)
	}
	sort.Slice(b, func(i, j int) bool { return b[i] < b[j] })
	k := 0
	for i, x := range b {
		if i == 0 || x != b[k-1] {
			b[k] = x
			k++
		}
	}
	b = b[:k]
	sg := &segments{bounds: b, n: n, rng: rng}
	sg.owner = make([]int32, max(len(b)-1, 0))
	sg.next = make([]int32, len(b))
	for i := range sg.owner {
		sg.owner[i] = -1
	}
	for i := range sg.next {
		sg.next[i] = int32(i)
	}
	return sg
}

// free is the first segment at or after k not yet given to a range
// (union-find with path halving, so that giving every segment once costs
// about as much as the segments).
func (sg *segments) free(k int32) int32 {
	for sg.next[k] != k {
		sg.next[k] = sg.next[sg.next[k]]
		k = sg.next[k]
	}
	return k
}

// index is the segment starting at x.
func (sg *segments) index(x uint64) int32 {
	return int32(sort.Search(len(sg.bounds), func(i int) bool { return sg.bounds[i] >= x }))
}

// assign gives each segment to the first range, in order 0…n-1, that
// covers it, then reports the runs of segments each range got, in code
// order, merged where one range's runs touch.
func (sg *segments) assign(part func(owner int, lo, hi uint32)) {
	for i := 0; i < sg.n; i++ {
		lo, hi := sg.rng(i)
		a, z := sg.index(uint64(lo)), sg.index(uint64(hi)+1)
		for k := sg.free(a); k < z; k = sg.free(k) {
			sg.owner[k] = int32(i)
			sg.next[k] = k + 1
		}
	}
	for k := 0; k < len(sg.owner); {
		o := sg.owner[k]
		e := k + 1
		for e < len(sg.owner) && sg.owner[e] == o {
			e++
		}
		if o >= 0 {
			part(int(o), uint32(sg.bounds[k]), uint32(sg.bounds[e]-1))
		}
		k = e
	}
}

// loadFont reads a font dictionary: its ToUnicode map and widths.
func (d *document) loadFont(fd dict) (*font, error) {
	f := &font{dw: 1000}
	sub, _ := d.resolve(fd["Subtype"]).(name)
	if tu, ok := d.resolve(fd["ToUnicode"]).(*stream); ok {
		data, err := d.decode(tu)
		if err != nil {
			return nil, fmt.Errorf("bảng ToUnicode: %w", err)
		}
		cm, err := parseCMap(data, d.b)
		if err != nil {
			return nil, fmt.Errorf("bảng ToUnicode: %w", err)
		}
		f.cmap = cm
	}
	switch sub {
	case "Type0":
		enc, _ := d.resolve(fd["Encoding"]).(name)
		if enc != "Identity-H" && enc != "Identity-V" {
			return nil, fmt.Errorf("bảng mã phông /%s không được hỗ trợ (chỉ Identity-H)", enc)
		}
		f.twoByte = true
		if f.cmap == nil {
			return nil, errors.New("phông không có bảng ToUnicode nên không đọc được chữ")
		}
		desc, _ := d.resolve(fd["DescendantFonts"]).(array)
		if len(desc) == 0 {
			return nil, errors.New("phông thiếu DescendantFonts")
		}
		cid := d.dictOf(desc[0])
		if cid == nil {
			return nil, errors.New("phông thiếu DescendantFonts")
		}
		if dw, ok := d.resolve(cid["DW"]).(float64); ok {
			f.dw = dw
		}
		w, _ := d.resolve(cid["W"]).(array)
		for i := 0; i < len(w); {
			lo, ok := d.resolve(w[i]).(float64)
			if !ok || i+1 >= len(w) || lo < 0 || lo > 0xffff {
				return nil, errors.New("bảng độ rộng /W hỏng")
			}
			if list, ok := d.resolve(w[i+1]).(array); ok {
				r := widthRange{lo: uint32(lo), hi: uint32(lo) + uint32(len(list)) - 1}
				if len(list) == 0 {
					i += 2
					continue
				}
				for _, x := range list {
					v, _ := d.resolve(x).(float64)
					r.w = append(r.w, v)
				}
				f.widths = append(f.widths, r)
				i += 2
				continue
			}
			hi, ok1 := d.resolve(w[i+1]).(float64)
			if i+2 >= len(w) || !ok1 || hi < lo || hi > 0xffff {
				return nil, errors.New("bảng độ rộng /W hỏng")
			}
			v, _ := d.resolve(w[i+2]).(float64)
			f.widths = append(f.widths, widthRange{lo: uint32(lo), hi: uint32(hi), w: []float64{v}})
			i += 3
		}
		f.widths = sortWidths(f.widths)
	default:
		// A simple font (1-byte codes): /FirstChar and /Widths.
		f.dw = 500
		first, _ := d.resolve(fd["FirstChar"]).(float64)
		if ws, ok := d.resolve(fd["Widths"]).(array); ok && first >= 0 && first < 256 && len(ws) > 0 {
			r := widthRange{lo: uint32(first), hi: uint32(first) + uint32(len(ws)) - 1}
			for _, x := range ws {
				v, _ := d.resolve(x).(float64)
				r.w = append(r.w, v)
			}
			f.widths = append(f.widths, r)
		}
		if f.cmap == nil {
			var t [256]rune
			dec := charmap.Windows1252
			for i := range t {
				t[i] = dec.DecodeByte(byte(i))
			}
			f.simple = &t
		}
	}
	return f, nil
}
