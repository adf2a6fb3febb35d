//go:build !unix && !windows

package issue

// alive cannot tell on this OS: the lock is stale only by its age.
func alive(pid int) bool { return true }
