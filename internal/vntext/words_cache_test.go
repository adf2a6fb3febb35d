package vntext

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// Checking many strings with one Options.Words gives every string the
// findings it gets alone: the lines of a corpus plan, slips and words in
// both tone styles among them, each checked after the others have filled
// the cache.
func TestWordsCacheSameFindings(t *testing.T) {
	src, err := os.ReadFile("../../plans/muong-khoa/2025.yaml")
	if err != nil {
		t.Fatal(err)
	}
	lines := append(strings.Split(string(src), "\n"),
		"Bình đăng giới, cộng động dân cư; hoà giải, hòa giải, thuỷ lợi, thủy lợi.",
		"Xản xuất nông nghiệp, chách nhiệm của của các ngành, khoong có",
		"sach chính sach, Chính Sách, QUI HOẠCH, quản lí, tỉ lệ")
	shared := Options{Words: new(Words)}
	found := 0
	for _, style := range []string{ToneCu, ToneMoi} {
		shared.ToneStyle = style
		for i, l := range lines {
			want := Check(l, Options{ToneStyle: style})
			if got := Check(l, shared); !reflect.DeepEqual(got, want) {
				t.Errorf("line %d (%s) %q: with the shared cache %v, alone %v", i+1, style, l, got, want)
			}
			found += len(want)
		}
	}
	if found == 0 || len(shared.Words.m) < 500 {
		t.Errorf("%d findings, %d cached words: the test checks too little", found, len(shared.Words.m))
	}
}
