package importer

import (
	"fmt"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v4"

	"kehoach/internal/extract/para"
	"kehoach/internal/lazy"
	"kehoach/internal/plan"
	"kehoach/internal/planfmt"
	"kehoach/internal/vn"
)

// grids collects the cells of every table, empty cells included, for the
// annexes.
func grids(ps []para.Para) map[int][][]string {
	g := map[int][][]string{}
	for _, p := range ps {
		if p.Table == 0 || p.Row == 0 || p.Cell == 0 {
			continue
		}
		rows := g[p.Table]
		for len(rows) < p.Row {
			rows = append(rows, nil)
		}
		r := rows[p.Row-1]
		for len(r) < p.Cell {
			r = append(r, "")
		}
		t := clean(p.Label + " " + p.Text())
		if r[p.Cell-1] != "" && t != "" {
			t = r[p.Cell-1] + " " + t
		} else if t == "" {
			t = r[p.Cell-1]
		}
		r[p.Cell-1] = t
		rows[p.Row-1] = r
		g[p.Table] = rows
	}
	return g
}

// annexes reads Biểu 01 when the source has it (a document kehoach or a
// like tool made): each criterion's status at the start and the end of the
// year, its lead unit and note, and its indicator rows; and Biểu 02, the
// whole funding tree with the kind of each leaf's funds.
func (im *importer) annexes(ls []line) {
	done := map[int]bool{}
	for _, l := range ls {
		if l.table == 0 {
			continue
		}
		rows := im.grid[l.table]
		switch {
		case len(rows) == 0 || done[l.table]:
		case tableIsCriteria(rows):
			im.criteriaTable(rows)
		case tableIsFunding(rows):
			im.fundingTable(rows, l)
		case len(rows) > 2 && len(rows[0]) > 1 && rows[0][1] == "Tên công trình, dự án":
			im.works, im.worksAt = rows, l
		case len(rows) > 1 && len(rows[0]) > 4 && rows[0][1] == "Nội dung, nhiệm vụ" && rows[0][3] == "Kinh phí":
			im.currents, im.currentsAt = rows, l
		}
		done[l.table] = true
	}
}

func tableIsCriteria(rows [][]string) bool {
	if len(rows) < 3 || len(rows[0]) < 8 {
		return false
	}
	return strings.HasPrefix(rows[0][1], "Tiêu chí") && strings.Contains(strings.Join(rows[1], " "), "Đánh giá")
}

var codeRe = lazy.MustCompile(`^\d+(?:\.\d+)*$`)

// judged reports whether a Biểu 01 cell holds a criterion's assessment.
func judged(s string) bool { return s == "Đạt" || s == "Chưa đạt" }

func (im *importer) criteriaTable(rows [][]string) {
	im.status, im.rows, im.chuTri, im.ghiChu, im.phoiHop = map[int]string{}, map[int][]*yaml.Node{}, map[int]string{}, map[int]string{}, map[int][]string{}
	cur := 0
	for _, r := range rows[2:] {
		for len(r) < 11 {
			r = append(r, "")
		}
		tt := r[0]
		if !codeRe.Get().MatchString(tt) {
			continue
		}
		if judged(r[5]) || judged(r[7]) {
			cur, _ = strconv.Atoi(tt)
			switch {
			case r[5] == "Đạt":
				im.status[cur] = string(plan.StatusMet)
			case r[7] == "Đạt":
				im.status[cur] = string(plan.StatusPlanned)
			default:
				im.status[cur] = string(plan.StatusNotMet)
			}
			im.chuTri[cur] = r[8]
			im.ghiChu[cur] = r[10]
			if r[8] != "" {
				im.unitNames = append(im.unitNames, r[8])
			}
			for _, u := range strings.Split(r[9], ", ") {
				if u = strings.TrimSpace(u); u != "" {
					im.unitNames = append(im.unitNames, u)
					im.phoiHop[cur] = append(im.phoiHop[cur], u)
				}
			}
			continue
		}
		if cur == 0 {
			continue
		}
		im.rows[cur] = append(im.rows[cur], mapping(kv("ma", strAlways(tt)), kv("ten", str(r[1])), kv("don_vi", str(r[2])), kv("quy_dinh", str(r[3])), kv("hien_trang", str(r[4])), kv("ke_hoach", str(r[6]))))
	}
}

// unitCode is the code a commune unit gets in the commune file.
func unitCode(name string) string { return slug(name, 5) }

func tableIsFunding(rows [][]string) bool {
	if len(rows) < 3 || len(rows[0]) < 3 || rows[0][1] != "Nguồn vốn" {
		return false
	}
	for _, r := range rows {
		if len(r) > 1 && r[1] == "TỔNG SỐ" {
			return true
		}
	}
	return false
}

var romanNo = lazy.MustCompile(`^[IVXL]+$`)

// fundRow is one source of Biểu 02.
type fundRow struct {
	level               int
	name                string
	total, invest, curr string
	kids                []*fundRow
	at                  line
}

