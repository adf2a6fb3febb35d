// Copyright ©2026 The kehoach authors. Use of this source code is governed
// by the MIT licence of this package (see LICENSE).

package fpdf

import (
	"bytes"
	"sync"
	"sync/atomic"
)

// kehoach patch 11: the documents sharing a FontCache reuse each other's
// page content buffers, handed back once putpages has written the pages,
// and start their output buffer at the size of the last document's
// output, rather than growing every buffer from nothing by doubling. The
// bytes written are the same. A document without a cache allocates its
// buffers as before.

// maxFreeBuffers bounds the page buffers a FontCache keeps, and
// maxKeptBuffer the capacity of one kept (a larger one is dropped).
const (
	maxFreeBuffers = 64
	maxKeptBuffer  = 1 << 20
)

// bufferList is a FontCache's free page buffers and output size hint.
type bufferList struct {
	mu   sync.Mutex
	bufs []*bytes.Buffer
	// out is the output size of the last document written (enddoc).
	out atomic.Int64
}

// get returns a free, empty buffer, or nil when there is none.
func (l *bufferList) get() *bytes.Buffer {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := len(l.bufs)
	if n == 0 {
		return nil
	}
	b := l.bufs[n-1]
	l.bufs[n-1] = nil
	l.bufs = l.bufs[:n-1]
	return b
}

// put keeps b, emptied, for another page, unless the list is full or b
// is too large.
func (l *bufferList) put(b *bytes.Buffer) {
	if b == nil || b.Cap() > maxKeptBuffer {
		return
	}
	b.Reset()
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.bufs) < maxFreeBuffers {
		l.bufs = append(l.bufs, b)
	}
}

// newPageBuffer returns the content buffer of a new page: a free one of
// f's FontCache when there is one.
func (f *Fpdf) newPageBuffer() *bytes.Buffer {
	if f.fontCache != nil {
		if b := f.fontCache.buffers.get(); b != nil {
			return b
		}
	}
	return bytes.NewBufferString("")
}

// releasePageBuffers gives the content buffers of f's pages, written out
// by putpages, to f's FontCache, leaving f empty ones.
func (f *Fpdf) releasePageBuffers() {
	if f.fontCache == nil {
		return
	}
	for n := 1; n < len(f.pages); n++ {
		f.fontCache.buffers.put(f.pages[n])
		f.pages[n] = new(bytes.Buffer)
	}
}

// growOutput makes room in f's output buffer for as much as the last
// document sharing f's FontCache wrote.
func (f *Fpdf) growOutput() {
	if f.fontCache != nil {
		if n := f.fontCache.buffers.out.Load(); n > int64(f.buffer.Len()) && n < 1<<30 {
			f.buffer.Grow(int(n) - f.buffer.Len())
		}
	}
}

// noteOutput records the size of f's output for the next document.
func (f *Fpdf) noteOutput() {
	if f.fontCache != nil {
		f.fontCache.buffers.out.Store(int64(f.buffer.Len()))
	}
}
