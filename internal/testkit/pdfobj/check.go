package pdfobj

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// The checks below each list what is wrong with a file, one sentence a
// fault, nil when nothing is. They read the file as it is written (this
// package's own parser), never the writer's idea of it.

// CheckTagged checks a tagged PDF: MarkInfo /Marked true, a document
// language, a StructTreeRoot whose ParentTree lists, for every page
// (/StructParents), the structure element of each MCID the page's
// content opens, and whose elements own each such MCID exactly once;
// every text-showing and painting operator inside marked content, BDC
// and EMC paired, no MCID opened twice on a page.
func CheckTagged(f *File) []string {
	var bad []string
	cat := f.Catalog()
	if mi := f.Dict(cat["MarkInfo"]); mi == nil || mi["Marked"] != true {
		bad = append(bad, "catalog: no /MarkInfo <</Marked true>>")
	}
	if Text(cat["Lang"]) == "" {
		bad = append(bad, "catalog: no /Lang")
	}
	root := f.Dict(cat["StructTreeRoot"])
	if root == nil {
		return append(bad, "catalog: no /StructTreeRoot")
	}
	// Who owns each (page, MCID), from the tree.
	type key struct{ page, mcid int }
	owner := map[key]int{}
	pages := f.Pages()
	pageIdx := map[int]int{}
	for i, p := range pages {
		pageIdx[p.Num] = i
	}
	var walk func(v any, pg, depth int)
	walk = func(v any, pg, depth int) {
		r, isRef := v.(Ref)
		d := f.Dict(v)
		if d == nil || depth > 64 {
			bad = append(bad, fmt.Sprintf("structure element %v is not a dictionary", v))
			return
		}
		if p, ok := d["Pg"].(Ref); ok {
			pg = pageIdx[p.Num]
		}
		kids := f.Resolve(d["K"])
		list, ok := kids.(Array)
		if !ok && kids != nil {
			list = Array{kids}
		}
		for _, k := range list {
			switch x := f.Resolve(k).(type) {
			case float64:
				kk := key{pg, int(x)}
				if _, dup := owner[kk]; dup {
					bad = append(bad, fmt.Sprintf("page %d MCID %d owned twice", pg+1, int(x)))
				}
				if isRef {
					owner[kk] = r.Num
				}
			case Dict:
				switch x["Type"] {
				case Name("MCR"):
					p := pg
					if pr, ok := x["Pg"].(Ref); ok {
						p = pageIdx[pr.Num]
					}
					kk := key{p, int(Number(x["MCID"]))}
					if _, dup := owner[kk]; dup {
						bad = append(bad, fmt.Sprintf("page %d MCID %d owned twice", p+1, kk.mcid))
					}
					owner[kk] = r.Num
				case Name("OBJR"):
				default:
					walk(k, pg, depth+1)
				}
			}
		}
	}
	for _, k := range f.Array(root["K"]) {
		walk(k, 0, 0)
	}
	nums := f.Array(f.Dict(root["ParentTree"])["Nums"])
	parent := map[int]any{}
	for i := 0; i+1 < len(nums); i += 2 {
		parent[int(Number(nums[i]))] = nums[i+1]
	}
	for i, p := range pages {
		pd := f.Dict(p)
		sp, ok := pd["StructParents"].(float64)
		if !ok {
			bad = append(bad, fmt.Sprintf("page %d: no /StructParents", i+1))
			continue
		}
		m, err := f.PageMarks(p)
		if err != nil {
			bad = append(bad, fmt.Sprintf("page %d: %v", i+1, err))
			continue
		}
		if m.Unmarked > 0 || m.UnmarkedPaint > 0 {
			bad = append(bad, fmt.Sprintf("page %d: %d text and %d painting operators outside marked content", i+1, m.Unmarked, m.UnmarkedPaint))
		}
		if m.Unbalanced || m.DuplicateMCID {
			bad = append(bad, fmt.Sprintf("page %d: marked content unbalanced (%v) or an MCID opened twice (%v)", i+1, m.Unbalanced, m.DuplicateMCID))
		}
		arr := f.Array(parent[int(sp)])
		if len(arr) != len(m.MCID) {
			bad = append(bad, fmt.Sprintf("page %d: ParentTree lists %d MCIDs, the content opens %d", i+1, len(arr), len(m.MCID)))
		}
		for mcid := range m.MCID {
			if mcid >= len(arr) {
				bad = append(bad, fmt.Sprintf("page %d: MCID %d not in the ParentTree", i+1, mcid))
				continue
			}
			r, _ := arr[mcid].(Ref)
			if owner[key{i, mcid}] != r.Num || r.Num == 0 {
				bad = append(bad, fmt.Sprintf("page %d: MCID %d: ParentTree says element %d, the tree %d", i+1, mcid, r.Num, owner[key{i, mcid}]))
			}
		}
	}
	return bad
}

