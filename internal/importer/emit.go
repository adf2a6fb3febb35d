package importer

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v4"

	"kehoach/internal/diag"
	"kehoach/internal/lazy"
	"kehoach/internal/plan"
	"kehoach/internal/planfmt"
	"kehoach/internal/programme"
	"kehoach/internal/textcheck"
	"kehoach/internal/vn"
)

// emit writes the plan (and commune) file.
func (im *importer) emit(o Options) (*Result, error) {
	res := &Result{Year: im.year}
	if im.year == 0 {
		return nil, fmt.Errorf("%s: %w: không thấy năm kế hoạch (“năm 2025” trong trích yếu hay câu mở đầu)", im.src, ErrNotPlan)
	}
	res.PlanName = strconv.Itoa(im.year) + ".yaml"
	res.CommuneName = "xa.yaml"

	// The commune: from the opening sentence (its case is the document's),
	// else from the header lines.
	agencyName, level, name := "", "", ""
	if a, lv, n, ok := communeParts(im.agency); ok {
		agencyName, level, name = a, lv, n
	} else if k := len(im.agencyLines); k >= 2 {
		agencyName = sentence(im.agencyLines[k-2])
		if a, lv, n, ok := communeParts("x " + vn.Lower(im.agencyLines[k-1])); ok {
			_ = a
			level, name = lv, wordsCase(n)
		}
	}
	if name == "" {
		return nil, fmt.Errorf("%s: %w: không thấy tên xã (ở đầu văn bản hay câu “Ủy ban nhân dân xã … xây dựng Kế hoạch …”)", im.src, ErrNotPlan)
	}
	res.Ma = slug(name, 0)
	vietTat := ""
	loai := "KH"
	if im.kyHieu != "" {
		if l, v, ok := strings.Cut(im.kyHieu, "-"); ok {
			loai, vietTat = l, v
		}
	}
	if vietTat == "" && im.agencyShort != "" {
		if f := strings.Fields(im.agencyShort); len(f) > 0 && isUpper(f[0]) {
			vietTat = f[0]
		}
	}
	if vietTat == "" && agencyName == "Ủy ban nhân dân" {
		vietTat = "UBND"
	}
	var chuQuan string
	if k := len(im.agencyLines); k >= 3 {
		chuQuan = sentence(strings.Join(im.agencyLines[:k-2], " "))
	}
	if o.Commune == nil {
		res.Commune = im.communeFile(res.Ma, name, level, agencyName, vietTat, chuQuan)
	}

	// Which criteria set, and the status of each criterion.
	period := programme.PeriodFor(im.year)
	var set *programme.CriteriaSet
	if period != nil {
		set, _ = programme.LoadCriteriaSet(period.BoTieuChi)
	}

	var top []pair
	top = append(top, kv("xa", strAlways("xa.yaml")), kv("nam", integer(im.year)))
	so := empty()
	if im.so > 0 {
		so = integer(im.so)
	}
	ngay := empty()
	if !im.date.IsZero() {
		ngay = strAlways(im.date.Format("2006-01-02"))
	}
	vb := []pair{kv("loai", strAlways(loai)), kv("so", so), {key: "ngay", val: ngay, todo: im.dateTodo}, {key: "trich_yeu", val: strAlways(im.trichYeu), todo: im.trichTodo}}
	if im.trichYeu == "" {
		vb[3] = pair{key: "trich_yeu", val: strAlways("TODO"), todo: "trích yếu: văn bản gốc không có dòng trích yếu dưới “KẾ HOẠCH”"}
	}
	top = append(top, kv("van_ban", mapping(vb...)))

	// The programme's names: the opening sentence gives the full one, the
	// total line and the closing the short one.
	tenNgan := im.tenNgan
	if tenNgan == "" {
		tenNgan = im.tenNgan2
	}
	ct := []pair{kv("ten", str(im.ten)), kv("ten_ngan", str(tenNgan))}
	if im.ten == "" {
		ct[0] = pair{key: "ten", val: strAlways(tenNgan), todo: "tên Chương trình đầy đủ: " + im.openTodo}
	}
	if tenNgan == "" {
		ct[1] = pair{key: "ten_ngan", val: strAlways(im.ten), todo: "tên ngắn của Chương trình: văn bản gốc không có dòng tổng nguồn lực hay câu kết theo mẫu"}
	}
	if period != nil && im.ten == period.ChuongTrinh.Ten && tenNgan == period.ChuongTrinh.TenNgan && im.openTodo == "" {
		// The period's names: the plan need not repeat them.
	} else {
		top = append(top, kv("chuong_trinh", mapping(ct...)))
	}
	top = append(top, kv("can_cu", seq(im.canCu...)))

	mt := []pair{{key: "chung", val: strAlways(im.chung), todo: im.chungTodo}, kv("cu_the", seq(im.cuThe...)), kv("chi_tieu", seq(im.chiTieu...))}
	if im.chung == "" {
		mt[0] = pair{key: "chung", val: strAlways("TODO"), todo: "mục tiêu chung: không thấy mục “1. Mục tiêu chung” trong văn bản gốc"}
	}
	top = append(top, kv("muc_tieu", mapping(mt...)))
	top = append(top, kv("tieu_chi", im.criteria(set)))

	nv := mapping(kv("nhom", seq(im.nhom...)), kv("bieu", strs(im.nvBieu)))
	if nv == nil {
		nv = mapping(kv("nhom", seq(mapping(kv("tieu_de", strAlways("TODO"))))))
		nv.Content[0].HeadComment = todoComment("nhiệm vụ: không thấy phần “II. NỘI DUNG, NHIỆM VỤ THỰC HIỆN”")
	}
	top = append(top, kv("nhiem_vu", nv))

	nl := []pair{}
	if im.tong != nil {
		nl = append(nl, kv("tong", number(*im.tong)))
	}
	nguon := im.nguon
	treeTodo := im.treeTodo
	if im.tree != nil && treeTodo == "" {
		if im.sameSources() {
			im.codes = nil
			if nodes, _, ok := im.treeNodes(im.tree, ""); ok {
				nguon = nodes
			}
		} else {
			treeTodo = "nguồn vốn: Biểu 02 khác phần III của văn bản (tên, số tiền hay số nguồn); ở đây ghi theo phần III, hãy đối chiếu"
		}
	}
	nl = append(nl, pair{key: "nguon", val: seq(nguon...), todo: treeTodo}, kv("bieu", strs(im.nlBieu)))
	nlNode := mapping(nl...)
	if len(im.nguon) == 0 {
		nlNode = mapping(append(nl, pair{key: "nguon", val: seq(mapping(kv("ten", strAlways("TODO")), kv("so_tien", integer(0)))), todo: "nguồn vốn: không đọc được phần nguồn lực"})...)
	}
	if len(im.nlTodo) > 0 {
		nlNode.Content[0].HeadComment = joinComment(nlNode.Content[0].HeadComment, todoComment("nguồn lực: các dòng sau của văn bản gốc không đọc được, hãy nhập vào nguon: “"+strings.Join(im.nlTodo, "”; “")+"”"))
	}
	if im.nlBieu != nil && (contains(im.nlBieu, "03") || contains(im.nlBieu, "04")) && im.works == nil && im.currents == nil {
		nlNode.Content[0].HeadComment = joinComment(nlNode.Content[0].HeadComment, "# Số liệu Biểu 03 (công trình), Biểu 04 (vốn sự nghiệp) không có trong thân văn bản: nhập ở khóa bieu (xem README).")
	}
	top = append(top, kv("nguon_luc", nlNode))

	gp := seq(im.giaiPhap...)
	if gp == nil {
		top = append(top, pair{key: "giai_phap", val: seq(strAlways("TODO")), todo: "giải pháp: không thấy phần “GIẢI PHÁP THỰC HIỆN”"})
	} else {
		top = append(top, kv("giai_phap", gp))
	}
	tc := seq(im.toChuc...)
	if tc == nil {
		tc = seq(mapping(kv("don_vi", strAlways("TODO")), kv("noi_dung", seq(mapping(kv("y", strAlways("TODO")))))))
		top = append(top, pair{key: "to_chuc_thuc_hien", val: tc, todo: "tổ chức thực hiện: không thấy phần “TỔ CHỨC THỰC HIỆN”"})
	} else {
		top = append(top, kv("to_chuc_thuc_hien", tc))
	}

	// The closing: the template's sentence unless the source says another.
	short := vietTat + " " + level + " " + name
	if im.closing != "" && !(im.agencyShort == short && im.tenNgan2 == tenNgan && fmt.Sprint(im.year) == closingYear(im.closing)) {
		todo := ""
		if im.tenNgan2 != "" && im.tenNgan2 != tenNgan {
			todo = "câu kết: văn bản gốc gọi Chương trình là “" + im.tenNgan2 + "”, ở dòng tổng nguồn lực là “" + tenNgan + "”; thống nhất tên ngắn (chuong_trinh.ten_ngan) rồi xóa ket_luan nếu câu kết theo mẫu"
		}
		top = append(top, pair{key: "ket_luan", val: strAlways(im.closing), todo: todo})
	}

	nn := []pair{kv("nhan", seq(im.nhan...)), kv("luu", strs(im.luu))}
	if len(im.nhan) == 0 {
		nn[0] = pair{key: "nhan", val: seq(mapping(kv("ten", strAlways("TODO")))), todo: "nơi nhận: không đọc được mục “Nơi nhận:”"}
	}
	if len(im.luu) == 0 {
		nn[1] = pair{key: "luu", val: strs([]string{"VT"}), todo: "nơi lưu: văn bản gốc không có dòng “- Lưu: …”"}
	}
	top = append(top, kv("noi_nhan", mapping(nn...)))
	kyNode := mapping(im.ky...)
	if im.kyTodo != "" {
		flagged(kyNode, im.kyTodo)
	}
	top = append(top, kv("ky", kyNode))
	top = append(top, kv("bieu", im.annexData(nguon)))

	root := mapping(top...)
	root.HeadComment = fmt.Sprintf("# yaml-language-server: $schema=../../schema/plan.schema.json\n# Dự thảo do kehoach import đọc từ %s; mọi chỗ cần kiểm tra có ghi chú TODO.", filepath.Base(im.src))
	if len(im.unknown) > 0 {
		var u []string
		for _, l := range im.unknown {
			u = append(u, im.where(l)+": “"+trimTo(l.text, 80)+"”")
		}
		root.Content[0].HeadComment = joinComment(root.Content[0].HeadComment, todoComment("các đoạn sau của văn bản gốc không thuộc mục nào của kế hoạch, chưa được chép: "+strings.Join(u, "; ")))
	}
	out, err := dump(res.PlanName, root)
	if err != nil {
		return nil, err
	}
	// The text rules of kehoach check: every error they find in the
	// source's words (a syllable that cannot be Vietnamese, a legacy
	// encoding) is a place to look at, marked where it is.
	commune := res.Commune
	if o.Commune != nil {
		commune = o.Commune
	}
	if marked := spellingTodos(res.PlanName, out, commune, root); marked > 0 {
		if out, err = dump(res.PlanName, root); err != nil {
			return nil, err
		}
	}
	res.Plan = out
	res.Todos = append(findTodos(res.PlanName, res.Plan), findTodos(res.CommuneName, res.Commune)...)
	items := func(gs []*yaml.Node) int {
		n := 0
		for _, g := range gs {
			if _, v := planfmt.Lookup(g, "noi_dung"); v != nil {
				n += len(v.Content)
			}
		}
		return n
	}
	res.Summary = fmt.Sprintf("%d căn cứ, %d chỉ tiêu, %d nhóm nhiệm vụ (%d đoạn, ý), %d nguồn vốn, %d giải pháp, %d đơn vị thực hiện (%d đoạn, ý), %d nơi nhận",
		len(im.canCu), len(im.chiTieu), len(im.nhom), items(im.nhom), len(nguon), len(im.giaiPhap), len(im.toChuc), items(im.toChuc), len(im.nhan))
	res.Mismatches = im.mismatch
	res.Notes = im.notes
	for _, fs := range [][]Finding{res.Mismatches, res.Notes} {
		sort.SliceStable(fs, func(i, j int) bool { return fs[i].Line < fs[j].Line })
	}
	return res, nil
}

