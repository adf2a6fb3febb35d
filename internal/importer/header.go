package importer

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	yaml "go.yaml.in/yaml/v4"

	"kehoach/internal/lazy"
	"kehoach/internal/programme"
)

// header reads the lines above “KẾ HOẠCH”: the agency, Số, place and date.
func (im *importer) header(ls []line) {
	for _, l := range ls {
		t := l.text
		switch {
		case t == "DỰ THẢO" || t == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" || t == "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" || strings.HasPrefix(t, "Độc lập - Tự do - Hạnh phúc") || strings.Trim(t, "-_–— ") == "":
		case soRe.Get().MatchString(t):
			m := soRe.Get().FindStringSubmatch(t)
			im.so, _ = strconv.Atoi(m[1])
			im.kyHieu = m[2]
		case dateRe.Get().MatchString(t):
			m := dateRe.Get().FindStringSubmatch(t)
			im.place = m[1]
			d, err1 := strconv.Atoi(m[2])
			mo, err2 := strconv.Atoi(m[3])
			y, _ := strconv.Atoi(m[4])
			im.year = y
			if err1 == nil && err2 == nil {
				im.date = time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
				if im.date.Day() != d || int(im.date.Month()) != mo {
					im.date, im.dateTodo = time.Time{}, "ngày ban hành: “"+t+"” không phải ngày có thật"
				}
			}
		case isUpper(t):
			im.agencyLines = append(im.agencyLines, t)
		default:
			im.unknown = append(im.unknown, l)
		}
	}
}

var (
	spacedNo = lazy.MustCompile(`số (\d+)- ([A-ZĐ]\S*)`)
	longDate = lazy.MustCompile(` ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})`)
	citeRe   = lazy.MustCompile(`^Căn cứ (.+?)(?: số (\S+))?(?: ngày (\d{1,2})/(\d{1,2})/(\d{4}))?(?: của (.+?))?[;.]?$`)
	// trích yếu starters: the words a decision's summary begins with.
	summaryRe = lazy.MustCompile(` (phê duyệt|ban hành|về|quy định|hướng dẫn|thực hiện|triển khai|giao|kiện toàn|thành lập|sửa đổi|bổ sung|phân bổ|điều chỉnh|công bố|chỉ đạo|tổ chức|đẩy mạnh|tiếp tục|xây dựng|phân công|quyết định) `)
)

// citation reads one căn cứ into its structured fields.
func (im *importer) citation(l line) *yaml.Node {
	t := strings.TrimRight(l.text, ";. ")
	if fixed := spacedNo.Get().ReplaceAllString(t, "số $1-$2"); fixed != t {
		m := spacedNo.Get().FindStringSubmatch(t)
		im.notes = append(im.notes, Finding{File: im.where(l), Line: at(l), Text: "căn cứ: số và ký hiệu “" + m[1] + "- " + m[2] + "” có dấu cách thừa, viết liền “" + m[1] + "-" + m[2] + "”"})
		t = fixed
	}
	if ld := longDate.Get().FindStringSubmatch(t); ld != nil {
		// The document prints dates short (ND30: 05/3/2020).
		short := fmt.Sprintf(" ngày %s/%s/%s", ld[1], ld[2], ld[3])
		im.notes = append(im.notes, Finding{File: im.where(l), Line: at(l), Text: "căn cứ: “" + strings.TrimSpace(ld[0]) + "” viết gọn thành “" + strings.TrimSpace(short) + "”"})
		t = strings.Replace(t, ld[0], short, 1)
	}
	m := citeRe.Get().FindStringSubmatch(t + ";")
	bad := func(why string) *yaml.Node {
		rest := strings.TrimPrefix(t, "Căn cứ ")
		loai, ty, _ := strings.Cut(rest, " ")
		return flagged(mapping(kv("loai", str(loai)), kv("trich_yeu", strAlways(ty))), "căn cứ: "+why+"; văn bản gốc: “"+l.text+"”")
	}
	if m == nil || m[1] == "" {
		return bad("không tách được loại, số, ngày, cơ quan")
	}
	loai, so, tail := m[1], m[2], m[6]
	var ngay *yaml.Node
	if m[5] != "" {
		d, _ := strconv.Atoi(m[3])
		mo, _ := strconv.Atoi(m[4])
		y, _ := strconv.Atoi(m[5])
		ngay = str(fmt.Sprintf("%04d-%02d-%02d", y, mo, d))
	}
	if so == "" && m[5] == "" && tail == "" {
		return bad("không thấy số, ngày hay cơ quan ban hành")
	}
	coQuan, ty := "", ""
	if tail != "" {
		// The agency ends where the summary begins: at a known agency of
		// the registry, else at the first word a summary starts with.
		if c := citedAgency(so, tail); c != "" {
			coQuan, ty = c, strings.TrimSpace(strings.TrimPrefix(tail, c))
		} else if loc := summaryRe.Get().FindStringIndex(tail); loc != nil {
			coQuan, ty = tail[:loc[0]], tail[loc[0]+1:]
		} else {
			return bad("không tách được cơ quan ban hành và trích yếu")
		}
	} else {
		// No “của”: the summary follows the number or the date.
		return bad("không có cơ quan ban hành (“của …”)")
	}
	n := mapping(kv("loai", str(loai)), kv("so", str(so)), kv("ngay", ngay), kv("co_quan", str(coQuan)), kv("trich_yeu", strAlways(ty)))
	if ty == "" {
		flagged(n, "căn cứ: không có trích yếu; văn bản gốc: “"+l.text+"”")
	}
	return n
}

// citedAgency is the agency of the registry's document numbered so when
// tail starts with it, else "".
func citedAgency(so, tail string) string {
	all, err := programme.Citations()
	if err != nil {
		return ""
	}
	for _, c := range all {
		if c.So == so && c.CoQuan != "" && strings.HasPrefix(tail, c.CoQuan+" ") {
			return c.CoQuan
		}
	}
	return ""
}
