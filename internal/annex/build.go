package annex

import (
	"strconv"
	"strings"
	"text/template"

	"kehoach/internal/markup"
	"kehoach/internal/plan"
	"kehoach/internal/vn"
	"kehoach/templates"
)

// WordingFile is the template of the annexes' fixed wording.
const WordingFile = "bieu.tmpl"

// Blank stands in a draft for the number and date the văn thư fills in by
// hand: no-break spaces, so the blank keeps its width (as in the document).
const Blank = "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0"

// Build returns the four annexes of a validated plan, Biểu 01 to 04 in
// order. It panics, with a *templates.Error, only when templates/bieu.tmpl
// does not fit the code (the embedded file is checked by the tests; a copy
// edited on disk may not be); Sheets returns that as an error instead.
func Build(p *plan.Plan) []Sheet {
	s, err := Sheets(p)
	if err != nil {
		panic(err)
	}
	return s
}

// Sheets is Build returning template problems as an error.
func Sheets(p *plan.Plan) ([]Sheet, error) {
	t, err := templates.Text(WordingFile)
	if err != nil {
		return nil, err
	}
	b := &builder{p: p, src: sources(p), t: t}
	out := []Sheet{b.bieu01(), b.bieu02(), b.bieu03(), b.bieu04()}
	for i := range out {
		s := &out[i]
		s.Ref, s.Issuer = b.ref(), b.issuer()
		s.bind()
		if err := s.resolve(); err != nil && b.err == nil {
			b.err = err
		}
	}
	if b.err != nil {
		return nil, b.err
	}
	return out, nil
}

// bind puts vn.Bind's no-break spaces into every text of the sheet — the
// heading, the column heads, the text cells — so that no output (the
// workbook as Excel wraps it, the document's tables) starts a line with a
// phrase dash or parts a number from its unit. The fit measures the texts
// so bound.
func (s *Sheet) bind() {
	s.Heading, s.Title, s.Ref, s.Unit = vn.Bind(s.Heading), vn.Bind(s.Title), vn.Bind(s.Ref), vn.Bind(s.Unit)
	for i := range s.Columns {
		for k, h := range s.Columns[i].Head {
			s.Columns[i].Head[k] = vn.Bind(h)
		}
	}
	for r := range s.Rows {
		for c := range s.Rows[r].Cells {
			if cell := &s.Rows[r].Cells[c]; cell.Kind == Text {
				cell.Text = vn.Bind(cell.Text)
			}
		}
	}
}

// Referenced returns the numbers of the annexes the plan's text refers to
// (nhiem_vu.bieu, nhiem_vu.nhom[].bieu, nguon_luc.bieu), in annex order.
// ND30 wants every attached annex referred to in the text, so the printed
// plan attaches exactly these.
func Referenced(p *plan.Plan) []string {
	refs := map[string]bool{}
	mark := func(l []string) {
		for _, r := range l {
			refs[r] = true
		}
	}
	mark(p.NhiemVu.Bieu)
	for _, g := range p.NhiemVu.Nhom {
		mark(g.Bieu)
	}
	mark(p.NguonLuc.Bieu)
	var out []string
	for _, a := range plan.Annexes {
		if refs[a] {
			out = append(out, a)
		}
	}
	return out
}

type builder struct {
	p   *plan.Plan
	src map[string]source
	t   *template.Template // the wording, templates/bieu.tmpl
	err error
}

// say renders a named wording block.
func (b *builder) say(name string, data any) string {
	s, err := templates.Execute(b.t, WordingFile, name, data)
	if err != nil && b.err == nil {
		b.err = err
	}
	return s
}

func (b *builder) year() map[string]any { return map[string]any{"Nam": b.p.Nam} }

// issuer is the issuing body in full: "Ủy ban nhân dân xã Mường Khoa".
func (b *builder) issuer() string {
	cm := b.p.Commune
	if cm == nil {
		return ""
	}
	capXa := cm.Cap
	if capXa == "" {
		capXa = "xã"
	}
	return cm.CoQuan.Ten + " " + capXa + " " + cm.Ten
}

// ref is the reference line. Like the document's header, it prints the
// number and the date once they are given and leaves blanks before.
func (b *builder) ref() string {
	p := b.p
	so, ngay, thang, nam := Blank, Blank, Blank, p.Nam
	if p.VanBan.So != 0 {
		so = vn.DocNumber(int(p.VanBan.So))
	}
	if d := p.VanBan.Ngay; !d.IsZero() {
		ngay, thang, nam = vn.Day2(d.Day()), vn.Month2(int(d.Month())), d.Year()
	}
	kyHieu := p.Loai()
	if p.Commune != nil {
		kyHieu += "-" + p.Commune.CoQuan.VietTat
	}
	return b.say("kem-theo", map[string]any{"TenLoai": p.TypeName(), "So": so, "KyHieu": kyHieu, "Ngay": ngay, "Thang": thang, "Nam": nam, "CoQuan": b.issuer()})
}

