package classre_test

// Every test package accepts go test ./... -update: testkit defines the
// flag (testkit.Update), this package has no golden files of its own.
import _ "kehoach/internal/testkit"
