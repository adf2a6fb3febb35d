// Package draft finds what is still unfinished in a plan: the marks that
// `kehoach new` (package rollover) leaves in a draft for a person to work
// through, and the places a draft is typically left incomplete. It is the
// one place that knows these marks: rollover writes them with the
// constants and helpers here, `kehoach check` reports what Find returns
// (warnings, errors with -nghiem-ngat) and `kehoach issue` refuses to
// number a plan while Find returns anything (unless told --chua-xong).
//
// Find reports, each with its rule id:
//   - RuleTodo: a comment whose text starts with the word TODO (as every
//     "# TODO: …" comment of kehoach new), and the word TODO in the text of
//     any field;
//   - RuleReview: the review block at the head of a draft, from its first
//     line (ReviewBegin … ReviewTitle) to its last (ReviewEnd), and the
//     line ReviewOld that introduces the previous year's head comments;
//   - RuleZero: an amount of 0 (or none) where a source is listed: a
//     funding source without sub-sources (nguon_luc), an allocation of a
//     Biểu 03 work (bieu.cong_trinh[].von) or a Biểu 04 row
//     (bieu.su_nghiep), as kehoach new leaves every amount;
//   - RuleEmpty: wording left blank where the document prints it: a blank
//     item of a list of text (giai_phap, muc_tieu.cu_the, y_nho, …), a
//     paragraph or item (noi_dung) with neither doan nor y, and a required
//     text holding only a placeholder ("…", "...", "___").
//
// A required text left empty is already an error of the loader (package
// plan); Find only adds what the loader lets through.
package draft

import (
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v4"

	"kehoach/internal/diag"
	"kehoach/internal/lazy"
	"kehoach/internal/plan"
	"kehoach/internal/yamlx"
)

// The marks kehoach new writes into a draft.
const (
	// TodoWord starts every comment that asks a person to do something
	// before the plan is signed: "# TODO: nhập số tiền năm 2026 …".
	TodoWord = "TODO"
	// ReviewBegin starts the first line of the review block (followed by
	// the year and ReviewTitle); ReviewEnd is its last line.
	ReviewBegin = "==== KẾ HOẠCH NĂM"
	ReviewTitle = "CẦN XEM LẠI TRƯỚC KHI TRÌNH KÝ"
	ReviewEnd   = "==== HẾT PHẦN CẦN XEM LẠI ===="
	// ReviewOld starts the line, just after the review block, above the
	// head comments kept from the previous year's plan.
	ReviewOld = "Ghi chú đầu tệp của kế hoạch năm"
)

// The rule ids of Find's diagnostics.
const (
	RuleTodo   = "todo"         // a TODO comment, or TODO in a text
	RuleReview = "khoi-xem-lai" // the review block of kehoach new
	RuleZero   = "so-tien-0"    // an amount of 0 where a source is listed
	RuleEmpty  = "de-trong"     // wording left blank
)

// TodoText is the text of a TODO comment about s: "TODO: " + s.
func TodoText(s string) string { return TodoWord + ": " + s }

// TodoComment is a TODO comment line as kehoach new writes it: "# TODO: "
// followed by the formatted text.
func TodoComment(format string, args ...any) string {
	return "# " + TodoText(fmt.Sprintf(format, args...))
}

// A Comment is one comment line of a YAML file.
type Comment struct {
	Pos  diag.Pos // of its '#'
	Text string   // after the '#', without the blanks around it
}

