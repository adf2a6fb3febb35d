// Package rollover starts next year's plan from this year's:
// `kehoach new --tu plans/muong-khoa/2025.yaml 2026` writes
// plans/muong-khoa/2026.yaml, a draft that validates, in canonical form,
// keeping the comments of the source (line ends and byte-order mark too),
// with a header comment listing what was changed and what to review. It
// never overwrites a file and never edits the commune file.
//
// Exactly what is rewritten in every roll:
//   - nam: the new year;
//   - van_ban.so and van_ban.ngay: emptied (a draft), with the draft hint;
//   - the old year after the word "năm" ("năm 2025" → "năm 2026", whole
//     number, not part of a range such as "năm 2021-2025") in the three
//     fields that name the plan year: van_ban.trich_yeu, chuong_trinh.ten
//     and chuong_trinh.ten_ngan;
//   - the old year as a whole number, not part of a range, in
//     bieu.su_nghiep[].thoi_gian ("Quý III-IV/2025" → "Quý III-IV/2026"):
//     Biểu 04 allocations are for the plan year;
//   - criteria within a set: phan_dau (to be met last year) becomes dat;
//     the declared counts so_dat and so_dat_cuoi_nam are removed;
//   - amounts: every so_tien (funding leaves, Biểu 03 von, Biểu 04) becomes
//     0 with the comment "# TODO: nhập số tiền năm 2026 (năm 2025: 504)";
//     the structure stays; every declared total (tong) is removed. A plan
//     of zeros validates: amounts may be 0, and Biểu 03/04 allocations
//     (now 0) still equal their sources (now 0).
//
// When the new year is in another programme period (templates/giai-doan:
// the source's period ends before it), also, before the amounts:
//   - names: chuong_trinh is removed (the new period's names apply);
//     giai_doan, when written, becomes the new period. In every text field
//     but can_cu and can_cu_them (they quote other documents' titles) the
//     old programme's name, spelled as the source's chuong_trinh or the old
//     period writes it — ten with its abbreviation definitions ("(MTQG)"),
//     ten without them (as in a sentence), ten_ngan — becomes the new
//     period's counterpart, whole words only; a comment above such a field
//     that names the old programme or a legal basis of the old period is
//     replaced by a note. A van_ban.trich_yeu that does not name the old
//     programme gets a TODO comment;
//   - legal bases: can_cu items that are the old period's chain, the old
//     set's decision or the old provincial set's decision (the plan's
//     bo_tinh, or else the provincial sets of templates/tieu-chi/tinh for
//     the old set and the commune's province), matched by registry ma or by
//     so, are dropped; the others become can_cu_them, with a TODO comment
//     on those whose trich_yeu names the old period ("2021-2025",
//     "2021 - 2025"); can_cu is removed, so the new period's chain and the
//     new set's decision come first;
//   - funding: the new period's chuyen_nguon rules apply to every source,
//     the first matching rule by name: doi_ten renames it (a line comment
//     gives the old name), bo removes it with its sub-sources; a source
//     left without sub-sources is removed too; loai is not changed. Biểu 03
//     von and Biểu 04 rows drawing on a removed source are removed, and so
//     is a work left with no von.
//
// When the criteria set's period ends before the new year (giai_doan.den <
// year), tieu_chi.bo becomes the new period's set (or the set of
// templates/tieu-chi whose period covers the year) and:
//   - danh_gia is rebuilt in the new set's order from the new criteria's
//     thay_cho (the old criteria each covers; a same-named old criterion
//     when a new one lists none): chu_tri is that of the first old
//     criterion listed that has one, phoi_hop the other units of all of
//     them; hien_trang is always chua_dat, with a TODO comment naming the
//     old statuses ("theo QĐ 318/QĐ-TTg: 2. Giao thông chưa đạt; …; hãy
//     đánh giá lại theo QĐ 51/2025/QĐ-TTg"). Old indicator rows and notes
//     (ghi_chu) are dropped;
//   - muc_tieu.chi_tieu[].tieu_chi and bieu.cong_trinh[].tieu_chi: a whole
//     criterion number becomes the new criterion covering it; indicator
//     codes ("15.1") and numbers no new criterion covers are removed;
//   - tieu_chi.bo_tinh is removed; a TODO comment on tieu_chi asks for the
//     new period's provincial set (also when only the provincial decision
//     was in can_cu); when the new set is keyed by commune group and the
//     commune file has no nhom_xa, another asks to add it, and the review
//     list gives the groups' definitions;
//   - a text field with a count out of the old set's size ("12/19") gets a
//     TODO comment suggesting the new size ("…/10").
//   - a text field (but the bases) that still names a programme the new
//     period merged into its own (hop_nhat of the period file: giảm nghèo
//     bền vững, phát triển KT-XH vùng đồng bào DTTS) gets a TODO comment.
//
// Everything removed, renamed or mapped is listed in the header and on
// stdout. Nothing else is rewritten. Every other text field that still
// contains the old year as a whole number (a task "trong năm 2025", a căn cứ
// "giai đoạn 2021-2025", a work's thoi_gian) gets a TODO comment above it
// and is listed: whether it means the plan year is for a person to decide.
package rollover

import (
	"errors"
	"fmt"
	"io/fs"
	"kehoach/internal/diag"
	"kehoach/internal/draft"
	"kehoach/internal/planfmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v4"
	"golang.org/x/text/unicode/norm"

	"kehoach/internal/fileset"
	"kehoach/internal/lazy"
	"kehoach/internal/plan"
	"kehoach/internal/programme"
	"kehoach/internal/vn"
	"kehoach/internal/yamlx"
)

