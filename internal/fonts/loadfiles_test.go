package fonts

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Files chosen with -phong: the family is named as the regular file names
// itself, an OpenType CFF file is refused in Vietnamese (fpdf embeds
// TrueType outlines only and would fail later in English), and a file that
// is no font says which of the four it is.
func TestLoadFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	reg, bold := "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf"
	cff := write("a.otf", append([]byte("OTTO"), make([]byte, 64)...))
	junk := write("b.ttf", []byte("not a font"))
	for _, tc := range []struct {
		name  string
		paths [4]string
		want  string // the family name, or a part of the error
	}{
		{"bundled files", [4]string{reg, bold, bold, bold}, "Liberation Serif"},
		{"CFF as the bold face", [4]string{reg, cff, bold, bold}, "tệp phông thứ 2 (chữ đậm) là phông OpenType dạng CFF (thường có đuôi .otf), kehoach chỉ nhúng được phông TrueType; hãy chọn tệp .ttf của phông đó"},
		{"not a font", [4]string{junk, bold, bold, bold}, "tệp thứ 1 (chữ thường) không phải phông TrueType (.ttf) đọc được"},
	} {
		f, err := LoadFiles("", tc.paths)
		switch {
		case err != nil && !strings.Contains(err.Error(), tc.want):
			t.Errorf("%s: error %q, want %q", tc.name, err, tc.want)
		case err == nil && f.Name != tc.want:
			t.Errorf("%s: family %q, want %q", tc.name, f.Name, tc.want)
		case err == nil && !strings.HasPrefix(f.Source, "phông "+tc.want+" từ "):
			t.Errorf("%s: source %q", tc.name, f.Source)
		}
	}
}
