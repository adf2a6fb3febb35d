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
	testkit.CheckSnapshots(t, templates.FS, "textcheck", "kehoach/internal/textcheck", []testkit.SnapshotFile{{Name: AbbrevFile, Parse: testkit.ParseAny(parseAbbreviations)}}, snapshot)
}
