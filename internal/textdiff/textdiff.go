// Package textdiff computes minimal differences between two sequences of
// strings (lines or words) and prints unified diffs, with no external tool.
package textdiff

import (
	"fmt"
	"strings"
)

// Op is the kind of an edit.
type Op int

// Edit operations.
const (
	Equal Op = iota
	Delete
	Insert
)

// Edit is one element of the difference.
type Edit struct {
	Op   Op
	Text string
}

// MaxCells bounds the work of Diff (len(a)×len(b)); beyond it the common
// prefix and suffix are kept and the middle is replaced whole.
const MaxCells = 16 << 20

// Diff returns the edits turning a into b (a longest common subsequence).
func Diff(a, b []string) []Edit {
	// Trim the common prefix and suffix: most edits are local.
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	var out []Edit
	for _, x := range a[:p] {
		out = append(out, Edit{Equal, x})
	}
	out = append(out, lcs(a[p:len(a)-s], b[p:len(b)-s])...)
	for _, x := range a[len(a)-s:] {
		out = append(out, Edit{Equal, x})
	}
	return out
}

func lcs(a, b []string) []Edit {
	n, m := len(a), len(b)
	var out []Edit
	if n*m > MaxCells || n == 0 || m == 0 {
		for _, x := range a {
			out = append(out, Edit{Delete, x})
		}
		for _, x := range b {
			out = append(out, Edit{Insert, x})
		}
		return out
	}
	// dp[i][j] = LCS length of a[i:], b[j:]
	dp := make([][]int32, n+1)
	for i := range dp {
		dp[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case a[i] == b[j]:
			out = append(out, Edit{Equal, a[i]})
			i, j = i+1, j+1
		case dp[i+1][j] >= dp[i][j+1]:
			out = append(out, Edit{Delete, a[i]})
			i++
		default:
			out = append(out, Edit{Insert, b[j]})
			j++
		}
	}
	for ; i < n; i++ {
		out = append(out, Edit{Delete, a[i]})
	}
	for ; j < m; j++ {
		out = append(out, Edit{Insert, b[j]})
	}
	return out
}

// Unified prints a unified diff of two texts split into lines, with ctx
// lines of context, under the given file names. It returns "" when equal.
func Unified(nameA, nameB, a, b string, ctx int) string {
	la, lb := splitLines(a), splitLines(b)
	edits := Diff(la, lb)
	changed := false
	for _, e := range edits {
		if e.Op != Equal {
			changed = true
			break
		}
	}
	if !changed {
		return ""
	}
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", nameA, nameB)
	// Group edits into hunks.
	type line struct {
		e      Edit
		ai, bi int // 1-based line numbers before the edit
	}
	var ls []line
	ai, bi := 1, 1
	for _, e := range edits {
		ls = append(ls, line{e, ai, bi})
		switch e.Op {
		case Equal:
			ai++
			bi++
		case Delete:
			ai++
		case Insert:
			bi++
		}
	}
	for i := 0; i < len(ls); {
		if ls[i].e.Op == Equal {
			i++
			continue
		}
		start := max(0, i-ctx)
		end := i
		for end < len(ls) {
			if ls[end].e.Op != Equal {
				end++
				continue
			}
			k := end
			for k < len(ls) && ls[k].e.Op == Equal {
				k++
			}
			if k-end > 2*ctx || k == len(ls) {
				end = min(len(ls), end+ctx)
				break
			}
			end = k
		}
		na, nb := 0, 0
		for _, l := range ls[start:end] {
			if l.e.Op != Insert {
				na++
			}
			if l.e.Op != Delete {
				nb++
			}
		}
		fmt.Fprintf(&out, "@@ -%d,%d +%d,%d @@\n", ls[start].ai, na, ls[start].bi, nb)
		for _, l := range ls[start:end] {
			out.WriteString([]string{" ", "-", "+"}[l.e.Op])
			out.WriteString(l.e.Text)
			out.WriteByte('\n')
		}
		i = end
	}
	return out.String()
}

func splitLines(s string) []string {
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}
