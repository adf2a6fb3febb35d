// Package importer turns an existing Kế hoạch — last year's Word file, or
// its text — into a draft plan file and, when the commune has none, a
// commune file (kehoach import). It reads the paragraph model of
// internal/extract/para and inverts what internal/compose writes: the
// header, the căn cứ, the five parts, the closing sentence, Nơi nhận and
// the signature block, each recognised piece written in canonical form (as
// kehoach fmt writes it). What it cannot read with certainty it keeps as
// text, marked with a “# TODO: kiểm tra …” comment at that place, and every
// figure that disagrees with its own parts is reported. It never invents a
// figure.
package importer

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	yaml "go.yaml.in/yaml/v4"
	"golang.org/x/text/unicode/norm"

	"kehoach/internal/compose"
	"kehoach/internal/diag"
	"kehoach/internal/extract/para"
	"kehoach/internal/plan"
	"kehoach/internal/planfmt"
	"kehoach/internal/programme"
	"kehoach/internal/textcheck"
	"kehoach/internal/vn"
)

// Options say where the draft goes.
type Options struct {
	// Source names the file read, for the report ("ke-hoach-2025.docx").
	Source string
	// Commune is the commune file already in the target folder (nil: none,
	// the import writes one).
	Commune []byte
}

// Finding is one place of the draft the user must look at.
type Finding struct {
	File string // the draft file ("2025.yaml", "xa.yaml"), or the source
	Line int    // 1-based line in File (0: none)
	Text string
}

// Result is an imported plan: the files to write and what to check.
type Result struct {
	Year int
	// Ma is the commune's code, the folder name under plans/.
	Ma string
	// Plan is the plan file in canonical form; PlanName its name (2025.yaml).
	Plan     []byte
	PlanName string
	// Commune is the commune file to write (nil when the folder has one).
	Commune     []byte
	CommuneName string
	// Todos are the places marked TODO, by file and line.
	Todos []Finding
	// Mismatches are the figures that disagree with their own parts, at
	// their place in the source ("2.256 ≠ 602 + 1.954").
	Mismatches []Finding
	// Notes are the corrections of form made while reading (“(B/c)” → “b/c”).
	Notes []Finding
}

// ErrNotPlan says the source is not a Kế hoạch the importer can read.
var ErrNotPlan = errors.New("không phải văn bản Kế hoạch")

// Convert reads the paragraphs of a Kế hoạch into a draft plan.
func Convert(ps []para.Para, o Options) (*Result, error) {
	im := &importer{src: o.Source, grid: grids(ps), units: communeUnits(o.Commune)}
	im.ls = reflow(lines(ps))
	if err := im.read(); err != nil {
		return nil, err
	}
	return im.emit(o)
}

type importer struct {
	src  string
	ls   []line
	grid map[int][][]string // table → rows → cells (texts), for the annexes

	// header
	agencyLines []string
	so          int
	kyHieu      string
	place       string
	date        time.Time
	dateTodo    string
	trichYeu    string
	trichTodo   string
	year        int

	// the opening sentence
	agency   string // Ủy ban nhân dân xã Mường Khoa
	ten      string // programme name in full
	openTodo string

	canCu []*yaml.Node

	// part I
	chung, chungTodo string
	met, total       int
	metSeen          bool
	planned          []int
	plannedText      string // “Tiêu chí số 17. Môi trường …” as the source names them
	plannedLine      line
	plannedTodo      string
	cuThe            []*yaml.Node
	chiTieu          []*yaml.Node

	// part II
	nhom      []*yaml.Node
	nvBieu    []string
	part2Todo string

	// part III
	tenNgan  string // from the total line
	tong     *vn.Decimal
	tongLine line
	nguon    []*yaml.Node
	sums     []vn.Decimal
	nlBieu   []string
	nlTodo   []string

	giaiPhap []*yaml.Node
	toChuc   []*yaml.Node

	// closing
	closing     string
	closingLine line
	tenNgan2    string
	agencyShort string

	nhan      []*yaml.Node
	luu       []string
	theoBan   string // loai_ban of a “Trưởng các …” recipient
	ky        []pair
	kyTodo    string
	status    map[int]string // criteria statuses read from Biểu 01
	rows      map[int][]*yaml.Node
	chuTri    map[int]string
	ghiChu    map[int]string
	phoiHop   map[int][]string
	units     map[string]string // unit name → code, from the folder's commune file
	unitNames []string
	codes     map[string]bool // source codes given
	// Biểu 02's funding tree, when the source has it, and the body's.
	tree, bodySources []*fundRow
	treeKind          string
	treeTodo          string
	// Biểu 03 and Biểu 04 as read, rows of cells.
	works, currents     [][]string
	worksAt, currentsAt line
	unknown             []line // lines no rule placed
	notes               []Finding
	mismatch            []Finding
}

