package build

import (
	"os"
	"runtime/debug"
)

// GCBudget is the heap size (bytes) the garbage collector keeps a build
// under, whatever the number of plans (README: peak memory under 150 MB).
const GCBudget = 100 << 20

// SetGC sets the garbage collector for a build of n plans, as kehoach build
// runs it (check and diff set it the same way for the plans they read), and
// returns a function restoring the previous settings. One
// plan's build allocates about 15 MB and keeps little of it, so with one
// plan there is no collection but at GCBudget (at the default 100 % the
// collector ran some 8 times, at 400 % once, ~5 ms of CPU); with more, one
// collection every 400 % of live heap, within GCBudget. GOGC in the
// environment, when set, is kept; the budget applies anyway.
func SetGC(n int) (restore func()) {
	percent := debug.SetGCPercent(-1)
	debug.SetGCPercent(percent)
	limit := debug.SetMemoryLimit(-1)
	restore = func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
	if _, set := os.LookupEnv("GOGC"); !set {
		if n > 1 {
			debug.SetGCPercent(400)
		} else {
			debug.SetGCPercent(-1)
		}
	}
	debug.SetMemoryLimit(GCBudget)
	return restore
}