// Report says what Next did.
type Report struct {
	Source, Target   string
	FromYear, ToYear int

	OldSet, NewSet *programme.CriteriaSet // equal pointers when the set goes on
	SetChange      bool                   // the criteria set changes

	OldPeriod, NewPeriod *programme.Period // equal pointers when the period goes on
	PeriodChange         bool              // the programme period changes
	PeriodKey            bool              // giai_doan was written and is now the new period

	Rewritten []string  // fields where the year was rewritten (YAML paths)
	Achieved  []string  // criteria phan_dau → dat: "17. Môi trường và an toàn thực phẩm"
	Counts    []string  // removed so_dat / so_dat_cuoi_nam
	Amounts   int       // so_tien set to 0
	Totals    int       // tong removed
	Mentions  []Mention // fields still naming the old year (TODO above them)

	// Period change: the programme's names.
	OldName, NewName string   // chuong_trinh.ten of the source, of the new period
	NameDropped      bool     // chuong_trinh removed
	NameRewritten    []string // fields where the old name was replaced
	NameTodo         []string // fields that should name the programme but do not (TODO)

	// Period change: legal bases.
	BasesDropped []string // "Quyết định 263/QĐ-TTg (căn cứ của Chương trình giai đoạn 2021-2025)"
	BasesKept    []string // moved to can_cu_them
	BasesOld     []string // kept ones naming the old period (TODO above them)
	BasesNew     []string // the new period's chain and set decision
	ProvDropped  string   // the old provincial set's decision, when dropped
	BoTinh       string   // tieu_chi.bo_tinh removed

	// Period change: funding sources.
	Sources        []SourceChange // rules applied
	SourcesEmptied []string       // sources removed for want of sub-sources
	SourceRefs     []string       // Biểu 03/04 allocations removed
	WorksRemoved   []string       // Biểu 03 works left with no allocation

	// Set change: criteria.
	OldMet, OldMetEnd int       // criteria met in the source at the start, at the end of its year
	Mapped            []string  // "2. Hạ tầng kinh tế - xã hội ← 2, 3, 4, 5, 6, 7, 9"
	Unmapped          []string  // old criteria that no new one covers
	New               []string  // new criteria covering no old one
	Dropped           []string  // indicator rows, notes and criterion references dropped
	Remapped          []string  // criterion references moved to the new numbers
	SetCounts         []Mention // fields with a count out of the old set's size (TODO)
	MergedMentions    []Mention // fields naming a programme merged into the new one (TODO)
	Groups            []programme.Group
	CommuneFile       string // when Groups: the commune file lacking nhom_xa

	critTodo string // prefix of the criteria TODO comments

	// TODO lines of the written file: line number → comment text.
	TodoLines []Todo
}

// Mention is a text field that still names the old year.
type Mention struct {
	Path    string // YAML path: nhiem_vu.nhom[2].noi_dung[1].y
	Excerpt string // the words around the year
}

// Todo is one TODO comment of the new file.
type Todo struct {
	Line int
	Text string
}

// Target is the default new plan path: <year>.yaml beside the source.
func Target(from string, year int) string {
	return filepath.Join(filepath.Dir(from), strconv.Itoa(year)+".yaml")
}

// SetFor returns the criteria set of templates/tieu-chi whose period
// covers year (the latest starting one if several do), or nil.
func SetFor(year int) *programme.CriteriaSet {
	var best *programme.CriteriaSet
	for _, id := range programme.CriteriaSetIDs() {
		s, err := programme.LoadCriteriaSet(id)
		if err != nil || s.GiaiDoan.Tu > year || s.GiaiDoan.Den < year {
			continue
		}
		if best == nil || s.GiaiDoan.Tu > best.GiaiDoan.Tu {
			best = s
		}
	}
	return best
}

// Next builds next year's plan from the source plan file (path and bytes).
// target is where it will be written (the commune file reference is
// adjusted when it is another folder). The result validates (plan.Load
// with no errors) and is canonical.
func Next(from string, src []byte, target string, year int) ([]byte, *Report, error) {
	res, err := plan.LoadBytes(from, src, plan.ReadFile)
	if err != nil {
		return nil, nil, err
	}
	if !res.OK() {
		r := &diag.Refusal{Msg: fmt.Sprintf("%s: kế hoạch nguồn còn %d lỗi; hãy sửa (kehoach check %s) rồi chạy lại.", from, len(res.Errors), from)}
		for _, e := range res.Errors {
			r.Details = append(r.Details, e)
		}
		return nil, nil, r
	}
	p := res.Plan
	if year <= p.Nam {
		return nil, nil, diag.Refuse("năm của kế hoạch mới (%d) phải sau năm của kế hoạch nguồn (%d); ví dụ: kehoach new --tu %s %d.", year, p.Nam, from, p.Nam+1)
	}
	rep := &Report{Source: from, Target: target, FromYear: p.Nam, ToYear: year, OldSet: p.Set, NewSet: p.Set, OldPeriod: p.Period, NewPeriod: p.Period}
	np := programme.PeriodFor(year)
	if p.Set.GiaiDoan.Den != 0 && p.Set.GiaiDoan.Den < year {
		var ns *programme.CriteriaSet
		if np != nil {
			if s, err := programme.LoadCriteriaSet(np.BoTieuChi); err == nil && s.GiaiDoan.Tu <= year && year <= s.GiaiDoan.Den {
				ns = s
			}
		}
		if ns == nil {
			ns = SetFor(year)
		}
		if ns == nil {
			return nil, nil, diag.Refuse("bộ tiêu chí %s chỉ áp dụng đến năm %d và trong templates/tieu-chi không có bộ nào cho năm %d; hãy thêm bộ tiêu chí mới (xem templates/tieu-chi/qd51-2026-2030.yaml làm mẫu).", p.Set.Ma, p.Set.GiaiDoan.Den, year)
		}
		rep.NewSet, rep.SetChange = ns, true
	}
	if p.Period != nil && !p.Period.Covers(year) {
		if np == nil {
			return nil, nil, diag.Refuse("giai đoạn %s của Chương trình chỉ đến năm %d và trong templates/giai-doan không có giai đoạn nào cho năm %d; hãy thêm tệp giai đoạn mới (xem templates/giai-doan/2026-2030.yaml làm mẫu).", p.Period.Ma, p.Period.Den, year)
		}
		rep.NewPeriod, rep.PeriodChange = np, true
	}

	d, err := planfmt.ParseDoc(from, src)
	if err != nil {
		return nil, nil, err
	}
	e := &editor{p: p, rep: rep, from: p.Nam, to: year, noYearFlag: map[*yaml.Node]bool{}}
	root := d.Content[0]
	e.header(d, root)
	e.basics(root, from, target)
	if rep.PeriodChange {
		e.names(root)
		e.bases(root)
		e.funding(root)
	}
	e.criteria(root)
	e.amounts(root)
	fl := &flagger{e: e}
	fl.walk(root)
	d.HeadComment = e.headerText()

	out, err := planfmt.DumpDoc(target, d, planfmt.StyleOf(src))
	if err != nil {
		return nil, nil, err
	}
	check, err := plan.LoadBytes(target, out, plan.ReadFile)
	if err != nil {
		return nil, nil, err
	}
	if !check.OK() {
		r := &diag.Refusal{Msg: fmt.Sprintf("%s: kế hoạch năm %d tạo ra chưa hợp lệ nên không ghi; hãy báo lỗi này cho người bảo trì kehoach.", target, year)}
		for _, e := range check.Errors {
			r.Details = append(r.Details, e)
		}
		return nil, nil, r
	}
	for _, c := range draft.Todos(out) {
		rep.TodoLines = append(rep.TodoLines, Todo{Line: c.Pos.Line, Text: c.Text})
	}
	return out, rep, nil
}

