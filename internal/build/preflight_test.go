package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/internal/doc"
	"kehoach/internal/fonts"
	"kehoach/internal/plan"
)

// Preflight reports, at the field's place, the characters the chosen font
// cannot draw, in the plan and in the commune file, with the messages the
// loader gave before #16; and the commune's profile.
func TestPreflight(t *testing.T) {
	dir := filepath.Dir(plan2025)
	planSrc, err := os.ReadFile(plan2025)
	if err != nil {
		t.Fatal(err)
	}
	communeSrc, err := os.ReadFile(filepath.Join(dir, "xa.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		commune  bool   // the change is in xa.yaml
		old, new string // replaced once
		want     string // the message, after "file:line:col: "; "" = none
		wantCol  int    // the column of the message, when the character is found in the file
		wantFile string // the file named
		body13   bool   // the change sets trinh_bay.co_chu: 13
	}{
		{name: "clean"},
		{name: "emoji in the plan", old: "ten_ngan: Chương trình MTQG", new: "ten_ngan: Chương 🎯 trình MTQG",
			want: "ký tự “🎯” (U+1F3AF) nằm ngoài bảng chữ cơ bản (thường là biểu tượng cảm xúc); phông Times New Roman không in được ký tự này, hãy xóa hoặc thay bằng chữ.", wantCol: 20},
		{name: "control character in the commune", commune: true, old: "dia_danh: Mường Khoa", new: `dia_danh: "Mường\a Khoa"`,
			// Written as an escape: not found in the file, said by its number.
			want: "ký tự điều khiển U+0007 ở ký tự thứ 6 của đoạn; phông Times New Roman không in được ký tự này, hãy xóa hoặc thay bằng chữ."},
		{name: "zero-width space in the commune", commune: true, old: "ten: Mường Khoa", new: "ten: Mường\u200b Khoa",
			want: "ký tự vô hình U+200B; phông Times New Roman không in được ký tự này, hãy xóa hoặc thay bằng chữ.", wantCol: 11},
		{name: "character without a glyph", commune: true, old: "ten: Mường Khoa", new: "ten: Mường \u0f00 Khoa",
			want: "ký tự “\u0f00” (U+0F00) không có trong phông chữ; phông Times New Roman không in được ký tự này, hãy xóa hoặc thay bằng chữ.", wantCol: 12},
		{name: "profile with the commune's body size", commune: true, old: "tinh: Lai Châu", new: "tinh: Lai Châu\ntrinh_bay: {co_chu: 13}", body13: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, c := string(planSrc), string(communeSrc)
			changed := &p
			if tc.commune {
				changed = &c
			}
			if tc.old != "" {
				if !strings.Contains(*changed, tc.old) {
					t.Fatalf("fixture lacks %q", tc.old)
				}
				*changed = strings.Replace(*changed, tc.old, tc.new, 1)
			}
			res, err := plan.LoadBytes(plan2025, []byte(p), func(name string) ([]byte, error) {
				if filepath.Base(name) == "xa.yaml" {
					return []byte(c), nil
				}
				return os.ReadFile(name)
			})
			if err != nil || !res.OK() {
				t.Fatalf("load: %v %v", err, res.Errors)
			}
			prof, err := Preflight(res, fonts.Bundled())
			if err != nil {
				t.Fatal(err)
			}
			if prof == nil {
				t.Fatal("no profile")
			}
			if tc.want == "" {
				if len(res.Errors) > 0 {
					t.Fatalf("errors: %v", res.Errors)
				}
				if want := map[bool]float64{false: 14, true: 13}[tc.body13]; prof.Style(doc.StyleBody).Size != want {
					t.Errorf("body size %v, want %v", prof.Style(doc.StyleBody).Size, want)
				}
				return
			}
			if len(res.Errors) != 1 {
				t.Fatalf("errors: %v, want one", res.Errors)
			}
			e := res.Errors[0]
			file, line := plan2025, 1+strings.Count((*changed)[:strings.Index(*changed, tc.new)], "\n")
			if tc.commune {
				file = filepath.Join(dir, "xa.yaml")
			}
			if e.File != file || e.Pos.Line != line || e.Msg != tc.want || (tc.wantCol != 0 && e.Pos.Col != tc.wantCol) {
				t.Errorf("got  %s\nwant %s:%d:…: %s", e.Error(), file, line, tc.want)
			}
		})
	}
}
