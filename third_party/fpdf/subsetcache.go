// Copyright ©2026 The kehoach authors. Use of this source code is governed
// by the MIT licence of this package (see LICENSE).

package fpdf

import (
	"bytes"
	"slices"
	"sync"
)

// kehoach patch 8: documents that share a parsed font (a FontCache) and
// use the same characters of it write the same subset of it, so the work
// of putfonts for that face, cutting the subset (GenerateCutFont),
// compressing it, writing the widths array (generateCIDFontMap) and
// compressing the CIDToGIDMap, is done once and its results kept with the
// parsed font (at most maxSubsets character sets per face), for the later
// documents to copy. The bytes written are the same. A document without a
// FontCache, or encrypted (its streams are encrypted in place), keeps
// nothing and cuts its subsets as upstream does.

// maxSubsets bounds the character sets kept per parsed face; past it the
// oldest is dropped. A set costs about the size of its subset twice (the
// subset and its compressed form) plus its maps.
const maxSubsets = 32

// subsetCache holds the cut subsets of one parsed face by character set.
type subsetCache struct {
	mu    sync.Mutex
	sets  map[string]*cutSubset
	order []string // keys, oldest first
}

// cutSubset is what putfonts writes for one face and one set of used
// characters. Once published in a subsetCache it is only read.
type cutSubset struct {
	cache *subsetCache // where to publish it when complete; nil: a cache hit
	key   string

	stream     []byte      // the subset (GenerateCutFont)
	lastRune   int         // the subset's last rune (utf8FontFile.LastRune)
	codeGlyph  map[int]int // code → glyph (CodeSymbolDictionary), 0 removed
	widths     string      // the /W line of generateCIDFontMap
	cidMap     []byte      // the compressed CIDToGIDMap
	compressed []byte      // the compressed subset
}

// runeSetKey is the set of characters usedRunes holds (its values: the
// subset depends on nothing else of the map), in order.
func runeSetKey(usedRunes map[int]int) string {
	rs := make([]int, 0, len(usedRunes))
	for _, r := range usedRunes {
		rs = append(rs, r)
	}
	slices.Sort(rs)
	rs = slices.Compact(rs)
	b := make([]byte, 0, 3*len(rs))
	for _, r := range rs {
		b = append(b, byte(r>>16), byte(r>>8), byte(r))
	}
	return string(b)
}

// cutFont returns GenerateCutFont(usedRunes) for font and what putfonts
// goes on to write from it: kept from an earlier document with the same
// characters when the font comes from a FontCache, else made now (and kept
// once complete, see cutSubset.compress). On a hit the font's
// CodeSymbolDictionary is an empty map of the document's own and LastRune
// the subset's.
func (f *Fpdf) cutFont(font *fontDefType, usedRunes map[int]int) ([]byte, *cutSubset) {
	utf := font.utf8File
	var sc *subsetCache
	if f.fontCache != nil && !f.protect.encrypted && utf.cut != nil {
		sc = &utf.cut.subsets
	}
	if sc == nil {
		return utf.GenerateCutFont(usedRunes), nil
	}
	key := runeSetKey(usedRunes)
	sc.mu.Lock()
	c := sc.sets[key]
	sc.mu.Unlock()
	if c != nil {
		utf.CodeSymbolDictionary = map[int]int{}
		utf.LastRune = c.lastRune
		return c.stream, c
	}
	stream := utf.GenerateCutFont(usedRunes)
	if stream == nil {
		return nil, nil
	}
	delete(utf.CodeSymbolDictionary, 0) // as putfonts does next
	return stream, &cutSubset{cache: sc, key: key, stream: stream, lastRune: utf.LastRune, codeGlyph: utf.CodeSymbolDictionary}
}

// cidFontMap writes the /W line of font, as f.generateCIDFontMap does.
func (c *cutSubset) cidFontMap(f *Fpdf, font *fontDefType) {
	if c == nil {
		f.generateCIDFontMap(font, font.utf8File.LastRune)
		return
	}
	if c.cache == nil {
		f.out(c.widths)
		return
	}
	w := &f.buffer.Buffer
	if f.state == 2 {
		w = f.pages[f.page]
	}
	n := w.Len()
	f.generateCIDFontMap(font, font.utf8File.LastRune)
	c.widths = string(bytes.TrimSuffix(w.Bytes()[n:], []byte("\n")))
}

// cidToGIDMap returns the compressed CIDToGIDMap of codeGlyph, as
// compressCIDToGIDMap does.
func (c *cutSubset) cidToGIDMap(codeGlyph map[int]int) *membuffer {
	if c == nil {
		return compressCIDToGIDMap(codeGlyph)
	}
	if c.cache == nil {
		return copied(c.cidMap)
	}
	mem := compressCIDToGIDMap(c.codeGlyph)
	c.cidMap = mem.copy()
	return mem
}

// compress returns the compressed subset, as xmem.compress(stream) does,
// and publishes c in its cache when c was made for this document.
func (c *cutSubset) compress(stream []byte) *membuffer {
	if c == nil {
		return xmem.compress(stream)
	}
	if c.cache == nil {
		return copied(c.compressed)
	}
	mem := xmem.compress(stream)
	c.compressed = mem.copy()
	c.codeGlyph = nil // no longer needed
	sc := c.cache
	c.cache = nil
	sc.mu.Lock()
	if sc.sets == nil {
		sc.sets = map[string]*cutSubset{}
	}
	if _, ok := sc.sets[c.key]; !ok {
		if len(sc.order) >= maxSubsets {
			delete(sc.sets, sc.order[0])
			sc.order = slices.Delete(sc.order, 0, 1)
		}
		sc.sets[c.key] = c
		sc.order = append(sc.order, c.key)
	}
	sc.mu.Unlock()
	return mem
}

// copied is a pooled membuffer holding a copy of b, for the caller to
// release.
func copied(b []byte) *membuffer {
	mem := xmem.Get().(*membuffer)
	mem.buf.Reset()
	mem.buf.Write(b)
	return mem
}
