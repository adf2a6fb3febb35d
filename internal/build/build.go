// Package build runs the whole pipeline for plan files: load and validate,
// compose, render every output format, and write the outputs atomically
// into the output folder.
package build

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"kehoach/internal/compose"
	"kehoach/internal/doc"
	"kehoach/internal/fileset"
	"kehoach/internal/fonts"
	"kehoach/internal/layout"
	"kehoach/internal/panics"
	"kehoach/internal/plan"
	"kehoach/internal/render/docx"
	"kehoach/internal/render/pdf"
	"kehoach/internal/render/record"
	"kehoach/internal/render/text"
	"kehoach/internal/render/xlsx"
	"kehoach/internal/safefile"
	"kehoach/internal/sheet"
)

// Options configure a build.
type Options struct {
	OutDir string        // output folder, "out" by default
	Font   *fonts.Family // font for the PDF; nil = fonts.Bundled()
	// Formats to write; nil = all ("docx", "pdf", "xlsx"). "xlsx" is the
	// annex workbook (Biểu số 01–04), named BaseName + "-bieu.xlsx".
	Formats []string
	// SourceDate is the date of a draft's document properties
	// (SOURCE_DATE_EPOCH); nil: 1 January of the plan year.
	SourceDate *time.Time

	// Review writes the leader's review copy (compose.Options.Review)
	// instead of the document: DOCX and PDF only (ReviewFormats), named
	// BaseName + ReviewSuffix, so that it never replaces the document's
	// files; the document's outputs are left as they are.
	Review bool

	// Electronic writes the electronic document (compose.Options.Electronic)
	// of every plan instead of the paper one, as a plan with van_ban.ban_hanh:
	// dien_tu always is: named BaseName + ElectronicSuffix, so that the two
	// never replace each other's files, with the document's metadata
	// (Phụ lục VI) beside it (RecordFormats). The review copy (Review) is
	// never electronic.
	Electronic bool

	// Archive writes the PDF as PDF/A of that level (pdf.Archive2B,
	// pdf.Archive1B) for long-term preservation; tagged, under the same
	// name. The review copy is never archival.
	Archive Archive
	// Tagged writes a tagged PDF (structure tree, pdf.Options.Tagged);
	// the electronic and archival PDFs always are.
	Tagged bool

	// pdfw writes the PDFs of one build run, parsing each font face once
	// for all of them (set by Batch; nil: faces parsed for each PDF).
	pdfw *pdf.Writer
}

// Archive is a PDF/A level of Options.Archive (pdf.Archive).
type Archive = pdf.Archive

// PDF/A levels: none (the default), PDF/A-2b, PDF/A-1b.
const (
	ArchiveNone = pdf.ArchiveNone
	Archive2B   = pdf.Archive2B
	Archive1B   = pdf.Archive1B
)

// Result is the outcome of building one plan.
type Result struct {
	Plan    string
	Load    *plan.Result
	Doc     *doc.Document
	Outputs []fileset.Output
	Err     error // I/O or rendering failure (not validation)

	Pages int // pages of the PDF (0 when no PDF was made)
	// Layout are the layout faults of the PDF (layout.Check): outputs are
	// written, but a văn thư would reject those pages.
	Layout []layout.Problem
	// Annex are the annex columns the landscape page is too narrow for
	// (compose.Annexes): in the PDF, the DOCX and the workbook alike a word
	// or an amount of them is cut.
	Annex    []sheet.Problem
	Duration time.Duration // set by Batch
}

// FindPlans returns the plan files under root (every .yaml or .yml file, in
// any letter case, except the commune files xa.yaml; and the YAML files
// Notepad saved as .txt, which the loader reports), sorted. A root that is
// a symlink to a folder (plans linked to a shared folder) is followed.
func FindPlans(root string) ([]string, error) { return walkYAML(root, false) }

// walkYAML lists the YAML files under root (plan.IsPlanCandidate), sorted;
// commune files only when commune is set.
func walkYAML(root string, commune bool) ([]string, error) {
	var out []string
	err := safefile.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && plan.IsPlanCandidate(d.Name(), commune) {
			out = append(out, p)
		}
		return err
	})
	sort.Strings(out)
	return out, err
}

// Compose loads, validates and composes one plan (document properties
// dated as o.SourceDate says).
func Compose(path string, o Options) (*plan.Result, *doc.Document, error) {
	c, err := composeAll(path, o)
	return c.res, c.doc, err
}

