// Copyright ©2026 The kehoach authors. Use of this source code is governed
// by the MIT licence of this package (see LICENSE).

package fpdf

import (
	"math/rand"
	"slices"
	"testing"
)

// putUpstream is untypedKeyMap.put as upstream wrote it, before patch 20.
func (pa *untypedKeyMap) putUpstream(key any, value int) {
	if key == nil {
		for n := 0; ; n++ {
			if pa.getIndex(n) < 0 {
				key = n
				break
			}
		}
		pa.keySet = append(pa.keySet, key)
		pa.valueSet = append(pa.valueSet, value)
		return
	}
	if i := pa.getIndex(key); i < 0 {
		pa.keySet = append(pa.keySet, key)
		pa.valueSet = append(pa.valueSet, value)
	} else {
		pa.valueSet[i] = value
	}
}

// kehoach patch 20: put gives the keys upstream's put gives, through the
// operations generateCIDFontMap uses (appends, the "interval" key, delete,
// pop) in random order, and with int keys put by hand out of order.
func TestPutSameKeysAsUpstream(t *testing.T) {
	rng := rand.New(rand.NewSource(20))
	for round := 0; round < 2000; round++ {
		var a, b untypedKeyMap
		ops := rng.Intn(60)
		for op := 0; op < ops; op++ {
			v := rng.Intn(1000)
			switch k := rng.Intn(10); {
			case k < 6:
				a.put(nil, v)
				b.putUpstream(nil, v)
			case k == 6:
				a.put("interval", v)
				b.putUpstream("interval", v)
			case k == 7:
				a.delete("interval")
				b.delete("interval")
			case k == 8 && len(a.keySet) > 0:
				a.pop()
				b.pop()
			case k == 9:
				n := rng.Intn(8) // an int key by hand: keys need not be 0 … n-1
				a.put(n, v)
				b.putUpstream(n, v)
			}
			if !slices.Equal(a.keySet, b.keySet) || !slices.Equal(a.valueSet, b.valueSet) {
				t.Fatalf("round %d op %d: keys %v values %v, upstream %v %v", round, op, a.keySet, a.valueSet, b.keySet, b.valueSet)
			}
		}
	}
}
