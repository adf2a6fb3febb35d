package yamlx

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"kehoach/internal/diag"
)

type inner struct {
	Pos  diag.Pos
	Ten  string `yaml:"ten,required"`
	So   int    `yaml:"so"`
	Cac  []int  `yaml:"cac"`
	Bool bool   `yaml:"co"`
}

type outer struct {
	Nhom inner    `yaml:"nhom,required"`
	Danh []inner  `yaml:"danh"`
	Chu  []string `yaml:"chu"`
	So   float64  `yaml:"so"`
}

func TestDecode(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		want     []string
	}{
		{"ok", "nhom: {ten: a, so: 1}\ndanh:\n  - {ten: b}\n", nil},
		{"BOM and CRLF accepted", "\ufeffnhom:\r\n  ten: a\r\n", nil},
		{"NFD normalised", "nhom: {ten: \"Vie\u0302\u0323t\"}\n", nil},
		{"unknown key suggestion", "nhom: {tenn: a}\n", []string{
			"f.yaml:1:1: thiếu khóa bắt buộc “ten” trong mục “nhom”; hãy thêm “ten: …”.",
			"f.yaml:1:8: khóa “tenn” không có trong mục “nhom”; có phải ý bạn là “ten”?"}},
		{"wrong scalar type", "nhom: {ten: a, so: x}\n", []string{"f.yaml:1:20: “so” phải là một số nguyên, không phải \"x\"."}},
		{"integer overflow", "nhom: {ten: a, so: 99999999999999999999}\n", []string{"f.yaml:1:20: “so”: số 99999999999999999999 quá lớn; hãy kiểm tra lại."}},
		{"bad bool", "nhom: {ten: a, co: maybe}\n", []string{"f.yaml:1:20: “co” phải là true (có) hoặc false (không), không phải \"maybe\"."}},
		{"mapping for list", "nhom: {ten: a}\ndanh: {ten: b}\n", []string{"f.yaml:2:7: “danh” phải là một danh sách (mỗi phần tử bắt đầu bằng “- ”), không phải một nhóm khóa: giá trị."}},
		{"duplicate key", "nhom: {ten: a}\nnhom: {ten: b}\n", []string{"f.yaml:2:1: khóa “nhom” bị lặp lại (đã có ở dòng 1); hãy xóa một trong hai."}},
		{"merge key refused", "nhom: {ten: a, <<: {so: 1}}\n", []string{"f.yaml:1:16: không dùng khóa gộp “<<” trong tệp kế hoạch; hãy viết đầy đủ các khóa."}},
		{"alias bomb refused", "a: &a [x, x]\nb: &b [*a, *a]\n", []string{"f.yaml:1:4: không dùng anchor (&) hay alias (*) trong tệp kế hoạch; hãy viết đầy đủ giá trị."}},
		{"NUL byte", "nhom: {ten: a\x00}\n", []string{"f.yaml:1:14: tệp chứa ký tự NUL (mã 0); hãy xóa ký tự này."}},
		{"invalid UTF-8", "nhom: {ten: \xff}\n", []string{"f.yaml:1:13: ở đây có byte không hợp lệ trong bảng mã UTF-8 (thường do chép dán từ phần mềm khác hoặc tệp bị hỏng); hãy xóa rồi gõ lại ký tự ở chỗ này và lưu tệp bằng bảng mã UTF-8 (Notepad: Tệp → Lưu thành…, ô Mã hóa chọn “UTF-8”)."}},
		{"unclosed quote", "nhom: {ten: \"a}\n", []string{"f.yaml:2:1: lỗi cú pháp YAML: chuỗi trong ngoặc kép chưa được đóng; hãy thêm dấu ngoặc kép đóng."}},
		{"deep nesting", "chu: " + strings.Repeat("[", 40) + strings.Repeat("]", 40) + "\n", []string{"f.yaml:1:37: cấu trúc lồng nhau quá sâu (hơn 32 cấp); hãy kiểm tra lại thụt lề."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var v outer
			_, errs := Decode("f.yaml", []byte(tc.in), &v)
			var got []string
			for _, e := range errs {
				got = append(got, e.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if tc.name == "NFD normalised" && v.Nhom.Ten != "Việt" {
				t.Errorf("not NFC: %q", v.Nhom.Ten)
			}
		})
	}
}

func TestLimits(t *testing.T) {
	t.Parallel()
	big := "chu: [" + strings.Repeat("["+strings.Repeat("a,", MaxItems-1)+"a],", MaxNodes/MaxItems+1) + "a]\n"
	_, errs := Decode("f.yaml", []byte(big), &outer{})
	if len(errs) != 1 || !strings.Contains(errs[0].Msg, "quá nhiều phần tử") {
		t.Errorf("many nodes: %v", errs)
	}
	long := "chu: [" + strings.Repeat("a,", MaxItems) + "a]\n"
	_, errs = Decode("f.yaml", []byte(long), &outer{})
	if len(errs) != 1 || errs[0].Error() != "f.yaml:1:6: danh sách có 10001 phần tử (tối đa 10000); hãy kiểm tra lại tệp." {
		t.Errorf("long list: %v", errs)
	}
	huge := []byte("chu: [" + strings.Repeat("a", MaxFileBytes) + "]\n")
	_, errs = Decode("f.yaml", huge, &outer{})
	if len(errs) != 1 || !strings.Contains(errs[0].Msg, "tệp quá lớn") {
		t.Errorf("huge file: %v", errs)
	}
	longText := "nhom: {ten: " + strings.Repeat("a", MaxScalar+1) + "}\n"
	_, errs = Decode("f.yaml", []byte(longText), &outer{})
	if len(errs) != 1 || !strings.Contains(errs[0].Msg, "giá trị quá dài") {
		t.Errorf("long scalar: %v", errs)
	}
}

func TestSuggest(t *testing.T) {
	t.Parallel()
	keys := []string{"trich_yeu", "can_cu", "muc_tieu", "nguon_luc"}
	for in, want := range map[string]string{"trich_yeuu": "trich_yeu", "cancu": "can_cu", "nguon": "nguon_luc", "xyz": ""} {
		if got := Suggest(in, keys); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", in, got, want)
		}
	}
}

