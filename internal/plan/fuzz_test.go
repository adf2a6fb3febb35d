package plan

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"kehoach/internal/testkit"
)

// fuzzSeeds adds the minimal plan, the 2025 plan and the hostile corpus.
func fuzzSeeds(f *testing.F, dirs ...string) {
	for _, d := range dirs {
		files, _ := filepath.Glob(filepath.Join(d, "*.yaml"))
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil && len(b) < 1<<16 {
				f.Add(b)
			}
		}
	}
}

// FuzzLoad: loading and validating never panics, and every problem names a
// position inside the file.
func FuzzLoad(f *testing.F) {
	fuzzSeeds(f, "testdata", "../../cmd/kehoach/testdata/hostile", "../../plans/muong-khoa")
	xa, err := os.ReadFile("testdata/xa.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		testkit.Within(t, testkit.FuzzBudget, func() {
			res, err := LoadBytes("f.yaml", data, func(string) ([]byte, error) { return xa, nil })
			if err != nil {
				return
			}
			lines := bytes.Count(data, []byte("\n")) + 2
			for _, e := range append(res.Errors, res.Warnings...) {
				if e.File == "f.yaml" && (e.Pos.Line < 0 || e.Pos.Line > lines) {
					t.Errorf("error outside the file (%d lines): %v", lines, e)
				}
				if e.Msg == "" {
					t.Errorf("error without a message at %v", e.Pos)
				}
			}
			if res.OK() {
				_ = res.Plan.Total()
				_ = res.Plan.CountMet()
			}
		})
	})
}
