// Package issue gives a signed draft plan its number and date (ban hành):
// `kehoach issue PLAN --so 125 --ngay 2025-08-05` writes van_ban.so and
// van_ban.ngay into the plan file, keeping every other comment, and writes
// the file back in canonical form (planfmt) through a temporary file.
//
// It refuses (exit status 1), saying why and how to fix it:
//   - a plan that does not validate (the validation errors are listed);
//   - a plan that already has both a number and a date (re-issuing);
//   - a plan still unfinished (package draft: TODO marks, the review
//     block of kehoach new, amounts of 0, blank wording), listing every
//     place, unless the request says AllowUnfinished; the issued plan then
//     keeps them, and Result.Unfinished lists them;
//   - a number that is not positive or above 99999;
//   - a date that is not a real date, or outside the plan year and the
//     year before it (a plan for 2025 may be issued late in 2024);
//   - a number already used in the same calendar year (year of the issue
//     date) by another plan of the same commune: every *.yaml plan in the
//     plan's own folder and, when the plan sits under a folder named
//     "plans", every plan under that folder whose commune file has the same
//     commune id (ma). Numbering restarts every year (ND30 Điều 15), so the
//     same number in another year is accepted. Plans with a number but no
//     date are not counted: they have no year yet.
//
// The whole file is written back in canonical form (as `kehoach fmt -w`
// would), through a temporary file and a rename.
//
// Comments: a line comment on the so/ngay lines that starts with "dự thảo"
// (the draft hint "# dự thảo: văn thư điền số khi ban hành") is dropped, as it
// no longer holds once issued; any other comment on those lines is kept.
package issue

import (
	"errors"
	"fmt"
	"io/fs"
	"kehoach/internal/diag"
	"kehoach/internal/draft"
	"kehoach/internal/planfmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	yaml "go.yaml.in/yaml/v4"
	"golang.org/x/text/unicode/norm"

	"kehoach/internal/fileset"
	"kehoach/internal/plan"
	"kehoach/internal/safefile"
	"kehoach/internal/vn"
	"kehoach/internal/yamlx"
)

// MaxNumber is the largest document number a plan file accepts.
const MaxNumber = 99999

// Request asks to issue one plan.
type Request struct {
	Path string    // the plan file
	So   int       // document number, 1 … MaxNumber
	Ngay time.Time // issue date (only the calendar date is used)
	// Root is the folder searched for the other plans of the commune; ""
	// means the nearest enclosing folder named "plans", else the plan's own
	// folder (see ScanRoot).
	Root string
	// Waiting, when not nil, is told once (after a second) that another
	// issue holds the lock and this one waits for it.
	Waiting func(msg string)
	// AllowUnfinished issues a plan that draft.Find still finds unfinished
	// (kehoach issue --chua-xong); otherwise such a plan is refused.
	AllowUnfinished bool
}

// Result is an issued plan.
type Result struct {
	Path       string
	So         int
	Ngay       time.Time
	Data       []byte    // the new file content, canonical, in the file's style (BOM, line ends)
	Note       string    // about the line ends when they were mixed (planfmt.Style.Note)
	NumberLine string    // "Số: 125/KH-UBND", as the document prints it
	DateLine   string    // "Mường Khoa, ngày 05 tháng 8 năm 2025"
	Warnings   diag.List // other files that could not be read for the number check, a stale lock removed
	Unfinished diag.List // with AllowUnfinished: what is unfinished in the issued plan (warnings, all of them)
}

// ParseDate reads an issue date written 2025-08-05 or 05/08/2025 (also
// 5/8/2025). The error is Vietnamese and says how to write it.
func ParseDate(s string) (time.Time, error) {
	var d plan.Date
	if strings.TrimSpace(s) == "" {
		return time.Time{}, errors.New("chưa ghi ngày ban hành; hãy ghi ví dụ --ngay 2025-08-05 hoặc --ngay 05/08/2025.")
	}
	if err := d.DecodeScalar(s, false); err != nil {
		// plan.Date's message already shows both forms.
		return time.Time{}, err
	}
	return d.Time, nil
}

// Reference is the number and symbol of a plan as printed: "125/KH-UBND".
func Reference(p *plan.Plan, so int) string {
	vt := ""
	if p.Commune != nil {
		vt = p.Commune.CoQuan.VietTat
	}
	return vn.DocNumber(so) + "/" + p.Loai() + "-" + vt
}