// fundingTable reads Biểu 02: its STT gives each source's level (I, 1,
// 1.1 …), its columns the amount and, for a leaf, the kind of funds.
func (im *importer) fundingTable(rows [][]string, at line) {
	kind := plan.KindCurrent
	if len(rows) > 1 && strings.Contains(strings.Join(rows[1], " "), "Kinh phí thường xuyên") {
		kind = "thuong_xuyen"
	}
	var top []*fundRow
	var stack []*fundRow
	started := false
	for _, r := range rows {
		for len(r) < 6 {
			r = append(r, "")
		}
		if r[1] == "TỔNG SỐ" {
			started = true
			continue
		}
		if !started {
			continue
		}
		level := 0
		switch {
		case romanNo.Get().MatchString(r[0]):
			level = 1
		case codeRe.Get().MatchString(r[0]):
			level = strings.Count(r[0], ".") + 2
		default:
			im.treeTodo = "Biểu 02: dòng “" + strings.Join(r, " | ") + "” không có số thứ tự đọc được"
			return
		}
		fr := &fundRow{level: level, name: r[1], total: r[2], invest: r[3], curr: r[4], at: at}
		for len(stack) > 0 && stack[len(stack)-1].level >= level {
			stack = stack[:len(stack)-1]
		}
		if len(stack) == 0 {
			if level != 1 {
				im.treeTodo = "Biểu 02: nguồn “" + r[1] + "” không nằm dưới nguồn nào"
				return
			}
			top = append(top, fr)
		} else {
			stack[len(stack)-1].kids = append(stack[len(stack)-1].kids, fr)
		}
		stack = append(stack, fr)
	}
	im.tree, im.treeKind = top, kind
}

// treeNodes writes Biểu 02's tree as the plan's sources: a leaf's amount
// and kind, a parent's printed total kept (tong) to compare with its parts.
func (im *importer) treeNodes(rows []*fundRow, parent string) ([]*yaml.Node, []vn.Decimal, bool) {
	var out []*yaml.Node
	var sums []vn.Decimal
	for _, r := range rows {
		amount, err := docNumber(r.total)
		if err != nil {
			return nil, nil, false
		}
		ma := im.unique(sourceCode(r.name, parent))
		if len(r.kids) == 0 {
			loai := ""
			switch {
			case r.invest != "" && r.invest == r.total:
				loai = plan.KindInvest
			case r.curr != "" && r.curr == r.total:
				loai = im.treeKind
			}
			out = append(out, mapping(kv("ma", str(ma)), kv("ten", strAlways(r.name)), kv("so_tien", number(amount)), kv("loai", str(loai))))
			sums = append(sums, amount)
			continue
		}
		kids, ks, ok := im.treeNodes(r.kids, ma)
		if !ok {
			return nil, nil, false
		}
		var sum vn.Decimal
		var parts []string
		for _, k := range ks {
			sum = sum.Add(k)
			parts = append(parts, k.String())
		}
		n := mapping(kv("ma", str(ma)), kv("ten", strAlways(r.name)), kv("tong", number(amount)), kv("con", seq(kids...)))
		if !sum.Equal(amount) {
			if parent != "" { // the body reported the first level's
				im.mismatch = append(im.mismatch, Finding{File: im.where(r.at), Line: at(r.at), Text: fmt.Sprintf("Biểu 02, %s: %s ≠ %s", r.name, amount.String(), strings.Join(parts, " + "))})
			}
			flagged(n, fmt.Sprintf("tổng: Biểu 02 ghi %s triệu đồng nhưng các nguồn con cộng lại %s", amount.String(), sum.String()))
		}
		out = append(out, n)
		sums = append(sums, sum)
	}
	return out, sums, true
}

// sameSources reports whether the body's sources (name and amount of the
// first two levels, as the body prints them) are Biểu 02's.
func (im *importer) sameSources() bool {
	if len(im.bodySources) != len(im.tree) {
		return false
	}
	for i, b := range im.bodySources {
		t := im.tree[i]
		if b.name != t.name || b.total != t.total || len(b.kids) != len(t.kids) {
			return false
		}
		for j, k := range b.kids {
			if vn.LowerFirst(k.name) != vn.LowerFirst(t.kids[j].name) || k.total != t.kids[j].total {
				return false
			}
		}
	}
	return true
}

// leaf is a funding source the annexes can draw on.
type leaf struct{ ma, ten, loai string }

// leavesByTop lists, for each top-level source's name, the leaves under it
// (the source itself when it has no parts).
func leavesByTop(nguon []*yaml.Node) map[string][]leaf {
	out := map[string][]leaf{}
	var walk func(n *yaml.Node, top string)
	walk = func(n *yaml.Node, top string) {
		_, kids := planfmt.Lookup(n, "con")
		if kids == nil {
			out[top] = append(out[top], leaf{planfmt.Scalar(planfmt.Path(n, "ma")), planfmt.Scalar(planfmt.Path(n, "ten")), planfmt.Scalar(planfmt.Path(n, "loai"))})
			return
		}
		for _, k := range kids.Content {
			walk(k, top)
		}
	}
	for _, n := range nguon {
		walk(n, planfmt.Scalar(planfmt.Path(n, "ten")))
	}
	return out
}

