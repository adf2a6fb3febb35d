// Package fonts provides the serif font kehoach draws with: Times New Roman
// when the machine has it, otherwise the bundled Liberation Serif 2.1.5
// (metric-compatible with Times New Roman, SIL Open Font License 1.1,
// embedded with go:embed). It also measures text, so the composer can size
// the ND30 rules and the renderers can lay out lines with the same numbers.
package fonts

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"unicode"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

//go:embed LiberationSerif-Regular.ttf
var libRegular []byte

//go:embed LiberationSerif-Bold.ttf
var libBold []byte

//go:embed LiberationSerif-Italic.ttf
var libItalic []byte

//go:embed LiberationSerif-BoldItalic.ttf
var libBoldItalic []byte

// License is the licence text of the bundled Liberation Serif fonts.
//
//go:embed LICENSE-LiberationSerif.txt
var License string

// Style selects one of the four faces of a family.
type Style int

// The four faces.
const (
	Regular Style = iota
	Bold
	Italic
	BoldItalic
)

// StyleOf returns the face for the given bold and italic flags.
func StyleOf(bold, italic bool) Style {
	switch {
	case bold && italic:
		return BoldItalic
	case bold:
		return Bold
	case italic:
		return Italic
	}
	return Regular
}

// Family is a loaded four-face font family.
type Family struct {
	Name   string          // family name, e.g. "Liberation Serif"
	Source string          // where it came from: "nhúng sẵn" or a folder
	TTF    [4][]byte       // raw TrueType data per Style
	faces  [4]*sfnt.Font   // parsed faces
	upem   [4]float64      // units per em
	mu     sync.Mutex      // guards adv and buf
	adv    [4]map[rune]int // advance widths in font units; -1 = no glyph
	// buf is lockedAdvance's scratch room, kept: a new sfnt.Buffer for
	// each rune measured allocated some 170 pages of memory a build.
	buf sfnt.Buffer
	// near holds the advances of the runes below nearRunes, read without
	// the lock (every word's width reads one per rune, from several
	// goroutines at once): advance + 2, 0 while not measured yet.
	near [4][nearRunes]atomic.Int32
}

// nearRunes bounds the runes whose advances Family keeps in arrays rather
// than in its locked map: Latin with Vietnamese (U+1EA0–U+1EF9) and the
// general punctuation (U+2000–U+206F: dashes, quotes, ellipsis).
const nearRunes = 0x2070

var (
	bundledOnce sync.Once
	bundled     *Family
	bundledErr  error
)

// Bundled returns the embedded Liberation Serif family.
func Bundled() *Family {
	bundledOnce.Do(func() {
		bundled, bundledErr = newFamily("Liberation Serif", "phông Liberation Serif 2.1.5 nhúng sẵn (tương thích số đo với Times New Roman)",
			[4][]byte{libRegular, libBold, libItalic, libBoldItalic})
	})
	if bundledErr != nil {
		panic(bundledErr) // embedded data is checked by tests
	}
	return bundled
}

// TimesFiles are the usual file names of Times New Roman's four faces.
var TimesFiles = [4][]string{
	{"times.ttf", "Times New Roman.ttf", "Times_New_Roman.ttf", "TimesNewRoman.ttf"},
	{"timesbd.ttf", "Times New Roman Bold.ttf", "Times_New_Roman_Bold.ttf", "TimesNewRomanBold.ttf"},
	{"timesi.ttf", "Times New Roman Italic.ttf", "Times_New_Roman_Italic.ttf", "TimesNewRomanItalic.ttf"},
	{"timesbi.ttf", "Times New Roman Bold Italic.ttf", "Times_New_Roman_Bold_Italic.ttf", "TimesNewRomanBoldItalic.ttf"},
}

