// Package annex builds the annex tables attached to a Kế hoạch (“Biểu số
// 01 … 04”, nd30.md §1.6 and §4.2) from a validated plan, in a
// format-neutral model (package sheet):
//
//   - Biểu 01: the criteria of the set, their status now and planned, with
//     their indicators (plan.DanhGiaTC.Rows: the threshold for the
//     commune from the criteria set) and the “Tổng số tiêu chí đạt” row
//     (12/19, 13/19);
//   - Biểu 02: the funding tree of section III with a TỔNG SỐ row and the
//     split between the two kinds of central funds, named as the plan's
//     period names them (programme.Vocabulary: “Vốn đầu tư” / “Vốn sự
//     nghiệp” in 2021–2025, “Vốn đầu tư công” / “Kinh phí thường xuyên”
//     in 2026–2030);
//   - Biểu 03: the investment works, one column per top-level source the
//     works draw on;
//   - Biểu 04: the allocations of the current funds (vốn sự nghiệp, kinh
//     phí thường xuyên).
//
// Every figure comes from the plan (the same values the document text
// prints); totals are sheet.Total cells, the sum of other cells. The
// builder is the only code here that knows a plan: package sheet, which
// render/xlsx reads, knows none. The wording lives in templates/bieu.tmpl;
// its blocks get the plan's year and the period's names of the funds.
package annex

import (
	"errors"
	"strconv"
	"strings"
	"text/template"

	"kehoach/internal/markup"
	"kehoach/internal/plan"
	"kehoach/internal/sheet"
	"kehoach/internal/vn"
	"kehoach/templates"
)

// WordingFile is the template of the annexes' fixed wording.
const WordingFile = "bieu.tmpl"

