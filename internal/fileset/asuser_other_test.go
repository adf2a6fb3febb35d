//go:build !unix

package fileset

import "testing"

// asUser: only Unix has users to switch to; the test runs itself.
func asUser(t *testing.T, name string) bool { return false }
