// Package rollover starts next year's plan from this year's:
// `kehoach new --from plans/muong-khoa/2025.yaml 2026` writes
// plans/muong-khoa/2026.yaml, a draft that validates, in canonical form,
// keeping the comments of the source, with a header comment listing what
// was changed and what to review. It never overwrites a file.
//
// Exactly what is rewritten:
//   - nam: the new year;
//   - van_ban.so and van_ban.ngay: emptied (a draft), with the draft hint;
//   - the old year after the word "năm" ("năm 2025" → "năm 2026", whole
//     number, not part of a range such as "năm 2021-2025") in the three
//     fields that name the plan year: van_ban.trich_yeu, chuong_trinh.ten
//     and chuong_trinh.ten_ngan;
//   - the old year as a whole number, not part of a range, in
//     bieu.su_nghiep[].thoi_gian ("Quý III-IV/2025" → "Quý III-IV/2026"):
//     Biểu 04 allocations are for the plan year;
//   - criteria: phan_dau (to be met last year) becomes dat; the declared
//     counts so_dat and so_dat_cuoi_nam are removed;
//   - amounts: every so_tien (funding leaves, Biểu 03 von, Biểu 04) becomes
//     0 with the comment "# TODO: nhập số tiền năm 2026 (năm 2025: 504)";
//     the structure stays; every declared total (tong) is removed. A plan
//     of zeros validates: amounts may be 0, and Biểu 03/04 allocations
//     (now 0) still equal their sources (now 0);
//   - when the criteria set's period ends before the new year (giai_doan.den
//     < year), tieu_chi.bo becomes the set of templates/tieu-chi whose
//     period covers the year, and danh_gia is rebuilt in the new set's
//     order: a new criterion with the same name (case and spacing aside) as
//     an old one takes its entry (status carried, unit, notes; its Biểu 01
//     indicator rows only when the number is unchanged); any other new
//     criterion is chua_dat with a TODO comment. Old criteria without a
//     counterpart, the indicator rows dropped, and the criterion references
//     that no longer hold (muc_tieu.chi_tieu[].tieu_chi,
//     bieu.cong_trinh[].tieu_chi) are listed in the header and on stdout.
//
// Nothing else is rewritten. Every other text field that still contains
// the old year as a whole number (a task "trong năm 2025", a căn cứ
// "giai đoạn 2021-2025", a work's thoi_gian) gets a TODO comment above it
// and is listed: whether it means the plan year is for a person to decide.
package rollover

import (
	"errors"
	"fmt"
	"io/fs"
	"kehoach/internal/planfmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v4"
	"golang.org/x/text/unicode/norm"

	"kehoach/internal/plan"
	"kehoach/internal/programme"
)

// Refusal is a reason not to create the plan (exit status 1).
type Refusal struct {
	Msg     string
	Details []string
}

func (r *Refusal) Error() string {
	if len(r.Details) == 0 {
		return r.Msg
	}
	return r.Msg + "\n" + strings.Join(r.Details, "\n")
}

func refuse(format string, args ...any) error { return &Refusal{Msg: fmt.Sprintf(format, args...)} }

// IsRefusal reports whether err is a refusal (exit 1) rather than an I/O
// problem (exit 2).
func IsRefusal(err error) bool {
	var r *Refusal
	return errors.As(err, &r)
}