func (b *builder) sheet(number, titleBlock string) Sheet {
	return Sheet{Number: number, Heading: b.say("so-bieu", number), Title: vn.Upper(b.say(titleBlock, b.year()))}
}

// Cell constructors.

func text(s string) Cell {
	s = strings.TrimSpace(markup.Plain(s))
	if s == "" {
		return Cell{}
	}
	return Cell{Kind: Text, Text: s}
}

func number(d vn.Decimal) Cell { return Cell{Kind: Number, Value: d} }

// sumRows is a Total of column col over rows.
func sumRows(col int, rows []int) Cell {
	c := Cell{Kind: Total}
	for _, r := range rows {
		c.Sum = append(c.Sum, Ref{Row: r, Col: col})
	}
	return c
}

// sumCols is a Total of row over columns cols.
func sumCols(row int, cols []int) Cell {
	c := Cell{Kind: Total}
	for _, k := range cols {
		c.Sum = append(c.Sum, Ref{Row: row, Col: k})
	}
	return c
}

// ---- Biểu 01: criteria ----

// Biểu 01 columns.
const (
	c01TT = iota
	c01Name
	c01Unit
	c01Rule
	c01Now
	c01NowEval
	c01Plan
	c01PlanEval
	c01Lead
	c01Partner
	c01Note
	c01N
)

