package limits

import (
	"archive/zip"
	"compress/flate"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"kehoach/internal/termsafe"
	"kehoach/internal/testkit"
)

// TestVisible: controls, DEL, C1, bidi marks and bytes that are not UTF-8
// are written out; tab, newline, Vietnamese and backslashes stay.
func TestVisible(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Mường Khoa\tMục 1\n", "Mường Khoa\tMục 1\n"},
		{"\x1b[2J\x1b]0;pwned\a", `\x1b[2J\x1b]0;pwned\x07`},
		{"100\rSố tiền: 999", `100\x0dSố tiền: 999`},
		{"\x00\x7f\x08\f\v", `\x00\u007f\x08\x0c\x0b`},
		{"\u009b31m \u0085 \u0080", `\u009b31m \u0085 \u0080`},
		{"\u202etxt.exe \u202a\u202b\u202c\u202d", `\u202etxt.exe \u202a\u202b\u202c\u202d`},
		{"\u2066x\u2067\u2068\u2069 \u200e\u200f\u061c", `\u2066x\u2067\u2068\u2069 \u200e\u200f\u061c`},
		{"a\u2028b\u2029", `a\u2028b\u2029`},
		{"\xff\xc3 é", `\xff\xc3 é`},
		{`C:\x1b`, `C:\x1b`},
		{"\u00a0\u200b\ufeff", "\u00a0\u200b\ufeff"}, // not controls
	} {
		if got := Visible(c.in); got != c.want {
			t.Errorf("Visible(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// Whatever the input, the output has no control but tab and newline,
	// is UTF-8, and has none of the hidden characters.
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 2000; i++ {
		b := make([]byte, rng.Intn(40))
		rng.Read(b)
		s := string(b) + string(rune(rng.Intn(0x2100)))
		got := Visible(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Visible(%q) = %q: not UTF-8", s, got)
		}
		if bad := termsafe.Find(got); bad != "" {
			t.Fatalf("Visible(%q) = %q keeps %s", s, got, bad)
		}
	}
}

// TestOutputCap: the output never grows past MaxOutputBytes; the line cut
// is cut on a character boundary, and nothing is written after the cut.
func TestOutputCap(t *testing.T) {
	o := &Output{}
	line := strings.Repeat("Mường ", 1000) // 8 bytes a word
	var err error
	n := 0
	for err == nil {
		err = o.WriteLine(line)
		n++
	}
	if err != ErrFull {
		t.Fatalf("error %v, want ErrFull", err)
	}
	if o.Write("x") != ErrFull || o.End() != ErrFull {
		t.Error("writes after the cut succeed")
	}
	got := o.Text()
	if len(got) > MaxOutputBytes || len(got) < MaxOutputBytes-len(line) {
		t.Errorf("%d bytes printed, want up to %d", len(got), MaxOutputBytes)
	}
	if !utf8.ValidString(got) || !strings.HasSuffix(got, "\n") {
		t.Error("the cut line is not whole characters ending in a newline")
	}
	if want := n - 1; strings.Count(got, "\n") != want+1 {
		t.Errorf("%d lines, want %d whole lines and the cut one", strings.Count(got, "\n"), want)
	}
}

// TestCutNotice: a cut text ends with the notice, which tells two
// different files apart.
func TestCutNotice(t *testing.T) {
	a, b := CutNotice("quá 2.000 trang", []byte("mot")), CutNotice("quá 2.000 trang", []byte("hai"))
	if a == b || !strings.HasPrefix(a, "[kehoach text: dừng ở đây vì quá 2.000 trang; phần sau không in (tệp 3 byte, SHA-256 ") || !strings.HasSuffix(a, ")]\n") {
		t.Errorf("notices %q, %q", a, b)
	}
	if Thousands(1234567) != "1.234.567" || Thousands(12) != "12" || MiB(8<<20) != "8 MiB" {
		t.Error("thousands or mib")
	}
}

// TestREADMELimits: the README's table of kehoach text's limits says what
// limits.go says (the limits have one source: change them there, then the
// README).
func TestREADMELimits(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(testkit.RepoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	rows := []struct {
		what  string
		value string
		cut   bool
	}{
		{"Kích thước tệp (xét trước khi đọc)", MiB(MaxFileBytes), false},
		{"Số phần trong gói `.docx`, `.xlsx`", Thousands(MaxZipMembers), false},
		{"Một phần giải nén, một luồng PDF đã giải mã", MiB(MaxPartBytes), false},
		{"Độ lồng nhau (thẻ XML, mảng và từ điển PDF)", Thousands(MaxNesting) + " cấp", false},
		{"Số đối tượng PDF", Thousands(MaxObjects), false},
		{"Tổng dữ liệu giải nén", MiB(MaxUnpackedBytes), true},
		{"Số trang PDF", Thousands(MaxPages), true},
		{"Toán tử và giá trị PDF (quá nhiều trong các đối tượng: từ chối)", Thousands(MaxOperators), true},
		{"Số ô XLSX", Thousands(MaxCells), true},
		{"Chữ in ra", MiB(MaxOutputBytes), true},
		{"Thời gian đọc", Thousands(int(MaxDuration/time.Second)) + " giây", true},
	}
	var want strings.Builder
	want.WriteString("| Giới hạn | Giá trị | Vượt quá thì |\n|---|---|---|\n")
	for _, r := range rows {
		outcome := "từ chối"
		if r.cut {
			outcome = "cắt"
		}
		want.WriteString("| " + r.what + " | " + r.value + " | " + outcome + " |\n")
	}
	if !strings.Contains(string(readme), want.String()) {
		t.Errorf("README.md (“Giới hạn đầu vào”, kehoach text) does not have the limits of limits.go; it should have:\n%s", want.String())
	}
	// The notice and the output budget as the README quotes them.
	for _, s := range []string{"`[kehoach text: dừng ở đây vì …; phần sau không\nin (tệp N byte, SHA-256 …)]`", "giữ tối đa " + MiB(MaxOutputBytes) + " cho mỗi tệp"} {
		if !strings.Contains(string(readme), s) {
			t.Errorf("README.md does not say %q", s)
		}
	}
	if !strings.HasPrefix(CutNotice("x", nil), "[kehoach text: dừng ở đây vì x; phần sau không in (tệp 0 byte, SHA-256 ") {
		t.Error("the notice is not the one the README shows")
	}
}

// TestXMLError: encoding/xml's syntax errors read in Vietnamese with
// their line; an unknown one is quoted.
func TestXMLError(t *testing.T) {
	for _, c := range []struct{ xml, want string }{
		{"<a>\n<b>", "XML hỏng ở dòng 2: phần hết giữa chừng (tệp bị cắt hoặc thiếu thẻ đóng)"},
		{"<a></b>", "XML hỏng ở dòng 1: thẻ <a> lại đóng bằng </b>"},
		{"</a>", "XML hỏng ở dòng 1: thẻ đóng không có thẻ mở: </a>"},
		{`<a b="&x;"/>`, "XML hỏng ở dòng 1: thực thể XML không hợp lệ hoặc tự định nghĩa: &x;"},
		{"<a>\x1b</a>", "XML hỏng ở dòng 1: ký tự không được phép trong XML: U+001B"},
		{"<a b=c/>", "XML hỏng ở dòng 1: giá trị thuộc tính thiếu hoặc không có ngoặc kép"},
		{"<a>\xff</a>", "XML hỏng ở dòng 1: chữ không đúng bảng mã UTF-8"},
	} {
		d := NewXMLDecoder([]byte(c.xml), NewBudget())
		var err error
		for err == nil {
			_, err = d.Token()
		}
		if err.Error() != c.want {
			t.Errorf("%q: %v, want %s", c.xml, err, c.want)
		}
	}
}

// TestPartBroken: the ways a member of a package is broken, in
// Vietnamese, without the English of archive/zip or compress/flate.
func TestPartBroken(t *testing.T) {
	for _, c := range []struct {
		err  error
		want string
	}{
		{zip.ErrFormat, "phần word/document.xml hỏng (giải nén ra nhiều hơn kích thước khai báo, hoặc sai định dạng nén)"},
		{zip.ErrChecksum, "phần word/document.xml hỏng (sai mã kiểm tra CRC-32)"},
		{zip.ErrAlgorithm, "phần word/document.xml nén theo cách không đọc được"},
		{flate.CorruptInputError(12), "phần word/document.xml hỏng (dữ liệu nén sai)"},
		{fmt.Errorf("read: %w", io.ErrUnexpectedEOF), "phần word/document.xml bị cắt giữa chừng"},
	} {
		if got := PartBroken("word/document.xml", c.err).Error(); got != c.want {
			t.Errorf("%v: %s, want %s", c.err, got, c.want)
		}
	}
}

// TestErrorTextsFollowTheLimits: the error texts written out in full say
// the limits they stand for.
func TestErrorTextsFollowTheLimits(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{ErrFull.Error(), "văn bản in ra vượt " + MiB(MaxOutputBytes)},
		{ErrManyMembers.Error(), "gói có quá nhiều phần (hơn " + Thousands(MaxZipMembers) + ")"},
	} {
		if c.got != c.want {
			t.Errorf("error text %q, want %q: write the limit's new value into it", c.got, c.want)
		}
	}
}
