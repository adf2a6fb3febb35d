package docx

import (
	"bytes"
	"math"
	"strconv"

	"kehoach/internal/render/opc"
)

// xw is a tiny XML writer: raw markup plus escaped text and attributes.
// Element and attribute names are constants of this package; only text and
// attribute values can come from the document and are always escaped.
type xw struct {
	b   bytes.Buffer
	num [20]byte // scratch for attrInt
}

// raw writes markup as is.
func (x *xw) raw(s string) { x.b.WriteString(s) }

// text writes escaped character data (as xml.EscapeText escapes it).
func (x *xw) text(s string) { opc.EscapeText(&x.b, s) }

// open writes <name a="v" …> from name/value pairs.
func (x *xw) open(name string, attrs ...string) {
	x.tag(name, attrs)
	x.b.WriteByte('>')
}

// empty writes <name a="v" …/> from name/value pairs.
func (x *xw) empty(name string, attrs ...string) {
	x.tag(name, attrs)
	x.b.WriteString("/>")
}

// close writes </name>.
func (x *xw) close(name string) {
	x.b.WriteString("</")
	x.b.WriteString(name)
	x.b.WriteByte('>')
}

// elem writes <name>escaped text</name>.
func (x *xw) elem(name, text string) {
	x.open(name)
	x.text(text)
	x.close(name)
}

func (x *xw) tag(name string, attrs []string) {
	x.b.WriteByte('<')
	x.b.WriteString(name)
	for i := 0; i+1 < len(attrs); i += 2 {
		x.b.WriteByte(' ')
		x.b.WriteString(attrs[i])
		x.b.WriteString(`="`)
		x.text(attrs[i+1])
		x.b.WriteByte('"')
	}
}

// attrInt writes the attribute name="v" (a space first) of an integer.
func (x *xw) attrInt(name string, v int) {
	x.b.WriteByte(' ')
	x.b.WriteString(name)
	x.b.WriteString(`="`)
	x.b.Write(strconv.AppendInt(x.num[:0], int64(v), 10))
	x.b.WriteByte('"')
}

// attrIntP writes attrInt(name, *v) when v is not nil.
func (x *xw) attrIntP(name string, v *int) {
	if v != nil {
		x.attrInt(name, *v)
	}
}

// bytes returns the written document.
func (x *xw) bytes() []byte { return x.b.Bytes() }

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// Units. WordprocessingML measures lengths in twentieths of a point (twips),
// font sizes in half-points and border widths in eighths of a point.

// twipsPerMM is 1440 twips per inch / 25.4 mm per inch ≈ 56.6929.
const twipsPerMM = 1440 / 25.4

// tw converts millimetres to twips, rounding half away from zero.
func tw(mm float64) int { return int(math.Round(mm * twipsPerMM)) }

// ptTw converts points to twips.
func ptTw(pt float64) int { return int(math.Round(pt * 20)) }

// halfPt converts points to half-points.
func halfPt(pt float64) int { return int(math.Round(pt * 2)) }

// itoa formats an int.
func itoa(n int) string { return strconv.Itoa(n) }