// Create builds next year's plan and writes it to target without ever
// replacing an existing file.
func Create(from string, year int, target string) (*Report, error) {
	if target == "" {
		target = Target(from, year)
	}
	if !plan.IsYAMLName(target) || plan.IsCommuneName(target) {
		return nil, diag.Refuse("%s: tên tệp kế hoạch mới cần đuôi .yaml (không thêm .txt) và khác tên tệp xã xa.yaml; hãy ghi ví dụ -tep %s.", target, filepath.Join(filepath.Dir(target), strconv.Itoa(year)+".yaml"))
	}
	src, err := plan.ReadFile(from)
	if err != nil {
		return nil, &plan.IOError{Err: fmt.Errorf("%s: không đọc được tệp kế hoạch: %w", from, err)}
	}
	out, rep, err := Next(from, src, target, year)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(target); err == nil {
		return nil, diag.Refuse("%s đã có; kehoach new không ghi đè tệp. Hãy mở tệp đó để sửa, hoặc xóa/đổi tên nó trước nếu muốn tạo lại.", target)
	}
	if err := writeNew(target, out); err != nil {
		return nil, err
	}
	return rep, nil
}

// writeNew writes data to path, never replacing a file already there.
func writeNew(path string, data []byte) error {
	err := fileset.WriteNew(path, data)
	if errors.Is(err, fs.ErrExist) {
		return diag.Refuse("%s đã có; kehoach new không ghi đè tệp.", path)
	}
	return err
}

// editor rewrites the source document.
type editor struct {
	p        *plan.Plan
	rep      *Report
	from, to int
	oldHead  []string // the source's own header lines (modeline excluded)
	modeline []string
	// Text nodes that already carry a TODO naming the old period: the old
	// year is not flagged again.
	noYearFlag map[*yaml.Node]bool
}

// amountTodo begins the TODO comment on every amount set to 0.
const amountTodo = "nhập số tiền"

// header takes the source's file header apart: the editor modeline stays
// first, a previous review block (from an earlier kehoach new) is
// dropped, the rest is kept below the new review block.
func (e *editor) header(d, root *yaml.Node) {
	h := d.HeadComment
	if len(root.Content) > 0 && root.Content[0].HeadComment != "" {
		h = joinComments(h, root.Content[0].HeadComment)
		root.Content[0].HeadComment = ""
	}
	lines := strings.Split(h, "\n")
	text := func(l string) string { return strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "#")) }
	// The previous review block, only when both of its markers are there.
	begin, end := -1, -1
	for i, l := range lines {
		switch t := text(l); {
		case begin < 0 && strings.HasPrefix(t, draft.ReviewBegin):
			begin = i
		case begin >= 0 && strings.HasPrefix(t, draft.ReviewEnd):
			end = i
		}
		if end >= 0 {
			break
		}
	}
	for i, l := range lines {
		t := text(l)
		switch {
		case l == "", begin >= 0 && end >= 0 && i >= begin && i <= end, strings.HasPrefix(t, draft.ReviewOld):
			continue
		case strings.HasPrefix(t, "yaml-language-server:"):
			e.modeline = append(e.modeline, l)
			continue
		}
		e.oldHead = append(e.oldHead, l)
	}
}

// basics: year, number and date, commune file reference, year in titles.
func (e *editor) basics(root *yaml.Node, from, target string) {
	if _, v := planfmt.Lookup(root, "nam"); v != nil {
		setScalar(v, strconv.Itoa(e.to), "!!int")
		v.LineComment = ""
	}
	// The commune file, relative to the new plan's folder (the source was
	// checked, so its reference resolves).
	if _, v := planfmt.Lookup(root, "xa"); v != nil && filepath.Clean(filepath.Dir(from)) != filepath.Clean(filepath.Dir(target)) {
		cpath, _ := plan.CommunePath(from, v.Value)
		if abs, err := filepath.Abs(cpath); err == nil {
			if tdir, err := filepath.Abs(filepath.Dir(target)); err == nil {
				if rel, err := filepath.Rel(tdir, abs); err == nil {
					v.Value = filepath.ToSlash(rel)
				}
			}
		}
	}
	if vb := planfmt.Path(root, "van_ban"); vb != nil {
		clearDraft(vb, "so", "# dự thảo: văn thư điền số khi ban hành (kehoach issue)")
		clearDraft(vb, "ngay", "# dự thảo: điền ngày khi ban hành (kehoach issue)")
		e.rewrite(vb, "trich_yeu", "van_ban.trich_yeu", namYear)
	}
	if ct := planfmt.Path(root, "chuong_trinh"); ct != nil {
		e.rewrite(ct, "ten", "chuong_trinh.ten", namYear)
		e.rewrite(ct, "ten_ngan", "chuong_trinh.ten_ngan", namYear)
	}
	if sn := planfmt.Path(root, "bieu", "su_nghiep"); sn != nil && sn.Kind == yaml.SequenceNode {
		for i, it := range sn.Content {
			e.rewrite(it, "thoi_gian", fmt.Sprintf("bieu.su_nghiep[%d].thoi_gian", i), bareYear)
		}
	}
}

// clearDraft empties a van_ban key, leaving the draft hint.
func clearDraft(vb *yaml.Node, key, hint string) {
	k, v := planfmt.Lookup(vb, key)
	if k == nil {
		k, v = str(key), &yaml.Node{}
		vb.Content = append(vb.Content, k, v)
	}
	setScalar(v, "", "!!null")
	v.LineComment = ""
	k.LineComment = hint
}

type yearMode int

const (
	namYear  yearMode = iota // only "năm YYYY"
	bareYear                 // any whole YYYY
)

// rewrite replaces the old year by the new one in m[key] (mode says which
// occurrences), recording the path when something changed.
func (e *editor) rewrite(m *yaml.Node, key, p string, mode yearMode) {
	_, v := planfmt.Lookup(m, key)
	if v == nil || v.Kind != yaml.ScalarNode {
		return
	}
	s := norm.NFC.String(v.Value)
	if out := replaceYear(s, e.from, e.to, mode); out != s {
		v.Value = out
		e.rep.Rewritten = append(e.rep.Rewritten, p)
	}
}

// replaceYear rewrites the whole-number occurrences of from in s that are
// not an end of a range (2021-2025, 2025–2026); with namYear only those
// right after the word "năm" (vn.Years reads them).
func replaceYear(s string, from, to int, mode yearMode) string {
	nw := strconv.Itoa(to)
	var b strings.Builder
	last := 0
	for _, y := range vn.Years(s) {
		if y.Value != from || y.InRange || (mode == namYear && !y.Nam) {
			continue
		}
		b.WriteString(s[last:y.Start])
		b.WriteString(nw)
		last = y.End
	}
	b.WriteString(s[last:])
	return b.String()
}

// mentionsYear reports whether s contains year as a whole number.
func mentionsYear(s string, year int) bool {
	for _, y := range vn.Years(s) {
		if y.Value == year {
			return true
		}
	}
	return false
}