// Issue checks the request, writes the number and date into the plan file
// atomically and returns the result. A *diag.Refusal means the plan was left
// untouched for a reason the user can fix (exit 1); any other error is an
// I/O problem (exit 2).
//
// Issues are serialised: Issue holds the lock file LockName in the folder
// searched for used numbers (Request.Root) from before the plan is read
// until it is written, so that two issues at once (two terminals, two
// clerks on a shared folder) never both see a number unused, nor both
// issue one draft. A *LockError (exit 2) says when another issue held it
// for longer than LockWait.
func Issue(req Request) (*Result, error) {
	if req.Root == "" {
		req.Root = ScanRoot(req.Path)
	}
	l, notes, err := acquire(req.Root, req.Waiting)
	if err != nil {
		return nil, err
	}
	defer l.release()
	r, err := Prepare(req)
	if err != nil {
		return nil, err
	}
	if _, err := fileset.WriteInPlace(req.Path, r.Data); err != nil {
		return nil, err
	}
	r.Warnings = append(notes, r.Warnings...)
	return r, nil
}

// Prepare does everything Issue does except writing the file: the checks
// and the new file content. It takes no lock.
func Prepare(req Request) (*Result, error) {
	if req.So <= 0 || req.So > MaxNumber {
		return nil, diag.Refuse("số văn bản %d không hợp lệ; hãy ghi số thứ tự trong sổ đăng ký văn bản đi, từ 1 đến %d (ví dụ --so 125).", req.So, MaxNumber)
	}
	date := time.Date(req.Ngay.Year(), req.Ngay.Month(), req.Ngay.Day(), 0, 0, 0, 0, time.UTC)
	res, err := plan.Load(req.Path)
	if err != nil {
		return nil, err
	}
	if !res.OK() {
		r := &diag.Refusal{Msg: fmt.Sprintf("%s: kế hoạch còn %d lỗi nên chưa ban hành được; hãy sửa các lỗi dưới đây (kehoach check %s) rồi chạy lại.", req.Path, len(res.Errors), req.Path)}
		for _, e := range res.Errors {
			r.Details = append(r.Details, e)
		}
		return nil, r
	}
	p := res.Plan
	if !p.IsDraft() {
		return nil, diag.Refuse("%s: kế hoạch đã ban hành số %s ngày %s; không ban hành lại. Nếu số hoặc ngày ghi sai, hãy sửa trực tiếp van_ban.so và van_ban.ngay trong tệp (và trong sổ đăng ký văn bản đi).",
			req.Path, Reference(p, int(p.VanBan.So)), vn.ShortDate(p.VanBan.Ngay.Time))
	}
	if y := date.Year(); y != p.Nam && y != p.Nam-1 {
		return nil, diag.Refuse("ngày ban hành %s không hợp lệ cho kế hoạch năm %d: chỉ ban hành trong năm %d hoặc cuối năm %d; hãy kiểm tra lại năm của ngày.", vn.ShortDate(date), p.Nam, p.Nam, p.Nam-1)
	}
	src, err := plan.ReadFile(req.Path)
	if err != nil {
		return nil, &plan.IOError{Err: fmt.Errorf("%s: không đọc được tệp kế hoạch: %w", req.Path, err)}
	}
	sev := diag.Error
	if req.AllowUnfinished {
		sev = diag.Warning
	}
	unfinished := draft.FindLoaded(res, sev) // the bytes and trees Load read and parsed
	if len(unfinished) > 0 && !req.AllowUnfinished {
		return nil, &diag.Refusal{
			Msg: fmt.Sprintf("%s: kế hoạch còn %d chỗ chưa xong (ghi chú TODO, khối “%s” của kehoach new, số tiền 0, chữ để trống) nên chưa ban hành; hãy sửa các chỗ dưới đây rồi chạy lại (kehoach check %s liệt kê lại). Nếu đúng là phải ban hành văn bản như hiện có, thêm --chua-xong: văn bản ban hành sẽ mang nguyên các chỗ chưa xong đó.",
				req.Path, len(unfinished), draft.ReviewTitle, req.Path),
			Details: unfinished.Capped(yamlx.MaxMessages),
		}
	}

	out := &Result{Path: req.Path, So: req.So, Ngay: date, NumberLine: "Số: " + Reference(p, req.So)}
	diaDanh := p.Commune.DiaDanh
	if diaDanh == "" {
		diaDanh = p.Commune.Ten
	}
	out.DateLine = diaDanh + ", " + vn.LongDate(date)

	root := req.Root
	if root == "" {
		root = ScanRoot(req.Path)
	}
	others, warns := OtherDocuments(req.Path, p.Commune.Ma, root)
	out.Warnings = warns
	var clash []Document
	highest := 0
	for _, o := range others {
		if o.Ngay.IsZero() || o.Ngay.Year() != date.Year() {
			continue
		}
		highest = max(highest, o.So)
		if o.So == req.So {
			clash = append(clash, o)
		}
	}
	if len(clash) > 0 {
		var names []string
		for _, c := range clash {
			names = append(names, fmt.Sprintf("%s (số %s ngày %s)", c.File, vn.DocNumber(c.So)+"/"+c.Loai+"-"+p.Commune.CoQuan.VietTat, vn.ShortDate(c.Ngay)))
		}
		return nil, diag.Refuse("số %d đã dùng trong năm %d cho văn bản khác của %s %s: %s; mỗi số chỉ dùng một lần trong năm, hãy lấy số tiếp theo trong sổ đăng ký văn bản đi (số lớn nhất đã thấy trong năm %d là %d).",
			req.So, date.Year(), p.Commune.Level(), p.Commune.Ten, strings.Join(names, "; "), date.Year(), highest)
	}

	d, err := planfmt.ParseDoc(req.Path, src)
	if err != nil {
		return nil, err
	}
	vb := planfmt.Path(d.Content[0], "van_ban")
	if vb == nil || vb.Kind != yaml.MappingNode {
		return nil, diag.Refuse("%s: không tìm thấy mục van_ban; hãy thêm mục van_ban với so, ngay, trich_yeu.", req.Path)
	}
	setValue(vb, "so", strconv.Itoa(req.So), "!!int")
	setValue(vb, "ngay", date.Format("2006-01-02"), "")
	data, err := planfmt.DumpDoc(req.Path, d, planfmt.StyleOf(src))
	if err != nil {
		return nil, err
	}
	// The written file must load back exactly as issued.
	check, err := plan.LoadBytes(req.Path, data, plan.ReadFile)
	if err != nil {
		return nil, err
	}
	if !check.OK() || int(check.Plan.VanBan.So) != req.So || !check.Plan.VanBan.Ngay.Equal(date) {
		r := &diag.Refusal{Msg: fmt.Sprintf("%s: sau khi ghi số và ngày, kế hoạch không còn hợp lệ; tệp chưa bị sửa. Hãy báo lỗi này cho người bảo trì kehoach.", req.Path)}
		for _, e := range check.Errors {
			r.Details = append(r.Details, e)
		}
		return nil, r
	}
	out.Data = data
	out.Note = planfmt.StyleOf(src).Note()
	out.Unfinished = unfinished
	return out, nil
}

