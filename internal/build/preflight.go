package build

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"kehoach/internal/diag"
	"kehoach/internal/doc"
	"kehoach/internal/fonts"
	"kehoach/internal/plan"
	"kehoach/internal/style"
	"kehoach/internal/yamlx"
)

// Load is plan.Load followed by Preflight with font: the plan with all the
// problems a build would find before rendering, and its profile.
func Load(path string, font *fonts.Family) (*plan.Result, *doc.Profile, error) {
	res, err := plan.Load(path)
	if err != nil {
		return nil, nil, err
	}
	prof, err := Preflight(res, font)
	if err != nil {
		return nil, nil, err
	}
	return res, prof, nil
}

// Preflight checks what a loaded plan needs before it is rendered and the
// loader does not know: the profile (the commune's trinh_bay applied to
// templates/nd30.yaml, style.Load), and that font (nil: the bundled
// family) draws every character of the plan and commune texts. Problems
// are added to res.Errors at the place they come from (file:line:col). It
// returns the profile, nil when there is none (no commune file, or an
// invalid profile); the error is an I/O problem reading the templates.
func Preflight(res *plan.Result, font *fonts.Family) (*doc.Profile, error) {
	p := res.Plan
	if p == nil || p.Pos.IsZero() {
		return nil, nil // nothing parsed: Load has said why
	}
	if font == nil {
		font = fonts.Bundled()
	}
	var errs diag.List
	var prof *doc.Profile
	if c := p.Commune; c != nil {
		errs = glyphs(errs, c, c.File, res.Source(c.File), c.Index, font)
		var perr error
		prof, perr = style.Load(c.TrinhBay)
		var pe diag.List
		if errors.As(perr, &pe) {
			errs = append(errs, pe...)
		} else if perr != nil {
			return nil, &plan.IOError{Err: perr}
		}
	}
	errs = glyphs(errs, p, p.File, res.Source(p.File), p.Index, font)
	res.AddErrors(errs)
	return prof, nil
}

// glyphs adds a problem for every text field of v (a plan or a commune)
// with a character font cannot draw, one per field, at the character's
// line and column in the file (src) when it can be found there, else at
// the field with the character's number in the text.
func glyphs(errs diag.List, v any, file string, src []byte, ix yamlx.Index, font *fonts.Family) diag.List {
	name := font.Name
	if strings.HasPrefix(name, "Liberation Serif") {
		name = "Times New Roman" // the bundled family stands in for it, metric for metric
	}
	plan.WalkText(v, func(path, text string) {
		i, why := font.Undrawable(text)
		if i == 0 {
			return
		}
		start := runeOffset(text, i-1)
		_, size := utf8.DecodeRuneInString(text[start:])
		at := ix.Lookup(path)
		d := &diag.Diagnostic{File: file, Pos: at, Path: path, Span: diag.Span{Start: start, End: start + size}}
		if pos := yamlx.Locate(src, at, text, start, start+size); pos != at {
			d.Pos, d.End = pos, diag.Pos{Line: pos.Line, Col: pos.Col + 1}
			d.Msg = fmt.Sprintf("%s; phông %s không in được ký tự này, hãy xóa hoặc thay bằng chữ.", why, name)
		} else {
			d.Msg = fmt.Sprintf("%s ở ký tự thứ %d của đoạn; phông %s không in được ký tự này, hãy xóa hoặc thay bằng chữ.", why, i, name)
		}
		errs = append(errs, d)
	})
	return errs
}

// runeOffset returns the byte offset of the n-th character (from 0) of s.
func runeOffset(s string, n int) int {
	for off := range s {
		if n == 0 {
			return off
		}
		n--
	}
	return len(s)
}
