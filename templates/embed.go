// Package templates holds the data that shapes documents without code: the
// ND30 style profile, the fixed wording of each document kind and the
// national criteria sets. It is embedded into the kehoach binary.
package templates

import "embed"

// FS holds every file of this folder.
//
//go:embed *.yaml *.tmpl tieu-chi/*.yaml
var FS embed.FS
