package style

import (
	"strings"
	"testing"

	"kehoach/internal/doc"
	"kehoach/internal/nd30"
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

// A commune's overrides (checked by the plan loader, nd30.Check) are
// applied to the profile.
func TestOverrides(t *testing.T) {
	tests := []struct {
		name string
		o    nd30.Overrides
		body float64 // the body style's size
		left float64 // the portrait page's left margin
	}{
		{"none", nd30.Overrides{}, 14, 30},
		{"body 13", nd30.Overrides{CoChu: 13}, 13, 30},
		{"margins in range", nd30.Overrides{Le: &nd30.Box{Tren: 25, Duoi: 25, Trai: 35, Phai: 20}}, 14, 35},
		{"left only", nd30.Overrides{Le: &nd30.Box{Trai: 32}}, 14, 32},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Load(&tc.o)
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if got := p.Style(doc.StyleBody).Size; got != tc.body {
				t.Errorf("body size = %v, want %v", got, tc.body)
			}
			if got := p.Page.Margins.Left; got != tc.left {
				t.Errorf("left margin = %v, want %v", got, tc.left)
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
	base := nd30.Overrides{CoChu: *f.CoChu, GianDong: *f.GianDong, CachDoan: *f.CachDoan, ThutDauDong: *f.ThutDauDong, KieuDau: *f.KieuDau, Le: f.Le}
	bad := *f
	bad.LeOBang = nd30.Box{Tren: 0.5, Duoi: 1, Trai: 1.9, Phai: 9}
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
	base := nd30.Overrides{CoChu: *f.CoChu, GianDong: *f.GianDong, CachDoan: *f.CachDoan, ThutDauDong: *f.ThutDauDong, KieuDau: *f.KieuDau, Le: f.Le}
	bad := *f
	bad.LeNgang = nd30.Box{Tren: 20, Duoi: 20, Trai: 20, Phai: 20}
	_, err = build(&bad, base)
	if err == nil || !strings.Contains(err.Error(), "le_ngang: lề trái 20 mm ngoài quy định; Nghị định 30 cho phép từ 30 đến 35 mm.") {
		t.Errorf("le_ngang 20/20/20/20: %v", err)
	}
}
