// Package style loads the ND30 style profile (templates/nd30.yaml) into a
// doc.Profile, applies a commune's overrides and rejects values outside the
// ranges Nghị định 30/2020/NĐ-CP allows.
package style

import (
	"fmt"
	"math"
	"slices"

	"kehoach/internal/diag"
	"kehoach/internal/doc"
	"kehoach/internal/yamlx"
	"kehoach/templates"
)

// ProfileFile is the profile's name inside the templates folder.
const ProfileFile = "nd30.yaml"

// MinCellPadY is the least top and bottom padding of a table cell, mm: less
// and the stacked diacritics of a capital (Ấ, Ỗ) or the descenders touch
// the borders.
const MinCellPadY = 1.0

// Box is a set of four margins in mm.
type Box struct {
	Tren float64 `yaml:"tren"`
	Duoi float64 `yaml:"duoi"`
	Trai float64 `yaml:"trai"`
	Phai float64 `yaml:"phai"`
}

// Paper is a paper size in mm.
type Paper struct {
	Rong float64 `yaml:"rong"`
	Cao  float64 `yaml:"cao"`
}

// Kieu is one paragraph style as written in the profile.
type Kieu struct {
	Pos       diag.Pos
	Ten       string  `yaml:"ten,required"`
	Co        float64 `yaml:"co"`
	Dam       bool    `yaml:"dam"`
	Nghieng   bool    `yaml:"nghieng"`
	Canh      string  `yaml:"canh,required"`
	Thut      bool    `yaml:"thut"`
	Truoc     float64 `yaml:"truoc"`
	Sau       float64 `yaml:"sau"`
	GiuVoiSau bool    `yaml:"giu_voi_sau"`
}

// Overrides are the values a commune may change, within ND30's ranges. Zero
// values mean "as the profile says". The Pos fields carry positions for
// error messages.
type Overrides struct {
	Pos         diag.Pos
	CoChu       float64 `yaml:"co_chu"`
	GianDong    float64 `yaml:"gian_dong"`
	CachDoan    float64 `yaml:"cach_doan"`
	ThutDauDong float64 `yaml:"thut_dau_dong"`
	KieuDau     string  `yaml:"kieu_dau"`
	Le          *Box    `yaml:"le"`
}

// marginRange is a margin with the range ND30 allows it.
type marginRange struct {
	key    string
	v      float64
	lo, hi float64
	name   string
}

// Limit is what Nghị định 30 allows for one layout setting of trinh_bay:
// a range (Min–Max) or, when Values is set, a list of values. Limits is
// the one table of them: Load checks against it and the JSON Schema is
// generated from it.
type Limit struct {
	Key      string // the key under trinh_bay: "co_chu", "le.tren"
	Min, Max float64
	Values   []float64
}

// Limits are ND30's ranges (PL I, I.3–I.4 and the body text rules).
var Limits = []Limit{
	{Key: "co_chu", Values: []float64{13, 14}},
	{Key: "gian_dong", Min: 1, Max: 1.5},
	{Key: "cach_doan", Min: 6, Max: 24},
	{Key: "thut_dau_dong", Values: []float64{10, 12.7}},
	{Key: "le.tren", Min: 20, Max: 25},
	{Key: "le.duoi", Min: 20, Max: 25},
	{Key: "le.trai", Min: 30, Max: 35},
	{Key: "le.phai", Min: 15, Max: 20},
}

// ToneStyles are the values of kieu_dau.
var ToneStyles = []string{"cu", "moi"}

// LimitOf returns the limit of key (a zero Limit, which allows nothing,
// when there is none).
func LimitOf(key string) Limit {
	for _, l := range Limits {
		if l.Key == key {
			return l
		}
	}
	return Limit{Key: key}
}

// Allows reports whether v is within the limit.
func (l Limit) Allows(v float64) bool {
	if l.Values != nil {
		return slices.Contains(l.Values, v)
	}
	return v >= l.Min && v <= l.Max
}

// marginRanges are the margins of b with their limits.
func marginRanges(b Box) []marginRange {
	r := func(key string, v float64, name string) marginRange {
		l := LimitOf(key)
		return marginRange{key, v, l.Min, l.Max, name}
	}
	return []marginRange{
		r("le.tren", b.Tren, "lề trên"),
		r("le.duoi", b.Duoi, "lề dưới"),
		r("le.trai", b.Trai, "lề trái"),
		r("le.phai", b.Phai, "lề phải"),
	}
}

// Default returns the built-in ND30 profile. It panics only if the embedded
// profile itself is broken, which a test guards against.
func Default() *doc.Profile {
	p, err := Load(nil, "", nil)
	if err != nil {
		panic(err)
	}
	return p
}

