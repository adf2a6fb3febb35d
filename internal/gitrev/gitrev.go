// Package gitrev reads plan files from the working tree or from git
// revisions ("HEAD~1", "main:plans/muong-khoa/2025.yaml"), so that plans can
// be compared across commits without checking anything out.
package gitrev

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"kehoach/internal/plan"
	"kehoach/internal/safefile"
	"kehoach/internal/yamlx"
)

// Source is one version of a plan file.
type Source struct {
	Label string // what the user reads: "plans/…/2025.yaml (HEAD~1)"
	Path  string // the file's path relative to the working directory
	Rev   string // "" for the working tree
}

// Read returns the bytes of a file of this source's version (the plan
// itself, or its commune file beside it).
func (s Source) Read(path string) ([]byte, error) {
	if s.Rev == "" {
		return plan.ReadFile(path)
	}
	return ReadAt(s.Rev, path)
}

// Data returns the plan file's bytes.
func (s Source) Data() ([]byte, error) { return s.Read(s.Path) }

func git(args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return nil, errors.New("không tìm thấy lệnh git; hãy cài git hoặc so sánh hai tệp")
		}
		return nil, gitError(strings.TrimSpace(stderr.String()), err)
	}
	return out, nil
}

// msgNoRevision says that git knows no such revision, and how to find one.
const msgNoRevision = "không có phiên bản này trong kho git; hãy kiểm tra tên nhánh, thẻ hay commit (git branch -a, git log --oneline cho biết các tên có)"

// ErrNotInRevision is the error (wrapped by Show) of a file that the
// revision does not hold: a plan added since, or removed.
var ErrNotInRevision = errors.New("tệp không có ở phiên bản này")

// gitErrors say in Vietnamese what git's commonest refusals mean; the
// pattern is found in git's own (English) message.
var gitErrors = []struct{ pattern, msg string }{
	{"not a git repository", "thư mục này không nằm trong kho git; hãy chạy lệnh trong thư mục kho mã, hoặc so sánh hai tệp"},
	{"does not exist in", ""},
	{"exists on disk, but not in", ""},
	{"invalid object name", msgNoRevision},
	{"unknown revision", msgNoRevision},
	{"bad revision", msgNoRevision},
	{"ambiguous argument", msgNoRevision},
	{"not a valid object name", msgNoRevision},
	{"is outside repository", "tệp nằm ngoài kho git; hãy chạy lệnh trong thư mục kho mã, hoặc so sánh hai tệp"},
	{"does not have any commits yet", "kho git chưa có commit nào; hãy commit kế hoạch trước (git add, git commit), hoặc so sánh hai tệp"},
	{"dubious ownership", "git từ chối đọc kho này vì thư mục thuộc người dùng khác (safe.directory); hãy xem hướng dẫn của git về safe.directory"},
}

// gitError is git's failure in Vietnamese: the meaning of a refusal git
// is known to give, else git's own words, quoted, after “git báo”.
func gitError(stderr string, err error) error {
	low := strings.ToLower(stderr)
	for _, e := range gitErrors {
		if strings.Contains(low, e.pattern) {
			if e.msg == "" {
				return ErrNotInRevision
			}
			return errors.New(e.msg)
		}
	}
	if stderr == "" {
		return fmt.Errorf("git dừng với mã lỗi %d", exitCode(err))
	}
	first, _, _ := strings.Cut(stderr, "\n")
	return fmt.Errorf("git không làm được việc được yêu cầu (git báo: “%s”); hãy kiểm tra kho git (git status), hoặc so sánh hai tệp", strings.TrimPrefix(first, "fatal: "))
}

func exitCode(err error) int {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	return -1
}

// checkRev refuses a revision that git could read as an option (F-16: a
// REV:PATH argument “--output=FILE:plans/…” made git show write FILE) or
// that holds a control character. Every git command below also puts
// --end-of-options before the revision, so git never reads one as an
// option.
func checkRev(rev string) error {
	if rev == "" || strings.HasPrefix(rev, "-") || strings.ContainsFunc(rev, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		return fmt.Errorf("“%s” không phải tên phiên bản git: tên phiên bản không bắt đầu bằng dấu “-” và không có ký tự điều khiển (ví dụ HEAD~1, main, HEAD~1:plans/muong-khoa/2025.yaml)", rev)
	}
	return nil
}

// Show reads path (relative to the working directory) at revision rev.
func Show(rev, path string) ([]byte, error) {
	if err := checkRev(rev); err != nil {
		return nil, err
	}
	name := showName(rev, path)
	// The size first (#15: files read with a size limit before reading):
	// a committed file of gigabytes is refused without being read.
	size, err := git("cat-file", "-s", "--end-of-options", name)
	if err != nil {
		return nil, fmt.Errorf("không đọc được %s ở phiên bản %s: %w", path, rev, err)
	}
	if n, err := strconv.ParseInt(strings.TrimSpace(string(size)), 10, 64); err == nil && n > yamlx.MaxFileBytes {
		return nil, fmt.Errorf("%s ở phiên bản %s: tệp quá lớn (%d byte, tối đa %d byte) nên không đọc", path, rev, n, yamlx.MaxFileBytes)
	}
	out, err := git("show", "--end-of-options", name)
	if err != nil {
		return nil, fmt.Errorf("không đọc được %s ở phiên bản %s: %w", path, rev, err)
	}
	return out, nil
}

