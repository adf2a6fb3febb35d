package fileset

import (
	"os"
	"path/filepath"
	"time"

	"kehoach/internal/lazy"
	"kehoach/internal/safefile"
)

// StaleAge is how old a leftover temporary file must be before a build
// removes it (a younger one may belong to a build still running).
const StaleAge = 10 * time.Minute

// CleanStale removes the temporary files and backups that killed runs
// left in dir: in an output folder (build, print), and in a plan folder
// (fmt -w, check -fix, issue, which write plans the same way). Only
// regular files named as WriteAll names them (".name.<digits>.tmp",
// ".name.<digits>.bak", os.CreateTemp's random part being digits) and
// older than StaleAge are removed; nothing else is touched.
func CleanStale(dir string) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		n := e.Name()
		if !safefile.Regular(e.Type()) || !IsTempName(n) {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > StaleAge {
			os.Remove(filepath.Join(dir, n))
		}
	}
}

// tempName is the name of a temporary file or backup of WriteAll.
var tempName = lazy.MustCompile(`^\..+\.[0-9]+\.(tmp|bak)$`)

// IsTempName reports whether name is that of a temporary file or backup
// that WriteAll makes beside a file it writes.
func IsTempName(name string) bool { return tempName.Get().MatchString(name) }
