// Package docx renders a doc.Document as a WordprocessingML (.docx) file laid
// out to the style profile (Nghị định 30/2020/NĐ-CP through package style).
//
// It writes the OOXML parts directly (zipped by package opc) and escaped text; it
// knows nothing about plans, only the format-neutral document model. Output
// is deterministic: the same document and profile always give the same
// bytes (fixed part order, zip times taken from Meta.Date, no map
// iteration). Every part validates against the ECMA-376 transitional
// schemas and uses no Markup Compatibility or Office 2010+ namespaces.
//
// Layout decisions, in brief:
//   - every doc.Section becomes a Word section with its own page size,
//     margins, header distance and page numbering (a centred PAGE field in
//     the header, an explicit empty header on the first page when the
//     number is hidden there, and explicit header references in every
//     section so nothing is inherited by accident);
//   - paragraphs reference one Word paragraph style per profile style
//     (styleId = doc.StyleName) and carry only the document's overrides;
//   - list items are body paragraphs whose text starts with "- " or "+ "
//     (ND30 practice), not Word numbering;
//   - tables have a fixed layout and grid; Columns blocks are borderless
//     one-row tables with zero cell margins, so a column's text width is
//     exactly its doc width;
//   - a Rule is an empty paragraph of exact 1 pt height whose top border is
//     exactly Rule.Length long, placed by left/right indents inside its
//     container (section text width or column width).
package docx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"kehoach/internal/doc"
	"kehoach/internal/render/opc"
)

// Namespaces and relationship types.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRels    = "http://schemas.openxmlformats.org/package/2006/relationships"
	nsTypes   = "http://schemas.openxmlformats.org/package/2006/content-types"
	relDoc    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	relCore   = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
	relApp    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
	relStyles = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
	relSet    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"
	relFonts  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
	relHeader = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
)

// Relationship ids of word/_rels/document.xml.rels.
const (
	ridStyles      = "rId1"
	ridSettings    = "rId2"
	ridFonts       = "rId3"
	ridHeaderPage  = "rId4" // header1.xml: the centred PAGE field
	ridHeaderEmpty = "rId5" // header2.xml: an empty header
)

// Part names, in the order they are written to the zip.
const (
	PartContentTypes = "[Content_Types].xml"
	PartRels         = "_rels/.rels"
	PartCore         = "docProps/core.xml"
	PartApp          = "docProps/app.xml"
	PartDocument     = "word/document.xml"
	PartStyles       = "word/styles.xml"
	PartSettings     = "word/settings.xml"
	PartFontTable    = "word/fontTable.xml"
	PartHeaderPage   = "word/header1.xml"
	PartHeaderEmpty  = "word/header2.xml"
	PartDocRels      = "word/_rels/document.xml.rels"
)

// PartNames lists the package's parts in the fixed order Write stores them.
var PartNames = []string{
	PartContentTypes, PartRels, PartCore, PartApp, PartDocument, PartStyles,
	PartSettings, PartFontTable, PartHeaderPage, PartHeaderEmpty, PartDocRels,
}

// defaultLanguage is used when Meta.Language is empty.
const defaultLanguage = "vi-VN"

