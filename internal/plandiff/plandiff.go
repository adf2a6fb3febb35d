// Package plandiff compares two versions of a plan in the plan's own terms:
// indicators and targets, funding lines with signed deltas and the effect on
// every total above them, criteria status, tasks added, removed, moved or
// edited (with word-level changes), recipients, signature, number and date.
// Text is compared after Unicode NFC normalisation, so a change of encoding
// form alone is no difference.
//
// Plans are compared as Load resolved them, so what the period, the
// criteria set and the provincial set fill in (programme names, default
// legal bases, Biểu 01 thresholds) counts like what the file says. When the
// two plans belong to different periods or criteria sets, the report opens
// with that: the period, the programme, the criteria set with the counts of
// criteria met, the provincial set, then the legal bases added and removed.
package plandiff

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"kehoach/internal/markup"
	"kehoach/internal/plan"
	"kehoach/internal/programme"
	"kehoach/internal/textdiff"
	"kehoach/internal/vn"
)

// Kind is what happened to an item.
type Kind string

// Kinds of change.
const (
	Edited  Kind = "sửa"
	Added   Kind = "thêm"
	Removed Kind = "bỏ"
	Moved   Kind = "chuyển chỗ"
)

// Change is one difference.
type Change struct {
	Section string          `json:"phan"`              // section of the plan
	Kind    Kind            `json:"loai"`              // sửa, thêm, bỏ, chuyển chỗ
	Item    string          `json:"muc"`               // what changed, in words
	Old     string          `json:"cu,omitempty"`      // value before
	New     string          `json:"moi,omitempty"`     // value after
	Delta   string          `json:"chenh,omitempty"`   // signed difference of amounts (+200)
	Words   []textdiff.Edit `json:"tung_tu,omitempty"` // word-level changes of edited text
}

// Report is the difference between two plans.
type Report struct {
	Old     string   `json:"cu"`
	New     string   `json:"moi"`
	Changes []Change `json:"thay_doi"`
	// Plan is Added or Removed when the plan is in one version only (see
	// Alone); Summary then says what plan it is.
	Plan    Kind   `json:"ke_hoach,omitempty"`
	Summary string `json:"tom_tat,omitempty"`
	// Incomparable: a version could not be read into a plan at all (a YAML
	// syntax error), so no change is listed; its errors say why.
	Incomparable bool `json:"khong_so_sanh_duoc,omitempty"`
	// OldErrors and NewErrors are the validation errors of each version
	// (file:line:col: message), listed after the changes.
	OldErrors []string `json:"loi_ban_cu,omitempty"`
	NewErrors []string `json:"loi_ban_moi,omitempty"`
}

// Equal reports whether the two versions are the same: the same plan, no
// difference, and neither version has an error.
func (r *Report) Equal() bool {
	return len(r.Changes) == 0 && r.Plan == "" && !r.Incomparable && len(r.OldErrors) == 0 && len(r.NewErrors) == 0
}

// Sections in the order they are reported. When the programme period or
// the criteria set changes, "Căn cứ" comes right after "Giai đoạn".
var Sections = []string{
	SectionPeriod, "Văn bản", "Căn cứ", "Mục tiêu và chỉ tiêu", "Tiêu chí", "Nhiệm vụ",
	"Nguồn lực", "Giải pháp", "Tổ chức thực hiện", "Nơi nhận", "Chữ ký", "Biểu kèm theo", SectionCommune,
}

// SectionPeriod reports a change of programme period, criteria set or
// provincial criteria set.
const SectionPeriod = "Giai đoạn và bộ tiêu chí"

type differ struct {
	r      *Report
	skip   map[string]bool // list paths fields does not compare
	pa, pb *plan.Plan      // the plans fields compares
}

func (d *differ) add(c Change) { d.r.Changes = append(d.r.Changes, c) }

// text compares two strings; an edit carries word-level changes.
func (d *differ) text(section, item, a, b string) {
	a, b = markup.Plain(a), markup.Plain(b)
	if a == b {
		return
	}
	switch {
	case a == "":
		d.add(Change{Section: section, Kind: Added, Item: item, New: b})
	case b == "":
		d.add(Change{Section: section, Kind: Removed, Item: item, Old: a})
	default:
		d.add(Change{Section: section, Kind: Edited, Item: item, Old: a, New: b, Words: textdiff.Diff(strings.Fields(a), strings.Fields(b))})
	}
}

// value compares two short values without word diffs.
func (d *differ) value(section, item, a, b string) {
	if a != b {
		d.add(Change{Section: section, Kind: Edited, Item: item, Old: orDash(a), New: orDash(b)})
	}
}

func orDash(s string) string {
	if s == "" {
		return "(trống)"
	}
	return s
}

