// Copyright ©2026 The kehoach authors. Use of this source code is governed
// by the MIT licence of this package (see LICENSE).

package fpdf

import "sync"

// kehoach patch 5: GenerateCutFont, run for every face of every document,
// walked the whole font each time to rebuild tables that depend on the font
// alone: the table directory, the character → glyph map of the cmap table
// (and, unused, its inverse), the glyph offsets of the loca table and a
// 65,536-entry width table in font units that nothing read afterwards.
// They are now built once per parsed font (cutTables), and shared read
// only by the copies a FontCache hands out; and the 128 KiB CIDToGIDMap of
// each face is filled in a pooled buffer instead of a new one. The bytes
// written are the same.

// cutFontTables are the tables GenerateCutFont reads that depend on the
// font alone, built once (cutTables) and then only read.
type cutFontTables struct {
	once           sync.Once
	ok             bool                         // the font has a Unicode cmap
	descriptions   map[string]*tableDescription // table directory
	charSymbol     map[int]int                  // character → glyph (cmap)
	symbolPosition []int                        // glyph → offset in glyf (loca)
	locaFormat     int                          // head.indexToLocFormat
	metricsCount   int                          // hhea.numberOfHMetrics
	numSymbols     int                          // maxp.numGlyphs
	subsets        subsetCache                  // kehoach patch 8
}

// cutTables returns the font-constant tables of utf, reading them from its
// bytes the first time for utf and every copy of it; nil when the font has
// no Unicode cmap (GenerateCutFont then returns nil, as upstream does).
func (utf *utf8FontFile) cutTables() *cutFontTables {
	t := utf.cut
	if t == nil { // a font made other than by newUTF8Font
		t = new(cutFontTables)
		utf.cut = t
	}
	t.once.Do(func() {
		// What upstream's GenerateCutFont did first, on a reader of its own
		// so that copies sharing t may run at once.
		r := &utf8FontFile{fileReader: &fileReader{array: utf.fileReader.array}}
		r.skip(4)
		r.generateTableDescriptions()
		r.SeekTable("head")
		r.skip(50)
		t.locaFormat = r.readUint16()
		r.SeekTable("hhea")
		r.skip(34)
		t.metricsCount = r.readUint16()
		r.SeekTable("maxp")
		r.skip(4)
		t.numSymbols = r.readUint16()
		if t.charSymbol != nil { // kehoach patch 8: from parseFile
			r.charSymbolDictionary = t.charSymbol
		} else if r.generateCMAP() == nil {
			return
		}
		r.parseLOCATable(t.locaFormat, t.numSymbols)
		t.ok = true
		t.descriptions = r.tableDescriptions
		t.charSymbol = r.charSymbolDictionary
		t.symbolPosition = r.symbolPosition
	})
	if !t.ok {
		return nil
	}
	return t
}

// compressCIDToGIDMap compresses the CIDToGIDMap of a face (code → glyph,
// two bytes big-endian per code, 0 for codes not used); since patch 21 the
// zlib stream is written from the codes used (zlibCIDToGIDMap) instead of
// deflating the 128 KiB.
func compressCIDToGIDMap(codeGlyph map[int]int) *membuffer {
	return zlibCIDToGIDMap(codeGlyph)
}
