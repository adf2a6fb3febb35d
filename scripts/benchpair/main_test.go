package main

import (
	"reflect"
	"testing"
)

func TestBlocks(t *testing.T) {
	got := blocks("KẾ HOẠCH\n\nTT\tTiêu chí\tĐVT\n1\tGiao thông\n\nCăn cứ \"Quyết định\" #1\n")
	want := []block{
		{rows: [][]string{{"KẾ HOẠCH"}}, cols: 1},
		{rows: [][]string{{"TT", "Tiêu chí", "ĐVT"}, {"1", "Giao thông"}}, cols: 3},
		{rows: [][]string{{`Căn cứ "Quyết định" #1`}}, cols: 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("blocks = %#v, want %#v", got, want)
	}
}

func TestSources(t *testing.T) {
	bs := []block{
		{rows: [][]string{{"Mục *tiêu* #1"}}, cols: 1},
		{rows: [][]string{{"a|b", "c"}, {"d"}}, cols: 2},
	}
	for _, tc := range []struct {
		name, got, want string
	}{
		{"markdown", markdown(bs), "Mục *tiêu* #1\n\n| a\\|b | c |\n|---|---|\n| d |  |\n\n"},
		{"typst", typstSource(bs)[len(typstSource(nil)):], "#\"Mục *tiêu* #1\"\n\n#table(columns: 2, \"a|b\", \"c\", \"d\", \"\")\n\n"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s = %q, want %q", tc.name, tc.got, tc.want)
		}
	}
	wide := block{rows: [][]string{{"1", "2", "3", "4", "5", "6", "7"}}, cols: 7}
	if got, want := typstSource([]block{wide})[len(typstSource(nil)):], "#page(flipped: true, text(size: 10pt, table(columns: 7, \"1\", \"2\", \"3\", \"4\", \"5\", \"6\", \"7\")))\n\n"; got != want {
		t.Errorf("wide table = %q, want %q", got, want)
	}
}

func TestStats(t *testing.T) {
	for _, tc := range []struct {
		v           []float64
		med, lo, hi float64
		ratio       string
	}{
		{[]float64{0.05, 0.04, 0.1}, 0.05, 0.04, 0.1, "**0,050** (0,040–0,100) = 20,0×"},
		{[]float64{0.5, 0.2, 0.4, 0.3}, 0.35, 0.2, 0.5, "**0,350** (0,200–0,500) = 2,9×"},
	} {
		if m := median(tc.v); m != tc.med {
			t.Errorf("median(%v) = %v, want %v", tc.v, m, tc.med)
		}
		if lo, hi := minOf(tc.v), maxOf(tc.v); lo != tc.lo || hi != tc.hi {
			t.Errorf("range(%v) = %v–%v, want %v–%v", tc.v, lo, hi, tc.lo, tc.hi)
		}
		if r := ratio(tc.v); r != tc.ratio {
			t.Errorf("ratio(%v) = %q, want %q", tc.v, r, tc.ratio)
		}
	}
}