// Compare returns the differences from old to new (both validated).
func Compare(old, new *plan.Plan) *Report {
	d := &differ{r: &Report{Old: old.File, New: new.File}}
	crossing := d.period(old, new)
	d.document(old, new)
	d.legalBasis(old, new)
	d.objectives(old, new)
	d.criteria(old, new)
	d.tasks(old, new)
	d.funding(old, new)
	d.list("Giải pháp", "giải pháp", old.GiaiPhap, new.GiaiPhap)
	d.organisation(old, new)
	d.recipients(old, new)
	d.signature(old, new)
	d.annexes(old, new)
	d.fields(old, new)
	order := map[string]int{}
	for i, s := range Sections {
		order[s] = i
	}
	if crossing {
		order["Căn cứ"] = order[SectionPeriod]
	}
	sort.SliceStable(d.r.Changes, func(i, j int) bool {
		return order[d.r.Changes[i].Section] < order[d.r.Changes[j].Section]
	})
	return d.r
}

// docNumber is the printed number, “125/KH-UBND”; "" for a draft.
func docNumber(p *plan.Plan) string {
	if p.VanBan.So == 0 {
		return ""
	}
	return vn.DocNumber(int(p.VanBan.So)) + "/" + p.Loai() + "-" + unitAbbr(p)
}

// issueDate is the issue date, “05/8/2025”; "" for a draft.
func issueDate(p *plan.Plan) string {
	if p.VanBan.Ngay.IsZero() {
		return ""
	}
	return vn.ShortDate(p.VanBan.Ngay.Time)
}

func (d *differ) document(a, b *plan.Plan) {
	const s = "Văn bản"
	d.value(s, "năm kế hoạch", fmt.Sprint(a.Nam), fmt.Sprint(b.Nam))
	d.value(s, "số văn bản", docNumber(a), docNumber(b))
	d.value(s, "ngày ban hành", issueDate(a), issueDate(b))
	d.text(s, "trích yếu", a.VanBan.TrichYeu, b.VanBan.TrichYeu)
	d.text(s, "tên Chương trình", a.ChuongTrinh.Ten, b.ChuongTrinh.Ten)
	d.text(s, "tên ngắn Chương trình", a.ChuongTrinh.TenNgan, b.ChuongTrinh.TenNgan)
}

// period reports a change of programme period, national criteria set or
// provincial set, and whether there was one: the period's years and
// official programme name, the set (with its decision and size) and the
// counts of criteria met (numbers of another set name other criteria, so
// only the counts compare), what the commune's thresholds are chosen by,
// and the provincial set.
func (d *differ) period(a, b *plan.Plan) bool {
	const s = SectionPeriod
	pa, pb := periodOf(a), periodOf(b)
	setChanged := a.TieuChi.Bo != b.TieuChi.Bo
	provChanged := provName(a) != provName(b)
	if pa == pb && !setChanged && !provChanged {
		return false
	}
	if pa != pb {
		d.value(s, "giai đoạn", pa, pb)
		// Another programme, not an edit of the old one's name: both in full.
		d.value(s, "Chương trình", programmeName(a), programmeName(b))
	}
	if setChanged {
		d.value(s, "bộ tiêu chí", setName(a), setName(b))
		d.value(s, "số tiêu chí đã đạt đầu năm", ratio(a, false), ratio(b, false))
		d.value(s, "số tiêu chí đạt cuối năm", ratio(a, true), ratio(b, true))
		d.value(s, "ngưỡng chỉ tiêu của xã theo", thresholdKey(a), thresholdKey(b))
	}
	if provChanged {
		d.value(s, "bộ tiêu chí của tỉnh", provName(a), provName(b))
	}
	return true
}

func periodOf(p *plan.Plan) string {
	if p.Period == nil {
		return ""
	}
	return fmt.Sprintf("%d - %d", p.Period.Tu, p.Period.Den)
}

func programmeName(p *plan.Plan) string {
	if p.Period == nil {
		return ""
	}
	return p.Period.ChuongTrinh.TenChinhThuc
}

// setName is the criteria set with its decision and size: “Bộ tiêu chí …
// (Quyết định số 318/QĐ-TTg, 19 tiêu chí)”.
func setName(p *plan.Plan) string {
	if p.Set == nil {
		return p.TieuChi.Bo
	}
	var extra []string
	if ct, ok := programme.Cite(p.Set.CanCu); ok {
		extra = append(extra, ct.Loai+" số "+ct.So)
	}
	extra = append(extra, fmt.Sprintf("%d tiêu chí", len(p.Set.TieuChi)))
	return p.Set.Ten + " (" + strings.Join(extra, ", ") + ")"
}

// ratio is “12/19”: the criteria met at the start of the year, or with
// those planned, at its end.
func ratio(p *plan.Plan, end bool) string {
	n := p.CountMet()
	if end {
		n += p.CountPlanned()
	}
	return fmt.Sprintf("%d/%d", n, p.CountCriteria())
}

// thresholdKey says what chooses the commune's Biểu 01 thresholds in the
// plan's set: “vùng Tây Nguyên”, “xã nhóm 3”.
func thresholdKey(p *plan.Plan) string {
	if p.Set == nil {
		return ""
	}
	_, desc, ok := p.Set.Key(p.Commune.Class())
	if !ok {
		return "(tệp xã chưa ghi " + desc + ")"
	}
	return desc
}