// SystemDirs are the usual font folders of Windows, Linux and macOS.
func SystemDirs() []string {
	dirs := []string{
		`C:\Windows\Fonts`,
		"/usr/share/fonts/truetype/msttcorefonts",
		"/usr/share/fonts/truetype/times",
		"/usr/share/fonts/TTF",
		"/usr/share/fonts/truetype",
		"/usr/local/share/fonts",
		"/Library/Fonts",
		"/System/Library/Fonts/Supplemental",
	}
	if w := os.Getenv("WINDIR"); w != "" {
		dirs = append([]string{filepath.Join(w, "Fonts")}, dirs...)
	}
	if h, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(h, ".fonts"), filepath.Join(h, ".local", "share", "fonts"),
			filepath.Join(h, "AppData", "Local", "Microsoft", "Windows", "Fonts"), filepath.Join(h, "Library", "Fonts"))
	}
	return dirs
}

// FindTimes looks for the four Times New Roman faces in dirs and loads them;
// it returns nil when any face is missing.
func FindTimes(dirs []string) *Family {
	for _, dir := range dirs {
		var data [4][]byte
		ok := true
		for s, names := range TimesFiles {
			for _, n := range names {
				if b, err := os.ReadFile(filepath.Join(dir, n)); err == nil {
					data[s] = b
					break
				}
			}
			if data[s] == nil {
				ok = false
				break
			}
		}
		if ok {
			if f, err := newFamily("Times New Roman", "phông Times New Roman trong "+dir, data); err == nil {
				return f
			}
		}
	}
	return nil
}

// LoadFiles loads a family from four TTF files named by the user (regular,
// bold, italic, bold italic). An empty name is the family name the regular
// file gives itself (its name table), so that messages name the font the
// user chose.
func LoadFiles(name string, paths [4]string) (*Family, error) {
	var data [4][]byte
	for i, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("không đọc được tệp phông %s: %w", p, err)
		}
		data[i] = b
	}
	f, err := newFamily(name, "", data)
	if err != nil {
		return nil, err
	}
	if f.Name == "" {
		var buf sfnt.Buffer
		if n, err := f.faces[Regular].Name(&buf, sfnt.NameIDFamily); err == nil && n != "" {
			f.Name = n
		} else {
			f.Name = filepath.Base(paths[Regular])
		}
	}
	f.Source = "phông " + f.Name + " từ " + filepath.Dir(paths[0])
	return f, nil
}

// Select returns the family to draw with: files named by the user when
// given, else Times New Roman from the system folders, else the bundled
// Liberation Serif.
func Select(paths [4]string) (*Family, error) {
	if paths[0] != "" {
		return LoadFiles("", paths)
	}
	if f := FindTimes(SystemDirs()); f != nil {
		return f, nil
	}
	return Bundled(), nil
}

// faceNames are the four faces as the user knows them, in file order.
var faceNames = [4]string{"chữ thường", "chữ đậm", "chữ nghiêng", "chữ đậm nghiêng"}

func newFamily(name, source string, data [4][]byte) (*Family, error) {
	f := &Family{Name: name, Source: source, TTF: data}
	for i, d := range data {
		if len(d) == 0 {
			return nil, errors.New("thiếu dữ liệu phông")
		}
		if bytes.HasPrefix(d, []byte("OTTO")) {
			// OpenType with CFF outlines: sfnt reads it, but the PDF
			// writer embeds TrueType outlines only.
			return nil, fmt.Errorf("tệp phông thứ %d (%s) là phông OpenType dạng CFF (thường có đuôi .otf), kehoach chỉ nhúng được phông TrueType; hãy chọn tệp .ttf của phông đó", i+1, faceNames[i])
		}
		face, err := sfnt.Parse(d)
		if err != nil {
			// sfnt says why in English ("sfnt: invalid font"): the
			// user needs to know which file is not a font.
			return nil, fmt.Errorf("tệp phông không hợp lệ: tệp thứ %d (%s) không phải phông TrueType (.ttf) đọc được; hãy chọn tệp .ttf khác", i+1, faceNames[i])
		}
		f.faces[i] = face
		f.upem[i] = float64(face.UnitsPerEm())
		f.adv[i] = make(map[rune]int, 256)
	}
	return f, nil
}

