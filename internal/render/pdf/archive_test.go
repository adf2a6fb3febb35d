package pdf_test

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"kehoach/internal/doc"
	"kehoach/internal/doc/doctest"
	"kehoach/internal/layout"
	"kehoach/internal/render/pdf"
	"kehoach/internal/testkit"
	"kehoach/internal/testkit/pdfobj"
)

// iccSHA256 is the checksum of icc/sRGB.icc (icc/README.md).
const iccSHA256 = "2a92d4bae450b76d8b0aa42193df974d75f62738ecebf74f01c5e75b12a95796"

// signedSample is the sample document as an electronic document would
// be: a signing room (doc.SignArea) between the signer's title and
// name, and a Phụ lục VI record.
func signedSample() *doc.Document {
	d := doctest.Sample()
	for _, b := range d.Sections[0].Blocks {
		if c, ok := b.(*doc.Columns); ok && len(c.Cols) == 2 {
			for _, cb := range c.Cols[1] {
				if s, ok := cb.(*doc.Spacer); ok {
					s.Sign = &doc.SignArea{Width: 60, Seal: 36}
				}
			}
		}
	}
	d.Meta.Keywords = []string{"Kế hoạch", "KH-UBND", "2025"}
	d.Meta.Record = doc.Record{
		TypeName: "Kế hoạch", CodeNotation: "KH-UBND", OrganName: "Ủy ban nhân dân xã Mường Khoa",
		Subject: "Thực hiện Chương trình <MTQG> & nông thôn mới", Language: "Tiếng Việt",
		SignerInfo:   doc.SignerInfo{Position: "Phó Chủ tịch", FullName: "Lò Văn Minh"},
		To:           []doc.Recipient{{OrganName: "Văn phòng Điều phối NTM tỉnh"}, {OrganName: "TT Đảng ủy, HĐND xã"}},
		IssuedAmount: 12, DueDate: time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC),
	}
	return d
}

// renderWith lays d out and writes it with o (o.Doc set to d).
func renderWith(t testing.TB, d *doc.Document, o pdf.Options) ([]layout.Page, []byte) {
	t.Helper()
	pages, err := layout.Layout(d, prof, fam)
	if err != nil {
		t.Fatal(err)
	}
	meta := d.Meta
	if !meta.Record.IsZero() {
		meta.Record.PageAmount = len(pages)
	}
	o.Doc = d
	var b bytes.Buffer
	if err := pdf.NewWriter().WritePagesWith(&b, meta, pages, fam, o); err != nil {
		t.Fatal(err)
	}
	return pages, b.Bytes()
}

