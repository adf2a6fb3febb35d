package layers

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"kehoach/internal/testkit"
)

// readmePackages reads the package list of the README (the block after
// "## Mã nguồn"): each entry is a path at the start of a line, followed by
// what it does, continued on indented lines.
func readmePackages(t *testing.T) map[string]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(testkit.RepoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i := strings.Index(s, "\n## Mã nguồn\n")
	if i < 0 {
		t.Fatal("README.md has no section “## Mã nguồn”")
	}
	s = s[i:]
	start := strings.Index(s, "\n```\n")
	end := strings.Index(s[start+5:], "\n```")
	if start < 0 || end < 0 {
		t.Fatal("README.md: the section “## Mã nguồn” has no code block")
	}
	entries := map[string]string{}
	last := ""
	for _, line := range strings.Split(s[start+5:start+5+end], "\n") {
		if strings.HasPrefix(line, " ") {
			entries[last] += " " + strings.TrimSpace(line)
			continue
		}
		path, text, _ := strings.Cut(line, " ")
		last = strings.TrimSuffix(path, "/")
		entries[last] = text
	}
	return entries
}

// TestREADMEPackages: the README's list of packages is the module's: every
// package is listed, on its own line or by name in its parent's line
// ("internal/render/ docx, pdf, text"), and every listed folder exists.
func TestREADMEPackages(t *testing.T) {
	entries := readmePackages(t)
	root := testkit.RepoRoot(t)
	var missing []string
	for path := range list(t, "linux") {
		if strings.HasPrefix(path, "third_party/") || path == "kehoach" {
			continue
		}
		if _, ok := entries[path]; ok {
			continue
		}
		parent, name := filepath.Dir(path), filepath.Base(path)
		found := false
		for p := parent; p != "." && !found; p = filepath.Dir(p) {
			text, ok := entries[p]
			found = ok && containsWord(text, name)
		}
		if !found {
			missing = append(missing, path)
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("README.md (## Mã nguồn) does not list the package %s: add a line “%s/ …” or name it in its parent's line", m, m)
	}
	for path := range entries {
		if fi, err := os.Stat(filepath.Join(root, filepath.FromSlash(path))); err != nil || !fi.IsDir() {
			t.Errorf("README.md (## Mã nguồn) lists %s/, which is not a folder of the repository", path)
		}
	}
}

// containsWord reports whether text names name as a word of its own or as
// the last element of a path (extract/docx).
func containsWord(text, name string) bool {
	for _, w := range strings.FieldsFunc(text, func(r rune) bool {
		return r == ' ' || r == ',' || r == ';' || r == ':' || r == '(' || r == ')'
	}) {
		if w == name || strings.HasSuffix(w, "/"+name) {
			return true
		}
	}
	return false
}
