package plan

import (
	"errors"
	"fmt"
	"io/fs"
	"reflect"
	"strconv"

	"kehoach/internal/diag"
	"kehoach/internal/oserr"
	"kehoach/internal/programme"
	"kehoach/internal/safefile"
	"kehoach/internal/yamlx"

	"go.yaml.in/yaml/v4"
)

// Result is a loaded, validated plan with its problems. The profile of the
// document (the commune's trinh_bay applied to templates/nd30.yaml) and
// the glyphs of the font are checked by the caller that renders (package
// build), which adds its problems with AddErrors.
type Result struct {
	Plan     *Plan
	Errors   diag.List // the plan cannot be built
	Warnings diag.List // the plan builds, but a văn thư should look
	all      diag.List // Errors before capping
	src      map[string][]byte
	docs     map[string]*yaml.Node // the YAML documents of src (Document)
}

// Source returns the bytes read for file (the plan or its commune file),
// nil for another file: a later check places a problem inside a text with
// yamlx.Locate.
func (r *Result) Source(file string) []byte { return r.src[file] }

// Document is the YAML document node Load parsed from file (the plan's or
// its commune's), comments included; nil for any other file or one that
// did not parse. It must not be changed.
func (r *Result) Document(file string) *yaml.Node { return r.docs[file] }

// OK reports whether the plan has no errors.
func (r *Result) OK() bool { return len(r.Errors) == 0 }

// IOError is a problem reading files (exit status 2), as opposed to an
// invalid plan (exit status 1).
type IOError struct{ Err error }

func (e *IOError) Error() string { return e.Err.Error() }
func (e *IOError) Unwrap() error { return e.Err }

// Load reads the plan file at path, its commune file and criteria set, and
// validates everything, returning all problems at once. The returned error
// is non-nil only for I/O problems (a missing file); validation problems are
// in Result.Errors.
//
// Files are read with ReadFile: a plan over the size limit is an error of
// the plan (as yamlx says it), a device, FIFO or symlink out of the
// repository an I/O problem.
func Load(path string) (*Result, error) {
	data, err := ReadFile(path)
	var se *safefile.Error
	switch {
	case errors.As(err, &se) && se.Kind == safefile.TooLarge:
		return &Result{Plan: &Plan{File: path}, Errors: diag.List{{File: path, Msg: se.Error()}}}, nil
	case err != nil:
		return nil, &IOError{fmt.Errorf("%s: không đọc được tệp kế hoạch: %w", path, localErr(err))}
	}
	return LoadBytes(path, data, ReadFile)
}

// ReadFile reads a plan, commune file or provincial criteria set from disk:
// at most yamlx.MaxFileBytes, a regular file, never through a symlink out
// of the repository (safefile). Every command reads these files with it.
func ReadFile(path string) ([]byte, error) { return safefile.ReadFile(path, yamlx.MaxFileBytes) }

// localErr shortens OS errors to their Vietnamese gist.
func localErr(err error) error {
	var se *safefile.Error
	switch {
	case errors.As(err, &se):
		return se
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("tệp không tồn tại")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("không có quyền đọc")
	}
	return oserr.Error(err)
}

