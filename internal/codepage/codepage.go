// Package codepage recognises text that Windows saved in another encoding
// than UTF-8 — UTF-16 without a byte-order mark, and the "ANSI" code pages
// Windows-1258 (Vietnamese) and Windows-1252 (Western) — and decodes it.
// yamlx uses it to name the encoding of a plan file it refuses; the text
// reader of `kehoach import` (internal/extract/txt) to decode the file.
package codepage

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// The Windows code pages Detect tells apart.
const (
	Vietnamese = 1258 // Windows-1258, "ANSI" on a Vietnamese Windows
	Western    = 1252 // Windows-1252, "ANSI" on a Western Windows
)

// UTF16WithoutBOM names the encoding of UTF-16 text written without a
// byte-order mark (by tools other than Notepad), seen as NUL bytes in
// every other place of the first line's ASCII, or returns "".
func UTF16WithoutBOM(data []byte) string {
	n := min(len(data), 512) &^ 1
	if n < 8 {
		return ""
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	switch {
	case odd*10 >= half*6 && even*10 < half:
		return "UTF-16 LE"
	case even*10 >= half*6 && odd*10 < half:
		return "UTF-16 BE"
	}
	return ""
}

// InvalidOffset is the offset of the first byte of data that is not
// UTF-8, or len(data).
func InvalidOffset(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// Byte classes of the Windows code pages. In Windows-1258 (Vietnamese) a
// tone mark is a combining character after its vowel: 0xCC grave, 0xEC
// acute, 0xD2 hook above, 0xDE tilde, 0xF2 dot below; 0xD0 and 0xF0 are
// Đ and đ. In Windows-1252 (Western) the same bytes are letters: Ì ì Ò Þ ò
// Ð ð, which Vietnamese words saved there (thì, còn) have after a consonant.
var (
	toneMark1258 = [256]bool{0xCC: true, 0xEC: true, 0xD2: true, 0xDE: true, 0xF2: true}
	vowel1258    = [256]bool{'a': true, 'e': true, 'i': true, 'o': true, 'u': true, 'y': true,
		'A': true, 'E': true, 'I': true, 'O': true, 'U': true, 'Y': true,
		0xC2: true, 0xE2: true, 0xC3: true, 0xE3: true, 0xCA: true, 0xEA: true, // Â â Ă ă Ê ê
		0xD4: true, 0xF4: true, 0xD5: true, 0xF5: true, 0xDD: true, 0xFD: true} // Ô ô Ơ ơ Ư ư
	undefined1252 = [256]bool{0x81: true, 0x8D: true, 0x8F: true, 0x90: true, 0x9D: true}
	undefined1258 = [256]bool{0x81: true, 0x8A: true, 0x8D: true, 0x8E: true, 0x8F: true, 0x90: true, 0x9A: true, 0x9D: true, 0x9E: true}
)

// Detect tells which Windows "ANSI" code page data was saved in:
// Vietnamese (a tone mark after a vowel, or đ), Western (several bytes,
// mostly accented letters), or 0 when the bytes are not text of either
// (UTF-8 text, mostly UTF-8 with a broken byte, a stray byte, binary data).
func Detect(data []byte) int {
	var valid, invalid, vn, western, letters int
	def1252, def1258 := true, true
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		b := data[i]
		switch {
		case b < 0x80:
		case r != utf8.RuneError || size > 1:
			valid++
		default:
			invalid++
			def1252 = def1252 && !undefined1252[b]
			def1258 = def1258 && !undefined1258[b]
			if b >= 0xC0 && b != 0xD7 && b != 0xF7 {
				letters++ // À…ÿ but × and ÷ in Windows-1252
			}
			switch {
			case toneMark1258[b] && i > 0 && vowel1258[data[i-1]]:
				vn++
			case toneMark1258[b]:
				western++
			case b == 0xD0 || b == 0xF0:
				vn++
			}
		}
		i += size
	}
	// A UTF-8 file with a broken byte has many more valid sequences.
	if invalid == 0 || valid*4 >= invalid {
		return 0
	}
	switch {
	case def1258 && vn > 0 && vn >= western:
		return Vietnamese
	case def1252 && invalid >= 3 && letters*10 >= invalid*8:
		return Western
	}
	return 0
}

// charmapOf is the decoder of a code page Detect names, or nil.
func charmapOf(page int) *charmap.Charmap {
	switch page {
	case Vietnamese:
		return charmap.Windows1258
	case Western:
		return charmap.Windows1252
	}
	return nil
}

// Decode decodes data from the code page (Vietnamese or Western) to UTF-8
// in NFC: Windows-1258 writes a tone mark as a combining character after
// its vowel, which NFC composes into the one letter (e + ◌́ → é). ok is
// false for another page.
func Decode(data []byte, page int) (s string, ok bool) {
	cm := charmapOf(page)
	if cm == nil {
		return "", false
	}
	// Every byte of both pages decodes (the undefined ones to U+FFFD,
	// which Detect never accepts), so the decoder cannot fail.
	b, err := cm.NewDecoder().Bytes(data)
	if err != nil {
		return "", false
	}
	return norm.NFC.String(string(b)), true
}

// Word decodes the word around data[off] from the code page, in NFC (""
// for another page).
func Word(data []byte, off int, page int) string {
	stop := func(b byte) bool { return b <= ' ' || bytes.IndexByte([]byte(`:,;"'()[]{}`), b) >= 0 }
	i, j := off, off
	for i > 0 && !stop(data[i-1]) && off-i < 40 {
		i--
	}
	for j < len(data) && !stop(data[j]) && j-off < 40 {
		j++
	}
	w, _ := Decode(data[i:j], page)
	return w
}
