package build

import (
	"bytes"
	"encoding/xml"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"kehoach/internal/compose"
	"kehoach/internal/extract"
	"kehoach/internal/fonts"
	"kehoach/internal/layout"
	"kehoach/internal/plan/plantest"
	"kehoach/internal/render/pdf"
	"kehoach/internal/testkit"
	"kehoach/internal/testkit/pdfobj"
)

func readPDF(t *testing.T, path string) (*pdfobj.File, []byte) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := pdfobj.Parse(b)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return f, b
}

func faults(t *testing.T, what string, bad []string) {
	t.Helper()
	for _, b := range bad {
		t.Errorf("%s: %s", what, b)
	}
}

func built1(t *testing.T, path string, o Options) *Result {
	t.Helper()
	if o.OutDir == "" {
		o.OutDir = t.TempDir()
	}
	r := Plan(path, o)
	if r.Err != nil || !r.Load.OK() {
		t.Fatalf("%v %v", r.Err, r.Load.Errors)
	}
	return r
}

// The 2025 plan built with each PDF option:
//
//   - -luu-tru (PDF/A-2b) and -gan-the write the PDF under the paper
//     PDF's name, with the paper PDF's pages and text (kehoach text) and
//     no form; PDF/A-2b passes pdfobj.CheckArchive, both CheckTagged;
//   - -dien-tu alone is tagged and signing-ready, PDF 1.7, with no PDF/A
//     identification; with -luu-tru=1b it is PDF/A-1b too;
//   - every variant passes qpdf --check, and building twice gives the
//     same bytes;
//   - the structure tree of the electronic archival PDF is pinned in
//     testdata/muong-khoa-2025.tags.golden.
func TestArchiveBuild(t *testing.T) {
	plan := testkit.CopyPlan(t, t.TempDir(), "muong-khoa", "2025.yaml", nil)
	qpdf := testkit.Tool(t, "qpdf", "qpdf")
	pdfOnly := []string{"pdf"}
	paper := built1(t, plan, Options{Formats: pdfOnly})
	paperText, err := extract.Text(paper.Outputs[0].Path)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		o    Options
		// level is the PDF/A level, "" for none; sign: a signature field.
		level      string
		sign, same bool
	}{
		{"luu-tru", Options{Archive: Archive2B}, "2b", false, true},
		{"gan-the", Options{Tagged: true}, "", false, true},
		{"dien-tu", Options{Electronic: true}, "", true, false},
		{"dien-tu luu-tru=1b", Options{Electronic: true, Archive: Archive1B}, "1b", true, false},
		{"dien-tu luu-tru", Options{Electronic: true, Archive: Archive2B}, "2b", true, false},
		{"ban-trinh gan-the", Options{Review: true, Tagged: true}, "", false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.o.Formats = pdfOnly
			r := built1(t, plan, c.o)
			again := built1(t, plan, c.o)
			path := r.Outputs[0].Path
			f, b := readPDF(t, path)
			if _, b2 := readPDF(t, again.Outputs[0].Path); !bytes.Equal(b, b2) {
				t.Error("two builds differ")
			}
			faults(t, "tagged", pdfobj.CheckTagged(f))
			if c.level != "" {
				faults(t, "PDF/A-"+c.level, pdfobj.CheckArchive(f, c.level))
			} else {
				md, _ := f.Resolve(f.Catalog()["Metadata"]).(*pdfobj.Stream)
				if f.Version != "1.7" || md == nil || bytes.Contains(md.Raw, []byte("pdfaid:")) {
					t.Errorf("version %s, metadata %v: want PDF 1.7 with XMP and no PDF/A identification", f.Version, md != nil)
				}
			}
			fields, bad := pdfobj.SignFields(f)
			faults(t, "signature field", bad)
			if c.sign != (len(fields) == 1) || len(fields) > 1 {
				t.Errorf("%d signature fields, want sign = %v", len(fields), c.sign)
			}
			if c.same {
				if filepath.Base(path) != filepath.Base(paper.Outputs[0].Path) || r.Pages != paper.Pages {
					t.Errorf("%s with %d pages, paper %s with %d", filepath.Base(path), r.Pages, filepath.Base(paper.Outputs[0].Path), paper.Pages)
				}
				txt, err := extract.Text(path)
				if err != nil {
					t.Fatal(err)
				}
				if testkit.Words(txt) != testkit.Words(paperText) {
					t.Error("kehoach text of the PDF differs from the paper PDF's")
				}
			}
			if out, err := exec.Command(qpdf, "--check", path).CombinedOutput(); err != nil {
				t.Errorf("qpdf --check: %v\n%s", err, out)
			}
			if c.name == "dien-tu luu-tru" {
				tree, err := f.Tree()
				if err != nil {
					t.Fatal(err)
				}
				golden(t, "muong-khoa-2025.tags.golden", []byte(tree))
				sidecarMatchesXMP(t, plan, f)
				for _, want := range []string{"\n    H1 “I. MỤC TIÊU”\n", "\n        Lbl “-”\n        LBody “Duy trì", "\n        Form [OBJR Widget Sig ChuKySo]\n", "TH RowSpan=2 Scope=Column “TT”"} {
					if !strings.Contains(tree, want) {
						t.Errorf("structure tree lacks %q", want)
					}
				}
			}
		})
	}
}

