// Package yamlx keeps YAML behind one small door: it parses plan and profile
// files with go.yaml.in/yaml/v4 and decodes them strictly into Go structs,
// collecting every problem at once with its line and column, in Vietnamese,
// as a diag.List.
//
// Struct fields are matched by their `yaml:"name"` tag. The tag option
// ",required" makes a field mandatory (absent or empty is an error). A field
// of type diag.Pos receives the position of its enclosing mapping. Types that
// implement ScalarDecoder parse their own scalar text (dates, amounts).
//
// Anchors, aliases and merge keys are refused: a plan is plain data, and
// refusing them closes the alias-bomb door.
package yamlx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"kehoach/internal/diag"
	"kehoach/internal/nfc"

	yaml "go.yaml.in/yaml/v4"
)

// Limits on input, documented in the README.
const (
	MaxFileBytes = 4 << 20 // 4 MiB per file
	MaxDepth     = 32      // nesting of mappings and lists
	MaxNodes     = 200000  // YAML nodes per file
	MaxScalar    = 64 << 10
	MaxItems     = 10000 // elements of one list
	// MaxMessages is the number of problems reported per file; the rest
	// are counted in one last message.
	MaxMessages = 50
)

// dense returns the position where a rough count of the nodes the parser
// would build passes MaxNodes, so that such a file is refused before the
// YAML parser allocates hundreds of megabytes for it; ok is false then.
// The count is lines + commas + opening brackets, with nothing skipped
// (a quote or a comment cannot hide a flow list from it): a file it
// accepts has at most about 2 × MaxNodes nodes, which the exact check
// after parsing then bounds. Prose commas count too, but a real plan is
// far below the limit (Mường Khoa 2025 counts about 1.600).
func dense(data []byte) (line, col int, ok bool) {
	// The count is the same in any order: when the whole file is within
	// the limit (every real plan), four byte counts say so; the loop
	// below only finds where an over-dense file passes it.
	total := 0
	for _, c := range []byte("\n,[{") {
		total += bytes.Count(data, []byte{c})
	}
	if total <= MaxNodes {
		return 0, 0, true
	}
	count, line, lineStart := 0, 1, 0
	for i, c := range data {
		switch c {
		case '\n', ',', '[', '{':
			count++
		default:
			continue
		}
		if count > MaxNodes {
			return line, max(1, i-lineStart+1), false
		}
		if c == '\n' {
			line, lineStart = line+1, i+1
		}
	}
	return 0, 0, true
}

// ScalarDecoder is implemented by types that parse their own scalar text.
// The returned error's message is shown to the user as is (Vietnamese).
type ScalarDecoder interface {
	DecodeScalar(text string, quoted bool) error
}

// Index maps a field path ("can_cu[2].ngay") to the position of its value.
type Index map[string]diag.Pos

// Lookup returns the position recorded for path, or for its nearest
// recorded ancestor.
func (ix Index) Lookup(path string) diag.Pos {
	for {
		if p, ok := ix[path]; ok {
			return p
		}
		i := strings.LastIndexAny(path, ".[")
		if i <= 0 {
			return ix[""]
		}
		path = path[:i]
	}
}

// KeyPos returns the position of the key of path ("tieu_chi.danh_gia"), or
// of its value when the key was not recorded.
func (ix Index) KeyPos(path string) diag.Pos {
	if p, ok := ix[path+"#key"]; ok {
		return p
	}
	return ix.Lookup(path)
}

// Decode parses data as one YAML document and decodes it into v (a pointer
// to a struct). It returns the position index and every problem found.
// Text is normalised to Unicode NFC.
func Decode(file string, data []byte, v any) (Index, diag.List) {
	ix, _, errs := DecodeDocument(file, data, v)
	return ix, errs
}

// DecodeDocument is Decode that also returns the document node it decoded
// (see ParseDocument; nil when data does not parse), for a reader of the
// file's comments.
func DecodeDocument(file string, data []byte, v any) (Index, *yaml.Node, diag.List) {
	doc, nodes, err := parseDocument(file, data)
	// Every node and every mapping key gets an index entry: sizing the map
	// for the nodes counted while parsing saves its growing step by step.
	d := &decoder{file: file, index: make(Index, nodes+1)}
	if err != nil {
		var es diag.List
		if errors.As(err, &es) {
			return d.index, nil, es
		}
		return d.index, nil, diag.List{{File: file, Msg: err.Error()}}
	}
	d.index[""] = diag.Pos{Line: 1, Col: 1}
	d.decode(doc.Content[0], reflect.ValueOf(v).Elem(), "", 0)
	d.errs.Sort()
	return d.index, doc, d.errs.Capped(MaxMessages)
}