// Resource bounds on dense input (#15 F-10): a flow list of millions of
// items is refused before the YAML parser builds it, and thousands of
// problems are reported as the first MaxMessages and a count.
func TestDenseAndManyProblems(t *testing.T) {
	t.Parallel()
	type doc struct {
		A []string `yaml:"a"`
	}
	cases := []struct {
		name string
		data string
		want string
	}{
		{"flow list of 1,9 million items", "a: [" + strings.Repeat("x,", 1900000) + "x]\n",
			"f.yaml:1:400004: tệp có quá nhiều phần tử hoặc dòng (hơn 200000)"},
		{"a million one-item lines", strings.Repeat("- x\n", 1000000),
			"f.yaml:200001:4: tệp có quá nhiều phần tử hoặc dòng (hơn 200000)"},
		{"a comment cannot hide a flow list", "a: [] # '\nb: [" + strings.Repeat("x,", 300000) + "x] # '\n",
			"f.yaml:2:400000: tệp có quá nhiều phần tử hoặc dòng (hơn 200000)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var v doc
			_, errs := Decode("f.yaml", []byte(c.data), &v)
			got := ""
			if len(errs) > 0 {
				got = errs[0].Error()
			}
			if (c.want == "") != (got == "") || !strings.HasPrefix(got, c.want) {
				t.Errorf("got %q, want %q…", got, c.want)
			}
		})
	}
	seed, err := os.ReadFile("../../plans/muong-khoa/2025.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(seed, []byte("\n")) + bytes.Count(seed, []byte(",")) + bytes.Count(seed, []byte("[")) + bytes.Count(seed, []byte("{")); n > MaxNodes/50 {
		t.Errorf("the seed plan counts %d, within 2%% of the limit %d", n, MaxNodes)
	}
	var many strings.Builder
	for i := 0; i < 5000; i++ {
		fmt.Fprintf(&many, "k%d: 1\n", i)
	}
	var v doc
	_, errs := Decode("f.yaml", []byte(many.String()), &v)
	if len(errs) != MaxMessages+1 || errs[MaxMessages].Error() != "f.yaml:51:1: … và 4950 lỗi khác từ dòng 51 trở đi; hãy sửa các lỗi trên rồi chạy lại để xem tiếp." {
		t.Errorf("%d messages, last %v", len(errs), errs[len(errs)-1])
	}
}

// No syntax error carries libyaml's English (F-21): “exceeded max depth of
// 10000”, “found invalid Unicode character escape code” and the rest are
// said in Vietnamese.
func TestSyntaxErrorsVietnamese(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"chu: " + strings.Repeat("[", 10001) + "\n":    "cấu trúc lồng nhau quá sâu",
		"chu: " + strings.Repeat("{a: ", 10001) + "\n": "cấu trúc lồng nhau quá sâu",
		"chu: \"\\uD800\"\n":                           "không phải một ký tự có thật",
		"chu: \"\\uD83D\\uDE00\"\n":                    "không phải một ký tự có thật",
		"chu: \"a\\qb\"\n":                             "không phải mã thoát",
		"chu: \"\\xZZ\"\n":                             "thiếu chữ số hệ 16",
		"chu: a\n--- x\n":                              "",
		"%YAML 1.1\n%YAML 1.1\n---\nchu: a\n":          "chỉ thị YAML",
		"chu: |0\n  a\n":                               "khối chữ",
		"chu: a#b\nx: - a\n":                           "",
		"- a\nb: c\n":                                  "",
		"chu: !<x\n":                                   "thẻ kiểu YAML",
		"chu: &\n":                                     "",
		"chu: *\n":                                     "",
		"a:\n  - b\n c: d\n":                           "",
	} {
		_, err := Parse("f.yaml", []byte(in))
		if err == nil {
			t.Errorf("%.40q: no error", in)
			continue
		}
		msg := err.Error()
		for _, en := range []string{"exceeded", "found", "did not", "while", "expected", "invalid", "character", "not allowed", "could not"} {
			if strings.Contains(msg, en) {
				t.Errorf("%.40q: English “%s” in %s", in, en, msg)
			}
		}
		if !strings.Contains(msg, want) {
			t.Errorf("%.40q: %s lacks %q", in, msg, want)
		}
	}
}

