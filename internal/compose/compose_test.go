package compose

import (
	"strings"
	"testing"
	"time"

	"kehoach/internal/doc"
	"kehoach/internal/fonts"
	"kehoach/internal/layout"
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
	sheets, _, err := Annexes(res.Plan, plantest.Profile(t, res), layout.Bundled())
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2025, 3, 4, 5, 6, 7, 0, time.UTC)
	for _, c := range []struct {
		o    Options
		want time.Time
	}{
		{Options{Measure: layout.Bundled()}, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)},
		{Options{SourceDate: &at, Measure: layout.Bundled()}, at},
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
	a, _, err := Annexes(res.Plan, plantest.Profile(t, res), layout.Bundled())
	if err != nil {
		t.Fatal(err)
	}
	mw, err := layout.NewMeasurer(wide)
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := Annexes(res.Plan, plantest.Profile(t, res), mw)
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

// tall is the bundled measurer with twice its line height.
type tall struct{ *layout.Measurer }

func (m tall) LineMetrics() (float64, float64) {
	line, ascent := m.Measurer.LineMetrics()
	return 2 * line, ascent
}

// headerSpacers are the heights of the spacers that level the two
// baselines of the header (“Số: …” and the place and date).
func headerSpacers(t *testing.T, d *doc.Document) []float64 {
	t.Helper()
	for _, b := range d.Sections[0].Blocks {
		if c, ok := b.(*doc.Columns); ok {
			var hs []float64
			for _, col := range c.Cols {
				for _, b := range col {
					if s, ok := b.(*doc.Spacer); ok {
						hs = append(hs, s.Height)
					}
				}
			}
			return hs
		}
	}
	t.Fatal("no header columns")
	return nil
}

// The header's baselines are levelled with the measurer's line metrics
// (#16: compose had its own copy of Times New Roman's), and a composer
// without a measurer is refused.
func TestHeaderUsesTheMeasurersMetrics(t *testing.T) {
	res := load2025(t)
	prof := plantest.Profile(t, res)
	d, err := Compose(res.Plan, prof, layout.Bundled())
	if err != nil {
		t.Fatal(err)
	}
	d2, err := Compose(res.Plan, prof, tall{layout.Bundled()})
	if err != nil {
		t.Fatal(err)
	}
	a, b := headerSpacers(t, d), headerSpacers(t, d2)
	if len(a) != 1 || len(b) != 1 || b[0] <= a[0] {
		t.Errorf("spacers %v with the bundled metrics, %v with twice the line height; want one, taller", a, b)
	}
	if _, err := ComposeWith(res.Plan, prof, nil, Options{}); err == nil || !strings.Contains(err.Error(), "no measurer") {
		t.Errorf("ComposeWith without a measurer: %v", err)
	}
}