// criteria carries the criteria forward, switching sets when the old
// one's period has ended.
func (e *editor) criteria(root *yaml.Node) {
	tc := planfmt.Path(root, "tieu_chi")
	if tc == nil {
		return
	}
	for _, k := range []string{"so_dat", "so_dat_cuoi_nam"} {
		if removeKey(tc, k) {
			e.rep.Counts = append(e.rep.Counts, "tieu_chi."+k)
		}
	}
	dgKey, dg := planfmt.Lookup(tc, "danh_gia")
	if dg == nil || dg.Kind != yaml.SequenceNode {
		return
	}
	r := e.rep
	old := r.OldSet
	name := func(s *programme.CriteriaSet, so int) string {
		c, _ := s.Criterion(so)
		return fmt.Sprintf("%d. %s", so, c.Ten)
	}
	if !r.SetChange {
		for _, it := range dg.Content {
			_, st := planfmt.Lookup(it, "hien_trang")
			if st != nil && plan.Status(st.Value) == plan.StatusPlanned {
				st.Value = string(plan.StatusMet)
				_, so := planfmt.Lookup(it, "so")
				n, _ := strconv.Atoi(planfmt.Scalar(so))
				r.Achieved = append(r.Achieved, name(old, n))
			}
		}
		return
	}

	// A new set: every criterion is assessed again. The new set's thay_cho
	// says which old criteria each new one covers; their units carry over,
	// their statuses are only named in a TODO comment.
	ns := r.NewSet
	r.OldMet, r.OldMetEnd = e.p.CountMet(), e.p.CountMet()+e.p.CountPlanned()
	if _, bo := planfmt.Lookup(tc, "bo"); bo != nil {
		bo.Value = ns.Ma
		bo.LineComment = fmt.Sprintf("# đổi từ %s (giai đoạn %d-%d đã hết)", old.Ma, old.GiaiDoan.Tu, old.GiaiDoan.Den)
	}
	tcKey, _ := planfmt.Lookup(root, "tieu_chi")
	if k, v := planfmt.Lookup(tc, "bo_tinh"); k != nil {
		r.BoTinh = planfmt.Scalar(v)
		k.HeadComment = ""
		removeKey(tc, "bo_tinh")
	}
	if r.BoTinh != "" || r.ProvDropped != "" {
		was := r.BoTinh
		if r.ProvDropped != "" {
			was = strings.TrimSpace(strings.TrimPrefix(was+", "+r.ProvDropped, ", "))
		}
		tcKey.HeadComment = joinComments(tcKey.HeadComment, draft.TodoComment("bộ tiêu chí của tỉnh cho %s (thay %s): khi tỉnh ban hành, ghi bo_tinh hoặc thêm quyết định đó vào can_cu_them", ns.Ma, was))
	}
	if ns.PhanLoai == programme.ByGroup && e.p.Commune != nil && e.p.Commune.NhomXa == 0 {
		r.Groups, r.CommuneFile = ns.NhomXa, e.p.Xa
		tcKey.HeadComment = joinComments(tcKey.HeadComment, draft.TodoComment("tệp xã chưa ghi nhom_xa; hãy thêm nhom_xa: 1, 2 hoặc 3 vào %s theo %s (xem đầu tệp)", e.p.Xa, shortDecision(ns.CanCu)))
	}

	items := map[int]*yaml.Node{}
	for _, it := range dg.Content {
		_, so := planfmt.Lookup(it, "so")
		n, _ := strconv.Atoi(planfmt.Scalar(so))
		items[n] = it
	}
	field := func(it *yaml.Node, key string) string {
		_, v := planfmt.Lookup(it, key)
		return planfmt.Scalar(v)
	}
	list := func(it *yaml.Node, key string) []string {
		_, v := planfmt.Lookup(it, key)
		if v == nil || v.Kind != yaml.SequenceNode {
			return nil
		}
		var out []string
		for _, c := range v.Content {
			out = append(out, planfmt.Scalar(c))
		}
		return out
	}
	oldDoc, newDoc := shortDecision(old.CanCu), shortDecision(ns.CanCu)
	r.critTodo = draft.TodoText("theo " + oldDoc + ":")
	oldToNew := map[int]int{}
	covered := map[int]bool{}
	var content []*yaml.Node
	for _, nc := range ns.TieuChi {
		from := nc.ThayCho
		if len(from) == 0 {
			// No mapping in the data: an old criterion of the same name.
			for _, oc := range old.TieuChi {
				if sameName(oc.Ten, nc.Ten) {
					from = []int{oc.So}
				}
			}
		}
		var chuTri string
		var phoiHop, was, nums []string
		seen := map[string]bool{}
		for _, so := range from {
			if _, ok := oldToNew[so]; !ok {
				oldToNew[so] = nc.So
			}
			covered[so] = true
			nums = append(nums, strconv.Itoa(so))
			it := items[so]
			if it == nil {
				continue
			}
			was = append(was, fmt.Sprintf("%s %s", name(old, so), statusWord(plan.Status(field(it, "hien_trang")))))
			units := append([]string{field(it, "chu_tri")}, list(it, "phoi_hop")...)
			for _, u := range units {
				switch {
				case u == "" || seen[u]:
				case chuTri == "":
					chuTri = u
				default:
					phoiHop = append(phoiHop, u)
				}
				if u != "" {
					seen[u] = true
				}
			}
			if g := field(it, "ghi_chu"); g != "" {
				r.Dropped = append(r.Dropped, fmt.Sprintf("ghi chú của tiêu chí %d cũ “%s”", so, g))
			}
			e.dropIndicators(it, so)
		}
		it := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: yaml.FlowStyle,
			Content: []*yaml.Node{str("so"), integer(nc.So), str("hien_trang"), str(string(plan.StatusNotMet))}}
		if chuTri != "" {
			it.Content = append(it.Content, str("chu_tri"), str(chuTri))
		}
		if len(phoiHop) > 0 {
			seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
			for _, u := range phoiHop {
				seq.Content = append(seq.Content, str(u))
			}
			it.Content = append(it.Content, str("phoi_hop"), seq)
		}
		if len(was) > 0 {
			it.HeadComment = strings.Join(wrap(fmt.Sprintf("%s %s; hãy đánh giá lại theo %s", r.critTodo, strings.Join(was, "; "), newDoc), "", "  "), "\n")
			r.Mapped = append(r.Mapped, fmt.Sprintf("%s ← %s", name(ns, nc.So), strings.Join(nums, ", ")))
		} else {
			it.HeadComment = draft.TodoComment("tiêu chí mới, hãy đánh giá hiện trạng theo %s", newDoc)
			r.New = append(r.New, name(ns, nc.So))
		}
		content = append(content, it)
	}
	for _, oc := range old.TieuChi {
		if covered[oc.So] {
			continue
		}
		st := ""
		if it := items[oc.So]; it != nil {
			st = " (" + statusWord(plan.Status(field(it, "hien_trang"))) + ")"
			e.dropIndicators(it, oc.So)
		}
		r.Unmapped = append(r.Unmapped, name(old, oc.So)+st)
	}
	dg.Content = content
	block(dg)
	dgKey.HeadComment = joinComments(dgKey.HeadComment, draft.TodoComment("bộ tiêu chí mới %s: hãy đánh giá lại hiện trạng từng tiêu chí đầu năm %d.", ns.Ma, e.to))

	// References to criteria elsewhere: a whole criterion maps to the new
	// one covering it; an indicator code ("15.1") has no counterpart.
	ref := func(code string) (string, bool) {
		n, err := strconv.Atoi(code)
		if err != nil {
			return "", false
		}
		nn, ok := oldToNew[n]
		return strconv.Itoa(nn), ok
	}
	if ct := planfmt.Path(root, "muc_tieu", "chi_tieu"); ct != nil && ct.Kind == yaml.SequenceNode {
		for i, it := range ct.Content {
			_, v := planfmt.Lookup(it, "tieu_chi")
			code := planfmt.Scalar(v)
			if code == "" {
				continue
			}
			if nc, ok := ref(code); ok {
				if nc != code {
					v.Value = nc
					r.Remapped = append(r.Remapped, fmt.Sprintf("muc_tieu.chi_tieu[%d].tieu_chi “%s” → “%s”", i, code, nc))
				}
				continue
			}
			removeKey(it, "tieu_chi")
			r.Dropped = append(r.Dropped, fmt.Sprintf("muc_tieu.chi_tieu[%d].tieu_chi “%s”", i, code))
		}
	}
	if ws := planfmt.Path(root, "bieu", "cong_trinh"); ws != nil && ws.Kind == yaml.SequenceNode {
		for _, w := range ws.Content {
			_, lst := planfmt.Lookup(w, "tieu_chi")
			if lst == nil || lst.Kind != yaml.SequenceNode {
				continue
			}
			var keep []*yaml.Node
			done := map[int]bool{}
			var olds, news []string
			for _, n := range lst.Content {
				so, _ := strconv.Atoi(planfmt.Scalar(n))
				nn, ok := oldToNew[so]
				if !ok {
					r.Dropped = append(r.Dropped, fmt.Sprintf("tiêu chí %s của công trình “%s”", name(old, so), workName(w)))
					continue
				}
				olds = append(olds, strconv.Itoa(so))
				if done[nn] {
					continue
				}
				done[nn] = true
				news = append(news, strconv.Itoa(nn))
				n.Value = strconv.Itoa(nn)
				keep = append(keep, n)
			}
			if len(olds) > 0 && strings.Join(olds, ",") != strings.Join(news, ",") {
				r.Remapped = append(r.Remapped, fmt.Sprintf("công trình “%s”: tiêu chí %s → %s", workName(w), strings.Join(olds, ", "), strings.Join(news, ", ")))
			}
			lst.Content = keep
			if len(keep) == 0 {
				removeKey(w, "tieu_chi")
			}
		}
	}
}

