package importer

import (
	"fmt"
	"strings"
	"unicode"

	yaml "go.yaml.in/yaml/v4"
	"golang.org/x/text/unicode/norm"

	"kehoach/internal/lazy"
	"kehoach/internal/plan"
	"kehoach/internal/vn"
)

var (
	totalRe  = lazy.MustCompile(`^Tổng nguồn lực (?:thực hiện|thực|để thực hiện) (.+?) năm (\d{4}): (\d[\d.]*(?:,\d+)?) triệu đồng,? trong đó:?$`)
	sourceRe = lazy.MustCompile(`^(.+?): (\d[\d.]*(?:,\d+)?) triệu đồng(?: \(trong đó:? (.+)\))?\.?$`)
	childRe  = lazy.MustCompile(`^(.+?):? (\d[\d.]*(?:,\d+)?) triệu đồng$`)
)

// funding reads part III: the total, the sources with their parts, the
// annex references. Every figure is kept as written; a total that
// disagrees with its parts is reported and kept for comparison (tong).
func (im *importer) funding(ls []line) {
	for _, l := range ls {
		t := l.text
		if m := totalRe.Get().FindStringSubmatch(t); m != nil && im.tong == nil {
			im.tenNgan = m[1]
			if d, err := docNumber(m[3]); err == nil {
				im.tong, im.tongLine = &d, l
			}
			continue
		}
		if m := refRe.Get().FindStringSubmatch(t); m != nil {
			im.nlBieu = append(im.nlBieu, splitRefs(m[1])...)
			continue
		}
		item, level := listItem(l.text)
		if level == 1 {
			if n, sum, ok := im.source(item, l); ok {
				im.nguon = append(im.nguon, n)
				im.sums = append(im.sums, sum)
				continue
			}
		}
		im.nlTodo = append(im.nlTodo, l.text)
	}
	if im.tong != nil && len(im.sums) > 0 {
		var sum vn.Decimal
		var parts []string
		for _, s := range im.sums {
			sum = sum.Add(s)
			parts = append(parts, s.String())
		}
		if !sum.Equal(*im.tong) {
			im.mismatch = append(im.mismatch, Finding{File: im.where(im.tongLine), Line: at(im.tongLine), Text: fmt.Sprintf("Tổng nguồn lực: %s ≠ %s", im.tong.String(), strings.Join(parts, " + "))})
		}
	}
}

// source reads “Vốn …: 1.304 triệu đồng (trong đó: Vốn đầu tư 504 triệu
// đồng; vốn sự nghiệp 800 triệu đồng).”
func (im *importer) source(s string, l line) (*yaml.Node, vn.Decimal, bool) {
	m := sourceRe.Get().FindStringSubmatch(s)
	if m == nil {
		return nil, vn.Decimal{}, false
	}
	amount, err := docNumber(m[2])
	if err != nil {
		return nil, vn.Decimal{}, false
	}
	name := m[1]
	body := &fundRow{name: name, total: m[2]}
	im.bodySources = append(im.bodySources, body)
	ma := im.unique(sourceCode(name, ""))
	if m[3] == "" {
		return mapping(kv("ma", str(ma)), kv("ten", strAlways(name)), kv("so_tien", number(amount)), kv("loai", str(fundKind(name)))), amount, true
	}
	var kids []*yaml.Node
	var sum vn.Decimal
	var parts []string
	for _, part := range strings.Split(m[3], ";") {
		part = strings.TrimSpace(part)
		c := childRe.Get().FindStringSubmatch(part)
		if c == nil {
			return nil, vn.Decimal{}, false
		}
		d, err := docNumber(c[2])
		if err != nil {
			return nil, vn.Decimal{}, false
		}
		cname := vn.UpperFirst(c[1])
		body.kids = append(body.kids, &fundRow{name: c[1], total: c[2]})
		kids = append(kids, mapping(kv("ma", str(im.unique(sourceCode(cname, ma)))), kv("ten", strAlways(cname)), kv("so_tien", number(d)), kv("loai", str(fundKind(cname)))))
		sum = sum.Add(d)
		parts = append(parts, d.String())
	}
	n := mapping(kv("ma", str(ma)), kv("ten", strAlways(name)), kv("tong", number(amount)), kv("loai", nil), kv("con", seq(kids...)))
	if !sum.Equal(amount) {
		im.mismatch = append(im.mismatch, Finding{File: im.where(l), Line: at(l), Text: fmt.Sprintf("%s: %s ≠ %s", name, amount.String(), strings.Join(parts, " + "))})
		flagged(n, fmt.Sprintf("tổng: văn bản gốc ghi %s triệu đồng nhưng các nguồn con cộng lại %s (%s); văn bản sẽ in tổng tính được %s; sửa số tiền các nguồn con nếu tổng ghi đúng, rồi xóa tong hoặc ghi tong bằng tổng đúng", amount.String(), sum.String(), strings.Join(parts, " + "), sum.String()))
	}
	return n, sum, true
}