// Parse reads one YAML document into a node tree, refusing what a plan file
// never needs (anchors, aliases, tags, several documents) and input beyond
// the limits. An empty document is an error.
func Parse(file string, data []byte) (*yaml.Node, error) {
	doc, err := ParseDocument(file, data)
	if doc == nil {
		return nil, err
	}
	return doc.Content[0], err
}

// ParseDocument is Parse returning the document node: the root's parent,
// which holds the comments before and after it.
func ParseDocument(file string, data []byte) (*yaml.Node, error) {
	doc, _, err := parseDocument(file, data)
	return doc, err
}

// parseDocument is ParseDocument also returning how many nodes the
// document has (0 when it does not parse).
func parseDocument(file string, data []byte) (_ *yaml.Node, nodes int, err error) {
	fail := func(p diag.Pos, msg string) error { return diag.List{{File: file, Pos: p, Msg: msg}} }
	if len(data) > MaxFileBytes {
		return nil, 0, fail(diag.Pos{}, fmt.Sprintf("tệp quá lớn (%d byte, tối đa %d byte); hãy tách bớt nội dung hoặc kiểm tra lại tệp.", len(data), MaxFileBytes))
	}
	if err := encodingProblem(file, data); err != nil {
		return nil, 0, err
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, col := offsetPos(data, i)
		return nil, 0, fail(diag.Pos{Line: line, Col: col}, "tệp chứa ký tự NUL (mã 0); hãy xóa ký tự này.")
	}
	data = Normalize(data)
	if line, col, ok := dense(data); !ok {
		return nil, 0, fail(diag.Pos{Line: line, Col: col}, fmt.Sprintf("tệp có quá nhiều phần tử hoặc dòng (hơn %d); hãy chia nhỏ danh sách hoặc kiểm tra lại tệp.", MaxNodes))
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, 0, fail(diag.Pos{Line: 1, Col: 1}, "tệp trống; hãy viết nội dung kế hoạch (xem plans/muong-khoa/2025.yaml làm mẫu).")
	}
	var n yaml.Node
	var loader *yaml.Loader
	loader, err = yaml.NewLoader(bytes.NewReader(data))
	if err == nil {
		err = loader.Load(&n)
		if err == nil {
			var extra yaml.Node
			if err2 := loader.Load(&extra); err2 == nil {
				return nil, 0, fail(diag.Pos{Line: extra.Line, Col: extra.Column}, "tệp có nhiều tài liệu YAML (ngăn cách bởi “---”); mỗi tệp chỉ chứa một kế hoạch, hãy tách hoặc xóa phần thừa.")
			} else if !errors.Is(err2, io.EOF) {
				err = err2
			}
		}
	}
	if err != nil {
		var le *yaml.LoadError
		if errors.As(err, &le) {
			if p, ok := tabIndent(data, le.Mark.Line); ok {
				return nil, 0, fail(p, tabMessage)
			}
			return nil, 0, fail(diag.Pos{Line: le.Mark.Line, Col: le.Mark.Column}, syntaxMessage(le.Message, le.ContextMsg))
		}
		return nil, 0, fail(diag.Pos{}, syntaxMessage(strings.TrimPrefix(err.Error(), "yaml: "), ""))
	}
	if n.Kind == 0 || len(n.Content) == 0 || (n.Content[0].Kind == yaml.ScalarNode && n.Content[0].Tag == "!!null") {
		return nil, 0, fail(diag.Pos{Line: 1, Col: 1}, "tệp trống (chỉ có ghi chú); hãy viết nội dung kế hoạch (xem plans/muong-khoa/2025.yaml làm mẫu).")
	}
	root := n.Content[0]
	count := 0
	var es diag.List
	var walk func(x *yaml.Node, depth int) bool
	walk = func(x *yaml.Node, depth int) bool {
		count++
		p := diag.Pos{Line: x.Line, Col: x.Column}
		switch {
		case count > MaxNodes:
			es = append(es, &diag.Diagnostic{File: file, Pos: p, Msg: fmt.Sprintf("tệp có quá nhiều phần tử (hơn %d); hãy chia nhỏ danh sách.", MaxNodes)})
			return false
		case depth > MaxDepth:
			es = append(es, &diag.Diagnostic{File: file, Pos: p, Msg: fmt.Sprintf("cấu trúc lồng nhau quá sâu (hơn %d cấp); hãy kiểm tra lại thụt lề.", MaxDepth)})
			return false
		case x.Kind == yaml.AliasNode || x.Anchor != "":
			es = append(es, &diag.Diagnostic{File: file, Pos: p, Msg: "không dùng anchor (&) hay alias (*) trong tệp kế hoạch; hãy viết đầy đủ giá trị."})
			return false
		case x.Style&yaml.TaggedStyle != 0:
			// An explicit tag (!!null 2025, !!binary …, !python/…) changes
			// what a visible value means; a plan never needs one.
			es = append(es, &diag.Diagnostic{File: file, Pos: p, Msg: fmt.Sprintf("không dùng thẻ kiểu YAML “%s” trong tệp kế hoạch (thẻ làm thay đổi nghĩa của giá trị); hãy xóa “%s ” và ghi giá trị như bình thường.", clip(x.Tag), clip(x.Tag))})
			return true
		case x.Kind == yaml.SequenceNode && len(x.Content) > MaxItems:
			es = append(es, &diag.Diagnostic{File: file, Pos: p, Msg: fmt.Sprintf("danh sách có %d phần tử (tối đa %d); hãy kiểm tra lại tệp.", len(x.Content), MaxItems)})
			return false
		case x.Kind == yaml.ScalarNode && len(x.Value) > MaxScalar:
			es = append(es, &diag.Diagnostic{File: file, Pos: p, Msg: fmt.Sprintf("giá trị quá dài (%d byte, tối đa %d); hãy rút gọn đoạn văn.", len(x.Value), MaxScalar)})
			return true
		}
		for _, c := range x.Content {
			if !walk(c, depth+1) {
				return false
			}
		}
		return true
	}
	walk(root, 1)
	if len(es) > 0 {
		return nil, 0, es
	}
	return &n, count, nil
}