// advance returns the advance width of r in font units, or -1 when the face
// has no glyph for it.
func (f *Family) advance(s Style, r rune) int {
	if r >= 0 && r < nearRunes {
		if v := f.near[s][r].Load(); v != 0 {
			return int(v) - 2
		}
		a := f.lockedAdvance(s, r)
		f.near[s][r].Store(int32(a) + 2)
		return a
	}
	return f.lockedAdvance(s, r)
}

// lockedAdvance is advance through the map of measured runes, under the
// lock.
func (f *Family) lockedAdvance(s Style, r rune) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	if a, ok := f.adv[s][r]; ok {
		return a
	}
	face := f.faces[s]
	a := -1
	if gi, err := face.GlyphIndex(&f.buf, r); err == nil && gi != 0 {
		if x, err := face.GlyphAdvance(&f.buf, gi, fixed.Int26_6(face.UnitsPerEm())<<6, font.HintingNone); err == nil {
			a = int(x >> 6)
		}
	}
	f.adv[s][r] = a
	return a
}

// HasGlyph reports whether face s can draw r.
func (f *Family) HasGlyph(s Style, r rune) bool {
	if r == ' ' || r == '\u00a0' {
		return true
	}
	return f.advance(s, r) >= 0
}

// Missing returns the runes of text that face s cannot draw, in order of
// first appearance.
func (f *Family) Missing(s Style, text string) []rune {
	var out []rune
	seen := map[rune]bool{}
	for _, r := range text {
		if !f.HasGlyph(s, r) && !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	return out
}

// drawable reports runes every Times New Roman-compatible font draws:
// Latin with its extensions and the Vietnamese letters (the tests check
// the bundled font covers them); the rest is looked up in the font.
func drawable(r rune) bool {
	return (r >= 0x20 && r < 0x7f) || (r >= 0xa0 && r < 0x250 && r != 0xad) || (r >= 0x1ea0 && r <= 0x1ef9)
}

// Undrawable finds the first character of text that a document set in f
// cannot show: a control character (but newline and tab), a character
// outside the Basic Multilingual Plane (emoji), an invisible format
// character, or one the regular face has no glyph for. It returns the
// character's place in text, counted in characters from 1, and why, in
// Vietnamese; 0 and "" when every character can be drawn.
func (f *Family) Undrawable(text string) (int, string) {
	i := 0
	for _, r := range text {
		i++
		if drawable(r) {
			continue
		}
		switch {
		case r == '\n' || r == '\t':
			continue
		case unicode.IsControl(r):
			return i, fmt.Sprintf("ký tự điều khiển U+%04X", r)
		case r > 0xFFFF:
			return i, fmt.Sprintf("ký tự “%c” (U+%04X) nằm ngoài bảng chữ cơ bản (thường là biểu tượng cảm xúc)", r, r)
		case unicode.In(r, unicode.Cf):
			return i, fmt.Sprintf("ký tự vô hình U+%04X", r)
		case !f.HasGlyph(Regular, r):
			return i, fmt.Sprintf("ký tự “%c” (U+%04X) không có trong phông chữ", r, r)
		}
	}
	return 0, ""
}

// PtPerMM is points per millimetre.
const PtPerMM = 72 / 25.4

// Width returns the advance width of text in face s at size points, in
// points. A non-breaking space measures as a space; runes without a glyph
// measure as the face's .notdef would, which callers avoid by validating
// text first.
func (f *Family) Width(s Style, size float64, text string) float64 {
	units := 0
	for _, r := range text {
		if r == '\u00a0' {
			r = ' '
		}
		a := f.advance(s, r)
		if a < 0 {
			a = f.advance(s, '?')
		}
		units += a
	}
	return float64(units) * size / f.upem[s]
}

// WidthMM is Width in millimetres.
func (f *Family) WidthMM(s Style, size float64, text string) float64 {
	return f.Width(s, size, text) / PtPerMM
}