// provName is the provincial set's decision (“Quyết định số 2468/QĐ-UBND
// ngày 16/9/2022 của UBND tỉnh Điện Biên”), “(không có)” without one.
func provName(p *plan.Plan) string {
	if p.Prov == nil {
		return "(không có)"
	}
	v := p.Prov.VanBan
	c := plan.CanCu{Loai: v.Loai, So: v.So, CoQuan: v.CoQuan}
	if t, err := time.Parse(time.DateOnly, v.Ngay); err == nil {
		c.Ngay.Time = t
	}
	return strings.TrimSpace(canCu(c))
}

func unitAbbr(p *plan.Plan) string {
	if p.Commune == nil {
		return "UBND"
	}
	return p.Commune.CoQuan.VietTat
}

func canCu(c plan.CanCu) string {
	s := c.Loai
	if c.So != "" {
		s += " số " + c.So
	}
	if !c.Ngay.IsZero() {
		s += " ngày " + vn.ShortDate(c.Ngay.Time)
	}
	if c.CoQuan != "" {
		s += " của " + c.CoQuan
	}
	return s + " " + c.TrichYeu
}

// legalBasis compares the resolved legal bases (the defaults of the period
// and the sets count): a document is the same one when its type and number
// are (type and wording for a law without number), so another document is
// added and removed, never an edit of the one it replaced; the same
// document worded otherwise is edited, and put elsewhere, moved.
func (d *differ) legalBasis(a, b *plan.Plan) {
	const s = "Căn cứ"
	key := func(c plan.CanCu) string {
		if c.So != "" {
			return c.Loai + " số " + c.So
		}
		return c.Loai + " " + markup.Plain(c.TrichYeu)
	}
	index := func(cs []plan.CanCu) map[string]int {
		m := map[string]int{}
		for i := len(cs) - 1; i >= 0; i-- {
			m[key(cs[i])] = i
		}
		return m
	}
	ia, ib := index(a.CanCu), index(b.CanCu)
	var ka, kb []string // the documents in both, in each plan's order
	for _, c := range a.CanCu {
		if _, ok := ib[key(c)]; ok {
			ka = append(ka, key(c))
		}
	}
	for j, c := range b.CanCu {
		k := key(c)
		i, ok := ia[k]
		if !ok {
			d.add(Change{Section: s, Kind: Added, Item: fmt.Sprintf("căn cứ thứ %d", j+1), New: canCu(c)})
			continue
		}
		kb = append(kb, k)
		d.text(s, "căn cứ “"+k+"”", canCu(a.CanCu[i]), canCu(c))
	}
	for i, c := range a.CanCu {
		if _, ok := ib[key(c)]; !ok {
			d.add(Change{Section: s, Kind: Removed, Item: fmt.Sprintf("căn cứ thứ %d", i+1), Old: canCu(c)})
		}
	}
	// Both lists hold the same documents: those outside their longest
	// common subsequence moved.
	for _, e := range textdiff.Diff(ka, kb) {
		if e.Op == textdiff.Insert {
			d.add(Change{Section: s, Kind: Moved, Item: "căn cứ “" + e.Text + "”", Old: fmt.Sprintf("thứ %d", ia[e.Text]+1), New: fmt.Sprintf("thứ %d", ib[e.Text]+1)})
		}
	}
}

// indicator renders a target: "≥ 54 triệu đồng/năm".
func indicator(c plan.ChiTieu) string {
	s := ""
	if c.SoSanh != "" && c.SoSanh != plan.CmpEQ {
		s = string(c.SoSanh) + " "
	}
	v := c.GiaTri.String()
	if strings.HasPrefix(c.DonVi, "%") || c.DonVi == "" {
		return s + v + c.DonVi
	}
	return s + v + " " + c.DonVi
}

func (d *differ) objectives(a, b *plan.Plan) {
	const s = "Mục tiêu và chỉ tiêu"
	d.text(s, "mục tiêu chung", a.MucTieu.Chung, b.MucTieu.Chung)
	d.list(s, "mục tiêu cụ thể", a.MucTieu.CuThe, b.MucTieu.CuThe)
	old := map[string]plan.ChiTieu{}
	for _, c := range a.MucTieu.ChiTieu {
		old[c.Ten] = c
	}
	seen := map[string]bool{}
	for _, c := range b.MucTieu.ChiTieu {
		seen[c.Ten] = true
		o, ok := old[c.Ten]
		switch {
		case !ok:
			d.add(Change{Section: s, Kind: Added, Item: "chỉ tiêu “" + c.Ten + "”", New: indicator(c)})
		case indicator(o) != indicator(c):
			ch := Change{Section: s, Kind: Edited, Item: "chỉ tiêu “" + c.Ten + "”", Old: indicator(o), New: indicator(c)}
			if o.DonVi == c.DonVi && o.SoSanh == c.SoSanh {
				ch.Delta = c.GiaTri.Sub(o.GiaTri.Decimal).Signed()
			}
			d.add(ch)
		}
	}
	for _, c := range a.MucTieu.ChiTieu {
		if !seen[c.Ten] {
			d.add(Change{Section: s, Kind: Removed, Item: "chỉ tiêu “" + c.Ten + "”", Old: indicator(c)})
		}
	}
}