// where names a source line for the report: file:line for a text file,
// file (đoạn N) for a DOCX.
func (im *importer) where(l line) string {
	if l.src > 0 {
		return fmt.Sprintf("%s:%d", im.src, l.src)
	}
	return fmt.Sprintf("%s (đoạn %d)", im.src, l.idx)
}

var (
	romanRe    = regexp.MustCompile(`^([IVX]+)\. (.+)$`)
	numberedRe = regexp.MustCompile(`^(\d+)\. (.+)$`)
	soRe       = regexp.MustCompile(`^Số: ?(\d*) ?/ ?(\S+)$`)
	dateRe     = regexp.MustCompile(`^(.+?), ngày ?(\S*) tháng ?(\S*) năm (\d{4})$`)
	openRe     = regexp.MustCompile(`^(.+?) xây dựng Kế hoạch thực hiện (.+) năm (\d{4}),? như sau:$`)
	closingRe  = regexp.MustCompile(`^Trên đây là Kế hoạch của (.+?) về (?:việc )?thực hiện (.+) năm (\d{4}) ?\./\.$`)
	refRe      = regexp.MustCompile(`^\(Chi tiết (?:có|tại|theo) (?:các )?biểu (?:số )?(.+?) kèm theo\)\.?$`)
	yearRe     = regexp.MustCompile(`năm (\d{4})`)
)

// read walks the source in the order of a Kế hoạch.
func (im *importer) read() error {
	ls := im.ls
	title := -1
	for i, l := range ls {
		if l.text == "KẾ HOẠCH" || (l.table == 0 && strings.HasPrefix(l.text, "KẾ HOẠCH ") && isUpper(l.text)) {
			title = i
			break
		}
	}
	if title < 0 {
		return fmt.Errorf("%s: %w: không thấy dòng tên loại “KẾ HOẠCH”; lệnh import chỉ đọc văn bản Kế hoạch (tệp .docx hoặc .txt)", im.src, ErrNotPlan)
	}
	im.header(ls[:title])
	i := title + 1
	// Trích yếu: up to the first căn cứ or the opening sentence.
	var ty []string
	for ; i < len(ls) && !strings.HasPrefix(ls[i].text, "Căn cứ ") && !openRe.MatchString(ls[i].text) && !romanRe.MatchString(ls[i].text); i++ {
		if strings.Trim(ls[i].text, "-_–— ") == "" {
			continue
		}
		ty = append(ty, ls[i].md)
	}
	im.trichYeu = strings.Join(ty, " ")
	if len(ty) > 2 {
		im.trichTodo = "trích yếu: ghép từ nhiều đoạn"
	}
	for ; i < len(ls) && strings.HasPrefix(ls[i].text, "Căn cứ "); i++ {
		im.canCu = append(im.canCu, im.citation(ls[i]))
	}
	if i < len(ls) && !romanRe.MatchString(ls[i].text) {
		if m := openRe.FindStringSubmatch(ls[i].text); m != nil {
			im.agency, im.ten = m[1], m[2]
			im.year, _ = strconv.Atoi(m[3])
		} else {
			im.openTodo = "câu mở đầu không theo mẫu “… xây dựng Kế hoạch thực hiện … năm …, như sau:”; văn bản gốc: “" + ls[i].text + "”"
		}
		i++
	}
	if im.year == 0 {
		if m := yearRe.FindStringSubmatch(im.trichYeu); m != nil {
			im.year, _ = strconv.Atoi(m[1])
		} else if !im.date.IsZero() {
			im.year = im.date.Year()
		}
	}
	// The parts, up to the closing sentence and the signature.
	end := len(ls)
	for j := i; j < len(ls); j++ {
		t := ls[j].text
		if strings.HasPrefix(t, "Trên đây ") || t == "Nơi nhận:" || strings.HasPrefix(t, "Nơi nhận: ") {
			end = j
			break
		}
	}
	type part struct {
		kind  string
		lines []line
	}
	var parts []part
	for ; i < end; i++ {
		l := ls[i]
		if m := romanRe.FindStringSubmatch(l.text); m != nil && isUpper(m[2]) {
			parts = append(parts, part{kind: partKind(m[2])})
			continue
		}
		if len(parts) == 0 {
			im.unknown = append(im.unknown, l)
			continue
		}
		parts[len(parts)-1].lines = append(parts[len(parts)-1].lines, l)
	}
	for _, p := range parts {
		switch p.kind {
		case "muc_tieu":
			im.objectives(p.lines)
		case "nhiem_vu":
			im.nhom, im.nvBieu = im.groups(p.lines, "tieu_de", true)
		case "nguon_luc":
			im.funding(p.lines)
		case "giai_phap":
			im.solutions(p.lines)
		case "to_chuc":
			im.toChuc, _ = im.groups(p.lines, "don_vi", false)
		default:
			im.unknown = append(im.unknown, p.lines...)
		}
	}
	im.signature(ls[end:])
	return nil
}

