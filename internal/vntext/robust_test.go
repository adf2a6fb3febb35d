package vntext

import (
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"kehoach/internal/testkit"
)

// checkInvariants: offsets lie inside the NFC string on rune boundaries,
// findings are sorted, and applying the fixes yields valid UTF-8.
func checkInvariants(t *testing.T, s string) {
	n := Normalise(s)
	fs := Check(s, Options{})
	if fn := CheckNormalised(s, n, Options{}); !reflect.DeepEqual(fn, fs) {
		t.Fatalf("%q: CheckNormalised gave %+v, Check %+v", s, fn, fs)
	}
	for i, f := range fs {
		if f.Start < 0 || f.End > len(n) || f.Start > f.End || !utf8.RuneStart(n[f.Start]) && f.Start < len(n) ||
			(f.End < len(n) && !utf8.RuneStart(n[f.End])) {
			t.Fatalf("%q: bad offsets %+v", s, f)
		}
		if i > 0 && fs[i-1].Start > f.Start {
			t.Fatalf("%q: findings not sorted", s)
		}
		if f.Rule == "" || f.Msg == "" || f.Suggest == "" {
			t.Fatalf("%q: incomplete finding %+v", s, f)
		}
	}
	if out := ApplyFixes(s, fs); !utf8.ValidString(out) {
		t.Fatalf("%q: ApplyFixes gave invalid UTF-8", s)
	}
}

func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		"", " ", "\n\n", "\"", "( )", "1,2.3", "2022-02-22", "37- QĐ/ĐU", "Uû ban nh©n d©n", "UÛy ban nhaân daân",
		"hoà thuỷ khoẻ", "tòan", "công nghiêp", "bình đăng giới", "😀", "\u200b", "\xff\xfe", "a\u0301\u0323",
		"nhà nước", "7km 64,3 %", "Ü", "ĐẮK LẮK", "H'Mông", "x-y/z", "1.2.3.4", "31/02/2024",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		testkit.Within(t, testkit.FuzzBudget, func() {
			checkInvariants(t, s)
		})
	})
}

// Every suffix of the seed keeps the invariants (cuts inside sentences,
// words and numbers).
func TestCheckSeedSuffixes(t *testing.T) {
	s := loadSeed(t)
	for i := 0; i < len(s); i += 97 {
		if utf8.RuneStart(s[i]) {
			checkInvariants(t, s[i:])
		}
	}
}

// Long pathological inputs are checked in linear time (a 40 KB string in
// well under a second on the CI machine).
func TestCheckNoBlowUp(t *testing.T) {
	for _, s := range []string{
		strings.Repeat("a\u0301", 20000),
		strings.Repeat("- ", 20000),
		strings.Repeat("1/", 20000),
		strings.Repeat("A-", 20000),
		strings.Repeat("nhà nước ", 5000),
		strings.Repeat(" ", 50000) + "x",
		strings.Repeat("\"", 20000),
		strings.Repeat("1.", 20000),
		strings.Repeat("Ab ", 20000),
		strings.Repeat("2022-02-22 ", 4000),
		strings.Repeat("hoà ", 10000),
	} {
		st := time.Now()
		Check(s, Options{Exceptions: []string{"a"}})
		if d := time.Since(st); d > 2*time.Second {
			t.Errorf("Check(%q…) took %v", s[:12], d)
		}
	}
}