var statusWord = map[plan.Status]string{plan.StatusMet: "đã đạt", plan.StatusPlanned: "phấn đấu đạt trong năm", plan.StatusNotMet: "chưa đạt", "": "(không có)"}

func (d *differ) criteria(a, b *plan.Plan) {
	const s = "Tiêu chí"
	if a.TieuChi.Bo != b.TieuChi.Bo {
		// Another criteria set (a new programme period): numbers no longer
		// name the same criteria; the set and the counts are reported
		// under SectionPeriod.
		return
	}
	name := func(p *plan.Plan, so int) string {
		if p.Set != nil {
			if c, ok := p.Set.Criterion(so); ok {
				return fmt.Sprintf("tiêu chí số %d (%s)", so, c.Ten)
			}
		}
		return fmt.Sprintf("tiêu chí số %d", so)
	}
	nums := map[int]bool{}
	for _, x := range a.TieuChi.DanhGia {
		nums[x.So] = true
	}
	for _, x := range b.TieuChi.DanhGia {
		nums[x.So] = true
	}
	var sorted []int
	for n := range nums {
		sorted = append(sorted, n)
	}
	sort.Ints(sorted)
	for _, n := range sorted {
		if sa, sb := a.Status(n), b.Status(n); sa != sb {
			d.add(Change{Section: s, Kind: Edited, Item: name(b, n), Old: statusWord[sa], New: statusWord[sb]})
		}
	}
	d.value(s, "số tiêu chí đã đạt đầu năm", ratio(a, false), ratio(b, false))
	d.value(s, "số tiêu chí đạt cuối năm", ratio(a, true), ratio(b, true))
	for _, n := range sorted {
		d.indicatorRows(rowsOf(a, n), rowsOf(b, n))
	}
}

// rowsOf is criterion so's resolved Biểu 01 indicator lines.
func rowsOf(p *plan.Plan, so int) []plan.IndicatorRow {
	for _, d := range p.TieuChi.DanhGia {
		if d.So == so {
			return d.Rows
		}
	}
	return nil
}

// indicatorRows compares the Biểu 01 indicator lines of one criterion as
// Load resolved them (the wording, unit and threshold of the criteria set
// or the provincial set included), matched by code.
func (d *differ) indicatorRows(ra, rb []plan.IndicatorRow) {
	const s = "Tiêu chí"
	label := func(r plan.IndicatorRow) string {
		if r.Ten == "" {
			return "chỉ tiêu " + r.Ma + " (Biểu 01)"
		}
		return "chỉ tiêu " + r.Ma + " “" + clip(markup.Plain(r.Ten)) + "”"
	}
	whole := func(r plan.IndicatorRow) string {
		parts := []string{markup.Plain(r.Ten)}
		for _, f := range []struct{ name, v string }{{"đơn vị tính", r.DonVi}, {"chỉ tiêu quy định", r.QuyDinh}, {"hiện trạng", r.HienTrang}, {"kế hoạch", r.KeHoach}} {
			if f.v != "" {
				parts = append(parts, f.name+" "+f.v)
			}
		}
		return strings.Join(parts, "; ")
	}
	old := map[string]plan.IndicatorRow{}
	for _, r := range ra {
		old[r.Ma] = r
	}
	seen := map[string]bool{}
	for _, r := range rb {
		seen[r.Ma] = true
		o, ok := old[r.Ma]
		if !ok {
			d.add(Change{Section: s, Kind: Added, Item: "chỉ tiêu " + r.Ma + " (Biểu 01)", New: whole(r)})
			continue
		}
		d.text(s, label(r)+", nội dung", o.Ten, r.Ten)
		d.value(s, label(r)+", đơn vị tính", o.DonVi, r.DonVi)
		d.value(s, label(r)+", chỉ tiêu quy định", o.QuyDinh, r.QuyDinh)
		d.value(s, label(r)+", hiện trạng", o.HienTrang, r.HienTrang)
		d.value(s, label(r)+", kế hoạch", o.KeHoach, r.KeHoach)
	}
	for _, r := range ra {
		if !seen[r.Ma] {
			d.add(Change{Section: s, Kind: Removed, Item: "chỉ tiêu " + r.Ma + " (Biểu 01)", Old: whole(r)})
		}
	}
}

// muc renders an item of a task list as one line per "-"/"+" point.
func muc(m plan.Muc) []string {
	var out []string
	switch {
	case m.Doan != "":
		out = append(out, markup.Plain(m.Doan))
	case m.Y != "":
		out = append(out, "- "+markup.Plain(m.Y))
	}
	for _, s := range m.YNho {
		out = append(out, "+ "+markup.Plain(s))
	}
	return out
}

func muclist(ms []plan.Muc) []string {
	var out []string
	for _, m := range ms {
		out = append(out, muc(m)...)
	}
	return out
}

