package layout_test

import (
	"fmt"
	"strings"
	"testing"

	"kehoach/internal/doc"
	"kehoach/internal/doc/doctest"
	"kehoach/internal/layout"
)

// signBlock is a signature block like the composer's: Nơi nhận on the
// left, the authority lines, the signing room and the name on the right.
func signBlock(sign *doc.SignArea) *doc.Columns {
	bold := func(st doc.StyleName, s string) doc.Block {
		return &doc.Paragraph{Style: st, Runs: []doc.Run{{Text: s, Bold: true}}}
	}
	return &doc.Columns{Widths: []float64{63, 102}, KeepTogether: true, Cols: [][]doc.Block{
		{doctest.P(doc.StyleRecipTitle, "Nơi nhận:"), doctest.P(doc.StyleRecipItem, "- Như trên;"), doctest.P(doc.StyleRecipItem, "- Lưu: VT.")},
		{bold(doc.StyleSignAuthor, "TM. ỦY BAN NHÂN DÂN"), bold(doc.StyleSignAuthor, "CHỦ TỊCH"), &doc.Spacer{Height: 25, Sign: sign}, bold(doc.StyleSignName, "Nguyễn Văn A")},
	}}
}

// lineY is the baseline of the first body line with text s.
func lineY(t *testing.T, p layout.Page, s string) float64 {
	t.Helper()
	for _, ln := range body(p) {
		if ln.Text == s {
			return ln.Y
		}
	}
	t.Fatalf("no line %q on the page", s)
	return 0
}

// The signing room of an electronic document is reported as the
// signature box between the title and the name, centred in the column,
// and the seal box over its left third; the text is placed exactly as
// with a plain Spacer, on the page the block lands on.
func TestSignAreas(t *testing.T) {
	t.Parallel()
	long := doctest.P(doc.StyleBody, doctest.Para(0, 60))
	for _, tc := range []struct {
		name   string
		before []doc.Block
		page   int
	}{
		{"first page", nil, 0},
		{"moved to the next page", []doc.Block{long}, -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			plain := lay(t, append(tc.before, signBlock(nil))...)
			signed := lay(t, append(tc.before, signBlock(&doc.SignArea{Width: 50, Seal: 35}))...)
			if len(plain) != len(signed) {
				t.Fatalf("%d pages with the signing room, %d without", len(signed), len(plain))
			}
			pi := tc.page
			if pi < 0 {
				pi = len(signed) - 1
				if pi == 0 {
					t.Fatal("the long paragraph did not push the signature to a second page")
				}
			}
			for i, p := range signed {
				if i != pi && len(p.Areas) > 0 {
					t.Errorf("page %d has areas %v; only page %d has the signature", i+1, p.Areas, pi+1)
				}
			}
			pg := signed[pi]
			if len(pg.Areas) != 2 || pg.Areas[0].Kind != layout.AreaSignature || pg.Areas[1].Kind != layout.AreaSeal {
				t.Fatalf("areas %+v, want a signature box then a seal box", pg.Areas)
			}
			for _, s := range []string{"CHỦ TỊCH", "Nguyễn Văn A", "- Lưu: VT."} {
				if a, b := lineY(t, pg, s), lineY(t, plain[pi], s); !near(a, b) {
					t.Errorf("%q at y=%.3f with the signing room, %.3f without", s, a, b)
				}
			}
			sig, seal := pg.Areas[0], pg.Areas[1]
			colX := left + 63
			if !near(sig.X+sig.W/2, colX+102.0/2) || !near(sig.W, 50) || !near(sig.H, 25) {
				t.Errorf("signature box %+v, want 50 mm wide centred on the column at %.2f, 25 mm tall", sig, colX+51)
			}
			// Between the title's line and the name's line.
			desc := prof.Style(doc.StyleSignAuthor).Size * layout.TimesMetrics.Descent / (72 / 25.4)
			title, name := lineY(t, pg, "CHỦ TỊCH"), lineY(t, pg, "Nguyễn Văn A")
			if sig.Y < title+desc-tol || sig.Y+sig.H > name-tol {
				t.Errorf("signature box y %.2f..%.2f is not between the title (baseline %.2f) and the name (baseline %.2f)", sig.Y, sig.Y+sig.H, title, name)
			}
			if !near(seal.X+seal.W, sig.X+sig.W/3) || !near(seal.W, 35) || !near(seal.H, 35) || !near(seal.Y+seal.H/2, sig.Y+sig.H/2) {
				t.Errorf("seal box %+v, want 35 mm square, right edge at %.2f (a third into the signature), centred on y=%.2f", seal, sig.X+sig.W/3, sig.Y+sig.H/2)
			}
			for i, p := range plain {
				if len(p.Areas) > 0 {
					t.Errorf("plain spacer: page %d has areas %v", i+1, p.Areas)
				}
			}
		})
	}
}

// A signature box wider than its column takes the column's width; a zero
// seal gives no seal box.
func TestSignAreaClamped(t *testing.T) {
	t.Parallel()
	pages := lay(t, signBlock(&doc.SignArea{Width: 500}))
	a := pages[0].Areas
	if len(a) != 1 || !near(a[0].X, left+63) || !near(a[0].W, 102) {
		t.Fatalf("areas %+v, want one signature box over the whole 102 mm column at x=%.2f", a, left+63)
	}
	want := fmt.Sprintf("\narea signature x=%.2f y=%.2f 102.00x25.00 mm\n", a[0].X, a[0].Y)
	if d := layout.Dump(pages); !strings.Contains(d, want) {
		t.Errorf("dump lacks %q:\n%s", want, d)
	}
}