func workName(w *yaml.Node) string {
	_, n := planfmt.Lookup(w, "ten")
	return oneLine(planfmt.Scalar(n))
}

// dropIndicators removes the Biểu 01 indicator rows of an old criterion.
func (e *editor) dropIndicators(item *yaml.Node, oldSo int) {
	_, rows := planfmt.Lookup(item, "chi_tieu")
	if rows == nil || rows.Kind != yaml.SequenceNode {
		return
	}
	for _, r := range rows.Content {
		_, ma := planfmt.Lookup(r, "ma")
		_, ten := planfmt.Lookup(r, "ten")
		e.rep.Dropped = append(e.rep.Dropped, fmt.Sprintf("chỉ tiêu %s “%s” (tiêu chí %d cũ)", planfmt.Scalar(ma), planfmt.Scalar(ten), oldSo))
	}
	removeKey(item, "chi_tieu")
}

func sameName(a, b string) bool { return programme.Fold(a) == programme.Fold(b) }

func statusWord(s plan.Status) string {
	switch s {
	case plan.StatusMet:
		return "đạt"
	case plan.StatusPlanned:
		return "phấn đấu đạt"
	case plan.StatusNotMet:
		return "chưa đạt"
	}
	return "chưa đánh giá"
}

// amounts empties every amount for re-entry and removes declared totals.
func (e *editor) amounts(root *yaml.Node) {
	nl := planfmt.Path(root, "nguon_luc")
	if removeKey(nl, "tong") {
		e.rep.Totals++
	}
	var sources func(seq *yaml.Node)
	sources = func(seq *yaml.Node) {
		if seq == nil || seq.Kind != yaml.SequenceNode {
			return
		}
		for _, it := range seq.Content {
			if removeKey(it, "tong") {
				e.rep.Totals++
			}
			if _, con := planfmt.Lookup(it, "con"); con != nil && len(con.Content) > 0 {
				sources(con)
				continue
			}
			e.zero(it)
		}
	}
	sources(planfmt.Path(nl, "nguon"))
	if ws := planfmt.Path(root, "bieu", "cong_trinh"); ws != nil && ws.Kind == yaml.SequenceNode {
		for _, w := range ws.Content {
			if von := planfmt.Path(w, "von"); von != nil && von.Kind == yaml.SequenceNode {
				block(von)
				for _, a := range von.Content {
					e.zero(a)
				}
			}
		}
	}
	if sn := planfmt.Path(root, "bieu", "su_nghiep"); sn != nil && sn.Kind == yaml.SequenceNode {
		for _, a := range sn.Content {
			e.zero(a)
		}
	}
}

// zero sets m.so_tien to 0 with the TODO comment giving last year's amount.
func (e *editor) zero(m *yaml.Node) {
	_, v := planfmt.Lookup(m, "so_tien")
	if v == nil || v.Kind != yaml.ScalarNode {
		return
	}
	block(m)
	old := v.Value
	prev := v.LineComment
	setScalar(v, "0", "!!int")
	v.LineComment = joinLine(draft.TodoComment(amountTodo+" năm %d (năm %d: %s)", e.to, e.from, old), prev)
	e.rep.Amounts++
}

// planType is the model the walkers follow to find the text fields.
var planType = reflect.TypeOf(plan.Plan{})

// textWalker visits every text field of the model (string fields and
// string list items) under n. attach puts a comment above the field,
// turning the enclosing collections into block style so it can be written.
type textWalker struct {
	skip func(path string) bool // subtrees not visited
	// heads are the comments written above the field (to read or edit).
	visit func(path string, v *yaml.Node, attach func(comment string), heads []*string)
	stack []*yaml.Node // enclosing collections
}

