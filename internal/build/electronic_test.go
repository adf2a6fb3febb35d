package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"kehoach/internal/fonts"
	"kehoach/internal/layout"
	"kehoach/internal/markup"
	"kehoach/internal/plan"
	"kehoach/internal/testkit"
)

// sidecar is the XML sidecar as read back.
type sidecar struct {
	TypeName, CodeNumber, CodeNotation, IssuedDate, OrganName, Subject, Language string
	PageAmount                                                                   int
	SignerInfo                                                                   struct{ Position, FullName string }
	To                                                                           []struct {
		OrganID   string `xml:"OrganId"`
		OrganName string
	}
	IssuedAmount int
}

func hashes(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][32]byte{}
	for _, e := range es {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = sha256.Sum256(b)
	}
	return out
}

func names(r *Result) []string {
	var out []string
	for _, o := range r.Outputs {
		out = append(out, filepath.Base(o.Path))
	}
	return out
}

// The electronic build writes its own set of five files beside the paper
// set, whose bytes it leaves alone; a plan that says ban_hanh: dien_tu
// gives the same five files with a plain build. The sidecars carry the
// plan's values, the PDF's page count and kehoach print's 26 copies,
// and the XML validates against schema/van-ban-di.xsd; the PDF Info and
// the DOCX core properties carry the keywords only when electronic.
func TestElectronicBuild(t *testing.T) {
	plain := testkit.CopyPlan(t, t.TempDir(), "muong-khoa", "2025.yaml", nil)
	marked := testkit.CopyPlan(t, t.TempDir(), "muong-khoa", "2025.yaml", func(s string) string {
		return strings.Replace(s, "\nvan_ban:\n", "\nvan_ban:\n  ban_hanh: dien_tu\n", 1)
	})
	out, outMarked := t.TempDir(), t.TempDir()
	paper := Plan(plain, Options{OutDir: out})
	if paper.Err != nil || !paper.Load.OK() {
		t.Fatalf("paper: %v %v", paper.Err, paper.Load.Errors)
	}
	before := hashes(t, out)
	el := Plan(plain, Options{OutDir: out, Electronic: true})
	if el.Err != nil || !el.Load.OK() {
		t.Fatalf("electronic: %v %v", el.Err, el.Load.Errors)
	}
	base := "ke-hoach-ntm-2025-muong-khoa"
	want := []string{base + "-dien-tu.docx", base + "-dien-tu.pdf", base + "-dien-tu-bieu.xlsx", base + "-dien-tu-dac-ta.xml", base + "-dien-tu-dac-ta.json"}
	if got := names(el); !slices.Equal(got, want) {
		t.Fatalf("electronic outputs %v, want %v", got, want)
	}
	after := hashes(t, out)
	if len(after) != len(before)+len(want) {
		t.Errorf("%d files after both builds, want %d + %d", len(after), len(before), len(want))
	}
	for n, h := range before {
		if after[n] != h {
			t.Errorf("the electronic build changed the paper file %s", n)
		}
	}
	m := Plan(marked, Options{OutDir: outMarked})
	if m.Err != nil || !m.Load.OK() {
		t.Fatalf("ban_hanh: dien_tu: %v %v", m.Err, m.Load.Errors)
	}
	if got := names(m); !slices.Equal(got, want) {
		t.Fatalf("ban_hanh: dien_tu outputs %v, want %v", got, want)
	}
	for n, h := range hashes(t, outMarked) {
		if after[n] != h {
			t.Errorf("%s differs between build -dien-tu and ban_hanh: dien_tu", n)
		}
	}

	x, err := os.ReadFile(filepath.Join(out, want[3]))
	if err != nil {
		t.Fatal(err)
	}
	var sc sidecar
	if err := xml.Unmarshal(x, &sc); err != nil {
		t.Fatal(err)
	}
	p := el.Load.Plan
	if sc.PageAmount != el.Pages || el.Pages < 10 {
		t.Errorf("PageAmount %d, the PDF has %d pages", sc.PageAmount, el.Pages)
	}
	if pdfinfo, err := exec.LookPath("pdfinfo"); err == nil {
		info, _ := exec.Command(pdfinfo, filepath.Join(out, want[1])).Output()
		if !regexp.MustCompile(`\nPages:\s+` + strconv.Itoa(sc.PageAmount) + `\n`).Match(info) {
			t.Errorf("pdfinfo disagrees with PageAmount %d:\n%s", sc.PageAmount, info)
		}
		if !regexp.MustCompile(`\nKeywords:\s+Kế hoạch; KH-UBND; Chương trình MTQG xây dựng NTM; 2025; xã Mường Khoa\n`).Match(info) {
			t.Errorf("electronic PDF Info lacks the keywords:\n%s", info)
		}
		info, _ = exec.Command(pdfinfo, filepath.Join(out, base+".pdf")).Output()
		if strings.Contains(string(info), "Keywords") {
			t.Errorf("paper PDF has keywords:\n%s", info)
		}
	}
	if sc.OrganName != p.Commune.Agency() || sc.Subject != markup.Plain(p.VanBan.TrichYeu) || sc.TypeName != "Kế hoạch" ||
		sc.CodeNotation != "KH-UBND" || sc.CodeNumber != "" || sc.IssuedDate != "" || sc.SignerInfo.Position != p.Ky.ChucVu {
		t.Errorf("sidecar %+v does not carry the plan's values", sc)
	}
	// kehoach print counts 26 copies, 24 of them sent to 15 recipients
	// (internal/manifest TestTotal2025).
	if sc.IssuedAmount != 26 || len(sc.To) != 15 || sc.To[0].OrganName != p.NoiNhan.Nhan[0].Ten || sc.To[14].OrganName != "Trưởng bản Nậm Bon" {
		t.Errorf("IssuedAmount %d, %d recipients %+v", sc.IssuedAmount, len(sc.To), sc.To)
	}

	// The JSON says the same.
	j, err := os.ReadFile(filepath.Join(out, want[4]))
	if err != nil {
		t.Fatal(err)
	}
	var js sidecar
	if err := json.Unmarshal(j, &js); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(js, sc) {
		t.Errorf("JSON %+v\ndiffers from XML %+v", js, sc)
	}

	core := unzip(t, filepath.Join(out, want[0]))["docProps/core.xml"]
	if !bytes.Contains(core, []byte("<cp:keywords>Kế hoạch; KH-UBND; Chương trình MTQG xây dựng NTM; 2025; xã Mường Khoa</cp:keywords>")) {
		t.Errorf("electronic DOCX core properties lack the keywords:\n%s", core)
	}
	if bytes.Contains(unzip(t, filepath.Join(out, base+".docx"))["docProps/core.xml"], []byte("keywords")) {
		t.Error("paper DOCX has keywords")
	}

	if xmllint, err := exec.LookPath("xmllint"); err == nil {
		xsd := filepath.Join(testkit.RepoRoot(t), "schema", "van-ban-di.xsd")
		if o, err := exec.Command(xmllint, "--noout", "--schema", xsd, filepath.Join(out, want[3])).CombinedOutput(); err != nil {
			t.Errorf("sidecar does not validate: %v\n%s", err, o)
		}
	} else if os.Getenv("CI") != "" {
		t.Error("xmllint missing")
	}

	// Without a PDF among the formats, the page count comes from a layout
	// made for it.
	only := Plan(plain, Options{OutDir: t.TempDir(), Electronic: true, Formats: []string{"docx", "xml"}})
	if only.Err != nil {
		t.Fatal(only.Err)
	}
	x2, err := os.ReadFile(only.Outputs[1].Path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(x, x2) {
		t.Errorf("sidecar without the PDF differs:\n%s", x2)
	}
}

// Every corpus plan (TestCorpus) built electronic: as many pages and the
// same layout faults as on paper (the signing room is the paper's white
// space), one signature box and one seal box, on the page of the signer's
// name, and a sidecar that validates against schema/van-ban-di.xsd
// (Phụ lục VI's lengths) with that page count.
func TestCorpusElectronic(t *testing.T) {
	xmllint := testkit.Tool(t, "xmllint", "libxml2-utils")
	xsd := filepath.Join(testkit.RepoRoot(t), "schema", "van-ban-di.xsd")
	for _, path := range testkit.CorpusPlans(t) {
		t.Run(testkit.RelName(t, path), func(t *testing.T) {
			t.Parallel()
			paper := Plan(path, Options{OutDir: t.TempDir(), Formats: []string{"pdf"}})
			el := Plan(path, Options{OutDir: t.TempDir(), Formats: []string{"pdf", "xml"}, Electronic: true})
			for _, r := range []*Result{paper, el} {
				if r.Err != nil || !r.Load.OK() {
					t.Fatalf("%v %v", r.Err, r.Load.Errors)
				}
			}
			if el.Pages != paper.Pages || len(el.Layout) != len(paper.Layout) {
				t.Errorf("electronic: %d pages, %d layout faults; paper: %d, %d", el.Pages, len(el.Layout), paper.Pages, len(paper.Layout))
			}
			res, pages := electronicPages(t, path)
			name := res.Plan.SignerName()
			n := 0
			for _, pg := range pages {
				if len(pg.Areas) == 0 {
					continue
				}
				n++
				if len(pg.Areas) != 2 || pg.Areas[0].Kind != layout.AreaSignature || pg.Areas[1].Kind != layout.AreaSeal {
					t.Errorf("areas %+v", pg.Areas)
				}
				found := name == ""
				for _, ln := range layout.TextLines(pg) {
					found = found || ln.Text == name && ln.Y > pg.Areas[0].Y+pg.Areas[0].H
				}
				if !found {
					t.Errorf("the signer's name %q is not below the signature box on its page", name)
				}
			}
			if n != 1 {
				t.Errorf("%d pages with signing areas, want 1", n)
			}
			x := el.Outputs[1].Path
			if o, err := exec.Command(xmllint, "--noout", "--schema", xsd, x).CombinedOutput(); err != nil {
				t.Errorf("%s does not validate: %v\n%s", x, err, o)
			}
			b, err := os.ReadFile(x)
			if err != nil {
				t.Fatal(err)
			}
			var sc sidecar
			if err := xml.Unmarshal(b, &sc); err != nil || sc.PageAmount != el.Pages {
				t.Errorf("PageAmount %d, %d pages (%v)", sc.PageAmount, el.Pages, err)
			}
		})
	}
}

// electronicPages composes the electronic document of the plan at path and
// lays it out with the bundled fonts, as build's PDF does.
func electronicPages(t *testing.T, path string) (*plan.Result, []layout.Page) {
	t.Helper()
	res, d, err := Compose(path, Options{Electronic: true})
	if err != nil {
		t.Fatal(err)
	}
	_, prof, err := Load(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	pages, err := layout.Layout(d, prof, fonts.Bundled())
	if err != nil {
		t.Fatal(err)
	}
	return res, pages
}
