package rollover

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v4"
	"golang.org/x/text/unicode/norm"

	"kehoach/internal/draft"
	"kehoach/internal/planfmt"
	"kehoach/internal/programme"
	"kehoach/internal/vn"
)

// What changes when the plan year enters another programme period
// (templates/giai-doan): the programme's names, the legal bases, the
// funding sources. The criteria set change is in criteria (rollover.go).

// SourceChange is one carry-over rule of the new period (chuyen_nguon)
// and the sources it applied to.
type SourceChange struct {
	Rule    *programme.SourceRule
	Renamed []string // "Vốn sự nghiệp"
	Removed []string // "Vốn Chương trình MTQG giảm nghèo bền vững (năm 2025: 602)"
}

// inSentence is a programme name as written in a sentence
// (programme.InSentence).
func inSentence(name string) string { return programme.InSentence(name) }

// nameSub replaces one spelling of the old programme's name.
type nameSub struct {
	old, new string
	re       *regexp.Regexp
}

func newNameSub(old, nw string) nameSub {
	words := strings.Fields(norm.NFC.String(old))
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	return nameSub{old: strings.Join(words, " "), new: strings.Join(strings.Fields(norm.NFC.String(nw)), " "),
		re: regexp.MustCompile(strings.Join(words, `[ \x{00a0}\n]+`))}
}

// nameSubs are the spellings of the old programme's name, longest first:
// the full name with its abbreviation definitions, the name as written in
// a sentence, the short name (the plan's own chuong_trinh and the old
// period's), each with its counterpart in the new period.
func nameSubs(plan programme.Programme, oldP, newP programme.Programme) []nameSub {
	var subs []nameSub
	seen := map[string]bool{}
	add := func(old, nw string) {
		o := strings.Join(strings.Fields(norm.NFC.String(old)), " ")
		if o == "" || seen[o] || o == strings.Join(strings.Fields(nw), " ") {
			return
		}
		seen[o] = true
		subs = append(subs, newNameSub(o, nw))
	}
	for _, p := range []programme.Programme{plan, oldP} {
		add(p.Ten, newP.Ten)
		add(inSentence(p.Ten), inSentence(newP.Ten))
		add(p.TenNgan, newP.TenNgan)
	}
	// Longest first, so that a short name inside a long one is not
	// replaced on its own.
	for i := 1; i < len(subs); i++ {
		for j := i; j > 0 && len(subs[j].old) > len(subs[j-1].old); j-- {
			subs[j], subs[j-1] = subs[j-1], subs[j]
		}
	}
	return subs
}

// replaceNames replaces every whole occurrence of an old name in s by its
// new counterpart; an occurrence that already starts the new name (the
// merged programme's name begins with the old one) is left alone.
func replaceNames(s string, subs []nameSub) string {
	s = norm.NFC.String(s)
	for _, sub := range subs {
		var b strings.Builder
		last := 0
		for _, m := range sub.re.FindAllStringIndex(s, -1) {
			i, j := m[0], m[1]
			if r, _ := utf8.DecodeLastRuneInString(s[:i]); i > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				continue
			}
			if r, _ := utf8.DecodeRuneInString(s[j:]); j < len(s) && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				continue
			}
			if len(sub.new) > len(sub.old) && strings.HasPrefix(programme.Fold(s[i:]), programme.Fold(sub.new)) {
				continue
			}
			b.WriteString(s[last:i])
			b.WriteString(sub.new)
			last = j
		}
		b.WriteString(s[last:])
		s = b.String()
	}
	return s
}

