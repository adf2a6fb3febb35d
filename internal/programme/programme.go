// Package programme is the national data a plan refers to, read from
// templates/: the programme periods (names, legal-basis chain, annex
// vocabulary, how sources carry over from the previous period), the
// registry of legal bases (can-cu.yaml), the criteria sets with their
// indicators and thresholds by region or commune group, the provincial
// sets that override them, and the sources every value cites (nguon.yaml).
//
// Every value here carries a source and a verified flag; a threshold that
// is not verified is never printed (Threshold says why it is missing).
package programme

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"kehoach/internal/classre"
	"kehoach/internal/diag"
	"kehoach/internal/lazy"
	"kehoach/internal/nfc"
	"kehoach/internal/vn"
	"kehoach/internal/yamlx"
	"kehoach/templates"
)

// Source is one document the data cites (templates/nguon.yaml).
type Source struct {
	Ma     string `yaml:"ma,required"`
	Ten    string `yaml:"ten,required"`
	DiaChi string `yaml:"dia_chi,required"`
}

type sourceFile struct {
	Nguon []Source `yaml:"nguon,required"`
}

// Citation is a legal basis: an entry of the registry (templates/can-cu.yaml)
// or a provincial set's own decision.
type Citation struct {
	Pos        diag.Pos
	Ma         string   `yaml:"ma"`
	Loai       string   `yaml:"loai,required"`
	So         string   `yaml:"so"`
	Ngay       string   `yaml:"ngay"`
	CoQuan     string   `yaml:"co_quan"`
	TrichYeu   string   `yaml:"trich_yeu,required"`
	Nguon      []string `yaml:"nguon,required"`
	DaDoiChieu bool     `yaml:"da_doi_chieu"`
	// ApDung is the period the document governs, as its trích yếu names
	// it ("2021-2025"); "" when it names none.
	ApDung string `yaml:"ap_dung"`
	// TrangThai is the document's status when a source gives it:
	// con_hieu_luc, het_hieu_luc; "" when not known.
	TrangThai string `yaml:"trang_thai"`
	// ThayTheBoi is the registry id of the document that replaces it, when
	// a source says so.
	ThayTheBoi string `yaml:"thay_the_boi"`
}

// Statuses a registry entry may record (trang_thai).
const (
	InForce = "con_hieu_luc"
	Expired = "het_hieu_luc"
)

// Span is the first and last year of ApDung, and false when it is empty.
func (c *Citation) Span() (from, to int, ok bool) {
	m := spanRe.Get().FindStringSubmatch(c.ApDung)
	if m == nil {
		return 0, 0, false
	}
	from, _ = strconv.Atoi(m[1])
	to, _ = strconv.Atoi(m[2])
	return from, to, true
}

var spanRe = lazy.MustCompile(`^(\d{4})-(\d{4})$`)

type registryFile struct {
	VanBan []Citation `yaml:"van_ban,required"`
}

// Period is a programme period (templates/giai-doan/<ma>.yaml).
type Period struct {
	Ma          string       `yaml:"ma,required"`
	Tu          int          `yaml:"tu,required"`
	Den         int          `yaml:"den,required"`
	ChuongTrinh Programme    `yaml:"chuong_trinh,required"`
	CanCu       []string     `yaml:"can_cu,required"`
	BoTieuChi   string       `yaml:"bo_tieu_chi,required"`
	Bieu        Vocabulary   `yaml:"bieu,required"`
	ChuyenNguon []SourceRule `yaml:"chuyen_nguon"`
	HopNhat     []Merged     `yaml:"hop_nhat"` // programmes of the previous period merged into this one

	File  string      `yaml:"-"`
	Index yamlx.Index `yaml:"-"`
}

// Programme names the national programme of a period.
type Programme struct {
	TenChinhThuc string   `yaml:"ten_chinh_thuc,required"` // official name, with its period
	Ten          string   `yaml:"ten,required"`            // before "năm N", defining the abbreviations
	TenNgan      string   `yaml:"ten_ngan,required"`       // later mentions
	Nguon        []string `yaml:"nguon,required"`
}

