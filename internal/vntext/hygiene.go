package vntext

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/unicode/runenames"
)

// lowerSameLen lower-cases s rune by rune, keeping any rune whose lower case
// has a different UTF-8 length, so byte offsets stay valid.
func lowerSameLen(s string) string {
	// ASCII already in lower case, as most of a plan's short fields and
	// the start of many long ones are, is s itself.
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	return lowerFromAs(s, i, true)
}

// wordBoundary reports whether s[st:en] is not glued to letters on either
// side.
func wordBoundary(s string, st, en int) bool {
	if st > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:st])
		if isWordRune(r) {
			return false
		}
	}
	if en < len(s) {
		r, _ := utf8.DecodeRuneInString(s[en:])
		if isWordRune(r) {
			return false
		}
	}
	return true
}

// nfcFindings reports the words of orig that are not in NFC. Offsets refer to
// n = NFC(orig); each finding covers the whole word and its Fix is that word
// (already NFC in n: applying it means keeping the normalised text).
func nfcFindings(orig, n string) []Finding {
	if orig == n {
		return nil
	}
	var spans []span
	var it norm.Iter
	it.InitString(norm.NFC, orig)
	prev, out := 0, 0
	for !it.Done() {
		seg := it.Next()
		pos := it.Pos()
		if string(seg) != orig[prev:pos] && (len(spans) == 0 || out >= spans[len(spans)-1].end) {
			st, en := out, out+len(seg)
			for st > 0 {
				r, k := utf8.DecodeLastRuneInString(n[:st])
				if !isWordRune(r) {
					break
				}
				st -= k
			}
			for en < len(n) {
				r, k := utf8.DecodeRuneInString(n[en:])
				if !isWordRune(r) {
					break
				}
				en += k
			}
			if len(spans) > 0 && st <= spans[len(spans)-1].end {
				if en > spans[len(spans)-1].end {
					spans[len(spans)-1].end = en
				}
			} else {
				spans = append(spans, span{st, en})
			}
		}
		out += len(seg)
		prev = pos
	}
	fs := make([]Finding, 0, len(spans))
	for _, sp := range spans {
		w := n[sp.start:sp.end]
		fs = append(fs, Finding{Rule: RuleNFC, Severity: Error, Start: sp.start, End: sp.end,
			Msg:     fmt.Sprintf("“%s” được gõ ở dạng Unicode tổ hợp (NFD: chữ cái và dấu tách rời)", w),
			Suggest: "lưu văn bản ở dạng Unicode dựng sẵn (NFC); trong Unikey chọn bảng mã “Unicode”, không chọn “Unicode tổ hợp”",
			Fix:     strPtr(w)})
	}
	return fs
}

// invisibleNames names the invisible characters the unicode-an rule reports.
func invisibleNames(r rune) (string, bool) {
	switch r {
	case 0x00AD:
		return "gạch nối mềm (soft hyphen)", true
	case 0x200B:
		return "khoảng trắng độ rộng 0 (zero width space)", true
	case 0x200C:
		return "ký tự không nối (zero width non-joiner)", true
	case 0x200D:
		return "ký tự nối (zero width joiner)", true
	case 0x200E:
		return "dấu hướng trái–phải (LRM)", true
	case 0x200F:
		return "dấu hướng phải–trái (RLM)", true
	case 0x2028:
		return "ký tự tách dòng (line separator)", true
	case 0x2029:
		return "ký tự tách đoạn (paragraph separator)", true
	case 0x2060:
		return "ký tự nối từ (word joiner)", true
	case 0xFEFF:
		return "dấu thứ tự byte (BOM, zero width no-break space)", true
	case 0xFE0F:
		return "bộ chọn biến thể biểu tượng (variation selector-16)", true
	case 0xFFFD:
		return "ký tự thay thế (U+FFFD: dữ liệu đã bị hỏng khi chuyển mã)", true
	}
	return "", false
}

