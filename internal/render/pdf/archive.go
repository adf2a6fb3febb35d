package pdf

import (
	"bytes"
	"compress/zlib"
	_ "embed"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"kehoach/internal/doc"
	"kehoach/internal/layout"
	"kehoach/internal/lazy"
)

// Archive is a PDF/A conformance level (ISO 19005) for long-term
// preservation, or none.
type Archive string

// Archive levels.
const (
	ArchiveNone Archive = ""
	Archive2B   Archive = "2b" // PDF/A-2b (ISO 19005-2, level B), on PDF 1.7
	Archive1B   Archive = "1b" // PDF/A-1b (ISO 19005-1, level B; TCVN 14159-1:2024), on PDF 1.4
)

// Options say what a PDF carries beyond the paper document's pages. The
// zero Options write the paper PDF, byte for byte as WritePages does.
type Options struct {
	// Doc is the document the pages were laid out from: Tagged reads its
	// structure. Needed when Tagged is set.
	Doc *doc.Document
	// Tagged writes a tagged PDF: structure tree, marked content,
	// MarkInfo, artifacts (see tagged.go).
	Tagged bool
	// Archive writes PDF/A of that level: XMP metadata with the pdfaid
	// identification and the Phụ lục VI record, an sRGB output intent,
	// a trailer ID, no transparency group, no embedded-files tree (and
	// CIDSet streams for PDF/A-1). It implies XMP and a trailer ID.
	Archive Archive
	// SignField puts an empty signature field (AcroForm /Sig, a widget
	// annotation printed, with an empty appearance) over the signature
	// area of the signing room (layout.AreaSignature), for the signing
	// tool to sign in.
	SignField bool
}

func (o Options) finished() bool { return o.Tagged || o.Archive != ArchiveNone || o.SignField }

// ICC is the sRGB ICC profile (ICC v2) embedded as the output intent of
// an archival PDF: icc-profiles-free's sRGB.icc, zlib licence
// (icc/README.md).
//
//go:embed icc/sRGB.icc
var ICC []byte

// OutputCondition names the output intent's condition.
const OutputCondition = "sRGB IEC61966-2.1"

// SignFieldName is the signature field's name (/T), TU its description.
const (
	SignFieldName = "ChuKySo"
	SignFieldTU   = "Chữ ký số của người ký"
)

// ptPerMM converts layout millimetres to PDF points.
const ptPerMM = 72 / 25.4

var reNames = lazy.MustCompile(`/Names <<\n/EmbeddedFiles << /Names \[\s*\] >>\n>>\n`)