// Vocabulary is what the annexes call the two kinds of central funds.
type Vocabulary struct {
	DauTu       string   `yaml:"dau_tu,required"`       // Vốn đầu tư | Vốn đầu tư công
	ThuongXuyen string   `yaml:"thuong_xuyen,required"` // Vốn sự nghiệp | Kinh phí thường xuyên
	Nguon       []string `yaml:"nguon,required"`
}

// SourceRule says what becomes of a funding source of the previous period's
// plan when it is rolled forward into this period.
type SourceRule struct {
	Pos    diag.Pos
	TenLa  []string `yaml:"ten_la"` // names equal to one of these (case aside)
	TenCo  []string `yaml:"ten_co"` // names containing one of these (case aside)
	DoiTen string   `yaml:"doi_ten"`
	Bo     bool     `yaml:"bo"`
	LyDo   string   `yaml:"ly_do,required"`
	Nguon  []string `yaml:"nguon,required"`
}

// Merged is a programme of the previous period that is now part of this
// period's programme: a text that still names it needs rewriting.
type Merged struct {
	Ten   string   `yaml:"ten,required"`  // official name
	Khop  []string `yaml:"khop,required"` // ways plans write it (case aside)
	Nguon []string `yaml:"nguon,required"`
}

// Mentioned reports whether text names the merged programme.
func (m *Merged) Mentioned(text string) bool {
	t := Fold(text)
	for _, k := range m.Khop {
		if strings.Contains(t, Fold(k)) {
			return true
		}
	}
	return false
}

// Matches reports whether the rule applies to a source named name.
func (r *SourceRule) Matches(name string) bool {
	n := Fold(name)
	for _, s := range r.TenLa {
		if n == Fold(s) {
			return true
		}
	}
	for _, s := range r.TenCo {
		if strings.Contains(n, Fold(s)) {
			return true
		}
	}
	return false
}

// abbrDefExpr is an abbreviation definition in a programme name:
// " (MTQG)"; abbrDef is the same over the classes of abbrDefClass
// (package classre; TestAbbrDefSameAsExpr), compiled on first use.
const abbrDefExpr = `[ \x{00a0}]*\((\p{Lu}[\p{Lu}\d-]*)\)`

var abbrDef = classre.New(`[ _]*\((A[A\d-]*)\)`, abbrDefClass)

// abbrDefClass is the class byte of r for abbrDef: digits, blank, ( ) and
// - as they are, the no-break space _, an upper-case letter A, anything
// else “.”.
func abbrDefClass(r rune) byte {
	switch {
	case r >= '0' && r <= '9', r == ' ', r == '(', r == ')', r == '-':
		return byte(r)
	case r == '\u00a0':
		return '_'
	case unicode.IsUpper(r):
		return 'A'
	}
	return '.'
}

// InSentence is a programme name as written in a sentence: without the
// abbreviation definitions of its first mention, blanks collapsed, NFC.
func InSentence(name string) string {
	return strings.Join(strings.Fields(dropAbbrDefs(nfc.String(name))), " ")
}

// dropAbbrDefs is s without the matches of abbrDef: what package regexp's
// ReplaceAllString(s, "") gives for an expression that matches no empty
// string.
func dropAbbrDefs(s string) string {
	ms := abbrDef.FindAllStringIndex(s, -1)
	if len(ms) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range ms {
		b.WriteString(s[last:m[0]])
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// Fold is s for comparing names: NFC, lower case, blanks collapsed.
func Fold(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(nfc.String(s))), " ")
}

// checker collects the cross-reference problems of one data file.
type checker struct {
	file  string
	ix    yamlx.Index
	errs  diag.List
	local map[string]bool // the file's own sources (a provincial set's nguon)
	// badSources is set once templates/nguon.yaml was found not to load:
	// its own errors are then among this file's, once, instead of every
	// tag of this file reported unknown.
	badSources bool
}

// sourcesBroken reports whether templates/nguon.yaml does not load; the
// first time it does not, its errors (file, line, column) join c's.
func (c *checker) sourcesBroken() bool {
	if c.badSources {
		return true
	}
	_, err := Sources()
	var es diag.List
	if err == nil || !errors.As(err, &es) {
		return false
	}
	c.badSources = true
	c.errs = append(c.errs, es...)
	return true
}