// invisibleFindings reports control and invisible format characters.
func invisibleFindings(s string) []Finding {
	var fs []Finding
	for next := 0; next < len(s); {
		// Printable ASCII, Vietnamese's letters, dashes and quotation marks
		// (TestInvisibleSkipsLetters) are skipped by their bytes, without
		// decoding: U+0020–U+007E, U+00C0–U+02FF, U+1E00–U+1EFF,
		// U+2010–U+2027.
		switch c := s[next]; {
		case c >= 0x20 && c < 0x7F:
			next++
			continue
		case c >= 0xC3 && c <= 0xCB && next+1 < len(s) && s[next+1]&0xC0 == 0x80:
			next += 2
			continue
		case c == 0xE1 && next+2 < len(s) && s[next+1] >= 0xB8 && s[next+1] <= 0xBB && s[next+2]&0xC0 == 0x80,
			c == 0xE2 && next+2 < len(s) && s[next+1] == 0x80 && s[next+2] >= 0x90 && s[next+2] <= 0xA7:
			next += 3
			continue
		}
		i := next
		r, size := utf8.DecodeRuneInString(s[i:])
		next += size
		if r >= 0x20 && r < 0x7F || r >= 0xC0 && r < 0x300 || r >= 0x1E00 && r <= 0x1EFF || r >= 0x2010 && r <= 0x2027 {
			continue
		}
		if r > 0xFFFF {
			fs = append(fs, Finding{Rule: RuleNonBMP, Severity: Warning, Start: i, End: i + utf8.RuneLen(r),
				Msg:     fmt.Sprintf("ký tự “%c” (U+%04X) nằm ngoài mặt phẳng cơ bản của Unicode (thường là biểu tượng cảm xúc); phông Times New Roman không có ký tự này", r, r),
				Suggest: "xóa ký tự hoặc thay bằng chữ"})
			continue
		}
		name, bad := invisibleNames(r)
		switch {
		case bad:
		case r == '\t' || r == '\n' || r == '\r':
			continue
		case r < 0x20 || (r >= 0x7F && r <= 0x9F):
			name, bad = "ký tự điều khiển", true
		case (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069):
			name, bad = "ký tự điều khiển hướng chữ (bidi)", true
		case (r >= 0x2061 && r <= 0x2064) || (r >= 0xFE00 && r <= 0xFE0E) || (r >= 0xFFF9 && r <= 0xFFFB) || r == 0x180E:
			name, bad = "ký tự định dạng ẩn", true
		case unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r) || unicode.Is(unicode.Variation_Selector, r):
			// U+034F COMBINING GRAPHEME JOINER, the Hangul fillers, …:
			// not format characters, yet drawn as nothing.
			name, bad = "ký tự vô hình "+runenames.Name(r), true
		}
		if !bad {
			continue
		}
		n := utf8.RuneLen(r)
		f := Finding{Rule: RuleInvisible, Severity: Error, Start: i, End: i + n,
			Msg:     fmt.Sprintf("có ký tự ẩn U+%04X: %s", r, name),
			Suggest: "xóa ký tự này (thường do dán từ trang web hoặc PDF)",
			Fix:     strPtr("")}
		switch r {
		case 0xFFFD:
			f.Suggest = "gõ lại chữ bị hỏng ở vị trí này"
			f.Fix = nil
		case 0x2028, 0x2029:
			f.Suggest = "thay bằng xuống dòng thường"
			f.Fix = strPtr("\n")
		}
		fs = append(fs, f)
	}
	return fs
}