// The pages of the archival and of the tagged PDF look as the paper
// PDF's do: pdftoppm at 50 dpi gives the same grey pixels, but for a few
// where a list marker, set apart as the item's label, shifts the glyphs
// after it by the rounding of its width (at most 0.01 pt).
func TestArchiveLooksSame(t *testing.T) {
	pdftoppm := testkit.Tool(t, "pdftoppm", "poppler-utils")
	plan := testkit.CopyPlan(t, t.TempDir(), "muong-khoa", "2025.yaml", nil)
	paper := built1(t, plan, Options{Formats: []string{"pdf"}})
	arch := built1(t, plan, Options{Formats: []string{"pdf"}, Archive: Archive2B})
	raster := func(path string) [][]byte {
		dir := t.TempDir()
		if out, err := exec.Command(pdftoppm, "-r", "50", "-gray", path, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v\n%s", err, out)
		}
		ms, _ := filepath.Glob(filepath.Join(dir, "p-*.pgm"))
		var out [][]byte
		for _, m := range ms {
			b, err := os.ReadFile(m)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, b)
		}
		return out
	}
	a, b := raster(paper.Outputs[0].Path), raster(arch.Outputs[0].Path)
	if len(a) != len(b) || len(a) != paper.Pages {
		t.Fatalf("%d and %d page images for %d pages", len(a), len(b), paper.Pages)
	}
	for i := range a {
		if len(a[i]) != len(b[i]) {
			t.Errorf("page %d: image sizes differ", i+1)
			continue
		}
		diff := 0
		for k := range a[i] {
			if d := int(a[i][k]) - int(b[i][k]); d > 64 || d < -64 {
				diff++
			}
		}
		if diff > len(a[i])/2000 {
			t.Errorf("page %d: %d of %d pixels differ", i+1, diff, len(a[i]))
		}
	}
}

