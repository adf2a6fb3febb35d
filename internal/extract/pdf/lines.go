package pdf

import (
	"math"
	"strings"

	"kehoach/internal/extract/limits"
)

// lineWriter groups runs into text lines and prints them: a run
// continues the current line when it sits on the same baseline and does
// not go back to the left; the words of a line are joined by a space, or
// by " | " across a gap wider than three em (table columns, the two halves
// of the heading). No-break spaces become plain spaces.
type lineWriter struct {
	out  *limits.Output
	cur  strings.Builder
	last run
	have bool
}

func (w *lineWriter) flush() error {
	if w.have {
		if s := strings.TrimRight(w.cur.String(), " "); strings.TrimSpace(s) != "" {
			if err := w.out.WriteLine(s); err != nil {
				return err
			}
		}
	}
	w.cur.Reset()
	w.have = false
	return nil
}

func (w *lineWriter) add(r run) error {
	text := strings.ReplaceAll(r.text, "\u00a0", " ")
	if text == "" {
		return nil
	}
	em := math.Max(r.size, 1)
	if w.have && math.Abs(r.y-w.last.y) <= 0.2*em && r.x >= w.last.endX-0.3*em {
		gap := r.x - w.last.endX
		switch {
		case gap > 3*em:
			w.cur.WriteString(" | ")
		case gap > 0.1*em && !strings.HasSuffix(w.cur.String(), " ") && !strings.HasPrefix(text, " "):
			w.cur.WriteByte(' ')
		}
	} else {
		if err := w.flush(); err != nil {
			return err
		}
		w.have = true
	}
	if w.cur.Len()+len(text) > limits.MaxOutputBytes {
		w.cur.WriteString(text)
		w.have = false
		return w.out.WriteLine(w.cur.String()) // more than may be printed: limits.ErrFull
	}
	w.cur.WriteString(text)
	w.last = r
	return nil
}
