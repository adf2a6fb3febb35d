package programme

//go:generate go test -run ^TestSnapshots$ -update

import (
	"io/fs"
	"strings"
	"testing"

	"kehoach/internal/testkit"
	"kehoach/templates"
)

// TestSnapshots checks snapshot_gen.go against the embedded template
// files this package parses, with the parse the loader uses for each:
// every criteria set, provincial set and period, the registry of legal
// bases and the funding sources (testkit.CheckSnapshots).
func TestSnapshots(t *testing.T) {
	files := []testkit.SnapshotFile{{Name: "can-cu.yaml", Parse: testkit.ParseAny(parseCitations)}, {Name: "nguon.yaml", Parse: testkit.ParseAny(parseSources)}}
	for _, g := range []struct {
		pat   string
		parse func(id string) func(string, []byte) (any, error)
	}{
		{"giai-doan/*.yaml", func(id string) func(string, []byte) (any, error) { return testkit.ParseAny(parsePeriod(id)) }},
		{"tieu-chi/*.yaml", func(string) func(string, []byte) (any, error) { return testkit.ParseAny(parseCriteriaSet) }},
		{"tieu-chi/tinh/*.yaml", func(string) func(string, []byte) (any, error) { return testkit.ParseAny(ParseProvincialSet) }},
	} {
		names, err := fs.Glob(templates.FS, g.pat)
		if err != nil || len(names) == 0 {
			t.Fatalf("no %s in templates.FS (%v)", g.pat, err)
		}
		for _, n := range names {
			id := strings.TrimSuffix(n[strings.LastIndexByte(n, '/')+1:], ".yaml")
			files = append(files, testkit.SnapshotFile{Name: n, Parse: g.parse(id)})
		}
	}
	testkit.CheckSnapshots(t, templates.FS, "programme", "kehoach/internal/programme", files, snapshot)
	// The loaders use them.
	s, err := LoadCriteriaSet("qd318-2021-2025")
	if err != nil || s.File != "templates/tieu-chi/qd318-2021-2025.yaml" || len(s.TieuChi) != 19 || s.Index["tieu_chi[0].so"].Line == 0 {
		t.Fatalf("LoadCriteriaSet: %v, %+v", err, s)
	}
}
