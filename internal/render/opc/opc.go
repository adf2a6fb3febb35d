// Package opc writes the zip container of an Office Open XML package (the
// Open Packaging Conventions of ECMA-376 Part 2) for the DOCX and XLSX
// renderers: the parts in a fixed order, each deflated, stamped with one
// given time.
//
// Every part is deflated at Level (BestSpeed) by
// github.com/klauspost/compress/flate, one stream a part, as archive/zip
// stores it. The cost, against archive/zip's own Deflate compressor:
//   - archive/zip takes its flate writers from a sync.Pool, which every
//     garbage collection empties, so a render after a collection
//     allocated a new 1 MB writer; here one writer deflates every part of
//     a package, and a few writers are kept between packages (a bounded
//     free list, not emptied by the collector);
//   - a part its renderer marks Shared (content types, relationships,
//     styles: the same in most packages) is deflated once per process and
//     its deflated bytes remembered by its content, so the next package
//     with the same part copies them. Deflate is a function of its input
//     and level, so the bytes are those deflating it again would give.
package opc

import (
	"archive/zip"
	"bytes"
	"io"
	"sync"
	"time"

	"github.com/klauspost/compress/flate"
)

// Level is the deflate level of every part: BestSpeed, not archive/zip's
// own level 5. Deflating the parts was most of the DOCX and XLSX writers'
// time (2.3 ms of CPU a plan at level 5 for the 2025 plan of Mường Khoa);
// the files are a little larger (DOCX 21.5 -> 26.4 KB, XLSX 13.0 -> 14.5
// KB), as the PDF's streams are deflated at BestSpeed too. The deflater is
// klauspost/compress's, as for the PDF's streams: at the same level it
// takes about 0.4 of compress/flate's CPU and writes a little less (the
// 2025 plan's DOCX 26.4 -> 25.1 KB, XLSX 14.5 -> 14.3 KB), and its output
// is fixed by the version in go.mod, where compress/flate's may change
// with the Go release that builds kehoach.
const Level = flate.BestSpeed

// Part is one part of a package.
type Part struct {
	Name string // the part name in the zip: "word/document.xml"
	Data []byte // the part, unzipped
	// Shared marks a part likely to be the same, byte for byte, in other
	// packages written by the process (one that depends on the profile
	// and the format only, not on the plan's text): its deflated bytes
	// are remembered (see the package comment). It never changes the
	// bytes written, only whether they are deflated again.
	Shared bool
}

// Write stores the parts in order as deflated zip entries whose time is
// date, to w.
func Write(w io.Writer, parts []Part, date time.Time) error {
	d := getDeflater()
	defer putDeflater(d)
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, d.compressor)
	for _, p := range parts {
		d.shared = p.Shared && len(p.Data) <= maxShared
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.Name, Method: zip.Deflate, Modified: date})
		if err != nil {
			return err
		}
		if _, err := f.Write(p.Data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// deflater deflates the parts of one package, one after another, with one
// flate writer.
type deflater struct {
	fw     *flate.Writer
	out    target // fw's output
	used   bool   // fw has written since it was made or reset
	shared bool   // the part being written is Shared
	part   io.Writer
	in     []byte       // a shared part, gathered
	packed bytes.Buffer // a shared part, deflated
}

// target is an io.Writer that can be pointed elsewhere, so that a kept
// writer holds on to no package's output.
type target struct{ w io.Writer }

func (t *target) Write(p []byte) (int, error) { return t.w.Write(p) }

// compressor is the zip.Compressor of the package: for a part not shared,
// the deflater's writer reset onto the part's output; for a shared part,
// the deflater itself, which deflates the part (or finds it deflated
// already) when it is closed. archive/zip closes each part's writer
// before it asks for the next one.
func (d *deflater) compressor(w io.Writer) (io.WriteCloser, error) {
	if d.shared {
		d.part, d.in = w, d.in[:0]
		return d, nil
	}
	d.reset(w)
	return d.fw, nil
}

// reset readies fw to deflate a new stream to w.
func (d *deflater) reset(w io.Writer) {
	d.out.w = w
	if d.used {
		d.fw.Reset(&d.out)
	}
	d.used = true
}

// Write gathers a shared part.
func (d *deflater) Write(p []byte) (int, error) {
	d.in = append(d.in, p...)
	return len(p), nil
}

// Close writes a shared part deflated, from the memo when it has it.
func (d *deflater) Close() error {
	if z, ok := memo.get(d.in); ok {
		_, err := d.part.Write(z)
		return err
	}
	d.packed.Reset()
	d.reset(&d.packed)
	if _, err := d.fw.Write(d.in); err != nil {
		return err
	}
	if err := d.fw.Close(); err != nil {
		return err
	}
	memo.put(d.in, d.packed.Bytes())
	_, err := d.part.Write(d.packed.Bytes())
	return err
}

// Bounds of the memo of shared parts: a part larger than maxShared is
// always deflated, and the memo takes no more parts once it holds
// maxMemo bytes (a process building many plans meets the same few shared
// parts; one whose parts vary gains nothing from more).
const (
	maxShared = 16 << 10
	maxMemo   = 1 << 20
)

// memo is the deflated bytes of the shared parts met, by content.
var memo = deflated{m: map[string][]byte{}}

type deflated struct {
	mu   sync.RWMutex
	m    map[string][]byte
	size int
}

func (c *deflated) get(part []byte) ([]byte, bool) {
	c.mu.RLock()
	z, ok := c.m[string(part)]
	c.mu.RUnlock()
	return z, ok
}

func (c *deflated) put(part, z []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[string(part)]; ok || c.size+len(part)+len(z) > maxMemo {
		return
	}
	c.m[string(part)] = bytes.Clone(z)
	c.size += len(part) + len(z)
}

// free holds deflaters between packages: as many as renderers run at once
// in a build (the formats render in parallel, plans on every core), so
// that a render rarely makes a writer and memory stays bounded.
var free = make(chan *deflater, 8)

func getDeflater() *deflater {
	select {
	case d := <-free:
		return d
	default:
		d := &deflater{}
		fw, err := flate.NewWriter(&d.out, Level)
		if err != nil {
			panic(err) // only for a level out of range
		}
		d.fw = fw
		return d
	}
}

func putDeflater(d *deflater) {
	d.out.w, d.part = nil, nil
	select {
	case free <- d:
	default:
	}
}