// TestRefusedCharacters pins the problem given for characters YAML
// refuses. The YAML reader takes a file already in memory at once only
// when it has none of them (third_party/yaml patch 02), and leaves any
// other to its character-by-character loop, which refuses it as before:
// with the byte offset only, so the problem has no line and column.
func TestRefusedCharacters(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		"a: b\nchu: Mường\x01 Khoa\n",
		"a: b\nchu: \"Mường Khoa\"\n# ghi chú \x1b\n",
		"a: b\nchu: Mường\ufffe\n",
		"a: b\nchu: >-\n  Mường\n  Khoa\x7f\uffff\n",
		"\ufeffa: b\nchu: |\n  Mường\x08\n",
	} {
		_, err := Parse("f.yaml", []byte(in))
		var es diag.List
		if !errors.As(err, &es) || len(es) != 1 {
			t.Errorf("%q: %v, want one problem", in, err)
			continue
		}
		if got := es[0]; got.Pos != (diag.Pos{}) || got.File != "f.yaml" || got.Msg != "tệp chứa ký tự điều khiển không được phép; hãy xóa ký tự này." {
			t.Errorf("%q: %s:%d:%d %s", in, got.File, got.Pos.Line, got.Pos.Col, got.Msg)
		}
	}
	// Without the refused character, the same text parses.
	if _, err := Parse("f.yaml", []byte("a: b\nchu: >-\n  Mường\n  Khoa\x7f\n")); err != nil {
		t.Errorf("DEL refused: %v", err)
	}
}
