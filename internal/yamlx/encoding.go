package yamlx

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"kehoach/internal/diag"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// Plan files are UTF-8. A file in another encoding is refused with the
// encoding named as Notepad names it and the way to save it as UTF-8;
// kehoach never guesses and converts: the rewriting commands would then
// have to write the guess back, and git shows UTF-16 files as binary, so
// a merge request could not show what changed.

// saveUTF8 is how to save a file as UTF-8 in Notepad (the Vietnamese menu
// first, then the English one).
const saveUTF8 = "hãy mở tệp bằng Notepad, chọn Tệp → Lưu thành… (File → Save as…), ở ô Mã hóa (Encoding) chọn “UTF-8” rồi bấm Lưu"

// encodingProblem returns the problem of data that is not UTF-8, or nil.
func encodingProblem(file string, data []byte) error {
	fail := func(p diag.Pos, msg string) error { return diag.List{{File: file, Pos: p, Msg: msg}} }
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return fail(diag.Pos{Line: 1, Col: 1}, "tệp đang lưu bằng bảng mã UTF-16 LE (Notepad ghi là “UTF-16 LE”, bản Notepad cũ ghi là “Unicode”), kehoach chỉ đọc tệp UTF-8; "+saveUTF8+" (không chọn “UTF-16 LE” hay “Unicode”).")
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return fail(diag.Pos{Line: 1, Col: 1}, "tệp đang lưu bằng bảng mã UTF-16 BE (Notepad ghi là “UTF-16 BE”, bản Notepad cũ ghi là “Unicode big endian”), kehoach chỉ đọc tệp UTF-8; "+saveUTF8+" (không chọn “UTF-16 BE” hay “Unicode big endian”).")
	}
	if e := utf16WithoutBOM(data); e != "" {
		return fail(diag.Pos{Line: 1, Col: 1}, "tệp có vẻ lưu bằng bảng mã "+e+" (không có dấu BOM ở đầu tệp), kehoach chỉ đọc tệp UTF-8; "+saveUTF8+".")
	}
	if utf8.Valid(data) {
		return nil
	}
	off := invalidOffset(data)
	line, col := offsetPos(data, off)
	switch codePage(data) {
	case 1258:
		return fail(diag.Pos{Line: line, Col: col}, fmt.Sprintf("tệp đang lưu bằng bảng mã Windows-1258 (tiếng Việt; Notepad ghi là “ANSI”), không phải UTF-8: ở đây là chữ “%s” viết theo bảng mã đó; "+saveUTF8+" (nếu Notepad hiện sai chữ có dấu: mở tệp bằng VS Code, chọn Reopen with Encoding → Vietnamese (Windows 1258), rồi Save with Encoding → UTF-8).", word(data, off, charmap.Windows1258)))
	case 1252:
		return fail(diag.Pos{Line: line, Col: col}, fmt.Sprintf("tệp đang lưu bằng bảng mã Windows-1252 (Tây Âu; Notepad ghi là “ANSI”), không phải UTF-8: ở đây là chữ “%s” viết theo bảng mã đó; bảng mã này thiếu nhiều chữ tiếng Việt (ơ, ư, đ, ạ, ế…) nên Notepad có thể đã thay chúng bằng dấu “?”: "+saveUTF8+"; sau đó soát lại các chữ có dấu.", word(data, off, charmap.Windows1252)))
	}
	return fail(diag.Pos{Line: line, Col: col}, "ở đây có byte không hợp lệ trong bảng mã UTF-8 (thường do chép dán từ phần mềm khác hoặc tệp bị hỏng); hãy xóa rồi gõ lại ký tự ở chỗ này và lưu tệp bằng bảng mã UTF-8 (Notepad: Tệp → Lưu thành…, ô Mã hóa chọn “UTF-8”).")
}

// utf16WithoutBOM names the encoding of UTF-16 text written without a
// byte-order mark (by tools other than Notepad), seen as NUL bytes in
// every other place of the first line's ASCII, or returns "".
func utf16WithoutBOM(data []byte) string {
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

func invalidOffset(data []byte) int {
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

// codePage tells which Windows "ANSI" code page data was saved in: 1258
// (Vietnamese: a tone mark after a vowel, or đ), 1252 (Western: several
// bytes, mostly accented letters), or 0 when the bytes are not text of
// either (mostly UTF-8 with a broken byte, a stray byte, binary data).
func codePage(data []byte) int {
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
		return 1258
	case def1252 && invalid >= 3 && letters*10 >= invalid*8:
		return 1252
	}
	return 0
}

// word decodes the word around data[off] from the code page, in NFC.
func word(data []byte, off int, cm *charmap.Charmap) string {
	stop := func(b byte) bool { return b <= ' ' || bytes.IndexByte([]byte(`:,;"'()[]{}`), b) >= 0 }
	i, j := off, off
	for i > 0 && !stop(data[i-1]) && off-i < 40 {
		i--
	}
	for j < len(data) && !stop(data[j]) && j-off < 40 {
		j++
	}
	w, err := cm.NewDecoder().Bytes(data[i:j])
	if err != nil {
		return ""
	}
	return norm.NFC.String(string(w))
}
