// Copyright ©2026 The kehoach authors. Use of this source code is governed
// by the MIT licence of this package (see LICENSE).

package fpdf

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// shown is a string a content stream shows: where (in hundredths of a
// point, summed exactly), in which font, size and grey.
type shown struct {
	x, y       int64
	font, size string
	grey       string
	text       string
}

// showings runs a page's content stream as far as text goes: BT, ET, Td
// and Tm (a translation; their operands read as exact hundredths), Tf, g,
// rg, q, Q and Tj. It fails on Tj outside BT … ET, on BT inside one, and
// on any other operator inside one; the stream must end outside a text
// object.
func showings(t *testing.T, content string) []shown {
	t.Helper()
	var out []shown
	var ops []string
	in := false
	var lx, ly int64
	font, size, grey := "", "", "0 g"
	var stack []string
	for i := 0; i < len(content); {
		c := content[i]
		switch {
		case c == ' ' || c == '\n':
			i++
			continue
		case c == '(':
			j := i + 1
			var s strings.Builder
			for content[j] != ')' {
				if content[j] == '\\' {
					j++
				}
				s.WriteByte(content[j])
				j++
			}
			ops = append(ops, "("+s.String())
			i = j + 1
			continue
		}
		j := i
		for j < len(content) && content[j] != ' ' && content[j] != '\n' {
			j++
		}
		tok := content[i:j]
		i = j
		if tok[0] == '/' || tok[0] == '-' || tok[0] == '.' || (tok[0] >= '0' && tok[0] <= '9') {
			ops = append(ops, tok)
			continue
		}
		num := func(k int) int64 {
			s := ops[len(ops)-k]
			if d := strings.IndexByte(s, '.'); d < 0 {
				s += ".00"
			} else {
				s += strings.Repeat("0", 2-(len(s)-d-1))
			}
			return hundredths([]byte(s))
		}
		switch tok {
		case "BT":
			if in {
				t.Fatalf("BT inside a text object")
			}
			in, lx, ly = true, 0, 0
		case "ET":
			if !in {
				t.Fatalf("ET outside a text object")
			}
			in = false
		case "Td":
			lx, ly = lx+num(2), ly+num(1)
		case "Tm":
			if m := strings.Join(ops[len(ops)-6:len(ops)-2], " "); m != "1 0 0 1" {
				t.Fatalf("Tm with %s", m)
			}
			lx, ly = num(2), num(1)
		case "Tf":
			font, size = ops[len(ops)-2], ops[len(ops)-1]
		case "g", "rg":
			grey = strings.Join(append(ops, tok), " ")
		case "q":
			stack = append(stack, grey)
		case "Q":
			grey, stack = stack[len(stack)-1], stack[:len(stack)-1]
		case "Tj":
			if !in {
				t.Fatalf("Tj outside a text object")
			}
			out = append(out, shown{lx, ly, font, size, grey, ops[len(ops)-1]})
		default:
			if in {
				t.Fatalf("%s inside a text object", tok)
			}
		}
		ops = ops[:0]
	}
	if in {
		t.Fatalf("stream ends inside a text object")
	}
	return out
}