func closingYear(s string) string {
	ms := yearRe.Get().FindAllStringSubmatch(s, -1)
	if len(ms) == 0 {
		return ""
	}
	return ms[len(ms)-1][1]
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// criteria writes tieu_chi: the set of the plan year, and each
// criterion's status — from Biểu 01 when the source has it, else from the
// counts the objectives state (“12/19 tiêu chí đã đạt”, “Hoàn thành Tiêu
// chí số 17”), which say how many criteria are met but not which.
func (im *importer) criteria(set *programme.CriteriaSet) *yaml.Node {
	if set == nil {
		return mapping(pair{key: "danh_gia", val: seq(), todo: fmt.Sprintf("bộ tiêu chí: không có bộ tiêu chí cho năm %d", im.year)})
	}
	var items []*yaml.Node
	todo := ""
	if im.total != 0 && im.total != len(set.TieuChi) {
		todo = fmt.Sprintf("bộ tiêu chí: văn bản gốc tính trên %d tiêu chí, bộ %s có %d", im.total, set.Ma, len(set.TieuChi))
	}
	if im.status != nil {
		for _, c := range set.TieuChi {
			st, ok := im.status[c.So]
			if !ok {
				st = string(plan.StatusNotMet)
			}
			var ph []string
			for _, u := range im.phoiHop[c.So] {
				ph = append(ph, im.unitRef(u))
			}
			n := mapping(kv("so", integer(c.So)), kv("hien_trang", strAlways(st)), kv("chu_tri", str(im.unitRef(im.chuTri[c.So]))), kv("phoi_hop", strs(ph)), kv("ghi_chu", str(im.ghiChu[c.So])), kv("chi_tieu", seq(im.rows[c.So]...)))
			if !ok {
				flagged(n, "tiêu chí không có trong Biểu 01 của văn bản gốc")
			}
			items = append(items, n)
		}
		return mapping(kv("bo", strAlways(set.Ma)), pair{key: "danh_gia", val: seq(items...), todo: todo})
	}
	planned := map[int]bool{}
	for _, n := range im.planned {
		planned[n] = true
		c, ok := set.Criterion(n)
		switch {
		case !ok:
			todo = joinTodo(todo, fmt.Sprintf("tiêu chí phấn đấu: bộ %s không có tiêu chí số %d", set.Ma, n))
		case !strings.Contains(im.plannedText, fmt.Sprintf("Tiêu chí số %d. %s", n, c.Ten)):
			im.notes = append(im.notes, Finding{File: im.where(im.plannedLine), Line: at(im.plannedLine), Text: fmt.Sprintf("Tiêu chí số %d: văn bản mới in tên của bộ tiêu chí, “%s”", n, c.Ten)})
		}
	}
	left := im.met
	guessed := false
	for _, c := range set.TieuChi {
		st := plan.StatusNotMet
		switch {
		case planned[c.So]:
			st = plan.StatusPlanned
		case left > 0:
			st, left = plan.StatusMet, left-1
			guessed = true
		default:
			guessed = guessed || im.met > 0
		}
		items = append(items, mapping(kv("so", integer(c.So)), kv("hien_trang", strAlways(string(st)))))
	}
	if guessed {
		msg := fmt.Sprintf("tình trạng từng tiêu chí: văn bản gốc chỉ ghi %d/%d tiêu chí đã đạt, không ghi tiêu chí nào; ở đây %d tiêu chí đầu (trừ tiêu chí phấn đấu) được ghi dat để giữ đúng con số — hãy sửa theo thực tế", im.met, len(set.TieuChi), im.met)
		todo = joinTodo(todo, msg)
	}
	if im.plannedTodo != "" {
		todo = joinTodo(todo, im.plannedTodo)
	}
	return mapping(kv("bo", strAlways(set.Ma)), pair{key: "danh_gia", val: seq(items...), todo: todo})
}

func joinTodo(a, b string) string {
	if a == "" {
		return b
	}
	return a + "\n" + todoComment(b)
}

// unitRef is the code of a unit named in Biểu 01: the code the folder's
// commune file gives it, else the one the written commune file gives it.
func (im *importer) unitRef(name string) string {
	if name == "" {
		return ""
	}
	if c, ok := im.units[name]; ok {
		return c
	}
	return unitCode(name)
}

// communeUnits reads the units of a commune file: name → code.
func communeUnits(data []byte) map[string]string {
	var c struct {
		DonVi []struct {
			Ma  string `yaml:"ma"`
			Ten string `yaml:"ten"`
		} `yaml:"don_vi"`
	}
	if data == nil || yaml.Unmarshal(data, &c) != nil {
		return nil
	}
	m := map[string]string{}
	for _, u := range c.DonVi {
		m[u.Ten] = u.Ma
	}
	return m
}

// communeFile writes the commune file from what the document says.
func (im *importer) communeFile(ma, name, level, agency, vietTat, chuQuan string) []byte {
	tinh, tinhTodo := "", ""
	for _, c := range im.canCu {
		_, v := planfmt.Lookup(c, "co_quan")
		if v == nil {
			continue
		}
		if m := provinceRe.Get().FindStringSubmatch(v.Value); m != nil {
			tinh = m[1]
			break
		}
	}
	if tinh == "" {
		tinh, tinhTodo = "TODO", "tên tỉnh: văn bản gốc không nêu"
	} else {
		tinhTodo = "tên tỉnh: lấy từ cơ quan ban hành một căn cứ (“" + tinh + "”)"
	}
	place := ""
	if im.place != "" && im.place != name {
		place = im.place
	}
	var units []*yaml.Node
	seen := map[string]bool{}
	for _, u := range im.unitNames {
		if c := unitCode(u); !seen[c] {
			seen[c] = true
			units = append(units, mapping(kv("ma", strAlways(c)), kv("ten", strAlways(u))))
		}
	}
	lv := level
	regionTodo := ""
	if period := programme.PeriodFor(im.year); period != nil {
		if set, err := programme.LoadCriteriaSet(period.BoTieuChi); err == nil {
			switch {
			case len(set.Vung) > 0:
				var codes []string
				for _, r := range set.Vung {
					codes = append(codes, r.Ma)
				}
				regionTodo = "vùng của xã: văn bản không ghi; thêm dòng vung: (" + strings.Join(codes, ", ") + ") để Biểu 01 in ngưỡng chỉ tiêu của vùng"
			case len(set.NhomXa) > 0:
				regionTodo = "nhóm xã: văn bản không ghi; thêm dòng nhom_xa: (1, 2 hoặc 3) để Biểu 01 in ngưỡng chỉ tiêu của nhóm"
			}
		}
	}
	root := mapping(
		kv("ma", strAlways(ma)),
		kv("ten", strAlways(name)),
		kv("cap", str(lv)),
		pair{key: "tinh", val: strAlways(tinh), todo: tinhTodo},
		pair{key: "vung", val: nil},
		kv("dia_danh", str(place)),
		pair{key: "co_quan", val: mapping(kv("ten", strAlways(agency)), kv("viet_tat", strAlways(vietTat)), pair{key: "chu_quan", val: str(chuQuan), todo: ifThen(chuQuan != "", "tên cơ quan chủ quản: chữ hoa của văn bản gốc viết lại thành chữ thường")}), todo: regionTodo},
		pair{key: "loai_ban", val: str(im.theoBan)},
		kv("don_vi", seq(units...)),
	)
	if im.theoBan != "" {
		root.Content = append(root.Content, strAlways("ban"), seq(strAlways("TODO")))
		root.Content[len(root.Content)-2].HeadComment = todoComment("danh sách các " + im.theoBan + ": văn bản gốc gửi “Trưởng các " + im.theoBan + "” mà không kể tên; ghi tên từng " + im.theoBan)
	}
	root.HeadComment = "# yaml-language-server: $schema=../../schema/xa.schema.json\n# Tệp xã do kehoach import tạo từ " + filepath.Base(im.src) + "; mọi chỗ cần kiểm tra có ghi chú TODO."
	out, err := dump("xa.yaml", root)
	if err != nil {
		return nil
	}
	return out
}

var provinceRe = lazy.MustCompile(`(?:UBND|Ủy ban nhân dân|HĐND|Hội đồng nhân dân) tỉnh (.+)$`)

func ifThen(c bool, s string) string {
	if c {
		return s
	}
	return ""
}

// dump writes a node tree in canonical form.
func dump(name string, root *yaml.Node) ([]byte, error) {
	d := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}
	return planfmt.DumpDoc(name, d, planfmt.Style{})
}

