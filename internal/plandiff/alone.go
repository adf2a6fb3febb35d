package plandiff

import (
	"fmt"
	"strings"

	"kehoach/internal/diag"
	"kehoach/internal/plan"
)

// Alone is the report of a plan found in one version only: kind Added (in
// the new version, label its file) or Removed (in the old). Its summary
// says which plan it is: commune, year, number and date or “dự thảo”,
// the total and the number of criteria.
func Alone(kind Kind, label string, p *plan.Plan) *Report {
	r := &Report{Plan: kind, Summary: Summary(p), Changes: []Change{}}
	r.Old, r.New = "(không có)", label
	if kind == Removed {
		r.Old, r.New = label, "(không có)"
	}
	return r
}

// Summary is one paragraph saying which plan p is: “Kế hoạch năm 2026 của
// xã Mường Khoa, tỉnh Lai Châu; dự thảo (chưa có số, ngày ban hành); tổng
// nguồn lực 3.900 triệu đồng; 19 tiêu chí (12 đã đạt đầu năm, 3 phấn đấu
// đạt trong năm).”
func Summary(p *plan.Plan) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s năm %d của ", orWord(p.TypeName(), "Kế hoạch"), p.Nam)
	if c := p.Commune; c != nil {
		fmt.Fprintf(&b, "%s %s, tỉnh %s", c.Level(), c.Ten, c.Tinh)
	} else {
		fmt.Fprintf(&b, "xã trong tệp “%s” (không đọc được tệp xã)", p.Xa)
	}
	if n, d := docNumber(p), issueDate(p); n != "" && d != "" {
		fmt.Fprintf(&b, "; số %s ngày %s", n, d)
	} else {
		b.WriteString("; dự thảo (chưa có số, ngày ban hành)")
	}
	fmt.Fprintf(&b, "; tổng nguồn lực %s triệu đồng; %d tiêu chí (%d đã đạt đầu năm, %d phấn đấu đạt trong năm).",
		p.Total().String(), p.CountCriteria(), p.CountMet(), p.CountPlanned())
	return b.String()
}

func orWord(s, dflt string) string {
	if s == "" {
		return dflt
	}
	return s
}

// Messages are a version's errors in their printed form, file:line:col
// first (for Report.OldErrors and NewErrors).
func Messages(l diag.List) []string {
	var out []string
	for _, d := range l {
		out = append(out, d.Error())
	}
	return out
}
