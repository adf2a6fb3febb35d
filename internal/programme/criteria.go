package programme

import (
	"fmt"
	"io/fs"
	"strings"

	"kehoach/internal/yamlx"
	"kehoach/templates"
)

// The ways a criteria set keys its thresholds.
const (
	ByRegion = "vung"    // QĐ 318: seven regions
	ByGroup  = "nhom_xa" // QĐ 51: commune groups 1, 2, 3
	// Common is the key of a threshold that applies to every region or group.
	Common = "chung"
)

// CriteriaSet is a national criteria set (templates/tieu-chi/<ma>.yaml).
type CriteriaSet struct {
	Ma        string `yaml:"ma,required"`
	Ten       string `yaml:"ten,required"`
	VanBan    string `yaml:"van_ban"`
	CanCu     string `yaml:"can_cu,required"` // the decision, in the registry
	HieuLuc   string `yaml:"hieu_luc"`
	SoChiTieu int    `yaml:"so_chi_tieu"` // as the decision states; 0 when not known
	GiaiDoan  struct {
		Tu  int `yaml:"tu"`
		Den int `yaml:"den"`
	} `yaml:"giai_doan"`
	PhanLoai string      `yaml:"phan_loai,required"`
	Vung     []Region    `yaml:"vung"`
	DacBiet  *Special    `yaml:"dac_biet"`
	NhomXa   []Group     `yaml:"nhom_xa"`
	Nhom     []Section   `yaml:"nhom"`
	TieuChi  []Criterion `yaml:"tieu_chi,required"`

	File  string      `yaml:"-"`
	Index yamlx.Index `yaml:"-"`
}

// Region is one of the regions of a set keyed by region.
type Region struct {
	Ma  string `yaml:"ma,required"`
	Ten string `yaml:"ten,required"`
}

// Special is QĐ 318's rule sending especially disadvantaged and safe-zone
// communes to one region's thresholds.
type Special struct {
	Vung  string   `yaml:"vung,required"`
	MoTa  string   `yaml:"mo_ta,required"`
	Nguon []string `yaml:"nguon,required"`
}

// Group is one commune group of a set keyed by group.
type Group struct {
	So    int      `yaml:"so,required"`
	MoTa  string   `yaml:"mo_ta,required"`
	Nguon []string `yaml:"nguon,required"`
}

// Section is a group of criteria (I. Quy hoạch …).
type Section struct {
	So  string `yaml:"so"`
	Ten string `yaml:"ten"`
}

// Criterion is one criterion of a set.
type Criterion struct {
	So      int         `yaml:"so,required"`
	Ten     string      `yaml:"ten,required"`
	Nhom    string      `yaml:"nhom"`
	ThayCho []int       `yaml:"thay_cho"` // criteria of the previous period's set it covers
	ChiTieu []Indicator `yaml:"chi_tieu"`
}

// Indicator is one indicator of a criterion.
type Indicator struct {
	Ma      string      `yaml:"ma,required"`
	Ten     string      `yaml:"ten"` // required but in a provincial override
	Dvt     string      `yaml:"dvt"`
	SoSanh  string      `yaml:"so_sanh"`
	Kieu    string      `yaml:"kieu"`  // "dat": the threshold is a word (Đạt)
	Nguon   []string    `yaml:"nguon"` // required but in a provincial override
	GhiChu  string      `yaml:"ghi_chu"`
	Nguong  []Threshold `yaml:"nguong"`
	TieuChi int         `yaml:"tieu_chi"` // provincial additions: the criterion
}

// Threshold is the required value of an indicator for one region or group
// (ap_dung: the region's code, the group's number, or chung).
type Threshold struct {
	ApDung     string `yaml:"ap_dung,required"`
	GiaTri     string `yaml:"gia_tri,required"`
	Nguon      string `yaml:"nguon,required"`
	DaDoiChieu bool   `yaml:"da_doi_chieu"`
	GhiChu     string `yaml:"ghi_chu"`
}

// ProvincialSet is a province's criteria decision: it is cited as a legal
// basis and overrides or adds indicator thresholds of a national set.
type ProvincialSet struct {
	Ma      string      `yaml:"ma,required"`
	Tinh    string      `yaml:"tinh,required"`
	Bo      string      `yaml:"bo,required"`
	VanBan  Citation    `yaml:"van_ban,required"`
	ChiTieu []Indicator `yaml:"chi_tieu"` // ma and nguong; ten, dvt, tieu_chi too when added
	// Nguon are the file's own sources, cited like those of
	// templates/nguon.yaml: a set kept next to a plan (bo_tinh: a path)
	// cites the provincial decision itself, which nguon.yaml does not list.
	Nguon []Source `yaml:"nguon"`

	File  string      `yaml:"-"`
	Index yamlx.Index `yaml:"-"`
}

