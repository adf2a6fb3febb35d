//go:build !linux

package main

import "os"

// peakRSS is not measured here (Rusage.Maxrss has another unit or none).
func peakRSS(*os.ProcessState) (int64, bool) { return 0, false }
