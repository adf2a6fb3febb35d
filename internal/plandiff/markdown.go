package plandiff

import (
	"strings"

	"kehoach/internal/termsafe"
)

// mdText escapes plan text for Markdown (CommonMark with GitHub's and
// GitLab's extensions) so that it renders exactly as written, on one line:
//   - a backslash before every ASCII punctuation character that starts or
//     ends Markdown syntax: \ ` * _ ~ [ ] ! # | $ (emphasis, strikethrough,
//     code, links and images — no [ opens one —, headings, tables, GitLab
//     math);
//   - &amp;, &lt;, &gt; for & < > (no HTML tag, no entity: “&lt;” stays
//     “&lt;”);
//   - the part of a word that a renderer would turn into a link by itself
//     (https://…, www.…, javascript:…, an e-mail address) as an inline code
//     span;
//   - line breaks as <br> (so no text starts a line: no heading, list,
//     quote or table row), other controls as termsafe does (\x1b).
func mdText(s string) string {
	s = termsafe.Escape(s)
	var b strings.Builder
	first := true
	for _, line := range strings.Split(s, "\n") {
		if !first {
			b.WriteString("<br>")
		}
		first = false
		for i, word := range strings.Split(line, " ") {
			if i > 0 {
				b.WriteByte(' ')
			}
			link := linkStart(word)
			for _, r := range word[:link] {
				switch r {
				case '&':
					b.WriteString("&amp;")
				case '<':
					b.WriteString("&lt;")
				case '>':
					b.WriteString("&gt;")
				case '\\', '`', '*', '_', '~', '[', ']', '!', '#', '|', '$':
					b.WriteByte('\\')
					b.WriteRune(r)
				default:
					b.WriteRune(r)
				}
			}
			if link < len(word) {
				b.WriteString(mdCode(word[link:]))
			}
		}
	}
	return b.String()
}

// linkStart is where, in word, a renderer could start a link on its own
// (https://…, www.…, mailto:, javascript:, an e-mail address); len(word)
// when nowhere. From there the word is written as code, which is never a
// link.
func linkStart(word string) int {
	w := strings.ToLower(word) // ASCII case only: same byte offsets
	start := len(word)
	if i := strings.Index(w, "www."); i >= 0 {
		start = i
	}
	if i := strings.Index(w, "://"); i >= 0 {
		start = min(start, schemeStart(w, i))
	}
	if i := strings.IndexByte(w, ':'); i > 0 {
		switch w[schemeStart(w, i):i] {
		case "http", "https", "ftp", "mailto", "javascript", "data", "file", "xmpp", "irc", "tel", "vbscript":
			start = min(start, schemeStart(w, i))
		}
	}
	if at := strings.IndexByte(w, '@'); at > 0 && strings.Contains(w[at:], ".") {
		start = min(start, schemeStart(w, at))
	}
	return start
}

// schemeStart is where the run of ASCII letters, digits and . + - _ that
// ends at i starts (the scheme before “:”, the user before “@”).
func schemeStart(w string, i int) int {
	for i > 0 {
		c := w[i-1]
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || strings.IndexByte(".+-_", c) >= 0 {
			i--
			continue
		}
		break
	}
	return i
}

// mdCode writes s as an inline code span, fenced by more backticks than
// any run inside it, so nothing in it is Markdown; the spaces inside the
// fence keep a backtick at either end from touching it. A code span never
// becomes a link.
func mdCode(s string) string {
	s = strings.ReplaceAll(termsafe.Escape(s), "\n", " ")
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if longest > 0 || strings.HasPrefix(s, " ") || strings.HasSuffix(s, " ") {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}

// mdBlock is mdText for text that starts a line of its own (a plan's
// summary, an error message after “- ”): besides mdText's escapes, what
// would start a list, a thematic break or a setext heading at the start
// of a line is escaped too (“1.”, “1)”, “-”, “+”, “=”), and leading spaces
// (an indented code block) are dropped.
func mdBlock(s string) string {
	t := mdText(strings.TrimLeft(s, " \t"))
	digits := 0
	for digits < len(t) && t[digits] >= '0' && t[digits] <= '9' {
		digits++
	}
	switch {
	case digits > 0 && digits < len(t) && (t[digits] == '.' || t[digits] == ')'):
		return t[:digits] + "\\" + t[digits:]
	case t != "" && strings.IndexByte("-+=", t[0]) >= 0:
		return "\\" + t
	}
	return t
}
