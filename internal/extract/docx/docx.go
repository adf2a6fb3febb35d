// Package docx reads the text of a .docx package, kept apart from the
// DOCX writer (render/docx): PartText for the tests, Text within the
// budget of package limits for kehoach text.
package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"kehoach/internal/extract/limits"
)

// PartDocument is the main part of a WordprocessingML package (ECMA-376).
const PartDocument = "word/document.xml"

// nsW is the WordprocessingML main namespace.
const nsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// PartText extracts the plain text of word/document.xml from a .docx
// package: one line per non-empty paragraph, one line per table row with
// its cells separated by tabs (the paragraphs of a cell joined by spaces).
// Tabs and line breaks inside a paragraph become "\t" and "\n"; field codes
// are skipped, field results kept. Empty paragraphs (rules, spacers) give
// no line.
func PartText(docx []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		return "", fmt.Errorf("docx: %w", err)
	}
	for _, f := range zr.File {
		if f.Name != PartDocument {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return "", fmt.Errorf("docx: %w", err)
		}
		defer rc.Close()
		return documentText(rc)
	}
	return "", errors.New("docx: no word/document.xml in package")
}

// documentText walks WordprocessingML and collects text as PartText
// describes.
func documentText(r io.Reader) (string, error) {
	type cell struct{ paras []string }
	type table struct {
		row   []string
		cell  *cell
		outer *table
	}
	var (
		out    strings.Builder
		para   *strings.Builder
		paras  []*strings.Builder // enclosing paragraphs (text boxes nest)
		tbl    *table
		inText bool
		inRun  int
	)
	emit := func(line string) {
		if tbl != nil && tbl.cell != nil {
			tbl.cell.paras = append(tbl.cell.paras, line)
			return
		}
		out.WriteString(line)
		out.WriteByte('\n')
	}
	dec := xml.NewDecoder(r)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", fmt.Errorf("docx: %s: %w", PartDocument, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space != nsW {
				continue
			}
			switch t.Name.Local {
			case "p":
				paras = append(paras, para)
				para = &strings.Builder{}
			case "r":
				inRun++
			case "t":
				inText = inRun > 0
			case "tab":
				if inRun > 0 && para != nil {
					para.WriteByte('\t')
				}
			case "br", "cr":
				if inRun > 0 && para != nil && attr(t, "type") != "page" && attr(t, "type") != "column" {
					para.WriteByte('\n')
				}
			case "tbl":
				tbl = &table{outer: tbl}
			case "tr":
				if tbl != nil {
					tbl.row = nil
				}
			case "tc":
				if tbl != nil {
					tbl.cell = &cell{}
				}
			}
		case xml.EndElement:
			if t.Name.Space != nsW {
				continue
			}
			switch t.Name.Local {
			case "p":
				if para != nil && para.Len() > 0 {
					emit(para.String())
				}
				para, paras = paras[len(paras)-1], paras[:len(paras)-1]
			case "r":
				inRun--
			case "t":
				inText = false
			case "tc":
				if tbl != nil && tbl.cell != nil {
					tbl.row = append(tbl.row, strings.Join(tbl.cell.paras, " "))
					tbl.cell = nil
				}
			case "tr":
				if tbl == nil {
					continue
				}
				row := strings.Join(tbl.row, "\t")
				tbl.row = nil
				if strings.Trim(row, "\t") == "" {
					continue
				}
				if tbl.outer != nil && tbl.outer.cell != nil {
					tbl.outer.cell.paras = append(tbl.outer.cell.paras, row)
				} else {
					out.WriteString(row)
					out.WriteByte('\n')
				}
			case "tbl":
				if tbl != nil {
					tbl = tbl.outer
				}
			}
		case xml.CharData:
			if inText && para != nil {
				para.Write(t)
			}
		}
	}
	return out.String(), nil
}

// attr returns the value of a w: attribute of an element.
func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// Text prints PartText of the package, no-break spaces as spaces.
// PartText reads word/document.xml with no limit of its own, so the part
// is read and walked here first, within the budget.
func Text(data []byte, out *limits.Output, b *limits.Budget) error {
	if len(data) == 0 {
		return errors.New("tệp trống")
	}
	zr, err := limits.OpenZip(data)
	if err != nil {
		if err == limits.ErrManyMembers {
			return err
		}
		return errors.New("tệp không phải gói DOCX (không mở được như tệp zip)")
	}
	var part *zip.File
	for _, f := range zr.File {
		if f.Name == PartDocument {
			part = f
			break
		}
	}
	if part == nil {
		return errors.New("gói không có word/document.xml")
	}
	xmlData, err := limits.ReadPart(part, b)
	if err != nil {
		return err
	}
	d := limits.NewXMLDecoder(xmlData, b)
	d.Raw = true
	for {
		if _, err := d.Token(); err == io.EOF {
			break
		} else if err != nil {
			return err
		}
	}
	s, err := PartText(data)
	if err != nil {
		return fmt.Errorf("XML hỏng: %v", strings.TrimPrefix(err.Error(), "docx: "))
	}
	// No-break spaces ("54 triệu", the blanks of a draft's date) print as
	// spaces, as in the PDF text.
	s = strings.ReplaceAll(s, "\u00a0", " ")
	for len(s) > 0 {
		line, rest, _ := strings.Cut(s, "\n")
		if err := out.WriteLine(line); err != nil {
			return err
		}
		s = rest
	}
	return nil
}
