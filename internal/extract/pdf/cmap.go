package pdf

import (
	"errors"
	"sort"
	"unicode/utf16"

	"kehoach/internal/extract/limits"
)

// cmap is a ToUnicode CMap: single codes (bfchar) and ranges (bfrange).
type cmap struct {
	chars  map[uint32]string
	ranges []cmapRange
	found  map[uint32]string // codes looked up in ranges so far
}

type cmapRange struct {
	lo, hi uint32
	base   uint32   // the first code of the bfrange entry this part is of
	dst    []uint16 // UTF-16 of the text of base; the last unit counts up
}

// lookup maps a code to text: a bfchar entry, else the range holding the
// code (binary search in the disjoint ranges parseCMap made).
func (c *cmap) lookup(code uint32) string {
	if s, ok := c.chars[code]; ok {
		return s
	}
	if s, ok := c.found[code]; ok {
		return s
	}
	s := "\uFFFD"
	i := sort.Search(len(c.ranges), func(i int) bool { return c.ranges[i].hi >= code })
	if i < len(c.ranges) && c.ranges[i].lo <= code {
		r := c.ranges[i]
		u := append([]uint16(nil), r.dst...)
		u[len(u)-1] += uint16(code - r.base)
		s = string(utf16.Decode(u))
	}
	if len(c.found) < 1<<16 {
		c.found[code] = s
	}
	return s
}

// parseCMap reads the bfchar and bfrange sections of a ToUnicode CMap.
func parseCMap(data []byte, b *limits.Budget) (*cmap, error) {
	c := &cmap{chars: map[uint32]string{}, found: map[uint32]string{}}
	l := &lexer{data: data, b: b}
	var ops []any
	mode := ""
	for {
		v, err := l.value(0)
		if err == errEOF {
			break
		}
		if err != nil {
			return nil, err
		}
		k, isKw := v.(keyword)
		if !isKw {
			if mode != "" {
				ops = append(ops, v)
				if len(ops) > 1<<20 {
					return nil, errors.New("quá lớn")
				}
			}
			continue
		}
		switch k {
		case "beginbfchar":
			mode, ops = "char", ops[:0]
		case "beginbfrange":
			mode, ops = "range", ops[:0]
		case "endbfchar":
			for i := 0; i+1 < len(ops); i += 2 {
				src, ok1 := ops[i].(pdfStr)
				dst, ok2 := ops[i+1].(pdfStr)
				if !ok1 || !ok2 || len(src) == 0 || len(src) > 4 {
					return nil, errors.New("mục bfchar hỏng")
				}
				c.chars[code(src)] = string(utf16.Decode(units(dst)))
			}
			mode, ops = "", ops[:0]
		case "endbfrange":
			for i := 0; i+2 < len(ops); i += 3 {
				lo, ok1 := ops[i].(pdfStr)
				hi, ok2 := ops[i+1].(pdfStr)
				if !ok1 || !ok2 || len(lo) == 0 || len(lo) > 4 || len(hi) > 4 || code(hi) < code(lo) {
					return nil, errors.New("mục bfrange hỏng")
				}
				switch dst := ops[i+2].(type) {
				case pdfStr:
					if u := units(dst); len(u) > 0 {
						c.ranges = append(c.ranges, cmapRange{lo: code(lo), hi: code(hi), base: code(lo), dst: u})
					}
				case array:
					for j, x := range dst {
						s, ok := x.(pdfStr)
						if !ok || uint64(code(lo))+uint64(j) > uint64(code(hi)) {
							break
						}
						c.chars[code(lo)+uint32(j)] = string(utf16.Decode(units(s)))
					}
				default:
					return nil, errors.New("mục bfrange hỏng")
				}
			}
			mode, ops = "", ops[:0]
		}
	}
	if len(c.chars) == 0 && len(c.ranges) == 0 {
		return nil, errors.New("không có mục nào")
	}
	// Narrow ranges first, so a specific range wins over a catch-all one;
	// then the codes each keeps, disjoint and in order, for lookup.
	sort.SliceStable(c.ranges, func(i, j int) bool { return c.ranges[i].hi-c.ranges[i].lo < c.ranges[j].hi-c.ranges[j].lo })
	rs := c.ranges
	sg := newSegments(len(rs), func(i int) (uint32, uint32) { return rs[i].lo, rs[i].hi })
	c.ranges = nil
	sg.assign(func(owner int, lo, hi uint32) {
		r := rs[owner]
		c.ranges = append(c.ranges, cmapRange{lo: lo, hi: hi, base: r.base, dst: r.dst})
	})
	return c, nil
}

func code(b pdfStr) uint32 {
	var v uint32
	for _, x := range b {
		v = v<<8 | uint32(x)
	}
	return v
}

func units(b pdfStr) []uint16 {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return u
}
