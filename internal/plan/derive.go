package plan

import (
	"kehoach/internal/programme"
	"kehoach/internal/vn"
)

// Total is the total of all funding sources (computed, never typed).
func (p *Plan) Total() vn.Decimal {
	var t vn.Decimal
	for _, n := range p.NguonLuc.Nguon {
		t = t.Add(n.Sum)
	}
	return t
}

// EachSource visits the funding tree depth first, in document order.
func (p *Plan) EachSource(fn func(n *Nguon, depth int)) {
	var walk func(ns []Nguon, depth int)
	walk = func(ns []Nguon, depth int) {
		for i := range ns {
			fn(&ns[i], depth)
			walk(ns[i].Con, depth+1)
		}
	}
	walk(p.NguonLuc.Nguon, 0)
}

// SumByKind sums the leaves under n of the kind (KindInvest, KindCurrent).
func (n *Nguon) SumByKind(kind string) (vn.Decimal, bool) {
	if len(n.Con) == 0 {
		if n.Kind() == kind {
			return n.Sum, true
		}
		return vn.Decimal{}, false
	}
	var t vn.Decimal
	found := false
	for i := range n.Con {
		if s, ok := n.Con[i].SumByKind(kind); ok {
			t, found = t.Add(s), true
		}
	}
	return t, found
}

// CountMet is the number of criteria met at the start of the year.
func (p *Plan) CountMet() int { return p.count(StatusMet) }

// CountPlanned is the number of criteria to be met this year.
func (p *Plan) CountPlanned() int { return p.count(StatusPlanned) }

// CountCriteria is the size of the criteria set.
func (p *Plan) CountCriteria() int {
	if p.Set == nil {
		return 0
	}
	return len(p.Set.TieuChi)
}

func (p *Plan) count(s Status) int {
	n := 0
	for _, d := range p.TieuChi.DanhGia {
		if d.HienTrang == s {
			n++
		}
	}
	return n
}

// Planned returns the criteria planned for this year, in set order.
func (p *Plan) Planned() []programme.Criterion {
	var out []programme.Criterion
	if p.Set == nil {
		return nil
	}
	for _, c := range p.Set.TieuChi {
		for _, d := range p.TieuChi.DanhGia {
			if d.So == c.So && d.HienTrang == StatusPlanned {
				out = append(out, c)
			}
		}
	}
	return out
}

// Status returns the status of criterion so ("" when not listed).
func (p *Plan) Status(so int) Status {
	for _, d := range p.TieuChi.DanhGia {
		if d.So == so {
			return d.HienTrang
		}
	}
	return ""
}