// Normalize returns data as the YAML parser should see it: without a UTF-8
// byte-order mark and with CRLF line ends turned into LF. go.yaml.in/yaml/v4
// attaches comments differently when lines end in CRLF (yaml/go-yaml#182):
// a comment above an item becomes the foot of the item before. Every line
// and column stays where it was (the CR is the last byte of its line).
func Normalize(data []byte) []byte {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if bytes.IndexByte(data, '\r') < 0 {
		return data
	}
	return bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
}

func offsetPos(data []byte, off int) (line, col int) {
	line = 1 + bytes.Count(data[:off], []byte("\n"))
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	col = 1 + utf8.RuneCount(data[start:off])
	return
}

// tabMessage is the advice for a line indented with a TAB, which YAML
// forbids (Notepad inserts one at the Tab key).
const tabMessage = "lỗi cú pháp YAML: dòng này thụt lề bằng ký tự Tab; tệp kế hoạch chỉ thụt lề bằng dấu cách: hãy xóa Tab rồi gõ dấu cách cho thẳng cột với các dòng cùng cấp (mỗi cấp hai dấu cách; Notepad chèn ký tự Tab khi bấm phím Tab)."

// tabIndent finds a TAB in the indentation of the line of a syntax error
// or of the line above (where the parser often notices it), and gives its
// position.
func tabIndent(data []byte, line int) (diag.Pos, bool) {
	lines := bytes.Split(data, []byte("\n"))
	for _, l := range []int{line, line - 1} {
		if l < 1 || l > len(lines) {
			continue
		}
		text := lines[l-1]
		for i, b := range text {
			if b == '\t' {
				return diag.Pos{Line: l, Col: i + 1}, true
			}
			if b != ' ' {
				break
			}
		}
	}
	return diag.Pos{}, false
}