// CriteriaSetIDs lists the sets of templates/tieu-chi.
func CriteriaSetIDs() []string { return list("tieu-chi") }

// ProvincialSetIDs lists the provincial sets of templates/tieu-chi/tinh.
func ProvincialSetIDs() []string { return list("tieu-chi/tinh") }

// LoadCriteriaSet loads templates/tieu-chi/<id>.yaml of the templates source
// in use (once per id and source; the set is shared and must not be
// modified).
func LoadCriteriaSet(id string) (*CriteriaSet, error) {
	if !validID(id) {
		return nil, fs.ErrNotExist
	}
	return templates.ParsedOr("tieu-chi/"+id+".yaml", snapshot, parseCriteriaSet)
}

// parseCriteriaSet decodes and checks a criteria set file.
func parseCriteriaSet(path string, data []byte) (*CriteriaSet, error) {
	s := &CriteriaSet{}
	ix, errs := yamlx.Decode(path, data, s)
	s.File, s.Index = path, ix
	c := &checker{file: path, ix: ix, errs: errs}
	s.check(c)
	if len(c.errs) > 0 {
		return nil, c.errs
	}
	return s, nil
}

func (s *CriteriaSet) check(c *checker) {
	if _, ok := Cite(s.CanCu); s.CanCu != "" && !ok {
		c.add("can_cu", "căn cứ “%s” không có trong templates/can-cu.yaml.", s.CanCu)
	}
	switch s.PhanLoai {
	case ByRegion:
		if len(s.Vung) == 0 {
			c.add("vung", "bộ phân loại theo vùng mà không có danh sách vung.")
		}
		if s.DacBiet != nil {
			if !s.hasKey(s.DacBiet.Vung) {
				c.add("dac_biet.vung", "vùng “%s” không có trong danh sách vung.", s.DacBiet.Vung)
			}
			c.sources("dac_biet.nguon", s.DacBiet.Nguon)
		}
	case ByGroup:
		if len(s.NhomXa) == 0 {
			c.add("nhom_xa", "bộ phân loại theo nhóm xã mà không có danh sách nhom_xa.")
		}
		for i, g := range s.NhomXa {
			c.sources(fmt.Sprintf("nhom_xa[%d].nguon", i), g.Nguon)
		}
	case "":
	default:
		c.add("phan_loai", "phan_loai “%s” không có; hãy dùng vung hoặc nhom_xa.", s.PhanLoai)
	}
	seen := map[int]bool{}
	for i := range s.TieuChi {
		cr := &s.TieuChi[i]
		p := fmt.Sprintf("tieu_chi[%d]", i)
		if seen[cr.So] {
			c.add(p+".so", "tiêu chí số %d bị lặp.", cr.So)
		}
		seen[cr.So] = true
		for j := range cr.ChiTieu {
			s.checkIndicator(c, fmt.Sprintf("%s.chi_tieu[%d]", p, j), &cr.ChiTieu[j], true)
		}
	}
}

func (s *CriteriaSet) checkIndicator(c *checker, p string, in *Indicator, full bool) {
	if full {
		c.sources(p+".nguon", in.Nguon)
		if in.Ten == "" {
			c.add(p, "chỉ tiêu %s thiếu nội dung (ten).", in.Ma)
		}
	}
	if _, ok := Sign(in.SoSanh); !ok {
		c.add(p+".so_sanh", "%v", SignError(in.SoSanh))
	}
	if in.Kieu != "" && in.Kieu != "dat" {
		c.add(p+".kieu", "kiểu “%s” không có; chỉ dùng kieu: dat (chỉ tiêu Đạt/Không đạt) hoặc bỏ trống.", in.Kieu)
	}
	keys := map[string]bool{}
	for k := range in.Nguong {
		t := &in.Nguong[k]
		tp := fmt.Sprintf("%s.nguong[%d]", p, k)
		if !s.hasKey(t.ApDung) {
			c.add(tp+".ap_dung", "“%s” không phải %s của bộ %s; hãy dùng %s hoặc chung.", t.ApDung, s.keyWord(), s.Ma, strings.Join(s.Keys(), ", "))
		}
		if keys[t.ApDung] {
			c.add(tp+".ap_dung", "ngưỡng cho “%s” bị lặp.", t.ApDung)
		}
		keys[t.ApDung] = true
		if _, ok := formatValue(t.GiaTri); !ok {
			c.add(tp+".gia_tri", "giá trị “%s” không đọc được; viết số với dấu chấm thập phân (16.5) hoặc chữ (Đạt).", t.GiaTri)
		}
		c.source(tp+".nguon", t.Nguon)
	}
}

