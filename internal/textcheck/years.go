package textcheck

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"kehoach/internal/diag"
	"kehoach/internal/lazy"
	"kehoach/internal/plan"
	"kehoach/internal/programme"
	"kehoach/internal/vn"
	"kehoach/internal/vntext"
)

// Year rules: in a plan for year N, what names another year than N where N
// belongs — as left behind when last year's plan is copied (kehoach new
// flags the same mentions with TODO comments; both read years through
// vn.Years).
//
// The plan's span: the dates in its text lie in N−1 (the year it is
// prepared in) or N; dates of the legal bases and of documents named with
// their number are not the plan's (the citation rules check them), and
// periods (“2021-2025”) are not dates.
const (
	RulePlanYear   = "nam-ke-hoach"   // “năm N−1” in the trích yếu, the programme's name, a Biểu 04 time
	RulePeriod     = "giai-doan-khac" // a period or programme name of another period in those fields
	RuleDateSpan   = "ngay-ngoai-nam" // a date in the text outside N−1 … N
	RuleTargetYear = "nam-phan-dau"   // “phấn đấu … năm N−1”: a target for a year already past
	RuleCriteriaOf = "bo-tieu-chi"    // “12/19 tiêu chí” when the plan's set has another size
)

// yearFields are the fields that name the plan year (those kehoach new
// rewrites).
func yearField(path string) bool {
	return path == "van_ban.trich_yeu" || path == "chuong_trinh.ten" || path == "chuong_trinh.ten_ngan"
}

func isBiểu04Time(path string) bool {
	return strings.HasPrefix(path, "bieu.su_nghiep[") && strings.HasSuffix(path, ".thoi_gian")
}

// countOf matches a count of criteria “15/19 tiêu chí” (compiled on first use).
var countOfValue lazy.Value[*regexp.Regexp]

func countOf() *regexp.Regexp { return countOfValue.Get(makeCountOf) }

func makeCountOf() *regexp.Regexp {
	return regexp.MustCompile(`(?:^|[^\d/.,])(\d{1,2})/(\d{1,2})[ \x{00a0}]+tiêu[ \x{00a0}]+chí`)
}

// yearFindings checks one text field written in the plan file.
func yearFindings(p *plan.Plan, path, text string, cites [][2]int) []vntext.Finding {
	n := p.Nam
	var out []vntext.Finding
	w := func(rule string, a, b int, msg, hint string) {
		out = append(out, vntext.Finding{Rule: rule, Severity: vntext.Warning, Start: a, End: b, Msg: msg, Suggest: hint})
	}
	inCite := func(a int) bool {
		for _, c := range cites {
			if a >= c[0] && a < c[1] {
				return true
			}
		}
		return false
	}
	years := vn.Years(text)
	switch {
	case yearField(path):
		for k, y := range years {
			if y.InRange {
				if k+1 < len(years) && years[k+1].InRange && y.Start < years[k+1].Start {
					to := years[k+1]
					if n < y.Value || n > to.Value {
						w(RulePeriod, y.Start, to.End, fmt.Sprintf("nêu giai đoạn %d - %d, không chứa năm kế hoạch %d", y.Value, to.Value, n), periodHint(n))
					}
				}
				continue
			}
			if y.Nam && y.Value != n {
				w(RulePlanYear, y.Start, y.End, fmt.Sprintf("“năm %d” khác năm kế hoạch (%d)", y.Value, n), fmt.Sprintf("viết “năm %d”", n))
			}
		}
	case isBiểu04Time(path):
		for _, y := range years {
			if !y.InRange && y.Value != n {
				w(RulePlanYear, y.Start, y.End, fmt.Sprintf("thời gian ở Biểu 04 ghi năm %d, khác năm kế hoạch (%d)", y.Value, n), fmt.Sprintf("viết %d", n))
			}
		}
	case strings.HasPrefix(path, "can_cu"):
		return nil
	default:
		for _, y := range years {
			if !y.Nam || y.InRange || y.Value != n-1 || inCite(y.Start) {
				continue
			}
			sentence := text[max(strings.LastIndexAny(text[:y.Start], ".;:\n")+1, 0):y.Start]
			if f := programme.Fold(sentence); strings.Contains(f, "phấn đấu") || strings.Contains(f, "dự kiến") {
				w(RuleTargetYear, y.Start, y.End, fmt.Sprintf("chỉ tiêu phấn đấu ghi năm %d, năm trước năm kế hoạch %d", y.Value, n), fmt.Sprintf("viết “năm %d” nếu là chỉ tiêu của năm kế hoạch", n))
			}
		}
	}
	if strings.HasPrefix(path, "can_cu") {
		return out
	}
	for _, d := range vn.Dates(text) {
		if inCite(d.Start) || (d.Year >= n-1 && d.Year <= n) {
			continue
		}
		w(RuleDateSpan, d.Start, d.End, fmt.Sprintf("ngày “%s” ngoài thời gian của kế hoạch năm %d (năm %d - %d)", text[d.Start:d.End], n, n-1, n),
			"kiểm tra lại năm; ngày của một văn bản viện dẫn thì ghi kèm số, ký hiệu văn bản đó")
	}
	// countOf needs “/” and “tiêu”: most texts have neither, and the regexp
	// would try every position.
	if p.Set != nil && strings.Contains(text, "/") && strings.Contains(text, "tiêu") {
		size := len(p.Set.TieuChi)
		for _, m := range countOf().FindAllStringSubmatchIndex(text, -1) {
			of, _ := strconv.Atoi(text[m[4]:m[5]])
			if of == size {
				continue
			}
			if other := setOfSize(of, p.Set.Ma); other != nil {
				w(RuleCriteriaOf, m[2], m[5], fmt.Sprintf("“%s” đếm theo bộ tiêu chí %s (%d tiêu chí), không áp dụng cho năm %d", text[m[2]:m[5]], other.Ma, of, n),
					fmt.Sprintf("bộ %s của kế hoạch có %d tiêu chí: viết “…/%d”", p.Set.Ma, size, size))
			}
		}
	}
	return out
}

