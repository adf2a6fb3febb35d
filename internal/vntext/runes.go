package vntext

import "unicode"

// The rune classes of package unicode that the rules ask of every rune,
// answered without a table search for the runes of Vietnamese text:
// ASCII and Latin-1 (which package unicode answers from one small table),
// the Latin letters U+0100–U+024F and U+1E00–U+1EFF, and the General
// Punctuation U+2000–U+206F. Every other rune goes to package unicode.
// TestRuneClassesSameAsUnicode compares them for every rune.

// isSpace is unicode.IsSpace.
func isSpace(r rune) bool {
	switch {
	case r <= 0xFF:
		return r == ' ' || r >= '\t' && r <= '\r' || r == 0x85 || r == 0xA0
	case r < 0x1680, r >= 0x1E00 && r <= 0x1EFF:
		return false // the first space past Latin-1 is U+1680
	}
	return unicode.IsSpace(r)
}

// isDigit is unicode.IsDigit.
func isDigit(r rune) bool {
	switch {
	case r < 0x660: // the first decimal digit past ASCII is U+0660
		return '0' <= r && r <= '9'
	case r >= 0x1E00 && r <= 0x206F:
		return false
	}
	return unicode.IsDigit(r)
}

// isUpper is unicode.IsUpper.
func isUpper(r rune) bool {
	switch {
	case r < 0x80:
		return 'A' <= r && r <= 'Z'
	case r <= 0xFF:
		return unicode.IsUpper(r) // Latin-1: one table
	case r <= 0x24F:
		return (latinClass[r-0x100]-'0')&classUpper != 0
	case r >= 0x1E00 && r <= 0x1EFF:
		return (latinExtClass[r-0x1E00]-'0')&classUpper != 0
	case r >= 0x2000 && r <= 0x206F:
		return false
	}
	return unicode.IsUpper(r)
}

// isLower is unicode.IsLower.
func isLower(r rune) bool {
	switch {
	case r < 0x80:
		return 'a' <= r && r <= 'z'
	case r <= 0xFF:
		return unicode.IsLower(r)
	case r <= 0x24F:
		return (latinClass[r-0x100]-'0')&classLower != 0
	case r >= 0x1E00 && r <= 0x1EFF:
		return (latinExtClass[r-0x1E00]-'0')&classLower != 0
	case r >= 0x2000 && r <= 0x206F:
		return false
	}
	return unicode.IsLower(r)
}

// IsLetter is unicode.IsLetter, answered without a table search for the
// runes of Vietnamese text (see isSpace).
func IsLetter(r rune) bool {
	if r < 0x80 { // inlined at the call: ASCII without a call
		return 'a' <= r|0x20 && r|0x20 <= 'z'
	}
	return isLetter(r)
}

// isLetter is unicode.IsLetter.
func isLetter(r rune) bool {
	switch {
	case r < 0x80:
		return 'a' <= r|0x20 && r|0x20 <= 'z'
	case r <= 0xFF:
		return unicode.IsLetter(r)
	case r <= 0x24F:
		return (latinClass[r-0x100]-'0')&classLetter != 0
	case r >= 0x1E00 && r <= 0x1EFF:
		return (latinExtClass[r-0x1E00]-'0')&classLetter != 0
	case r >= 0x2000 && r <= 0x206F:
		return false
	}
	return unicode.IsLetter(r)
}

// The classes of a rune in latinClass and latinExtClass (runes_gen.go).
const (
	classUpper = 1 << iota
	classLower
	classLetter
)
