package build

import (
	"errors"
	"fmt"

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
		errs = glyphs(errs, c, c.File, c.Index, font)
		var perr error
		prof, perr = style.Load(c.TrinhBay)
		var pe diag.List
		if errors.As(perr, &pe) {
			errs = append(errs, pe...)
		} else if perr != nil {
			return nil, &plan.IOError{Err: perr}
		}
	}
	errs = glyphs(errs, p, p.File, p.Index, font)
	res.AddErrors(errs)
	return prof, nil
}

// glyphs adds a problem for every text field of v (a plan or a commune)
// with a character font cannot draw, one per field.
func glyphs(errs diag.List, v any, file string, ix yamlx.Index, font *fonts.Family) diag.List {
	plan.WalkText(v, func(path, text string) {
		if i, why := font.Undrawable(text); i > 0 {
			errs = append(errs, &diag.Diagnostic{File: file, Pos: ix.Lookup(path), Msg: fmt.Sprintf("%s ở ký tự thứ %d của đoạn; phông Times New Roman không in được ký tự này, hãy xóa hoặc thay bằng chữ.", why, i)})
		}
	})
	return errs
}