// syntaxMessage turns a libyaml message into Vietnamese advice.
func syntaxMessage(msg, ctx string) string {
	switch {
	case strings.Contains(msg, "tab character"), strings.Contains(msg, "cannot start any token") && strings.Contains(ctx, "next token"):
		return tabMessage
	case strings.Contains(msg, "found character that cannot start any token"):
		return "lỗi cú pháp YAML: ký tự không được phép ở đây (Tab, @ hoặc `); hãy dùng dấu cách hoặc đặt giá trị trong ngoặc kép."
	case strings.Contains(msg, "mapping values are not allowed"):
		return "lỗi cú pháp YAML: có dấu hai chấm (:) không đúng chỗ; nếu nội dung có dấu “: ”, hãy đặt cả giá trị trong ngoặc kép; cũng có thể do dòng này hoặc dòng trên thụt lề lệch, hay thiếu dấu hai chấm sau tên khóa."
	case strings.Contains(msg, "did not find expected comment or line break"):
		return "lỗi cú pháp YAML: có chữ thừa sau giá trị (thường do ngoặc kép chưa đóng hoặc đặt giữa chừng); hãy kiểm tra ngoặc kép trên dòng này."
	case strings.Contains(msg, "did not find expected key"), strings.Contains(msg, "could not find expected ':'"):
		return "lỗi cú pháp YAML: thụt lề không khớp hoặc thiếu dấu hai chấm sau tên khóa; hãy kiểm tra thụt lề của dòng này so với các dòng trên."
	case strings.Contains(msg, "did not find expected ',' or ']'"):
		return "lỗi cú pháp YAML: danh sách trong ngoặc vuông chưa đóng; hãy thêm dấu “]” hoặc dấu phẩy giữa các phần tử."
	case strings.Contains(msg, "did not find expected ',' or '}'"):
		return "lỗi cú pháp YAML: ngoặc nhọn chưa đóng; hãy thêm dấu “}”."
	case strings.Contains(msg, "unexpected end of stream") && strings.Contains(ctx, "quoted scalar"):
		return "lỗi cú pháp YAML: chuỗi trong ngoặc kép chưa được đóng; hãy thêm dấu ngoặc kép đóng."
	case strings.Contains(msg, "did not find expected '-' indicator"), strings.Contains(msg, "did not find expected <document start>"):
		return "lỗi cú pháp YAML: thụt lề của danh sách không khớp; các dòng “- ” cùng cấp phải thẳng cột."
	case strings.Contains(msg, "control characters are not allowed"):
		return "tệp chứa ký tự điều khiển không được phép; hãy xóa ký tự này."
	}
	// The message first, then what libyaml was reading ("while scanning a
	// tag").
	for _, m := range []string{msg, ctx} {
		for _, t := range syntaxMessages {
			if m != "" && strings.Contains(m, t.libyaml) {
				return "lỗi cú pháp YAML: " + t.vi
			}
		}
	}
	// Never libyaml's English (F-21): what it says is in the position.
	return "lỗi cú pháp YAML ở đây; hãy kiểm tra dòng này và dòng ngay trên: thụt lề, dấu hai chấm sau tên khóa, ngoặc và ngoặc kép đã đóng chưa."
}