// XMPValues reads an XMP packet's simple values by "prefix:name" as the
// packet spells them (the text of rdf:li for an Alt, Seq or Bag with one
// item).
func XMPValues(packet []byte) (map[string]string, error) {
	out := map[string]string{}
	dec := xml.NewDecoder(bytes.NewReader(packet))
	var stack []string
	var text strings.Builder
	for {
		tok, err := dec.RawToken()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := t.Name.Local
			if t.Name.Space != "" {
				n = t.Name.Space + ":" + n
			}
			stack = append(stack, n)
			text.Reset()
		case xml.CharData:
			text.Write(t)
		case xml.EndElement:
			if len(stack) == 0 {
				return nil, fmt.Errorf("xmp: unbalanced")
			}
			n := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			v := strings.TrimSpace(text.String())
			if n == "rdf:li" && len(stack) >= 2 {
				n = stack[len(stack)-2]
			}
			if v != "" && !strings.HasPrefix(n, "rdf:") {
				if _, seen := out[n]; !seen {
					out[n] = v
				}
			}
			text.Reset()
		}
	}
	if len(stack) != 0 {
		return nil, fmt.Errorf("xmp: unbalanced")
	}
	return out, nil
}

// XMPList reads the items of the array property name ("prefix:name" as
// the packet spells it), in order.
func XMPList(packet []byte, name string) []string {
	dec := xml.NewDecoder(bytes.NewReader(packet))
	var out []string
	depth, in := 0, -1
	var text strings.Builder
	for {
		tok, err := dec.RawToken()
		if err != nil {
			return out
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if in < 0 && t.Name.Space+":"+t.Name.Local == name {
				in = depth
			}
			text.Reset()
		case xml.CharData:
			text.Write(t)
		case xml.EndElement:
			if in > 0 && t.Name.Space == "rdf" && t.Name.Local == "li" && depth == in+2 {
				out = append(out, text.String())
			}
			if depth == in {
				return out
			}
			depth--
		}
	}
}

var rePDFDate = regexp.MustCompile(`^D:(\d{14})(Z|[+-]\d{2}'\d{2}'?)?$`)

// PDFDate parses a PDF date string with its offset.
func PDFDate(s string) (time.Time, error) {
	m := rePDFDate.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, fmt.Errorf("not a PDF date with seconds: %q", s)
	}
	zone := "Z"
	if m[2] != "" && m[2] != "Z" {
		zone = strings.ReplaceAll(strings.TrimSuffix(m[2], "'"), "'", ":")
	}
	if m[2] == "" {
		return time.Time{}, fmt.Errorf("PDF date %q has no offset", s)
	}
	return time.Parse("20060102150405Z07:00", m[1]+zone)
}