// isTodo reports whether a comment's text is a TODO mark: it starts with
// the word TODO (TODO, TODO:, "TODO nhập …"; not TODOS).
func isTodo(text string) bool {
	rest, ok := strings.CutPrefix(text, TodoWord)
	if !ok {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return rest == "" || !(r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 0x80)
}

// Todos returns the TODO comments of a YAML file in line order, leaving
// out the lines of the review block (whose text mentions “TODO”).
func Todos(src []byte) []Comment {
	cs := comments(src, nil)
	blk := reviewBlock(cs)
	var out []Comment
	for i, c := range cs {
		if !blk.holds(i) && isTodo(c.Text) {
			out = append(out, c)
		}
	}
	return out
}

// comments lists the comment lines of a YAML file, in line order, with
// the position of each '#'. The parser says which texts are comments (a
// '#' inside a quoted or block text is none); each is then placed at the
// first line, not yet used, where a '#' that can start a comment (at the
// start of the line or after a blank) is followed by exactly that text.
// d is src's YAML document node when the caller has it (Plan.Document),
// nil to parse src here.
func comments(src []byte, d *yaml.Node) []Comment {
	src = yamlx.Normalize(src)
	if d == nil {
		d = new(yaml.Node)
		if err := yaml.Unmarshal(src, d); err != nil {
			return nil
		}
	}
	want := map[string]int{}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		for _, c := range [...]string{n.HeadComment, n.LineComment, n.FootComment} {
			// The lines of c, as strings.Split(c, "\n") gives them, without
			// its slice (most nodes have no comment at all).
			for more := c != ""; more; {
				var l string
				l, c, more = strings.Cut(c, "\n")
				if l = strings.TrimSpace(l); strings.HasPrefix(l, "#") {
					want[l]++
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(d)
	var out []Comment
	for i, line := range strings.Split(string(src), "\n") {
		for j := 0; j < len(line); j++ {
			if line[j] != '#' || j > 0 && line[j-1] != ' ' && line[j-1] != '\t' {
				continue
			}
			t := strings.TrimRight(line[j:], " \t")
			if want[t] > 0 {
				want[t]--
				out = append(out, Comment{Pos: diag.Pos{Line: i + 1, Col: utf8.RuneCountInString(line[:j]) + 1}, Text: strings.TrimSpace(t[1:])})
				break
			}
		}
	}
	return out
}

// block is the review block among a file's comments: the indexes of its
// first and last lines (-1 when there is none), whether its last line was
// found, and the index of the ReviewOld line (-1 when none).
type block struct {
	begin, end int
	closed     bool
	old        int
}

func (b block) holds(i int) bool { return b.begin >= 0 && i >= b.begin && i <= b.end }

// reviewBlock finds the review block: from the first comment starting
// with ReviewBegin to the next starting with ReviewEnd or, when that line
// was deleted, to the end of the run of comment lines it begins. A
// ReviewEnd line left alone is a block of one line.
func reviewBlock(cs []Comment) block {
	b := block{begin: -1, end: -1, old: -1}
	for i, c := range cs {
		switch {
		case b.begin < 0 && strings.HasPrefix(c.Text, ReviewBegin):
			b.begin, b.end = i, i
		case b.begin >= 0 && !b.closed && strings.HasPrefix(c.Text, ReviewEnd):
			b.end, b.closed = i, true
		case b.begin >= 0 && !b.closed && c.Pos.Line == cs[i-1].Pos.Line+1:
			b.end = i
		case b.begin >= 0 && !b.closed:
			b.closed = true // the run of comments ended without ReviewEnd
		}
		if b.old < 0 && strings.HasPrefix(c.Text, ReviewOld) && !b.holds(i) {
			b.old = i
		}
	}
	if b.begin < 0 {
		for i, c := range cs {
			if strings.HasPrefix(c.Text, ReviewEnd) {
				b.begin, b.end, b.closed = i, i, true
				break
			}
		}
	}
	return b
}

// finder collects the diagnostics of one run of Find.
type finder struct {
	sev  diag.Severity
	year int
	out  diag.List
}

func (f *finder) add(file string, at diag.Pos, rule, msg, hint string) {
	f.out = append(f.out, &diag.Diagnostic{File: file, Pos: at, Severity: f.sev, Rule: rule, Msg: msg, Hint: hint})
}

// Find returns what is unfinished in a loaded plan p (see the package
// documentation), in file and line order, every diagnostic of severity
// sev: diag.Warning for check, diag.Error where it stops the work.
// planSrc and communeSrc are the bytes of the plan file and of its
// commune file (nil when there is none), to place comments and texts.
// The list is not capped: callers cap what they print (yamlx.MaxMessages)
// and count the whole.
func Find(p *plan.Plan, planSrc, communeSrc []byte, sev diag.Severity) diag.List {
	return findIn(p, planSrc, communeSrc, sev, func(string) *yaml.Node { return nil })
}

// FindLoaded is Find for a plan as plan.Load returned it: the files' bytes
// and comments are taken from what Load read and parsed (res.Source,
// res.Document) rather than read and parsed again.
func FindLoaded(res *plan.Result, sev diag.Severity) diag.List {
	p := res.Plan
	var csrc []byte
	if p.Commune != nil {
		csrc = res.Source(p.Commune.File)
	}
	return findIn(p, res.Source(p.File), csrc, sev, res.Document)
}

func findIn(p *plan.Plan, planSrc, communeSrc []byte, sev diag.Severity, doc func(file string) *yaml.Node) diag.List {
	f := &finder{sev: sev, year: p.Nam}
	f.comments(p.File, planSrc, doc(p.File))
	f.texts(p.File, p, p.Index, planSrc)
	f.amounts(p)
	f.empty(p.File, reflect.ValueOf(p).Elem(), "", p.Index)
	if c := p.Commune; c != nil {
		f.comments(c.File, communeSrc, doc(c.File))
		f.texts(c.File, c, c.Index, communeSrc)
		f.empty(c.File, reflect.ValueOf(c).Elem(), "", c.Index)
	}
	f.out.Sort()
	return f.out
}

// comments reports the review block, the ReviewOld line and every TODO
// comment of one file.
func (f *finder) comments(file string, src []byte, doc *yaml.Node) {
	cs := comments(src, doc)
	b := reviewBlock(cs)
	if b.begin >= 0 {
		first, last := cs[b.begin], cs[b.end]
		lines := fmt.Sprintf("dòng %d–%d", first.Pos.Line, last.Pos.Line)
		if b.begin == b.end {
			lines = fmt.Sprintf("dòng %d", first.Pos.Line)
		}
		switch {
		case !strings.HasPrefix(first.Text, ReviewBegin):
			f.add(file, first.Pos, RuleReview, fmt.Sprintf("còn dòng cuối “# %s” của khối ghi chú “%s” do kehoach new ghi", ReviewEnd, ReviewTitle), "xem lại xong thì xóa dòng này")
		case !strings.HasPrefix(last.Text, ReviewEnd):
			f.add(file, first.Pos, RuleReview, fmt.Sprintf("còn khối ghi chú “%s” do kehoach new ghi ở đầu tệp (từ dòng %d, đã mất dòng cuối “# %s”)", ReviewTitle, first.Pos.Line, ReviewEnd),
				"làm từng việc khối này nêu (tìm chữ TODO trong tệp), rồi xóa các dòng còn lại của khối")
		default:
			f.add(file, first.Pos, RuleReview, fmt.Sprintf("còn khối ghi chú “%s” do kehoach new ghi ở đầu tệp (%s)", ReviewTitle, lines),
				fmt.Sprintf("làm từng việc khối này nêu (tìm chữ TODO trong tệp), rồi xóa cả khối, từ dòng “# %s …” đến dòng “# %s”", ReviewBegin, ReviewEnd))
		}
	}
	if b.old >= 0 {
		f.add(file, cs[b.old].Pos, RuleReview, fmt.Sprintf("còn dòng “%s” do kehoach new ghi", clip(cs[b.old].Text, 90)),
			"xem lại các ghi chú cũ bên dưới dòng đó: sửa hoặc xóa cái không còn đúng, rồi xóa dòng này")
	}
	for i, c := range cs {
		if !b.holds(i) && isTodo(c.Text) {
			f.add(file, c.Pos, RuleTodo, fmt.Sprintf("còn ghi chú “%s”: việc cần làm trước khi trình ký chưa xong", clip(c.Text, 90)),
				"làm việc ghi chú nêu, rồi xóa ghi chú đó")
		}
	}
}

// todoRe is the word TODO in a text.
var todoReValue lazy.Value[*regexp.Regexp]

func todoRe() *regexp.Regexp { return todoReValue.Get(makeTodoRe) }

func makeTodoRe() *regexp.Regexp { return regexp.MustCompile(`\b` + TodoWord + `\b`) }

// texts reports the word TODO in the text fields of one file.
func (f *finder) texts(file string, v any, ix yamlx.Index, src []byte) {
	plan.WalkText(v, func(path, text string) {
		if !strings.Contains(text, TodoWord) {
			return // most texts: the regexp would try every position
		}
		m := todoRe().FindStringIndex(text)
		if m == nil {
			return
		}
		at := yamlx.Locate(src, ix.Lookup(path), text, m[0], m[1])
		f.add(file, at, RuleTodo, fmt.Sprintf("%s còn chữ %s (“%s”): chỗ đánh dấu chưa viết xong", path, TodoWord, clip(excerpt(text, m[0]), 60)),
			fmt.Sprintf("viết nội dung thật thay cho chữ %s", TodoWord))
	})
}

// amounts reports the amounts of 0 where a source is listed.
func (f *finder) amounts(p *plan.Plan) {
	ix, file := p.Index, p.File
	amount := func(path string, n plan.Number) (diag.Pos, string, bool) {
		if !n.IsZero() || n.Invalid {
			return diag.Pos{}, "", false
		}
		if !n.Set {
			return ix.Lookup(path), "chưa ghi số tiền (so_tien)", true
		}
		return ix.Lookup(path + ".so_tien"), "ghi số tiền 0 triệu đồng", true
	}
	var sources func(ns []plan.Nguon, path string)
	sources = func(ns []plan.Nguon, path string) {
		for i := range ns {
			n := &ns[i]
			p := fmt.Sprintf("%s[%d]", path, i)
			if len(n.Con) > 0 {
				sources(n.Con, p+".con")
				continue
			}
			if at, what, ok := amount(p, n.SoTien); ok {
				f.add(file, at, RuleZero, fmt.Sprintf("nguồn “%s” %s", clip(n.Ten, 60), what),
					fmt.Sprintf("nhập số tiền năm %d (triệu đồng) của nguồn này; nếu năm nay không có vốn từ nguồn đó, hãy bỏ cả mục nguồn", f.year))
			}
		}
	}
	sources(p.NguonLuc.Nguon, "nguon_luc.nguon")
	for i, w := range p.Bieu.CongTrinh {
		for j, a := range w.Von {
			path := fmt.Sprintf("bieu.cong_trinh[%d].von[%d]", i, j)
			if at, what, ok := amount(path, a.SoTien); ok {
				f.add(file, at, RuleZero, fmt.Sprintf("Biểu 03, công trình “%s”: vốn từ nguồn “%s” %s", clip(w.Ten, 60), a.Nguon, what),
					fmt.Sprintf("nhập số tiền năm %d của công trình từ nguồn này, hoặc bỏ dòng vốn đó (bỏ cả công trình nếu năm nay không làm)", f.year))
			}
		}
	}
	for i, a := range p.Bieu.SuNghiep {
		path := fmt.Sprintf("bieu.su_nghiep[%d]", i)
		if at, what, ok := amount(path, a.SoTien); ok {
			f.add(file, at, RuleZero, fmt.Sprintf("Biểu 04, nội dung “%s”: %s", clip(a.NoiDung, 60), what),
				fmt.Sprintf("nhập kinh phí năm %d (triệu đồng), hoặc bỏ dòng này nếu năm nay không làm", f.year))
		}
	}
}

var mucType = reflect.TypeOf(plan.Muc{})

// empty reports the wording left blank under v (a plan or commune struct
// value at path): blank items of text lists (but ngoai_le, a list of
// exceptions), paragraphs with neither doan nor y, and required texts
// holding only a placeholder.
func (f *finder) empty(file string, v reflect.Value, path string, ix yamlx.Index) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			f.empty(file, v.Elem(), path, ix)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			f.empty(file, v.Index(i), index(path, i), ix)
		}
	case reflect.Struct:
		if v.Type() == mucType {
			m := v.Interface().(plan.Muc)
			if blank(m.Doan) && blank(m.Y) && len(m.YNho) == 0 {
				f.add(file, ix.Lookup(path), RuleEmpty, fmt.Sprintf("mục %s để trống: không có chữ ở doan hay y", path),
					"viết nội dung vào doan (đoạn văn) hoặc y (ý gạch đầu dòng), hoặc xóa mục này")
				return
			}
		}
		for _, k := range yamlx.Keys(v.Type()) {
			// The field's path is made only where it is used: for a
			// finding, or to go down into a pointer, list or group.
			fv := v.Field(k.Index)
			switch {
			case fv.Kind() == reflect.String:
				if k.Required && placeholder(fv.String()) {
					p := join(path, k.Name)
					f.add(file, ix.Lookup(p), RuleEmpty, fmt.Sprintf("%s mới có chỗ giữ chỗ “%s”, chưa có chữ", p, clip(strings.TrimSpace(fv.String()), 20)),
						"viết nội dung thật thay cho chỗ giữ chỗ")
				}
			case fv.Kind() == reflect.Slice && fv.Type().Elem().Kind() == reflect.String:
				if k.Name == "ngoai_le" {
					continue
				}
				for i := 0; i < fv.Len(); i++ {
					s := fv.Index(i).String()
					if !blank(s) && !placeholder(s) {
						continue
					}
					switch ip := index(join(path, k.Name), i); {
					case blank(s):
						f.add(file, ix.Lookup(ip), RuleEmpty, fmt.Sprintf("mục %s để trống", ip),
							"viết nội dung của mục, hoặc xóa dòng “- ” để trống đó")
					case placeholder(s):
						f.add(file, ix.Lookup(ip), RuleEmpty, fmt.Sprintf("mục %s mới có chỗ giữ chỗ “%s”, chưa có chữ", ip, clip(strings.TrimSpace(s), 20)),
							"viết nội dung thật thay cho chỗ giữ chỗ, hoặc xóa mục")
					}
				}
			default:
				switch fv.Kind() {
				case reflect.Pointer, reflect.Slice, reflect.Struct: // the kinds empty looks into
					f.empty(file, fv, join(path, k.Name), ix)
				}
			}
		}
	}
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

// index is fmt.Sprintf("%s[%d]", path, i), the path of a list's item i.
func index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// placeholder reports whether s holds only the marks that stand for text
// still to write: dots, ellipses, underscores, dashes, question marks,
// asterisks.
func placeholder(s string) bool {
	t := strings.TrimSpace(s)
	return t != "" && strings.Trim(t, ".…_-–—?* \t\n") == ""
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// excerpt is the text from a little before byte offset at, on one line.
func excerpt(text string, at int) string {
	start := max(0, at-30)
	for start > 0 && !utf8.RuneStart(text[start]) {
		start--
	}
	s := strings.Join(strings.Fields(text[start:]), " ")
	if start > 0 {
		s = "…" + s
	}
	return s
}

// clip shortens s to at most n runes, ending it with "…" when cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
