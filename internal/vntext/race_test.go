package vntext

import (
	"sync"
	"testing"
)

// Check is safe for concurrent use (the word list loads once).
func TestCheckConcurrent(t *testing.T) {
	t.Parallel()
	in := "Căn cứ vài trò, chức năng; giải quyết hoà giải; 37- QĐ/ĐU; 7km"
	want := len(Check(in, Options{}))
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := len(Check(in, Options{})); got != want {
				t.Errorf("got %d findings, want %d", got, want)
			}
		}()
	}
	wg.Wait()
}
