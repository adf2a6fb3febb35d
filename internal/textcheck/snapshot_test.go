package textcheck

//go:generate go test -run ^TestSnapshots$ -update

import (
	"testing"

	"kehoach/internal/testkit"
	"kehoach/templates"
)

// TestSnapshots checks snapshot_gen.go against templates/viet-tat.yaml
// (testkit.CheckSnapshots).
func TestSnapshots(t *testing.T) {
	parse := func(path string, data []byte) (any, error) { return parseAbbreviations(path, data) }
	testkit.CheckSnapshots(t, templates.FS, "textcheck", "kehoach/internal/textcheck", []testkit.SnapshotFile{{Name: AbbrevFile, Parse: parse}}, snapshot)
}