// Every corpus plan (testdata/corpus/ and plans/) built electronic and
// PDF/A-2b passes pdfobj.CheckArchive and CheckTagged and qpdf --check,
// with as many pages and layout faults as on paper and its one signature
// field at the signature box of its signing room.
func TestCorpusArchive(t *testing.T) {
	qpdf := testkit.Tool(t, "qpdf", "qpdf")
	for _, path := range testkit.CorpusPlans(t) {
		t.Run(testkit.RelName(t, path), func(t *testing.T) {
			t.Parallel()
			paper := built1(t, path, Options{Formats: []string{"pdf"}})
			r := built1(t, path, Options{Formats: []string{"pdf"}, Electronic: true, Archive: Archive2B})
			if r.Pages != paper.Pages || len(r.Layout) != len(paper.Layout) {
				t.Errorf("%d pages, %d layout faults; paper %d, %d", r.Pages, len(r.Layout), paper.Pages, len(paper.Layout))
			}
			f, _ := readPDF(t, r.Outputs[0].Path)
			faults(t, "PDF/A-2b", pdfobj.CheckArchive(f, "2b"))
			faults(t, "tagged", pdfobj.CheckTagged(f))
			fields, bad := pdfobj.SignFields(f)
			faults(t, "signature field", bad)
			_, pages := electronicPages(t, path)
			var box []float64
			for i, pg := range pages {
				for _, a := range pg.Areas {
					if a.Kind == layout.AreaSignature {
						k := 72 / 25.4
						box = []float64{float64(i), a.X * k, (pg.Height - a.Y - a.H) * k, (a.X + a.W) * k, (pg.Height - a.Y) * k}
					}
				}
			}
			if len(fields) != 1 || box == nil {
				t.Fatalf("%d signature fields, signature box %v", len(fields), box)
			}
			if fields[0].Page != int(box[0]) || !near(fields[0].Rect[:], box[1:]) {
				t.Errorf("field on page %d at %v, signature box on page %.0f at %v", fields[0].Page+1, fields[0].Rect, box[0]+1, box[1:])
			}
			if out, err := exec.Command(qpdf, "--check", r.Outputs[0].Path).CombinedOutput(); err != nil || !regexp.MustCompile(`No syntax or stream encoding errors`).Match(out) {
				t.Errorf("qpdf --check: %v\n%s", err, out)
			}
		})
	}
}

func near(a, b []float64) bool {
	for i := range a {
		if math.Abs(a[i]-b[i]) > 0.01 {
			return false
		}
	}
	return true
}

// BenchmarkPDFArchive2025 is BenchmarkPDF2025 for the electronic
// PDF/A-2b of the 2025 plan: tagged, with the signature field and the
// PDF/A structures (compare the two for what they cost).
func BenchmarkPDFArchive2025(b *testing.B) {
	res := loaded(b)
	prof := plantest.Profile(b, res)
	d, err := compose.Compose(res.Plan, prof, layout.Bundled())
	if err != nil {
		b.Fatal(err)
	}
	f := fonts.Bundled()
	w := pdf.NewWriter()
	o := pdf.Options{Doc: d, Tagged: true, Archive: pdf.Archive2B, SignField: true}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		pages, err := layout.Layout(d, prof, f)
		if err != nil {
			b.Fatal(err)
		}
		if err := w.WritePagesWith(&buf, d.Meta, pages, f, o); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/doc")
}

// sidecarMatchesXMP checks that the XMP record of PDF f says what the
// Phụ lục VI sidecar (-dac-ta.xml) of the same build says, field by field.
func sidecarMatchesXMP(t *testing.T, plan string, f *pdfobj.File) {
	t.Helper()
	r := built1(t, plan, Options{Formats: []string{"pdf", "xml"}, Electronic: true, Archive: Archive2B})
	x, err := os.ReadFile(r.Outputs[1].Path)
	if err != nil {
		t.Fatal(err)
	}
	var sc sidecar
	if err := xml.Unmarshal(x, &sc); err != nil {
		t.Fatal(err)
	}
	md, _ := f.Resolve(f.Catalog()["Metadata"]).(*pdfobj.Stream)
	if md == nil {
		t.Fatal("no XMP")
	}
	xv, err := pdfobj.XMPValues(md.Raw)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range map[string]string{
		"TypeName": sc.TypeName, "CodeNotation": sc.CodeNotation, "OrganName": sc.OrganName, "Subject": sc.Subject,
		"Language": sc.Language, "PageAmount": strconv.Itoa(sc.PageAmount), "IssuedAmount": strconv.Itoa(sc.IssuedAmount),
	} {
		if xv["nd30pl6:"+k] != v {
			t.Errorf("XMP nd30pl6:%s %q, sidecar %q", k, xv["nd30pl6:"+k], v)
		}
	}
	if xv["nd30pl6f:Position"] != sc.SignerInfo.Position {
		t.Errorf("XMP SignerInfo Position %q, sidecar %q", xv["nd30pl6f:Position"], sc.SignerInfo.Position)
	}
	to := pdfobj.XMPList(md.Raw, "nd30pl6:To")
	var want []string
	for _, o := range sc.To {
		want = append(want, o.OrganName)
	}
	if strings.Join(to, "|") != strings.Join(want, "|") || len(want) == 0 {
		t.Errorf("XMP recipients %q, sidecar %q", to, want)
	}
	for _, k := range []string{"CodeNumber", "IssuedDate"} {
		if _, ok := xv["nd30pl6:"+k]; ok {
			t.Errorf("XMP has nd30pl6:%s, which the document system assigns", k)
		}
	}
}