// names drops chuong_trinh (the new period's names apply) and replaces
// the old programme's name in the text fields that name it (legal bases
// aside: they quote other documents' titles). A trich_yeu that does not
// name the old programme gets a TODO comment.
func (e *editor) names(root *yaml.Node) {
	r := e.rep
	r.OldName, r.NewName = e.p.ChuongTrinh.Ten, r.NewPeriod.ChuongTrinh.Ten
	written := programme.Programme{Ten: e.p.ChuongTrinh.Ten, TenNgan: e.p.ChuongTrinh.TenNgan}
	subs := nameSubs(written, r.OldPeriod.ChuongTrinh, r.NewPeriod.ChuongTrinh)
	if k, _ := planfmt.Lookup(root, "chuong_trinh"); k != nil {
		k.HeadComment = "" // it was about the old names
		removeKey(root, "chuong_trinh")
		r.NameDropped = true
		// The year rewritten there is gone with it.
		var kept []string
		for _, p := range r.Rewritten {
			if !strings.HasPrefix(p, "chuong_trinh.") {
				kept = append(kept, p)
			}
		}
		r.Rewritten = kept
	}
	if k, v := planfmt.Lookup(root, "giai_doan"); k != nil {
		setScalar(v, r.NewPeriod.Ma, "!!str")
		v.LineComment = "# đổi từ " + r.OldPeriod.Ma
		r.PeriodKey = true
	}
	w := &textWalker{
		skip: func(p string) bool { return p == "can_cu" || p == "can_cu_them" || p == "chuong_trinh" },
		visit: func(p string, v *yaml.Node, attach func(string), heads []*string) {
			if out := replaceNames(v.Value, subs); out != norm.NFC.String(v.Value) {
				v.Value = out
				r.NameRewritten = append(r.NameRewritten, p)
				// A comment above the field about its old wording (the
				// old name, a document of the old period) no longer holds.
				for _, h := range heads {
					if *h != "" && e.aboutOldName(*h, subs) {
						*h = fmt.Sprintf("# tên Chương trình đổi theo giai đoạn %s (kehoach new); ghi chú về tên cũ đã bỏ", r.NewPeriod.Ma)
					}
				}
				return
			}
			if p == "van_ban.trich_yeu" && !strings.Contains(programme.Fold(v.Value), programme.Fold(inSentence(r.NewPeriod.ChuongTrinh.Ten))) {
				attach(draft.TodoComment("trích yếu không có tên Chương trình giai đoạn %s nên chưa đổi; hãy xem lại (tên mới ở đầu tệp)", r.OldPeriod.Ma))
				r.NameTodo = append(r.NameTodo, p)
			}
		},
	}
	w.walk(root, planType, "")
}

// aboutOldName reports whether a comment names the old programme (any
// spelling, "MTQG" and "NTM" spelled out or not) or a legal basis of the
// old period.
func (e *editor) aboutOldName(c string, subs []nameSub) bool {
	c = norm.NFC.String(c)
	for _, s := range subs {
		if s.re.MatchString(c) {
			return true
		}
	}
	var nums []string
	for _, ct := range e.rep.OldPeriod.Bases() {
		nums = append(nums, ct.So)
	}
	for _, n := range nums {
		if n != "" && strings.Contains(normSo(c), normSo(n)) {
			return true
		}
	}
	return false
}

// citeName is how a legal basis is named in the report: "Quyết định 263/QĐ-TTg".
func citeName(loai, so, trichYeu string) string {
	if so == "" {
		return strings.TrimSpace(loai + " " + trichYeu)
	}
	return loai + " " + so
}

func normSo(s string) string { return strings.ToUpper(strings.Join(strings.Fields(s), "")) }

// shortDecision abbreviates a registry entry for comments: "QĐ 318/QĐ-TTg".
func shortDecision(ma string) string {
	ct, ok := programme.Cite(ma)
	if !ok {
		return ma
	}
	return shortCite(ct.Loai, ct.So)
}

// shortCite is "QĐ 1487/QĐ-UBND" for a Quyết định numbered 1487/QĐ-UBND.
func shortCite(loai, so string) string {
	abbr := docAbbr[loai]
	if abbr == "" {
		abbr = loai
	}
	return abbr + " " + so
}

var docAbbr = map[string]string{"Quyết định": "QĐ", "Nghị quyết": "NQ", "Nghị định": "NĐ", "Thông tư": "TT", "Kế hoạch": "KH"}