// Sheets returns the four annexes of a validated plan, Biểu 01 to 04 in
// order, with their totals computed (their columns not yet fitted:
// sheet.Sheet.Fit). A templates/bieu.tmpl that does not fit the code (a
// copy edited on disk) is returned as an error, never a panic.
func Sheets(p *plan.Plan) ([]sheet.Sheet, error) {
	t, err := templates.Text(WordingFile)
	if err != nil {
		return nil, err
	}
	if p.Period == nil {
		// plan.Load gives every valid plan its period.
		return nil, errors.New("kế hoạch chưa có giai đoạn của Chương trình nên không biết tên các loại vốn của Biểu 02–04; hãy kiểm tra năm kế hoạch (nam) và giai_doan")
	}
	b := &builder{p: p, src: sources(p), t: t}
	out := []sheet.Sheet{b.bieu01(), b.bieu02(), b.bieu03(), b.bieu04()}
	for i := range out {
		s := &out[i]
		s.Ref, s.Issuer = b.ref(), b.issuer()
		bind(s)
		s.KeepHeads()
		if err := s.Resolve(); err != nil && b.err == nil {
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
func bind(s *sheet.Sheet) {
	s.Heading, s.Title, s.Ref, s.Unit = vn.Bind(s.Heading), vn.Bind(s.Title), vn.Bind(s.Ref), vn.Bind(s.Unit)
	for i := range s.Columns {
		for k, h := range s.Columns[i].Head {
			s.Columns[i].Head[k] = vn.Bind(h)
		}
	}
	for r := range s.Rows {
		for c := range s.Rows[r].Cells {
			if cell := &s.Rows[r].Cells[c]; cell.Kind == sheet.Text {
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

// words is the data of every block with none of its own: the plan's year
// (.Nam) and the period's names of the two kinds of central funds
// (templates/giai-doan, bieu): .DauTu "Vốn đầu tư" or "Vốn đầu tư công",
// .ThuongXuyen "Vốn sự nghiệp" or "Kinh phí thường xuyên".
func (b *builder) words() map[string]any {
	v := b.p.Period.Bieu
	return map[string]any{"Nam": b.p.Nam, "DauTu": v.DauTu, "ThuongXuyen": v.ThuongXuyen}
}

// word renders a block with the common data (words).
func (b *builder) word(name string) string { return b.say(name, b.words()) }

// issuer is the issuing body in full: "Ủy ban nhân dân xã Mường Khoa".
func (b *builder) issuer() string {
	return b.p.Commune.Agency()
}

// ref is the reference line. Like the document's header, it prints the
// number and the date once they are given and leaves blanks before.
func (b *builder) ref() string { return b.refLine(false) }

// BlankRef is the reference line of the annexes of an electronic
// document: “(Kèm theo Kế hoạch số /KH-UBND ngày  tháng  năm  của …)”
// with the number, day, month and year left blank whatever the plan
// says, since on an electronic document those places are not filled in
// (ND30 Phụ lục I III.1.c). Bound with no-break spaces like the sheets'
// own lines (Sheets).
func BlankRef(p *plan.Plan) (string, error) {
	t, err := templates.Text(WordingFile)
	if err != nil {
		return "", err
	}
	b := &builder{p: p, t: t}
	s := vn.Bind(b.refLine(true))
	return s, b.err
}

// refLine is the reference line, with its number and date blank when
// blank is set or the plan has none.
func (b *builder) refLine(blank bool) string {
	p := b.p
	var so, ngay, thang, nam any = vn.Blank, vn.Blank, vn.Blank, p.Nam
	if blank {
		nam = vn.Blank
	}
	if p.VanBan.So != 0 && !blank {
		so = vn.DocNumber(int(p.VanBan.So))
	}
	if d := p.VanBan.Ngay; !d.IsZero() && !blank {
		ngay, thang, nam = vn.Day2(d.Day()), vn.Month2(int(d.Month())), d.Year()
	}
	kyHieu := p.Loai()
	if p.Commune != nil {
		kyHieu += "-" + p.Commune.CoQuan.VietTat
	}
	return b.say("kem-theo", map[string]any{"TenLoai": p.TypeName(), "So": so, "KyHieu": kyHieu, "Ngay": ngay, "Thang": thang, "Nam": nam, "CoQuan": b.issuer()})
}

func (b *builder) newSheet(number, titleBlock string) sheet.Sheet {
	return sheet.Sheet{Number: number, Heading: b.say("so-bieu", number), Title: vn.Upper(b.word(titleBlock))}
}

// Cell constructors.

func text(s string) sheet.Cell {
	s = strings.TrimSpace(markup.Plain(s))
	if s == "" {
		return sheet.Cell{}
	}
	return sheet.Cell{Kind: sheet.Text, Text: s}
}

func number(d vn.Decimal) sheet.Cell { return sheet.Cell{Kind: sheet.Number, Value: d} }

// sumRows is a Total of column col over rows.
func sumRows(col int, rows []int) sheet.Cell {
	c := sheet.Cell{Kind: sheet.Total}
	for _, r := range rows {
		c.Sum = append(c.Sum, sheet.Ref{Row: r, Col: col})
	}
	return c
}

// sumCols is a Total of row over columns cols.
func sumCols(row int, cols []int) sheet.Cell {
	c := sheet.Cell{Kind: sheet.Total}
	for _, k := range cols {
		c.Sum = append(c.Sum, sheet.Ref{Row: row, Col: k})
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

func (b *builder) bieu01() sheet.Sheet {
	p := b.p
	s := b.newSheet("01", "b01-ten")
	now, planned, units := b.word("b01-hien-trang"), b.word("b01-ke-hoach"), b.word("b01-don-vi")
	s.Columns = []sheet.Column{
		c01TT:       {Head: []string{b.word("b01-tt")}, Align: sheet.AlignCenter},
		c01Name:     {Head: []string{b.word("b01-tieu-chi")}, Wrap: true},
		c01Unit:     {Head: []string{b.word("b01-dvt")}, Align: sheet.AlignCenter, Wrap: true}, // "triệu / đồng/người/năm"
		c01Rule:     {Head: []string{b.word("b01-quy-dinh")}, Align: sheet.AlignCenter},
		c01Now:      {Head: []string{now, b.word("b01-ket-qua")}, Align: sheet.AlignCenter},
		c01NowEval:  {Head: []string{now, b.word("b01-danh-gia")}, Align: sheet.AlignCenter},
		c01Plan:     {Head: []string{planned, b.word("b01-chi-tieu")}, Align: sheet.AlignCenter},
		c01PlanEval: {Head: []string{planned, b.word("b01-du-kien")}, Align: sheet.AlignCenter},
		c01Lead:     {Head: []string{units, b.word("b01-chu-tri")}, Wrap: true},
		c01Partner:  {Head: []string{units, b.word("b01-phoi-hop")}, Wrap: true},
		c01Note:     {Head: []string{b.word("ghi-chu")}, Wrap: true},
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
	row := func(level int, bold bool, cells map[int]sheet.Cell) {
		r := sheet.Row{Cells: make([]sheet.Cell, c01N), Level: level, Bold: bold}
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
				row(0, true, map[int]sheet.Cell{c01TT: text(cr.Nhom), c01Name: label})
				lastGroup = cr.Nhom
			}
			level = 1
		}
		d := status[cr.So]
		cells := map[int]sheet.Cell{c01TT: text(strconv.Itoa(cr.So)), c01Name: text(cr.Ten)}
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
			s.Rows[len(s.Rows)-1].Note = d.LyDo
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
				row(level+1, false, map[int]sheet.Cell{c01TT: text(ir.Ma), c01Name: text(ir.Ten), c01Unit: text(unit),
					c01Rule: text(ir.QuyDinh), c01Now: text(ir.HienTrang), c01Plan: text(target)})
			}
		}
		// Main indicators of this criterion without a row of their own.
		for _, l := range links {
			if l.used || criterionOf(l.ct.TieuChi) != cr.So || byCode[l.ct.TieuChi] != l {
				continue
			}
			l.used = true
			row(level+1, false, map[int]sheet.Cell{c01TT: text(l.ct.TieuChi), c01Name: text(l.ct.Ten), c01Unit: text(l.ct.DonVi), c01Plan: text(Target(l.ct))})
		}
	}
	ratio := func(n int) sheet.Cell {
		return text(b.say("b01-ty-le", map[string]int{"Dat": n, "Tong": p.CountCriteria()}))
	}
	s.Rows = append(s.Rows, sheet.Row{Bold: true, Total: true, Cells: make([]sheet.Cell, c01N)})
	last := s.Rows[len(s.Rows)-1].Cells
	last[c01Name] = text(b.word("b01-tong"))
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

func (b *builder) bieu02() sheet.Sheet {
	p := b.p
	s := b.newSheet("02", "b02-ten")
	s.Unit = b.word("don-vi-tinh")
	among := b.word("trong-do")
	s.Columns = []sheet.Column{
		c02TT:      {Head: []string{b.word("stt")}, Align: sheet.AlignCenter},
		c02Name:    {Head: []string{b.word("b02-nguon")}, Wrap: true},
		c02Plan:    {Head: []string{b.word("b02-ke-hoach")}, Align: sheet.AlignRight, Numeric: true},
		c02Invest:  {Head: []string{among, b.word("b02-dau-tu")}, Align: sheet.AlignRight, Numeric: true},
		c02Current: {Head: []string{among, b.word("b02-su-nghiep")}, Align: sheet.AlignRight, Numeric: true},
		c02Note:    {Head: []string{b.word("ghi-chu")}, Wrap: true},
	}
	s.Rows = append(s.Rows, sheet.Row{Bold: true, Total: true, Cells: make([]sheet.Cell, c02N)})
	sums := []int{c02Plan, c02Invest, c02Current}
	var add func(n *plan.Nguon, label string, depth int) int
	add = func(n *plan.Nguon, label string, depth int) int {
		r := len(s.Rows)
		s.Rows = append(s.Rows, sheet.Row{Level: depth, Bold: depth == 0})
		cells := make([]sheet.Cell, c02N)
		cells[c02TT], cells[c02Name] = text(label), text(n.Ten)
		if len(n.Con) == 0 {
			cells[c02Plan] = number(n.Sum)
			switch n.Kind() {
			case plan.KindInvest:
				cells[c02Invest] = number(n.Sum)
				if len(p.Bieu.CongTrinh) > 0 {
					cells[c02Note] = text(b.say("b02-chi-tiet", "03"))
				}
			case plan.KindCurrent:
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
	s.Rows[0].Cells[c02Name] = text(b.word("tong-so"))
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

func (b *builder) bieu03() sheet.Sheet {
	p := b.p
	s := b.newSheet("03", "b03-ten")
	s.Unit = b.word("don-vi-tinh")
	year := b.word("b03-von-nam")
	among := b.word("trong-do")
	tops := p.NguonLuc.Nguon
	s.Columns = []sheet.Column{
		{Head: []string{b.word("stt")}, Align: sheet.AlignCenter},
		{Head: []string{b.word("b03-cong-trinh")}, Wrap: true},
		{Head: []string{b.word("b03-dia-diem")}, Wrap: true},
		{Head: []string{b.word("b03-quy-mo")}, Align: sheet.AlignCenter, Wrap: true},
		{Head: []string{b.word("b03-thoi-gian")}, Align: sheet.AlignCenter},
		{Head: []string{b.word("b03-chu-dau-tu")}, Wrap: true},
		{Head: []string{b.word("b03-tong-muc")}, Align: sheet.AlignRight, Numeric: true},
		{Head: []string{year, b.word("b03-tong")}, Align: sheet.AlignRight, Numeric: true},
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
		s.Columns = append(s.Columns, sheet.Column{Head: []string{year, among, markup.Plain(tops[i].Ten)}, Align: sheet.AlignRight, Numeric: true})
	}
	cCrit := len(s.Columns)
	s.Columns = append(s.Columns,
		sheet.Column{Head: []string{b.word("b03-tieu-chi")}, Align: sheet.AlignCenter},
		sheet.Column{Head: []string{b.word("ghi-chu")}, Wrap: true})
	nc := len(s.Columns)

	s.Rows = append(s.Rows, sheet.Row{Bold: true, Total: true, Cells: make([]sheet.Cell, nc)})
	var works []int
	for i, w := range p.Bieu.CongTrinh {
		r := len(s.Rows)
		works = append(works, r)
		cells := make([]sheet.Cell, nc)
		cells[0], cells[1], cells[2] = text(strconv.Itoa(i+1)), text(w.Ten), text(w.DiaDiem)
		cells[3], cells[4], cells[5] = text(w.QuyMo), text(w.ThoiGian), text(p.Unit(w.ChuDauTu))
		if w.TongMucDauTu.Set {
			cells[cTotalInvest] = number(w.TongMucDauTu.Decimal)
		}
		for _, v := range w.Von {
			if src, ok := b.src[v.Nguon]; ok {
				c := &cells[colOf[src.top]]
				if c.Kind == sheet.Number {
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
		s.Rows = append(s.Rows, sheet.Row{Cells: cells, Note: w.LyDo})
	}
	total := s.Rows[0].Cells
	total[1] = text(b.word("tong-so"))
	for _, col := range append([]int{cTotalInvest, cYear}, srcCols...) {
		total[col] = sumRows(col, works)
	}
	return s
}

// ---- Biểu 04: current funds (vốn sự nghiệp, kinh phí thường xuyên) ----

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

func (b *builder) bieu04() sheet.Sheet {
	p := b.p
	s := b.newSheet("04", "b04-ten")
	s.Unit = b.word("don-vi-tinh")
	s.Columns = []sheet.Column{
		c04TT:     {Head: []string{b.word("stt")}, Align: sheet.AlignCenter},
		c04Task:   {Head: []string{b.word("b04-noi-dung")}, Wrap: true},
		c04Unit:   {Head: []string{b.word("b04-don-vi")}, Wrap: true},
		c04Amount: {Head: []string{b.word("b04-kinh-phi")}, Align: sheet.AlignRight, Numeric: true},
		c04Source: {Head: []string{b.word("b04-nguon")}, Wrap: true},
		c04When:   {Head: []string{b.word("b04-thoi-gian")}, Align: sheet.AlignCenter},
		c04Note:   {Head: []string{b.word("ghi-chu")}, Wrap: true},
	}
	s.Rows = append(s.Rows, sheet.Row{Bold: true, Total: true, Cells: make([]sheet.Cell, c04N)})
	var items []int
	for i, it := range p.Bieu.SuNghiep {
		items = append(items, len(s.Rows))
		cells := make([]sheet.Cell, c04N)
		cells[c04TT], cells[c04Task], cells[c04Unit] = text(strconv.Itoa(i+1)), text(it.NoiDung), text(p.Unit(it.DonVi))
		cells[c04Amount] = number(it.SoTien.Decimal)
		if src, ok := b.src[it.Nguon]; ok {
			top := &p.NguonLuc.Nguon[src.top]
			child := ""
			if src.leaf != top {
				child = vn.LowerFirst(markup.Plain(src.leaf.Ten))
			}
			data := b.words()
			data["Goc"], data["Con"] = markup.Plain(top.Ten), child
			cells[c04Source] = text(b.say("b04-ten-nguon", data))
		}
		cells[c04When], cells[c04Note] = text(it.ThoiGian), text(it.GhiChu)
		s.Rows = append(s.Rows, sheet.Row{Cells: cells, Note: it.LyDo})
	}
	s.Rows[0].Cells[c04Task] = text(b.word("tong-so"))
	s.Rows[0].Cells[c04Amount] = sumRows(c04Amount, items)
	return s
}
