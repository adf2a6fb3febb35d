// Copyright ©2026 The kehoach authors. Use of this source code is governed
// by the MIT licence of this package (see LICENSE).

package fpdf

import "sync"

// kehoach patch 3: documents that register the same TrueType bytes share
// one parse of them (and the font ID hashed from it) through a FontCache
// their caller owns. Each document gets its own shallow copy of the parsed
// font, since GenerateCutFont replaces, never mutates, the tables it
// rebuilds.

// FontCache holds the TrueType fonts parsed by AddUTF8FontFromBytes for the
// documents that share it (SetFontCache), so each font is parsed and hashed
// once for all of them. Fonts are known by the identity of their bytes (the
// slice's first byte and length), not by content: a cache serves documents
// that register the same slices, such as fonts embedded in the program, and
// keeps those slices and their parsed tables alive as long as it is
// reachable. A FontCache is safe for concurrent use; the zero value is
// ready to use.
type FontCache struct {
	parsed sync.Map // fontCacheKey (name "") → *utf8FontFile, read only
	ids    sync.Map // fontCacheKey → string
	// writers compress the page streams of its documents (patch 10).
	writers writerList
	// buffers are free page buffers and an output size hint (patch 11).
	buffers bufferList
}

// NewFontCache returns an empty FontCache.
func NewFontCache() *FontCache { return new(FontCache) }

// Len returns the number of fonts c holds parsed.
func (c *FontCache) Len() int {
	n := 0
	c.parsed.Range(func(any, any) bool { n++; return true })
	return n
}

// SetFontCache makes the fonts that f registers with AddUTF8FontFromBytes
// come from c, parsing them into c the first time. With a nil c, the
// default, f parses every font itself. Call it before registering fonts.
func (f *Fpdf) SetFontCache(c *FontCache) { f.fontCache = c }

type fontCacheKey struct {
	data *byte
	size int
	name string
}

func keyOf(data []byte, name string) fontCacheKey {
	if len(data) == 0 {
		return fontCacheKey{name: name}
	}
	return fontCacheKey{data: &data[0], size: len(data), name: name}
}

// parsedUTF8Font returns a parsed copy of the font in data: parsed afresh
// when c is nil.
func (c *FontCache) parsedUTF8Font(data []byte) (*utf8FontFile, error) {
	key := keyOf(data, "")
	if c != nil {
		if t, ok := c.parsed.Load(key); ok {
			cp := *t.(*utf8FontFile)
			cp.fileReader = &fileReader{array: data}
			return &cp, nil
		}
	}
	f := newUTF8Font(&fileReader{array: data})
	if err := f.parseFile(); err != nil {
		return nil, err
	}
	if c != nil {
		t := *f
		c.parsed.Store(key, &t)
	}
	return f, nil
}

// fontID is generateFontID, once per font bytes and font key when c is not
// nil.
func (c *FontCache) fontID(data []byte, def fontDefType) string {
	if c == nil {
		id, _ := generateFontID(def)
		return id
	}
	key := keyOf(data, def.Name)
	if id, ok := c.ids.Load(key); ok {
		return id.(string)
	}
	id, _ := generateFontID(def)
	c.ids.Store(key, id)
	return id
}
