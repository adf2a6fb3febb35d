package docx

import "kehoach/internal/doc"

// pPr is a paragraph's properties. Fields are written in the schema order of
// CT_PPrBase/CT_PPr; nil pointers and zero values are omitted.
type pPr struct {
	style           string
	keepNext        bool
	pageBreakBefore bool
	widowControl    bool
	border          *border // top border (rules)
	before, after   *int    // twips
	line            *int    // 240ths of a line (auto) or twips (exact)
	lineExact       bool
	left, right     *int // twips
	firstLine       *int // twips
	jc              string
	outline         *int // 0-based outline level
	mark            rPr  // paragraph mark run properties
	sectPr          []byte
}

// border is a single-line paragraph border.
type border struct {
	size int // eighths of a point
}

func ip(n int) *int { return &n }

func (p *pPr) write(x *xw) {
	var in xw
	if p.style != "" {
		in.empty("w:pStyle", "w:val", p.style)
	}
	if p.keepNext {
		in.empty("w:keepNext")
	}
	if p.pageBreakBefore {
		in.empty("w:pageBreakBefore")
	}
	if p.widowControl {
		in.empty("w:widowControl")
	}
	if p.border != nil {
		in.open("w:pBdr")
		in.empty("w:top", "w:val", "single", "w:sz", itoa(p.border.size), "w:space", "0", "w:color", "000000")
		in.close("w:pBdr")
	}
	if p.before != nil || p.after != nil || p.line != nil {
		var a []string
		if p.before != nil {
			a = append(a, "w:before", itoa(*p.before))
		}
		if p.after != nil {
			a = append(a, "w:after", itoa(*p.after))
		}
		if p.line != nil {
			rule := "auto"
			if p.lineExact {
				rule = "exact"
			}
			a = append(a, "w:line", itoa(*p.line), "w:lineRule", rule)
		}
		in.empty("w:spacing", a...)
	}
	if p.left != nil || p.right != nil || p.firstLine != nil {
		var a []string
		if p.left != nil {
			a = append(a, "w:left", itoa(*p.left))
		}
		if p.right != nil {
			a = append(a, "w:right", itoa(*p.right))
		}
		if p.firstLine != nil {
			a = append(a, "w:firstLine", itoa(*p.firstLine))
		}
		in.empty("w:ind", a...)
	}
	if p.jc != "" {
		in.empty("w:jc", "w:val", p.jc)
	}
	if p.outline != nil {
		in.empty("w:outlineLvl", "w:val", itoa(*p.outline))
	}
	p.mark.write(&in)
	in.b.Write(p.sectPr)
	if in.b.Len() == 0 {
		return
	}
	x.raw("<w:pPr>")
	x.b.Write(in.bytes())
	x.raw("</w:pPr>")
}

// rPr is a run's properties, written in the schema order of EG_RPrBase.
type rPr struct {
	bold, italic, underline bool
	size                    int // half-points; 0 = as the style says
}

func (r rPr) write(x *xw) {
	if r == (rPr{}) {
		return
	}
	x.raw("<w:rPr>")
	if r.bold {
		x.raw("<w:b/><w:bCs/>")
	}
	if r.italic {
		x.raw("<w:i/><w:iCs/>")
	}
	if r.size > 0 {
		x.empty("w:sz", "w:val", itoa(r.size))
		x.empty("w:szCs", "w:val", itoa(r.size))
	}
	if r.underline {
		x.empty("w:u", "w:val", "single")
	}
	x.raw("</w:rPr>")
}

// jcVal maps an alignment to w:jc's value ("" for AlignDefault).
func jcVal(a doc.Align) string {
	switch a {
	case doc.AlignLeft:
		return "left"
	case doc.AlignCenter:
		return "center"
	case doc.AlignRight:
		return "right"
	case doc.AlignJustify:
		return "both"
	}
	return ""
}
