package importer

// Every test package accepts go test ./... -update: testkit defines the
// flag (testkit.Update).
import _ "kehoach/internal/testkit"
