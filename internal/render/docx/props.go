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
	start := x.b.Len()
	x.raw("<w:pPr>")
	inner := x.b.Len()
	if p.style != "" {
		x.empty("w:pStyle", "w:val", p.style)
	}
	if p.keepNext {
		x.empty("w:keepNext")
	}
	if p.pageBreakBefore {
		x.empty("w:pageBreakBefore")
	}
	if p.widowControl {
		x.empty("w:widowControl")
	}
	if p.border != nil {
		x.raw(`<w:pBdr><w:top w:val="single"`)
		x.attrInt("w:sz", p.border.size)
		x.raw(` w:space="0" w:color="000000"/></w:pBdr>`)
	}
	if p.before != nil || p.after != nil || p.line != nil {
		x.raw("<w:spacing")
		x.attrIntP("w:before", p.before)
		x.attrIntP("w:after", p.after)
		if p.line != nil {
			x.attrInt("w:line", *p.line)
			if p.lineExact {
				x.raw(` w:lineRule="exact"`)
			} else {
				x.raw(` w:lineRule="auto"`)
			}
		}
		x.raw("/>")
	}
	if p.left != nil || p.right != nil || p.firstLine != nil {
		x.raw("<w:ind")
		x.attrIntP("w:left", p.left)
		x.attrIntP("w:right", p.right)
		x.attrIntP("w:firstLine", p.firstLine)
		x.raw("/>")
	}
	if p.jc != "" {
		x.empty("w:jc", "w:val", p.jc)
	}
	if p.outline != nil {
		x.raw("<w:outlineLvl")
		x.attrInt("w:val", *p.outline)
		x.raw("/>")
	}
	p.mark.write(x)
	x.b.Write(p.sectPr)
	if x.b.Len() == inner { // no properties: no w:pPr
		x.b.Truncate(start)
		return
	}
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
		x.raw("<w:sz")
		x.attrInt("w:val", r.size)
		x.raw("/><w:szCs")
		x.attrInt("w:val", r.size)
		x.raw("/>")
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