// unitFor is how the plan names a unit printed in an annex: its code in
// the commune file, else the name.
func (im *importer) unitFor(name string) string {
	if c, ok := im.units[name]; ok {
		return c
	}
	for _, u := range im.unitNames {
		if u == name && im.units == nil {
			return unitCode(name)
		}
	}
	return name
}

// annexData writes bieu from Biểu 03 and Biểu 04: each work with its
// funds by source, each allocation of current funds. Biểu 03 prints one
// column per top-level source, so a work's leaf source is known only when
// that source has one leaf of investment funds; otherwise the first is
// written, marked.
func (im *importer) annexData(nguon []*yaml.Node) *yaml.Node {
	if im.works == nil && im.currents == nil {
		return nil
	}
	tops := leavesByTop(nguon)
	pick := func(top, kind string) (string, string) {
		ls := tops[top]
		var of []leaf
		for _, l := range ls {
			if l.loai == kind || kind == plan.KindCurrent && l.loai == "thuong_xuyen" {
				of = append(of, l)
			}
		}
		switch {
		case len(ls) == 1:
			return ls[0].ma, ""
		case len(of) == 1:
			return of[0].ma, ""
		case len(of) > 1:
			return of[0].ma, fmt.Sprintf("nguồn vốn của công trình: Biểu 03 chỉ in cột “%s”, dưới đó có %d nguồn vốn đầu tư; ở đây ghi nguồn đầu tiên (%s)", top, len(of), of[0].ma)
		}
		return "", fmt.Sprintf("nguồn vốn của công trình: không thấy nguồn vốn đầu tư nào dưới “%s”", top)
	}
	var works []*yaml.Node
	if rows := im.works; rows != nil {
		head := -1
		for i, r := range rows {
			if len(r) > 1 && r[1] == "TỔNG SỐ" {
				head = i - 1
				break
			}
		}
		// The source columns are named in the header's last row (none when
		// no work draws on a source: the head is then two rows).
		var names []string
		if head >= 1 && !contains(rows[head], "Tổng số") {
			for _, c := range rows[head] {
				if c != "" {
					names = append(names, c)
				}
			}
		}
		n := len(names)
		for _, r := range rows[max(head+2, 0):] {
			if head < 0 || len(r) == 0 || !codeRe.Get().MatchString(r[0]) {
				continue
			}
			for len(r) < 10+n {
				r = append(r, "") // the reader gives no paragraph for an empty cell
			}
			var von []*yaml.Node
			todo := ""
			for k, name := range names {
				amount := r[8+k]
				if amount == "" {
					continue
				}
				d, err := docNumber(amount)
				if err != nil {
					todo = "Biểu 03: số tiền “" + amount + "” không đọc được"
					continue
				}
				ma, why := pick(name, plan.KindInvest)
				if why != "" {
					todo = why
				}
				v := mapping(kv("nguon", strAlways(ma)), kv("so_tien", number(d)))
				v.Style = yaml.FlowStyle
				von = append(von, v)
			}
			var crit []*yaml.Node
			for _, c := range strings.Split(r[8+n], ",") {
				if k, err := strconv.Atoi(strings.TrimSpace(c)); err == nil {
					crit = append(crit, integer(k))
				}
			}
			critNode := seq(crit...)
			if critNode != nil {
				critNode.Style = yaml.FlowStyle
			}
			var total *yaml.Node
			if d, err := docNumber(r[6]); err == nil {
				total = number(d)
			}
			w := mapping(kv("ten", strAlways(r[1])), kv("dia_diem", str(r[2])), kv("quy_mo", str(r[3])), kv("thoi_gian", str(r[4])),
				kv("chu_dau_tu", str(im.unitFor(r[5]))), kv("tong_muc_dau_tu", total), kv("von", seq(von...)), kv("tieu_chi", critNode), kv("ghi_chu", str(r[9+n])))
			works = append(works, flagged(w, todo))
		}
	}
	var currents []*yaml.Node
	for _, r := range im.currents {
		for len(r) < 7 {
			r = append(r, "")
		}
		if !codeRe.Get().MatchString(r[0]) {
			continue
		}
		d, err := docNumber(r[3])
		if err != nil {
			continue
		}
		top, child, _ := strings.Cut(strings.TrimSuffix(r[4], ")"), " (")
		ma, todo := "", ""
		for _, l := range tops[top] {
			if child == "" && len(tops[top]) == 1 || child != "" && vn.LowerFirst(l.ten) == child {
				ma = l.ma
			}
		}
		if ma == "" {
			ma, todo = "TODO", "Biểu 04: không thấy nguồn vốn “"+r[4]+"” trong phần nguồn lực"
		}
		c := mapping(kv("noi_dung", strAlways(r[1])), kv("don_vi", str(im.unitFor(r[2]))), kv("nguon", strAlways(ma)), kv("so_tien", number(d)), kv("thoi_gian", str(r[5])), kv("ghi_chu", str(r[6])))
		currents = append(currents, flagged(c, todo))
	}
	return mapping(kv("cong_trinh", seq(works...)), kv("su_nghiep", seq(currents...)))
}
