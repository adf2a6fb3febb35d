package nd30

import (
	"strings"
	"testing"

	"kehoach/internal/diag"
	"kehoach/internal/yamlx"
)

func noPos(string) diag.Pos { return diag.Pos{} }

func TestCheck(t *testing.T) {
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
			errs := Check(tc.o, "xa.yaml", func(key string) diag.Pos { return ix.Lookup("trinh_bay." + key) })
			got := ""
			if len(errs) > 0 {
				got = strings.TrimSpace(errs.Error())
			}
			if got != tc.want {
				t.Errorf("error = %q\nwant    %q", got, tc.want)
			}
		})
	}
}

// Every limit of the table is what Check enforces and what its message
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
		ok, names := []float64{l.Min, l.Max}, []string{Num(l.Min), Num(l.Max)}
		bad := l.Min - 0.5
		if l.Values != nil {
			ok, names, bad = l.Values, nil, l.Values[0]-0.5
			for _, v := range l.Values {
				names = append(names, Num(v))
			}
		}
		for _, v := range ok {
			if err := Check(*set(l.Key, v), "xa.yaml", noPos); err != nil {
				t.Errorf("%s = %v refused: %v", l.Key, v, err)
			}
		}
		err := Check(*set(l.Key, bad), "xa.yaml", noPos)
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

func TestNum(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{{14, "14"}, {12.7, "12,7"}, {1.5, "1,5"}, {0, "0"}} {
		if got := Num(c.v); got != c.want {
			t.Errorf("Num(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}