// IsRevision reports whether s names a commit.
func IsRevision(s string) bool {
	if checkRev(s) != nil {
		return false
	}
	_, err := git("rev-parse", "--verify", "--quiet", "--end-of-options", s+"^{commit}")
	return err == nil
}

// Parse resolves one argument: an existing file, "REV:PATH", or nothing
// (ok=false) when it is a bare revision.
func Parse(arg string) (src Source, ok bool, err error) {
	if st, err := os.Stat(arg); err == nil && !st.IsDir() {
		return Source{Label: arg, Path: arg}, true, nil
	}
	if rev, path, found := strings.Cut(arg, ":"); found && rev != "" && path != "" && !filepath.IsAbs(arg) {
		if err := checkRev(rev); err != nil {
			return Source{}, false, err
		}
		// A file the revision lacks is a plan added or removed there:
		// the caller lists it as such.
		if _, err := Show(rev, path); err != nil && !errors.Is(err, ErrNotInRevision) {
			return Source{}, false, err
		}
		return Source{Label: path + " (" + rev + ")", Path: path, Rev: rev}, true, nil
	}
	if IsRevision(arg) {
		return Source{Rev: arg}, false, nil
	}
	if _, err := git("rev-parse", "--git-dir"); err != nil {
		// No repository (or no git): say that, not “no such revision”.
		return Source{}, false, fmt.Errorf("“%s” không phải tệp kế hoạch, và %v", arg, err)
	}
	return Source{}, false, fmt.Errorf("“%s” không phải tệp kế hoạch, phiên bản git (HEAD~1, main) hay dạng PHIÊN_BẢN:TỆP", arg)
}

// At returns the source of path at rev ("" = working tree).
func At(rev, path string) Source {
	if rev == "" {
		return Source{Label: path, Path: path}
	}
	return Source{Label: path + " (" + rev + ")", Path: path, Rev: rev}
}

// PlanFiles lists the plan files (as build.FindPlans does) under dir at rev, or
// in the working tree when rev is "".
func PlanFiles(rev, dir string) ([]string, error) {
	var out []string
	if rev == "" {
		err := safefile.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && plan.IsPlanCandidate(d.Name(), false) {
				out = append(out, filepath.ToSlash(p))
			}
			return err
		})
		sort.Strings(out)
		return out, err
	}
	b, pre, err := lsTree(rev, "--name-only", "--end-of-options", rev, "--", dir)
	if err != nil {
		return nil, err
	}
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if plan.IsPlanCandidate(l, false) {
			out = append(out, strings.TrimPrefix(l, pre))
		}
	}
	sort.Strings(out)
	return out, nil
}

// Renames are the plan files under dir that git's rename detection
// (git diff -M) finds renamed or moved from revision revA to revB ("" =
// the working tree's tracked files): old path → new path, relative to the
// working directory.
func Renames(revA, revB, dir string) (map[string]string, error) {
	args := []string{"diff", "-M", "--name-status", "-z", "--relative", "--end-of-options", revA}
	for _, r := range []string{revA, revB} {
		if r == "" {
			continue
		}
		if err := checkRev(r); err != nil {
			return nil, err
		}
	}
	if revB != "" {
		args = append(args, revB)
	}
	b, err := git(append(args, "--", dir)...)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	fields := strings.Split(string(b), "\x00")
	for i := 0; i < len(fields); i++ {
		status := fields[i]
		switch {
		case strings.HasPrefix(status, "R") && i+2 < len(fields):
			if plan.IsPlanCandidate(fields[i+1], false) && plan.IsPlanCandidate(fields[i+2], false) {
				out[fields[i+1]] = fields[i+2]
			}
			i += 2
		case strings.HasPrefix(status, "C") && i+2 < len(fields):
			i += 2
		case status != "":
			i++
		}
	}
	return out, nil
}

// Blobs maps every file of revision rev to its blob id, by the file's path
// relative to the working directory (a file outside it keeps its full
// name after “:”, so that it cannot pass for one inside): one git
// ls-tree, no file read. Two revisions' files of the same id are the same
// bytes.
func Blobs(rev string) (map[string]string, error) {
	b, pre, err := lsTree(rev, "-z", "--full-tree", "--end-of-options", rev)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, l := range strings.Split(string(b), "\x00") {
		// “MODE TYPE ID\tPATH”
		meta, name, ok := strings.Cut(l, "\t")
		f := strings.Fields(meta)
		if !ok || len(f) != 3 {
			continue
		}
		if rel, in := strings.CutPrefix(name, pre); in {
			name = rel
		} else {
			name = ":" + name
		}
		out[name] = f[1] + " " + f[2]
	}
	return out, nil
}

// lsTree runs git ls-tree -r --full-name with args after checking rev,
// and returns its output with the working directory's path from the top
// of the repository (“plans/”, or “” at the top).
func lsTree(rev string, args ...string) (out []byte, prefix string, err error) {
	if err := checkRev(rev); err != nil {
		return nil, "", err
	}
	out, err = git(append([]string{"ls-tree", "-r", "--full-name"}, args...)...)
	if err != nil {
		return nil, "", err
	}
	pre, err := git("rev-parse", "--show-prefix")
	if err != nil {
		return nil, "", err
	}
	return out, strings.TrimSpace(string(pre)), nil
}
