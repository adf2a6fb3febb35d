// Package templates holds the data that shapes documents without code: the
// ND30 style profile, the fixed wording of each document kind and the
// national criteria sets. It is embedded into the kehoach binary, and a
// copy on disk can stand in for it (see Use), so that wording edited in
// templates/ works with a prebuilt kehoach.exe.
package templates

import "embed"

// FS holds every file of this folder, as built into the binary.
//
//go:embed *.yaml *.tmpl tieu-chi/*.yaml tieu-chi/tinh/*.yaml giai-doan/*.yaml
var FS embed.FS
