package txt

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"kehoach/internal/extract/para"
	"kehoach/internal/testkit"
)

var utf16Bytes = testkit.UTF16

// dump writes paragraphs as "LINE: text", one a line.
func dump(ps []para.Para) string {
	var b strings.Builder
	for _, p := range ps {
		if len(p.Runs) != 1 || p.Label != "" || p.Table != 0 || p.Style != "" || p.Align != "" {
			fmt.Fprintf(&b, "not one plain run: %+v\n", p)
		}
		fmt.Fprintf(&b, "%d: %q\n", p.Line, p.Text())
	}
	return b.String()
}

const seedLike = " KẾ HOẠCH \r\n\r\nThực hiện Chương trình\r\n \r\nI. MỤC TIÊU\r\n"

const seedDump = `1: "KẾ HOẠCH"
3: "Thực hiện Chương trình"
5: "I. MỤC TIÊU"
`

func TestParagraphs(t *testing.T) {
	for _, c := range []struct {
		name string
		in   []byte
		want string
	}{
		{"UTF-8, CR LF", []byte(seedLike), seedDump},
		{"UTF-8 with BOM, LF", []byte("\ufeff" + strings.ReplaceAll(seedLike, "\r\n", "\n")), seedDump},
		{"old Mac CR", []byte(strings.ReplaceAll(seedLike, "\r\n", "\r")), seedDump},
		{"UTF-16 LE with BOM", append([]byte{0xFF, 0xFE}, utf16Bytes(seedLike, false)...), seedDump},
		{"UTF-16 BE with BOM", append([]byte{0xFE, 0xFF}, utf16Bytes(seedLike, true)...), seedDump},
		// Notepad's "ANSI" on a Vietnamese Windows: base letters and
		// combining tone marks, composed in NFC.
		{"Windows-1258", []byte(" K\xca\xec HOA\xf2CH \r\n\r\nTh\xfd\xf2c hi\xea\xf2n Ch\xfd\xf5ng tri\xccnh\r\n \r\nI. MU\xf2C TI\xcaU\r\n"),
			seedDump},
		{"UTF-16 surrogate pair", append([]byte{0xFF, 0xFE}, utf16Bytes("Dấu 𝐀\nhết", false)...), "1: \"Dấu 𝐀\"\n2: \"hết\"\n"},
		{"mixed line ends, form feed, vertical tab, tabs, no-break spaces, NFD",
			[]byte("a\r\nb\rc\nd\fe\r\rf\vg\tcuối\u00a0dòng\u00a0\ne\u0302\u0301 \r\n"),
			"1: \"a\"\n2: \"b\"\n3: \"c\"\n4: \"d\"\n5: \"e\"\n7: \"f\\ng\\tcuối dòng\"\n8: \"ế\"\n"},
		{"empty", nil, ""},
		{"only blanks", []byte(" \r\n\t\n\u00a0"), ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := Paragraphs(c.in)
			if err != nil {
				t.Fatal(err)
			}
			if d := dump(got); d != c.want {
				t.Errorf("got:\n%s\nwant:\n%s", d, c.want)
			}
		})
	}
}

