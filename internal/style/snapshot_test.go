package style

//go:generate go test -run ^TestSnapshots$ -update

import (
	"testing"

	"kehoach/internal/testkit"
	"kehoach/templates"
)

// TestSnapshots checks snapshot_gen.go against templates/nd30.yaml
// (testkit.CheckSnapshots).
func TestSnapshots(t *testing.T) {
	testkit.CheckSnapshots(t, templates.FS, "style", "kehoach/internal/style", []testkit.SnapshotFile{{Name: ProfileFile, Parse: testkit.ParseAny(parseProfile)}}, snapshot)
}