func (c *checker) known(tag string) bool { return sourceIDs()[tag] || c.local[tag] }

// where names the lists a source tag may come from, for messages.
func (c *checker) where() string {
	if c.local != nil {
		return "templates/nguon.yaml hay trong nguon của tệp này"
	}
	return "templates/nguon.yaml"
}

func (c *checker) add(path, format string, args ...any) {
	c.errs = append(c.errs, &diag.Diagnostic{File: c.file, Pos: c.ix.Lookup(path), Msg: fmt.Sprintf(format, args...)})
}

// sources checks that every tag in tags is a source of nguon.yaml.
func (c *checker) sources(path string, tags []string) {
	if len(tags) == 0 {
		c.add(path, "thiếu nguồn (nguon); mỗi dữ liệu cần mã nguồn trong templates/nguon.yaml.")
	}
	for i, t := range tags {
		if !c.known(t) && !c.sourcesBroken() {
			c.add(fmt.Sprintf("%s[%d]", path, i), "nguồn “%s” không có trong %s; hãy thêm nguồn đó hoặc sửa mã.", t, c.where())
		}
	}
}

func (c *checker) source(path, tag string) {
	if tag == "" {
		c.add(path, "thiếu nguồn (nguon); mỗi giá trị cần mã nguồn trong templates/nguon.yaml.")
		return
	}
	if !c.known(tag) && !c.sourcesBroken() {
		c.add(path, "nguồn “%s” không có trong %s; hãy thêm nguồn đó hoặc sửa mã.", tag, c.where())
	}
}

var dateRe = lazy.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

func (c *checker) citation(path string, ct *Citation) {
	if ct.Ngay != "" && !dateRe.Get().MatchString(ct.Ngay) {
		c.add(path+".ngay", "ngày “%s” không đúng dạng; hãy viết năm-tháng-ngày, ví dụ 2025-12-29.", ct.Ngay)
	}
	c.sources(path+".nguon", ct.Nguon)
	if f, t, ok := ct.Span(); ct.ApDung != "" && (!ok || t < f) {
		c.add(path+".ap_dung", "giai đoạn áp dụng “%s” không đúng dạng; hãy viết năm đầu-năm cuối, ví dụ 2021-2025.", ct.ApDung)
	}
	if ct.TrangThai != "" && ct.TrangThai != InForce && ct.TrangThai != Expired {
		c.add(path+".trang_thai", "trạng thái “%s” không có; hãy ghi %s hoặc %s, hoặc bỏ trống khi nguồn không nói.", ct.TrangThai, InForce, Expired)
	}
}

// Sources lists templates/nguon.yaml.
func Sources() ([]Source, error) {
	f, err := templates.ParsedOr("nguon.yaml", snapshot, parseSources)
	if err != nil {
		return nil, err
	}
	return f.Nguon, nil
}

