// Package style loads the ND30 style profile (templates/nd30.yaml) into a
// doc.Profile, applies a commune's overrides and rejects values outside the
// ranges Nghị định 30/2020/NĐ-CP allows.
package style

import (
	"fmt"

	"kehoach/internal/diag"
	"kehoach/internal/doc"
	"kehoach/internal/nd30"
	"kehoach/internal/yamlx"
	"kehoach/templates"
)

// ProfileFile is the profile's name inside the templates folder.
const ProfileFile = "nd30.yaml"

// MinCellPadY is the least top and bottom padding of a table cell, mm: less
// and the stacked diacritics of a capital (Ấ, Ỗ) or the descenders touch
// the borders.
const MinCellPadY = 1.0

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

// Default returns the built-in ND30 profile. It panics only if the embedded
// profile itself is broken, which a test guards against.
func Default() *doc.Profile {
	p, err := Load(nil)
	if err != nil {
		panic(err)
	}
	return p
}

// Load builds the profile from templates/nd30.yaml and applies the
// overrides o (which may be nil) of a commune file, which the plan loader
// has checked (nd30.Check). Values of the profile itself outside ND30's
// ranges are errors of templates/nd30.yaml.
func Load(o *nd30.Overrides) (*doc.Profile, error) {
	f, err := profileData()
	if err != nil {
		return nil, err
	}
	base := nd30.Overrides{CoChu: deref(f.CoChu), GianDong: deref(f.GianDong), CachDoan: deref(f.CachDoan),
		ThutDauDong: deref(f.ThutDauDong), KieuDau: deref(f.KieuDau), Le: f.Le}
	// The profile's own values; the commune's were checked by the plan
	// loader (nd30.Check).
	if errs := nd30.Check(base, "templates/"+ProfileFile, func(string) diag.Pos { return diag.Pos{} }); len(errs) > 0 {
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
	return templates.ParsedOr(ProfileFile, snapshot, parseProfile)
}

// parseProfile decodes templates/nd30.yaml.
func parseProfile(path string, data []byte) (*profileFile, error) {
	f := &profileFile{}
	if _, errs := yamlx.Decode(path, data, f); len(errs) > 0 {
		return nil, errs
	}
	return f, nil
}

// profileFile is the decoded templates/nd30.yaml.
type profileFile struct {
	PhongChu string   `yaml:"phong_chu,required"`
	KhoGiay  Paper    `yaml:"kho_giay"`
	LeNgang  nd30.Box `yaml:"le_ngang"`
	LeOBang  nd30.Box `yaml:"le_o_bang,required"`
	DauTrang float64  `yaml:"dau_trang"`
	// DuoiDuongKe is the least white space under a rule, pt.
	DuoiDuongKe *float64 `yaml:"duoi_duong_ke,required"`
	Kieu        []Kieu   `yaml:"kieu,required"`
	// The values a commune may override.
	CoChu       *float64  `yaml:"co_chu,required"`
	GianDong    *float64  `yaml:"gian_dong,required"`
	CachDoan    *float64  `yaml:"cach_doan,required"`
	ThutDauDong *float64  `yaml:"thut_dau_dong,required"`
	KieuDau     *string   `yaml:"kieu_dau,required"`
	Le          *nd30.Box `yaml:"le,required"`
}

func build(f *profileFile, eff nd30.Overrides) (*doc.Profile, error) {
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
	for _, r := range nd30.Margins(f.LeNgang) {
		if r.V < r.Lo || r.V > r.Hi {
			errs = append(errs, &diag.Diagnostic{File: "templates/" + ProfileFile, Msg: fmt.Sprintf("le_ngang: %s %s mm ngoài quy định; Nghị định 30 cho phép từ %s đến %s mm.", r.Name, nd30.Num(r.V), nd30.Num(r.Lo), nd30.Num(r.Hi))})
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
			errs = append(errs, &diag.Diagnostic{File: "templates/" + ProfileFile, Msg: fmt.Sprintf("le_o_bang: %s trong ô bảng %s mm ngoài khoảng %s–%s mm (trên, dưới từ %s mm để dấu không chạm đường kẻ).", r.name, nd30.Num(r.v), nd30.Num(r.lo), nd30.Num(r.hi), nd30.Num(MinCellPadY))})
		}
	}
	p.RuleSpaceBelow = deref(f.DuoiDuongKe)
	if v := p.RuleSpaceBelow; v < 6 || v > 24 {
		errs = append(errs, &diag.Diagnostic{File: "templates/" + ProfileFile, Msg: fmt.Sprintf("khoảng trắng dưới đường kẻ (duoi_duong_ke) %s pt ngoài khoảng cho phép; hãy chọn từ 6 đến 24 pt.", nd30.Num(v))})
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

func deref[T any](p *T) T {
	var z T
	if p == nil {
		return z
	}
	return *p
}
