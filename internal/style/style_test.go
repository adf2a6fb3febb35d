package style

import (
	"strings"
	"testing"

	"kehoach/internal/doc"
	"kehoach/internal/yamlx"
)

func TestDefaultProfile(t *testing.T) {
	p := Default()
	if p.FontFamily != "Times New Roman" {
		t.Errorf("font = %q", p.FontFamily)
	}
	if got := p.Page.TextWidth(); got != 165 {
		t.Errorf("text width = %v mm, want 165", got)
	}
	body := p.Style(doc.StyleBody)
	if body.Size != 14 || body.Align != doc.AlignJustify || body.FirstIndent != 10 || body.SpaceAfter != 6 {
		t.Errorf("body style = %+v", body)
	}
	if r := p.Style(doc.StyleRecipTitle); r.Size != 12 || !r.Bold || !r.Italic {
		t.Errorf("Nơi nhận title = %+v, want 12 pt bold italic", r)
	}
	if r := p.Style(doc.StyleRecipItem); r.Size != 11 {
		t.Errorf("Nơi nhận item size = %v, want 11", r.Size)
	}
	if p.RuleSpaceBelow != 6 {
		t.Errorf("space below a rule = %v pt, want 6 (templates/nd30.yaml duoi_duong_ke)", p.RuleSpaceBelow)
	}
	if w, h := p.Landscape.Size(); w != 297 || h != 210 {
		t.Errorf("landscape = %v×%v", w, h)
	}
}

func TestOverrides(t *testing.T) {
	ix := yamlx.Index{
		"trinh_bay.co_chu": {Line: 3, Col: 11}, "trinh_bay.le.trai": {Line: 5, Col: 11},
		"trinh_bay.gian_dong": {Line: 4, Col: 14}, "trinh_bay.thut_dau_dong": {Line: 6, Col: 18},
		"trinh_bay.cach_doan": {Line: 7, Col: 14}, "trinh_bay.kieu_dau": {Line: 8, Col: 13},
	}
	tests := []struct {
		name string
		o    Overrides
		want string // "" = accepted
	}{
		{"body 13", Overrides{CoChu: 13}, ""},
		{"margins in range", Overrides{Le: &Box{Tren: 25, Duoi: 25, Trai: 35, Phai: 20}}, ""},
		{"body 12", Overrides{CoChu: 12}, "xa.yaml:3:11: cỡ chữ 12 pt ngoài quy định; Nghị định 30 cho phép phần nội dung cỡ 13 hoặc 14."},
		{"left 25", Overrides{Le: &Box{Trai: 25}}, "xa.yaml:5:11: lề trái 25 mm ngoài quy định; Nghị định 30 cho phép từ 30 đến 35 mm."},
		{"line 2", Overrides{GianDong: 2}, "xa.yaml:4:14: giãn dòng 2 ngoài quy định; hãy chọn từ 1,0 (dòng đơn) đến 1,5 dòng."},
		{"indent 15", Overrides{ThutDauDong: 15}, "xa.yaml:6:18: thụt đầu dòng 15 mm ngoài quy định; hãy chọn 10 mm (1 cm) hoặc 12,7 mm (1,27 cm)."},
		{"spacing 3", Overrides{CachDoan: 3}, "xa.yaml:7:14: khoảng cách giữa các đoạn 3 pt ngoài quy định; tối thiểu 6 pt (và không quá 24 pt)."},
		{"tone", Overrides{KieuDau: "xyz"}, "xa.yaml:8:13: kiểu đặt dấu “xyz” không có; hãy chọn “cu” (hòa, thủy) hoặc “moi” (hoà, thuỷ)."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Load(&tc.o, "xa.yaml", ix)
			if tc.want == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				if tc.o.CoChu != 0 && p.Style(doc.StyleBody).Size != tc.o.CoChu {
					t.Errorf("body size not applied")
				}
				if tc.o.Le != nil && p.Page.Margins.Left != tc.o.Le.Trai {
					t.Errorf("left margin not applied: %v", p.Page.Margins.Left)
				}
				return
			}
			if err == nil || strings.TrimSpace(err.Error()) != tc.want {
				t.Errorf("error = %v\nwant    %s", err, tc.want)
			}
		})
	}
}

