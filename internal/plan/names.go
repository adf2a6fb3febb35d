package plan

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"kehoach/internal/diag"
)

// File names as Windows users make them: Explorer hides extensions and
// ignores letter case, Notepad appends ".txt" unless told otherwise, and
// paths are typed with backslashes. The rules below are the same on every
// OS, so a plan that works on the commune's PC works in CI.

// baseName is the last element of a path written with / or \.
func baseName(p string) string { return p[strings.LastIndexAny(p, `/\`)+1:] }

// IsYAMLName reports whether a file name (or path) ends in .yaml or .yml,
// in any letter case: 2025.yaml, 2025.yml, 2025.YAML.
func IsYAMLName(name string) bool {
	n := strings.ToLower(baseName(name))
	return strings.HasSuffix(n, ".yaml") || strings.HasSuffix(n, ".yml")
}

// IsCommuneName reports whether a file name (or path) is the commune file
// xa.yaml, in any letter case and with either extension: Xa.yaml, XA.YML.
// A commune file is never read as a plan.
func IsCommuneName(name string) bool {
	n := strings.ToLower(baseName(name))
	return n == "xa.yaml" || n == "xa.yml"
}

// ProvincialSetPrefix begins the name of a provincial criteria set file
// kept next to the plans (tieu_chi.bo_tinh: bo-tieu-chi-tinh.yaml).
const ProvincialSetPrefix = "bo-tieu-chi"

// IsProvincialSetName reports whether a file name (or path) is a provincial
// criteria set file: a YAML file whose name begins with bo-tieu-chi, in any
// letter case. Like the commune file, it is never read as a plan, so a
// folder holding one can be built, checked and formatted.
func IsProvincialSetName(name string) bool {
	return IsYAMLName(name) && strings.HasPrefix(strings.ToLower(baseName(name)), ProvincialSetPrefix)
}

// TextSavedName tells whether name is a YAML file saved by Notepad as
// "Text Documents (*.txt)", 2025.yaml.txt, and gives the name it should
// have: 2025.yaml.
func TextSavedName(name string) (string, bool) {
	b := baseName(name)
	if len(b) > 4 && strings.EqualFold(b[len(b)-4:], ".txt") && IsYAMLName(b[:len(b)-4]) {
		return b[:len(b)-4], true
	}
	return "", false
}

// IsPlanCandidate reports whether a file found in a folder is offered to
// the commands: a YAML file (commune files only when commune is set), or a
// YAML file saved as text (reported, with advice to rename it, never
// skipped silently).
func IsPlanCandidate(name string, commune bool) bool {
	if _, ok := TextSavedName(name); ok {
		return true
	}
	return IsYAMLName(name) && !IsProvincialSetName(name) && (commune || !IsCommuneName(name))
}

// CommunePath resolves the xa key of the plan at planPath: the commune
// file's path on this OS. The key is a relative path whose folders are
// separated by / or \ (as typed on Windows), alike on every OS. It is
// refused (ok false) when absolute on any OS (/…, \…, C:…, \\server\…) or
// not a YAML file name.
func CommunePath(planPath, xa string) (path string, ok bool) {
	if !IsYAMLName(xa) || isAbsolute(xa) {
		return "", false
	}
	return filepath.Join(filepath.Dir(planPath), filepath.FromSlash(strings.ReplaceAll(xa, `\`, "/"))), true
}

// isAbsolute reports whether p is absolute on some OS: /…, \…, \\server\…,
// C:… (a drive, with or without a separator after it).
func isAbsolute(p string) bool {
	return strings.HasPrefix(p, "/") || strings.HasPrefix(p, `\`) || (len(p) >= 2 && p[1] == ':') || filepath.IsAbs(p)
}

// NameProblem is what is wrong with the name of a file given as a plan
// (or, with commune set, as a plan or commune file), or nil: a YAML file
// saved by Notepad as text, or — for a plan — the commune file.
func NameProblem(path string, commune bool) *diag.Diagnostic {
	at := diag.Pos{Line: 1, Col: 1}
	if want, ok := TextSavedName(path); ok {
		return &diag.Diagnostic{File: path, Pos: at, Msg: fmt.Sprintf("tên tệp có thêm đuôi “.txt” (Notepad thêm khi lưu với kiểu “Text Documents”) nên tệp này không được đọc như tệp YAML; hãy đổi tên tệp thành “%s” (nếu Explorer không hiện đuôi .txt: bật Xem → Phần mở rộng tên tệp, tức View → File name extensions; nếu đã có “%s” thì xóa tệp thừa này), và khi lưu bằng Notepad, ở ô Lưu dưới dạng (Save as type) chọn Tất cả các tệp (All files).", want, want)}
	}
	if IsProvincialSetName(path) {
		return &diag.Diagnostic{File: path, Pos: at, Msg: fmt.Sprintf("“%s” là bộ tiêu chí của tỉnh (kế hoạch dùng nó qua khóa tieu_chi.bo_tinh), không phải tệp kế hoạch hay tệp xã; hãy chạy lệnh với tệp kế hoạch (ví dụ 2025.yaml) hoặc với thư mục của xã.", baseName(path))}
	}
	if !commune && IsCommuneName(path) {
		return &diag.Diagnostic{File: path, Pos: at, Msg: fmt.Sprintf("“%s” là tệp xã (tên xã, các thôn, bản, đơn vị, cán bộ), không phải tệp kế hoạch; hãy chạy lệnh với tệp kế hoạch (ví dụ 2025.yaml) hoặc với thư mục của xã.", baseName(path))}
	}
	return nil
}

// nearName explains a commune file that was not found when a file of
// nearly that name is there: another letter case (Xa.yaml, which Windows
// finds and Linux does not) or a name Notepad gave (xa.yaml.txt).
func nearName(path string, err error) string {
	if !errors.Is(err, fs.ErrNotExist) {
		return ""
	}
	ents, _ := os.ReadDir(filepath.Dir(path))
	want := filepath.Base(path)
	for _, e := range ents {
		n := e.Name()
		if t, ok := TextSavedName(n); ok && strings.EqualFold(t, want) {
			return fmt.Sprintf("; trong thư mục có tệp “%s”: Notepad đã thêm đuôi .txt, hãy đổi tên thành “%s”", n, want)
		}
		if n != want && strings.EqualFold(n, want) {
			return fmt.Sprintf("; trong thư mục có tệp “%s”, khác ở chữ hoa, chữ thường (Windows không phân biệt nhưng Linux và máy kiểm tra tự động thì có): hãy ghi đúng “%s” trong khóa xa", n, n)
		}
	}
	return ""
}
