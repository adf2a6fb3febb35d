package build

import (
	"bytes"
	"testing"

	"kehoach/internal/compose"
	"kehoach/internal/fonts"
	"kehoach/internal/layout"
	"kehoach/internal/plan"
	"kehoach/internal/plan/plantest"
	"kehoach/internal/render/docx"
	"kehoach/internal/render/pdf"
)

// Per-stage benchmarks for the 2025 plan (make bench): load and validate,
// compose, DOCX, PDF. Output size is reported as bytes/doc.

func BenchmarkLoad2025(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if res, err := plan.Load(plan2025); err != nil || !res.OK() {
			b.Fatal(err)
		}
	}
}

func loaded(b *testing.B) *plan.Result {
	res, err := plan.Load(plan2025)
	if err != nil || !res.OK() {
		b.Fatal(err)
	}
	return res
}

func BenchmarkCompose2025(b *testing.B) {
	res := loaded(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := compose.Compose(res.Plan, plantest.Profile(b, res), layout.Bundled()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDOCX2025(b *testing.B) {
	res := loaded(b)
	d, err := compose.Compose(res.Plan, plantest.Profile(b, res), layout.Bundled())
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := docx.Write(&buf, d, plantest.Profile(b, res)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/doc")
}

func BenchmarkPDF2025(b *testing.B) {
	res := loaded(b)
	d, err := compose.Compose(res.Plan, plantest.Profile(b, res), layout.Bundled())
	if err != nil {
		b.Fatal(err)
	}
	f := fonts.Bundled()
	w := pdf.NewWriter() // as in a build run: the faces are parsed once
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := w.Write(&buf, d, plantest.Profile(b, res), f); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/doc")
}

func BenchmarkXLSX2025(b *testing.B) {
	res := loaded(b)
	date := compose.DocDate(res.Plan, nil)
	prof := plantest.Profile(b, res)
	sheets, _, err := compose.Annexes(res.Plan, prof, layout.Bundled())
	if err != nil {
		b.Fatal(err)
	}
	var n int
	b.ReportAllocs()
	for b.Loop() {
		x, err := RenderAnnexes(sheets, prof, date)
		if err != nil {
			b.Fatal(err)
		}
		n = len(x)
	}
	b.ReportMetric(float64(n), "bytes/doc")
}
