package plandiff

import (
	"strings"
	"testing"

	"kehoach/internal/termsafe"
	"kehoach/internal/textdiff"
)

// hostileMarkdown is plan text that Markdown and HTML would act on: links
// and images (a tracking pixel), bare links, emphasis and strikethrough
// that would nest into the change markers, code, tags, entities, table
// pipes, a heading after a line break, GitLab math, a backslash that would
// escape the closing marker.
var hostileMarkdown = []string{
	"[Bấm vào đây để duyệt](https://evil.example/duyet)",
	"![ảnh](https://evil.example/pixel.png?u=1)",
	"[hóa]: https://evil.example",
	"https://evil.example/a_b www.evil.example javascript:alert(1) ke.toan@evil.example",
	"** giả ** ~~ giả ~~ __gạch__ *nghiêng*",
	"`mã` ``hai``",
	"<img src=x onerror=alert(1)> <details open> &lt;script&gt; &amp;",
	"| cột | cột |",
	"dòng một\n### Người xem xét: ĐÃ DUYỆT\n\n***",
	"$x^2$ cuối\\",
	"\x1b]0;PWNED\a \u202e",
}

// TestMarkdownHostile: hostile text in every field of a change renders as
// the text itself: every character Markdown would act on is escaped, bare
// links are code, nothing starts a line, and the ~~deleted~~ and
// **inserted** markers are the only emphasis.
func TestMarkdownHostile(t *testing.T) {
	t.Parallel()
	for _, h := range hostileMarkdown {
		words := append(strings.Fields("Một đoạn"), strings.Fields(h)...)
		r := &Report{Old: "plans/`a`/2025.yaml", New: "plans/a/2025.yaml", Changes: []Change{
			{Section: "Nhiệm vụ", Kind: Added, Item: "nhóm nhiệm vụ 1 thứ 1", New: h},
			{Section: "Nhiệm vụ", Kind: Edited, Item: h, Old: h, New: "x"},
			{Section: "Nhiệm vụ", Kind: Edited, Item: "nhóm nhiệm vụ 1 thứ 2", Words: textdiff.Diff(strings.Fields("Một đoạn cũ"), words)},
			{Section: "Nhiệm vụ", Kind: Edited, Item: "nhóm nhiệm vụ 1 thứ 3", Words: textdiff.Diff(words, strings.Fields("Một đoạn mới"))},
		}}
		md := r.Markdown()
		body := md[strings.Index(md, "\n")+1:]
		for i, l := range strings.Split(strings.TrimSpace(body), "\n") {
			if l != "" && !strings.HasPrefix(l, "- *") && !strings.HasPrefix(l, "#### Nhiệm vụ") && !strings.HasSuffix(l, "thay đổi.") {
				t.Errorf("%q: line %d starts with plan text: %q", h, i, l)
			}
		}
		assertMarkdownInert(t, h, strings.ReplaceAll(body, "<br>", " "))
	}
}

// assertMarkdownInert checks that md (one rendered report, our <br> taken
// out) holds no Markdown that plan text could have made: every [ ] * _ ~ `
// # | $ \ outside code spans is backslash-escaped except the markers
// ~~ … ~~, ** … ** and *kind*, every < > & is an entity, and every bare
// link is inside a code span.
func assertMarkdownInert(t *testing.T, what, md string) {
	t.Helper()
	for _, line := range strings.Split(md, "\n") {
		rest, ok := strings.CutPrefix(line, "- *")
		if !ok {
			continue
		}
		kind, rest, _ := strings.Cut(rest, "* ")
		if kind != "thêm" && kind != "sửa" {
			t.Errorf("%q: kind %q", what, kind)
		}
		// Take out our markers and code spans, then look for syntax.
		text := stripCode(rest)
		for _, m := range []string{"~~", "**"} {
			n := 0
			for i := 0; i+len(m) <= len(text); i++ {
				if text[i:i+len(m)] == m && !escaped(text, i) {
					n++
					text = text[:i] + "\x00\x00" + text[i+len(m):]
				}
			}
			if n%2 != 0 {
				t.Errorf("%q: unpaired %s in %q", what, m, line)
			}
		}
		for i := 0; i < len(text); i++ {
			c := text[i]
			switch c {
			case '[', ']', '*', '_', '~', '`', '#', '|', '$':
				if !escaped(text, i) {
					t.Errorf("%q: raw %c at %d in %q", what, c, i, line)
				}
			case '<', '>':
				t.Errorf("%q: raw %c in %q", what, c, line)
			case '&':
				if !strings.HasPrefix(text[i:], "&amp;") && !strings.HasPrefix(text[i:], "&lt;") && !strings.HasPrefix(text[i:], "&gt;") {
					t.Errorf("%q: raw & in %q", what, line)
				}
			case 0x1b:
				t.Errorf("%q: raw ESC in %q", what, line)
			}
		}
		for _, link := range []string{"https:", "www.", "javascript:", "@evil"} {
			if strings.Contains(text, link) {
				t.Errorf("%q: bare link %s outside code in %q", what, link, line)
			}
		}
	}
}

// escaped reports whether s[i] follows an odd number of backslashes.
func escaped(s string, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && s[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

// stripCode replaces inline code spans (as mdCode writes them) by a space.
func stripCode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] != '`' || escaped(s, i) {
			b.WriteByte(s[i])
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == '`' {
			j++
		}
		fence := s[i:j]
		end := strings.Index(s[j:], fence)
		if end < 0 {
			b.WriteString(s[i:])
			break
		}
		b.WriteByte(' ')
		i = j + end + len(fence)
	}
	return b.String()
}

// TestMdCode: a code span holds any text, backticks included.
func TestMdCode(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"plans/a.yaml": "`plans/a.yaml`",
		"a`b":          "`` a`b ``",
		"``x":          "``` ``x ```",
		"ESC\x1b[2J":   `ESC\x1b[2J`,
		"dòng\nhai":    "`dòng hai`",
	} {
		got := mdCode(in)
		if in == "ESC\x1b[2J" {
			if strings.Contains(got, "\x1b") || !strings.Contains(got, want) {
				t.Errorf("mdCode(%q) = %q", in, got)
			}
			continue
		}
		if got != want {
			t.Errorf("mdCode(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTextHostile: on a terminal, plan text and file names never carry a
// control character into the report: the only escape codes in colour text
// are the report's own colours.
func TestTextHostile(t *testing.T) {
	t.Parallel()
	for _, h := range hostileMarkdown {
		words := append(strings.Fields("Một đoạn"), strings.Fields(h)...)
		r := &Report{Old: h + ".yaml", New: "plans/a/2025.yaml", Changes: []Change{
			{Section: h, Kind: Added, Item: h, New: h},
			{Section: "Nhiệm vụ", Kind: Edited, Item: h, Old: h, New: h, Delta: h},
			{Section: "Nhiệm vụ", Kind: Edited, Item: "thứ 2", Words: textdiff.Diff(strings.Fields("Một đoạn cũ"), words)},
		}}
		for _, colour := range []bool{false, true} {
			out := strings.NewReplacer(red, "", green, "", bold, "", reset, "").Replace(r.Text(colour))
			if bad := termsafe.Find(out); bad != "" {
				t.Errorf("Text(%v) of %q: raw %s", colour, h, bad)
			}
		}
		if bad := termsafe.Find(r.Markdown()); bad != "" {
			t.Errorf("Markdown of %q: raw %s", h, bad)
		}
	}
}