func (d *differ) tasks(a, b *plan.Plan) {
	const s = "Nhiệm vụ"
	var ta, tb []string
	for _, g := range a.NhiemVu.Nhom {
		ta = append(ta, markup.Plain(g.TieuDe))
	}
	for _, g := range b.NhiemVu.Nhom {
		tb = append(tb, markup.Plain(g.TieuDe))
	}
	pairs := match(ta, tb)
	for _, p := range pairs {
		switch {
		case p.i < 0:
			g := b.NhiemVu.Nhom[p.j]
			d.add(Change{Section: s, Kind: Added, Item: fmt.Sprintf("nhóm nhiệm vụ %d", p.j+1), New: markup.Plain(g.TieuDe)})
		case p.j < 0:
			g := a.NhiemVu.Nhom[p.i]
			d.add(Change{Section: s, Kind: Removed, Item: fmt.Sprintf("nhóm nhiệm vụ %d", p.i+1), Old: markup.Plain(g.TieuDe)})
		default:
			label := fmt.Sprintf("nhóm nhiệm vụ %d", p.j+1)
			if p.moved {
				d.add(Change{Section: s, Kind: Moved, Item: label, Old: fmt.Sprintf("vị trí %d", p.i+1), New: fmt.Sprintf("vị trí %d", p.j+1)})
			}
			d.text(s, label+", tên nhóm", a.NhiemVu.Nhom[p.i].TieuDe, b.NhiemVu.Nhom[p.j].TieuDe)
			d.list(s, label, muclist(a.NhiemVu.Nhom[p.i].NoiDung), muclist(b.NhiemVu.Nhom[p.j].NoiDung))
			d.value(s, label+", biểu kèm theo", strings.Join(a.NhiemVu.Nhom[p.i].Bieu, "; "), strings.Join(b.NhiemVu.Nhom[p.j].Bieu, "; "))
		}
	}
	d.value(s, "biểu kèm theo phần II", strings.Join(a.NhiemVu.Bieu, "; "), strings.Join(b.NhiemVu.Bieu, "; "))
}

// source is a funding line flattened with its path of ancestors.
type source struct {
	key   string // id, or the name path when there is no id
	name  string
	sum   vn.Decimal
	leaf  bool
	chain []string // keys of the ancestors, nearest first
}

func flatten(p *plan.Plan) ([]source, map[string]source) {
	var out []source
	idx := map[string]source{}
	var walk func(ns []plan.Nguon, chain []string, prefix string)
	walk = func(ns []plan.Nguon, chain []string, prefix string) {
		for _, n := range ns {
			key := n.Ma
			if key == "" {
				key = prefix + n.Ten
			}
			s := source{key: key, name: n.Ten, sum: n.Sum, leaf: len(n.Con) == 0, chain: append([]string(nil), chain...)}
			out = append(out, s)
			idx[key] = s
			walk(n.Con, append([]string{key}, chain...), prefix+n.Ten+" / ")
		}
	}
	walk(p.NguonLuc.Nguon, nil, "")
	return out, idx
}

func (d *differ) funding(a, b *plan.Plan) {
	const s = "Nguồn lực"
	la, ia := flatten(a)
	lb, ib := flatten(b)
	done := map[string]bool{}
	label := func(x source) string {
		if x.leaf {
			return "nguồn “" + x.name + "”"
		}
		return "tổng “" + x.name + "”"
	}
	// ancestors reports the totals above a changed line that changed too:
	// each once, nearest first, right after the first line that moved them.
	ancestors := func(chain []string) {
		for _, k := range chain {
			if done[k] {
				continue
			}
			o, okA := ia[k]
			n, okB := ib[k]
			if okA && okB && !o.sum.Equal(n.sum) {
				done[k] = true
				d.add(Change{Section: s, Kind: Edited, Item: label(n), Old: o.sum.String() + " triệu đồng", New: n.sum.String() + " triệu đồng", Delta: n.sum.Sub(o.sum).Signed()})
			}
		}
	}
	for _, x := range lb {
		o, ok := ia[x.key]
		switch {
		case !ok:
			done[x.key] = true
			d.add(Change{Section: s, Kind: Added, Item: label(x), New: x.sum.String() + " triệu đồng", Delta: x.sum.Signed()})
			ancestors(x.chain)
		case x.leaf && !o.sum.Equal(x.sum):
			done[x.key] = true
			d.add(Change{Section: s, Kind: Edited, Item: label(x), Old: o.sum.String() + " triệu đồng", New: x.sum.String() + " triệu đồng", Delta: x.sum.Sub(o.sum).Signed()})
			ancestors(x.chain)
		}
		if ok && o.name != x.name {
			d.text(s, "tên nguồn “"+o.name+"”", o.name, x.name)
		}
	}
	for _, x := range la {
		if _, ok := ib[x.key]; !ok {
			d.add(Change{Section: s, Kind: Removed, Item: label(x), Old: x.sum.String() + " triệu đồng", Delta: vn.Decimal{}.Sub(x.sum).Signed()})
			ancestors(x.chain)
		}
	}
	// Totals whose change no line explains (a line moved between parents).
	for _, x := range lb {
		if !x.leaf && !done[x.key] {
			ancestors([]string{x.key})
		}
	}
	if ta, tb := a.Total(), b.Total(); !ta.Equal(tb) {
		d.add(Change{Section: s, Kind: Edited, Item: "Tổng nguồn lực", Old: ta.String() + " triệu đồng", New: tb.String() + " triệu đồng", Delta: tb.Sub(ta).Signed()})
	}
}

