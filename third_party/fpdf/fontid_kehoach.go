// Copyright ©2026 The kehoach authors. Use of this source code is governed
// by the MIT licence of this package (see LICENSE).

package fpdf

// kehoach patch 14: a caller that ships its fonts can give the cache their
// font IDs (the SHA-1 of the font's definition and its 65.536 widths,
// computed by generateFontID, about 0,8 ms a face), so that a process
// writing one PDF does not hash them. The ID is part of the PDF (/F<ID>),
// so a wrong one changes the output: FontIDOf lets the caller's tests
// compare what it gives with what generateFontID computes.

// SetFontID records id as the font ID of the UTF-8 font data registered
// as family and style (AddUTF8FontFromBytes) by documents sharing c.
func (c *FontCache) SetFontID(data []byte, family, style, id string) {
	c.ids.Store(keyOf(data, getFontKey(fontFamilyEscape(family), style)), id)
}

// FontIDOf returns the font ID c holds for the UTF-8 font data registered
// as family and style: set by SetFontID or computed when a document
// registered it.
func (c *FontCache) FontIDOf(data []byte, family, style string) (string, bool) {
	id, ok := c.ids.Load(keyOf(data, getFontKey(fontFamilyEscape(family), style)))
	if !ok {
		return "", false
	}
	return id.(string), true
}