var todoRe = lazy.MustCompile(`#\s*TODO:?\s*(.*)$`)

// findTodos lists the TODO comments of a written file with their lines.
func findTodos(name string, data []byte) []Finding {
	var out []Finding
	for i, l := range strings.Split(string(data), "\n") {
		if m := todoRe.Get().FindStringSubmatch(l); m != nil {
			out = append(out, Finding{File: name, Line: i + 1, Text: m[1]})
		}
	}
	return out
}

// spellingTodos runs the text rules on the draft and marks each error at
// its field with a TODO comment; it returns how many it marked.
func spellingTodos(name string, src, commune []byte, root *yaml.Node) int {
	res, err := plan.LoadBytes(name, src, func(p string) ([]byte, error) {
		if commune != nil && filepath.Base(p) == "xa.yaml" {
			return commune, nil
		}
		return nil, fs.ErrNotExist
	})
	if err != nil || res.Plan == nil || res.Plan.Commune == nil {
		return 0
	}
	n := 0
	for _, d := range textcheck.Check(res.Plan, src, commune, "") {
		if d.Severity != diag.Error || d.Path == "" || d.File != name {
			continue
		}
		at := nodeAt(root, d.Path)
		if at == nil {
			continue
		}
		msg := "chính tả: " + d.Msg
		if d.Hint != "" {
			msg += " — gợi ý: " + d.Hint
		}
		at.HeadComment = joinComment(at.HeadComment, todoComment(msg))
		n++
	}
	return n
}

var pathPart = lazy.MustCompile(`([^.\[\]]+)|\[(\d+)\]`)

// nodeAt finds the node a YAML path (nhiem_vu.nhom[2].noi_dung[0].y) names
// in a tree: the key node of a mapping value, the item of a sequence.
func nodeAt(n *yaml.Node, path string) *yaml.Node {
	var at *yaml.Node
	for _, m := range pathPart.Get().FindAllStringSubmatch(path, -1) {
		switch {
		case m[1] != "" && n != nil && n.Kind == yaml.MappingNode:
			k, v := planfmt.Lookup(n, m[1])
			if k == nil {
				return nil
			}
			if k != n.Content[0] || at != n {
				// The first key of a sequence item takes its comment on
				// the item, above the “- ” (see flagged).
				at = k
			}
			n = v
		case m[2] != "" && n != nil && n.Kind == yaml.SequenceNode:
			i, _ := strconv.Atoi(m[2])
			if i >= len(n.Content) {
				return nil
			}
			n = n.Content[i]
			at = n
		default:
			return nil
		}
	}
	return at
}
