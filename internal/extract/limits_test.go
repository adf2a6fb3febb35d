package extract

import (
	"bytes"
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
	o := &output{}
	line := strings.Repeat("Mường ", 1000) // 8 bytes a word
	var err error
	n := 0
	for err == nil {
		err = o.writeLine(line)
		n++
	}
	if err != errFull {
		t.Fatalf("error %v, want errFull", err)
	}
	if o.write("x") != errFull || o.end() != errFull {
		t.Error("writes after the cut succeed")
	}
	got := o.text()
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
	a, b := cutNotice("quá 2.000 trang", []byte("mot")), cutNotice("quá 2.000 trang", []byte("hai"))
	if a == b || !strings.HasPrefix(a, "[kehoach text: dừng ở đây vì quá 2.000 trang; phần sau không in (tệp 3 byte, SHA-256 ") || !strings.HasSuffix(a, ")]\n") {
		t.Errorf("notices %q, %q", a, b)
	}
	if thousands(1234567) != "1.234.567" || thousands(12) != "12" || mib(8<<20) != "8 MiB" {
		t.Error("thousands or mib")
	}
}

// TestSegments: overlapping ranges keep the codes of the first range
// that covers them, as a scan in order would; the result is sorted and
// disjoint, so that lookups can search it.
func TestSegments(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for round := 0; round < 200; round++ {
		n := 1 + rng.Intn(20)
		ws := make([]widthRange, n)
		for i := range ws {
			lo := uint32(rng.Intn(200))
			hi := lo + uint32(rng.Intn(30))
			ws[i] = widthRange{lo: lo, hi: hi, w: []float64{float64(i)}}
			if rng.Intn(2) == 0 {
				ws[i].w = make([]float64, hi-lo+1)
				for k := range ws[i].w {
					ws[i].w[k] = float64(1000*i + k)
				}
			}
		}
		scan := func(code uint32) float64 { // the reader before: first match in /W order
			for _, r := range ws {
				if code >= r.lo && code <= r.hi {
					if len(r.w) == 1 {
						return r.w[0]
					}
					return r.w[code-r.lo]
				}
			}
			return -1
		}
		f := &font{widths: sortWidths(append([]widthRange(nil), ws...)), dw: -1}
		for i := 1; i < len(f.widths); i++ {
			if f.widths[i].lo <= f.widths[i-1].hi {
				t.Fatalf("ranges overlap: %v", f.widths)
			}
		}
		for code := uint32(0); code < 240; code++ {
			if got, want := f.width(code), scan(code); got != want {
				t.Fatalf("round %d, code %d: width %v, want %v (ranges %v)", round, code, got, want, ws)
			}
		}
	}
}

// TestCMapRanges: the narrowest range holding a code maps it, whatever
// the order of the bfrange entries, and a code past every range is U+FFFD.
func TestCMapRanges(t *testing.T) {
	cm := "1 beginbfrange\n<0000> <FFFF> <0041>\nendbfrange\n2 beginbfrange\n<0010> <0020> <0061>\n<0018> <0019> <0030>\nendbfrange\n1 beginbfchar\n<0019> <005A>\nendbfchar"
	c, err := parseCMap([]byte(cm), newBudget())
	if err != nil {
		t.Fatal(err)
	}
	for code, want := range map[uint32]string{0: "A", 1: "B", 0x10: "a", 0x11: "b", 0x17: "h", 0x18: "0", 0x19: "Z", 0x1a: "k", 0x21: "\u0062", 0x10000: "\uFFFD"} {
		if got := c.lookup(code); got != want {
			t.Errorf("code %#x: %q, want %q", code, got, want)
		}
	}
}

// TestReadFileLimits: a file over MaxFileBytes is refused by its size,
// before it is read; so is what is not a regular file.
func TestReadFileLimits(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "lon.pdf")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxFileBytes + 1); err != nil { // sparse: nothing written
		t.Fatal(err)
	}
	f.Close()
	if _, err := Text(big); err == nil || !strings.Contains(err.Error(), "tệp quá lớn (33.554.433 byte; lệnh text chỉ đọc tệp đến 32 MiB)") {
		t.Errorf("large file: %v", err)
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		link := filepath.Join(dir, "zero.docx")
		if err := os.Symlink("/dev/zero", link); err == nil {
			if _, err := Text(link); err == nil || !strings.Contains(err.Error(), "không phải tệp thường") {
				t.Errorf("/dev/zero: %v", err)
			}
		}
	}
	// Exactly at the limit: read (and refused as a PDF, not for its size).
	if err := os.WriteFile(big, bytes.Repeat([]byte{' '}, 1024), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Text(big); err == nil || strings.Contains(err.Error(), "quá lớn") {
		t.Errorf("small file: %v", err)
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
		{"Kích thước tệp (xét trước khi đọc)", mib(MaxFileBytes), false},
		{"Số phần trong gói `.docx`, `.xlsx`", thousands(MaxZipMembers), false},
		{"Một phần giải nén, một luồng PDF đã giải mã", mib(MaxPartBytes), false},
		{"Độ lồng nhau (thẻ XML, mảng và từ điển PDF)", thousands(MaxNesting) + " cấp", false},
		{"Số đối tượng PDF", thousands(MaxObjects), false},
		{"Tổng dữ liệu giải nén", mib(MaxUnpackedBytes), true},
		{"Số trang PDF", thousands(MaxPages), true},
		{"Toán tử và giá trị PDF (quá nhiều trong các đối tượng: từ chối)", thousands(MaxOperators), true},
		{"Số ô XLSX", thousands(MaxCells), true},
		{"Chữ in ra", mib(MaxOutputBytes), true},
		{"Thời gian đọc", thousands(int(MaxDuration/time.Second)) + " giây", true},
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
	for _, s := range []string{"`[kehoach text: dừng ở đây vì …; phần sau không\nin (tệp N byte, SHA-256 …)]`", "giữ tối đa " + mib(MaxOutputBytes) + " cho mỗi tệp"} {
		if !strings.Contains(string(readme), s) {
			t.Errorf("README.md does not say %q", s)
		}
	}
	if !strings.HasPrefix(cutNotice("x", nil), "[kehoach text: dừng ở đây vì x; phần sau không in (tệp 0 byte, SHA-256 ") {
		t.Error("the notice is not the one the README shows")
	}
}
