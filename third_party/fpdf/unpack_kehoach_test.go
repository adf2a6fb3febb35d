// Copyright ©2026 The kehoach authors. Use of this source code is governed
// by the MIT licence of this package (see LICENSE).

package fpdf

import (
	"bytes"
	"encoding/binary"
	"math/rand"
	"slices"
	"testing"
)

// unpackUpstream is unpackUint16Array (size 2) or unpackUint32Array
// (size 4) as upstream wrote them, before patch 22.
func unpackUpstream(data []byte, size int) []int {
	answer := make([]int, 1)
	r := bytes.NewReader(data)
	bs := make([]byte, size)
	c, e := r.Read(bs)
	for e == nil && c > 0 {
		if size == 2 {
			answer = append(answer, int(binary.BigEndian.Uint16(bs)))
		} else {
			answer = append(answer, int(binary.BigEndian.Uint32(bs)))
		}
		c, e = r.Read(bs)
	}
	return answer
}

// kehoach patch 22: the arrays are upstream's, for every length from 0 to
// 40 (odd and partial groups included) of random bytes, and for the
// tables of the test font.
func TestUnpackSameAsUpstream(t *testing.T) {
	rng := rand.New(rand.NewSource(22))
	inputs := [][]byte{readTTF(t)[:4096], readTTF(t)}
	for n := 0; n <= 40; n++ {
		b := make([]byte, n)
		rng.Read(b)
		inputs = append(inputs, b)
	}
	for _, b := range inputs {
		if got, want := unpackUint16Array(b), unpackUpstream(b, 2); !slices.Equal(got, want) {
			t.Errorf("unpackUint16Array of %d bytes: %v, upstream %v", len(b), got[:min(len(got), 8)], want[:min(len(want), 8)])
		}
		if got, want := unpackUint32Array(b), unpackUpstream(b, 4); !slices.Equal(got, want) {
			t.Errorf("unpackUint32Array of %d bytes: %v, upstream %v", len(b), got[:min(len(got), 8)], want[:min(len(want), 8)])
		}
	}
}
