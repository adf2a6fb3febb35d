// Package layers holds no code: its test is the rule of which kehoach
// package may import which (in the spirit of go/build/deps_test.go), so
// that the flow plan → compose → doc → layout → render/* stays as
// designed. See layers_test.go.
package layers