// syntaxMessages say in Vietnamese what libyaml's other messages mean.
var syntaxMessages = []struct{ libyaml, vi string }{
	{"exceeded max depth", "cấu trúc lồng nhau quá sâu (quá nhiều ngoặc [ ] { } hay cấp thụt lề lồng nhau); hãy kiểm tra lại các ngoặc và thụt lề."},
	{"invalid Unicode character escape code", "chuỗi trong ngoặc kép có mã thoát \\u… không phải một ký tự có thật (như nửa cặp thay thế \\uD800); hãy gõ thẳng ký tự, hoặc dùng ngoặc đơn ' ' nếu muốn giữ dấu \\."},
	{"surrogate area", "chuỗi trong ngoặc kép có mã thoát \\u… không phải một ký tự có thật (nửa cặp thay thế); hãy gõ thẳng ký tự, hoặc dùng ngoặc đơn ' ' nếu muốn giữ dấu \\."},
	{"found unknown escape character", "chuỗi trong ngoặc kép có dấu \\ đứng trước một chữ không phải mã thoát; hãy viết \\\\ cho một dấu \\, hoặc dùng ngoặc đơn ' '."},
	{"did not find expected hexadecimal number", "mã thoát \\x, \\u hay \\U trong ngoặc kép thiếu chữ số hệ 16; hãy viết \\\\ cho một dấu \\, hoặc dùng ngoặc đơn ' '."},
	{"invalid Unicode character", "chuỗi trong ngoặc kép có mã thoát của một ký tự không được phép; hãy gõ thẳng ký tự."},
	{"tab character", tabMessage[len("lỗi cú pháp YAML: "):]},
	{"tabs where space indentation", tabMessage[len("lỗi cú pháp YAML: "):]},
	{"mixed spaces and tabs", tabMessage[len("lỗi cú pháp YAML: "):]},
	{"block sequence entries are not allowed", "dòng “- ” không đúng chỗ (thường do thụt lề lệch, hay “- ” đứng sau tên khóa trên cùng một dòng); hãy kiểm tra thụt lề của dòng này."},
	{"mapping keys are not allowed", "tên khóa không đúng chỗ; hãy kiểm tra thụt lề, hoặc đặt giá trị có dấu “: ” trong ngoặc kép."},
	{"unexpected end of stream", "tệp kết thúc giữa chừng (một ngoặc hay ngoặc kép chưa đóng); hãy kiểm tra từ dòng này đến cuối tệp."},
	{"did not find expected node content", "thiếu giá trị ở đây (sau dấu phẩy, dấu hai chấm hay “- ”), hoặc giá trị bắt đầu bằng một ký tự không được phép; hãy viết giá trị, hoặc đặt nó trong ngoặc kép."},
	{"tag", "thẻ kiểu YAML (chữ bắt đầu bằng “!”) viết sai; tệp kế hoạch không dùng thẻ: hãy xóa nó, hoặc đặt giá trị có “!” ở đầu trong ngoặc kép."},
	{"alias", "dấu * ở đầu giá trị (alias) không được dùng; hãy đặt giá trị trong ngoặc kép."},
	{"anchor", "dấu & ở đầu giá trị (anchor) không được dùng; hãy đặt giá trị trong ngoặc kép."},
	{"alphabetic or numeric character", "sau dấu & hay * ở đầu giá trị phải là tên; tệp kế hoạch không dùng chúng: hãy đặt giá trị trong ngoặc kép."},
	{"comment without preceding whitespace", "dấu # mở đầu ghi chú phải có dấu cách đứng trước; hãy thêm dấu cách, hoặc đặt giá trị có # trong ngoặc kép."},
	{"document indicator", "dòng “---” hay “...” chỉ dùng để ngăn cách các tài liệu YAML; mỗi tệp một kế hoạch: hãy xóa dòng đó."},
	{"document-end marker", "có nội dung sau dòng “...” (kết thúc tài liệu YAML); hãy xóa dòng “...”."},
	{"directive", "dòng bắt đầu bằng % (chỉ thị YAML) không được dùng; hãy xóa dòng đó, hoặc đặt giá trị có % ở đầu trong ngoặc kép."},
	{"incompatible YAML document", "chỉ thị %YAML ghi phiên bản YAML không đọc được; hãy xóa dòng %YAML."},
	{"indentation indicator", "dấu | hay > của khối chữ viết sai (sau nó chỉ được ghi - hoặc + và một chữ số từ 1 đến 9); hãy kiểm tra dòng này."},
	{"block scalar", "khối chữ (sau dấu | hay >) viết sai: dòng đầu chỉ có | hoặc > (có thể kèm - hay +), nội dung ở các dòng dưới, thụt vào hơn tên khóa; hãy kiểm tra dòng này."},
	{"whitespace", "thiếu dấu cách sau ký hiệu (sau “-”, “:”, “|” hay “>”); hãy thêm một dấu cách."},
	{"UTF-8", "ở đây có byte không hợp lệ trong bảng mã UTF-8; hãy gõ lại ký tự ở chỗ này và lưu tệp bằng bảng mã UTF-8."},
	{"indentation", "thụt lề của dòng này khác các dòng trên; hãy thụt lề bằng dấu cách cho thẳng cột với các dòng cùng cấp."},
	{"simple key", "tên khóa quá dài hoặc xuống dòng giữa chừng; hãy viết tên khóa và dấu hai chấm trên cùng một dòng."},
}