// setOfSize is another criteria set with n criteria, or nil.
func setOfSize(n int, not string) *programme.CriteriaSet {
	for _, id := range programme.CriteriaSetIDs() {
		if s, err := programme.LoadCriteriaSet(id); err == nil && s.Ma != not && len(s.TieuChi) == n {
			return s
		}
	}
	return nil
}

func periodHint(n int) string {
	if p := programme.PeriodFor(n); p != nil {
		return fmt.Sprintf("năm %d thuộc giai đoạn %d - %d", n, p.Tu, p.Den)
	}
	return "kiểm tra lại giai đoạn"
}

// programmeOfOtherPeriod checks a programme name the plan writes itself
// (chuong_trinh.ten, ten_ngan) against the names of the other periods.
func programmeOfOtherPeriod(p *plan.Plan, path, text string) []vntext.Finding {
	if p.Period != nil && path == "van_ban.trich_yeu" {
		return trichYeuProgramme(p, text)
	}
	if p.Period == nil || (path != "chuong_trinh.ten" && path != "chuong_trinh.ten_ngan") {
		return nil
	}
	pick := func(pr programme.Programme) string {
		if path == "chuong_trinh.ten" {
			return pr.Ten
		}
		return pr.TenNgan
	}
	own := programme.Fold(pick(p.Period.ChuongTrinh))
	for _, id := range programme.PeriodIDs() {
		o, err := programme.LoadPeriod(id)
		if err != nil || o.Ma == p.Period.Ma {
			continue
		}
		if name := programme.Fold(pick(o.ChuongTrinh)); name == programme.Fold(text) && name != own {
			return []vntext.Finding{{Rule: RulePeriod, Severity: vntext.Warning, Start: 0, End: len(text),
				Msg:     fmt.Sprintf("tên Chương trình của giai đoạn %s, kế hoạch năm %d thuộc giai đoạn %s", o.Ma, p.Nam, p.Period.Ma),
				Suggest: fmt.Sprintf("viết “%s”, hoặc xóa khóa chuong_trinh để dùng tên của giai đoạn", pick(p.Period.ChuongTrinh))}}
		}
	}
	return nil
}

// consistency runs the citation and year rules on the fields written in
// the plan file (not those filled in from the registry or the period).
func consistency(p *plan.Plan, fs []field) diag.List {
	var out diag.List
	for i := range fs {
		f := &fs[i]
		if f.file != p.File || skip(f.path) {
			continue
		}
		if _, written := p.Index[f.path]; !written {
			continue
		}
		var vs []vntext.Finding
		var cites [][2]int
		structured := strings.HasPrefix(f.path, "can_cu") && !strings.HasSuffix(f.path, ".trich_yeu")
		if !structured {
			refs := references(f.text)
			for _, r := range refs {
				end := r.soEnd
				if r.date != nil {
					end = r.dateE
				}
				cites = append(cites, [2]int{r.soStart, end})
			}
			vs = append(vs, proseCitations(p.Nam, refs)...)
		}
		if p.Nam >= 1000 { // a plan without its year has nothing to compare with
			vs = append(vs, yearFindings(p, f.path, f.text, cites)...)
			vs = append(vs, programmeOfOtherPeriod(p, f.path, f.text)...)
		}
		for _, v := range vs {
			out = append(out, place(*f, v))
		}
	}
	for _, b := range checkBases(p) {
		out = append(out, &diag.Diagnostic{File: p.File, Path: b.path, Pos: p.Index.Lookup(b.path), Rule: b.v.Rule, Severity: b.v.Severity,
			Msg: strings.TrimSuffix(b.v.Msg, "."), Hint: strings.TrimSuffix(b.v.Suggest, ".")})
	}
	return out
}

// trichYeuProgramme reports a trích yếu that names the programme of
// another period: at each place a period's name (as in a sentence) starts,
// the longest name found wins, since the 2026 - 2030 name begins with the
// 2021 - 2025 one.
func trichYeuProgramme(p *plan.Plan, text string) []vntext.Finding {
	low := strings.ToLower(text)
	type hit struct {
		start, end int
		period     *programme.Period
	}
	var best *hit
	for _, id := range programme.PeriodIDs() {
		o, err := programme.LoadPeriod(id)
		if err != nil {
			continue
		}
		name := strings.ToLower(programme.InSentence(o.ChuongTrinh.Ten))
		if i := strings.Index(low, name); i >= 0 && (best == nil || i < best.start || i == best.start && i+len(name) > best.end) {
			best = &hit{i, i + len(name), o}
		}
	}
	if best == nil || best.period.Ma == p.Period.Ma {
		return nil
	}
	return []vntext.Finding{{Rule: RulePeriod, Severity: vntext.Warning, Start: best.start, End: best.end,
		Msg:     fmt.Sprintf("trích yếu nêu tên Chương trình giai đoạn %s, kế hoạch năm %d thuộc giai đoạn %s", best.period.Ma, p.Nam, p.Period.Ma),
		Suggest: fmt.Sprintf("viết “%s”", programme.InSentence(p.Period.ChuongTrinh.Ten))}}
}