// setValue sets key of mapping m to a scalar, adding the key when absent.
// Line comments on the key's line that start with "dự thảo" are dropped;
// others move to the value (where the YAML emitter writes them).
func setValue(m *yaml.Node, key, value, tag string) {
	k, v := planfmt.Lookup(m, key)
	if k == nil {
		k = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}
		v = &yaml.Node{}
		m.Content = append(m.Content, k, v)
	}
	var keep []string
	for _, c := range []string{k.LineComment, v.LineComment} {
		if c != "" && !isDraftComment(c) {
			keep = append(keep, c)
		}
	}
	k.LineComment = ""
	v.Kind, v.Tag, v.Value, v.Style, v.Content = yaml.ScalarNode, tag, value, 0, nil
	v.LineComment = strings.Join(keep, " ")
}

// isDraftComment reports whether a comment is the draft hint ("# dự thảo…").
func isDraftComment(c string) bool {
	c = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(c), "#"))
	return strings.HasPrefix(strings.ToLower(norm.NFC.String(c)), "dự thảo")
}

// ScanRoot is the folder searched for other plans of the commune: the
// nearest folder named "plans" that holds the plan, else the plan's folder.
func ScanRoot(planPath string) string {
	dir := filepath.Dir(planPath)
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir
	}
	for d := abs; ; d = filepath.Dir(d) {
		if filepath.Base(d) == "plans" {
			return relToWD(d)
		}
		if filepath.Dir(d) == d {
			return dir
		}
	}
}

// relToWD shortens an absolute path to one relative to the working folder
// when it lies below it.
func relToWD(p string) string {
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	if r, err := filepath.Rel(wd, p); err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return r
	}
	return p
}

// Document is another plan of the same commune, with its number and date.
type Document struct {
	File string
	So   int
	Ngay time.Time
	Loai string // ký hiệu of the type: KH
}