func (b *builder) bieu01() Sheet {
	p := b.p
	s := b.sheet("01", "b01-ten")
	now, planned, units := b.say("b01-hien-trang", b.year()), b.say("b01-ke-hoach", b.year()), b.say("b01-don-vi", nil)
	s.Columns = []Column{
		c01TT:       {Head: []string{b.say("b01-tt", nil)}, Align: AlignCenter},
		c01Name:     {Head: []string{b.say("b01-tieu-chi", nil)}, Wrap: true},
		c01Unit:     {Head: []string{b.say("b01-dvt", nil)}, Align: AlignCenter, Wrap: true}, // "triệu / đồng/người/năm"
		c01Rule:     {Head: []string{b.say("b01-quy-dinh", nil)}, Align: AlignCenter},
		c01Now:      {Head: []string{now, b.say("b01-ket-qua", nil)}, Align: AlignCenter},
		c01NowEval:  {Head: []string{now, b.say("b01-danh-gia", nil)}, Align: AlignCenter},
		c01Plan:     {Head: []string{planned, b.say("b01-chi-tieu", nil)}, Align: AlignCenter},
		c01PlanEval: {Head: []string{planned, b.say("b01-du-kien", nil)}, Align: AlignCenter},
		c01Lead:     {Head: []string{units, b.say("b01-chu-tri", nil)}, Wrap: true},
		c01Partner:  {Head: []string{units, b.say("b01-phoi-hop", nil)}, Wrap: true},
		c01Note:     {Head: []string{b.say("ghi-chu", nil)}, Wrap: true},
	}
	if p.Set == nil {
		return s
	}
	// The plan's main indicators (muc_tieu.chi_tieu) linked to a criterion
	// or indicator code: their target is the figure the text prints, so the
	// table takes it from there.
	type link struct {
		ct   plan.ChiTieu
		used bool
	}
	var links []*link
	byCode := map[string]*link{}
	for _, ct := range p.MucTieu.ChiTieu {
		if ct.TieuChi == "" {
			continue
		}
		l := &link{ct: ct}
		links = append(links, l)
		if _, dup := byCode[ct.TieuChi]; !dup {
			byCode[ct.TieuChi] = l
		}
	}
	status := map[int]*plan.DanhGiaTC{}
	for i := range p.TieuChi.DanhGia {
		status[p.TieuChi.DanhGia[i].So] = &p.TieuChi.DanhGia[i]
	}
	groups := map[string]string{}
	for _, g := range p.Set.Nhom {
		groups[g.So] = g.Ten
	}
	met := plan.StatusMet.Label()
	notMet := plan.StatusNotMet.Label()
	row := func(level int, bold bool, cells map[int]Cell) {
		r := Row{Cells: make([]Cell, c01N), Level: level, Bold: bold}
		for k, c := range cells {
			r.Cells[k] = c
		}
		s.Rows = append(s.Rows, r)
	}
	lastGroup := ""
	for _, cr := range p.Set.TieuChi {
		level := 0
		if name, ok := groups[cr.Nhom]; ok {
			if cr.Nhom != lastGroup {
				// A group row: its name spans the rest of the row.
				label := text(vn.Upper(name))
				label.Span = c01N - c01Name
				row(0, true, map[int]Cell{c01TT: text(cr.Nhom), c01Name: label})
				lastGroup = cr.Nhom
			}
			level = 1
		}
		d := status[cr.So]
		cells := map[int]Cell{c01TT: text(strconv.Itoa(cr.So)), c01Name: text(cr.Ten)}
		if d != nil {
			cells[c01NowEval] = text(d.HienTrang.Label())
			end := notMet
			if d.HienTrang == plan.StatusMet || d.HienTrang == plan.StatusPlanned {
				end = met
			}
			cells[c01PlanEval] = text(end)
			if d.ChuTri != "" {
				cells[c01Lead] = text(p.Unit(d.ChuTri))
			}
			var partners []string
			for _, u := range d.PhoiHop {
				partners = append(partners, p.Unit(u))
			}
			cells[c01Partner] = text(strings.Join(partners, ", "))
			cells[c01Note] = text(d.GhiChu)
		}
		row(level, true, cells)
		if d != nil {
			// The indicator rows as plan.Load enriched them: wording, unit
			// and the commune's threshold from the criteria set.
			for _, ir := range d.Rows {
				target, unit := ir.KeHoach, ir.DonVi
				if l := byCode[ir.Ma]; l != nil {
					target, l.used = Target(l.ct), true
					if unit == "" {
						unit = l.ct.DonVi
					}
				}
				row(level+1, false, map[int]Cell{c01TT: text(ir.Ma), c01Name: text(ir.Ten), c01Unit: text(unit),
					c01Rule: text(ir.QuyDinh), c01Now: text(ir.HienTrang), c01Plan: text(target)})
			}
		}
		// Main indicators of this criterion without a row of their own.
		for _, l := range links {
			if l.used || criterionOf(l.ct.TieuChi) != cr.So || byCode[l.ct.TieuChi] != l {
				continue
			}
			l.used = true
			row(level+1, false, map[int]Cell{c01TT: text(l.ct.TieuChi), c01Name: text(l.ct.Ten), c01Unit: text(l.ct.DonVi), c01Plan: text(Target(l.ct))})
		}
	}
	ratio := func(n int) Cell {
		return text(b.say("b01-ty-le", map[string]int{"Dat": n, "Tong": p.CountCriteria()}))
	}
	s.Rows = append(s.Rows, Row{Bold: true, Total: true, Cells: make([]Cell, c01N)})
	last := s.Rows[len(s.Rows)-1].Cells
	last[c01Name] = text(b.say("b01-tong", nil))
	last[c01NowEval] = ratio(p.CountMet())
	last[c01PlanEval] = ratio(p.CountMet() + p.CountPlanned())
	return s
}

// criterionOf is the criterion number of an indicator code: 15 for "15.1".
func criterionOf(code string) int {
	head, _, _ := strings.Cut(code, ".")
	n, err := strconv.Atoi(strings.TrimSpace(head))
	if err != nil {
		return -1
	}
	return n
}

// Target is a main indicator's target as Biểu 01 prints it: "≥ 54", "100"
// (the unit has its own column).
func Target(ct plan.ChiTieu) string {
	s := ct.GiaTri.String()
	if ct.SoSanh != "" && ct.SoSanh != plan.CmpEQ {
		s = string(ct.SoSanh) + "\u00a0" + s
	}
	return s
}

// ---- Biểu 02: funding summary ----

// Biểu 02 columns.
const (
	c02TT = iota
	c02Name
	c02Plan
	c02Invest
	c02Current
	c02Note
	c02N
)