// Files that are not text, or text in an encoding that cannot be told,
// are refused at their place with what to do.
func TestParagraphsErrors(t *testing.T) {
	for _, c := range []struct {
		name      string
		in        []byte
		line, col int
		want      string
	}{
		{"NUL bytes", []byte("Kế hoạch\nsố\x00 12"), 2, 3, "tệp có byte NUL"},
		{"escape", []byte("a\n\x1b[2J"), 2, 1, "ký tự điều khiển U+001B"},
		{"C1 control", []byte("a\u009b2J"), 1, 2, "ký tự điều khiển U+009B"},
		{"UTF-16 without BOM", utf16Bytes("Kế hoạch thực hiện", false), 1, 1, "UTF-16 LE nhưng không có dấu BOM"},
		{"UTF-16 BE without BOM, ASCII only", utf16Bytes("Ke hoach so 12/KH-UBND", true), 1, 1, "UTF-16 BE nhưng không có dấu BOM"},
		{"UTF-16 odd length", append([]byte{0xFF, 0xFE}, 'a', 0, 'b'), 0, 0, "số byte lẻ"},
		{"UTF-16 lone surrogate", append([]byte{0xFF, 0xFE}, append(utf16Bytes("ab\ncd", false), 0x00, 0xD8, 'x', 0)...), 2, 3, "surrogate"},
		{"Windows-1252", []byte("K? ho?ch th?c hi?n\ntr\xecnh \xe1p d\xf9ng c\xf2n\n"), 2, 3, "Windows-1252"},
		{"broken UTF-8", []byte("Kế hoạch\nthực \xff hiện"), 2, 6, "byte không hợp lệ trong bảng mã UTF-8"},
		{"broken UTF-8, CR and form feed line ends", []byte("a\r\nb\rc\fd\n\r\nthực \xff hiện"), 6, 6, "byte không hợp lệ trong bảng mã UTF-8"},
		{"too large", make([]byte, MaxBytes+1), 0, 0, "tệp quá lớn"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := Paragraphs(c.in)
			var e *Error
			if !errors.As(err, &e) || !strings.Contains(e.Msg, c.want) || e.Line != c.line || e.Col != c.col {
				t.Fatalf("Paragraphs = %d paragraphs, %v; want an error at %d:%d with %q", len(got), err, c.line, c.col, c.want)
			}
			if c.line > 0 && !strings.HasPrefix(err.Error(), fmt.Sprintf("dòng %d, cột %d: ", c.line, c.col)) {
				t.Errorf("message %q does not start with its place", err)
			}
		})
	}
}

// The seed (../shared/seed), as it is and as Windows would save it: the
// same 327 paragraphs on their source lines in UTF-8, UTF-8 with a BOM
// and CR LF, UTF-16 LE and BE.
func TestSeed(t *testing.T) {
	seed := testkit.SeedText(t)
	crlf := "\ufeff" + strings.ReplaceAll(string(seed), "\n", "\r\n")
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"UTF-8", seed},
		{"UTF-8 with BOM, CR LF", []byte(crlf)},
		{"UTF-16 LE", append([]byte{0xFF, 0xFE}, utf16Bytes(strings.TrimPrefix(crlf, "\ufeff"), false)...)},
		{"UTF-16 BE", append([]byte{0xFE, 0xFF}, utf16Bytes(strings.TrimPrefix(crlf, "\ufeff"), true)...)},
	} {
		t.Run(c.name, func(t *testing.T) {
			ps, err := Paragraphs(c.data)
			if err != nil {
				t.Fatal(err)
			}
			if len(ps) != 327 {
				t.Errorf("%d paragraphs, want 327", len(ps))
			}
			at := map[int]string{}
			for _, p := range ps {
				at[p.Line] = p.Text()
			}
			for line, want := range map[int]string{
				1:   "KẾ HOẠCH",
				29:  "I. MỤC TIÊU",
				424: "- Vốn lồng ghép: 2.256 triệu đồng (trong đó: Vốn CT MTQG giảm nghèo",
				646: "PHÓ CHỦ TỊCH",
			} {
				if at[line] != want {
					t.Errorf("line %d: %q, want %q", line, at[line], want)
				}
			}
		})
	}
}

// Encoding names what Paragraphs decoded, for the import report.
func TestEncoding(t *testing.T) {
	for _, c := range []struct {
		in   []byte
		want string
	}{
		{[]byte(seedLike), "UTF-8"},
		{[]byte("\ufeff" + seedLike), "UTF-8 có BOM"},
		{append([]byte{0xFF, 0xFE}, utf16Bytes(seedLike, false)...), "UTF-16 LE"},
		{append([]byte{0xFE, 0xFF}, utf16Bytes(seedLike, true)...), "UTF-16 BE"},
		{[]byte("K\xca\xec HOA\xf2CH"), "Windows-1258"},
		{[]byte("tr\xecnh \xe1p d\xf9ng c\xf2n"), ""},
		{utf16Bytes("Kế hoạch thực hiện", false), ""},
		{nil, "UTF-8"},
	} {
		if got := Encoding(c.in); got != c.want {
			t.Errorf("Encoding(%.20q) = %q, want %q", c.in, got, c.want)
		}
	}
}
