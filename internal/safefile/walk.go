package safefile

import (
	"io/fs"
	"os"
	"path/filepath"
)

// WalkDir is filepath.WalkDir that follows root when root is a symlink to a
// folder (a plans folder linked to a shared folder: filepath.WalkDir would
// list the link alone), and reports the paths below root as written
// (plans/x/2025.yaml, not the shared folder's path). Symlinks below root
// are not followed, as with filepath.WalkDir (no loop is possible).
func WalkDir(root string, fn fs.WalkDirFunc) error {
	st, err := os.Lstat(root)
	if err != nil || st.Mode()&fs.ModeSymlink == 0 {
		return filepath.WalkDir(root, fn)
	}
	real, err := filepath.EvalSymlinks(root)
	if err != nil {
		return filepath.WalkDir(root, fn) // a dangling link: WalkDir says so
	}
	return filepath.WalkDir(real, func(p string, d fs.DirEntry, err error) error {
		rel, rerr := filepath.Rel(real, p)
		if rerr != nil {
			return rerr
		}
		return fn(filepath.Join(root, rel), d, err)
	})
}
