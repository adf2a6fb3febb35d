package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/internal/testkit"
)

// check warns of look-alike text in names (F-19): a Cyrillic letter in the
// commune's name and a unit's, a Greek one in a recipient, an invisible
// combining grapheme joiner in the signer's name, a thin space, a stray
// combining mark; each at its line and column, the character named.
func TestCheckLookAlikeNames(t *testing.T) {
	root := t.TempDir()
	p := testkit.CopyPlan(t, root, "muong-khoa", "2025.yaml", func(s string) string {
		for _, r := range [][2]string{
			{"- {ten: TT. HĐND xã}", "- {ten: TT. HĐND xã Αn Bình}"},
			{"  ho_ten: # bản mẫu không ghi họ tên người ký", "  ho_ten: Nguyễn\u034f Văn An"},
		} {
			if !strings.Contains(s, r[0]) {
				t.Fatalf("plan lacks %q", r[0])
			}
			s = strings.Replace(s, r[0], r[1], 1)
		}
		return s
	})
	xa := filepath.Join(filepath.Dir(p), "xa.yaml")
	editFile(t, xa, "ten: Mường Khoa", "ten: \u041cường Khoa")
	editFile(t, xa, "dia_danh: Mường Khoa", "dia_danh: Mường\u2009Khoa")
	editFile(t, xa, "ten: Phòng Kinh tế", "ten: Phòng Kinh t\u0435\u0338 xã")
	code, stdout, stderr := runArgs("check", p)
	out := stdout + stderr
	for _, want := range []string{
		"xa.yaml:5:6: [chu-giong] chữ “М” (U+041C CYRILLIC CAPITAL LETTER EM) trong “Мường” là chữ Kirin, không phải chữ Latinh, dù trông giống chữ “M”",
		"xa.yaml:9:16: [chu-giong] khoảng trắng đặc biệt U+2009 THIN SPACE trông như dấu cách mà không phải dấu cách",
		"xa.yaml:37:22: [chu-giong] chữ “е” (U+0435 CYRILLIC SMALL LETTER IE) trong “tе̸” là chữ Kirin",
		"xa.yaml:37:23: [unicode-dau] dấu kết hợp U+0338 COMBINING LONG SOLIDUS OVERLAY không thuộc chữ tiếng Việt nào",
		"2025.yaml:549:25: [chu-giong] chữ “Α” (U+0391 GREEK CAPITAL LETTER ALPHA) trong “Αn” là chữ Hy Lạp",
		"2025.yaml:560:17: [unicode-an] có ký tự ẩn U+034F: ký tự vô hình COMBINING GRAPHEME JOINER",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("check lacks %q:\n%s", want, out)
		}
	}
	if code != 1 {
		t.Errorf("exit %d, want 1 (the invisible character is an error)", code)
	}
}

// check -fix puts the Latin twins and plain spaces back, removes the
// invisible joiner, and leaves the stray mark and the Greek word it cannot
// judge to the author.
func TestCheckFixLookAlikes(t *testing.T) {
	root := t.TempDir()
	p := testkit.CopyPlan(t, root, "muong-khoa", "2025.yaml", func(s string) string {
		return strings.Replace(s, "  ho_ten: # bản mẫu không ghi họ tên người ký", "  ho_ten: Nguy\u0435\u0302\u0303n\u034f V\u0103n\u2009An", 1)
	})
	if code, stdout, stderr := runArgs("check", "-fix", p); code != 0 || !strings.Contains(stdout, "đã sửa") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	b, _ := os.ReadFile(p)
	if !strings.Contains(string(b), "ho_ten: Nguyễn Văn An\n") {
		t.Errorf("not fixed: %q", b[strings.Index(string(b), "ho_ten"):][:40])
	}
}
