//go:build !unix

package build

import "time"

// processCPU is 0 where the benchmark does not read the process CPU time.
func processCPU() time.Duration { return 0 }
