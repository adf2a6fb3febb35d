package pdf

// CachedFaces returns the number of font faces w holds parsed.
func CachedFaces(w *Writer) int { return w.fonts.Len() }
