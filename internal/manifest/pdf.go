package manifest

import (
	"fmt"
	"io"

	"kehoach/internal/doc"
	"kehoach/internal/fonts"
	"kehoach/internal/plan"
	"kehoach/internal/render/pdf"
)

// BaseName is the output file name stem of a plan's manifest:
// so-phat-hanh-2025-muong-khoa.
func BaseName(p *plan.Plan) string {
	return fmt.Sprintf("so-phat-hanh-%d-%s", p.Nam, p.Commune.Ma)
}

// WritePDF renders the manifest document as PDF with the bundled font.
func (m *Manifest) WritePDF(w io.Writer, prof *doc.Profile) error {
	return pdf.Write(w, m.Document(prof), prof, fonts.Bundled())
}