// epoch is the package time used when Meta.Date is unset or earlier than
// the zip format can store.
var epoch = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// Write renders d with profile p as a .docx package to w.
func Write(w io.Writer, d *doc.Document, p *doc.Profile) error {
	b, err := Render(d, p)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// Render renders d with profile p and returns the .docx bytes.
func Render(d *doc.Document, p *doc.Profile) ([]byte, error) {
	parts, err := Parts(d, p)
	if err != nil {
		return nil, err
	}
	date := packageTime(d.Meta.Date)
	var buf bytes.Buffer
	buf.Grow(32 << 10) // a 15-page plan's package is about 21 KB
	if err := opc.Write(&buf, packed(parts), date); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// packed is the parts in PartNames order for opc.Write: all but the
// document and its core properties (title, date) Shared, as they depend
// on the profile, the language, the issuer and the banner only.
func packed(parts map[string][]byte) []opc.Part {
	ps := make([]opc.Part, len(PartNames))
	for i, name := range PartNames {
		ps[i] = opc.Part{Name: name, Data: parts[name], Shared: name != PartDocument && name != PartCore}
	}
	return ps
}

// Parts renders d with profile p and returns every part of the package by
// name (see PartNames), unzipped. It is what Render stores in the zip.
func Parts(d *doc.Document, p *doc.Profile) (map[string][]byte, error) {
	if d == nil {
		return nil, errors.New("docx: nil document")
	}
	if p == nil {
		return nil, errors.New("docx: nil profile")
	}
	if len(p.Styles) == 0 {
		return nil, errors.New("docx: profile has no styles")
	}
	body, err := documentXML(d, p)
	if err != nil {
		return nil, err
	}
	lang := d.Meta.Language
	if lang == "" {
		lang = defaultLanguage
	}
	date := packageTime(d.Meta.Date)
	return map[string][]byte{
		PartContentTypes: contentTypesXML(),
		PartRels:         rootRelsXML(),
		PartCore:         coreXML(d.Meta, lang, date),
		PartApp:          appXML(d.Meta),
		PartDocument:     body,
		PartStyles:       stylesXML(p, lang),
		PartSettings:     settingsXML(lang),
		PartFontTable:    fontTableXML(p.FontFamily),
		PartHeaderPage:   headerXML(true, d.Banner),
		PartHeaderEmpty:  headerXML(false, d.Banner),
		PartDocRels:      docRelsXML(),
	}, nil
}

// packageTime is the fixed time stamped on the package: Meta.Date in UTC,
// truncated to the second, or 1980-01-01 when unset.
func packageTime(t time.Time) time.Time {
	if t.IsZero() || t.Before(epoch) {
		return epoch
	}
	return t.UTC().Truncate(time.Second)
}

func contentTypesXML() []byte {
	var x xw
	x.raw(xmlHeader)
	x.open("Types", "xmlns", nsTypes)
	x.raw("\n")
	x.empty("Default", "Extension", "rels", "ContentType", "application/vnd.openxmlformats-package.relationships+xml")
	x.raw("\n")
	x.empty("Default", "Extension", "xml", "ContentType", "application/xml")
	const wml = "application/vnd.openxmlformats-officedocument.wordprocessingml."
	for _, o := range [][2]string{
		{PartDocument, wml + "document.main+xml"},
		{PartStyles, wml + "styles+xml"},
		{PartSettings, wml + "settings+xml"},
		{PartFontTable, wml + "fontTable+xml"},
		{PartHeaderPage, wml + "header+xml"},
		{PartHeaderEmpty, wml + "header+xml"},
		{PartCore, "application/vnd.openxmlformats-package.core-properties+xml"},
		{PartApp, "application/vnd.openxmlformats-officedocument.extended-properties+xml"},
	} {
		x.raw("\n")
		x.empty("Override", "PartName", "/"+o[0], "ContentType", o[1])
	}
	x.raw("\n")
	x.close("Types")
	return x.bytes()
}

func relsXML(rels [][3]string) []byte {
	var x xw
	x.raw(xmlHeader)
	x.open("Relationships", "xmlns", nsRels)
	for _, r := range rels {
		x.raw("\n")
		x.empty("Relationship", "Id", r[0], "Type", r[1], "Target", r[2])
	}
	x.raw("\n")
	x.close("Relationships")
	return x.bytes()
}

func rootRelsXML() []byte {
	return relsXML([][3]string{
		{"rId1", relDoc, PartDocument},
		{"rId2", relCore, PartCore},
		{"rId3", relApp, PartApp},
	})
}

func docRelsXML() []byte {
	return relsXML([][3]string{
		{ridStyles, relStyles, "styles.xml"},
		{ridSettings, relSet, "settings.xml"},
		{ridFonts, relFonts, "fontTable.xml"},
		{ridHeaderPage, relHeader, "header1.xml"},
		{ridHeaderEmpty, relHeader, "header2.xml"},
	})
}

func coreXML(m doc.Meta, lang string, date time.Time) []byte {
	var x xw
	x.raw(xmlHeader)
	x.open("cp:coreProperties",
		"xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
		"xmlns:dc", "http://purl.org/dc/elements/1.1/",
		"xmlns:dcterms", "http://purl.org/dc/terms/",
		"xmlns:dcmitype", "http://purl.org/dc/dcmitype/",
		"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
	if m.Title != "" {
		x.elem("dc:title", m.Title)
	}
	if m.Subject != "" {
		x.elem("dc:subject", m.Subject)
	}
	if m.Author != "" {
		x.elem("dc:creator", m.Author)
	}
	if len(m.Keywords) > 0 {
		x.elem("cp:keywords", strings.Join(m.Keywords, "; "))
	}
	x.elem("dc:language", lang)
	if m.Author != "" {
		x.elem("cp:lastModifiedBy", m.Author)
	}
	x.elem("cp:revision", "1")
	stamp := date.Format("2006-01-02T15:04:05Z")
	x.open("dcterms:created", "xsi:type", "dcterms:W3CDTF")
	x.text(stamp)
	x.close("dcterms:created")
	x.open("dcterms:modified", "xsi:type", "dcterms:W3CDTF")
	x.text(stamp)
	x.close("dcterms:modified")
	x.close("cp:coreProperties")
	return x.bytes()
}

func appXML(m doc.Meta) []byte {
	var x xw
	x.raw(xmlHeader)
	x.open("Properties",
		"xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
		"xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes")
	x.elem("Application", "kehoach")
	x.elem("DocSecurity", "0")
	x.elem("ScaleCrop", "false")
	if m.Author != "" {
		x.elem("Company", m.Author)
	}
	x.elem("LinksUpToDate", "false")
	x.elem("SharedDoc", "false")
	x.elem("HyperlinksChanged", "false")
	x.close("Properties")
	return x.bytes()
}

// errorf builds a renderer error that names where in the document it is.
func errorf(where *place, format string, args ...any) error {
	return fmt.Errorf("docx: %s: %s", where, fmt.Sprintf(format, args...))
}