func parse(t testing.TB, b []byte) *pdfobj.File {
	t.Helper()
	f, err := pdfobj.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func writeFile(t testing.TB, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func report(t *testing.T, what string, bad []string) {
	t.Helper()
	for _, b := range bad {
		t.Errorf("%s: %s", what, b)
	}
}

// The paper PDF (zero Options) is WritePages' output byte for byte, and
// carries none of the finished PDF's structures: PDF 1.3, no structure
// tree, no XMP, no form, no trailer ID.
func TestPaperPDFUnfinished(t *testing.T) {
	d := signedSample()
	pages, err := layout.Layout(d, prof, fam)
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := pdf.WritePages(&a, d.Meta, pages, fam); err != nil {
		t.Fatal(err)
	}
	if err := pdf.NewWriter().WritePagesWith(&b, d.Meta, pages, fam, pdf.Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("WritePagesWith with zero Options differs from WritePages")
	}
	f := parse(t, a.Bytes())
	cat := f.Catalog()
	if f.Version != "1.3" || cat["StructTreeRoot"] != nil || cat["Metadata"] != nil || cat["AcroForm"] != nil || f.Trailer["ID"] != nil {
		t.Errorf("paper PDF %s has finished structures: catalog %v, trailer %v", f.Version, cat, f.Trailer)
	}
	for _, p := range f.Pages() {
		if bytes.Contains(mustContent(t, f, p), []byte("BDC")) {
			t.Error("paper PDF has marked content")
		}
	}
}

func mustContent(t testing.TB, f *pdfobj.File, p pdfobj.Ref) []byte {
	t.Helper()
	s, _ := f.Resolve(f.Dict(p)["Contents"]).(*pdfobj.Stream)
	if s == nil {
		t.Fatalf("page %d has no content", p.Num)
	}
	b, err := s.Data()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The tagged sample: its structure tree (testdata/sample.tags.golden:
// Document, Sect per section, the header block and the signature block
// as Div, headings H1/H2, lists, tables with TH and spans), every drawn
// text and line in marked content, the ParentTree agreeing with the
// tree, and the marked text word for word the text layout set (the page
// numbers and the repeated header rows of the annex table, the
// artifacts, apart). pdfinfo says "Tagged: yes".
func TestTagged(t *testing.T) {
	d := doctest.Sample()
	pages, b := renderWith(t, d, pdf.Options{Tagged: true})
	f := parse(t, b)
	report(t, "tagged sample", pdfobj.CheckTagged(f))
	tree, err := f.Tree()
	if err != nil {
		t.Fatal(err)
	}
	testkit.Golden(t, filepath.Join("testdata", "sample.tags.golden"), []byte(tree), *update)
	for _, want := range []string{"Document lang=vi-VN\n  Sect\n    Div\n      Div\n", "\n    H1 “I. MỤC ĐÍCH, YÊU CẦU”\n", "\n    L\n      LI\n        LBody “Về giao thông: cứng hóa", "\n          LI\n            LBody “Thôn Nà Khoang: 1,2 km.”", "TH Scope=Column", "RowSpan="} {
		if !strings.Contains(tree, want) {
			t.Errorf("structure tree lacks %q", want)
		}
	}

	var marked, artifacts, wantText, wantArt []string
	for i, p := range f.Pages() {
		m, err := f.PageMarks(p)
		if err != nil {
			t.Fatal(err)
		}
		ids := make([]int, 0, len(m.MCID))
		for id := range m.MCID {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		for _, id := range ids {
			marked = append(marked, strings.Fields(m.MCID[id])...)
		}
		for _, a := range m.Artifact {
			artifacts = append(artifacts, strings.Fields(a)...)
		}
		for _, it := range pages[i].Items {
			if it.Kind != layout.KindText {
				continue
			}
			if it.Role == layout.RoleText && !it.Repeated {
				wantText = append(wantText, it.Text)
			} else {
				wantArt = append(wantArt, strings.Fields(it.Text)...)
			}
		}
	}
	want := strings.Fields(strings.Join(wantText, " "))
	slices.Sort(marked)
	slices.Sort(want)
	if !slices.Equal(marked, want) {
		t.Errorf("marked words (%d) differ from the laid-out words (%d): %s", len(marked), len(want), wordDiff(marked, want))
	}
	slices.Sort(artifacts)
	slices.Sort(wantArt)
	if !slices.Equal(artifacts, wantArt) || len(wantArt) == 0 {
		t.Errorf("artifact words %v, want the page numbers and repeated headers %v", artifacts, wantArt)
	}
	info := tool(t, "pdfinfo", writeFile(t, b))
	if !regexp.MustCompile(`\nTagged:\s+yes\n`).MatchString(info) {
		t.Errorf("pdfinfo does not say Tagged: yes:\n%s", info)
	}
}

// PDF/A-2b and PDF/A-1b: each requirement pdfobj.CheckArchive reads off
// the file, the embedded ICC profile being icc/sRGB.icc, the XMP
// carrying the Phụ lục VI record (its own namespace, described by an
// extension schema) with the values of doc.Record, and qpdf --check.
func TestPDFA(t *testing.T) {
	d := signedSample()
	for _, level := range []pdf.Archive{pdf.Archive2B, pdf.Archive1B} {
		t.Run(string(level), func(t *testing.T) {
			pages, b := renderWith(t, d, pdf.Options{Archive: level, Tagged: true, SignField: true})
			f := parse(t, b)
			report(t, "PDF/A-"+string(level), pdfobj.CheckArchive(f, string(level)))
			report(t, "tagged", pdfobj.CheckTagged(f))
			oi := f.Dict(f.Array(f.Catalog()["OutputIntents"])[0])
			icc, _ := f.Resolve(oi["DestOutputProfile"]).(*pdfobj.Stream)
			if data, err := icc.Data(); err != nil || fmt.Sprintf("%x", sha256.Sum256(data)) != iccSHA256 {
				t.Errorf("embedded profile is not icc/sRGB.icc (%v)", err)
			}
			md, _ := f.Resolve(f.Catalog()["Metadata"]).(*pdfobj.Stream)
			xv, err := pdfobj.XMPValues(md.Raw)
			if err != nil {
				t.Fatal(err)
			}
			r := d.Meta.Record
			for k, v := range map[string]string{
				"nd30pl6:TypeName": r.TypeName, "nd30pl6:CodeNotation": r.CodeNotation, "nd30pl6:OrganName": r.OrganName,
				"nd30pl6:Subject": r.Subject, "nd30pl6:Language": r.Language, "nd30pl6:PageAmount": fmt.Sprint(len(pages)),
				"nd30pl6f:Position": r.SignerInfo.Position, "nd30pl6f:FullName": r.SignerInfo.FullName,
				"nd30pl6:IssuedAmount": "12", "nd30pl6:DueDate": "2025-12-31", "nd30pl6:To": r.To[0].OrganName,
				"dc:language": "vi-VN", "pdf:Keywords": "Kế hoạch; KH-UBND; 2025",
			} {
				if xv[k] != v {
					t.Errorf("XMP %s = %q, want %q", k, xv[k], v)
				}
			}
			for _, k := range []string{"nd30pl6:CodeNumber", "nd30pl6:IssuedDate", "nd30pl6:Priority"} {
				if _, ok := xv[k]; ok {
					t.Errorf("XMP has %s, which the record leaves to the document system", k)
				}
			}
			if to := pdfobj.XMPList(md.Raw, "nd30pl6:To"); strings.Join(to, "|") != "Văn phòng Điều phối NTM tỉnh|TT Đảng ủy, HĐND xã" {
				t.Errorf("XMP recipients %q", to)
			}
			// Every property of the record's namespace is described.
			described := map[string]bool{}
			for _, m := range regexp.MustCompile(`<pdfaProperty:name>(\w+)</pdfaProperty:name>`).FindAllStringSubmatch(string(md.Raw), -1) {
				described[m[1]] = true
			}
			for _, m := range regexp.MustCompile(`<nd30pl6:(\w+)>`).FindAllStringSubmatch(string(md.Raw), -1) {
				if !described[m[1]] {
					t.Errorf("nd30pl6:%s is not described in the extension schema", m[1])
				}
			}
			if !strings.Contains(string(md.Raw), "<pdfaType:type>SignerInfo</pdfaType:type>") {
				t.Error("extension schema lacks the SignerInfo value type")
			}
			tool(t, "qpdf", "--check", writeFile(t, b))
		})
	}
}

// The signature field: one AcroForm /Sig field, a printed widget with an
// empty appearance, unsigned, at the signature box of the signing room
// (layout.AreaSignature) on its page, the size of the box; in the
// structure tree a Form element owns it (OBJR) and the ParentTree maps
// its /StructParent to that element. The same document gives the same
// bytes twice; without SignField there is no form.
func TestSignField(t *testing.T) {
	d := signedSample()
	pages, b := renderWith(t, d, pdf.Options{Tagged: true, SignField: true})
	_, again := renderWith(t, d, pdf.Options{Tagged: true, SignField: true})
	if !bytes.Equal(b, again) {
		t.Error("two writes of the same document differ")
	}
	f := parse(t, b)
	fields, bad := pdfobj.SignFields(f)
	report(t, "signature field", bad)
	if len(fields) != 1 {
		t.Fatalf("%d signature fields, want 1", len(fields))
	}
	sf := fields[0]
	var area *layout.Area
	page := -1
	for i, pg := range pages {
		for k, a := range pg.Areas {
			if a.Kind == layout.AreaSignature {
				area, page = &pg.Areas[k], i
			}
		}
	}
	if area == nil {
		t.Fatal("the sample has no signature area")
	}
	k := 72 / 25.4
	h := pages[page].Height
	want := [4]float64{area.X * k, (h - area.Y - area.H) * k, (area.X + area.W) * k, (h - area.Y) * k}
	for i := range want {
		if math.Abs(sf.Rect[i]-want[i]) > 0.01 {
			t.Errorf("field /Rect %v, want the signature box %v", sf.Rect, want)
			break
		}
	}
	if sf.Page != page || pdfobj.Text(sf.Dict["T"]) != pdf.SignFieldName || pdfobj.Text(sf.Dict["TU"]) != pdf.SignFieldTU {
		t.Errorf("field on page %d (want %d), /T %q, /TU %q", sf.Page+1, page+1, pdfobj.Text(sf.Dict["T"]), pdfobj.Text(sf.Dict["TU"]))
	}
	tree, err := f.Tree()
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`\n        P “PHÓ CHỦ TỊCH”\n        Form \[OBJR Widget Sig ChuKySo\]\n        P “Lò Văn Minh”\n`).MatchString(tree) {
		t.Errorf("the Form element is not between the signer's title and name:\n%s", tree)
	}
	nums := f.Array(f.Dict(f.Dict(f.Catalog()["StructTreeRoot"])["ParentTree"])["Nums"])
	key := pdfobj.Number(sf.Dict["StructParent"])
	found := false
	for i := 0; i+1 < len(nums); i += 2 {
		if pdfobj.Number(nums[i]) == key {
			e := f.Dict(nums[i+1])
			found = e["S"] == pdfobj.Name("Form")
		}
	}
	if !found {
		t.Errorf("ParentTree entry %v of the widget is not the Form element", key)
	}
	tool(t, "qpdf", "--check", writeFile(t, b))

	_, plain := renderWith(t, d, pdf.Options{Tagged: true})
	if parse(t, plain).Catalog()["AcroForm"] != nil {
		t.Error("a PDF without SignField has a form")
	}
}

// wordDiff names the words one sorted list has more of than the other.
func wordDiff(a, b []string) string {
	count := map[string]int{}
	for _, w := range a {
		count[w]++
	}
	for _, w := range b {
		count[w]--
	}
	var out []string
	for w, n := range count {
		if n != 0 {
			out = append(out, fmt.Sprintf("%q %+d", w, n))
		}
	}
	slices.Sort(out)
	return strings.Join(out, ", ")
}

// The checks find faults: the paper PDF is neither archival nor tagged,
// and a PDF/A-2b file is no PDF/A-1b (version, identification, CIDSet).
func TestChecksFindFaults(t *testing.T) {
	d := signedSample()
	_, paper := renderWith(t, d, pdf.Options{})
	_, a2 := renderWith(t, d, pdf.Options{Archive: pdf.Archive2B, Tagged: true})
	for _, c := range []struct {
		name string
		bad  []string
		want []string
	}{
		{"paper as 2b", pdfobj.CheckArchive(parse(t, paper), "2b"), []string{"header version 1.3, want 1.7", "trailer: no /ID of two strings", "catalog: no /Metadata stream"}},
		{"paper as tagged", pdfobj.CheckTagged(parse(t, paper)), []string{"catalog: no /MarkInfo <</Marked true>>", "catalog: no /StructTreeRoot"}},
		{"2b as 1b", pdfobj.CheckArchive(parse(t, a2), "1b"), []string{"header version 1.7, want 1.4", "XMP pdfaid 2B, want 1b", "no CIDToGIDMap stream or no CIDSet"}},
	} {
		all := strings.Join(c.bad, "\n")
		for _, w := range c.want {
			if !strings.Contains(all, w) {
				t.Errorf("%s: the checks do not say %q:\n%s", c.name, w, all)
			}
		}
	}
}

// Text whose block the document does not hold (pages laid out from
// another document) is still marked content, in a paragraph at the end
// of the tree, and the file stays consistent.
func TestTaggedForeignPages(t *testing.T) {
	other := doctest.Sample()
	pages, err := layout.Layout(other, prof, fam)
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Document{Sections: []doc.Section{{Blocks: []doc.Block{doctest.P(doc.StyleBody, "Một đoạn khác")}}}}
	var b bytes.Buffer
	if err := pdf.WritePagesWith(&b, d.Meta, pages, fam, pdf.Options{Doc: d, Tagged: true}); err != nil {
		t.Fatal(err)
	}
	f := parse(t, b.Bytes())
	report(t, "foreign pages", pdfobj.CheckTagged(f))
	tree, err := f.Tree()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(tree, "Document lang=vi-VN\n  P “ỦY BAN NHÂN DÂN") {
		t.Errorf("tree:\n%.300s", tree)
	}
	if err := pdf.WritePagesWith(&b, d.Meta, pages, fam, pdf.Options{Tagged: true}); err == nil {
		t.Error("a tagged PDF without its document gives no error")
	}
}

// A document with no page (fpdf writes one blank page) is finished all
// the same: tagged, archival, without a field.
func TestFinishedEmptyDocument(t *testing.T) {
	d := &doc.Document{Meta: doc.Meta{Title: "Trống", Date: doctest.Date}}
	for _, level := range []pdf.Archive{pdf.Archive2B, pdf.Archive1B} {
		var b bytes.Buffer
		if err := pdf.WritePagesWith(&b, d.Meta, nil, fam, pdf.Options{Doc: d, Tagged: true, Archive: level, SignField: true}); err != nil {
			t.Fatal(err)
		}
		f := parse(t, b.Bytes())
		report(t, "empty "+string(level), pdfobj.CheckTagged(f))
		bad := pdfobj.CheckArchive(f, string(level))
		if len(bad) != 1 || bad[0] != "no font" {
			t.Errorf("empty %s: %v, want only “no font”", level, bad)
		}
	}
}
