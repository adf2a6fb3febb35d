package xlsx

import "testing"

// TestShiftFormula: shared formulas read as in their own cell.
func TestShiftFormula(t *testing.T) {
	for _, c := range []struct{ f, from, to, want string }{
		{"SUM(D5:D7)", "D8", "E8", "SUM(E5:E7)"},
		{"SUM(D5:D7)", "D8", "D9", "SUM(D6:D8)"},
		{"$D$5+D5+$D5+D$5", "E5", "F6", "$D$5+E6+$D6+E$5"},
		{`'Bieu 01'!A1+"A1"&A1`, "B1", "B2", `'Bieu 01'!A2+"A1"&A2`},
		{"LOG10(A1)+ROUND(B2,0)", "C1", "C2", "LOG10(A2)+ROUND(B3,0)"},
		{"A1", "B2", "A1", "A1"}, // would move above row 1: left as is
		{"Z1+AA1", "A1", "B1", "AA1+AB1"},
		{"SUM(B4:B5)", "x", "B6", "SUM(B4:B5)"},
	} {
		if got := shiftFormula(c.f, c.from, c.to); got != c.want {
			t.Errorf("shiftFormula(%q, %s→%s) = %q, want %q", c.f, c.from, c.to, got, c.want)
		}
	}
}