// OtherDocuments lists the plans of commune ma (its id in the commune file)
// found in the plan's own folder and under root, except the plan itself,
// sorted by file name. Files that are not plans (commune files, other
// YAML) are skipped; plans that cannot be read are reported as warnings.
func OtherDocuments(planPath, ma, root string) ([]Document, diag.List) {
	self, _ := os.Stat(planPath)
	seen := map[string]bool{}
	var files []string
	add := func(p string) {
		abs, err := filepath.Abs(p)
		if err != nil || seen[abs] {
			return
		}
		seen[abs] = true
		if st, err := os.Stat(p); err == nil && self != nil && os.SameFile(st, self) {
			return
		}
		files = append(files, p)
	}
	dir := filepath.Dir(planPath)
	if ents, err := os.ReadDir(dir); err == nil {
		for _, e := range ents {
			if !e.IsDir() && plan.IsYAMLName(e.Name()) {
				add(filepath.Join(dir, e.Name()))
			}
		}
	}
	if root != "" {
		safefile.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if e.IsDir() && p != root && strings.HasPrefix(e.Name(), ".") {
				return filepath.SkipDir
			}
			if !e.IsDir() && plan.IsYAMLName(e.Name()) {
				add(p)
			}
			return nil
		})
	}
	sort.Strings(files)

	var out []Document
	var warns diag.List
	warn := func(file, format string, args ...any) {
		warns = append(warns, &diag.Diagnostic{File: file, Severity: diag.Warning, Msg: fmt.Sprintf(format, args...)})
	}
	type communeFile struct {
		ma  string
		err error // the file cannot be read: said once
	}
	communes := map[string]*communeFile{} // commune file (absolute) → its ma
	communeID := func(file string) (string, error) {
		abs, _ := filepath.Abs(file)
		c, ok := communes[abs]
		if !ok {
			c = &communeFile{}
			communes[abs] = c
			src, err := plan.ReadFile(file)
			var se *safefile.Error
			if errors.As(err, &se) {
				c.err = se
				warn(file, "không đọc được tệp xã: %v Các kế hoạch dùng tệp xã này được bỏ qua khi đối chiếu số văn bản.", se)
			} else if err == nil {
				if d, err := planfmt.ParseDoc(file, src); err == nil {
					c.ma = planfmt.Scalar(planfmt.Path(d.Content[0], "ma"))
				}
			}
		}
		return c.ma, c.err
	}
	for _, f := range files {
		// One file that cannot be read (a link to /dev/zero, a FIFO, a
		// file over the limit) is said and skipped: it cannot hold a
		// number anyone can see, and the others are still checked.
		src, err := plan.ReadFile(f)
		if err != nil {
			warn(f, "không đọc được tệp, nên tệp này được bỏ qua khi đối chiếu số văn bản: %v", readErr(err))
			continue
		}
		d, err := planfmt.ParseDoc(f, src)
		if err != nil {
			continue // not a plan (or broken YAML): `kehoach check` reports it
		}
		root := d.Content[0]
		xa := planfmt.Scalar(planfmt.Path(root, "xa"))
		if xa == "" || planfmt.Path(root, "nam") == nil || planfmt.Path(root, "van_ban") == nil {
			continue // a commune file or other YAML, not a plan
		}
		cpath, ok := plan.CommunePath(f, xa)
		if !ok {
			continue
		}
		if id, err := communeID(cpath); err != nil || id != ma {
			continue
		}
		var so plan.DocNo
		var ngay plan.Date
		if err := so.DecodeScalar(planfmt.Scalar(planfmt.Path(root, "van_ban", "so")), false); err != nil {
			warn(f, "%v Tệp này không được đối chiếu số văn bản.", err)
			continue
		}
		if err := ngay.DecodeScalar(planfmt.Scalar(planfmt.Path(root, "van_ban", "ngay")), false); err != nil {
			warn(f, "%v Tệp này không được đối chiếu số văn bản.", err)
			continue
		}
		if so == 0 {
			continue
		}
		loai := planfmt.Scalar(planfmt.Path(root, "van_ban", "loai"))
		if loai == "" {
			loai = "KH"
		}
		out = append(out, Document{File: f, So: int(so), Ngay: ngay.Time, Loai: loai})
	}
	return out, warns
}

// readErr is the reason a file cannot be read, in Vietnamese where the
// reason is known.
func readErr(err error) string {
	var se *safefile.Error
	switch {
	case errors.As(err, &se):
		return se.Error()
	case errors.Is(err, fs.ErrNotExist):
		return "tệp không còn nữa (hay là liên kết tới tệp không có)."
	case errors.Is(err, fs.ErrPermission):
		return "không có quyền đọc tệp."
	}
	return err.Error()
}