// Load builds the profile from templates/nd30.yaml and applies the
// overrides o (which may be nil), whose positions index ix locates in file.
// Values outside ND30's ranges are errors naming file:line:col.
func Load(o *Overrides, file string, ix yamlx.Index) (*doc.Profile, error) {
	f, err := profileData()
	if err != nil {
		return nil, err
	}
	base := Overrides{CoChu: deref(f.CoChu), GianDong: deref(f.GianDong), CachDoan: deref(f.CachDoan),
		ThutDauDong: deref(f.ThutDauDong), KieuDau: deref(f.KieuDau), Le: f.Le}
	var errs diag.List
	check := func(src string, pos diag.Pos, ov Overrides) {
		add := func(key string, msg string) {
			p := pos
			if ix != nil && src == file {
				p = ix.Lookup(key)
			}
			errs = append(errs, &diag.Diagnostic{File: src, Pos: p, Msg: msg})
		}
		prefix := ""
		if src == file {
			prefix = "trinh_bay."
		}
		if ov.CoChu != 0 && !LimitOf("co_chu").Allows(ov.CoChu) {
			add(prefix+"co_chu", fmt.Sprintf("cỡ chữ %s pt ngoài quy định; Nghị định 30 cho phép phần nội dung cỡ 13 hoặc 14.", num(ov.CoChu)))
		}
		if ov.GianDong != 0 && !LimitOf("gian_dong").Allows(ov.GianDong) {
			add(prefix+"gian_dong", fmt.Sprintf("giãn dòng %s ngoài quy định; hãy chọn từ 1,0 (dòng đơn) đến 1,5 dòng.", num(ov.GianDong)))
		}
		if ov.CachDoan != 0 && !LimitOf("cach_doan").Allows(ov.CachDoan) {
			add(prefix+"cach_doan", fmt.Sprintf("khoảng cách giữa các đoạn %s pt ngoài quy định; tối thiểu 6 pt (và không quá 24 pt).", num(ov.CachDoan)))
		}
		if ov.ThutDauDong != 0 && !LimitOf("thut_dau_dong").Allows(ov.ThutDauDong) {
			add(prefix+"thut_dau_dong", fmt.Sprintf("thụt đầu dòng %s mm ngoài quy định; hãy chọn 10 mm (1 cm) hoặc 12,7 mm (1,27 cm).", num(ov.ThutDauDong)))
		}
		if ov.KieuDau != "" && !slices.Contains(ToneStyles, ov.KieuDau) {
			add(prefix+"kieu_dau", fmt.Sprintf("kiểu đặt dấu “%s” không có; hãy chọn “cu” (hòa, thủy) hoặc “moi” (hoà, thuỷ).", ov.KieuDau))
		}
		if b := ov.Le; b != nil {
			for _, r := range marginRanges(*b) {
				if r.v != 0 && (r.v < r.lo || r.v > r.hi) {
					add(prefix+r.key, fmt.Sprintf("%s %s mm ngoài quy định; Nghị định 30 cho phép từ %s đến %s mm.", r.name, num(r.v), num(r.lo), num(r.hi)))
				}
			}
		}
	}
	check("templates/"+ProfileFile, diag.Pos{}, base)
	if o != nil {
		check(file, o.Pos, *o)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	eff := base
	if o != nil {
		if o.CoChu != 0 {
			eff.CoChu = o.CoChu
		}
		if o.GianDong != 0 {
			eff.GianDong = o.GianDong
		}
		if o.CachDoan != 0 {
			eff.CachDoan = o.CachDoan
		}
		if o.ThutDauDong != 0 {
			eff.ThutDauDong = o.ThutDauDong
		}
		if o.KieuDau != "" {
			eff.KieuDau = o.KieuDau
		}
		if o.Le != nil {
			m := *eff.Le
			for _, kv := range []struct{ dst, src *float64 }{{&m.Tren, &o.Le.Tren}, {&m.Duoi, &o.Le.Duoi}, {&m.Trai, &o.Le.Trai}, {&m.Phai, &o.Le.Phai}} {
				if *kv.src != 0 {
					*kv.dst = *kv.src
				}
			}
			eff.Le = &m
		}
	}
	return build(f, eff)
}

// profileData decodes templates/nd30.yaml of the templates source in use,
// once per source; callers only read it.
func profileData() (*profileFile, error) {
	return templates.Parsed(ProfileFile, func(path string, data []byte) (*profileFile, error) {
		f := &profileFile{}
		if _, errs := yamlx.Decode(path, data, f); len(errs) > 0 {
			return nil, errs
		}
		return f, nil
	})
}

// profileFile is the decoded templates/nd30.yaml.
type profileFile struct {
	PhongChu string  `yaml:"phong_chu,required"`
	KhoGiay  Paper   `yaml:"kho_giay"`
	LeNgang  Box     `yaml:"le_ngang"`
	LeOBang  Box     `yaml:"le_o_bang,required"`
	DauTrang float64 `yaml:"dau_trang"`
	// DuoiDuongKe is the least white space under a rule, pt.
	DuoiDuongKe *float64 `yaml:"duoi_duong_ke,required"`
	Kieu        []Kieu   `yaml:"kieu,required"`
	// The values a commune may override.
	CoChu       *float64 `yaml:"co_chu,required"`
	GianDong    *float64 `yaml:"gian_dong,required"`
	CachDoan    *float64 `yaml:"cach_doan,required"`
	ThutDauDong *float64 `yaml:"thut_dau_dong,required"`
	KieuDau     *string  `yaml:"kieu_dau,required"`
	Le          *Box     `yaml:"le,required"`
}

func build(f *profileFile, eff Overrides) (*doc.Profile, error) {
	page := doc.PageSetup{
		Width: f.KhoGiay.Rong, Height: f.KhoGiay.Cao,
		Margins:  doc.Margins{Top: eff.Le.Tren, Bottom: eff.Le.Duoi, Left: eff.Le.Trai, Right: eff.Le.Phai},
		HeaderMM: f.DauTrang,
	}
	var errs diag.List
	land := page
	land.Landscape = true
	land.Margins = doc.Margins{Top: f.LeNgang.Tren, Bottom: f.LeNgang.Duoi, Left: f.LeNgang.Trai, Right: f.LeNgang.Phai}
	// The landscape annex pages keep ND30's margins (nd30.md §1.1; the
	// decree's own landscape sample: left 30, right 15, top 20).
	for _, r := range marginRanges(f.LeNgang) {
		if r.v < r.lo || r.v > r.hi {
			errs = append(errs, &diag.Diagnostic{File: "templates/" + ProfileFile, Msg: fmt.Sprintf("le_ngang: %s %s mm ngoài quy định; Nghị định 30 cho phép từ %s đến %s mm.", r.name, num(r.v), num(r.lo), num(r.hi))})
		}
	}
	pad := doc.Margins{Top: f.LeOBang.Tren, Bottom: f.LeOBang.Duoi, Left: f.LeOBang.Trai, Right: f.LeOBang.Phai}
	p := &doc.Profile{FontFamily: f.PhongChu, Page: page, Landscape: land, CellPad: pad, Styles: map[doc.StyleName]doc.ParagraphStyle{}, ToneStyle: eff.KieuDau}
	for _, r := range []struct {
		v      float64
		lo, hi float64
		name   string
	}{
		{pad.Top, MinCellPadY, 5, "lề trên"}, {pad.Bottom, MinCellPadY, 5, "lề dưới"},
		{pad.Left, 0.5, 5, "lề trái"}, {pad.Right, 0.5, 5, "lề phải"},
	} {
		if r.v < r.lo || r.v > r.hi {
			errs = append(errs, &diag.Diagnostic{File: "templates/" + ProfileFile, Msg: fmt.Sprintf("le_o_bang: %s trong ô bảng %s mm ngoài khoảng %s–%s mm (trên, dưới từ %s mm để dấu không chạm đường kẻ).", r.name, num(r.v), num(r.lo), num(r.hi), num(MinCellPadY))})
		}
	}
	p.RuleSpaceBelow = deref(f.DuoiDuongKe)
	if v := p.RuleSpaceBelow; v < 6 || v > 24 {
		errs = append(errs, &diag.Diagnostic{File: "templates/" + ProfileFile, Msg: fmt.Sprintf("khoảng trắng dưới đường kẻ (duoi_duong_ke) %s pt ngoài khoảng cho phép; hãy chọn từ 6 đến 24 pt.", num(v))})
	}
	for _, k := range f.Kieu {
		al, ok := aligns[k.Canh]
		if !ok {
			errs = append(errs, &diag.Diagnostic{File: "templates/" + ProfileFile, Pos: k.Pos, Msg: fmt.Sprintf("kiểu “%s”: canh “%s” không có; hãy dùng trai, giua, phai hoặc deu.", k.Ten, k.Canh)})
		}
		s := doc.ParagraphStyle{
			Size: k.Co, Bold: k.Dam, Italic: k.Nghieng, Align: al,
			SpaceBefore: k.Truoc, SpaceAfter: k.Sau, LineSpacing: eff.GianDong, KeepNext: k.GiuVoiSau,
		}
		if s.Size == 0 {
			s.Size = eff.CoChu
		}
		if k.Thut {
			s.FirstIndent = eff.ThutDauDong
		}
		if s.SpaceAfter == 6 && k.Co == 0 {
			s.SpaceAfter = eff.CachDoan
		}
		if s.Align != doc.AlignJustify {
			s.LineSpacing = 1 // header, table and signature lines are single-spaced
		}
		p.Styles[doc.StyleName(k.Ten)] = s
	}
	for _, n := range doc.AllStyles {
		if _, ok := p.Styles[n]; !ok {
			errs = append(errs, &diag.Diagnostic{File: "templates/" + ProfileFile, Msg: fmt.Sprintf("thiếu kiểu “%s” trong mục kieu; hãy thêm kiểu này.", n)})
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return p, nil
}

var aligns = map[string]doc.Align{"trai": doc.AlignLeft, "giua": doc.AlignCenter, "phai": doc.AlignRight, "deu": doc.AlignJustify}

func num(f float64) string {
	if f == math.Trunc(f) {
		return fmt.Sprintf("%.0f", f)
	}
	s := fmt.Sprintf("%g", f)
	out := []byte(s)
	for i := range out {
		if out[i] == '.' {
			out[i] = ','
		}
	}
	return string(out)
}

func deref[T any](p *T) T {
	var z T
	if p == nil {
		return z
	}
	return *p
}