// CheckArchive checks the PDF/A requirements of level "1b" or "2b" that
// can be read off the file's structure:
//
//   - header %PDF-1.4 (1b) or %PDF-1.7 (2b), then a comment line of at
//     least four bytes above 127;
//   - trailer /ID of two 16-byte strings, no /Encrypt;
//   - catalog /Metadata: an unfiltered XML stream whose XMP has
//     pdfaid:part and pdfaid:conformance of the level, and the values of
//     the Info dictionary (Title, Author, Subject, Keywords, Producer,
//     Creator, CreationDate, ModDate) as dc:title, dc:creator,
//     dc:description, pdf:Keywords, pdf:Producer, xmp:CreatorTool,
//     xmp:CreateDate, xmp:ModifyDate (dates the same instant);
//   - one GTS_PDFA1 output intent whose DestOutputProfile is an ICC
//     profile of version 2 (or 4 for 2b), RGB, with /N 3;
//   - every font a Type0 font with a ToUnicode CMap and an embedded
//     CIDFontType2 (FontFile2); for 1b each descriptor's CIDSet lists
//     exactly CID 0 and the CIDs the CIDToGIDMap maps to a glyph;
//   - no transparency: no /Group /S /Transparency, no /SMask, no /CA or
//     /ca below 1, no blend mode but Normal (1b; 2b allows them but
//     kehoach uses none, so the check holds both to it);
//   - no JavaScript, no embedded files (1b: no /EmbeddedFiles key), no
//     /AA or /OpenAction actions;
//   - every annotation printed (/F with Print, without Hidden, NoView,
//     Invisible) and, for 2b, with a normal appearance (/AP /N).
func CheckArchive(f *File, level string) []string {
	var bad []string
	want := map[string]string{"1b": "1.4", "2b": "1.7"}[level]
	if f.Version != want {
		bad = append(bad, fmt.Sprintf("header version %s, want %s", f.Version, want))
	}
	lines := bytes.SplitN(f.Data, []byte("\n"), 3)
	high := 0
	if len(lines) > 1 && bytes.HasPrefix(lines[1], []byte("%")) {
		for _, c := range lines[1] {
			if c > 127 {
				high++
			}
		}
	}
	if high < 4 {
		bad = append(bad, "no binary comment line (four bytes above 127) after the header")
	}
	id := f.Array(f.Trailer["ID"])
	if len(id) != 2 {
		bad = append(bad, "trailer: no /ID of two strings")
	} else {
		for _, v := range id {
			if s, ok := v.(String); !ok || len(s) != 16 {
				bad = append(bad, "trailer: /ID strings are not 16 bytes")
			}
		}
	}
	if f.Trailer["Encrypt"] != nil {
		bad = append(bad, "trailer: /Encrypt")
	}
	cat := f.Catalog()
	md, ok := f.Resolve(cat["Metadata"]).(*Stream)
	if !ok {
		return append(bad, "catalog: no /Metadata stream")
	}
	if md.Dict["Filter"] != nil || md.Dict["Type"] != Name("Metadata") || md.Dict["Subtype"] != Name("XML") {
		bad = append(bad, "metadata stream filtered or not /Type /Metadata /Subtype /XML")
	}
	xv, err := XMPValues(md.Raw)
	if err != nil {
		return append(bad, err.Error())
	}
	if xv["pdfaid:part"] != level[:1] || xv["pdfaid:conformance"] != strings.ToUpper(level[1:]) {
		bad = append(bad, fmt.Sprintf("XMP pdfaid %s%s, want %s", xv["pdfaid:part"], xv["pdfaid:conformance"], level))
	}
	if !bytes.HasPrefix(md.Raw, []byte("<?xpacket begin=")) || !bytes.Contains(md.Raw, []byte(`<?xpacket end="w"?>`)) || bytes.Contains(md.Raw[:100], []byte("bytes=")) || bytes.Contains(md.Raw[:100], []byte("encoding=")) {
		bad = append(bad, "XMP packet header or trailer not as PDF/A wants (begin, no bytes or encoding attributes, end=\"w\")")
	}
	info := f.Info()
	for _, p := range [][2]string{{"Title", "dc:title"}, {"Author", "dc:creator"}, {"Subject", "dc:description"}, {"Keywords", "pdf:Keywords"}, {"Producer", "pdf:Producer"}, {"Creator", "xmp:CreatorTool"}} {
		iv := Text(info[Name(p[0])])
		if iv != xv[p[1]] {
			bad = append(bad, fmt.Sprintf("Info /%s %q ≠ XMP %s %q", p[0], iv, p[1], xv[p[1]]))
		}
	}
	for _, p := range [][2]string{{"CreationDate", "xmp:CreateDate"}, {"ModDate", "xmp:ModifyDate"}} {
		it, err1 := PDFDate(Text(info[Name(p[0])]))
		xt, err2 := time.Parse(time.RFC3339, xv[p[1]])
		if err1 != nil || err2 != nil || !it.Equal(xt) {
			bad = append(bad, fmt.Sprintf("Info /%s %q ≠ XMP %s %q (%v %v)", p[0], Text(info[Name(p[0])]), p[1], xv[p[1]], err1, err2))
		}
	}
	ois := f.Array(cat["OutputIntents"])
	if len(ois) != 1 {
		bad = append(bad, fmt.Sprintf("%d output intents, want 1", len(ois)))
	}
	for _, oi := range ois {
		d := f.Dict(oi)
		if d["S"] != Name("GTS_PDFA1") || Text(d["OutputConditionIdentifier"]) == "" {
			bad = append(bad, "output intent not /S /GTS_PDFA1 with an OutputConditionIdentifier")
		}
		s, ok := f.Resolve(d["DestOutputProfile"]).(*Stream)
		if !ok {
			bad = append(bad, "output intent without DestOutputProfile")
			continue
		}
		icc, err := s.Data()
		if err != nil || len(icc) < 128 {
			bad = append(bad, "output intent profile unreadable")
			continue
		}
		major := icc[8]
		if Number(s.Dict["N"]) != 3 || string(icc[16:20]) != "RGB " || string(icc[36:40]) != "acsp" || (major != 2 && !(level == "2b" && major == 4)) {
			bad = append(bad, fmt.Sprintf("output profile: N %v, space %q, version %d", s.Dict["N"], icc[16:20], major))
		}
	}
	fonts := 0
	for num, v := range f.Objs {
		d := f.Dict(v)
		if d == nil {
			continue
		}
		if d["Type"] == Name("Font") && d["Subtype"] != Name("CIDFontType2") {
			fonts++
			bad = append(bad, checkFont(f, num, d, level)...)
		}
		if g := f.Dict(d["Group"]); g != nil && g["S"] == Name("Transparency") {
			bad = append(bad, fmt.Sprintf("object %d: transparency group", num))
		}
		if d["SMask"] != nil && d["SMask"] != Name("None") {
			bad = append(bad, fmt.Sprintf("object %d: soft mask", num))
		}
		for _, k := range []Name{"CA", "ca"} {
			if a, ok := d[k].(float64); ok && a < 1 {
				bad = append(bad, fmt.Sprintf("object %d: /%s %v", num, k, a))
			}
		}
		if bm, ok := d["BM"].(Name); ok && bm != "Normal" && bm != "Compatible" {
			bad = append(bad, fmt.Sprintf("object %d: blend mode %s", num, bm))
		}
		if d["S"] == Name("JavaScript") || d["JS"] != nil {
			bad = append(bad, fmt.Sprintf("object %d: JavaScript", num))
		}
		if d["AA"] != nil {
			bad = append(bad, fmt.Sprintf("object %d: additional actions", num))
		}
		if d["Type"] == Name("Annot") || d["Subtype"] == Name("Widget") {
			fl := int(Number(d["F"]))
			if fl&4 == 0 || fl&(1|2|32) != 0 {
				bad = append(bad, fmt.Sprintf("annotation %d: /F %d (want Print, not Hidden, Invisible or NoView)", num, fl))
			}
			if level == "2b" && d["Subtype"] != Name("Popup") && d["Subtype"] != Name("Link") {
				ap := f.Dict(d["AP"])
				if ap == nil || ap["N"] == nil {
					bad = append(bad, fmt.Sprintf("annotation %d: no normal appearance", num))
				}
			}
		}
	}
	if fonts == 0 {
		bad = append(bad, "no font")
	}
	names := f.Dict(cat["Names"])
	if names != nil && (names["EmbeddedFiles"] != nil || names["JavaScript"] != nil) {
		bad = append(bad, "catalog names tree with EmbeddedFiles or JavaScript")
	}
	if cat["OpenAction"] != nil || cat["AA"] != nil {
		bad = append(bad, "catalog /OpenAction or /AA")
	}
	return bad
}