func (w *textWalker) walk(n *yaml.Node, t reflect.Type, p string) {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	attacher := func(at func(string)) func(string) {
		return func(c string) {
			for _, s := range w.stack {
				block(s)
			}
			at(c)
		}
	}
	switch n.Kind {
	case yaml.MappingNode:
		fields := map[string]reflect.Type{}
		if t != nil && t.Kind() == reflect.Struct {
			for _, k := range yamlx.Keys(t) {
				fields[k.Name] = k.Field.Type
			}
		}
		w.stack = append(w.stack, n)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			kp := k.Value
			if p != "" {
				kp = p + "." + k.Value
			}
			if w.skip != nil && w.skip(kp) {
				continue
			}
			if v.Kind == yaml.ScalarNode {
				if ft := fields[k.Value]; ft != nil && ft.Kind() == reflect.String {
					first := i == 0 && len(w.stack) > 1 && w.stack[len(w.stack)-2].Kind == yaml.SequenceNode
					heads := []*string{&k.HeadComment}
					if first {
						heads = append(heads, &n.HeadComment)
					}
					w.visit(kp, v, attacher(func(c string) {
						// A comment above the first key of a list item
						// belongs to the item.
						if first {
							n.HeadComment = joinComments(n.HeadComment, c)
						} else {
							k.HeadComment = joinComments(k.HeadComment, c)
						}
					}), heads)
				}
				continue
			}
			w.walk(v, fields[k.Value], kp)
		}
		w.stack = w.stack[:len(w.stack)-1]
	case yaml.SequenceNode:
		var et reflect.Type
		if t != nil && t.Kind() == reflect.Slice {
			et = t.Elem()
		}
		w.stack = append(w.stack, n)
		for i, c := range n.Content {
			ip := fmt.Sprintf("%s[%d]", p, i)
			if c.Kind == yaml.ScalarNode {
				if et != nil && et.Kind() == reflect.String {
					w.visit(ip, c, attacher(func(cm string) { c.HeadComment = joinComments(c.HeadComment, cm) }), []*string{&c.HeadComment})
				}
				continue
			}
			w.walk(c, et, ip)
		}
		w.stack = w.stack[:len(w.stack)-1]
	}
}

// flagger puts a TODO comment above every text field that still names the
// old year and, when the criteria set changes, above every count out of
// the old set's size ("12/19").
type flagger struct {
	e *editor
}

func (f *flagger) walk(root *yaml.Node) {
	e, r := f.e, f.e.rep
	var counts *regexp.Regexp
	if r.SetChange {
		counts = countRe(len(r.OldSet.TieuChi))
	}
	w := &textWalker{visit: func(p string, v *yaml.Node, attach func(string), _ []*string) {
		if mentionsYear(v.Value, e.from) && !e.noYearFlag[v] {
			attach(draft.TodoComment("còn ghi năm %d; sửa thành %d nếu là năm kế hoạch, giữ nếu là giai đoạn/căn cứ", e.from, e.to))
			r.Mentions = append(r.Mentions, Mention{Path: p, Excerpt: excerpt(v.Value, e.from)})
		}
		if r.PeriodChange && !strings.HasPrefix(p, "can_cu") {
			for i := range r.NewPeriod.HopNhat {
				if m := &r.NewPeriod.HopNhat[i]; m.Mentioned(v.Value) {
					attach(draft.TodoComment("còn nêu %s như một Chương trình riêng; từ năm %d đây là một phần của Chương trình giai đoạn %s: hãy viết lại", m.Khop[0], r.NewPeriod.Tu, r.NewPeriod.Ma))
					r.MergedMentions = append(r.MergedMentions, Mention{Path: p, Excerpt: m.Khop[0]})
					break
				}
			}
		}
		if counts == nil || strings.HasPrefix(p, "can_cu") {
			return
		}
		if m := counts.FindStringSubmatchIndex(v.Value); m != nil {
			c := v.Value[m[2]:m[3]]
			old := fmt.Sprintf("%s/%d", c, len(r.OldSet.TieuChi))
			attach(draft.TodoComment("“%s” đếm theo bộ %s (%d tiêu chí); bộ %s có %d tiêu chí: sửa thành “…/%d” sau khi đánh giá lại", old, r.OldSet.Ma, len(r.OldSet.TieuChi), r.NewSet.Ma, len(r.NewSet.TieuChi), len(r.NewSet.TieuChi)))
			r.SetCounts = append(r.SetCounts, Mention{Path: p, Excerpt: old})
		}
	}}
	w.walk(root, planType, "")
}

// excerpt is the part of text around the first whole mention of year.
func excerpt(text string, year int) string {
	text = strings.Join(strings.Fields(text), " ")
	i := -1
	for _, y := range vn.Years(text) {
		if y.Value == year {
			i = y.Start
			break
		}
	}
	if i < 0 {
		return text
	}
	r := []rune(text)
	ri := utf8.RuneCountInString(text[:i])
	a, b := max(0, ri-30), min(len(r), ri+4+30)
	out := string(r[a:b])
	if a > 0 {
		out = "…" + out
	}
	if b < len(r) {
		out += "…"
	}
	return out
}

