package yamlx

import (
	"errors"
	"testing"

	"kehoach/internal/diag"
)

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
