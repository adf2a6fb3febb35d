// Package nd30 holds the layout values a commune may choose in the
// trinh_bay section of its commune file, and the ranges Nghị định
// 30/2020/NĐ-CP allows for them. It is data: the plan loader decodes
// Overrides, package style applies them to the profile, and the JSON Schema
// is generated from Limits.
package nd30

import (
	"fmt"
	"math"
	"slices"

	"kehoach/internal/diag"
)

// Box is a set of four margins in mm.
type Box struct {
	Tren float64 `yaml:"tren"`
	Duoi float64 `yaml:"duoi"`
	Trai float64 `yaml:"trai"`
	Phai float64 `yaml:"phai"`
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

// Limit is what Nghị định 30 allows for one layout setting of trinh_bay:
// a range (Min–Max) or, when Values is set, a list of values. Limits is
// the one table of them: style.Load checks against it and the JSON Schema
// is generated from it.
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

// ToneStyles are the values of kieu_dau: "cu" (hòa, thủy) and "moi" (hoà,
// thuỷ).
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

// Margin is one margin of a Box with the range ND30 allows it.
type Margin struct {
	Key    string // under trinh_bay: "le.tren"
	V      float64
	Lo, Hi float64
	Name   string // in Vietnamese: "lề trên"
}

// Margins are the margins of b with their limits.
func Margins(b Box) []Margin {
	r := func(key string, v float64, name string) Margin {
		l := LimitOf(key)
		return Margin{key, v, l.Min, l.Max, name}
	}
	return []Margin{
		r("le.tren", b.Tren, "lề trên"),
		r("le.duoi", b.Duoi, "lề dưới"),
		r("le.trai", b.Trai, "lề trái"),
		r("le.phai", b.Phai, "lề phải"),
	}
}

// Check reports the values of o outside ND30's ranges as errors of file,
// each at the place at gives for its key ("co_chu", "le.tren"). Zero
// values are not set and not checked.
func Check(o Overrides, file string, at func(key string) diag.Pos) diag.List {
	var errs diag.List
	add := func(key string, msg string) {
		errs = append(errs, &diag.Diagnostic{File: file, Pos: at(key), Msg: msg})
	}
	if o.CoChu != 0 && !LimitOf("co_chu").Allows(o.CoChu) {
		add("co_chu", fmt.Sprintf("cỡ chữ %s pt ngoài quy định; Nghị định 30 cho phép phần nội dung cỡ 13 hoặc 14.", Num(o.CoChu)))
	}
	if o.GianDong != 0 && !LimitOf("gian_dong").Allows(o.GianDong) {
		add("gian_dong", fmt.Sprintf("giãn dòng %s ngoài quy định; hãy chọn từ 1,0 (dòng đơn) đến 1,5 dòng.", Num(o.GianDong)))
	}
	if o.CachDoan != 0 && !LimitOf("cach_doan").Allows(o.CachDoan) {
		add("cach_doan", fmt.Sprintf("khoảng cách giữa các đoạn %s pt ngoài quy định; tối thiểu 6 pt (và không quá 24 pt).", Num(o.CachDoan)))
	}
	if o.ThutDauDong != 0 && !LimitOf("thut_dau_dong").Allows(o.ThutDauDong) {
		add("thut_dau_dong", fmt.Sprintf("thụt đầu dòng %s mm ngoài quy định; hãy chọn 10 mm (1 cm) hoặc 12,7 mm (1,27 cm).", Num(o.ThutDauDong)))
	}
	if o.KieuDau != "" && !slices.Contains(ToneStyles, o.KieuDau) {
		add("kieu_dau", fmt.Sprintf("kiểu đặt dấu “%s” không có; hãy chọn “cu” (hòa, thủy) hoặc “moi” (hoà, thuỷ).", o.KieuDau))
	}
	if b := o.Le; b != nil {
		for _, m := range Margins(*b) {
			if m.V != 0 && (m.V < m.Lo || m.V > m.Hi) {
				add(m.Key, fmt.Sprintf("%s %s mm ngoài quy định; Nghị định 30 cho phép từ %s đến %s mm.", m.Name, Num(m.V), Num(m.Lo), Num(m.Hi)))
			}
		}
	}
	return errs
}

// Num writes a setting's value as the messages do: whole numbers without
// decimals, others with a decimal comma (12,7).
func Num(f float64) string {
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
