package pdf

import "kehoach/internal/fonts"

// bundledFontIDs are fpdf's font IDs of the four bundled faces
// (fonts.Bundled) under the names Write registers them with: the SHA-1
// that fpdf otherwise computes from each face's definition and its 65.536
// widths in every process that writes a PDF (about 0,8 ms a face, #21).
// The IDs appear in the PDF (/F<ID>), so TestBundledFontIDs recomputes
// them with fpdf and fails, printing the right table, if the fonts, fpdf
// or the names change.
var bundledFontIDs = [4]struct{ name, id string }{
	fonts.Regular:    {"khf0xxxxxxxxxxxxxx", "7894628e6db9c446388a052af79e8f9eaae5ec94"},
	fonts.Bold:       {"khf1xxxxxxxxxxxxxxxxxxx", "cdd1753abbc5647ec15bfa5dc76c3667726f39aa"},
	fonts.Italic:     {"khf2xxxxxxxxxxxxxxxxxxxxx", "0d7103f3314f9f7401c82c32cc948ed940ac9379"},
	fonts.BoldItalic: {"khf3xxxxxxxxxxxxxxxxxxxxxxxxx", "cbfd66f218ed805cb6f009a54079264084ee0be7"},
}

// seedFontID gives wr's font cache the ID of face s of f registered as
// name, when f is the bundled family and name the one the table was made
// for; otherwise fpdf computes it as before.
func (wr *Writer) seedFontID(f *fonts.Family, s fonts.Style, name string) {
	if wr == nil || wr.fonts == nil || f != fonts.Bundled() || bundledFontIDs[s].name != name || bundledFontIDs[s].id == "" {
		return
	}
	wr.fonts.SetFontID(f.TTF[s], name, "", bundledFontIDs[s].id)
}