// composed is a loaded plan with its document and its annexes, fitted once
// for the document and the workbook.
type composed struct {
	res    *plan.Result
	prof   *doc.Profile
	doc    *doc.Document
	sheets []sheet.Sheet
	probs  []sheet.Problem // annex columns the page is too narrow for
	// electronic: the electronic document (Options.electronic).
	electronic bool
}

// electronic reports whether o builds p as an electronic document: asked
// for (Options.Electronic) or the plan's way of issue (van_ban.ban_hanh:
// dien_tu), and not the review copy.
func (o Options) electronic(p *plan.Plan) bool {
	return !o.Review && (o.Electronic || p.Electronic())
}

// composeAll loads, validates and composes one plan; doc is nil for an
// invalid plan.
func composeAll(path string, o Options) (composed, error) {
	res, prof, err := Load(path, o.Font)
	if err != nil || !res.OK() {
		return composed{res: res}, err
	}
	m, err := layout.NewMeasurer(o.Font)
	if err != nil {
		return composed{res: res}, err
	}
	el := o.electronic(res.Plan)
	c, err := compose.All(res.Plan, prof, compose.Options{SourceDate: o.SourceDate, Measure: m, Review: o.Review, Electronic: el})
	return composed{res, prof, c.Doc, c.Sheets, c.Problems, el}, err
}

// DefaultFormats are the formats a build writes unless told otherwise: the
// document as DOCX and PDF, and the annex workbook.
var DefaultFormats = []string{"docx", "pdf", "xlsx"}

// ReviewFormats are the formats of the leader's review copy (Options.Review):
// the workbook has no review copy.
var ReviewFormats = []string{"docx", "pdf"}

// ReviewSuffix follows BaseName in the names of the review copy's files:
// ke-hoach-ntm-2025-muong-khoa-ban-trinh.pdf.
const ReviewSuffix = "-ban-trinh"

// ElectronicSuffix follows BaseName in the names of the electronic
// document's files: ke-hoach-ntm-2025-muong-khoa-dien-tu.pdf,
// …-dien-tu-bieu.xlsx, …-dien-tu-dac-ta.xml.
const ElectronicSuffix = "-dien-tu"

// RecordFormats are the metadata sidecars (Phụ lục VI, package
// render/record) an electronic document is written with, after
// DefaultFormats: BaseName + ElectronicSuffix + "-dac-ta.xml" and ".json".
var RecordFormats = []string{"xml", "json"}

// formatsFor are the formats o writes for a plan: those of formats, and the
// metadata sidecars of an electronic document when o names no formats.
func (o Options) formatsFor(electronic bool) []string {
	f := o.formats()
	if electronic && o.Formats == nil {
		return append(append([]string{}, f...), RecordFormats...)
	}
	return f
}

// formats are the formats o writes: Formats (without the workbook for the
// review copy), else DefaultFormats or ReviewFormats.
func (o Options) formats() []string {
	switch {
	case o.Formats == nil && o.Review:
		return ReviewFormats
	case o.Formats == nil:
		return DefaultFormats
	case o.Review:
		var out []string
		for _, f := range o.Formats {
			if f != "xlsx" {
				out = append(out, f)
			}
		}
		return out
	}
	return o.Formats
}

// baseName is the output file name stem of p as o writes it: BaseName,
// followed by ReviewSuffix for the review copy, ElectronicSuffix for the
// electronic document.
func (o Options) baseName(p *plan.Plan) string {
	switch {
	case o.Review:
		return BaseName(p) + ReviewSuffix
	case o.electronic(p):
		return BaseName(p) + ElectronicSuffix
	}
	return BaseName(p)
}

// BaseName is the output file name stem for a plan: ke-hoach-ntm-2025-muong-khoa.
func BaseName(p *plan.Plan) string {
	return fmt.Sprintf("ke-hoach-ntm-%d-%s", p.Nam, p.Commune.Ma)
}

// Render renders a composed document in one format ("docx", "pdf",
// "txt"); the PDF is set in font (nil: the bundled Liberation Serif). Every
// document kehoach prints goes through it: the plan (Plan) and the
// distribution manifest (kehoach print).
func Render(format string, d *doc.Document, prof *doc.Profile, font *fonts.Family) ([]byte, error) {
	if font == nil {
		font = fonts.Bundled()
	}
	var b bytes.Buffer
	var err error
	switch format {
	case "docx":
		err = docx.Write(&b, d, prof)
	case "pdf":
		err = pdf.Write(&b, d, prof, font)
	case "txt":
		err = text.Write(&b, d)
	default:
		return nil, fmt.Errorf("không có định dạng “%s”", format)
	}
	return b.Bytes(), err
}

