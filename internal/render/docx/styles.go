package docx

import (
	"math"
	"slices"

	"kehoach/internal/doc"
)

// styleNames returns the profile's style names in a fixed order: the
// doc.AllStyles entries first, then any extra profile styles sorted by name.
func styleNames(p *doc.Profile) []doc.StyleName {
	names := slices.Clone(doc.AllStyles)
	var extra []doc.StyleName
	for n := range p.Styles {
		if !slices.Contains(doc.AllStyles, n) {
			extra = append(extra, n)
		}
	}
	slices.Sort(extra)
	return append(names, extra...)
}

// stylePPr is the paragraph part of a profile style.
func stylePPr(s doc.ParagraphStyle) pPr {
	pp := pPr{keepNext: s.KeepNext, jc: jcVal(s.Align)}
	pp.before = ip(ptTw(s.SpaceBefore))
	pp.after = ip(ptTw(s.SpaceAfter))
	ls := s.LineSpacing
	if ls <= 0 {
		ls = 1
	}
	pp.line = ip(int(math.Round(240 * ls)))
	if s.LeftIndent != 0 {
		pp.left = ip(tw(s.LeftIndent))
	}
	if s.FirstIndent != 0 {
		pp.firstLine = ip(tw(s.FirstIndent))
	}
	return pp
}

func stylesXML(p *doc.Profile, lang string) []byte {
	var x xw
	x.raw(xmlHeader)
	x.open("w:styles", "xmlns:w", nsW)
	font := p.FontFamily
	if font == "" {
		font = "Times New Roman"
	}
	body := p.Style(doc.StyleBody)
	x.raw("\n<w:docDefaults><w:rPrDefault><w:rPr>")
	x.empty("w:rFonts", "w:ascii", font, "w:hAnsi", font, "w:eastAsia", font, "w:cs", font)
	x.empty("w:color", "w:val", "000000")
	x.empty("w:sz", "w:val", itoa(halfPt(body.Size)))
	x.empty("w:szCs", "w:val", itoa(halfPt(body.Size)))
	x.empty("w:lang", "w:val", lang, "w:eastAsia", lang, "w:bidi", "ar-SA")
	x.raw("</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>")
	x.empty("w:spacing", "w:before", "0", "w:after", "0", "w:line", "240", "w:lineRule", "auto")
	x.raw("</w:pPr></w:pPrDefault></w:docDefaults>")

	x.raw("\n")
	x.open("w:style", "w:type", "paragraph", "w:default", "1", "w:styleId", "Normal")
	x.raw(`<w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl/></w:pPr></w:style>`)
	x.raw("\n")
	x.open("w:style", "w:type", "character", "w:default", "1", "w:styleId", "DefaultParagraphFont")
	x.raw(`<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>`)
	x.raw("\n")
	x.open("w:style", "w:type", "table", "w:default", "1", "w:styleId", "TableNormal")
	x.raw(`<w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>`)
	x.raw(`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>`)
	x.raw(`<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>`)
	x.raw(`</w:tblCellMar></w:tblPr></w:style>`)

	for _, n := range styleNames(p) {
		s := p.Style(n)
		x.raw("\n")
		x.open("w:style", "w:type", "paragraph", "w:customStyle", "1", "w:styleId", string(n))
		x.empty("w:name", "w:val", string(n))
		x.empty("w:basedOn", "w:val", "Normal")
		x.empty("w:qFormat")
		pp := stylePPr(s)
		pp.write(&x)
		rPr{bold: s.Bold, italic: s.Italic, size: halfPt(s.Size)}.write(&x)
		x.close("w:style")
	}
	x.raw("\n")
	x.close("w:styles")
	return x.bytes()
}

func settingsXML(lang string) []byte {
	var x xw
	x.raw(xmlHeader)
	x.open("w:settings", "xmlns:w", nsW)
	x.empty("w:zoom", "w:percent", "100")
	x.empty("w:defaultTabStop", "w:val", "567")
	x.empty("w:characterSpacingControl", "w:val", "doNotCompress")
	x.raw("<w:compat>")
	x.empty("w:compatSetting", "w:name", "compatibilityMode", "w:uri", "http://schemas.microsoft.com/office/word", "w:val", "15")
	x.raw("</w:compat>")
	x.empty("w:themeFontLang", "w:val", lang)
	x.close("w:settings")
	return x.bytes()
}

func fontTableXML(font string) []byte {
	if font == "" {
		font = "Times New Roman"
	}
	var x xw
	x.raw(xmlHeader)
	x.open("w:fonts", "xmlns:w", nsW)
	x.open("w:font", "w:name", font)
	if font == "Times New Roman" {
		x.empty("w:panose1", "w:val", "02020603050405020304")
	}
	x.empty("w:charset", "w:val", "00")
	x.empty("w:family", "w:val", "roman")
	x.empty("w:pitch", "w:val", "variable")
	x.close("w:font")
	x.close("w:fonts")
	return x.bytes()
}

// headerXML is a header part: a centred PAGE field in the PageNumber style,
// or (page == false) one empty PageNumber paragraph; a banner
// (doc.Document.Banner), when not empty, is a bold centred paragraph above
// it.
func headerXML(page bool, banner string) []byte {
	var x xw
	x.raw(xmlHeader)
	x.open("w:hdr", "xmlns:w", nsW, "xmlns:r", nsR)
	if banner != "" {
		x.raw("\n<w:p>")
		(&pPr{style: string(doc.StylePageNumber), jc: "center"}).write(&x)
		writeRun(&x, doc.Run{Text: banner, Bold: true, Size: doc.BannerSize}, 0)
		x.raw("</w:p>")
	}
	x.raw("\n<w:p>")
	(&pPr{style: string(doc.StylePageNumber)}).write(&x)
	if page {
		writeRun(&x, doc.Run{Text: "1", Field: doc.FieldPage}, 0)
	}
	x.raw("</w:p>\n")
	x.close("w:hdr")
	return x.bytes()
}