// bases drops the legal bases the old period supplies (its chain, its
// criteria set's decision, the provincial set's), moves the others to
// can_cu_them and removes can_cu, so the new period's chain applies.
func (e *editor) bases(root *yaml.Node) {
	r := e.rep
	old := map[string]string{} // ma or normalised so → why it is dropped
	for _, ct := range r.OldPeriod.Bases() {
		why := fmt.Sprintf("căn cứ của Chương trình giai đoạn %s", r.OldPeriod.Ma)
		old[ct.Ma], old[normSo(ct.So)] = why, why
	}
	if ct, ok := programme.Cite(r.OldSet.CanCu); ok {
		why := "Bộ tiêu chí " + r.OldSet.Ma
		old[ct.Ma], old[normSo(ct.So)] = why, why
	}
	for _, ps := range e.oldProvincial() {
		why := fmt.Sprintf("bộ tiêu chí của tỉnh %s giai đoạn %s, %s", ps.Tinh, r.OldPeriod.Ma, ps.Ma)
		old[normSo(ps.VanBan.So)] = why
		if r.ProvDropped == "" {
			r.ProvDropped = shortCite(ps.VanBan.Loai, ps.VanBan.So)
		}
	}
	delete(old, "")

	for _, ct := range r.NewPeriod.Bases() {
		r.BasesNew = append(r.BasesNew, citeName(ct.Loai, ct.So, ""))
	}
	if ct, ok := programme.Cite(r.NewSet.CanCu); ok && !contains(r.NewPeriod.CanCu, ct.Ma) {
		r.BasesNew = append(r.BasesNew, citeName(ct.Loai, ct.So, ""))
	}

	rng := regexp.MustCompile(fmt.Sprintf(`\b%d[ \x{00a0}]*[-–—][ \x{00a0}]*%d\b`, r.OldPeriod.Tu, r.OldPeriod.Den))
	flagOld := func(seq *yaml.Node) {
		for _, it := range seq.Content {
			_, ty := planfmt.Lookup(it, "trich_yeu")
			if ty == nil || !rng.MatchString(ty.Value) {
				continue
			}
			block(it)
			it.HeadComment = joinComments(it.HeadComment, draft.TodoComment("căn cứ nêu giai đoạn %s: giữ nếu văn bản còn hiệu lực năm %d, hoặc thay bằng văn bản của giai đoạn %s", r.OldPeriod.Ma, e.to, r.NewPeriod.Ma))
			e.noYearFlag[ty] = true
			r.BasesOld = append(r.BasesOld, e.baseName(it))
		}
	}
	if _, them := planfmt.Lookup(root, "can_cu_them"); them != nil && them.Kind == yaml.SequenceNode {
		for _, it := range them.Content {
			r.BasesKept = append(r.BasesKept, e.baseName(it))
		}
		flagOld(them)
	}
	k, seq := planfmt.Lookup(root, "can_cu")
	if k == nil || seq.Kind != yaml.SequenceNode {
		// The old defaults applied: the new ones do now.
		for _, b := range e.p.CanCu[:len(e.p.CanCu)-len(e.p.CanCuThem)] {
			r.BasesDropped = append(r.BasesDropped, fmt.Sprintf("%s (căn cứ mặc định của giai đoạn %s)", citeName(b.Loai, b.So, b.TrichYeu), r.OldPeriod.Ma))
		}
		return
	}
	var keep []*yaml.Node
	for _, it := range seq.Content {
		_, ma := planfmt.Lookup(it, "ma")
		_, so := planfmt.Lookup(it, "so")
		why, drop := old[planfmt.Scalar(ma)]
		if !drop {
			why, drop = old[normSo(planfmt.Scalar(so))]
		}
		if drop {
			r.BasesDropped = append(r.BasesDropped, fmt.Sprintf("%s (%s)", e.baseName(it), why))
			continue
		}
		keep = append(keep, it)
		r.BasesKept = append(r.BasesKept, e.baseName(it))
	}
	if len(keep) == 0 {
		k.HeadComment = ""
		removeKey(root, "can_cu")
		return
	}
	if _, them := planfmt.Lookup(root, "can_cu_them"); them != nil {
		// can_cu with can_cu_them does not validate; the source did.
		return
	}
	k.Value = "can_cu_them"
	seq.Content = keep
	k.HeadComment = joinComments(k.HeadComment, strings.Join(wrap(fmt.Sprintf("Căn cứ riêng của xã, in sau các căn cứ của giai đoạn %s (tự động: %s).", r.NewPeriod.Ma, strings.Join(r.BasesNew, ", ")), "", ""), "\n"))
	flagOld(seq)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// baseName names a can_cu item: "Quyết định 37-QĐ/ĐU".
func (e *editor) baseName(it *yaml.Node) string {
	_, ma := planfmt.Lookup(it, "ma")
	if id := planfmt.Scalar(ma); id != "" {
		if ct, ok := programme.Cite(id); ok {
			return citeName(ct.Loai, ct.So, ct.TrichYeu)
		}
		return id
	}
	_, loai := planfmt.Lookup(it, "loai")
	_, so := planfmt.Lookup(it, "so")
	_, ty := planfmt.Lookup(it, "trich_yeu")
	return citeName(planfmt.Scalar(loai), planfmt.Scalar(so), planfmt.Scalar(ty))
}

// oldProvincial is the provincial criteria set of the old period: the one
// the plan names (bo_tinh), or else those of templates/tieu-chi/tinh for
// the old national set and the commune's province (a plan may cite the
// provincial decision in can_cu without naming the set).
func (e *editor) oldProvincial() []*programme.ProvincialSet {
	if e.p.Prov != nil {
		return []*programme.ProvincialSet{e.p.Prov}
	}
	var out []*programme.ProvincialSet
	for _, id := range programme.ProvincialSetIDs() {
		ps, err := programme.LoadProvincialSet(id)
		if err != nil || ps.Bo != e.rep.OldSet.Ma || e.p.Commune == nil || !strings.EqualFold(ps.Tinh, e.p.Commune.Tinh) {
			continue
		}
		out = append(out, ps)
	}
	return out
}

// funding applies the new period's carry-over rules (chuyen_nguon) to
// every funding source: a rule renames the source or removes it (with its
// sub-sources); a source left without sub-sources is removed too. Biểu 03
// and Biểu 04 allocations from a removed source are removed; a work left
// with no allocation is removed.
func (e *editor) funding(root *yaml.Node) {
	r := e.rep
	rules := r.NewPeriod.ChuyenNguon
	changes := make([]*SourceChange, len(rules))
	removed := map[string]bool{}
	var collect func(n *yaml.Node)
	collect = func(n *yaml.Node) {
		if _, ma := planfmt.Lookup(n, "ma"); planfmt.Scalar(ma) != "" {
			removed[planfmt.Scalar(ma)] = true
		}
		if _, con := planfmt.Lookup(n, "con"); con != nil {
			for _, c := range con.Content {
				collect(c)
			}
		}
	}
	amount := func(n *yaml.Node) string {
		_, v := planfmt.Lookup(n, "so_tien")
		if d, err := vn.ParseDecimal(planfmt.Scalar(v)); err == nil && planfmt.Scalar(v) != "" {
			return fmt.Sprintf("năm %d: %s", e.from, d.String())
		}
		return ""
	}
	var walk func(seq *yaml.Node)
	walk = func(seq *yaml.Node) {
		if seq == nil || seq.Kind != yaml.SequenceNode {
			return
		}
		var keep []*yaml.Node
		for _, it := range seq.Content {
			_, tv := planfmt.Lookup(it, "ten")
			name := norm.NFC.String(planfmt.Scalar(tv))
			ri := -1
			for i := range rules {
				if rules[i].Matches(name) {
					ri = i
					break
				}
			}
			if ri >= 0 && changes[ri] == nil {
				changes[ri] = &SourceChange{Rule: &rules[ri]}
			}
			switch {
			case ri >= 0 && rules[ri].Bo:
				changes[ri].Removed = append(changes[ri].Removed, "“"+name+"”"+paren(amount(it)))
				collect(it)
				continue
			case ri >= 0 && name != rules[ri].DoiTen:
				changes[ri].Renamed = append(changes[ri].Renamed, name)
				tv.Value, tv.Style = rules[ri].DoiTen, 0
				tv.LineComment = joinLine(fmt.Sprintf("# đổi từ “%s” (giai đoạn %s)", name, r.NewPeriod.Ma), tv.LineComment)
			}
			if _, con := planfmt.Lookup(it, "con"); con != nil && len(con.Content) > 0 {
				walk(con)
				if len(con.Content) == 0 {
					r.SourcesEmptied = append(r.SourcesEmptied, "“"+name+"”")
					collect(it)
					continue
				}
			}
			keep = append(keep, it)
		}
		seq.Content = keep
	}
	walk(planfmt.Path(root, "nguon_luc", "nguon"))
	for _, c := range changes {
		if c != nil {
			r.Sources = append(r.Sources, *c)
		}
	}
	if len(removed) == 0 {
		return
	}
	if ws := planfmt.Path(root, "bieu", "cong_trinh"); ws != nil && ws.Kind == yaml.SequenceNode {
		var works []*yaml.Node
		for _, w := range ws.Content {
			_, name := planfmt.Lookup(w, "ten")
			von := planfmt.Path(w, "von")
			if von == nil || von.Kind != yaml.SequenceNode {
				works = append(works, w)
				continue
			}
			var keep []*yaml.Node
			var gone []string
			for _, a := range von.Content {
				_, src := planfmt.Lookup(a, "nguon")
				if removed[planfmt.Scalar(src)] {
					gone = append(gone, strings.TrimSuffix(planfmt.Scalar(src)+", "+amount(a), ", "))
					continue
				}
				keep = append(keep, a)
			}
			von.Content = keep
			switch {
			case len(gone) == 0:
				works = append(works, w)
			case len(keep) == 0:
				r.WorksRemoved = append(r.WorksRemoved, fmt.Sprintf("“%s” (chỉ có vốn từ %s)", planfmt.Scalar(name), strings.Join(gone, "; ")))
			default:
				r.SourceRefs = append(r.SourceRefs, fmt.Sprintf("công trình “%s”: vốn từ %s", planfmt.Scalar(name), strings.Join(gone, "; ")))
				works = append(works, w)
			}
		}
		ws.Content = works
		if len(works) == 0 {
			removeKey(planfmt.Path(root, "bieu"), "cong_trinh")
		}
	}
	if sn := planfmt.Path(root, "bieu", "su_nghiep"); sn != nil && sn.Kind == yaml.SequenceNode {
		var keep []*yaml.Node
		for _, a := range sn.Content {
			_, src := planfmt.Lookup(a, "nguon")
			if removed[planfmt.Scalar(src)] {
				_, nd := planfmt.Lookup(a, "noi_dung")
				r.SourceRefs = append(r.SourceRefs, fmt.Sprintf("Biểu 04 “%s”: vốn từ %s%s", planfmt.Scalar(nd), planfmt.Scalar(src), paren(amount(a))))
				continue
			}
			keep = append(keep, a)
		}
		sn.Content = keep
		if len(keep) == 0 {
			removeKey(planfmt.Path(root, "bieu"), "su_nghiep")
		}
	}
	if b := planfmt.Path(root, "bieu"); b != nil && b.Kind == yaml.MappingNode && len(b.Content) == 0 {
		removeKey(root, "bieu")
	}
}

// paren is " (s)", or "" for an empty s.
func paren(s string) string {
	if s == "" {
		return ""
	}
	return " (" + s + ")"
}

// countRe finds "12/19": a count of criteria out of n.
func countRe(n int) *regexp.Regexp {
	return regexp.MustCompile(fmt.Sprintf(`(?:^|[^\d/.,])(\d{1,2})/%d(?:$|[^\d/])`, n))
}