type decoder struct {
	file  string
	index Index
	errs  diag.List
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	d.errs = append(d.errs, &diag.Diagnostic{File: d.file, Pos: diag.Pos{Line: n.Line, Col: n.Column}, Msg: fmt.Sprintf(format, args...)})
}

var (
	posType     = reflect.TypeOf(diag.Pos{})
	scalarDecTy = reflect.TypeOf((*ScalarDecoder)(nil)).Elem()
)

// kindName names a YAML node kind in Vietnamese.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "một nhóm khóa: giá trị"
	case yaml.SequenceNode:
		return "một danh sách"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "để trống"
		}
		return fmt.Sprintf("giá trị %q", clip(n.Value))
	}
	return "giá trị khác"
}

func clip(s string) string {
	if utf8.RuneCountInString(s) > 40 {
		r := []rune(s)
		return string(r[:40]) + "…"
	}
	return s
}

func wantName(t reflect.Type) string {
	if reflect.PointerTo(t).Implements(scalarDecTy) {
		return "một giá trị đơn"
	}
	switch t.Kind() {
	case reflect.Struct:
		return "một nhóm khóa: giá trị"
	case reflect.Slice:
		return "một danh sách (mỗi phần tử bắt đầu bằng “- ”)"
	case reflect.String:
		return "một đoạn chữ"
	case reflect.Int, reflect.Int64, reflect.Int32:
		return "một số nguyên"
	case reflect.Float64:
		return "một số"
	case reflect.Bool:
		return "có (true) hoặc không (false)"
	}
	return t.String()
}

// scalarDecoders caches, per type, whether its pointer is a ScalarDecoder
// (reflect's Implements searches the method set at every call).
var scalarDecoders sync.Map // reflect.Type -> bool

func decodesScalar(t reflect.Type) bool {
	if ok, found := scalarDecoders.Load(t); found {
		return ok.(bool)
	}
	ok := reflect.PointerTo(t).Implements(scalarDecTy)
	scalarDecoders.Store(t, ok)
	return ok
}

func (d *decoder) decode(n *yaml.Node, v reflect.Value, path string, depth int) {
	d.index[path] = diag.Pos{Line: n.Line, Col: n.Column}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" && v.Kind() != reflect.Pointer {
		return // empty: leave the zero value; required checks report it
	}
	if v.CanAddr() && decodesScalar(v.Type()) {
		if n.Kind != yaml.ScalarNode {
			d.errorf(n, "“%s” phải là %s, không phải %s.", leaf(path), wantName(v.Type()), kindName(n))
			return
		}
		if err := v.Addr().Interface().(ScalarDecoder).DecodeScalar(nfc.String(n.Value), n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0); err != nil {
			d.errorf(n, "“%s”: %s", leaf(path), err.Error())
		}
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if n.Tag == "!!null" {
			return
		}
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		d.decode(n, v.Elem(), path, depth)
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			d.errorf(n, "“%s” phải là %s, không phải %s.", leafOr(path, "tệp"), wantName(v.Type()), kindName(n))
			return
		}
		d.decodeStruct(n, v, path, depth)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			// A single scalar where a list of scalars is wanted is a common
			// slip: accept it as a one-element list.
			if n.Kind == yaml.ScalarNode && v.Type().Elem().Kind() == reflect.String {
				v.Set(reflect.Append(reflect.MakeSlice(v.Type(), 0, 1), reflect.ValueOf(nfc.String(n.Value)).Convert(v.Type().Elem())))
				return
			}
			d.errorf(n, "“%s” phải là %s, không phải %s.", leaf(path), wantName(v.Type()), kindName(n))
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, c := range n.Content {
			d.decode(c, s.Index(i), path+"["+strconv.Itoa(i)+"]", depth+1)
		}
		v.Set(s)
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			d.errorf(n, "“%s” phải là %s, không phải %s.", leaf(path), wantName(v.Type()), kindName(n))
			return
		}
		v.SetString(nfc.String(n.Value))
	case reflect.Int, reflect.Int64, reflect.Int32:
		if n.Kind != yaml.ScalarNode {
			d.errorf(n, "“%s” phải là %s, không phải %s.", leaf(path), wantName(v.Type()), kindName(n))
			return
		}
		i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 10, 64)
		if err != nil || v.OverflowInt(i) {
			if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange || err == nil {
				d.errorf(n, "“%s”: số %s quá lớn; hãy kiểm tra lại.", leaf(path), clip(n.Value))
			} else {
				d.errorf(n, "“%s” phải là một số nguyên, không phải %q.", leaf(path), clip(n.Value))
			}
			return
		}
		v.SetInt(i)
	case reflect.Float64:
		if n.Kind != yaml.ScalarNode {
			d.errorf(n, "“%s” phải là %s, không phải %s.", leaf(path), wantName(v.Type()), kindName(n))
			return
		}
		f, err := strconv.ParseFloat(n.Value, 64)
		if err != nil {
			d.errorf(n, "“%s” phải là một số (dấu chấm thập phân, ví dụ 1.5), không phải %q.", leaf(path), clip(n.Value))
			return
		}
		v.SetFloat(f)
	case reflect.Bool:
		switch strings.ToLower(n.Value) {
		case "true", "yes", "co", "có":
			v.SetBool(true)
		case "false", "no", "khong", "không":
			v.SetBool(false)
		default:
			d.errorf(n, "“%s” phải là true (có) hoặc false (không), không phải %q.", leaf(path), clip(n.Value))
		}
	default:
		d.errorf(n, "kiểu dữ liệu không hỗ trợ cho “%s”.", leaf(path))
	}
}