// kehoach patch 17: the text Text and SetFont write between BeginText and
// EndText shows every string at the place, in the font, size and colour
// that Text alone gives it, with fewer bytes: across lines, font and size
// changes, fill colours, new pages without EndText, text drawn the slow
// way (underlined) in between, colours changed in the middle of a line,
// and positions that round, are negative or
// zero.
func TestTextObjectSamePlaces(t *testing.T) {
	ttf := readTTF(t)
	type call struct {
		x, y  float64
		text  string
		size  float64
		style string
	}
	line := func(y float64, size float64, words ...string) []call {
		var cs []call
		x := 20.0
		for _, w := range words {
			cs = append(cs, call{x, y, w, size, ""})
			x += 3.3333 + float64(len(w))*1.7
		}
		return cs
	}
	var calls []call
	calls = append(calls, line(30.005, 13, "Kế", "hoạch", "(1.304", "triệu)", `a\b`, "x\ry")...)
	calls = append(calls, line(36.4, 13, "ĐẢNG", "ỹ", "😀", " ", "0123456789,.;:")...)
	calls = append(calls, line(36.4, 14, "cỡ", "khác")...)
	calls = append(calls, call{-1.2345, 296.999, "âm", 12, ""}, call{0, 0, "không", 12, ""})
	calls = append(calls, call{105.125, 148.5, "gạch", 12, "U"}, call{110, 148.5, "dưới", 12, ""})
	calls = append(calls, line(200.0049, 11, "một", "hai", "ba")...)
	calls = append(calls, line(200.0051, 11, "bốn", "năm")...)
	setups := []func(*Fpdf){
		func(*Fpdf) {},
		func(f *Fpdf) { f.SetFillColor(217, 217, 217) },
		func(f *Fpdf) { f.SetFillColor(217, 217, 217); f.SetTextColor(10, 20, 30) },
	}
	for si, setup := range setups {
		draw := func(objects bool) []string {
			pdf := New("P", "mm", "A4", "")
			pdf.AddUTF8FontFromBytes("serif", "", ttf)
			pdf.AddUTF8FontFromBytes("serif", "B", ttf)
			var pages []string
			for p := 0; p < 2; p++ {
				pdf.AddPage()
				pdf.SetFont("serif", "", 12)
				setup(pdf)
				if objects {
					pdf.BeginText()
				}
				for i, c := range calls {
					style := c.style
					if i%7 == 3 {
						style += "B"
					}
					switch i {
					case 12:
						pdf.SetFillColor(200, 200, 200)
					case 16:
						pdf.SetTextColor(0, 0, 0)
					}
					pdf.SetFont("serif", style, c.size)
					pdf.Text(c.x, c.y, c.text)
				}
				if objects && p == 1 {
					pdf.EndText() // page 0: the page's end closes the object
				}
				pages = append(pages, pdf.pages[pdf.page].String())
			}
			return pages
		}
		alone, together := draw(false), draw(true)
		for p := range alone {
			end := "" // page 0 was read before its end closed the object
			if p == 0 {
				end = "ET\n"
			}
			a, b := showings(t, alone[p]), showings(t, together[p]+end)
			if len(a) != len(calls) || fmt.Sprint(a) != fmt.Sprint(b) {
				t.Errorf("colours %d, page %d: in one text object\n%v\nalone\n%v", si, p, b, a)
			}
			if len(together[p]) >= len(alone[p])*9/10 {
				t.Errorf("colours %d, page %d: %d bytes in text objects, %d alone", si, p, len(together[p]), len(alone[p]))
			}
		}
	}
}

// kehoach patch 17: the relative moves are the differences of the
// positions Text writes, as short numbers.
func TestHundredths(t *testing.T) {
	for _, v := range []float64{0, -0.004, 0.005, 1.005, -2.5, 28.68, 123456.789, -0.05} {
		s := strconv.FormatFloat(v, 'f', 2, 64)
		n := hundredths([]byte(s))
		if got := strconv.FormatFloat(float64(n)/100, 'f', 2, 64); got != s && !(s == "-0.00" && got == "0.00") {
			t.Errorf("hundredths(%q) = %d", s, n)
		}
	}
	// hundredthsOf rounds as AppendFloat does: halves, products of the
	// mm to pt factor, and many values of a page's range.
	vals := []float64{0.005, 0.015, 1.005, 2.675, -2.675, 0.125, -0.125, 1e-9, -1e-9, 1e15, -0.004, 0.00499999999}
	k := 72 / 25.4
	for i := 0; i < 300000; i++ {
		v := float64(i) / 1000
		vals = append(vals, v, v*k, -v*k, (297-v)*k, float64(i)/200+0.005)
	}
	for _, v := range vals {
		s := strconv.FormatFloat(v, 'f', 2, 64)
		if got, want := hundredthsOf(v), hundredths([]byte(s)); got != want {
			t.Errorf("hundredthsOf(%v) = %d, AppendFloat %s", v, got, s)
		}
	}
	for n, want := range map[int64]string{0: "0", 2868: "28.68", 2870: "28.7", 2800: "28", 5: "0.05", -5: "-0.05", -43349: "-433.49", 100: "1"} {
		if got := string(appendHundredths(nil, n)); got != want {
			t.Errorf("appendHundredths(%d) = %q, want %q", n, got, want)
		}
	}
}