func (d *differ) organisation(a, b *plan.Plan) {
	const s = "Tổ chức thực hiện"
	var ua, ub []string
	for _, t := range a.ToChuc {
		ua = append(ua, t.DonVi)
	}
	for _, t := range b.ToChuc {
		ub = append(ub, t.DonVi)
	}
	for _, p := range match(ua, ub) {
		switch {
		case p.i < 0:
			d.add(Change{Section: s, Kind: Added, Item: "đơn vị", New: ub[p.j]})
		case p.j < 0:
			d.add(Change{Section: s, Kind: Removed, Item: "đơn vị", Old: ua[p.i]})
		default:
			if p.moved {
				d.add(Change{Section: s, Kind: Moved, Item: "đơn vị “" + ub[p.j] + "”", Old: fmt.Sprintf("vị trí %d", p.i+1), New: fmt.Sprintf("vị trí %d", p.j+1)})
			}
			d.text(s, "tên đơn vị", ua[p.i], ub[p.j])
			d.list(s, "nhiệm vụ của “"+ub[p.j]+"”", muclist(a.ToChuc[p.i].NoiDung), muclist(b.ToChuc[p.j].NoiDung))
		}
	}
	d.text(s, "câu kết", a.KetLuan, b.KetLuan)
}

func recipient(n plan.NguoiNhan) string {
	s := n.Ten
	if n.GhiChu != "" {
		s += " (" + n.GhiChu + ")"
	}
	return s
}

func (d *differ) recipients(a, b *plan.Plan) {
	const s = "Nơi nhận"
	var ra, rb []string
	for _, n := range a.NoiNhan.Nhan {
		ra = append(ra, recipient(n))
	}
	for _, n := range b.NoiNhan.Nhan {
		rb = append(rb, recipient(n))
	}
	d.list(s, "nơi nhận", ra, rb)
	// As the distribution list counts them: so_ban copies (1 by
	// default), to each sub-unit with theo_ban.
	copies := func(p *plan.Plan, n plan.NguoiNhan) string {
		c := fmt.Sprint(max(n.SoBan, 1))
		if n.TheoBan {
			return c + " bản mỗi " + p.Commune.SubUnit()
		}
		return c
	}
	byName := map[string]plan.NguoiNhan{}
	for _, n := range a.NoiNhan.Nhan {
		byName[n.Ten] = n
	}
	for _, n := range b.NoiNhan.Nhan {
		if o, ok := byName[n.Ten]; ok {
			d.value(s, "số bản gửi “"+n.Ten+"”", copies(a, o), copies(b, n))
		}
	}
	d.value(s, "nơi lưu", strings.Join(a.NoiNhan.Luu, ", "), strings.Join(b.NoiNhan.Luu, ", "))
}

func (d *differ) signature(a, b *plan.Plan) {
	const s = "Chữ ký"
	line := func(p *plan.Plan) string {
		agency := ""
		if p.Commune != nil {
			agency = p.Commune.CoQuan.Ten
		}
		return strings.Join(p.Ky.AuthorityLines(agency), " / ")
	}
	d.value(s, "thẩm quyền ký", line(a), line(b))
	if q := func(p *plan.Plan) bool { return strings.TrimSuffix(strings.TrimSpace(p.Ky.QuyenHan), ".") == "Q" }; q(a) || q(b) {
		// An acting head signs with that title alone (AuthorityLines):
		// the signer's own post is not in the lines above.
		d.value(s, "chức vụ người ký", a.Ky.ChucVu, b.Ky.ChucVu)
	}
	d.value(s, "người ký", a.SignerName(), b.SignerName())
}

func (d *differ) annexes(a, b *plan.Plan) {
	const s = "Biểu kèm theo"
	work := func(p *plan.Plan, w plan.CongTrinh) string {
		var parts []string
		for _, v := range w.Von {
			parts = append(parts, sourceName(p, v.Nguon)+" "+v.SoTien.String())
		}
		return w.Ten + " — " + strings.Join(parts, ", ") + " triệu đồng"
	}
	var wa, wb []string
	for _, w := range a.Bieu.CongTrinh {
		wa = append(wa, work(a, w))
	}
	for _, w := range b.Bieu.CongTrinh {
		wb = append(wb, work(b, w))
	}
	d.list(s, "công trình (Biểu 03)", wa, wb)
	sn := func(x plan.SuNghiep) string {
		return x.NoiDung + " — " + x.SoTien.String() + " triệu đồng"
	}
	var sa, sb []string
	for _, x := range a.Bieu.SuNghiep {
		sa = append(sa, sn(x))
	}
	for _, x := range b.Bieu.SuNghiep {
		sb = append(sb, sn(x))
	}
	d.list(s, "nội dung vốn sự nghiệp (Biểu 04)", sa, sb)
}