// parseSources decodes and checks templates/nguon.yaml.
func parseSources(path string, data []byte) (*sourceFile, error) {
	f := &sourceFile{}
	ix, errs := yamlx.Decode(path, data, f)
	seen := map[string]bool{}
	for i, s := range f.Nguon {
		if seen[s.Ma] {
			errs = append(errs, &diag.Diagnostic{File: path, Pos: ix.Lookup(fmt.Sprintf("nguon[%d].ma", i)), Msg: fmt.Sprintf("mã nguồn “%s” bị lặp; mỗi nguồn một mã.", s.Ma)})
		}
		seen[s.Ma] = true
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return f, nil
}

func sourceIDs() map[string]bool {
	srcs, _ := Sources()
	m := map[string]bool{}
	for _, s := range srcs {
		m[s.Ma] = true
	}
	return m
}

// Citations returns the registry of legal bases (templates/can-cu.yaml).
func Citations() ([]Citation, error) {
	f, err := templates.ParsedOr("can-cu.yaml", snapshot, parseCitations)
	if err != nil {
		return nil, err
	}
	return f.VanBan, nil
}

// parseCitations decodes and checks templates/can-cu.yaml.
func parseCitations(path string, data []byte) (*registryFile, error) {
	f := &registryFile{}
	ix, errs := yamlx.Decode(path, data, f)
	c := &checker{file: path, ix: ix, errs: errs}
	seen := map[string]bool{}
	for i := range f.VanBan {
		ct := &f.VanBan[i]
		p := fmt.Sprintf("van_ban[%d]", i)
		switch {
		case ct.Ma == "":
			c.add(p, "văn bản thiếu mã (ma); hãy đặt mã như qd51-2025.")
		case seen[ct.Ma]:
			c.add(p+".ma", "mã văn bản “%s” bị lặp; mỗi văn bản một mã.", ct.Ma)
		}
		seen[ct.Ma] = true
		c.citation(p, ct)
	}
	for i := range f.VanBan {
		if r := f.VanBan[i].ThayTheBoi; r != "" && !seen[r] {
			c.add(fmt.Sprintf("van_ban[%d].thay_the_boi", i), "văn bản thay thế “%s” không có trong sổ căn cứ; hãy thêm văn bản đó hoặc sửa mã.", r)
		}
	}
	if len(c.errs) > 0 {
		return nil, c.errs
	}
	return f, nil
}

// Cite returns the registry entry ma.
func Cite(ma string) (*Citation, bool) {
	all, err := Citations()
	if err != nil {
		return nil, false
	}
	for i := range all {
		if all[i].Ma == ma {
			return &all[i], true
		}
	}
	return nil, false
}

// CitationIDs lists the registry's ids.
func CitationIDs() []string {
	all, _ := Citations()
	var out []string
	for _, c := range all {
		out = append(out, c.Ma)
	}
	return out
}

func list(dir string) []string {
	ents, _ := templates.ReadDir(dir)
	var out []string
	for _, e := range ents {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".yaml") {
			out = append(out, strings.TrimSuffix(e.Name(), ".yaml"))
		}
	}
	sort.Strings(out)
	return out
}

func validID(id string) bool { return id != "" && !strings.ContainsAny(id, `/\.`) }

// PeriodIDs lists templates/giai-doan.
func PeriodIDs() []string { return list("giai-doan") }

// LoadPeriod loads templates/giai-doan/<id>.yaml (once per source).
func LoadPeriod(id string) (*Period, error) {
	if !validID(id) {
		return nil, fs.ErrNotExist
	}
	return templates.ParsedOr("giai-doan/"+id+".yaml", snapshot, parsePeriod(id))
}

// parsePeriod decodes and checks the period file of id.
func parsePeriod(id string) func(path string, data []byte) (*Period, error) {
	return func(path string, data []byte) (*Period, error) {
		p := &Period{}
		ix, errs := yamlx.Decode(path, data, p)
		p.File, p.Index = path, ix
		c := &checker{file: path, ix: ix, errs: errs}
		if p.Ma != "" && p.Ma != id {
			c.add("ma", "mã giai đoạn “%s” khác tên tệp (%s.yaml); hãy đặt hai tên giống nhau.", p.Ma, id)
		}
		if p.Tu != 0 && p.Den < p.Tu {
			c.add("den", "năm cuối (%d) trước năm đầu (%d).", p.Den, p.Tu)
		}
		for i, id := range p.CanCu {
			if _, ok := Cite(id); !ok {
				c.add(fmt.Sprintf("can_cu[%d]", i), "căn cứ “%s” không có trong templates/can-cu.yaml.", id)
			}
		}
		c.sources("chuong_trinh.nguon", p.ChuongTrinh.Nguon)
		c.sources("bieu.nguon", p.Bieu.Nguon)
		for i := range p.ChuyenNguon {
			r := &p.ChuyenNguon[i]
			path := fmt.Sprintf("chuyen_nguon[%d]", i)
			if len(r.TenLa)+len(r.TenCo) == 0 {
				c.add(path, "quy tắc không có ten_la hay ten_co; hãy ghi tên nguồn mà quy tắc áp dụng.")
			}
			if r.Bo == (r.DoiTen != "") {
				c.add(path, "mỗi quy tắc hoặc đổi tên (doi_ten) hoặc bỏ nguồn (bo: true).")
			}
			c.sources(path+".nguon", r.Nguon)
		}
		for i := range p.HopNhat {
			c.sources(fmt.Sprintf("hop_nhat[%d].nguon", i), p.HopNhat[i].Nguon)
		}
		if len(c.errs) > 0 {
			return nil, c.errs
		}
		if set, err := LoadCriteriaSet(p.BoTieuChi); err != nil {
			return nil, diag.List{{File: path, Pos: ix.Lookup("bo_tieu_chi"), Msg: fmt.Sprintf("bộ tiêu chí “%s” không dùng được: %v", p.BoTieuChi, err)}}
		} else if set.GiaiDoan.Tu > p.Tu || set.GiaiDoan.Den < p.Den {
			return nil, diag.List{{File: path, Pos: ix.Lookup("bo_tieu_chi"), Msg: fmt.Sprintf("bộ tiêu chí %s (%d - %d) không phủ giai đoạn %d - %d.", set.Ma, set.GiaiDoan.Tu, set.GiaiDoan.Den, p.Tu, p.Den)}}
		}
		return p, nil
	}
}

