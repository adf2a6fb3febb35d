package compose

import (
	"testing"
	"time"

	"kehoach/internal/fonts"
	"kehoach/internal/plan"
	"kehoach/internal/plan/plantest"
	"kehoach/internal/vn"
)

func TestIndicatorText(t *testing.T) {
	num := func(s string) plan.Number {
		d, err := vn.ParseDecimal(s)
		if err != nil {
			t.Fatal(err)
		}
		return plan.Number{Decimal: d, Set: true}
	}
	tests := []struct {
		ct   plan.ChiTieu
		want string
	}{
		{plan.ChiTieu{Ten: "Thu nhập bình quân đầu người đạt", SoSanh: plan.CmpGE, GiaTri: num("54"), DonVi: "triệu đồng/năm"}, "Thu nhập bình quân đầu người đạt ≥ 54 triệu đồng/năm"},
		{plan.ChiTieu{Ten: "Tỷ lệ hộ nghèo đa chiều", SoSanh: plan.CmpLE, GiaTri: num("11"), DonVi: "%"}, "Tỷ lệ hộ nghèo đa chiều ≤ 11%"},
		{plan.ChiTieu{Ten: "Tỷ lệ … (áp dụng đạt cho cả nam và nữ):", SoSanh: plan.CmpGE, GiaTri: num("60"), DonVi: "% dân số"}, "Tỷ lệ … (áp dụng đạt cho cả nam và nữ): ≥ 60% dân số"},
		{plan.ChiTieu{Ten: "Tỷ lệ thu gom đạt", SoSanh: plan.CmpEQ, GiaTri: num("100"), DonVi: "%"}, "Tỷ lệ thu gom đạt 100%"},
		{plan.ChiTieu{Ten: "Tỷ lệ lao động qua đào tạo", GiaTri: num("64.3"), DonVi: "%"}, "Tỷ lệ lao động qua đào tạo 64,3%"},
		{plan.ChiTieu{Ten: "Suy dinh dưỡng", SoSanh: plan.CmpLT, GiaTri: num("18.92"), DonVi: "%"}, "Suy dinh dưỡng < 18,92%"},
	}
	for _, tc := range tests {
		if got := IndicatorText(tc.ct); got != tc.want {
			t.Errorf("IndicatorText = %q, want %q", got, tc.want)
		}
	}
}

// The draft's document date is passed in (Options.SourceDate), not read
// from package state (#16): with it, the properties carry that date;
// without, 1 January of the plan year; an issued plan its issue date.
func TestSourceDateOption(t *testing.T) {
	res := load2025(t)
	sheets, _, err := Annexes(res.Plan, plantest.Profile(t, res))
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2025, 3, 4, 5, 6, 7, 0, time.UTC)
	for _, c := range []struct {
		o    Options
		want time.Time
	}{
		{Options{}, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)},
		{Options{SourceDate: &at}, at},
	} {
		d, err := ComposeWith(res.Plan, plantest.Profile(t, res), sheets, c.o)
		if err != nil {
			t.Fatal(err)
		}
		if !d.Meta.Date.Equal(c.want) {
			t.Errorf("date %v, want %v", d.Meta.Date, c.want)
		}
	}
}

// The composer measures with the font the document is set in (#16: it
// used the bundled font even when build -phong chose another): a family
// whose regular face is the bold one fits some annex column wider.
func TestAnnexesMeasureTheChosenFont(t *testing.T) {
	res := load2025(t)
	bold := "../fonts/LiberationSerif-Bold.ttf"
	wide, err := fonts.LoadFiles("Rộng", [4]string{bold, bold, bold, bold})
	if err != nil {
		t.Fatal(err)
	}
	a, _, err := AnnexesFor(res.Plan, plantest.Profile(t, res), nil)
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := AnnexesFor(res.Plan, plantest.Profile(t, res), wide)
	if err != nil {
		t.Fatal(err)
	}
	differ := false
	for i := range a {
		for k := range a[i].Columns {
			if a[i].Columns[k].Width != b[i].Columns[k].Width {
				differ = true
			}
		}
	}
	if !differ {
		t.Error("the annex columns are the same with a wider font")
	}
}
