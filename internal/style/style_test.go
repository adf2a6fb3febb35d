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