// finish adds to fpdf's output what o asks for.
func finish(out []byte, meta doc.Meta, pages []layout.Page, o Options, t *tagger) ([]byte, error) {
	f, err := parseObjFile(out)
	if err != nil {
		return nil, err
	}
	pageObjs, err := f.pageObjects()
	if err != nil {
		return nil, err
	}
	if len(pageObjs) != len(pages) && len(pages) > 0 {
		return nil, fmt.Errorf("pdf: %d page objects for %d pages", len(pageObjs), len(pages))
	}
	var cat []string
	version := "1.7"
	if o.Archive == Archive1B {
		version = "1.4"
	}
	// The empty embedded-files tree fpdf always writes (PDF/A-1 forbids
	// the key) goes.
	f.objs[f.root] = reNames.Get().ReplaceAll(f.objs[f.root], nil)
	if !bytes.Contains(f.objs[f.root], []byte("/Lang ")) {
		cat = append(cat, "/Lang (vi-VN)")
	}

	sigKey, sigObj, sigPage := -1, 0, -1
	if o.SignField {
		for i, pg := range pages {
			for _, a := range pg.Areas {
				if a.Kind == layout.AreaSignature && sigPage < 0 {
					sigPage = i
					sigObj = signField(f, pageObjs[i], pg, a, o.Tagged, len(pages))
				}
			}
		}
		if sigPage >= 0 {
			sigKey = len(pages)
			cat = append(cat, fmt.Sprintf("/AcroForm <</Fields [%d 0 R] /SigFlags 1>>", sigObj))
		}
	}
	if o.Tagged && t != nil {
		if t.form != nil && sigPage >= 0 {
			t.form.kids = append(t.form.kids, objRef{page: sigPage})
		} else {
			sigKey = -1
		}
		str := t.write(f, pageObjs, sigKey, sigObj)
		if o.Archive == Archive1B { // /Tabs is PDF 1.5
			for _, n := range pageObjs {
				f.objs[n] = bytes.Replace(f.objs[n], []byte(" /Tabs /S"), nil, 1)
			}
		}
		cat = append(cat, fmt.Sprintf("/StructTreeRoot %d 0 R", str), "/MarkInfo <</Marked true>>", "/ViewerPreferences <</DisplayDocTitle true>>")
	}

	date := meta.Date
	if date.IsZero() {
		date = fallbackDate
	}
	f.set(f.info, infoDict(meta, date))
	xmp := XMP(meta, date, o.Archive)
	md := f.add(fmt.Appendf(nil, "<</Type /Metadata /Subtype /XML /Length %d>>\nstream\n%s\nendstream\n", len(xmp), xmp))
	cat = append(cat, fmt.Sprintf("/Metadata %d 0 R", md))
	if o.Archive != ArchiveNone {
		icc := f.add(fmt.Appendf(nil, "<</N 3 /Alternate /DeviceRGB /Length %d>>\nstream\n%s\nendstream\n", len(ICC), ICC))
		cat = append(cat, fmt.Sprintf("/OutputIntents [<</Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (%s) /Info (%s) /RegistryName (http://www.color.org) /DestOutputProfile %d 0 R>>]",
			OutputCondition, OutputCondition, icc))
		if o.Archive == Archive1B {
			if err := addCIDSets(f); err != nil {
				return nil, err
			}
		}
	}
	countOutlines(f)
	f.addToDict(f.root, strings.Join(cat, "\n"))
	return f.bytes(version), nil
}

var (
	reOutlines = lazy.MustCompile(`^<</Type /Outlines /First (\d+) 0 R`)
	reNext     = lazy.MustCompile(`/Next (\d+) 0 R`)
)

// countOutlines gives the outline root the /Count fpdf leaves out: the
// number of items shown with every item closed, its top-level items
// (Apache PDFBox Preflight wants the entry).
func countOutlines(f *objFile) {
	for n := 1; n < len(f.objs); n++ {
		m := reOutlines.Get().FindSubmatch(f.objs[n])
		if m == nil || bytes.Contains(f.objs[n], []byte("/Count ")) {
			continue
		}
		count := 0
		for item, _ := strconv.Atoi(string(m[1])); item > 0 && item < len(f.objs) && count < len(f.objs); count++ {
			nx := reNext.Get().FindSubmatch(f.objs[item])
			if nx == nil {
				item = 0
			} else {
				item, _ = strconv.Atoi(string(nx[1]))
			}
		}
		f.objs[n] = bytes.Replace(f.objs[n], []byte("<</Type /Outlines "), fmt.Appendf(nil, "<</Type /Outlines /Count %d ", count), 1)
	}
}

// signField writes the signature field of area a on page pg (object
// pageObj) and its empty appearance, lists it in the page's /Annots, and
// returns its object number.
func signField(f *objFile, pageObj int, pg layout.Page, a layout.Area, tagged bool, key int) int {
	w, h := a.W*ptPerMM, a.H*ptPerMM
	x0 := a.X * ptPerMM
	y0 := (pg.Height - a.Y - a.H) * ptPerMM
	ap := f.add(fmt.Appendf(nil, "<</Type /XObject /Subtype /Form /BBox [0 0 %.2f %.2f] /Resources <<>> /Length 0>>\nstream\n\nendstream\n", w, h))
	sp := ""
	if tagged {
		sp = fmt.Sprintf(" /StructParent %d", key)
	}
	n := f.add(fmt.Appendf(nil, "<</Type /Annot /Subtype /Widget /FT /Sig /T (%s) /TU %s /F 4 /Rect [%.2f %.2f %.2f %.2f] /P %d 0 R /AP <</N %d 0 R>>%s>>\n",
		SignFieldName, hexText(SignFieldTU), x0, y0, x0+w, y0+h, pageObj, ap, sp))
	f.addToDict(pageObj, fmt.Sprintf("/Annots [%d 0 R]", n))
	return n
}