func (b *builder) bieu02() Sheet {
	p := b.p
	s := b.sheet("02", "b02-ten")
	s.Unit = b.say("don-vi-tinh", nil)
	among := b.say("trong-do", nil)
	s.Columns = []Column{
		c02TT:      {Head: []string{b.say("stt", nil)}, Align: AlignCenter},
		c02Name:    {Head: []string{b.say("b02-nguon", nil)}, Wrap: true},
		c02Plan:    {Head: []string{b.say("b02-ke-hoach", b.year())}, Align: AlignRight, Numeric: true},
		c02Invest:  {Head: []string{among, b.say("b02-dau-tu", nil)}, Align: AlignRight, Numeric: true},
		c02Current: {Head: []string{among, b.say("b02-su-nghiep", nil)}, Align: AlignRight, Numeric: true},
		c02Note:    {Head: []string{b.say("ghi-chu", nil)}, Wrap: true},
	}
	s.Rows = append(s.Rows, Row{Bold: true, Total: true, Cells: make([]Cell, c02N)})
	sums := []int{c02Plan, c02Invest, c02Current}
	var add func(n *plan.Nguon, label string, depth int) int
	add = func(n *plan.Nguon, label string, depth int) int {
		r := len(s.Rows)
		s.Rows = append(s.Rows, Row{Level: depth, Bold: depth == 0})
		cells := make([]Cell, c02N)
		cells[c02TT], cells[c02Name] = text(label), text(n.Ten)
		if len(n.Con) == 0 {
			cells[c02Plan] = number(n.Sum)
			switch n.Loai {
			case "dau_tu":
				cells[c02Invest] = number(n.Sum)
				if len(p.Bieu.CongTrinh) > 0 {
					cells[c02Note] = text(b.say("b02-chi-tiet", "03"))
				}
			case "su_nghiep":
				cells[c02Current] = number(n.Sum)
				if len(p.Bieu.SuNghiep) > 0 {
					cells[c02Note] = text(b.say("b02-chi-tiet", "04"))
				}
			}
		} else {
			var kids []int
			for i := range n.Con {
				kl := strconv.Itoa(i + 1)
				if depth > 0 {
					kl = label + "." + kl
				}
				kids = append(kids, add(&n.Con[i], kl, depth+1))
			}
			for _, col := range sums {
				cells[col] = sumRows(col, kids)
			}
		}
		s.Rows[r].Cells = cells
		return r
	}
	var top []int
	for i := range p.NguonLuc.Nguon {
		top = append(top, add(&p.NguonLuc.Nguon[i], vn.Roman(i+1), 0))
	}
	s.Rows[0].Cells[c02Name] = text(b.say("tong-so", nil))
	for _, col := range sums {
		s.Rows[0].Cells[col] = sumRows(col, top)
	}
	return s
}

// ---- Biểu 03: investment works ----

// source is a funding leaf with a code and the top-level source above it.
type source struct {
	top  int // index in nguon_luc.nguon
	leaf *plan.Nguon
}

func sources(p *plan.Plan) map[string]source {
	out := map[string]source{}
	var walk func(ns []plan.Nguon, top int)
	walk = func(ns []plan.Nguon, top int) {
		for i := range ns {
			t := top
			if t < 0 {
				t = i
			}
			if ns[i].Ma != "" {
				out[ns[i].Ma] = source{top: t, leaf: &ns[i]}
			}
			walk(ns[i].Con, t)
		}
	}
	walk(p.NguonLuc.Nguon, -1)
	return out
}

