package text_test

import (
	"bytes"
	"path/filepath"
	"testing"

	"kehoach/internal/doc"
	"kehoach/internal/doc/doctest"
	"kehoach/internal/render/text"
	"kehoach/internal/testkit"
)

var update = testkit.Update

func runs(s string) []doc.Run { return []doc.Run{{Text: s}} }

// Each block kind gives its lines: paragraphs and list items one line
// (no-break spaces as spaces, runs joined), table rows their cells joined
// by " | " (a merged cell empty, a cell's paragraphs joined by " / "), the
// columns of a side-by-side block one after the other, a page break and a
// new section a form feed line.
func TestRender(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		d    *doc.Document
		want string
	}{
		{"empty", &doc.Document{}, ""},
		{"paragraph", &doc.Document{Sections: []doc.Section{{Blocks: []doc.Block{
			&doc.Paragraph{Runs: []doc.Run{{Text: "Số:\u00a0\u00a0/KH-UBND "}, {Text: "đậm", Bold: true}}},
		}}}}, "Số:  /KH-UBND đậm\n"},
		{"list items", &doc.Document{Sections: []doc.Section{{Blocks: []doc.Block{
			&doc.ListItem{Marker: "-", Runs: runs("Về giao thông")},
			&doc.ListItem{Marker: "+", Level: 2, Runs: runs("Thôn Nà Khoang: 1,2\u00a0km.")},
		}}}}, "- Về giao thông\n+ Thôn Nà Khoang: 1,2 km.\n"},
		{"table", &doc.Document{Sections: []doc.Section{{Blocks: []doc.Block{&doc.Table{Rows: []doc.Row{
			{Cells: []doc.Cell{{Paragraphs: []doc.Paragraph{{Runs: runs("TT")}}, ColSpan: 2}, {Merged: true}, {Paragraphs: []doc.Paragraph{{Runs: runs("Năm")}, {Runs: runs("2025")}}}}},
			{Cells: []doc.Cell{{Paragraphs: []doc.Paragraph{{Runs: runs("1")}}}, {}, {Paragraphs: []doc.Paragraph{{Runs: runs("Đạt")}}}}},
		}}}}}}, "TT |  | Năm / 2025\n1 |  | Đạt\n"},
		{"columns", &doc.Document{Sections: []doc.Section{{Blocks: []doc.Block{&doc.Columns{Cols: [][]doc.Block{
			{&doc.Paragraph{Runs: runs("Nơi nhận:")}},
			{&doc.Paragraph{Runs: runs("TM. ỦY BAN NHÂN DÂN")}, &doc.Spacer{Height: 25}, &doc.Rule{Length: 30}, &doc.Paragraph{Runs: runs("Lò Văn Minh")}},
		}}}}}}, "Nơi nhận:\nTM. ỦY BAN NHÂN DÂN\nLò Văn Minh\n"},
		{"page break and sections", &doc.Document{Sections: []doc.Section{
			{Blocks: []doc.Block{&doc.Paragraph{Runs: runs("a")}, &doc.PageBreak{}, &doc.Paragraph{Runs: runs("b")}}},
			{Blocks: []doc.Block{&doc.Paragraph{Runs: runs("Biểu số 01")}}},
		}}, "a\n\f\nb\n\f\nBiểu số 01\n"},
	}
	for _, tc := range tests {
		if got := text.Render(tc.d); got != tc.want {
			t.Errorf("%s: Render = %q, want %q", tc.name, got, tc.want)
		}
		var b bytes.Buffer
		if err := text.Write(&b, tc.d); err != nil || b.String() != tc.want {
			t.Errorf("%s: Write = %q, %v, want %q", tc.name, b.String(), err, tc.want)
		}
	}
}

// The sample document (doctest.Sample) as text, pinned in
// testdata/sample.text.golden (go test ./internal/render/text -update).
func TestSampleGolden(t *testing.T) {
	t.Parallel()
	testkit.Golden(t, filepath.Join("testdata", "sample.text.golden"), []byte(text.Render(doctest.Sample())), *update)
}