// Report says what Next did.
type Report struct {
	Source, Target   string
	FromYear, ToYear int

	OldSet, NewSet *programme.CriteriaSet // equal pointers when the period goes on
	PeriodChange   bool

	Rewritten []string  // fields where the year was rewritten (YAML paths)
	Achieved  []string  // criteria phan_dau → dat: "17. Môi trường và an toàn thực phẩm"
	Mapped    []string  // period change: "1. Quy hoạch → 1. Quy hoạch (đạt)"
	Unmapped  []string  // period change: old criteria with no counterpart
	New       []string  // period change: new criteria set to chua_dat
	Dropped   []string  // indicator rows and criterion references dropped
	Counts    []string  // removed so_dat / so_dat_cuoi_nam
	Amounts   int       // so_tien set to 0
	Totals    int       // tong removed
	Mentions  []Mention // fields still naming the old year (TODO above them)

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
	res, err := plan.LoadBytes(from, src, func(name string) ([]byte, error) { return os.ReadFile(name) })
	if err != nil {
		return nil, nil, err
	}
	if !res.OK() {
		r := &Refusal{Msg: fmt.Sprintf("%s: kế hoạch nguồn còn %d lỗi; hãy sửa (kehoach check %s) rồi chạy lại.", from, len(res.Errors), from)}
		for _, e := range res.Errors {
			r.Details = append(r.Details, e.Error())
		}
		return nil, nil, r
	}
	p := res.Plan
	if year <= p.Nam {
		return nil, nil, refuse("năm của kế hoạch mới (%d) phải sau năm của kế hoạch nguồn (%d); ví dụ: kehoach new --from %s %d.", year, p.Nam, from, p.Nam+1)
	}
	rep := &Report{Source: from, Target: target, FromYear: p.Nam, ToYear: year, OldSet: p.Set, NewSet: p.Set}
	if p.Set.GiaiDoan.Den != 0 && p.Set.GiaiDoan.Den < year {
		ns := SetFor(year)
		if ns == nil {
			return nil, nil, refuse("bộ tiêu chí %s chỉ áp dụng đến năm %d và trong templates/tieu-chi không có bộ nào cho năm %d; hãy thêm bộ tiêu chí mới (xem templates/tieu-chi/qd51-2026-2030.yaml làm mẫu).", p.Set.Ma, p.Set.GiaiDoan.Den, year)
		}
		rep.NewSet, rep.PeriodChange = ns, true
	}

	d, err := planfmt.ParseDoc(from, src)
	if err != nil {
		return nil, nil, err
	}
	e := &editor{p: p, rep: rep, from: p.Nam, to: year}
	root := d.Content[0]
	e.header(d, root)
	e.basics(root, from, target)
	e.criteria(root)
	e.amounts(root)
	fl := &flagger{old: p.Nam, to: year, rep: rep}
	fl.walk(root, reflect.TypeOf(plan.Plan{}), "")
	d.HeadComment = e.headerText()

	out, err := planfmt.DumpDoc(target, d, planfmt.StyleOf(src))
	if err != nil {
		return nil, nil, err
	}
	check, err := plan.LoadBytes(target, out, func(name string) ([]byte, error) { return os.ReadFile(name) })
	if err != nil {
		return nil, nil, err
	}
	if !check.OK() {
		r := &Refusal{Msg: fmt.Sprintf("%s: kế hoạch năm %d tạo ra chưa hợp lệ nên không ghi; hãy báo lỗi này cho người bảo trì kehoach.", target, year)}
		for _, e := range check.Errors {
			r.Details = append(r.Details, e.Error())
		}
		return nil, nil, r
	}
	for i, l := range strings.Split(string(out), "\n") {
		if j := strings.Index(l, "# TODO"); j >= 0 {
			rep.TodoLines = append(rep.TodoLines, Todo{Line: i + 1, Text: strings.TrimSpace(l[j+1:])})
		}
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
		return nil, refuse("%s: tên tệp kế hoạch mới cần đuôi .yaml (không thêm .txt) và khác tên tệp xã xa.yaml; hãy ghi ví dụ -o %s.", target, filepath.Join(filepath.Dir(target), strconv.Itoa(year)+".yaml"))
	}
	src, err := os.ReadFile(from)
	if err != nil {
		return nil, &plan.IOError{Err: fmt.Errorf("%s: không đọc được tệp kế hoạch: %w", from, err)}
	}
	out, rep, err := Next(from, src, target, year)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(target); err == nil {
		return nil, refuse("%s đã có; kehoach new không ghi đè tệp. Hãy mở tệp đó để sửa, hoặc xóa/đổi tên nó trước nếu muốn tạo lại.", target)
	}
	if err := writeNew(target, out); err != nil {
		return nil, err
	}
	return rep, nil
}

// writeNew writes data to path atomically (temporary file, then a hard
// link that fails when path exists), so an existing file is never
// replaced and a reader never sees half a file.
func writeNew(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("không ghi được vào thư mục %s: %w", dir, err)
	}
	name := tmp.Name()
	defer os.Remove(name)
	_, werr := tmp.Write(data)
	if werr == nil {
		werr = tmp.Chmod(0o644)
	}
	if werr == nil {
		werr = tmp.Sync()
	}
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return fmt.Errorf("không ghi được tệp %s: %w", path, werr)
	}
	err = os.Link(name, path)
	if errors.Is(err, fs.ErrExist) {
		return refuse("%s đã có; kehoach new không ghi đè tệp.", path)
	}
	if err != nil {
		// No hard links here (some file systems): check, then rename.
		if _, serr := os.Stat(path); serr == nil {
			return refuse("%s đã có; kehoach new không ghi đè tệp.", path)
		}
		if rerr := os.Rename(name, path); rerr != nil {
			return fmt.Errorf("không ghi được tệp %s: %w", path, rerr)
		}
	}
	return nil
}