func (s *CriteriaSet) keyWord() string {
	if s.PhanLoai == ByGroup {
		return "nhóm xã"
	}
	return "vùng"
}

// Keys lists the codes thresholds may be keyed by: the regions' codes or
// the groups' numbers.
func (s *CriteriaSet) Keys() []string {
	var out []string
	for _, r := range s.Vung {
		out = append(out, r.Ma)
	}
	for _, g := range s.NhomXa {
		out = append(out, itoa(g.So))
	}
	return out
}

func (s *CriteriaSet) hasKey(k string) bool {
	if k == Common {
		return true
	}
	for _, x := range s.Keys() {
		if x == k {
			return true
		}
	}
	return false
}

// Criterion returns the set's criterion number so.
func (s *CriteriaSet) Criterion(so int) (Criterion, bool) {
	for _, c := range s.TieuChi {
		if c.So == so {
			return c, true
		}
	}
	return Criterion{}, false
}

// RegionName is the name of a region code ("" when unknown).
func (s *CriteriaSet) RegionName(code string) string {
	for _, r := range s.Vung {
		if r.Ma == code {
			return r.Ten
		}
	}
	return ""
}

// Class is how a commune is classified for thresholds (its commune file).
type Class struct {
	Vung    string // region code (QĐ 318)
	Nhom    int    // commune group (QĐ 51), 0 when not given
	DacBiet bool   // especially disadvantaged or safe-zone commune (QĐ 318)
}

// Key returns the threshold key that applies to a commune of class cl and
// how it is described ("vùng Trung du và miền núi phía Bắc", "nhóm 3"), or
// ok false when the commune file does not say (what names what is missing).
func (s *CriteriaSet) Key(cl Class) (key, desc string, ok bool) {
	switch s.PhanLoai {
	case ByRegion:
		v := cl.Vung
		if cl.DacBiet && s.DacBiet != nil {
			v = s.DacBiet.Vung
		}
		if v == "" || !s.hasKey(v) {
			return "", "vung", false
		}
		desc = "vùng " + s.RegionName(v)
		if cl.DacBiet && s.DacBiet != nil {
			desc += " (" + s.DacBiet.MoTa + ")"
		}
		return v, desc, true
	case ByGroup:
		if cl.Nhom == 0 || !s.hasKey(itoa(cl.Nhom)) {
			return "", "nhom_xa", false
		}
		return itoa(cl.Nhom), "xã nhóm " + itoa(cl.Nhom), true
	}
	return Common, "", true
}

// Indicators lists the indicators of criterion so: the set's, then those a
// provincial set adds (prov may be nil).
func (s *CriteriaSet) Indicators(so int, prov *ProvincialSet) []Indicator {
	c, _ := s.Criterion(so)
	out := append([]Indicator(nil), c.ChiTieu...)
	if prov != nil {
		for _, in := range prov.ChiTieu {
			if in.TieuChi == so && s.indicator(in.Ma) == nil {
				out = append(out, in)
			}
		}
	}
	return out
}

func (s *CriteriaSet) indicator(ma string) *Indicator {
	for i := range s.TieuChi {
		for j := range s.TieuChi[i].ChiTieu {
			if s.TieuChi[i].ChiTieu[j].Ma == ma {
				return &s.TieuChi[i].ChiTieu[j]
			}
		}
	}
	return nil
}

// Indicator returns the set's indicator ma (nil when the set has none).
func (s *CriteriaSet) Indicator(ma string) *Indicator { return s.indicator(ma) }

// IndicatorFor returns indicator ma of criterion so: the set's, else one
// the provincial set (prov, may be nil) adds to that criterion; nil when
// neither has it.
func (s *CriteriaSet) IndicatorFor(so int, ma string, prov *ProvincialSet) *Indicator {
	if in := s.indicator(ma); in != nil {
		return in
	}
	if prov != nil {
		for i := range prov.ChiTieu {
			if in := &prov.ChiTieu[i]; in.TieuChi == so && in.Ma == ma {
				return in
			}
		}
	}
	return nil
}