func checkFont(f *File, num int, d Dict, level string) []string {
	var bad []string
	if d["Subtype"] != Name("Type0") {
		return []string{fmt.Sprintf("font %d: /Subtype %v (kehoach embeds only Type0 CIDFontType2 fonts)", num, d["Subtype"])}
	}
	if _, ok := f.Resolve(d["ToUnicode"]).(*Stream); !ok {
		bad = append(bad, fmt.Sprintf("font %d: no ToUnicode", num))
	}
	desc := f.Array(d["DescendantFonts"])
	if len(desc) != 1 {
		return append(bad, fmt.Sprintf("font %d: %d descendant fonts", num, len(desc)))
	}
	cid := f.Dict(desc[0])
	fd := f.Dict(cid["FontDescriptor"])
	if cid["Subtype"] != Name("CIDFontType2") || fd == nil {
		return append(bad, fmt.Sprintf("font %d: descendant not a CIDFontType2 with a descriptor", num))
	}
	ff, ok := f.Resolve(fd["FontFile2"]).(*Stream)
	if !ok {
		return append(bad, fmt.Sprintf("font %d: not embedded (no FontFile2)", num))
	}
	if prog, err := ff.Data(); err != nil || len(prog) < 12 {
		bad = append(bad, fmt.Sprintf("font %d: font program unreadable", num))
	}
	if level != "1b" {
		return bad
	}
	m, ok := f.Resolve(cid["CIDToGIDMap"]).(*Stream)
	cs, ok2 := f.Resolve(fd["CIDSet"]).(*Stream)
	if !ok || !ok2 {
		return append(bad, fmt.Sprintf("font %d: no CIDToGIDMap stream or no CIDSet", num))
	}
	gids, err1 := m.Data()
	set, err2 := cs.Data()
	if err1 != nil || err2 != nil {
		return append(bad, fmt.Sprintf("font %d: CIDToGIDMap or CIDSet unreadable", num))
	}
	for c := 0; c < len(gids)/2 || c < len(set)*8; c++ {
		has := c == 0 || (2*c+1 < len(gids) && (gids[2*c] != 0 || gids[2*c+1] != 0))
		in := c/8 < len(set) && set[c/8]&(0x80>>(c%8)) != 0
		if has != in {
			bad = append(bad, fmt.Sprintf("font %d: CID %d in font %v, in CIDSet %v", num, c, has, in))
			break
		}
	}
	return bad
}

