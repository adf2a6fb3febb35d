// Package pdf reads the text of a PDF kehoach wrote, for kehoach text,
// within the budget of package limits.
package pdf

import (
	"errors"
	"fmt"

	"kehoach/internal/extract/limits"
)

// This file extracts the text of a PDF written by kehoach (fpdf: subset
// TrueType fonts as Type0/Identity-H with a ToUnicode CMap, FlateDecode
// content streams; on paper one text object per line, each word placed
// with a Td relative to the one before, "x y Td (…) Tj"; tagged, one
// BT x y Td (…) Tj ET per word or line).
// It interprets the text operators of each page, maps the glyph codes
// through the ToUnicode CMaps, measures each run with the fonts' widths,
// and groups runs into lines by baseline in the order they are drawn.
//
// The reader's layers, one file each: object.go (objects, streams, the
// cross-reference-free object scan), pages.go (the page tree), content.go
// (the content-stream interpreter), font.go and cmap.go (font widths and
// ToUnicode decoding), lines.go (assembling runs into lines).

// Text prints the text of a PDF: a line "--- trang N ---" before each
// page, then one line per text line; at most MaxPages pages.
func Text(data []byte, out *limits.Output, b *limits.Budget) error {
	d, err := parseDocument(data, b)
	if err != nil {
		return err
	}
	pages, err := d.pages()
	if err != nil {
		return err
	}
	for i, pg := range pages {
		if i == limits.MaxPages {
			return &limits.Cut{Why: "quá " + limits.Thousands(limits.MaxPages) + " trang"}
		}
		if err := out.WriteLine(fmt.Sprintf("--- trang %d ---", i+1)); err != nil {
			return err
		}
		lw := &lineWriter{out: out}
		if err := d.pageRuns(pg, lw.add); err != nil {
			return fmt.Errorf("trang %d: %w", i+1, err)
		}
		if err := lw.flush(); err != nil {
			return err
		}
	}
	return nil
}

// page is a page object with its inherited resources.
type page struct {
	dict      dict
	resources dict
}

// pages lists the pages in order, from /Root /Pages.
func (d *document) pages() ([]page, error) {
	root := d.dictOf(d.trailer["Root"])
	if root == nil {
		return nil, errors.New("không tìm thấy mục lục tài liệu (/Root)")
	}
	top := d.dictOf(root["Pages"])
	if top == nil {
		return nil, errors.New("không tìm thấy cây trang (/Pages)")
	}
	var out []page
	seen := map[int]bool{}
	var walk func(n dict, res dict, depth int) error
	walk = func(n dict, res dict, depth int) error {
		if depth > limits.MaxNesting {
			return errors.New("cây trang quá sâu")
		}
		if r := d.dictOf(n["Resources"]); r != nil {
			res = r
		}
		kids, isNode := d.resolve(n["Kids"]).(array)
		if !isNode {
			if t, _ := n["Type"].(name); t != "" && t != "Page" {
				return fmt.Errorf("nút trang kiểu /%s không hợp lệ", t)
			}
			out = append(out, page{dict: n, resources: res})
			return nil
		}
		for _, k := range kids {
			if len(out) > limits.MaxPages { // readPDF stops there
				return nil
			}
			r, isRef := k.(ref)
			if !isRef {
				return errors.New("cây trang hỏng")
			}
			if seen[r.num] {
				return errors.New("cây trang lặp vòng")
			}
			seen[r.num] = true
			kd := d.dictOf(k)
			if kd == nil {
				return errors.New("thiếu một trang trong cây trang (tệp bị cắt cụt?)")
			}
			if err := walk(kd, res, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(top, nil, 0); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, errors.New("tài liệu không có trang nào")
	}
	return out, nil
}
