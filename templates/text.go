package templates

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"text/template"

	"kehoach/internal/lazy"
)

// An Error is a wording template that is broken or does not fit the
// program: the file (and line, when known) and what is wrong, in
// Vietnamese, with how to fix it.
type Error struct {
	Path string // as Path names it
	Line int    // 0 when not known
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return e.Path + ":" + strconv.Itoa(e.Line) + ": " + e.Msg
	}
	return e.Path + ": " + e.Msg
}

// IsError reports whether err is, or wraps, a template Error.
func IsError(err error) bool {
	var e *Error
	return errors.As(err, &e)
}

// Text returns the text template of the wording file name (ke-hoach.tmpl,
// bieu.tmpl) of the source in use, parsed once per source, with
// missingkey=error. A file that does not parse gives an *Error naming the
// file and the line.
func Text(name string) (*template.Template, error) {
	return Parsed(name, func(path string, data []byte) (*template.Template, error) {
		t, err := template.New(name).Option("missingkey=error").Parse(string(data))
		if err != nil {
			return nil, parseError(name, path, err)
		}
		return t, nil
	})
}

// Execute renders the block (a {{define "block"}}) of t, the template of
// the wording file name (Text). An error is an *Error naming the file, the
// block and, when known, the line.
func Execute(t *template.Template, name, block string, data any) (string, error) {
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, block, data); err != nil {
		return "", execError(name, block, err)
	}
	return b.String(), nil
}

var (
	// template: ke-hoach.tmpl:12: unexpected EOF
	parseRE = lazy.MustCompile(`^template: [^:]*:(\d+): (.*)$`)
	// template: ke-hoach.tmpl:33:40: executing "ket-luan" at <.CoQuan2>: map has no entry for key "CoQuan2"
	execRE = lazy.MustCompile(`^template: [^:]*:(\d+):\d+: executing "[^"]*" at <([^>]*)>: (.*)$`)
	// template: no template "ket-luan" associated with template "ke-hoach.tmpl"
	noBlockRE = lazy.MustCompile(`^template: no template "([^"]*)" associated`)
	funcRE    = lazy.MustCompile(`function "([^"]*)" not defined`)
	charRE    = lazy.MustCompile(`unexpected "(.)" in|bad character U\+[0-9A-F]+ '(.)'`)
)

// fixHint is how to fix a broken wording file: edit it, or, when it is a
// copy on disk, remove it to go back to the embedded one.
func fixHint(name string) string {
	if current.Load().fromDisk(name) {
		return "hãy sửa lại theo bản gốc trong kho mã, hoặc xóa tệp này để dùng bản có sẵn trong chương trình"
	}
	return "đây là lỗi của chương trình, hãy báo lỗi"
}

func parseError(name, path string, err error) error {
	e := &Error{Path: path}
	detail := err.Error()
	if m := parseRE.Get().FindStringSubmatch(detail); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		detail = m[2]
	}
	var what string
	switch {
	case strings.Contains(detail, "unexpected <define>"):
		what = "một khối {{define}} bắt đầu khi khối trước chưa đóng bằng {{end}}"
	case strings.Contains(detail, "unexpected EOF"):
		what = "tệp hết mà một khối {{define}}, {{if}} hay {{range}} chưa đóng bằng {{end}}"
	case strings.Contains(detail, "unclosed action"):
		what = "một lệnh mẫu mở bằng {{ mà không có }} đóng"
	case strings.Contains(detail, "unexpected {{end}}"):
		what = "thừa một {{end}} (không có khối nào đang mở)"
	case funcRE.Get().MatchString(detail):
		what = fmt.Sprintf("không có hàm “%s” trong lệnh mẫu", funcRE.Get().FindStringSubmatch(detail)[1])
	case charRE.Get().MatchString(detail):
		m := charRE.Get().FindStringSubmatch(detail)
		what = fmt.Sprintf("ký tự “%s” không đúng chỗ trong một lệnh mẫu {{ … }}", m[1]+m[2])
	case strings.Contains(detail, "unterminated quoted string"):
		what = "một chuỗi mở bằng dấu \" mà không có dấu \" đóng"
	case strings.Contains(detail, "unclosed comment"):
		what = "một ghi chú {{/* không có */}} đóng"
	default:
		what = "một lệnh mẫu {{ … }} viết sai (" + detail + ")"
	}
	e.Msg = "mẫu câu chữ viết sai: " + what + "; " + fixHint(name) + "."
	return e
}

func execError(name, block string, err error) error {
	e := &Error{Path: Path(name)}
	detail := err.Error()
	switch m := execRE.Get().FindStringSubmatch(detail); {
	case noBlockRE.Get().MatchString(detail):
		e.Msg = fmt.Sprintf("không có khối “%s” mà chương trình cần (tệp có thể cũ hơn chương trình); hãy thêm khối {{define \"%s\"}}…{{end}} như bản gốc trong kho mã, hoặc xóa tệp này để dùng bản có sẵn trong chương trình.", block, block)
		if !current.Load().fromDisk(name) {
			e.Msg = fmt.Sprintf("không có khối “%s” mà chương trình cần; đây là lỗi của chương trình, hãy báo lỗi.", block)
		}
	case m != nil:
		e.Line, _ = strconv.Atoi(m[1])
		e.Msg = fmt.Sprintf("khối “%s” dùng giá trị “%s” mà chương trình không có cho khối này; %s.", block, m[2], fixHint(name))
	default:
		e.Msg = fmt.Sprintf("khối “%s” không dùng được (%s); %s.", block, detail, fixHint(name))
	}
	return e
}