// The tagged, archival and electronic PDFs pass TestPDF2025's checks of
// the paper PDF: the document's words in reading order, four embedded
// subset fonts with Unicode maps, qpdf, A4 pages with the text inside the
// margins and the page numbers centred at the top.
func TestPDF2025Variants(t *testing.T) {
	for _, c := range []struct {
		name string
		o    Options
	}{
		{"gan-the", Options{Tagged: true}},
		{"luu-tru", Options{Archive: Archive2B}},
		{"dien-tu luu-tru=1b", Options{Electronic: true, Archive: Archive1B}},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.o.Formats = []string{"pdf"}
			checkPDF2025(t, built1(t, plan2025, c.o))
		})
	}
}

// preflightJars are the Debian packages' jars Apache PDFBox Preflight
// (the PDF/A-1b validator of Apache PDFBox 2.0) runs from.
var preflightJars = []string{"preflight.jar", "pdfbox2.jar", "fontbox2.jar", "xmpbox.jar", "commons-logging.jar", "javax.activation.jar", "jaxb-api.jar"}

// preflight validates a PDF/A-1b file with Apache PDFBox Preflight and
// returns its report and whether it says the file is valid.
func preflight(t *testing.T, path string) (string, bool) {
	t.Helper()
	java := testkit.Tool(t, "java", "default-jre-headless")
	var cp []string
	for _, j := range preflightJars {
		p := filepath.Join("/usr/share/java", j)
		if _, err := os.Stat(p); err != nil {
			testkit.Missing(t, "BỎ QUA: thiếu %s của Apache PDFBox Preflight (apt-get install libpdfbox2-java libactivation-java libjaxb-api-java)", p)
		}
		cp = append(cp, p)
	}
	out, err := exec.Command(java, "-cp", strings.Join(cp, string(os.PathListSeparator)), "org.apache.pdfbox.preflight.Validator_A1b", path).CombinedOutput()
	return string(out), err == nil && strings.Contains(string(out), " is a valid PDF/A-1b file")
}

// Apache PDFBox Preflight 2.0 (Debian's libpdfbox2-java), a PDF/A-1b
// validator, finds the -dien-tu -luu-tru=1b PDFs valid (the 2025 plan, and
// a corpus plan of another commune and year; `make`'s run over every plan
// is in the README), and it finds the PDF/A-2b file, which has no CIDSet, not
// PDF/A-1b (so the check can fail).
func TestPreflight1B(t *testing.T) {
	corpus := filepath.Join(testkit.RepoRoot(t), "testdata", "corpus", "binh-lac-dien", "2027.yaml")
	cases := []struct {
		name  string
		path  string
		o     Options
		valid bool
	}{
		{"dien-tu luu-tru=1b", plan2025, Options{Electronic: true, Archive: Archive1B}, true},
		{"binh-lac-dien 2027 dien-tu luu-tru=1b", corpus, Options{Electronic: true, Archive: Archive1B}, true},
		{"luu-tru (2b)", plan2025, Options{Archive: Archive2B}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			c.o.Formats = []string{"pdf"}
			r := built1(t, c.path, c.o)
			report, valid := preflight(t, r.Outputs[0].Path)
			if valid != c.valid {
				t.Errorf("Preflight says valid = %v, want %v:\n%s", valid, c.valid, report)
			}
		})
	}
}