func partKind(s string) string {
	switch {
	case strings.Contains(s, "MỤC TIÊU"):
		return "muc_tieu"
	case strings.Contains(s, "NHIỆM VỤ"):
		return "nhiem_vu"
	case strings.Contains(s, "NGUỒN LỰC") || strings.Contains(s, "KINH PHÍ") || strings.Contains(s, "NGUỒN VỐN"):
		return "nguon_luc"
	case strings.Contains(s, "GIẢI PHÁP"):
		return "giai_phap"
	case strings.Contains(s, "TỔ CHỨC"):
		return "to_chuc"
	}
	return ""
}

// header reads the lines above “KẾ HOẠCH”: the agency, Số, place and date.
func (im *importer) header(ls []line) {
	for _, l := range ls {
		t := l.text
		switch {
		case t == "DỰ THẢO" || t == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" || t == "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" || strings.HasPrefix(t, "Độc lập - Tự do - Hạnh phúc") || strings.Trim(t, "-_–— ") == "":
		case soRe.MatchString(t):
			m := soRe.FindStringSubmatch(t)
			im.so, _ = strconv.Atoi(m[1])
			im.kyHieu = m[2]
		case dateRe.MatchString(t):
			m := dateRe.FindStringSubmatch(t)
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
	spacedNo = regexp.MustCompile(`số (\d+)- ([A-ZĐ]\S*)`)
	longDate = regexp.MustCompile(` ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})`)
	citeRe   = regexp.MustCompile(`^Căn cứ (.+?)(?: số (\S+))?(?: ngày (\d{1,2})/(\d{1,2})/(\d{4}))?(?: của (.+?))?[;.]?$`)
	// trích yếu starters: the words a decision's summary begins with.
	summaryRe = regexp.MustCompile(` (phê duyệt|ban hành|về|quy định|hướng dẫn|thực hiện|triển khai|giao|kiện toàn|thành lập|sửa đổi|bổ sung|phân bổ|điều chỉnh|công bố|chỉ đạo|tổ chức|đẩy mạnh|tiếp tục|xây dựng|phân công|quyết định) `)
)

// citation reads one căn cứ into its structured fields.
func (im *importer) citation(l line) *yaml.Node {
	t := strings.TrimRight(l.text, ";. ")
	if fixed := spacedNo.ReplaceAllString(t, "số $1-$2"); fixed != t {
		m := spacedNo.FindStringSubmatch(t)
		im.notes = append(im.notes, Finding{File: im.where(l), Text: "căn cứ: số và ký hiệu “" + m[1] + "- " + m[2] + "” có dấu cách thừa, viết liền “" + m[1] + "-" + m[2] + "”"})
		t = fixed
	}
	if ld := longDate.FindStringSubmatch(t); ld != nil {
		// The document prints dates short (ND30: 05/3/2020).
		short := fmt.Sprintf(" ngày %s/%s/%s", ld[1], ld[2], ld[3])
		im.notes = append(im.notes, Finding{File: im.where(l), Text: "căn cứ: “" + strings.TrimSpace(ld[0]) + "” viết gọn thành “" + strings.TrimSpace(short) + "”"})
		t = strings.Replace(t, ld[0], short, 1)
	}
	m := citeRe.FindStringSubmatch(t + ";")
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
		} else if loc := summaryRe.FindStringIndex(tail); loc != nil {
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

var (
	keepRe     = regexp.MustCompile(`^Duy trì, nâng cao chất lượng (\d+)/(\d+) tiêu chí đã đạt\.?$`)
	looseKeep  = regexp.MustCompile(`(\d+)/(\d+) tiêu chí`)
	finishRe   = regexp.MustCompile(`^Hoàn thành (.+), nâng tổng số tiêu chí đạt lên (\d+)/(\d+) vào cuối năm (\d{4})\.?$`)
	criterionR = regexp.MustCompile(`Tiêu chí số (\d+)`)
	mainRe     = regexp.MustCompile(`^Các chỉ tiêu chủ yếu:?$`)
)

// objectives reads part I.
func (im *importer) objectives(ls []line) {
	mode := ""
	var chung []string
	for _, l := range ls {
		t := l.text
		if m := numberedRe.FindStringSubmatch(t); m != nil && (strings.HasPrefix(m[2], "Mục tiêu chung") || strings.HasPrefix(m[2], "Mục tiêu cụ thể")) {
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
		case mode == "cu_the" && level == 1 && keepRe.MatchString(t[2:]):
			m := keepRe.FindStringSubmatch(t[2:])
			im.met, _ = strconv.Atoi(m[1])
			im.total, _ = strconv.Atoi(m[2])
			im.metSeen = true
		case mode == "cu_the" && level == 1 && finishRe.MatchString(t[2:]):
			m := finishRe.FindStringSubmatch(t[2:])
			for _, c := range criterionR.FindAllStringSubmatch(m[1], -1) {
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
				im.mismatch = append(im.mismatch, Finding{File: im.where(l), Text: fmt.Sprintf("số tiêu chí đạt cuối năm %d ≠ %d đã đạt + %d phấn đấu đạt", end, im.met, len(im.planned))})
				im.plannedTodo = fmt.Sprintf("số tiêu chí: văn bản gốc ghi cuối năm đạt %d/%s, khác %d đã đạt + %d phấn đấu", end, m[3], im.met, len(im.planned))
			}
			if len(im.planned) == 0 {
				im.plannedTodo = "tiêu chí phấn đấu đạt: không đọc được số tiêu chí trong “" + t + "”"
			}
		case mode == "cu_the" && level == 1 && mainRe.MatchString(item):
			mode = "chi_tieu"
		case mode == "chi_tieu" && level == 2:
			im.chiTieu = append(im.chiTieu, indicator(item))
		case mode == "cu_the" && level == 1 && looseKeep.MatchString(item) && strings.Contains(item, "đã đạt") && !im.metSeen:
			m := looseKeep.FindStringSubmatch(item)
			im.met, _ = strconv.Atoi(m[1])
			im.total, _ = strconv.Atoi(m[2])
			im.metSeen = true
			im.notes = append(im.notes, Finding{File: im.where(l), Text: "câu “" + item + "” được thay bằng câu mẫu “Duy trì, nâng cao chất lượng " + m[1] + "/" + m[2] + " tiêu chí đã đạt.”"})
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
	cmpInd   = regexp.MustCompile(`^(.*\S) (≥|≤|<|>|=|>=|<=) ?(\d[\d.]*(?:,\d+)?)(.*)$`)
	plainInd = regexp.MustCompile(`^(.*\S) (\d[\d.]*(?:,\d+)?)(%.*| [^\d]*)$`)
)

// indicator reads one “+” chỉ tiêu: name, comparison, value and unit,
// checked by writing it back as the document does.
func indicator(s string) *yaml.Node {
	t := strings.TrimSuffix(s, ".")
	var ten, cmp, val, unit string
	if m := cmpInd.FindStringSubmatch(t); m != nil {
		ten, cmp, val, unit = m[1], m[2], m[3], m[4]
	} else if m := plainInd.FindStringSubmatch(t); m != nil {
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

// groups reads part II (nhóm nhiệm vụ) or part V (đơn vị): numbered
// headings with paragraphs, “-” items and “+” sub-items, and the annex
// references. titleKey is tieu_de or don_vi; annexes says whether the
// groups may carry annex references. The references after the last group
// are the part's.
func (im *importer) groups(ls []line, titleKey string, annexes bool) ([]*yaml.Node, []string) {
	type group struct {
		title  string
		todo   string
		items  []*yaml.Node
		yNho   *[]string
		bieu   []string
		lastIt *yaml.Node
	}
	var gs []*group
	var partRefs []string
	heading := func(l line) (string, bool) {
		m := numberedRe.FindStringSubmatch(l.md)
		if m == nil {
			return "", false
		}
		// A DOCX heading is bold throughout; a text file has no bold.
		return m[2], l.bold || l.src > 0 || l.idx == 0
	}
	var pendingRefs []string
	for k, l := range ls {
		if t, ok := heading(l); ok {
			if len(pendingRefs) > 0 && len(gs) > 0 {
				gs[len(gs)-1].bieu = append(gs[len(gs)-1].bieu, pendingRefs...)
				pendingRefs = nil
			}
			gs = append(gs, &group{title: strings.Trim(t, "*")})
			continue
		}
		if m := refRe.FindStringSubmatch(l.text); m != nil && annexes {
			refs := splitRefs(m[1])
			if k == len(ls)-1 || len(gs) == 0 {
				partRefs = append(partRefs, refs...)
			} else {
				pendingRefs = append(pendingRefs, refs...)
			}
			continue
		}
		if len(pendingRefs) > 0 {
			// A reference followed by more items of the same group.
			gs[len(gs)-1].bieu = append(gs[len(gs)-1].bieu, pendingRefs...)
			pendingRefs = nil
		}
		if len(gs) == 0 {
			gs = append(gs, &group{title: "TODO", todo: "nội dung đứng trước nhóm đầu tiên (không có tiêu đề đánh số); hãy ghi tiêu đề"})
		}
		g := gs[len(gs)-1]
		item, level := listItem(l.md)
		switch level {
		case 0:
			n := mapping(kv("doan", strAlways(l.md)))
			g.items = append(g.items, n)
			g.lastIt = nil
		case 1:
			n := mapping(kv("y", strAlways(item)))
			g.items = append(g.items, n)
			g.lastIt = n
		case 2:
			if g.lastIt == nil {
				n := mapping(kv("y", strAlways(item)))
				flagged(n, "ý “+” không đứng sau ý “-” nào; văn bản gốc in “+ "+item+"”, kế hoạch in “- ”")
				g.items = append(g.items, n)
				g.lastIt = nil
				continue
			}
			k, v := planfmt.Lookup(g.lastIt, "y_nho")
			if k == nil {
				g.lastIt.Content = append(g.lastIt.Content, strAlways("y_nho"), &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"})
				v = g.lastIt.Content[len(g.lastIt.Content)-1]
			}
			v.Content = append(v.Content, strAlways(item))
		}
	}
	if len(pendingRefs) > 0 {
		partRefs = append(pendingRefs, partRefs...)
	}
	var out []*yaml.Node
	for _, g := range gs {
		n := mapping(kv(titleKey, strAlways(g.title)), kv("noi_dung", seq(g.items...)), kv("bieu", strs(g.bieu)))
		if g.items == nil && titleKey == "don_vi" {
			flagged(n, "đơn vị không có nhiệm vụ nào trong văn bản gốc")
			n.Content = append(n.Content, strAlways("noi_dung"), seq(mapping(kv("y", strAlways("TODO")))))
		}
		out = append(out, flagged(n, g.todo))
	}
	return out, partRefs
}

func splitRefs(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' || r == ' ' }) {
		if f != "và" && f != "" {
			out = append(out, f)
		}
	}
	return out
}

var (
	totalRe  = regexp.MustCompile(`^Tổng nguồn lực (?:thực hiện|thực|để thực hiện) (.+?) năm (\d{4}): (\d[\d.]*(?:,\d+)?) triệu đồng,? trong đó:?$`)
	sourceRe = regexp.MustCompile(`^(.+?): (\d[\d.]*(?:,\d+)?) triệu đồng(?: \(trong đó:? (.+)\))?\.?$`)
	childRe  = regexp.MustCompile(`^(.+?):? (\d[\d.]*(?:,\d+)?) triệu đồng$`)
)

// funding reads part III: the total, the sources with their parts, the
// annex references. Every figure is kept as written; a total that
// disagrees with its parts is reported and kept for comparison (tong).
func (im *importer) funding(ls []line) {
	for _, l := range ls {
		t := l.text
		if m := totalRe.FindStringSubmatch(t); m != nil && im.tong == nil {
			im.tenNgan = m[1]
			if d, err := docNumber(m[3]); err == nil {
				im.tong, im.tongLine = &d, l
			}
			continue
		}
		if m := refRe.FindStringSubmatch(t); m != nil {
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
			im.mismatch = append(im.mismatch, Finding{File: im.where(im.tongLine), Text: fmt.Sprintf("Tổng nguồn lực: %s ≠ %s", im.tong.String(), strings.Join(parts, " + "))})
		}
	}
}

// source reads “Vốn …: 1.304 triệu đồng (trong đó: Vốn đầu tư 504 triệu
// đồng; vốn sự nghiệp 800 triệu đồng).”
func (im *importer) source(s string, l line) (*yaml.Node, vn.Decimal, bool) {
	m := sourceRe.FindStringSubmatch(s)
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
		c := childRe.FindStringSubmatch(part)
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
		im.mismatch = append(im.mismatch, Finding{File: im.where(l), Text: fmt.Sprintf("%s: %s ≠ %s", name, amount.String(), strings.Join(parts, " + "))})
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

// solutions reads part IV: one numbered paragraph per giải pháp.
func (im *importer) solutions(ls []line) {
	for _, l := range ls {
		if m := numberedRe.FindStringSubmatch(l.md); m != nil {
			im.giaiPhap = append(im.giaiPhap, strAlways(m[2]))
			continue
		}
		item, level := listItem(l.md)
		im.giaiPhap = append(im.giaiPhap, flagged(strAlways(item), fmt.Sprintf("giải pháp: văn bản gốc không đánh số (“%s”); kế hoạch đánh số mọi giải pháp", trimTo(l.text, 60))))
		_ = level
	}
}

func trimTo(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

var (
	recipRe = regexp.MustCompile(`^- (.+?)(?: \(([^()]+)\))?\s*[;.,]?\s*(?:\(([^()]+)\))?\.?$`)
	luuRe   = regexp.MustCompile(`^- Lưu:? (.+?)\.?$`)
	authRe  = regexp.MustCompile(`^(KT|Q|TL|TUQ)\. (.+)$`)
	theoRe  = regexp.MustCompile(`[Tt]rưởng các (thôn|bản|ấp|xóm|buôn|sóc|khu phố|tổ dân phố|khu|tổ|làng|khóm|bon|plei)$`)
)

// signature reads the closing sentence, Nơi nhận and the signature block.
func (im *importer) signature(ls []line) {
	mode := ""
	var auth []string
	for _, l := range ls {
		t := l.text
		switch {
		case strings.HasPrefix(t, "Biểu số ") || strings.HasPrefix(t, "Phụ lục"):
			im.annexes(ls)
			im.finishSign(auth)
			return
		case strings.HasPrefix(t, "Trên đây ") && im.closing == "":
			im.closing, im.closingLine = l.md, l
			if m := closingRe.FindStringSubmatch(t); m != nil {
				im.agencyShort, im.tenNgan2 = m[1], m[2]
			}
		case t == "Nơi nhận:" || strings.HasPrefix(t, "Nơi nhận: "):
			mode = "nhan"
			if rest := strings.TrimSpace(strings.TrimPrefix(t, "Nơi nhận:")); rest != "" {
				im.recipient(line{text: rest, md: rest, src: l.src, idx: l.idx})
			}
		case mode == "nhan" && strings.HasPrefix(t, "- "):
			im.recipient(l)
		case strings.HasPrefix(t, "TM. ") || authRe.MatchString(t) || (isUpper(t) && len(auth) < 4 && mode != "ten"):
			auth = append(auth, t)
			mode = "ky"
		case mode == "ky" && !isUpper(t):
			im.ky = append(im.ky, kv("ho_ten", strAlways(t)))
			mode = "ten"
		default:
			im.unknown = append(im.unknown, l)
		}
	}
	im.finishSign(auth)
}

// recipient reads one line of Nơi nhận.
func (im *importer) recipient(l line) {
	t := l.text
	if m := luuRe.FindStringSubmatch(t); m != nil {
		for _, f := range strings.Split(m[1], ",") {
			if f = strings.TrimSpace(f); f != "" {
				im.luu = append(im.luu, f)
			}
		}
		return
	}
	m := recipRe.FindStringSubmatch(t)
	if m == nil {
		im.nhan = append(im.nhan, flagged(mapping(kv("ten", strAlways(strings.TrimPrefix(t, "- ")))), "nơi nhận không đọc được: “"+t+"”"))
		return
	}
	ten, note := m[1], m[2]
	if note == "" {
		note = m[3]
	}
	if note != "" && note != vn.Lower(note) || m[3] != "" {
		im.notes = append(im.notes, Finding{File: im.where(l), Text: "nơi nhận “" + ten + "”: ghi chú “(" + note + ")” viết thành “(" + vn.Lower(note) + ")” trước dấu “;”"})
	}
	note = vn.Lower(note)
	theo := false
	if mm := theoRe.FindStringSubmatch(ten); mm != nil {
		theo, im.theoBan = true, mm[1]
	}
	im.nhan = append(im.nhan, mapping(kv("ten", strAlways(ten)), kv("ghi_chu", str(note)), kv("theo_ban", boolean(theo))))
}

// finishSign reads the authority lines of the signature block.
func (im *importer) finishSign(auth []string) {
	var ps []pair
	rest := auth
	if len(rest) > 0 && strings.HasPrefix(rest[0], "TM. ") {
		ps = append(ps, kv("thay_mat", boolean(true)))
		if len(im.agencyLines) >= 2 && rest[0] != "TM. "+im.agencyLines[len(im.agencyLines)-2] {
			im.kyTodo = "khối chữ ký: dòng “" + rest[0] + "” khác tên cơ quan ở đầu văn bản"
		}
		rest = rest[1:]
	}
	q := ""
	if len(rest) > 0 {
		if m := authRe.FindStringSubmatch(rest[0]); m != nil {
			q = m[1]
			ps = append(ps, kv("quyen_han", str(q)), kv("thu_truong", str(title(m[2]))))
			rest = rest[1:]
		}
	}
	switch {
	case len(rest) == 1:
		ps = append(ps, kv("chuc_vu", strAlways(title(rest[0]))))
	case len(rest) == 0 && q == "Q":
		// An acting head prints no post of their own.
		for _, p := range ps {
			if p.key == "thu_truong" {
				ps = append(ps, pair{key: "chuc_vu", val: strAlways(p.val.Value), todo: "chức vụ thật của người giữ quyền (văn bản chỉ in “Q. …”)"})
			}
		}
	default:
		ps = append(ps, pair{key: "chuc_vu", val: strAlways(strings.Join(rest, " ")), todo: "chức vụ người ký: không đọc được khối chữ ký (" + strings.Join(auth, " / ") + ")"})
	}
	if len(im.ky) == 0 {
		ps = append(ps, pair{key: "ho_ten", val: empty(), todo: "họ tên người ký: văn bản gốc không ghi"})
	}
	im.ky = append(ps, im.ky...)
}

// title writes a signature line in the case plan files use: “PHÓ CHỦ
// TỊCH” → “Phó Chủ tịch”.
func title(s string) string {
	t := vn.UpperFirst(vn.Lower(s))
	for _, w := range []string{"chủ tịch", "ủy ban nhân dân", "văn phòng"} {
		t = strings.ReplaceAll(t, w, vn.UpperFirst(w))
		t = strings.ReplaceAll(t, vn.UpperFirst(vn.UpperFirst(w)), vn.UpperFirst(w))
	}
	return t
}

// sentence writes an upper-case line in sentence case.
func sentence(s string) string { return vn.UpperFirst(vn.Lower(s)) }

// wordsCase writes each word with a capital: “MƯỜNG KHOA” → “Mường Khoa”.
func wordsCase(s string) string {
	fs := strings.Fields(vn.Lower(s))
	for i, f := range fs {
		fs[i] = vn.UpperFirst(f)
	}
	return strings.Join(fs, " ")
}

var levels = []string{"xã", "phường", "đặc khu"}

// communeParts splits “Ủy ban nhân dân xã Mường Khoa” into the agency,
// the level and the name.
func communeParts(full string) (agency, level, name string, ok bool) {
	for _, lv := range levels {
		if i := strings.Index(full, " "+lv+" "); i > 0 {
			return full[:i], lv, full[i+len(lv)+2:], true
		}
	}
	return "", "", "", false
}

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

var codeRe = regexp.MustCompile(`^\d+(?:\.\d+)*$`)

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
		if !codeRe.MatchString(tt) {
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
	res.Mismatches = im.mismatch
	res.Notes = im.notes
	return res, nil
}

func closingYear(s string) string {
	ms := yearRe.FindAllStringSubmatch(s, -1)
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
			im.notes = append(im.notes, Finding{File: im.where(im.plannedLine), Text: fmt.Sprintf("Tiêu chí số %d: văn bản mới in tên của bộ tiêu chí, “%s”", n, c.Ten)})
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
		if m := provinceRe.FindStringSubmatch(v.Value); m != nil {
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

var provinceRe = regexp.MustCompile(`(?:UBND|Ủy ban nhân dân|HĐND|Hội đồng nhân dân) tỉnh (.+)$`)

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

var todoRe = regexp.MustCompile(`#\s*TODO:?\s*(.*)$`)

// findTodos lists the TODO comments of a written file with their lines.
func findTodos(name string, data []byte) []Finding {
	var out []Finding
	for i, l := range strings.Split(string(data), "\n") {
		if m := todoRe.FindStringSubmatch(l); m != nil {
			out = append(out, Finding{File: name, Line: i + 1, Text: m[1]})
		}
	}
	return out
}

// sortFindings orders findings by file and line.
func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		if fs[i].File != fs[j].File {
			return fs[i].File < fs[j].File
		}
		return fs[i].Line < fs[j].Line
	})
}

var groupedRe = regexp.MustCompile(`^\d{1,3}(?:\.\d{3})*(?:,\d+)?$|^\d+(?:,\d+)?$`)

// docNumber reads a number as a Vietnamese document prints it: dots group
// the thousands, a comma marks the decimals (“1.282,2”).
func docNumber(s string) (vn.Decimal, error) {
	if !groupedRe.MatchString(s) {
		return vn.Decimal{}, fmt.Errorf("số “%s” không đọc được", s)
	}
	return vn.ParseDecimal(strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", "."))
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

var pathPart = regexp.MustCompile(`([^.\[\]]+)|\[(\d+)\]`)

// nodeAt finds the node a YAML path (nhiem_vu.nhom[2].noi_dung[0].y) names
// in a tree: the key node of a mapping value, the item of a sequence.
func nodeAt(n *yaml.Node, path string) *yaml.Node {
	var at *yaml.Node
	for _, m := range pathPart.FindAllStringSubmatch(path, -1) {
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

var romanNo = regexp.MustCompile(`^[IVXL]+$`)

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
		case romanNo.MatchString(r[0]):
			level = 1
		case codeRe.MatchString(r[0]):
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
				im.mismatch = append(im.mismatch, Finding{File: im.where(r.at), Text: fmt.Sprintf("Biểu 02, %s: %s ≠ %s", r.name, amount.String(), strings.Join(parts, " + "))})
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
			if head < 0 || len(r) == 0 || !codeRe.MatchString(r[0]) {
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
		if !codeRe.MatchString(r[0]) {
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
