// Copyright ©2026 The kehoach authors. Use of this source code is governed
// by the MIT licence of this package (see LICENSE).

package fpdf

import (
	"bytes"
	"sync"
	"testing"
)

// kehoach patch 5: a subset cut from a copy of a parsed font, whose
// font-constant tables are shared with other copies cutting at the same
// time, has the bytes of a subset cut from a font parsed for it alone, for
// every set of characters; and a font's second cut reads no table anew.
func TestCutFontSharedTables(t *testing.T) {
	ttf := readTTF(t)
	sets := []string{
		"Kế hoạch xây dựng nông thôn mới năm 2025",
		"ĐẢNG CỘNG SẢN VIỆT NAM (1.304 triệu đồng)",
		"a",
		"ỹỷỵỳýỶỸỴ ƯỨỪỬỮỰ ứừửữự ơớờởỡợ 0123456789 ,.;:-–…“”",
	}
	runes := func(s string) map[int]int {
		m := map[int]int{}
		for i, r := range s {
			m[i] = int(r)
		}
		return m
	}
	want := make([][]byte, len(sets))
	for i, s := range sets {
		f := newUTF8Font(&fileReader{array: ttf})
		want[i] = f.GenerateCutFont(runes(s))
		if len(want[i]) == 0 {
			t.Fatalf("no subset for %q", s)
		}
	}
	parsed := newUTF8Font(&fileReader{array: ttf})
	if err := parsed.parseFile(); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 3 {
		for i, s := range sets {
			wg.Add(1)
			go func() {
				defer wg.Done()
				cp := *parsed
				cp.fileReader = &fileReader{array: ttf}
				if got := cp.GenerateCutFont(runes(s)); !bytes.Equal(got, want[i]) {
					t.Errorf("subset of %q from a shared copy: %d bytes, alone: %d bytes", s, len(got), len(want[i]))
				}
			}()
		}
	}
	wg.Wait()
	if tab := parsed.cut; tab == nil || !tab.ok || len(tab.charSymbol) == 0 || len(tab.symbolPosition) != tab.numSymbols+1 {
		t.Fatalf("the shared tables were not built once on the parsed font: %+v", tab)
	}
}
