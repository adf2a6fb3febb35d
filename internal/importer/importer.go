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
	"strconv"
	"strings"
	"time"

	yaml "go.yaml.in/yaml/v4"

	"kehoach/internal/extract/para"
	"kehoach/internal/lazy"
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
	File string // the draft file ("2025.yaml", "xa.yaml"), or the source and its place
	Line int    // 1-based line in the draft file, or the source's line or paragraph
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
	// Summary counts what was read, part by part, for the report.
	Summary string
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

// at is a source line's place for ordering the report: its line in a
// text file, its paragraph in a DOCX.
func at(l line) int {
	if l.src > 0 {
		return l.src
	}
	return l.idx
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
	romanRe    = lazy.MustCompile(`^([IVX]+)\. (.+)$`)
	numberedRe = lazy.MustCompile(`^(\d+)\. (.+)$`)
	soRe       = lazy.MustCompile(`^Số: ?(\d*) ?/ ?(\S+)$`)
	dateRe     = lazy.MustCompile(`^(.+?), ngày ?(\S*) tháng ?(\S*) năm (\d{4})$`)
	openRe     = lazy.MustCompile(`^(.+?) xây dựng Kế hoạch thực hiện (.+) năm (\d{4}),? như sau:$`)
	closingRe  = lazy.MustCompile(`^Trên đây là Kế hoạch của (.+?) về (?:việc )?thực hiện (.+) năm (\d{4}) ?\./\.$`)
	refRe      = lazy.MustCompile(`^\(Chi tiết (?:có|tại|theo) (?:các )?biểu (?:số )?(.+?) kèm theo\)\.?$`)
	yearRe     = lazy.MustCompile(`năm (\d{4})`)
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
	for ; i < len(ls) && !strings.HasPrefix(ls[i].text, "Căn cứ ") && !openRe.Get().MatchString(ls[i].text) && !romanRe.Get().MatchString(ls[i].text); i++ {
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
	if i < len(ls) && !romanRe.Get().MatchString(ls[i].text) {
		if m := openRe.Get().FindStringSubmatch(ls[i].text); m != nil {
			im.agency, im.ten = m[1], m[2]
			im.year, _ = strconv.Atoi(m[3])
		} else {
			im.openTodo = "câu mở đầu không theo mẫu “… xây dựng Kế hoạch thực hiện … năm …, như sau:”; văn bản gốc: “" + ls[i].text + "”"
		}
		i++
	}
	if im.year == 0 {
		if m := yearRe.Get().FindStringSubmatch(im.trichYeu); m != nil {
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
		if m := romanRe.Get().FindStringSubmatch(l.text); m != nil && isUpper(m[2]) {
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
