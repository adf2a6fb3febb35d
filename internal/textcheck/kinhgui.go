package textcheck

import (
	"strings"
	"unicode/utf8"

	"kehoach/internal/plan"
	"kehoach/internal/vntext"
)

// RuleKinhGui is the rule id of “Kính gửi” written in a Kế hoạch.
const RuleKinhGui = "kinh-gui"

// hasU is strings.Contains(s, "ử") || strings.Contains(s, "Ử"): their
// UTF-8 is E1 BB AD and E1 BB AC, and their last bytes, looked for with
// one byte search each, are rarer than the E1 that starts every letter
// of U+1E00–U+1EFF.
func hasU(s string) bool {
	for _, last := range [2]byte{0xAD, 0xAC} {
		for i := 2; i < len(s); {
			j := strings.IndexByte(s[i:], last)
			if j < 0 {
				break
			}
			if i += j; s[i-2] == 0xE1 && s[i-1] == 0xBB {
				return true
			}
			i++
		}
	}
	return false
}

// kinhGui reports “Kính gửi” in a field of a Kế hoạch (van_ban.loai KH or
// empty): ND30 PL I (spec nd30.md, ô 9a) uses it only for công văn, tờ
// trình and báo cáo sent upward, never in a Kế hoạch, whose recipients are
// the Nơi nhận block. norm is the field's NFC text.
func kinhGui(p *plan.Plan, norm string) []vntext.Finding {
	if l := strings.TrimSpace(p.VanBan.Loai); l != "" && l != "KH" {
		return nil
	}
	const phrase = "kính gửi"
	// Only ử and Ử lower-case to the ử of the phrase: text with neither
	// (nearly every field) is not lower-cased at all.
	if !hasU(norm) {
		return nil
	}
	low := strings.ToLower(norm) // ASCII and the letters of the phrase keep their length
	if len(low) != len(norm) {
		return nil
	}
	var fs []vntext.Finding
	for from := 0; ; {
		i := strings.Index(low[from:], phrase)
		if i < 0 {
			return fs
		}
		st, en := from+i, from+i+len(phrase)
		from = en
		if r, _ := utf8.DecodeLastRuneInString(norm[:st]); st > 0 && vntext.IsLetter(r) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(norm[en:]); en < len(norm) && vntext.IsLetter(r) {
			continue
		}
		fs = append(fs, vntext.Finding{Rule: RuleKinhGui, Severity: vntext.Warning, Start: st, End: en,
			Msg:     "“" + norm[st:en] + "” không dùng trong Kế hoạch (Nghị định 30, Phụ lục I: chỉ công văn, tờ trình, báo cáo gửi cấp trên mới có “Kính gửi”)",
			Suggest: "bỏ “Kính gửi”; cơ quan, đơn vị nhận Kế hoạch ghi ở mục Nơi nhận (noi_nhan.nhan)"})
	}
}