// SignField is the signature field of a signing-ready PDF.
type SignField struct {
	Num  int // object number
	Page int // index of the page whose /Annots list it
	Rect [4]float64
	Dict Dict
}

// SignFields lists the fields of the AcroForm whose /FT is /Sig, with
// the page that shows each; faults of their form are returned too:
// a field not a printed widget, not on its /P page, listed on no page
// or on two, an appearance that is not a form XObject, a value (/V: a
// field kehoach writes is unsigned).
func SignFields(f *File) ([]SignField, []string) {
	var bad []string
	var out []SignField
	form := f.Dict(f.Catalog()["AcroForm"])
	if form == nil {
		return nil, nil
	}
	onPage := map[int][]int{}
	for i, p := range f.Pages() {
		for _, a := range f.Array(f.Dict(p)["Annots"]) {
			if r, ok := a.(Ref); ok {
				onPage[r.Num] = append(onPage[r.Num], i)
			}
		}
	}
	pages := f.Pages()
	for _, fv := range f.Array(form["Fields"]) {
		r, ok := fv.(Ref)
		d := f.Dict(fv)
		if !ok || d == nil || d["FT"] != Name("Sig") {
			continue
		}
		sf := SignField{Num: r.Num, Dict: d, Page: -1}
		for i, v := range f.Array(d["Rect"]) {
			if i < 4 {
				sf.Rect[i] = Number(v)
			}
		}
		if d["Subtype"] != Name("Widget") || int(Number(d["F"]))&4 == 0 {
			bad = append(bad, fmt.Sprintf("field %d: not a printed widget", r.Num))
		}
		if d["V"] != nil {
			bad = append(bad, fmt.Sprintf("field %d: has a value (/V)", r.Num))
		}
		if ps := onPage[r.Num]; len(ps) != 1 {
			bad = append(bad, fmt.Sprintf("field %d: listed in the /Annots of %d pages", r.Num, len(ps)))
		} else {
			sf.Page = ps[0]
			if p, ok := d["P"].(Ref); !ok || p.Num != pages[ps[0]].Num {
				bad = append(bad, fmt.Sprintf("field %d: /P is not its page", r.Num))
			}
		}
		if ap := f.Dict(f.Dict(d["AP"])["N"]); ap == nil || ap["Subtype"] != Name("Form") || len(f.Array(ap["BBox"])) != 4 {
			bad = append(bad, fmt.Sprintf("field %d: appearance is not a form XObject with a BBox", r.Num))
		}
		out = append(out, sf)
	}
	return out, bad
}