// Key is a field of a struct type that is a YAML key: its name, its
// field and whether it is required (`yaml:"name,required"`). Keys is the
// one place the tag is read; the loader, the formatter, the schema, the
// key reference and the text walkers all use it.
type Key struct {
	Name     string
	Index    int // the field's index in the struct
	Required bool
	Field    reflect.StructField
}

// Keys returns the YAML keys of a struct type in declaration order:
// exported fields with a `yaml` tag other than "-".
//
// The result is shared: callers must not change it.
func Keys(t reflect.Type) []Key {
	if k, ok := keysOf.Load(t); ok {
		return k.([]Key)
	}
	k, _ := keysOf.LoadOrStore(t, structKeys(t))
	return k.([]Key)
}

// keysOf caches Keys by type: the decoder asks for every struct it fills.
var keysOf sync.Map

// posFields lists the fields of the struct type t that the decoder sets to
// the position of the struct's mapping: exported, of type diag.Pos, with
// no yaml tag. Cached by type, as Keys.
func posFields(t reflect.Type) []int {
	if p, ok := posFieldsOf.Load(t); ok {
		return p.([]int)
	}
	var out []int
	for i := 0; i < t.NumField(); i++ {
		if f := t.Field(i); f.Type == posType && f.IsExported() && f.Tag.Get("yaml") == "" {
			out = append(out, i)
		}
	}
	p, _ := posFieldsOf.LoadOrStore(t, out)
	return p.([]int)
}

var posFieldsOf sync.Map

func structKeys(t reflect.Type) []Key {
	var out []Key
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("yaml")
		if tag == "" || tag == "-" || !f.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		out = append(out, Key{Name: name, Index: i, Required: strings.Contains(opts, "required"), Field: f})
	}
	return out
}