// LoadBytes is Load for a plan whose bytes are already read; readFile reads
// the commune file (tests and `kehoach diff` pass git contents here).
func LoadBytes(path string, data []byte, readFile func(string) ([]byte, error)) (*Result, error) {
	res := &Result{Plan: &Plan{}}
	p := res.Plan
	if e := NameProblem(path, false); e != nil {
		p.File = path
		res.Errors = append(res.Errors, e)
		return res, nil
	}
	ix, doc, errs := yamlx.DecodeDocument(path, data, p)
	res.Errors = append(res.Errors, errs...)
	res.src = map[string][]byte{path: data}
	res.docs = map[string]*yaml.Node{path: doc}
	p.File, p.Index = path, ix
	if p.Pos.IsZero() {
		// The file did not parse into a mapping: nothing else can be checked.
		if len(errs) == 0 {
			res.Errors = append(res.Errors, &diag.Diagnostic{File: path, Pos: diag.Pos{Line: 1, Col: 1}, Msg: "tệp không có nội dung kế hoạch; hãy viết các khóa xa, nam, van_ban, … (xem plans/muong-khoa/2025.yaml làm mẫu)."})
		}
		return res, nil
	}

	// The commune file.
	if p.Xa != "" {
		cpath, ok := CommunePath(path, p.Xa)
		if !ok && isAbsolute(p.Xa) {
			res.Errors = append(res.Errors, &diag.Diagnostic{File: path, Pos: ix.Lookup("xa"), Msg: fmt.Sprintf("tệp xã “%s” là đường dẫn tuyệt đối (từ ổ đĩa hay máy khác), trên máy khác sẽ không tìm thấy; hãy ghi đường dẫn tương đối từ thư mục của kế hoạch tới một tệp .yaml, thường là xa.yaml cùng thư mục (hoặc ví dụ ../chung/xa.yaml).", p.Xa)})
		} else if !ok {
			res.Errors = append(res.Errors, &diag.Diagnostic{File: path, Pos: ix.Lookup("xa"), Msg: fmt.Sprintf("tệp xã “%s” không hợp lệ; hãy ghi đường dẫn tương đối tới một tệp .yaml, thường là xa.yaml cùng thư mục.", p.Xa)})
		} else if cdata, err := readFile(cpath); err != nil {
			var se *safefile.Error
			if errors.As(err, &se) {
				res.Errors = append(res.Errors, &diag.Diagnostic{File: path, Pos: ix.Lookup("xa"), Msg: fmt.Sprintf("không đọc được tệp xã “%s”: %v", p.Xa, se)})
			} else {
				res.Errors = append(res.Errors, &diag.Diagnostic{File: path, Pos: ix.Lookup("xa"), Msg: fmt.Sprintf("không đọc được tệp xã “%s” (%v%s); hãy kiểm tra tên tệp trong khóa xa.", p.Xa, localErr(err), nearName(cpath, err))})
			}
		} else {
			c := &Commune{}
			cix, cdoc, cerrs := yamlx.DecodeDocument(cpath, cdata, c)
			c.File, c.Index = cpath, cix
			res.src[cpath] = cdata
			res.docs[cpath] = cdoc
			res.Errors = append(res.Errors, cerrs...)
			p.Commune = c
			validateCommune(c, cix, res)
		}
	}

	// The programme period, the criteria sets and the legal bases.
	resolvePeriod(p, res, readFile)

	validate(p, data, res)
	res.all = res.Errors
	res.AddErrors(nil)
	res.Warnings.Sort()
	res.Warnings = res.Warnings.Capped(yamlx.MaxMessages)
	return res, nil
}

// AddErrors adds problems found after loading (the profile, the glyphs of
// the chosen font) to the plan's errors, sorted and capped with them as if
// Load had found them.
func (r *Result) AddErrors(es diag.List) {
	if r.all == nil {
		r.all = r.Errors
	}
	r.all = append(r.all, es...)
	r.all.Sort()
	r.Errors = r.all.Capped(yamlx.MaxMessages)
}

// CriteriaSets lists the ids of the criteria sets in templates/tieu-chi.
func CriteriaSets() []string { return programme.CriteriaSetIDs() }

// WalkText calls fn for every string field of v (a pointer to a plan or
// commune struct), with its YAML path, in document order.
func WalkText(v any, fn func(path, text string)) {
	w := textWalker{fn: fn, path: make([]byte, 0, 64)}
	w.walk(reflect.ValueOf(v))
}

// A textWalker builds each field's YAML path in one buffer, and makes a
// string of it only for the fields it calls fn for (the non-empty
// strings): most fields of a plan are numbers, lists or empty.
type textWalker struct {
	fn   func(path, text string)
	path []byte
}

func (w *textWalker) walk(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			w.walk(v.Elem())
		}
	case reflect.Struct:
		t := v.Type()
		n := len(w.path)
		for _, k := range yamlx.Keys(t) {
			if n > 0 {
				w.path = append(w.path, '.')
			}
			w.path = append(w.path, k.Name...)
			w.walk(v.Field(k.Index))
			w.path = w.path[:n]
		}
	case reflect.Slice:
		n := len(w.path)
		for i := 0; i < v.Len(); i++ {
			w.path = append(w.path, '[')
			w.path = strconv.AppendInt(w.path, int64(i), 10)
			w.path = append(w.path, ']')
			w.walk(v.Index(i))
			w.path = w.path[:n]
		}
	case reflect.String:
		if v.String() != "" {
			w.fn(string(w.path), v.String())
		}
	}
}
