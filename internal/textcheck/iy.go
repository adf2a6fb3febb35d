package textcheck

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"kehoach/internal/diag"
	"kehoach/internal/lazy"
	"kehoach/internal/vntext"
)

// RuleIY is the rule of a syllable spelt with a final i in one place and y
// in another of the same plan (“tỷ lệ” and “tỉ lệ”).
const RuleIY = "i-y"

// iyPairs are the syllables that Vietnamese writes with a final y or i
// after a consonant, both in use; a document writes each one way.
var iyPairs = [][2]string{
	{"tỷ", "tỉ"}, {"lý", "lí"}, {"kỹ", "kĩ"}, {"mỹ", "mĩ"}, {"ký", "kí"},
	{"sỹ", "sĩ"}, {"kỷ", "kỉ"}, {"lỵ", "lị"},
}

// iyPair maps each spelling to its pair's index and side (0 y, 1 i).
var iyPairValue lazy.Value[map[string][2]int]

func iyPair() map[string][2]int { return iyPairValue.Get(makeIYPair) }

func makeIYPair() map[string][2]int {
	m := map[string][2]int{}
	for i, p := range iyPairs {
		m[p[0]], m[p[1]] = [2]int{i, 0}, [2]int{i, 1}
	}
	return m
}

type iyUse struct {
	field      int
	start, end int
	word       string
}

// iyFindings reports, for each pair of iyPairs that the plan writes both
// ways, every use of the rarer spelling, with the other as its fix. A word
// capitalised inside a text is taken for a name (“Lý Văn Hùng”) and not
// counted; equal counts say nothing (there is no majority to follow).
func iyFindings(fs []field) diag.List {
	uses := map[[2]int][]iyUse{}
	for fi := range fs {
		f := &fs[fi]
		if f.norm == "" || skip(f.path) {
			continue
		}
		s := f.norm
		for i := 0; i < len(s); {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !vntext.IsLetter(r) {
				i += size
				continue
			}
			j, letters := i, 0
			for j < len(s) {
				r2, n := utf8.DecodeRuneInString(s[j:])
				if !vntext.IsLetter(r2) {
					break
				}
				j += n
				letters++
			}
			if letters != 2 { // every word of iyPairs has two letters, in any case
				i = j
				continue
			}
			w := s[i:j]
			lw := strings.ToLower(w)
			if k, ok := iyPair()[lw]; ok && (lw == w || i == 0) {
				uses[k] = append(uses[k], iyUse{fi, i, j, w})
			}
			i = j
		}
	}
	var out diag.List
	for pi, p := range iyPairs {
		y, ii := uses[[2]int{pi, 0}], uses[[2]int{pi, 1}]
		if len(y) == 0 || len(ii) == 0 || len(y) == len(ii) {
			continue
		}
		rare, common, want := ii, y, p[0]
		if len(y) < len(ii) {
			rare, common, want = y, ii, p[1]
		}
		for _, u := range rare {
			fix := want
			if r, _ := utf8.DecodeRuneInString(u.word); unicode.IsUpper(r) {
				fix = upperFirst(want)
			}
			out = append(out, place(fs[u.field], vntext.Finding{
				Rule: RuleIY, Severity: vntext.Warning, Start: u.start, End: u.end,
				Msg: fmt.Sprintf("“%s” viết với %s ở đây, nhưng %d chỗ khác của kế hoạch viết “%s”: một văn bản chỉ nên viết một kiểu",
					u.word, map[bool]string{true: "i", false: "y"}[want == p[0]], len(common), want),
				Suggest: fmt.Sprintf("viết “%s” như các chỗ khác", fix), Fix: &fix,
			}))
		}
	}
	return out
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
