// Copyright ©2026 The kehoach authors. Use of this source code is governed
// by the MIT licence of this package (see LICENSE).

package fpdf

import "sync"

// kehoach patch 3: a document registers the same TrueType bytes as every
// document before it. Parsing them (and hashing the result into a font ID)
// happens once per font; each document gets its own shallow copy, since
// GenerateCutFont replaces, never mutates, the parsed tables it rebuilds.

type fontCacheKey struct {
	data *byte
	size int
	name string
}

var (
	parsedFonts sync.Map // fontCacheKey (name "") → *utf8FontFile, read only
	fontIDs     sync.Map // fontCacheKey → string
)

func keyOf(data []byte, name string) fontCacheKey {
	if len(data) == 0 {
		return fontCacheKey{name: name}
	}
	return fontCacheKey{data: &data[0], size: len(data), name: name}
}

// parsedUTF8Font returns a parsed copy of the font in data.
func parsedUTF8Font(data []byte) (*utf8FontFile, error) {
	key := keyOf(data, "")
	if t, ok := parsedFonts.Load(key); ok {
		c := *t.(*utf8FontFile)
		c.fileReader = &fileReader{array: data}
		return &c, nil
	}
	f := newUTF8Font(&fileReader{array: data})
	if err := f.parseFile(); err != nil {
		return nil, err
	}
	t := *f
	parsedFonts.Store(key, &t)
	return f, nil
}

// cachedFontID is generateFontID, once per font bytes and font key.
func cachedFontID(data []byte, def fontDefType) string {
	key := keyOf(data, def.Name)
	if id, ok := fontIDs.Load(key); ok {
		return id.(string)
	}
	id, _ := generateFontID(def)
	fontIDs.Store(key, id)
	return id
}
