package importer

import (
	"fmt"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v4"

	"kehoach/internal/compose"
	"kehoach/internal/lazy"
	"kehoach/internal/plan"
)

var (
	keepRe     = lazy.MustCompile(`^Duy trì, nâng cao chất lượng (\d+)/(\d+) tiêu chí đã đạt\.?$`)
	looseKeep  = lazy.MustCompile(`(\d+)/(\d+) tiêu chí`)
	finishRe   = lazy.MustCompile(`^Hoàn thành (.+), nâng tổng số tiêu chí đạt lên (\d+)/(\d+) vào cuối năm (\d{4})\.?$`)
	criterionR = lazy.MustCompile(`Tiêu chí số (\d+)`)
	mainRe     = lazy.MustCompile(`^Các chỉ tiêu chủ yếu:?$`)
)

// objectives reads part I.
func (im *importer) objectives(ls []line) {
	mode := ""
	var chung []string
	for _, l := range ls {
		t := l.text
		if m := numberedRe.Get().FindStringSubmatch(t); m != nil && (strings.HasPrefix(m[2], "Mục tiêu chung") || strings.HasPrefix(m[2], "Mục tiêu cụ thể")) {
			mode = "chung"
			if strings.HasPrefix(m[2], "Mục tiêu cụ thể") {
				mode = "cu_the"
			}
			continue
		}
		item, level := listItem(l.md)
		switch {
		case mode == "chung" && level == 0:
			chung = append(chung, l.md)
		case mode == "cu_the" && level == 1 && keepRe.Get().MatchString(t[2:]):
			m := keepRe.Get().FindStringSubmatch(t[2:])
			im.met, _ = strconv.Atoi(m[1])
			im.total, _ = strconv.Atoi(m[2])
			im.metSeen = true
		case mode == "cu_the" && level == 1 && finishRe.Get().MatchString(t[2:]):
			m := finishRe.Get().FindStringSubmatch(t[2:])
			for _, c := range criterionR.Get().FindAllStringSubmatch(m[1], -1) {
				n, _ := strconv.Atoi(c[1])
				im.planned = append(im.planned, n)
			}
			im.plannedText, im.plannedLine = m[1], l
			end, _ := strconv.Atoi(m[2])
			if im.total == 0 {
				im.total, _ = strconv.Atoi(m[3])
			}
			if !im.metSeen {
				im.met = end - len(im.planned)
			}
			if end != im.met+len(im.planned) {
				im.mismatch = append(im.mismatch, Finding{File: im.where(l), Line: at(l), Text: fmt.Sprintf("số tiêu chí đạt cuối năm %d ≠ %d đã đạt + %d phấn đấu đạt", end, im.met, len(im.planned))})
				im.plannedTodo = fmt.Sprintf("số tiêu chí: văn bản gốc ghi cuối năm đạt %d/%s, khác %d đã đạt + %d phấn đấu", end, m[3], im.met, len(im.planned))
			}
			if len(im.planned) == 0 {
				im.plannedTodo = "tiêu chí phấn đấu đạt: không đọc được số tiêu chí trong “" + t + "”"
			}
		case mode == "cu_the" && level == 1 && mainRe.Get().MatchString(item):
			mode = "chi_tieu"
		case mode == "chi_tieu" && level == 2:
			im.chiTieu = append(im.chiTieu, indicator(item))
		case mode == "cu_the" && level == 1 && looseKeep.Get().MatchString(item) && strings.Contains(item, "đã đạt") && !im.metSeen:
			m := looseKeep.Get().FindStringSubmatch(item)
			im.met, _ = strconv.Atoi(m[1])
			im.total, _ = strconv.Atoi(m[2])
			im.metSeen = true
			im.notes = append(im.notes, Finding{File: im.where(l), Line: at(l), Text: "câu “" + item + "” được thay bằng câu mẫu “Duy trì, nâng cao chất lượng " + m[1] + "/" + m[2] + " tiêu chí đã đạt.”"})
		case (mode == "cu_the" || mode == "chi_tieu") && level >= 1:
			mode = "cu_the"
			im.cuThe = append(im.cuThe, strAlways(item))
		case mode == "cu_the" || mode == "chi_tieu":
			im.cuThe = append(im.cuThe, flagged(strAlways(l.md), "mục tiêu cụ thể: đoạn không bắt đầu bằng “-” trong văn bản gốc"))
		default:
			im.unknown = append(im.unknown, l)
		}
	}
	im.chung = strings.Join(chung, " ")
	if len(chung) > 1 {
		im.chungTodo = fmt.Sprintf("mục tiêu chung: %d đoạn của văn bản gốc được ghép thành một", len(chung))
	}
}

// listItem splits a list item's marker: "- x" is level 1, "+ x" level 2;
// anything else level 0.
func listItem(s string) (string, int) {
	for _, p := range []struct {
		m string
		l int
	}{{"- ", 1}, {"– ", 1}, {"• ", 1}, {"+ ", 2}} {
		if strings.HasPrefix(s, p.m) {
			return strings.TrimSpace(s[len(p.m):]), p.l
		}
	}
	return s, 0
}

var (
	cmpInd   = lazy.MustCompile(`^(.*\S) (≥|≤|<|>|=|>=|<=) ?(\d[\d.]*(?:,\d+)?)(.*)$`)
	plainInd = lazy.MustCompile(`^(.*\S) (\d[\d.]*(?:,\d+)?)(%.*| [^\d]*)$`)
)

// indicator reads one “+” chỉ tiêu: name, comparison, value and unit,
// checked by writing it back as the document does.
func indicator(s string) *yaml.Node {
	t := strings.TrimSuffix(s, ".")
	var ten, cmp, val, unit string
	if m := cmpInd.Get().FindStringSubmatch(t); m != nil {
		ten, cmp, val, unit = m[1], m[2], m[3], m[4]
	} else if m := plainInd.Get().FindStringSubmatch(t); m != nil {
		ten, val, unit = m[1], m[2], m[3]
	}
	cmp = map[string]string{">=": "≥", "<=": "≤"}[cmp] + cmp
	if len(cmp) > 3 {
		cmp = cmp[:len(cmp)/2]
	}
	d, err := docNumber(val)
	unit = strings.TrimSpace(unit)
	if ten == "" || err != nil {
		return flagged(mapping(kv("ten", strAlways(s)), kv("gia_tri", integer(0))), "chỉ tiêu: không tách được tên, giá trị, đơn vị; hãy tách “"+s+"” rồi nhập gia_tri")
	}
	back := compose.IndicatorText(plan.ChiTieu{Ten: ten, SoSanh: plan.Cmp(cmp), GiaTri: plan.Number{Decimal: d}, DonVi: unit})
	yamlCmp := map[string]string{"≥": ">=", "≤": "<=", "<": "<", ">": ">", "=": ""}[cmp]
	n := mapping(kv("ten", strAlways(ten)), kv("so_sanh", str(yamlCmp)), kv("gia_tri", number(d)), kv("don_vi", str(unit)))
	if back != t {
		flagged(n, "chỉ tiêu: viết lại thành “"+back+"”, văn bản gốc “"+t+"”")
	}
	return n
}
