package build

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// The batch budget never lets more plan bytes be built at once than it
// holds, and lets everyone through in the end (#15 F-10).
func TestBudget(t *testing.T) {
	const total = 100
	b := newBudget(total)
	var inFlight, peak atomic.Int64
	var wg sync.WaitGroup
	for i := 0; i < 40; i++ {
		w := int64(10 + 15*(i%7)) // 10 … 100
		wg.Add(1)
		go func() {
			defer wg.Done()
			b.acquire(w)
			now := inFlight.Add(w)
			for p := peak.Load(); now > p && !peak.CompareAndSwap(p, now); p = peak.Load() {
			}
			time.Sleep(time.Millisecond)
			inFlight.Add(-w)
			b.release(w)
		}()
	}
	wg.Wait()
	if p := peak.Load(); p > total || p < 2*10 {
		t.Errorf("peak in flight %d; want at most %d and some concurrency", p, total)
	}
	if weight("no-such-file.yaml") != minWeight {
		t.Error("a missing file does not count its minimum weight")
	}
}