// RenderAnnexes writes annexes built and fitted by compose (compose.All:
// the same sheets as the document's annex sections, fitted to the
// landscape page of prof) as one XLSX workbook in the font and the annex
// styles of prof; date is the document date (compose.DocDate), never the
// clock.
func RenderAnnexes(sheets []sheet.Sheet, prof *doc.Profile, date time.Time) ([]byte, error) {
	var b bytes.Buffer
	if err := xlsx.Write(&b, sheets, prof, date); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// pdfOptions are the PDF options of document d: tagged when asked, and
// always for the electronic and the archival PDF; archival when asked;
// with a signature field when electronic. The paper PDF has none; the
// review copy is tagged when asked, never archival nor signing-ready.
func (o Options) pdfOptions(d *doc.Document, electronic bool) pdf.Options {
	if o.Review {
		return pdf.Options{Doc: d, Tagged: o.Tagged}
	}
	po := pdf.Options{Doc: d, Archive: o.Archive, SignField: electronic}
	po.Tagged = o.Tagged || electronic || o.Archive != pdf.ArchiveNone
	return po
}

// renderPDF lays the document out and draws it with pw as po says,
// returning the page count and the layout faults of the pages
// (layout.Check). The PDF's metadata record has the page count
// (doc.Record.PageAmount).
func renderPDF(pw *pdf.Writer, d *doc.Document, prof *doc.Profile, font *fonts.Family, po pdf.Options) ([]byte, int, []layout.Problem, error) {
	pages, err := layout.Layout(d, prof, font)
	if err != nil {
		return nil, 0, nil, err
	}
	meta := d.Meta // a copy: the other formats read d at the same time
	if !meta.Record.IsZero() {
		meta.Record.PageAmount = len(pages)
	}
	var b bytes.Buffer
	if err := pw.WritePagesWith(&b, meta, pages, font, po); err != nil {
		return nil, 0, nil, err
	}
	return b.Bytes(), len(pages), layout.Check(pages), nil
}

// RenderRecord writes the metadata record of d (doc.Record, Phụ lục VI)
// as a sidecar format, "xml" or "json", with pages as its page count
// (PageAmount: the page count of the PDF layout).
func RenderRecord(format string, d *doc.Document, pages int) ([]byte, error) {
	r := d.Meta.Record
	r.PageAmount = pages
	var b bytes.Buffer
	var err error
	switch format {
	case "xml":
		err = record.WriteXML(&b, r)
	case "json":
		err = record.WriteJSON(&b, r)
	default:
		return nil, fmt.Errorf("không có định dạng dữ liệu đặc tả “%s”", format)
	}
	return b.Bytes(), err
}

// isRecord reports whether format is a metadata sidecar (RecordFormats).
func isRecord(format string) bool { return format == "xml" || format == "json" }

// withoutAnnexCuts drops the words layout found cut on annex pages when the
// annex fit has already reported the columns too narrow for them (one
// warning per column, naming it, rather than one more per cut word).
func withoutAnnexCuts(probs []layout.Problem, annexProbs []sheet.Problem) []layout.Problem {
	if len(annexProbs) == 0 {
		return probs
	}
	var out []layout.Problem
	for _, p := range probs {
		if p.Code == layout.ProblemCutWord && p.Section > 0 {
			continue
		}
		out = append(out, p)
	}
	return out
}

// Plan builds one plan file into o.OutDir. Validation problems are in
// Result.Load; nothing is written for an invalid plan.
//
// A panic in kehoach while building the plan is its Result.Err (a
// *panics.Error), with nothing written for it.
func Plan(path string, o Options) (r *Result) {
	r = &Result{Plan: path}
	defer func() {
		if p := recover(); p != nil {
			r.Err, r.Outputs, r.Pages = fmt.Errorf("%s: %w", path, panics.From(p)), nil, 0
		}
	}()
	c, err := composeAll(path, o)
	res, d := c.res, c.doc
	r.Load, r.Doc = res, d
	if err != nil || d == nil {
		r.Err = err
		return r
	}
	font := o.Font
	if font == nil {
		font = fonts.Bundled()
	}
	formats := o.formatsFor(c.electronic)
	outDir := o.OutDir
	if outDir == "" {
		outDir = "out"
	}
	base := o.baseName(res.Plan)
	r.Annex = c.probs
	// The formats render side by side (the PDF takes longest); the files
	// are then written as one set, in the order of formats.
	files := make([]fileset.File, len(formats))
	errs := make([]error, len(formats))
	pages := make([]int, len(formats))
	var wg sync.WaitGroup
	for i, f := range formats {
		if isRecord(f) {
			continue // written below, with the PDF layout's page count
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer panics.Catch(&errs[i])
			renderHook(f)
			name := OutputName(base, f)
			var data []byte
			var err error
			switch f {
			case "pdf":
				var probs []layout.Problem
				data, pages[i], probs, err = renderPDF(o.pdfw, d, c.prof, font, o.pdfOptions(d, c.electronic))
				r.Layout = withoutAnnexCuts(probs, c.probs)
			case "xlsx":
				data, err = RenderAnnexes(c.sheets, c.prof, d.Meta.Date)
			default:
				data, err = Render(f, d, c.prof, font)
			}
			files[i], errs[i] = fileset.File{Name: name, Data: data}, err
		}()
	}
	wg.Wait()
	if err := recordFiles(formats, files, errs, pages, base, d, c.prof, font); err != nil {
		r.Err = fmt.Errorf("%s: %w", path, err)
		return r
	}
	for i, f := range formats {
		if errs[i] != nil {
			r.Err = fmt.Errorf("%s: không tạo được tệp %s: %w", path, f, errs[i])
			return r
		}
		r.Pages += pages[i]
	}
	// All or nothing: a file held open by Word leaves the old set whole.
	outs, err := fileset.WriteAll(outDir, files)
	if err != nil {
		r.Err, r.Pages = err, 0
		return r
	}
	r.Outputs = outs
	return r
}

// renderHook is called as each format starts rendering; tests make it
// panic to show that a panic in a renderer is the plan's error.
var renderHook = func(format string) {}

// recordFiles fills in the metadata sidecars among formats (RecordFormats),
// whose PageAmount is the page count of the PDF layout: the PDF's when one
// was made (pages), else a layout made for the count.
func recordFiles(formats []string, files []fileset.File, errs []error, pages []int, base string, d *doc.Document, prof *doc.Profile, font *fonts.Family) error {
	n, want := 0, false
	for i, f := range formats {
		if f == "pdf" {
			n = pages[i]
		}
		want = want || isRecord(f)
	}
	if !want {
		return nil
	}
	if !slices.Contains(formats, "pdf") {
		ps, err := layout.Layout(d, prof, font)
		if err != nil {
			return fmt.Errorf("không dàn trang được để đếm số trang: %w", err)
		}
		n = len(ps)
	}
	for i, f := range formats {
		if isRecord(f) {
			data, err := RenderRecord(f, d, n)
			files[i], errs[i] = fileset.File{Name: OutputName(base, f), Data: data}, err
		}
	}
	return nil
}

// ExpandPaths turns command arguments (files or folders; none = plans/)
// into the files to work on: plan files, or with commune also the commune
// files (xa.yaml), sorted within each folder. A file named twice (a folder
// and a file in it) is listed once. A folder named is followed when it is
// a symlink (plans linked to a shared folder), and symlinks within it may
// lead anywhere inside it (safefile.Trust): it is the tree the user gave.
func ExpandPaths(args []string, commune bool) ([]string, error) {
	if len(args) == 0 {
		args = []string{"plans"}
	}
	var out []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, fmt.Errorf("không tìm thấy “%s”; hãy kiểm tra đường dẫn", a)
		}
		if !st.IsDir() {
			out = append(out, a)
			continue
		}
		safefile.Trust(a)
		ps, err := walkYAML(a, commune)
		if err != nil {
			return nil, fmt.Errorf("không đọc được thư mục %s: %w", a, err)
		}
		out = append(out, ps...)
	}
	if len(out) == 0 {
		return nil, errors.New("không có tệp kế hoạch nào (*.yaml, *.yml) để xử lý")
	}
	return dedupe(out), nil
}

// dedupe drops the paths that name a file listed before: the same path
// spelt otherwise (./a, a\b), or in another letter case on a file system
// that ignores case (Windows, macOS).
func dedupe(paths []string) []string {
	seen := map[string][]string{} // lower-case absolute path → paths kept
	out := paths[:0:0]
	for _, p := range paths {
		key := p
		if abs, err := filepath.Abs(p); err == nil {
			key = abs
		}
		key = strings.ToLower(key)
		dup := false
		for _, q := range seen[key] {
			if sameFile(p, q) {
				dup = true
				break
			}
		}
		if !dup {
			seen[key] = append(seen[key], p)
			out = append(out, p)
		}
	}
	return out
}

func sameFile(a, b string) bool {
	sa, err := os.Stat(a)
	if err != nil {
		return false
	}
	sb, err := os.Stat(b)
	return err == nil && os.SameFile(sa, sb)
}