// hexText is s as a PDF text string: UTF-16BE with a byte order mark,
// hex-encoded (the same bytes every time).
func hexText(s string) string {
	var b strings.Builder
	b.WriteString("<feff")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04x", u)
	}
	b.WriteString(">")
	return b.String()
}

// pdfDate is t as a PDF date with its offset: D:20250101000000+07'00'.
func pdfDate(t time.Time) string {
	s := "D:" + t.Format("20060102150405")
	_, off := t.Zone()
	if off == 0 {
		return s + "Z"
	}
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("%s%c%02d'%02d'", s, sign, off/3600, off%3600/60)
}

// infoDict is the document information dictionary, the same values as
// the XMP metadata (XMP): PDF/A wants the two to agree.
func infoDict(meta doc.Meta, date time.Time) []byte {
	var b bytes.Buffer
	b.WriteString("<<\n")
	fmt.Fprintf(&b, "/Producer %s\n/Creator %s\n", hexText(Producer), hexText(Producer))
	for _, kv := range [][2]string{{"Title", meta.Title}, {"Author", meta.Author}, {"Subject", meta.Subject}, {"Keywords", keywords(meta)}} {
		if kv[1] != "" {
			fmt.Fprintf(&b, "/%s %s\n", kv[0], hexText(kv[1]))
		}
	}
	fmt.Fprintf(&b, "/CreationDate (%s)\n/ModDate (%s)\n>>\n", pdfDate(date), pdfDate(date))
	return b.Bytes()
}

func keywords(meta doc.Meta) string { return strings.Join(meta.Keywords, "; ") }

// addCIDSets gives every embedded CIDFont's descriptor a CIDSet stream
// listing the CIDs its font program has (PDF/A-1, ISO 19005-1 6.3.5): CID
// 0 and each CID the CIDToGIDMap maps to a glyph.
func addCIDSets(f *objFile) error {
	reDesc := regexp.MustCompile(`/FontDescriptor (\d+) 0 R`)
	reMap := regexp.MustCompile(`/CIDToGIDMap (\d+) 0 R`)
	for n := 1; n < len(f.objs); n++ {
		body := f.objs[n]
		if !bytes.HasPrefix(body, []byte("<</Type /Font\n/Subtype /CIDFontType2")) {
			continue
		}
		dm, mm := reDesc.FindSubmatch(body), reMap.FindSubmatch(body)
		if dm == nil || mm == nil {
			return fmt.Errorf("pdf: CIDFont %d without descriptor or CIDToGIDMap", n)
		}
		var desc, cmap int
		fmt.Sscan(string(dm[1]), &desc)
		fmt.Sscan(string(mm[1]), &cmap)
		m, err := streamData(f.objs[cmap])
		if err != nil {
			return fmt.Errorf("pdf: CIDToGIDMap %d: %w", cmap, err)
		}
		set := make([]byte, (len(m)/2+7)/8)
		set[0] |= 0x80 // CID 0, .notdef
		for cid := 0; cid < len(m)/2; cid++ {
			if m[2*cid] != 0 || m[2*cid+1] != 0 {
				set[cid/8] |= 0x80 >> (cid % 8)
			}
		}
		last := len(set)
		for last > 1 && set[last-1] == 0 {
			last--
		}
		set = set[:last]
		cs := f.add(fmt.Appendf(nil, "<</Length %d>>\nstream\n%s\nendstream\n", len(set), set))
		f.objs[desc] = bytes.Replace(f.objs[desc], []byte("/FontFile2 "), fmt.Appendf(nil, "/CIDSet %d 0 R /FontFile2 ", cs), 1)
	}
	return nil
}

// streamData is the decoded data of an object holding a stream fpdf
// wrote (FlateDecode or none).
func streamData(obj []byte) ([]byte, error) {
	i := bytes.Index(obj, []byte("stream\n"))
	j := bytes.LastIndex(obj, []byte("\nendstream"))
	if i < 0 || j < i {
		return nil, fmt.Errorf("no stream")
	}
	data := obj[i+len("stream\n") : j]
	if !bytes.Contains(obj[:i], []byte("/FlateDecode")) {
		return data, nil
	}
	r, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}
