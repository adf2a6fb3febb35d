package pdf

import (
	"bytes"
	"crypto/md5"
	"fmt"
	"regexp"
	"slices"
	"strconv"

	"kehoach/internal/lazy"
)

// objFile is a PDF as fpdf wrote it, cut into its objects by the offsets
// of its cross-reference table, so that the document-level structures
// fpdf cannot write (structure tree, signature field, PDF/A metadata and
// output intent, trailer ID) can be added and the file written again
// with a new table. fpdf writes one classic cross-reference section with
// every object in use, numbered 1 … Size-1, and no object streams; parse
// refuses anything else.
type objFile struct {
	header []byte   // "%PDF-1.3\n%µ¶\n"
	objs   [][]byte // objs[n] is object n's body, between "n 0 obj\n" and "endobj\n"; objs[0] unused
	root   int      // catalog
	info   int      // document information dictionary
}

var (
	reStartXref = lazy.MustCompile(`startxref\n(\d+)\n%%EOF\n?$`)
	reRoot      = lazy.MustCompile(`/Root (\d+) 0 R`)
	reInfo      = lazy.MustCompile(`/Info (\d+) 0 R`)
)

// parseObjFile cuts fpdf's output into objects.
func parseObjFile(b []byte) (*objFile, error) {
	m := reStartXref.Get().FindSubmatch(b)
	if m == nil {
		return nil, fmt.Errorf("pdf: no startxref")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if xref <= 0 || xref >= len(b) || !bytes.HasPrefix(b[xref:], []byte("xref\n0 ")) {
		return nil, fmt.Errorf("pdf: no cross-reference table at %d", xref)
	}
	rest := b[xref+len("xref\n0 "):]
	nl := bytes.IndexByte(rest, '\n')
	if nl < 0 {
		return nil, fmt.Errorf("pdf: broken cross-reference table")
	}
	size, err := strconv.Atoi(string(rest[:nl]))
	if err != nil || size < 2 {
		return nil, fmt.Errorf("pdf: broken cross-reference table")
	}
	rest = rest[nl+1:]
	if len(rest) < 20*size {
		return nil, fmt.Errorf("pdf: short cross-reference table")
	}
	offs := make([]int, size)
	for n := 1; n < size; n++ {
		e := rest[20*n : 20*n+20]
		if e[17] != 'n' {
			return nil, fmt.Errorf("pdf: object %d not in use", n)
		}
		offs[n], err = strconv.Atoi(string(e[:10]))
		if err != nil || offs[n] <= 0 || offs[n] >= xref {
			return nil, fmt.Errorf("pdf: bad offset of object %d", n)
		}
	}
	trailer := rest[20*size:]
	f := &objFile{objs: make([][]byte, size)}
	if m := reRoot.Get().FindSubmatch(trailer); m != nil {
		f.root, _ = strconv.Atoi(string(m[1]))
	}
	if m := reInfo.Get().FindSubmatch(trailer); m != nil {
		f.info, _ = strconv.Atoi(string(m[1]))
	}
	if f.root <= 0 || f.root >= size || f.info <= 0 || f.info >= size {
		return nil, fmt.Errorf("pdf: trailer without /Root or /Info")
	}
	// Each object ends where the next one in the file starts.
	order := make([]int, 0, size-1)
	for n := 1; n < size; n++ {
		order = append(order, n)
	}
	slices.SortFunc(order, func(a, b int) int { return offs[a] - offs[b] })
	first := offs[order[0]]
	for i, n := range order {
		end := xref
		if i+1 < len(order) {
			end = offs[order[i+1]]
		}
		obj := b[offs[n]:end]
		head := []byte(strconv.Itoa(n) + " 0 obj\n")
		if !bytes.HasPrefix(obj, head) || !bytes.HasSuffix(obj, []byte("endobj\n")) {
			return nil, fmt.Errorf("pdf: object %d is not where the table says", n)
		}
		f.objs[n] = obj[len(head) : len(obj)-len("endobj\n")]
	}
	f.header = b[:first]
	return f, nil
}

// add appends a new object and returns its number.
func (f *objFile) add(body []byte) int {
	if len(body) == 0 || body[len(body)-1] != '\n' {
		body = append(body, '\n')
	}
	f.objs = append(f.objs, body)
	return len(f.objs) - 1
}

// reserve appends an empty object to be set later (a forward reference).
func (f *objFile) reserve() int { return f.add([]byte("null\n")) }

// set replaces object n's body.
func (f *objFile) set(n int, body []byte) {
	if len(body) == 0 || body[len(body)-1] != '\n' {
		body = append(body, '\n')
	}
	f.objs[n] = body
}

// bytes writes the file: header with version (e.g. "1.7"), the objects
// in number order, a new cross-reference table and a trailer with a
// document ID derived from the content (the same bytes give the same ID).
func (f *objFile) bytes(version string) []byte {
	var b bytes.Buffer
	hdr := f.header
	if i := bytes.IndexByte(hdr, '\n'); i > 0 {
		hdr = hdr[i:]
	}
	b.WriteString("%PDF-" + version)
	b.Write(hdr)
	offs := make([]int, len(f.objs))
	for n := 1; n < len(f.objs); n++ {
		offs[n] = b.Len()
		b.WriteString(strconv.Itoa(n) + " 0 obj\n")
		b.Write(f.objs[n])
		b.WriteString("endobj\n")
	}
	id := md5.Sum(b.Bytes())
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(f.objs))
	for n := 1; n < len(f.objs); n++ {
		fmt.Fprintf(&b, "%010d 00000 n \n", offs[n])
	}
	fmt.Fprintf(&b, "trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n/ID [<%x> <%x>]\n>>\nstartxref\n%d\n%%%%EOF\n",
		len(f.objs), f.root, f.info, id, id, xref)
	return b.Bytes()
}

// pageObjects are the object numbers of the pages in order, read from
// the page tree root (fpdf: object 1, one level of /Kids).
func (f *objFile) pageObjects() ([]int, error) {
	m := regexp.MustCompile(`/Kids \[([0-9 R]*)\]`).FindSubmatch(f.objs[1])
	if m == nil {
		return nil, fmt.Errorf("pdf: page tree without /Kids")
	}
	var out []int
	for _, g := range regexp.MustCompile(`(\d+) 0 R`).FindAllSubmatch(m[1], -1) {
		n, _ := strconv.Atoi(string(g[1]))
		if n <= 0 || n >= len(f.objs) || !bytes.HasPrefix(f.objs[n], []byte("<</Type /Page\n")) {
			return nil, fmt.Errorf("pdf: page object %d not found", n)
		}
		out = append(out, n)
	}
	return out, nil
}

// addToDict inserts entries right after the opening "<<" (and a first
// "/Type /X" line, when there is one) of object n's dictionary.
func (f *objFile) addToDict(n int, entries string) {
	body := f.objs[n]
	at := 2
	if i := bytes.IndexByte(body, '\n'); i > 0 && bytes.HasPrefix(body, []byte("<</Type ")) {
		at = i + 1
	}
	out := make([]byte, 0, len(body)+len(entries)+1)
	out = append(out, body[:at]...)
	if at == 2 {
		out = append(out, '\n')
	}
	out = append(out, entries...)
	out = append(out, '\n')
	out = append(out, body[at:]...)
	f.objs[n] = out
}
