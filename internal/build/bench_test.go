package build

import (
	"bytes"
	"testing"
	"time"

	"kehoach/internal/compose"
	"kehoach/internal/fonts"
	"kehoach/internal/layout"
	"kehoach/internal/plan"
	"kehoach/internal/plan/plantest"
	"kehoach/internal/render/docx"
	"kehoach/internal/render/pdf"
)

// Per-stage benchmarks for the 2025 plan (make bench): load and validate,
// compose, DOCX, PDF, XLSX, and the whole build. Output size is reported as
// bytes/doc, process CPU time as cpu-ms/op.

func BenchmarkLoad2025(b *testing.B) {
	b.ReportAllocs()
	cpu0 := processCPU()
	for b.Loop() {
		if res, err := plan.Load(plan2025); err != nil || !res.OK() {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu0)
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
	cpu0 := processCPU()
	for b.Loop() {
		if _, err := compose.Compose(res.Plan, plantest.Profile(b, res), layout.Bundled()); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu0)
}

func BenchmarkDOCX2025(b *testing.B) {
	res := loaded(b)
	d, err := compose.Compose(res.Plan, plantest.Profile(b, res), layout.Bundled())
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	b.ReportAllocs()
	cpu0 := processCPU()
	for b.Loop() {
		buf.Reset()
		if err := docx.Write(&buf, d, plantest.Profile(b, res)); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu0)
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
	cpu0 := processCPU()
	for b.Loop() {
		buf.Reset()
		if err := w.Write(&buf, d, plantest.Profile(b, res), f); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu0)
	b.ReportMetric(float64(buf.Len()), "bytes/doc")
}

// BenchmarkLayout2025 is the PDF's layout alone (lines, pages, words).
func BenchmarkLayout2025(b *testing.B) {
	res := loaded(b)
	d, err := compose.Compose(res.Plan, plantest.Profile(b, res), layout.Bundled())
	if err != nil {
		b.Fatal(err)
	}
	f := fonts.Bundled()
	prof := plantest.Profile(b, res)
	b.ReportAllocs()
	cpu0 := processCPU()
	for b.Loop() {
		if _, err := layout.Layout(d, prof, f); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu0)
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
	cpu0 := processCPU()
	for b.Loop() {
		x, err := RenderAnnexes(sheets, prof, date)
		if err != nil {
			b.Fatal(err)
		}
		n = len(x)
	}
	reportCPU(b, cpu0)
	b.ReportMetric(float64(n), "bytes/doc")
}

// BenchmarkPlanBuild2025 is one plan's whole build as kehoach build runs
// it: load, compose, DOCX, PDF and XLSX side by side, the three files
// written. cpu-ms/op is the process CPU time (user + system, every thread:
// the formats render in parallel, and the garbage collector works on other
// threads) per build, the figure the target of #21 is set in. The
// collector runs as for a build of many plans (SetGC: 400 %), since the
// loop is one; one plan alone collects nothing.
func BenchmarkPlanBuild2025(b *testing.B) {
	defer SetGC(2)()
	o := Options{OutDir: b.TempDir(), pdfw: pdf.NewWriter()}
	if r := Plan(plan2025, o); r.Err != nil || !r.Load.OK() { // warm: fonts, templates
		b.Fatal(r.Err)
	}
	b.ReportAllocs()
	cpu0 := processCPU()
	for b.Loop() {
		if r := Plan(plan2025, o); r.Err != nil {
			b.Fatal(r.Err)
		}
	}
	reportCPU(b, cpu0)
}

// reportCPU reports the process CPU time (user + system, every thread)
// per operation since cpu0 as cpu-ms/op: steadier than ns/op on a shared
// machine, and it counts the garbage collector's and the parallel
// renderers' work.
func reportCPU(b *testing.B, cpu0 time.Duration) {
	if cpu := processCPU() - cpu0; cpu > 0 && cpu0 > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
	}
}
