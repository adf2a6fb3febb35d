package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Folders are searched for plan files as Windows users name them: .yaml
// and .yml in any letter case; the commune file in any letter case only
// when commune files are wanted (fmt); a YAML file Notepad saved as .txt
// is listed, so that the loader reports it, never skipped silently.
func TestFindPlansWindowsNames(t *testing.T) {
	root := t.TempDir()
	for _, n := range []string{"a/2025.yaml", "a/2026.yml", "a/2027.YAML", "a/Xa.yaml", "b/2025.Yml", "b/XA.YML",
		"b/2026.yaml.txt", "b/xa.yaml.txt", "b/ghi-chu.txt", "b/2025.yaml.bak", "c/xa.yml", "c/2025.json"} {
		p := filepath.Join(root, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rel := func(ps []string) string {
		for i, p := range ps {
			r, _ := filepath.Rel(root, p)
			ps[i] = filepath.ToSlash(r)
		}
		return strings.Join(ps, " ")
	}
	plans, err := ExpandPaths([]string{root}, false)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rel(plans), "a/2025.yaml a/2026.yml a/2027.YAML b/2025.Yml b/2026.yaml.txt b/xa.yaml.txt"; got != want {
		t.Errorf("plans:\n got %s\nwant %s", got, want)
	}
	all, err := ExpandPaths([]string{root}, true)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rel(all), "a/2025.yaml a/2026.yml a/2027.YAML a/Xa.yaml b/2025.Yml b/2026.yaml.txt b/XA.YML b/xa.yaml.txt c/xa.yml"; got != want {
		t.Errorf("plans and commune files:\n got %s\nwant %s", got, want)
	}
	if _, err := ExpandPaths([]string{filepath.Join(root, "c")}, false); err == nil || err.Error() != "không có tệp kế hoạch nào (*.yaml, *.yml) để xử lý" {
		t.Errorf("a folder with only a commune file: %v", err)
	}
}