func (b *builder) bieu03() Sheet {
	p := b.p
	s := b.sheet("03", "b03-ten")
	s.Unit = b.say("don-vi-tinh", nil)
	year := b.say("b03-von-nam", b.year())
	among := b.say("trong-do", nil)
	tops := p.NguonLuc.Nguon
	s.Columns = []Column{
		{Head: []string{b.say("stt", nil)}, Align: AlignCenter},
		{Head: []string{b.say("b03-cong-trinh", nil)}, Wrap: true},
		{Head: []string{b.say("b03-dia-diem", nil)}, Wrap: true},
		{Head: []string{b.say("b03-quy-mo", nil)}, Align: AlignCenter, Wrap: true},
		{Head: []string{b.say("b03-thoi-gian", nil)}, Align: AlignCenter},
		{Head: []string{b.say("b03-chu-dau-tu", nil)}, Wrap: true},
		{Head: []string{b.say("b03-tong-muc", nil)}, Align: AlignRight, Numeric: true},
		{Head: []string{year, b.say("b03-tong", nil)}, Align: AlignRight, Numeric: true},
	}
	const cTotalInvest, cYear = 6, 7
	// One column per top-level source some work draws on (a von entry
	// naming it or a source under it, whatever the amount), in the order of
	// nguon_luc; none when no work draws on any, leaving the total.
	used := make([]bool, len(tops))
	for _, w := range p.Bieu.CongTrinh {
		for _, v := range w.Von {
			if src, ok := b.src[v.Nguon]; ok {
				used[src.top] = true
			}
		}
	}
	colOf := map[int]int{} // top-level source → its column
	var srcCols []int
	for i := range tops {
		if !used[i] {
			continue
		}
		colOf[i] = len(s.Columns)
		srcCols = append(srcCols, len(s.Columns))
		s.Columns = append(s.Columns, Column{Head: []string{year, among, markup.Plain(tops[i].Ten)}, Align: AlignRight, Numeric: true})
	}
	cCrit := len(s.Columns)
	s.Columns = append(s.Columns,
		Column{Head: []string{b.say("b03-tieu-chi", nil)}, Align: AlignCenter},
		Column{Head: []string{b.say("ghi-chu", nil)}, Wrap: true})
	nc := len(s.Columns)

	s.Rows = append(s.Rows, Row{Bold: true, Total: true, Cells: make([]Cell, nc)})
	var works []int
	for i, w := range p.Bieu.CongTrinh {
		r := len(s.Rows)
		works = append(works, r)
		cells := make([]Cell, nc)
		cells[0], cells[1], cells[2] = text(strconv.Itoa(i+1)), text(w.Ten), text(w.DiaDiem)
		cells[3], cells[4], cells[5] = text(w.QuyMo), text(w.ThoiGian), text(p.Unit(w.ChuDauTu))
		if w.TongMucDauTu.Set {
			cells[cTotalInvest] = number(w.TongMucDauTu.Decimal)
		}
		for _, v := range w.Von {
			if src, ok := b.src[v.Nguon]; ok {
				c := &cells[colOf[src.top]]
				if c.Kind == Number {
					c.Value = c.Value.Add(v.SoTien.Decimal)
				} else {
					*c = number(v.SoTien.Decimal)
				}
			}
		}
		cells[cYear] = sumCols(r, srcCols)
		var crit []string
		for _, so := range w.TieuChi {
			crit = append(crit, strconv.Itoa(so))
		}
		cells[cCrit] = text(strings.Join(crit, ", "))
		cells[nc-1] = text(w.GhiChu)
		s.Rows = append(s.Rows, Row{Cells: cells})
	}
	total := s.Rows[0].Cells
	total[1] = text(b.say("tong-so", nil))
	for _, col := range append([]int{cTotalInvest, cYear}, srcCols...) {
		total[col] = sumRows(col, works)
	}
	return s
}

// ---- Biểu 04: vốn sự nghiệp ----

// Biểu 04 columns.
const (
	c04TT = iota
	c04Task
	c04Unit
	c04Amount
	c04Source
	c04When
	c04Note
	c04N
)

func (b *builder) bieu04() Sheet {
	p := b.p
	s := b.sheet("04", "b04-ten")
	s.Unit = b.say("don-vi-tinh", nil)
	s.Columns = []Column{
		c04TT:     {Head: []string{b.say("stt", nil)}, Align: AlignCenter},
		c04Task:   {Head: []string{b.say("b04-noi-dung", nil)}, Wrap: true},
		c04Unit:   {Head: []string{b.say("b04-don-vi", nil)}, Wrap: true},
		c04Amount: {Head: []string{b.say("b04-kinh-phi", nil)}, Align: AlignRight, Numeric: true},
		c04Source: {Head: []string{b.say("b04-nguon", nil)}, Wrap: true},
		c04When:   {Head: []string{b.say("b04-thoi-gian", nil)}, Align: AlignCenter},
		c04Note:   {Head: []string{b.say("ghi-chu", nil)}, Wrap: true},
	}
	s.Rows = append(s.Rows, Row{Bold: true, Total: true, Cells: make([]Cell, c04N)})
	var items []int
	for i, it := range p.Bieu.SuNghiep {
		items = append(items, len(s.Rows))
		cells := make([]Cell, c04N)
		cells[c04TT], cells[c04Task], cells[c04Unit] = text(strconv.Itoa(i+1)), text(it.NoiDung), text(p.Unit(it.DonVi))
		cells[c04Amount] = number(it.SoTien.Decimal)
		if src, ok := b.src[it.Nguon]; ok {
			top := &p.NguonLuc.Nguon[src.top]
			child := ""
			if src.leaf != top {
				child = vn.LowerFirst(markup.Plain(src.leaf.Ten))
			}
			cells[c04Source] = text(b.say("b04-ten-nguon", map[string]string{"Goc": markup.Plain(top.Ten), "Con": child}))
		}
		cells[c04When], cells[c04Note] = text(it.ThoiGian), text(it.GhiChu)
		s.Rows = append(s.Rows, Row{Cells: cells})
	}
	s.Rows[0].Cells[c04Task] = text(b.say("tong-so", nil))
	s.Rows[0].Cells[c04Amount] = sumRows(c04Amount, items)
	return s
}
