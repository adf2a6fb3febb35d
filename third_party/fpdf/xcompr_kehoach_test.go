// Copyright ©2026 The kehoach authors. Use of this source code is governed
// by the MIT licence of this package (see LICENSE).

package fpdf

import (
	"bytes"
	"math/rand"
	"sync"
	"testing"

	"github.com/klauspost/compress/zlib"
)

// kehoach patch 1: a pooled, Reset zlib writer compresses every stream to
// the bytes a new writer gives, also when streams are compressed at once by
// several documents and one after another by the same writer.
func TestCompressPooledWriter(t *testing.T) {
	random := make([]byte, 100_000)
	rand.New(rand.NewSource(1)).Read(random)
	inputs := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"short", []byte("BT /F1 12 Tf 10 20 Td (x) Tj ET")},
		{"repetitive", bytes.Repeat([]byte("0.5 w 10 20 m 30 40 l S\n"), 20_000)},
		{"random", random},
	}
	fresh := func(data []byte) []byte {
		var b bytes.Buffer
		zw, err := zlib.NewWriterLevel(&b, zlib.BestSpeed)
		if err != nil {
			t.Fatal(err)
		}
		zw.Write(data)
		zw.Close()
		return b.Bytes()
	}
	var wg sync.WaitGroup
	for round := 0; round < 3; round++ {
		for _, in := range inputs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				mem := xmem.compress(in.data)
				defer mem.release()
				if want := fresh(in.data); !bytes.Equal(mem.bytes(), want) {
					t.Errorf("%s: pooled writer gives %d bytes, a new one %d", in.name, len(mem.bytes()), len(want))
					return
				}
				back, err := xmem.uncompress(mem.bytes())
				if err != nil {
					t.Errorf("%s: %v", in.name, err)
					return
				}
				defer back.release()
				if !bytes.Equal(back.bytes(), in.data) {
					t.Errorf("%s: does not uncompress to the input", in.name)
				}
			}()
		}
	}
	wg.Wait()
}