// Value is the threshold that applies to one commune.
type Value struct {
	Text   string // printed: "≤ 24", "Đạt"; "" when missing
	Source string // the source tag
	From   string // the file it came from: the national or the provincial set
	// Missing says, in Vietnamese, why Text is empty: no value for the
	// region or group, or a value not verified.
	Missing string
}

// Threshold returns the value of indicator in for the key (Key), the
// provincial set's own value first. A value not verified is never returned:
// Missing says so.
func (s *CriteriaSet) Threshold(in *Indicator, key string, prov *ProvincialSet) Value {
	pick := func(ts []Threshold) *Threshold {
		var common *Threshold
		for i := range ts {
			switch ts[i].ApDung {
			case key:
				return &ts[i]
			case Common:
				common = &ts[i]
			}
		}
		return common
	}
	sign := in.SoSanh
	if prov != nil {
		for i := range prov.ChiTieu {
			pi := &prov.ChiTieu[i]
			if pi.Ma != in.Ma {
				continue
			}
			if pi.SoSanh != "" {
				sign = pi.SoSanh
			}
			if t := pick(pi.Nguong); t != nil {
				return value(in, sign, t, prov.File)
			}
		}
	}
	if t := pick(in.Nguong); t != nil {
		return value(in, sign, t, s.File)
	}
	return Value{Missing: "chưa có ngưỡng"}
}

func value(in *Indicator, sign string, t *Threshold, file string) Value {
	if !t.DaDoiChieu {
		return Value{Source: t.Nguon, From: file, Missing: "ngưỡng “" + t.GiaTri + "” (nguồn " + t.Nguon + ") chưa đối chiếu với văn bản gốc"}
	}
	v, _ := formatValue(t.GiaTri)
	if in.Kieu != "dat" {
		if s, _ := Sign(sign); s != "=" {
			v = s + " " + v
		}
	}
	return Value{Text: v, Source: t.Nguon, From: file}
}

// ParseProvincialSet reads a provincial set file (templates/tieu-chi/tinh/
// or a path a plan names) and checks it against its national set.
func ParseProvincialSet(path string, data []byte) (*ProvincialSet, error) {
	ps := &ProvincialSet{}
	ix, errs := yamlx.Decode(path, data, ps)
	ps.File, ps.Index = path, ix
	c := &checker{file: path, ix: ix, errs: errs, local: map[string]bool{}}
	global := sourceIDs()
	for i, src := range ps.Nguon {
		switch {
		case global[src.Ma]:
			c.add(fmt.Sprintf("nguon[%d].ma", i), "mã nguồn “%s” đã có trong templates/nguon.yaml; hãy dùng mã đó hoặc đặt mã khác.", src.Ma)
		case c.local[src.Ma]:
			c.add(fmt.Sprintf("nguon[%d].ma", i), "mã nguồn “%s” bị lặp; mỗi nguồn một mã.", src.Ma)
		}
		c.local[src.Ma] = true
	}
	c.citation("van_ban", &ps.VanBan)
	if ps.Bo != "" {
		set, err := LoadCriteriaSet(ps.Bo)
		if err != nil {
			c.add("bo", "bộ tiêu chí quốc gia “%s” không có; các bộ có sẵn: %s.", ps.Bo, strings.Join(CriteriaSetIDs(), ", "))
		} else {
			for i := range ps.ChiTieu {
				in := &ps.ChiTieu[i]
				p := fmt.Sprintf("chi_tieu[%d]", i)
				added := set.indicator(in.Ma) == nil
				if _, ok := set.Criterion(in.TieuChi); added && !ok {
					c.add(p+".tieu_chi", "chỉ tiêu %s không có trong bộ %s nên là chỉ tiêu thêm: hãy ghi tieu_chi (số tiêu chí của bộ) và ten, dvt.", in.Ma, set.Ma)
				}
				set.checkIndicator(c, p, in, added)
			}
		}
	}
	if len(c.errs) > 0 {
		return nil, c.errs
	}
	return ps, nil
}

// LoadProvincialSet loads templates/tieu-chi/tinh/<id>.yaml.
func LoadProvincialSet(id string) (*ProvincialSet, error) {
	if !validID(id) {
		return nil, fs.ErrNotExist
	}
	return templates.ParsedOr("tieu-chi/tinh/"+id+".yaml", snapshot, ParseProvincialSet)
}
