// Copyright ©2026 The kehoach authors. Use of this source code is governed
// by the MIT licence of this package (see LICENSE).

package fpdf

import (
	"sync"

	"github.com/klauspost/compress/zlib"
)

// kehoach patch 10: the zlib writers that compress the page streams of the
// documents sharing a FontCache are kept by the cache, so they outlive a
// garbage collection (patch 1's sync.Pool is emptied by every one, and a
// new writer allocates and clears about 1 MB). A document without a cache
// uses the pool as before.

// maxFreeWriters bounds the writers a FontCache keeps (one per document
// compressing at the same time is enough).
const maxFreeWriters = 4

// writerList is a FontCache's free zlib writers (BestSpeed).
type writerList struct {
	mu sync.Mutex
	ws []*zlib.Writer
}

// get returns a free writer, or the pool's when there is none.
func (l *writerList) get() *zlib.Writer {
	l.mu.Lock()
	defer l.mu.Unlock()
	if n := len(l.ws); n > 0 {
		zw := l.ws[n-1]
		l.ws = l.ws[:n-1]
		return zw
	}
	return zwPool.Get().(*zlib.Writer)
}

// put keeps zw for the next stream, or gives it to the pool when the list
// is full.
func (l *writerList) put(zw *zlib.Writer) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.ws) < maxFreeWriters {
		l.ws = append(l.ws, zw)
		return
	}
	zwPool.Put(zw)
}

// compressStream is xmem.compress(data) with a writer kept by f's
// FontCache when f has one: the same bytes.
func (f *Fpdf) compressStream(data []byte) *membuffer {
	if f.fontCache == nil {
		return xmem.compress(data)
	}
	zw := f.fontCache.writers.get()
	defer f.fontCache.writers.put(zw)
	return xmem.compressWith(zw, data)
}