// Summary is what was changed and what to review, one item a line, for
// both the file header and the terminal.
func (r *Report) Summary() (done, period, review []string) {
	done = append(done, fmt.Sprintf("nam: %d → %d; số và ngày văn bản để trống (dự thảo).", r.FromYear, r.ToYear))
	if len(r.Rewritten) > 0 {
		done = append(done, fmt.Sprintf("“%d” → “%d” ở: %s.", r.FromYear, r.ToYear, strings.Join(r.Rewritten, ", ")))
	}
	if len(r.Achieved) > 0 {
		done = append(done, fmt.Sprintf("tiêu chí phấn đấu đạt năm %d nay ghi “dat” (đã đạt): %s.", r.FromYear, strings.Join(r.Achieved, "; ")))
	}
	if len(r.Counts) > 0 {
		done = append(done, "bỏ "+strings.Join(r.Counts, ", ")+" (số tiêu chí đạt được tính tự động).")
	}
	done = append(done, fmt.Sprintf("%d số tiền (so_tien) ghi 0, có ghi chú “TODO” kèm số năm %d; bỏ %d tổng đã ghi (tong), tổng được tính tự động.", r.Amounts, r.FromYear, r.Totals))

	if r.PeriodChange {
		o, n := r.OldPeriod, r.NewPeriod
		s := fmt.Sprintf("giai đoạn %s → %s", o.Ma, n.Ma)
		if r.PeriodKey {
			s += fmt.Sprintf(" (giai_doan: %s)", n.Ma)
		}
		s += fmt.Sprintf("; tên Chương trình: “%s” → “%s”", oneLine(r.OldName), oneLine(r.NewName))
		if r.NameDropped {
			s += fmt.Sprintf(" (bỏ khóa chuong_trinh: dùng tên của giai đoạn %s)", n.Ma)
		}
		if len(r.NameRewritten) > 0 {
			s += "; tên cũ đã đổi ở: " + strings.Join(r.NameRewritten, ", ")
		}
		if len(r.NameTodo) > 0 {
			s += "; không thấy tên cũ (có TODO) ở: " + strings.Join(r.NameTodo, ", ")
		}
		period = append(period, s+".")
		var cc []string
		if len(r.BasesDropped) > 0 {
			cc = append(cc, "bỏ "+strings.Join(r.BasesDropped, ", "))
		}
		if len(r.BasesKept) > 0 {
			var ks []string
			for _, k := range r.BasesKept {
				if contains(r.BasesOld, k) {
					k += fmt.Sprintf(" (có TODO: nêu giai đoạn %s)", o.Ma)
				}
				ks = append(ks, k)
			}
			cc = append(cc, "giữ, chuyển sang can_cu_them: "+strings.Join(ks, ", "))
		}
		cc = append(cc, "căn cứ mới của giai đoạn (in tự động, trước căn cứ riêng): "+strings.Join(r.BasesNew, ", "))
		period = append(period, "căn cứ: "+strings.Join(cc, "; ")+".")
		for _, c := range r.Sources {
			var what string
			switch {
			case c.Rule.Bo:
				what = "bỏ nguồn " + strings.Join(c.Removed, ", ")
			default:
				what = fmt.Sprintf("đổi tên nguồn %s → “%s”", countedNames(c.Renamed), c.Rule.DoiTen)
			}
			period = append(period, fmt.Sprintf("nguồn vốn: %s: %s.", what, oneLine(c.Rule.LyDo)))
		}
		if len(r.SourcesEmptied) > 0 {
			period = append(period, "nguồn vốn: bỏ "+strings.Join(r.SourcesEmptied, ", ")+" (không còn nguồn con).")
		}
		if len(r.SourceRefs) > 0 {
			period = append(period, "Biểu 03, 04: bỏ phân bổ từ nguồn đã bỏ: "+strings.Join(r.SourceRefs, "; ")+".")
		}
		if len(r.WorksRemoved) > 0 {
			period = append(period, fmt.Sprintf("Biểu 03: bỏ %d công trình chỉ có vốn từ nguồn đã bỏ: %s.", len(r.WorksRemoved), strings.Join(r.WorksRemoved, "; ")))
		}
	}
	if r.SetChange {
		o, n := r.OldSet, r.NewSet
		period = append(period, fmt.Sprintf("bộ tiêu chí %s (giai đoạn %d-%d, %d tiêu chí; năm %d đạt %d/%d, cuối năm %d/%d) không áp dụng cho năm %d; nay dùng %s: %s (%s), %d tiêu chí: mọi tiêu chí ghi “chua_dat”, đánh giá lại trên %d (x/%d).",
			o.Ma, o.GiaiDoan.Tu, o.GiaiDoan.Den, len(o.TieuChi), r.FromYear, r.OldMet, len(o.TieuChi), r.OldMetEnd, len(o.TieuChi), r.ToYear, n.Ma, n.Ten, n.VanBan, len(n.TieuChi), len(n.TieuChi), len(n.TieuChi)))
		if len(r.Mapped) > 0 {
			period = append(period, fmt.Sprintf("tiêu chí mới ← tiêu chí cũ (theo thay_cho của %s; đơn vị chủ trì, phối hợp lấy từ tiêu chí cũ, hiện trạng cũ ghi ở ghi chú TODO): %s.", n.Ma, strings.Join(r.Mapped, "; ")))
		}
		if len(r.Unmapped) > 0 {
			period = append(period, fmt.Sprintf("%d tiêu chí cũ không thuộc tiêu chí mới nào (đã bỏ khỏi danh_gia): %s.", len(r.Unmapped), strings.Join(r.Unmapped, "; ")))
		}
		if len(r.New) > 0 {
			period = append(period, fmt.Sprintf("%d tiêu chí mới không thay cho tiêu chí cũ nào: %s.", len(r.New), strings.Join(r.New, "; ")))
		}
		if len(r.Remapped) > 0 {
			period = append(period, "tham chiếu tiêu chí đổi sang số mới: "+strings.Join(r.Remapped, "; ")+".")
		}
		if len(r.Dropped) > 0 {
			period = append(period, "đã bỏ (không còn khớp bộ mới): "+strings.Join(r.Dropped, "; ")+".")
		}
		if len(r.MergedMentions) > 0 {
			var ps []string
			for _, m := range r.MergedMentions {
				ps = append(ps, m.Path)
			}
			period = append(period, fmt.Sprintf("%d đoạn văn còn nêu Chương trình giảm nghèo bền vững hoặc Chương trình phát triển KT-XH vùng đồng bào DTTS như Chương trình riêng (nay thuộc Chương trình hợp nhất; có TODO): %s.", len(ps), strings.Join(ps, ", ")))
		}
		if len(r.SetCounts) > 0 {
			var ps []string
			for _, m := range r.SetCounts {
				ps = append(ps, fmt.Sprintf("%s (%s)", m.Path, m.Excerpt))
			}
			period = append(period, fmt.Sprintf("%d chỗ ghi số tiêu chí trên %d (có TODO, sửa thành …/%d): %s.", len(ps), len(o.TieuChi), len(n.TieuChi), strings.Join(ps, ", ")))
		}
	}

	canCu := "căn cứ (can_cu): thêm, bỏ văn bản cho năm " + strconv.Itoa(r.ToYear) + "."
	names := "tên Chương trình (chuong_trinh), trích yếu (van_ban.trich_yeu)."
	if r.PeriodChange {
		canCu = fmt.Sprintf("căn cứ: các căn cứ của giai đoạn %s được in tự động; xem lại căn cứ riêng của xã (can_cu_them) cho năm %d.", r.NewPeriod.Ma, r.ToYear)
		names = fmt.Sprintf("trích yếu (van_ban.trich_yeu) và các chỗ nêu tên Chương trình: tên Chương trình giai đoạn %s.", r.NewPeriod.Ma)
	}
	review = []string{canCu, names}
	if r.BoTinh != "" || r.ProvDropped != "" {
		was := strings.TrimPrefix(strings.Join([]string{r.BoTinh, r.ProvDropped}, ", "), ", ")
		review = append(review, fmt.Sprintf("bộ tiêu chí của tỉnh cho %s (tieu_chi.bo_tinh, thay %s): ghi khi tỉnh ban hành.", r.NewSet.Ma, strings.TrimSuffix(was, ", ")))
	}
	if len(r.Groups) > 0 {
		var gs []string
		for _, g := range r.Groups {
			gs = append(gs, fmt.Sprintf("nhóm %d — %s", g.So, oneLine(g.MoTa)))
		}
		review = append(review, fmt.Sprintf("tệp xã (%s) chưa ghi nhóm xã, kehoach không sửa tệp này: hãy thêm một dòng “nhom_xa: 1”, “nhom_xa: 2” hoặc “nhom_xa: 3” theo %s: %s.", r.CommuneFile, shortDecision(r.NewSet.CanCu), strings.Join(gs, "; ")))
	}
	review = append(review,
		fmt.Sprintf("chỉ tiêu (muc_tieu.chi_tieu): giá trị năm %d; mục tiêu chung, cụ thể.", r.ToYear),
		fmt.Sprintf("tiêu chí (tieu_chi.danh_gia): hiện trạng đầu năm %d, tiêu chí phấn đấu đạt trong năm (phan_dau), chỉ tiêu Biểu 01 (chi_tieu).", r.ToYear),
		fmt.Sprintf("nhiệm vụ (nhiem_vu), giải pháp (giai_phap), tổ chức thực hiện: nội dung năm %d.", r.ToYear),
		"nguồn vốn (nguon_luc) và Biểu 03, 04 (bieu): nhập số tiền ở các dòng “TODO”; bỏ công trình đã xong, thêm công trình mới, xem tổng mức đầu tư.")
	if len(r.WorksRemoved) > 0 || len(r.SourceRefs) > 0 {
		review = append(review, fmt.Sprintf("công trình, nội dung đã bỏ hoặc bớt vốn vì nguồn cũ không còn (xem “CHUYỂN GIAI ĐOẠN”): nếu vẫn thực hiện năm %d, hãy ghi lại với nguồn vốn của Chương trình giai đoạn %s.", r.ToYear, r.NewPeriod.Ma))
	}
	review = append(review,
		"nơi nhận (noi_nhan): nơi nhận, số bản; danh sách bản trong tệp xã.",
		"người ký (ky): chức vụ, họ tên.",
	)
	if len(r.Mentions) > 0 {
		var paths []string
		for _, m := range r.Mentions {
			paths = append(paths, m.Path)
		}
		review = append(review, fmt.Sprintf("%d chỗ còn ghi năm %d (có ghi chú “TODO” ngay trên dòng): %s.", len(r.Mentions), r.FromYear, strings.Join(paths, ", ")))
	}
	return done, period, review
}