// Fields returns the YAML keys of a struct type in declaration order.
func Fields(t reflect.Type) []string {
	var out []string
	for _, k := range Keys(t) {
		out = append(out, k.Name)
	}
	return out
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, path string, depth int) {
	t := v.Type()
	fields := Keys(t)
	for _, i := range posFields(t) {
		v.Field(i).Set(reflect.ValueOf(diag.Pos{Line: n.Line, Col: n.Column}))
	}
	seen := map[string]*yaml.Node{}
	bad := map[string]bool{}  // keys whose value already has an error
	null := map[string]bool{} // keys written with no value (key:, ~, null)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		key := k.Value
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, "tên khóa phải là một từ đơn, không phải %s.", kindName(k))
			continue
		}
		if key == "<<" {
			d.errorf(k, "không dùng khóa gộp “<<” trong tệp kế hoạch; hãy viết đầy đủ các khóa.")
			continue
		}
		if prev, dup := seen[key]; dup {
			d.errorf(k, "khóa “%s” bị lặp lại (đã có ở dòng %d); hãy xóa một trong hai.", key, prev.Line)
			continue
		}
		seen[key] = k
		var fi *Key
		for j := range fields {
			if fields[j].Name == key {
				fi = &fields[j]
				break
			}
		}
		p := join(path, key)
		if fi == nil {
			names := make([]string, len(fields))
			for j, f := range fields {
				names[j] = f.Name
			}
			msg := fmt.Sprintf("khóa “%s” không có trong %s", clip(key), where(path))
			if s := Suggest(key, names); s != "" {
				msg += fmt.Sprintf("; có phải ý bạn là “%s”?", s)
			} else {
				msg += "; các khóa được phép: " + strings.Join(names, ", ") + "."
			}
			d.errs = append(d.errs, &diag.Diagnostic{File: d.file, Pos: diag.Pos{Line: k.Line, Col: k.Column}, Msg: msg})
			continue
		}
		d.index[p+"#key"] = diag.Pos{Line: k.Line, Col: k.Column}
		if val.Kind == yaml.ScalarNode && val.Tag == "!!null" {
			null[key] = true
		}
		before := len(d.errs)
		d.decode(val, v.Field(fi.Index), p, depth+1)
		if len(d.errs) > before {
			bad[key] = true
		}
	}
	for _, f := range fields {
		if !f.Required {
			continue
		}
		k, ok := seen[f.Name]
		fv := v.Field(f.Index)
		switch {
		case !ok:
			at := diag.Pos{Line: n.Line, Col: n.Column}
			if kp, ok := d.index[path+"#key"]; ok {
				at = kp // point at the key that owns the incomplete group
			}
			d.errs = append(d.errs, &diag.Diagnostic{File: d.file, Pos: at, Msg: fmt.Sprintf("thiếu khóa bắt buộc “%s” trong %s; hãy thêm “%s: …”.", f.Name, where(path), f.Name)})
		case bad[f.Name]:
		case fv.Kind() == reflect.Struct && (null[f.Name] || isZeroGroup(fv)):
			// An empty group: its own required keys are missing too.
			var req []string
			for _, sf := range Keys(fv.Type()) {
				if sf.Required {
					req = append(req, sf.Name)
				}
			}
			msg := fmt.Sprintf("nhóm “%s” để trống; hãy điền các khóa của nhóm", f.Name)
			if len(req) > 0 {
				msg += " (bắt buộc: " + strings.Join(req, ", ") + ")"
			}
			d.errorf(k, "%s.", msg)
		case null[f.Name] || isEmpty(fv) || (isInt(fv) && fv.Int() == 0):
			d.errorf(k, "“%s” không được để trống; hãy điền nội dung.", f.Name)
		}
	}
}

func isInt(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Int, reflect.Int64, reflect.Int32:
		return true
	}
	return false
}

// isZeroGroup reports whether a struct got nothing from the file: every
// field but its positions is zero.
func isZeroGroup(v reflect.Value) bool {
	for i := 0; i < v.NumField(); i++ {
		if v.Type().Field(i).Type == posType || !v.Type().Field(i).IsExported() {
			continue
		}
		if !v.Field(i).IsZero() {
			return false
		}
	}
	return true
}

func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.String:
		return strings.TrimSpace(v.String()) == ""
	case reflect.Slice, reflect.Map:
		return v.Len() == 0
	case reflect.Pointer, reflect.Interface:
		return v.IsNil()
	}
	return false
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func leaf(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[i+1:]
	}
	return path
}

func leafOr(path, def string) string {
	if path == "" {
		return def
	}
	return leaf(path)
}

func where(path string) string {
	if path == "" {
		return "cấp ngoài cùng của tệp"
	}
	return "mục “" + path + "”"
}

// Suggest returns the candidate closest to s by edit distance, if it is close
// enough to be a likely typo, else "".
func Suggest(s string, candidates []string) string {
	best, bestD := "", 1<<30
	for _, c := range candidates {
		if dd := Distance(strings.ToLower(s), c); dd < bestD {
			best, bestD = c, dd
		}
	}
	limit := 2
	if len(s) > 8 {
		limit = 3
	}
	if bestD <= limit || (best != "" && (strings.HasPrefix(best, s) || strings.HasPrefix(s, best)) && len(s) >= 3) {
		return best
	}
	return ""
}

// Distance is the edit distance of two strings, counted in runes.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