// PeriodFor returns the period whose years cover year, or nil.
func PeriodFor(year int) *Period {
	for _, id := range PeriodIDs() {
		p, err := LoadPeriod(id)
		if err == nil && p.Tu <= year && year <= p.Den {
			return p
		}
	}
	return nil
}

// Covers reports whether year falls in the period.
func (p *Period) Covers(year int) bool { return p.Tu <= year && year <= p.Den }

// Bases returns the period's legal-basis chain from the registry.
func (p *Period) Bases() []*Citation {
	var out []*Citation
	for _, id := range p.CanCu {
		if c, ok := Cite(id); ok {
			out = append(out, c)
		}
	}
	return out
}

// Sign returns the printed comparison sign of a written one (">=", "≥",
// "toi_thieu" → "≥"; "=" and "" → "="), and false for anything else.
func Sign(s string) (string, bool) {
	switch strings.TrimSpace(s) {
	case ">=", "≥", "toi_thieu":
		return "≥", true
	case "<=", "≤", "toi_da":
		return "≤", true
	case "=", "==", "bang", "":
		return "=", true
	case "<", "duoi":
		return "<", true
	case ">", "tren":
		return ">", true
	}
	return "", false
}

// SignError is the message for a comparison Sign refuses.
func SignError(s string) error {
	return fmt.Errorf("phép so sánh %q không có; hãy dùng \">=\", \"<=\", \"=\", \"<\" hoặc \">\" (đặt trong ngoặc kép).", s)
}

// formatValue prints a threshold value: numbers the Vietnamese way
// ("16.5" → "16,5"), words as written ("Đạt").
func formatValue(v string) (string, bool) {
	if v == "" {
		return "", false
	}
	if v[0] >= '0' && v[0] <= '9' {
		d, err := vn.ParseDecimal(v)
		if err != nil {
			return "", false
		}
		return d.String(), true
	}
	return v, true
}

func itoa(n int) string { return strconv.Itoa(n) }

// Years is the first and last year any period covers.
func Years() (first, last int) {
	for _, id := range PeriodIDs() {
		p, err := LoadPeriod(id)
		if err != nil {
			continue
		}
		if first == 0 || p.Tu < first {
			first = p.Tu
		}
		if p.Den > last {
			last = p.Den
		}
	}
	return first, last
}

// IsRegion reports whether code is a region of a set keyed by region. It
// loads the sets one by one and stops at the first that has it, so
// checking a commune of the 2021–2025 set does not load the 2026–2030 one.
func IsRegion(code string) bool {
	for _, id := range CriteriaSetIDs() {
		if s, err := LoadCriteriaSet(id); err == nil && s.PhanLoai == ByRegion && slices.Contains(s.Keys(), code) {
			return true
		}
	}
	return false
}

// Regions lists the region codes of the sets keyed by region.
func Regions() []string {
	var out []string
	for _, id := range CriteriaSetIDs() {
		if s, err := LoadCriteriaSet(id); err == nil && s.PhanLoai == ByRegion {
			out = append(out, s.Keys()...)
		}
	}
	return out
}