// list compares two ordered lists of text items: added, removed, moved and
// edited (with word changes) items.
func (d *differ) list(section, what string, a, b []string) {
	pa := make([]string, len(a))
	for i := range a {
		pa[i] = markup.Plain(a[i])
	}
	pb := make([]string, len(b))
	for i := range b {
		pb[i] = markup.Plain(b[i])
	}
	for _, p := range match(pa, pb) {
		switch {
		case p.i < 0:
			d.add(Change{Section: section, Kind: Added, Item: fmt.Sprintf("%s thứ %d", what, p.j+1), New: pb[p.j]})
		case p.j < 0:
			d.add(Change{Section: section, Kind: Removed, Item: fmt.Sprintf("%s thứ %d", what, p.i+1), Old: pa[p.i]})
		default:
			if p.moved {
				d.add(Change{Section: section, Kind: Moved, Item: fmt.Sprintf("%s “%s”", what, clip(pb[p.j])), Old: fmt.Sprintf("thứ %d", p.i+1), New: fmt.Sprintf("thứ %d", p.j+1)})
			}
			if pa[p.i] != pb[p.j] {
				d.text(section, fmt.Sprintf("%s thứ %d", what, p.j+1), pa[p.i], pb[p.j])
			}
		}
	}
}

func clip(s string) string {
	r := []rune(s)
	if len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

// pair links item i of the old list with item j of the new (-1: none).
type pair struct {
	i, j  int
	moved bool
}

// Bounds that keep match near-linear on long lists (#15 F-12: two lists of
// 9.500 changed paragraphs took 162 s).
const (
	// maxLCSCells is the largest len(a)·len(b) for which the equal items
	// are aligned by a full LCS; longer lists align their unique items
	// (patience) and run the LCS only on the small gaps between them.
	maxLCSCells = 1 << 22
	// similarWindow is how far (in items) from its expected place an edited
	// item is looked for in lists longer than 2·similarWindow.
	similarWindow = 64
)

// match pairs the items of two lists: equal items first (those outside the
// longest common subsequence of equal items are moved), then the remaining
// items by word similarity (edited), then the rest are removed or added.
// Pairs come in the order of the new list, removals after. Work is bounded:
// see maxLCSCells and similarWindow.
func match(a, b []string) []pair {
	ja := make([]int, len(a)) // a index → b index
	for i := range ja {
		ja[i] = -1
	}
	jb := make([]int, len(b))
	for i := range jb {
		jb[i] = -1
	}
	link := func(i, j int) { ja[i], jb[j] = j, i }
	// Equal items, in order: unmoved.
	if len(a)*len(b) <= maxLCSCells {
		lcs(a, b, 0, 0, link)
	} else {
		patience(a, b, link)
	}
	moved := map[int]bool{}
	// Equal items elsewhere: moved (first unpaired equal item, in order).
	free := map[string][]int{}
	for j := range b {
		if jb[j] < 0 {
			free[b[j]] = append(free[b[j]], j)
		}
	}
	for i := range a {
		if q := free[a[i]]; ja[i] < 0 && len(q) > 0 {
			link(i, q[0])
			free[a[i]] = q[1:]
			moved[q[0]] = true
		}
	}
	// Similar items: edited (moved when out of order). Word bags are made
	// once per item; long lists look only near the expected place.
	bagA, bagB := make([]map[string]int, len(a)), make([]map[string]int, len(b))
	for i := range a {
		if ja[i] >= 0 {
			continue
		}
		if bagA[i] == nil {
			bagA[i] = words(a[i])
		}
		lo, hi := 0, len(b)
		if len(b) > 2*similarWindow {
			at := i * len(b) / max(1, len(a))
			lo, hi = max(0, at-similarWindow), min(len(b), at+similarWindow+1)
		}
		best, bestScore := -1, 0.5
		for j := lo; j < hi; j++ {
			if jb[j] >= 0 {
				continue
			}
			if bagB[j] == nil {
				bagB[j] = words(b[j])
			}
			if sc := dice(bagA[i], bagB[j]); sc >= bestScore {
				best, bestScore = j, sc
			}
		}
		if best >= 0 {
			link(i, best)
		}
	}
	// Items rewritten in place: an unpaired old item and an unpaired new
	// item between the same paired neighbours are one edited item. next[i]
	// is the new index of the nearest item after i paired so far (items
	// paired here are all before the ones still to come).
	next := make([]int, len(a)+1)
	next[len(a)] = len(b)
	for k := len(a) - 1; k >= 0; k-- {
		next[k] = next[k+1]
		if ja[k] >= 0 {
			next[k] = ja[k]
		}
	}
	nextFree := newFreeList(len(b), func(j int) bool { return jb[j] < 0 })
	lo := -1
	for i := range a {
		if ja[i] >= 0 {
			lo = ja[i]
			continue
		}
		if j := nextFree.first(lo + 1); j < next[i+1] {
			link(i, j)
			nextFree.take(j)
			lo = j
		}
	}
	// An edited item is moved when it is out of order with its neighbours.
	keeps := sameRanks(ja)
	var out []pair
	lastI := -1
	for j := range b {
		if jb[j] < 0 {
			out = append(out, pair{i: -1, j: j})
			continue
		}
		i := jb[j]
		m := moved[j] || i < lastI
		if i > lastI {
			lastI = i
		}
		out = append(out, pair{i: i, j: j, moved: m && a[i] != "" && !keeps[i]})
	}
	for i := range a {
		if ja[i] < 0 {
			out = append(out, pair{i: i, j: -1})
		}
	}
	return out
}

// lcs links the equal items of the longest common subsequence of a and b
// (offsets added to the indices).
func lcs(a, b []string, offA, offB int, link func(i, j int)) {
	i, j := 0, 0
	for _, e := range textdiff.Diff(a, b) {
		switch e.Op {
		case textdiff.Equal:
			link(offA+i, offB+j)
			i, j = i+1, j+1
		case textdiff.Delete:
			i++
		case textdiff.Insert:
			j++
		}
	}
}

// patience links, in order, the items that occur exactly once in each list
// along the longest increasing run of their positions, then aligns the
// gaps between those anchors by lcs when a gap is small enough.
func patience(a, b []string, link func(i, j int)) {
	count := map[string][2]int{}
	where := map[string]int{}
	for _, s := range a {
		c := count[s]
		c[0]++
		count[s] = c
	}
	for j, s := range b {
		c := count[s]
		c[1]++
		count[s] = c
		where[s] = j
	}
	var is, js []int
	for i, s := range a {
		if c := count[s]; c[0] == 1 && c[1] == 1 {
			is, js = append(is, i), append(js, where[s])
		}
	}
	// Longest increasing subsequence of js (patience sorting).
	var tails []int // index into js of the smallest tail of each length
	prev := make([]int, len(js))
	for k, j := range js {
		n := sort.Search(len(tails), func(t int) bool { return js[tails[t]] >= j })
		if n > 0 {
			prev[k] = tails[n-1]
		} else {
			prev[k] = -1
		}
		if n == len(tails) {
			tails = append(tails, k)
		} else {
			tails[n] = k
		}
	}
	var anchors [][2]int
	for k := -1; len(tails) > 0; {
		if k == -1 {
			k = tails[len(tails)-1]
		}
		anchors = append(anchors, [2]int{is[k], js[k]})
		if k = prev[k]; k < 0 {
			break
		}
	}
	slices.Reverse(anchors)
	anchors = append(anchors, [2]int{len(a), len(b)})
	pa, pb := 0, 0
	for _, an := range anchors {
		if ga, gb := an[0]-pa, an[1]-pb; ga > 0 && gb > 0 && ga*gb <= maxLCSCells/64 {
			lcs(a[pa:an[0]], b[pb:an[1]], pa, pb, link)
		}
		if an[0] < len(a) {
			link(an[0], an[1])
		}
		pa, pb = an[0]+1, an[1]+1
	}
}

// freeList finds the first free index at or after j (union-find with path
// compression: near-constant time per call).
type freeList struct{ up []int }

func newFreeList(n int, free func(int) bool) *freeList {
	f := &freeList{up: make([]int, n+1)}
	for j := range f.up {
		f.up[j] = j
		if j < n && !free(j) {
			f.up[j] = j + 1
		}
	}
	return f
}

func (f *freeList) first(j int) int {
	if j >= len(f.up) {
		return len(f.up) - 1
	}
	root := j
	for f.up[root] != root {
		root = f.up[root]
	}
	for f.up[j] != root {
		j, f.up[j] = f.up[j], root
	}
	return root
}

func (f *freeList) take(j int) { f.up[j] = j + 1 }

// sameRanks reports, for each paired old item i, whether it keeps its rank
// among the paired items: as many paired items before it in the old list
// as before its partner in the new (a Fenwick tree over new indices).
func sameRanks(ja []int) []bool {
	n := 0
	for _, j := range ja {
		n = max(n, j+1)
	}
	tree := make([]int, n+1)
	add := func(j int) {
		for j++; j <= n; j += j & -j {
			tree[j]++
		}
	}
	below := func(j int) int { // paired so far with a new index < j
		s := 0
		for ; j > 0; j -= j & -j {
			s += tree[j]
		}
		return s
	}
	out := make([]bool, len(ja))
	paired := 0
	for i, j := range ja {
		if j < 0 {
			continue
		}
		out[i] = below(j) == paired
		add(j)
		paired++
	}
	return out
}

// similarity is the Dice coefficient of the two texts' words (lower case,
// punctuation trimmed).
func similarity(a, b string) float64 { return dice(words(a), words(b)) }

// words is the bag of a text's words, lower case, punctuation trimmed.
func words(s string) map[string]int {
	m := map[string]int{}
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if w = strings.Trim(w, ".,;:!?()“”\"'…-+"); w != "" {
			m[w]++
		}
	}
	return m
}

// dice is the Dice coefficient of two word bags.
func dice(wa, wb map[string]int) float64 {
	inter, na, nb := 0, 0, 0
	for w, n := range wa {
		inter += min(n, wb[w])
		na += n
	}
	for _, n := range wb {
		nb += n
	}
	if na+nb == 0 {
		return 1
	}
	return 2 * float64(inter) / float64(na+nb)
}
