// Copyright ©2026 The kehoach authors. Use of this source code is governed
// by the MIT licence of this package (see LICENSE).

package fpdf

import "testing"

// kehoach patch 2: the ID of a UTF-8 font hashes its 65 536 widths
// directly; it is still a function of every field but File, so two
// documents registering the same font agree, and any difference in the
// font gives another ID.
func TestGenerateFontIDUTF8(t *testing.T) {
	font := func() fontDefType {
		cw := make([]int, 1<<16)
		for i := range cw {
			cw[i] = 500 + i%300
		}
		return fontDefType{Tp: "UTF8", Name: "serif", Cw: cw, Up: -100, Ut: 50,
			Desc: FontDescType{Ascent: 891, Descent: -216, CapHeight: 662},
			File: "a.ttf", utf8File: &utf8FontFile{}}
	}
	base, err := generateFontID(font())
	if err != nil || len(base) != 40 {
		t.Fatalf("generateFontID = %q, %v; want 40 hex digits", base, err)
	}
	tests := []struct {
		name   string
		change func(*fontDefType)
		same   bool
	}{
		{"same font", func(*fontDefType) {}, true},
		{"other file name", func(d *fontDefType) { d.File = "b.ttf" }, true},
		{"one width", func(d *fontDefType) { d.Cw[0x1EA1]++ }, false},
		{"last width", func(d *fontDefType) { d.Cw[len(d.Cw)-1] = 0 }, false},
		{"fewer widths", func(d *fontDefType) { d.Cw = d.Cw[:len(d.Cw)-1] }, false},
		{"name", func(d *fontDefType) { d.Name = "serif-bold" }, false},
		{"ascent", func(d *fontDefType) { d.Desc.Ascent++ }, false},
		{"underline", func(d *fontDefType) { d.Up = -90 }, false},
	}
	for _, tt := range tests {
		d := font()
		tt.change(&d)
		id, err := generateFontID(d)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if (id == base) != tt.same {
			t.Errorf("%s: ID %s, base %s, want same=%v", tt.name, id, base, tt.same)
		}
	}
}
