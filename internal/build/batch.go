package build

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
	"time"

	"kehoach/internal/diag"
	"kehoach/internal/plan"
	"kehoach/internal/render/pdf"
	"kehoach/internal/yamlx"
)

// Batch builds many plans on every core. Results come back in the order of
// paths whatever order the workers finish in; progress (when not nil) is
// called after each plan with the number done so far. At most Workers plans
// are in memory at once, so memory stays flat as the count grows. Plans
// whose outputs would have the same names (Collisions) are not built: each
// is reported as an invalid plan, with its other errors. The PDFs of one
// call share one parse of each font face (pdf.Writer), freed on return.
func Batch(paths []string, o Options, workers int, progress func(done, total int, r *Result)) []*Result {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	clash := Collisions(paths, o, workers)
	if o.pdfw == nil {
		o.pdfw = pdf.NewWriter() // one font cache per build run
	}
	mem := newBudget(batchBytes)
	results := make([]*Result, len(paths))
	jobs := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for w := 0; w < min(workers, max(len(paths), 1)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				start := time.Now()
				var r *Result
				if clash != nil && clash[i] != nil {
					r = refuse(paths[i], clash[i])
				} else {
					w := weight(paths[i])
					mem.acquire(w)
					r = Plan(paths[i], o)
					mem.release(w)
				}
				r.Duration = time.Since(start)
				// Keep only what the summary needs: the document model, the
				// plan and its position index are freed now, so memory does
				// not grow with the number of plans.
				r.Doc = nil
				if r.Load != nil {
					r.Load = &plan.Result{Errors: r.Load.Errors, Warnings: r.Load.Warnings}
				}
				mu.Lock()
				results[i] = r
				done++
				if progress != nil {
					progress(done, len(paths), r)
				}
				mu.Unlock()
			}
		}()
	}
	for i := range paths {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return results
}

// batchBytes bounds the plan bytes being built at once: building takes
// about 40 bytes of memory per byte of plan (a 2,7 MB plan peaks at
// 105 MB), so eight maximal plans at once took 332 MB (#15 F-10). With this
// budget one maximal plan is built at a time and small ones (the usual 30
// KB) still use every worker.
const batchBytes = yamlx.MaxFileBytes

// minWeight is the least a plan counts against batchBytes.
const minWeight = 64 << 10

// weight is what a plan counts against the budget: its file size, at least
// minWeight, at most the whole budget (a file too large is refused by Load
// anyway).
func weight(path string) int64 {
	n := int64(minWeight)
	if fi, err := os.Stat(path); err == nil {
		n = max(n, fi.Size())
	}
	return min(n, batchBytes)
}

// budget is a weighted semaphore.
type budget struct {
	mu   sync.Mutex
	cond *sync.Cond
	free int64
}

func newBudget(n int64) *budget {
	b := &budget{free: n}
	b.cond = sync.NewCond(&b.mu)
	return b
}

func (b *budget) acquire(n int64) {
	b.mu.Lock()
	for b.free < n {
		b.cond.Wait()
	}
	b.free -= n
	b.mu.Unlock()
}

func (b *budget) release(n int64) {
	b.mu.Lock()
	b.free += n
	b.cond.Broadcast()
	b.mu.Unlock()
}

// refuse is the result of a plan that is not built because of err: the
// plan's own problems, if any, and err.
func refuse(path string, err *diag.Diagnostic) *Result {
	r := &Result{Plan: path}
	res, lerr := plan.Load(path)
	if lerr != nil {
		r.Err = lerr
		return r
	}
	res.Errors = append(res.Errors, err)
	res.Errors.Sort()
	r.Load = res
	return r
}

// Summary writes the end-of-batch table: plan, pages, outputs, time,
// warnings, and a last line with the totals.
func Summary(w io.Writer, results []*Result, elapsed time.Duration) {
	ok, failed, warnings, pages := 0, 0, 0, 0
	fmt.Fprintf(w, "%-44s %6s %8s %9s %8s\n", "Kế hoạch", "Trang", "Tệp", "Thời gian", "Cảnh báo")
	for _, r := range results {
		status := ""
		nw := 0
		if r.Load != nil {
			nw = len(r.Load.Warnings)
		}
		nw += len(r.Layout) + len(r.Annex)
		warnings += nw
		switch {
		case r.Err != nil:
			failed++
			status = "  LỖI"
		case r.Load != nil && !r.Load.OK():
			failed++
			status = fmt.Sprintf("  %d lỗi", len(r.Load.Errors))
		default:
			ok++
			pages += r.Pages
		}
		fmt.Fprintf(w, "%-44s %6d %8d %8.0fms %8d%s\n", clipName(r.Plan, 44), r.Pages, len(r.Outputs), float64(r.Duration.Microseconds())/1000, nw, status)
	}
	fmt.Fprintf(w, "Tổng: %d kế hoạch, %d thành công, %d lỗi, %d trang, %d cảnh báo, %.1f giây.\n",
		len(results), ok, failed, pages, warnings, elapsed.Seconds())
}

func clipName(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return "…" + string(r[len(r)-n+1:])
}