// countedNames lists names once each, in order: "“Vốn đầu tư” (2 nguồn)".
func countedNames(names []string) string {
	n := map[string]int{}
	var order []string
	for _, s := range names {
		if n[s] == 0 {
			order = append(order, s)
		}
		n[s]++
	}
	var out []string
	for _, s := range order {
		if n[s] > 1 {
			out = append(out, fmt.Sprintf("“%s” (%d nguồn)", s, n[s]))
		} else {
			out = append(out, "“"+s+"”")
		}
	}
	return strings.Join(out, ", ")
}

// oneLine joins the lines of a folded text.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// headerText is the new file's header comment.
func (e *editor) headerText() string {
	r := e.rep
	var lines []string
	lines = append(lines, e.modeline...)
	lines = append(lines, fmt.Sprintf("# %s %d: %s (kehoach new) ====", draft.ReviewBegin, r.ToYear, draft.ReviewTitle))
	lines = append(lines, wrap(fmt.Sprintf("Tạo từ %s bằng “kehoach new”. Đã tự động:", filepath.Base(r.Source)), "", "")...)
	done, period, review := r.Summary()
	for _, s := range done {
		lines = append(lines, wrap(s, "- ", "  ")...)
	}
	if len(period) > 0 {
		lines = append(lines, "# CHUYỂN GIAI ĐOẠN:")
		for _, s := range period {
			lines = append(lines, wrap(s, "- ", "  ")...)
		}
	}
	lines = append(lines, "# Cần xem lại, sửa (tìm chữ “TODO” trong tệp), rồi xóa khối ghi chú này:")
	for i, s := range review {
		lines = append(lines, wrap(s, fmt.Sprintf("%d. ", i+1), "   ")...)
	}
	lines = append(lines, "# "+draft.ReviewEnd)
	if len(e.oldHead) > 0 {
		lines = append(lines, fmt.Sprintf("# %s %d (xem lại, sửa hoặc xóa):", draft.ReviewOld, r.FromYear))
		lines = append(lines, e.oldHead...)
	}
	return strings.Join(lines, "\n")
}

var numDot = lazy.MustCompile(`^\d+\.$`)

// A document number stays with the word before it (“Quyết định 51/2025/QĐ-TTg”),
// as does an abbreviated document type (“QĐ 51/2025/QĐ-TTg”).
var docNo = lazy.MustCompile(`^\d[\d-]*/\S*\p{Lu}`)

// docAbbrWord: an abbreviated document type stays with its number (“QĐ 51/2025/QĐ-TTg”).
var docAbbrWord = map[string]bool{"QĐ": true, "NQ": true, "NĐ": true, "TT": true, "KH": true}

// wrap writes s as comment lines of at most 88 columns.
func wrap(s, first, rest string) []string {
	const width = 88
	var out []string
	line := "# " + first
	prefix := "# " + rest
	n := utf8.RuneCountInString(line)
	start := true
	// A criterion number stays with its name: "2. Giao thông".
	var words []string
	for _, w := range strings.Fields(s) {
		if k := len(words) - 1; k >= 0 && (numDot.Get().MatchString(words[k]) || docAbbrWord[words[k]] || docNo.Get().MatchString(w)) {
			words[k] += " " + w
			continue
		}
		words = append(words, w)
	}
	for _, w := range words {
		wl := utf8.RuneCountInString(w)
		if !start && n+1+wl > width {
			out = append(out, line)
			line, n, start = prefix, utf8.RuneCountInString(prefix), true
		}
		if !start {
			line += " "
			n++
		}
		line += w
		n += wl
		start = false
	}
	return append(out, line)
}

// Lines groups the TODO lines of the new file for the terminal: the
// amounts and the criteria to assess again as lists of line numbers, the
// others one per line.
func (r *Report) Lines() (amounts, criteria []int, others []Todo) {
	for _, t := range r.TodoLines {
		switch {
		case strings.HasPrefix(t.Text, draft.TodoText(amountTodo)):
			amounts = append(amounts, t.Line)
		case r.critTodo != "" && strings.HasPrefix(t.Text, r.critTodo):
			criteria = append(criteria, t.Line)
		default:
			others = append(others, t)
		}
	}
	sort.Ints(amounts)
	return amounts, criteria, others
}