// editor rewrites the source document.
type editor struct {
	p        *plan.Plan
	rep      *Report
	from, to int
	oldHead  []string // the source's own header lines (modeline excluded)
	modeline []string
}

const (
	headBegin = "==== KẾ HOẠCH NĂM"
	headEnd   = "==== HẾT PHẦN CẦN XEM LẠI ===="
	headOld   = "Ghi chú đầu tệp của kế hoạch năm"
)

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
		case begin < 0 && strings.HasPrefix(t, headBegin):
			begin = i
		case begin >= 0 && strings.HasPrefix(t, headEnd):
			end = i
		}
		if end >= 0 {
			break
		}
	}
	for i, l := range lines {
		t := text(l)
		switch {
		case l == "", begin >= 0 && end >= 0 && i >= begin && i <= end, strings.HasPrefix(t, headOld):
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

// Year patterns: "năm 2025" (the word năm, spaces, the year) and a bare
// year. Either must be a whole number and not an end of a range.
var (
	namRe  = regexp.MustCompile(`(?i)\bn(ă|Ă)m[ \x{00a0}]+(\d+)`)
	yearRe = regexp.MustCompile(`\d+`)
)

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
// right after the word "năm".
func replaceYear(s string, from, to int, mode yearMode) string {
	old, nw := strconv.Itoa(from), strconv.Itoa(to)
	var spans [][2]int
	if mode == namYear {
		for _, m := range namRe.FindAllStringSubmatchIndex(s, -1) {
			if m[0] > 0 {
				if r, _ := utf8.DecodeLastRuneInString(s[:m[0]]); unicode.IsLetter(r) {
					continue
				}
			}
			spans = append(spans, [2]int{m[4], m[5]})
		}
	} else {
		for _, m := range yearRe.FindAllStringIndex(s, -1) {
			spans = append(spans, [2]int{m[0], m[1]})
		}
	}
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		if s[sp[0]:sp[1]] != old || inRange(s, sp[0], sp[1]) {
			continue
		}
		b.WriteString(s[last:sp[0]])
		b.WriteString(nw)
		last = sp[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// inRange reports whether the number at s[i:j] is an end of a range of
// numbers ("2021-2025", "2025 – 2026").
func inRange(s string, i, j int) bool {
	dash := func(r rune) bool { return r == '-' || r == '–' || r == '—' }
	// after: spaces, a dash, spaces, a digit
	rest := strings.TrimLeft(s[j:], " \u00a0")
	if r, n := utf8.DecodeRuneInString(rest); n > 0 && dash(r) {
		rest = strings.TrimLeft(rest[n:], " \u00a0")
		if r2, _ := utf8.DecodeRuneInString(rest); unicode.IsDigit(r2) {
			return true
		}
	}
	before := strings.TrimRight(s[:i], " \u00a0")
	if r, n := utf8.DecodeLastRuneInString(before); n > 0 && dash(r) {
		before = strings.TrimRight(before[:len(before)-n], " \u00a0")
		if r2, _ := utf8.DecodeLastRuneInString(before); unicode.IsDigit(r2) {
			return true
		}
	}
	return false
}

// mentionsYear reports whether s contains year as a whole number.
func mentionsYear(s string, year int) bool {
	y := strconv.Itoa(year)
	for _, m := range yearRe.FindAllString(s, -1) {
		if m == y {
			return true
		}
	}
	return false
}

// criteria carries the criteria forward, switching sets at a period change.
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
	old := e.rep.OldSet
	name := func(s *programme.CriteriaSet, so int) string {
		c, _ := s.Criterion(so)
		return fmt.Sprintf("%d. %s", so, c.Ten)
	}
	carry := func(item *yaml.Node) plan.Status {
		_, st := planfmt.Lookup(item, "hien_trang")
		if st == nil {
			return ""
		}
		if plan.Status(st.Value) == plan.StatusPlanned {
			st.Value = string(plan.StatusMet)
			_, so := planfmt.Lookup(item, "so")
			n, _ := strconv.Atoi(planfmt.Scalar(so))
			e.rep.Achieved = append(e.rep.Achieved, name(old, n))
		}
		return plan.Status(st.Value)
	}
	if !e.rep.PeriodChange {
		for _, it := range dg.Content {
			carry(it)
		}
		return
	}

	ns := e.rep.NewSet
	if _, bo := planfmt.Lookup(tc, "bo"); bo != nil {
		bo.Value = ns.Ma
		bo.LineComment = fmt.Sprintf("# đổi từ %s (giai đoạn %d-%d đã hết)", old.Ma, old.GiaiDoan.Tu, old.GiaiDoan.Den)
	}
	items := map[int]*yaml.Node{}
	for _, it := range dg.Content {
		_, so := planfmt.Lookup(it, "so")
		n, _ := strconv.Atoi(planfmt.Scalar(so))
		items[n] = it
	}
	oldToNew := map[int]int{}
	used := map[int]bool{}
	var content []*yaml.Node
	for _, nc := range ns.TieuChi {
		var match *programme.Criterion
		for i := range old.TieuChi {
			oc := &old.TieuChi[i]
			if !used[oc.So] && sameName(oc.Ten, nc.Ten) && items[oc.So] != nil {
				match = oc
				break
			}
		}
		if match == nil {
			it := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: yaml.FlowStyle,
				Content: []*yaml.Node{str("so"), integer(nc.So), str("hien_trang"), str(string(plan.StatusNotMet))}}
			it.LineComment = "# TODO: tiêu chí mới, hãy đánh giá hiện trạng"
			content = append(content, it)
			e.rep.New = append(e.rep.New, name(ns, nc.So))
			continue
		}
		used[match.So] = true
		oldToNew[match.So] = nc.So
		it := items[match.So]
		st := carry(it)
		if match.So != nc.So {
			_, so := planfmt.Lookup(it, "so")
			setScalar(so, strconv.Itoa(nc.So), "!!int")
			e.dropIndicators(it, match.So)
		}
		e.rep.Mapped = append(e.rep.Mapped, fmt.Sprintf("%s → %s (%s)", name(old, match.So), name(ns, nc.So), statusWord(st)))
		content = append(content, it)
	}
	for _, oc := range old.TieuChi {
		if used[oc.So] {
			continue
		}
		st := ""
		if it := items[oc.So]; it != nil {
			_, s := planfmt.Lookup(it, "hien_trang")
			st = " (" + statusWord(plan.Status(planfmt.Scalar(s))) + ")"
			e.dropIndicators(it, oc.So)
		}
		e.rep.Unmapped = append(e.rep.Unmapped, name(old, oc.So)+st)
	}
	dg.Content = content
	dgKey.HeadComment = joinComments(dgKey.HeadComment, fmt.Sprintf("# TODO: bộ tiêu chí mới %s: hãy đánh giá lại hiện trạng từng tiêu chí đầu năm %d.", ns.Ma, e.to))

	// References to criteria elsewhere.
	ref := func(code string) (string, bool) {
		numStr, _, hasSub := strings.Cut(code, ".")
		n, err := strconv.Atoi(numStr)
		if err != nil {
			return "", false
		}
		nn, ok := oldToNew[n]
		switch {
		case !ok:
			return "", false
		case nn == n:
			return code, true
		case !hasSub:
			return strconv.Itoa(nn), true
		}
		return "", false // an indicator code of a renumbered criterion
	}
	if ct := planfmt.Path(root, "muc_tieu", "chi_tieu"); ct != nil && ct.Kind == yaml.SequenceNode {
		for i, it := range ct.Content {
			_, v := planfmt.Lookup(it, "tieu_chi")
			code := planfmt.Scalar(v)
			if code == "" {
				continue
			}
			if nc, ok := ref(code); ok {
				v.Value = nc
				continue
			}
			removeKey(it, "tieu_chi")
			e.rep.Dropped = append(e.rep.Dropped, fmt.Sprintf("muc_tieu.chi_tieu[%d].tieu_chi “%s”", i, code))
		}
	}
	if ws := planfmt.Path(root, "bieu", "cong_trinh"); ws != nil && ws.Kind == yaml.SequenceNode {
		for i, w := range ws.Content {
			_, list := planfmt.Lookup(w, "tieu_chi")
			if list == nil || list.Kind != yaml.SequenceNode {
				continue
			}
			var keep []*yaml.Node
			for _, n := range list.Content {
				so, _ := strconv.Atoi(planfmt.Scalar(n))
				if nn, ok := oldToNew[so]; ok {
					n.Value = strconv.Itoa(nn)
					keep = append(keep, n)
					continue
				}
				e.rep.Dropped = append(e.rep.Dropped, fmt.Sprintf("bieu.cong_trinh[%d].tieu_chi: %s", i, name(old, so)))
			}
			list.Content = keep
			if len(keep) == 0 {
				removeKey(w, "tieu_chi")
			}
		}
	}
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

func sameName(a, b string) bool {
	f := func(s string) string { return strings.Join(strings.Fields(strings.ToLower(norm.NFC.String(s))), " ") }
	return f(a) == f(b)
}

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
	v.LineComment = joinLine(fmt.Sprintf("# TODO: nhập số tiền năm %d (năm %d: %s)", e.to, e.from, old), prev)
	e.rep.Amounts++
}

// flagger puts a TODO comment above every text field that still names the
// old year.
type flagger struct {
	old, to int
	rep     *Report
	stack   []*yaml.Node // enclosing collections
}

func (f *flagger) walk(n *yaml.Node, t reflect.Type, p string) {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch n.Kind {
	case yaml.MappingNode:
		fields := map[string]reflect.Type{}
		if t != nil && t.Kind() == reflect.Struct {
			for i := 0; i < t.NumField(); i++ {
				tag := t.Field(i).Tag.Get("yaml")
				if tag == "" || tag == "-" {
					continue
				}
				name, _, _ := strings.Cut(tag, ",")
				fields[name] = t.Field(i).Type
			}
		}
		f.stack = append(f.stack, n)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			kp := k.Value
			if p != "" {
				kp = p + "." + k.Value
			}
			if v.Kind == yaml.ScalarNode {
				if ft := fields[k.Value]; ft != nil && ft.Kind() == reflect.String && mentionsYear(v.Value, f.old) {
					f.flag(kp, v.Value, func(c string) {
						// A comment above the first key of a list item
						// belongs to the item.
						if i == 0 && len(f.stack) > 1 && f.stack[len(f.stack)-2].Kind == yaml.SequenceNode {
							n.HeadComment = joinComments(n.HeadComment, c)
						} else {
							k.HeadComment = joinComments(k.HeadComment, c)
						}
					})
				}
				continue
			}
			f.walk(v, fields[k.Value], kp)
		}
		f.stack = f.stack[:len(f.stack)-1]
	case yaml.SequenceNode:
		var et reflect.Type
		if t != nil && t.Kind() == reflect.Slice {
			et = t.Elem()
		}
		f.stack = append(f.stack, n)
		for i, c := range n.Content {
			ip := fmt.Sprintf("%s[%d]", p, i)
			if c.Kind == yaml.ScalarNode {
				if et != nil && et.Kind() == reflect.String && mentionsYear(c.Value, f.old) {
					f.flag(ip, c.Value, func(cm string) { c.HeadComment = joinComments(c.HeadComment, cm) })
				}
				continue
			}
			f.walk(c, et, ip)
		}
		f.stack = f.stack[:len(f.stack)-1]
	}
}

// flag records a mention and attaches the TODO comment; the enclosing
// collections become block style so the comment can be written.
func (f *flagger) flag(p, text string, attach func(string)) {
	for _, c := range f.stack {
		block(c)
	}
	attach(fmt.Sprintf("# TODO: còn ghi năm %d; sửa thành %d nếu là năm kế hoạch, giữ nếu là giai đoạn/căn cứ", f.old, f.to))
	f.rep.Mentions = append(f.rep.Mentions, Mention{Path: p, Excerpt: excerpt(text, f.old)})
}

// excerpt is the part of text around the first whole mention of year.
func excerpt(text string, year int) string {
	text = strings.Join(strings.Fields(text), " ")
	y := strconv.Itoa(year)
	i := -1
	for _, m := range yearRe.FindAllStringIndex(text, -1) {
		if text[m[0]:m[1]] == y {
			i = m[0]
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
		o, n := r.OldSet, r.NewSet
		period = append(period, fmt.Sprintf("bộ tiêu chí %s (giai đoạn %d-%d) không áp dụng cho năm %d; nay dùng %s: %s (%s), %d tiêu chí.", o.Ma, o.GiaiDoan.Tu, o.GiaiDoan.Den, r.ToYear, n.Ma, n.Ten, n.VanBan, len(n.TieuChi)))
		if len(r.Mapped) > 0 {
			period = append(period, "giữ tình trạng (cùng tên): "+strings.Join(r.Mapped, "; ")+".")
		}
		if len(r.Unmapped) > 0 {
			period = append(period, fmt.Sprintf("%d tiêu chí cũ không có tiêu chí cùng tên trong bộ mới (đã bỏ khỏi danh_gia): %s.", len(r.Unmapped), strings.Join(r.Unmapped, "; ")))
		}
		if len(r.New) > 0 {
			period = append(period, fmt.Sprintf("%d tiêu chí của bộ mới ghi “chua_dat”, cần đánh giá: %s.", len(r.New), strings.Join(r.New, "; ")))
		}
		if len(r.Dropped) > 0 {
			period = append(period, "đã bỏ (không còn khớp bộ mới): "+strings.Join(r.Dropped, "; ")+".")
		}
	}
	canCu := "căn cứ (can_cu): thêm, bỏ văn bản cho năm " + strconv.Itoa(r.ToYear)
	if r.PeriodChange {
		canCu += fmt.Sprintf("; giai đoạn mới: Chương trình giai đoạn mới, %s", r.NewSet.VanBan)
	}
	review = []string{
		canCu + ".",
		"tên Chương trình (chuong_trinh), trích yếu (van_ban.trich_yeu).",
		fmt.Sprintf("chỉ tiêu (muc_tieu.chi_tieu): giá trị năm %d; mục tiêu chung, cụ thể.", r.ToYear),
		fmt.Sprintf("tiêu chí (tieu_chi.danh_gia): hiện trạng đầu năm %d, tiêu chí phấn đấu đạt trong năm (phan_dau), chỉ tiêu Biểu 01 (chi_tieu).", r.ToYear),
		fmt.Sprintf("nhiệm vụ (nhiem_vu), giải pháp (giai_phap), tổ chức thực hiện: nội dung năm %d.", r.ToYear),
		"nguồn vốn (nguon_luc) và Biểu 03, 04 (bieu): nhập số tiền ở các dòng “TODO”; bỏ công trình đã xong, thêm công trình mới, xem tổng mức đầu tư.",
		"nơi nhận (noi_nhan): nơi nhận, số bản; danh sách bản trong tệp xã.",
		"người ký (ky): chức vụ, họ tên.",
	}
	if len(r.Mentions) > 0 {
		var paths []string
		for _, m := range r.Mentions {
			paths = append(paths, m.Path)
		}
		review = append(review, fmt.Sprintf("%d chỗ còn ghi năm %d (có ghi chú “TODO” ngay trên dòng): %s.", len(r.Mentions), r.FromYear, strings.Join(paths, ", ")))
	}
	return done, period, review
}

// headerText is the new file's header comment.
func (e *editor) headerText() string {
	r := e.rep
	var lines []string
	lines = append(lines, e.modeline...)
	lines = append(lines, fmt.Sprintf("# %s %d: CẦN XEM LẠI TRƯỚC KHI TRÌNH KÝ (kehoach new) ====", headBegin, r.ToYear))
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
	lines = append(lines, "# "+headEnd)
	if len(e.oldHead) > 0 {
		lines = append(lines, fmt.Sprintf("# %s %d (xem lại, sửa hoặc xóa):", headOld, r.FromYear))
		lines = append(lines, e.oldHead...)
	}
	return strings.Join(lines, "\n")
}

var numDot = regexp.MustCompile(`^\d+\.$`)

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
		if k := len(words) - 1; k >= 0 && numDot.MatchString(words[k]) {
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
// amounts as a list of line numbers, the others one per line.
func (r *Report) Lines() (amounts []int, others []Todo) {
	for _, t := range r.TodoLines {
		if strings.HasPrefix(t.Text, "TODO: nhập số tiền") {
			amounts = append(amounts, t.Line)
			continue
		}
		others = append(others, t)
	}
	sort.Ints(amounts)
	return amounts, others
}
