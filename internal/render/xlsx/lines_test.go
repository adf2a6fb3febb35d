package xlsx

import (
	"math/rand/v2"
	"strings"
	"testing"

	"kehoach/internal/fonts"
)

// linesWhole is lines as it was first written: every candidate line
// measured whole. lines must break exactly as it does.
func linesWhole(font *fonts.Family, text string, st fonts.Style, size, width float64) int {
	n := 0
	for _, para := range strings.Split(text, "\n") {
		n++
		line := ""
		for _, word := range strings.Split(para, " ") {
			try := word
			if line != "" {
				try = line + " " + word
			}
			if line != "" && font.WidthMM(st, size, try) > width {
				n++
				line = word
			} else {
				line = try
			}
			for line != "" && font.WidthMM(st, size, line) > width {
				n++
				line = cutTo(font, st, size, line, width)
			}
		}
	}
	return n
}

// Random texts of the annexes' words, blanks, no-break spaces, line breaks
// and over-long words, at random widths and sizes, and widths exactly a
// candidate line's: the summed widths break where whole measuring does.
func TestLinesAsMeasuredWhole(t *testing.T) {
	x := &writer{font: fonts.Bundled()}
	words := []string{"Phòng", "Văn", "hóa\u00a0-", "Xã", "hội", "Chưa", "đạt", "", "Ủy", "ban", "nhân", "dân", "xã", "Mường", "Khoa", "12.345,5", "Tỷ", "lệ", "hộ", "nghèo", "đa", "chiều", "Bê\u00a0tông\u00a0hóa\u00a007\u00a0km\u00a0đường", "x", "\n", "WWWWWWWWWWWWWWWWWWWWWWWW"}
	r := rand.New(rand.NewPCG(1, 2))
	styles := []fonts.Style{fonts.StyleOf(false, false), fonts.StyleOf(true, false), fonts.StyleOf(false, true)}
	checked := 0
	for range 4000 {
		var b strings.Builder
		for k := r.IntN(30); k >= 0; k-- {
			b.WriteString(words[r.IntN(len(words))])
			if r.IntN(4) > 0 {
				b.WriteByte(' ')
			}
		}
		text := b.String()
		st := styles[r.IntN(len(styles))]
		size := []float64{11, 12, 13, 14}[r.IntN(4)]
		widths := []float64{1 + r.Float64()*80}
		// The width of a prefix ending at a blank: a line that just fits.
		if i := strings.LastIndexByte(text, ' '); i > 0 {
			widths = append(widths, x.font.WidthMM(st, size, text[:i]))
		}
		for _, w := range widths {
			if got, want := x.lines(text, st, size, w), linesWhole(x.font, text, st, size, w); got != want {
				t.Fatalf("%q at %v mm, %v pt: %d lines, measured whole %d", text, w, size, got, want)
			}
			checked++
		}
	}
	if checked < 4000 {
		t.Errorf("only %d cases", checked)
	}
}