// quoteFindings reports straight double quotes and pairs them: one opening a
// quotation (after a blank, a bracket or at the start) becomes “, one closing
// it becomes ”, and otherwise they alternate. Fixes are given only when the
// quotes are even in number.
func quoteFindings(s string) []Finding {
	if strings.IndexByte(s, '"') < 0 {
		return nil
	}
	var fs []Finding
	open := false
	for i := 0; i < len(s); i++ {
		if s[i] != '"' {
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		next, _ := utf8.DecodeRuneInString(s[i+1:])
		opening := !open
		switch {
		case i == 0 || isSpace(prev) || strings.ContainsRune("([{–—-/", prev):
			opening = true
		case i+1 == len(s) || isSpace(next) || strings.ContainsRune(".,;:!?)]}…", next):
			opening = false
		}
		q := "”"
		if opening {
			q = "“"
		}
		open = opening
		fs = append(fs, Finding{Rule: RuleQuotes, Severity: Warning, Start: i, End: i + 1,
			Msg:     "dấu ngoặc kép thẳng (\"); văn bản hành chính dùng ngoặc kép cong “…”",
			Suggest: "thay bằng " + q,
			Fix:     strPtr(q)})
	}
	if len(fs)%2 == 1 {
		for k := range fs {
			fs[k].Fix = nil
			fs[k].Suggest += " (số dấu ngoặc kép trong đoạn là số lẻ: kiểm tra dấu còn thiếu)"
		}
	}
	return fs
}

// isBlank reports whether r is a blank inside a line (not a line break).
func isBlank(r rune) bool {
	if r < 0x80 {
		return r == ' ' || r == '\t'
	}
	if r < 0x1680 || r >= 0x1E00 && r <= 0x1EFF { // no blank but U+00A0 (TestIsBlankSameAsRef)
		return r == '\u00A0'
	}
	return r == ' ' || r == '\t' || r == '\u00A0' || r == '\u202F' || r == '\u2009' || (unicode.Is(unicode.Zs, r) && r != '\u3000')
}

// closersNoSpaceBefore are punctuation marks that take no blank before them.
const closersNoSpaceBefore = ",.;:!?)]}…”"

// openersNoSpaceAfter are punctuation marks that take no blank after them.
const openersNoSpaceAfter = "([{“"

// isCloser is strings.ContainsRune(closersNoSpaceBefore, r), and isOpener
// the same of openersNoSpaceAfter, without a search for each blank
// (TestSpaceFindingsSameAsRef).
func isCloser(r rune) bool {
	switch r {
	case ',', '.', ';', ':', '!', '?', ')', ']', '}', '…', '”':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '(', '[', '{', '“':
		return true
	}
	return false
}

// spaceFindings reports runs of blanks inside a line (khoang-trang) and
// blanks before closing or after opening punctuation (dau-cau).
func spaceFindings(s string) []Finding {
	var fs []Finding
	i := 0
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf && c != ' ' && c != '\t' || c >= utf8.RuneSelf && c != 0xC2 && c != 0xE1 && c != 0xE2 && c != 0xE3 {
			// The ASCII that is not blank, and the bytes that start no
			// blank (each blank past ASCII starts with C2, E1, E2 or E3,
			// and none of these is inside a rune), without decoding.
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isBlank(r) {
			i += n
			continue
		}
		st := i
		for i < len(s) {
			r, n = utf8.DecodeRuneInString(s[i:])
			if !isBlank(r) {
				break
			}
			i += n
		}
		en := i
		prev, _ := utf8.DecodeLastRuneInString(s[:st])
		next, _ := utf8.DecodeRuneInString(s[en:])
		lineStart := st == 0 || prev == '\n' || prev == '\r'
		lineEnd := en == len(s) || next == '\n' || next == '\r'
		if lineStart || lineEnd {
			continue
		}
		switch {
		case isCloser(next) && !(next == '.' && nextIsDigit(s, en)):
			fs = append(fs, Finding{Rule: RulePunctSpace, Severity: Warning, Start: st, End: en,
				Msg:     fmt.Sprintf("có khoảng trắng trước dấu “%c”", next),
				Suggest: fmt.Sprintf("viết dấu “%c” liền với chữ đứng trước", next),
				Fix:     strPtr("")})
		case isOpener(prev):
			fs = append(fs, Finding{Rule: RulePunctSpace, Severity: Warning, Start: st, End: en,
				Msg:     fmt.Sprintf("có khoảng trắng sau dấu “%c”", prev),
				Suggest: fmt.Sprintf("viết chữ liền sau dấu “%c”", prev),
				Fix:     strPtr("")})
		case utf8.RuneCountInString(s[st:en]) >= 2:
			fs = append(fs, Finding{Rule: RuleSpaces, Severity: Warning, Start: st, End: en,
				Msg:     fmt.Sprintf("có %d khoảng trắng liền nhau", utf8.RuneCountInString(s[st:en])),
				Suggest: "chỉ để một khoảng trắng",
				Fix:     strPtr(" ")})
		}
	}
	return fs
}

// nextIsDigit reports whether s[i] is '.' followed by a digit (".5").
func nextIsDigit(s string, i int) bool {
	return i+1 < len(s) && s[i] == '.' && s[i+1] >= '0' && s[i+1] <= '9'
}