// The cell padding comes from templates/nd30.yaml (le_o_bang); top and
// bottom under MinCellPadY, or an absurd side, is refused.
func TestCellPadding(t *testing.T) {
	if got, want := Default().CellPad, (doc.Margins{Top: 1, Bottom: 1, Left: 1.9, Right: 1.9}); got != want {
		t.Errorf("cell padding %+v, want %+v", got, want)
	}
	f, err := profileData()
	if err != nil {
		t.Fatal(err)
	}
	base := Overrides{CoChu: *f.CoChu, GianDong: *f.GianDong, CachDoan: *f.CachDoan, ThutDauDong: *f.ThutDauDong, KieuDau: *f.KieuDau, Le: f.Le}
	bad := *f
	bad.LeOBang = Box{Tren: 0.5, Duoi: 1, Trai: 1.9, Phai: 9}
	_, err = build(&bad, base)
	if err == nil {
		t.Fatal("padding 0,5 mm top and 9 mm right accepted")
	}
	for _, want := range []string{"le_o_bang: lề trên trong ô bảng 0,5 mm ngoài khoảng 1–5 mm", "le_o_bang: lề phải trong ô bảng 9 mm ngoài khoảng 0,5–5 mm"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

// The landscape annex pages keep ND30's margins: templates/nd30.yaml
// le_ngang is top 20, bottom 20, left 30, right 15 mm (text 252 mm wide),
// and a value outside ND30's ranges is refused.
func TestLandscapeMargins(t *testing.T) {
	p := Default()
	if got, want := p.Landscape.Margins, (doc.Margins{Top: 20, Bottom: 20, Left: 30, Right: 15}); got != want {
		t.Errorf("landscape margins %+v, want %+v", got, want)
	}
	if got := p.Landscape.TextWidth(); got != 252 {
		t.Errorf("landscape text width %v mm, want 297 − 30 − 15 = 252", got)
	}
	f, err := profileData()
	if err != nil {
		t.Fatal(err)
	}
	base := Overrides{CoChu: *f.CoChu, GianDong: *f.GianDong, CachDoan: *f.CachDoan, ThutDauDong: *f.ThutDauDong, KieuDau: *f.KieuDau, Le: f.Le}
	bad := *f
	bad.LeNgang = Box{Tren: 20, Duoi: 20, Trai: 20, Phai: 20}
	_, err = build(&bad, base)
	if err == nil || !strings.Contains(err.Error(), "le_ngang: lề trái 20 mm ngoài quy định; Nghị định 30 cho phép từ 30 đến 35 mm.") {
		t.Errorf("le_ngang 20/20/20/20: %v", err)
	}
}

// Every limit of the table is what Load enforces and what its message
// says (#16: the ND30 ranges in one place): the bounds are accepted, a
// value just outside is refused with a message naming the bounds.
func TestLimitsTable(t *testing.T) {
	set := func(key string, v float64) *Overrides {
		o := &Overrides{}
		switch key {
		case "co_chu":
			o.CoChu = v
		case "gian_dong":
			o.GianDong = v
		case "cach_doan":
			o.CachDoan = v
		case "thut_dau_dong":
			o.ThutDauDong = v
		case "le.tren":
			o.Le = &Box{Tren: v}
		case "le.duoi":
			o.Le = &Box{Duoi: v}
		case "le.trai":
			o.Le = &Box{Trai: v}
		case "le.phai":
			o.Le = &Box{Phai: v}
		default:
			t.Fatalf("limit %s has no test setter", key)
		}
		return o
	}
	for _, l := range Limits {
		ok, names := []float64{l.Min, l.Max}, []string{num(l.Min), num(l.Max)}
		bad := l.Min - 0.5
		if l.Values != nil {
			ok, names, bad = l.Values, nil, l.Values[0]-0.5
			for _, v := range l.Values {
				names = append(names, num(v))
			}
		}
		for _, v := range ok {
			if _, err := Load(set(l.Key, v), "xa.yaml", nil); err != nil {
				t.Errorf("%s = %v refused: %v", l.Key, v, err)
			}
		}
		_, err := Load(set(l.Key, bad), "xa.yaml", nil)
		if err == nil {
			t.Errorf("%s = %v accepted", l.Key, bad)
			continue
		}
		for _, n := range names {
			if !strings.Contains(err.Error(), n) {
				t.Errorf("%s: the message %q does not say %s", l.Key, err, n)
			}
		}
	}
}