// unique makes a source code unique in the plan (-2, -3 …).
func (im *importer) unique(code string) string {
	if im.codes == nil {
		im.codes = map[string]bool{}
	}
	c := code
	for n := 2; im.codes[c]; n++ {
		c = fmt.Sprintf("%s-%d", code, n)
	}
	im.codes[c] = true
	return c
}

// fundKind is the loai of a source that its name says: vốn đầu tư, vốn sự
// nghiệp, kinh phí thường xuyên.
func fundKind(name string) string {
	n := vn.Lower(name)
	switch {
	case strings.HasPrefix(n, "vốn đầu tư"):
		return plan.KindInvest
	case strings.HasPrefix(n, "vốn sự nghiệp"):
		return plan.KindCurrent
	case strings.HasPrefix(n, "kinh phí thường xuyên"):
		return "thuong_xuyen"
	}
	return ""
}

// sourceCodes are the usual codes of sources, by a word of their name.
var sourceCodes = []struct{ has, code string }{
	{"ngân sách trung ương", "nstw"}, {"ngân sách tỉnh", "ns-tinh"}, {"ngân sách huyện", "ns-huyen"},
	{"ngân sách xã", "ns-xa"}, {"vốn lồng ghép", "long-ghep"}, {"vốn đầu tư", "dau-tu"},
	{"vốn sự nghiệp", "su-nghiep"}, {"kinh phí thường xuyên", "thuong-xuyen"},
}

// sourceCode is a source's code from its name: the usual abbreviations,
// else the name without diacritics.
func sourceCode(name, parent string) string {
	n := vn.Lower(name)
	code := slug(name, 4)
	for _, c := range sourceCodes {
		if strings.Contains(n, c.has) {
			code = c.code
			break
		}
	}
	if parent != "" {
		return parent + "-" + code
	}
	return code
}

// slug writes the first words of s without diacritics, joined by "-".
func slug(s string, words int) string {
	var out []string
	for _, w := range strings.Fields(vn.Lower(s)) {
		var b strings.Builder
		for _, r := range fold(w) {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
				b.WriteRune(r)
			}
		}
		if b.Len() > 0 {
			out = append(out, b.String())
		}
		if words > 0 && len(out) == words {
			break
		}
	}
	return strings.Join(out, "-")
}

// fold removes Vietnamese diacritics (đ → d).
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ':
			b.WriteByte('d')
		case r == 'Đ':
			b.WriteByte('D')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

var groupedRe = lazy.MustCompile(`^\d{1,3}(?:\.\d{3})*(?:,\d+)?$|^\d+(?:,\d+)?$`)

// docNumber reads a number as a Vietnamese document prints it: dots group
// the thousands, a comma marks the decimals (“1.282,2”).
func docNumber(s string) (vn.Decimal, error) {
	if !groupedRe.Get().MatchString(s) {
		return vn.Decimal{}, fmt.Errorf("số “%s” không đọc được", s)
	}
	return vn.ParseDecimal(strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", "."))
}
