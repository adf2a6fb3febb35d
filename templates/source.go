package templates

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"kehoach/internal/safefile"
)

// A source is the template files in use and what has been parsed from them.
type source struct {
	fsys      fs.FS
	dir       string // the folder on disk fsys reads over FS; "" for FS alone
	firstRead func() // called once, before the first file is read
	once      sync.Once

	mu     sync.Mutex
	parsed map[string]*parsedFile

	embeddedOnce sync.Once
	embedded     bool // every YAML file reads as in FS (see isEmbedded)
}

type parsedFile struct {
	once sync.Once
	val  any
	err  error
}

var current atomic.Pointer[source]

func init() { Use(FS, "", nil) }

// Use makes fsys the source of every template file read from now on and
// forgets what was parsed from the previous source. dir is the folder on
// disk that fsys reads (see Folder), so that messages name the file the
// user can edit; "" when fsys is the embedded copy. firstRead, when not
// nil, is called once, before the first file is read: the command layer
// says there which folder is in use, so commands that read no template
// (kehoach text, which git runs) say nothing.
//
// The command layer calls Use once at start-up, before any file is read;
// tests call it again to switch sources.
func Use(fsys fs.FS, dir string, firstRead func()) {
	current.Store(&source{fsys: fsys, dir: dir, firstRead: firstRead, parsed: map[string]*parsedFile{}})
}

// Dir is the folder on disk in use, "" when only the embedded copy is.
func Dir() string { return current.Load().dir }

// ReadFile reads a file of the source in use (name as in FS:
// "ke-hoach.tmpl", "tieu-chi/qd51-2026-2030.yaml"), without the UTF-8 BOM
// and CRLF line ends that Notepad and Git for Windows give files on disk.
func ReadFile(name string) ([]byte, error) { return current.Load().read(name) }

// ReadDir lists a folder of the source in use.
func ReadDir(name string) ([]fs.DirEntry, error) {
	s := current.Load()
	s.started()
	return fs.ReadDir(s.fsys, name)
}

// Path names a template file in messages: templates/ke-hoach.tmpl for the
// embedded copy, the file on disk when the folder in use holds it, and
// “templates/… (bản có sẵn trong chương trình)” when the folder in use
// lacks it.
func Path(name string) string { return current.Load().path(name) }

// Parsed returns what parse makes of the template file name, parsing it
// once per source (so every caller must pass the same parse for a name).
// parse gets the file's name for messages (Path) and its bytes (ReadFile).
// It is safe for concurrent use.
func Parsed[T any](name string, parse func(path string, data []byte) (T, error)) (T, error) {
	return ParsedOr(name, nil, parse)
}

// ParsedOr is Parsed with a snapshot: when every YAML file of the source
// in use reads byte for byte as the embedded copy (BOM and line ends
// aside), the file is not parsed but snapshot(name, path) used, if it
// returns a T: the value parse makes of the embedded file, rebuilt by code
// generated from it (the caller's tests compare the two), at a small part
// of the cost of decoding the YAML and checking it at every start. A
// snapshot that returns nil, or any edited YAML file in the folder in use,
// means parse, as Parsed.
func ParsedOr[T any](name string, snapshot func(name, path string) any, parse func(path string, data []byte) (T, error)) (T, error) {
	s := current.Load()
	s.mu.Lock()
	p := s.parsed[name]
	if p == nil {
		p = &parsedFile{}
		s.parsed[name] = p
	}
	s.mu.Unlock()
	p.once.Do(func() {
		if snapshot != nil && s.isEmbedded() {
			s.started()
			if v, ok := snapshot(name, s.path(name)).(T); ok {
				p.val = v
				return
			}
		}
		data, err := s.read(name)
		if err != nil {
			p.err = err
			return
		}
		p.val, p.err = parse(s.path(name), data)
	})
	if p.err != nil {
		var zero T
		return zero, p.err
	}
	v, _ := p.val.(T)
	return v, nil
}

// isEmbedded reports whether every YAML file of FS reads the same from
// the source (compared once per source): what a parse of one file checks
// against another (a criteria set's căn cứ in can-cu.yaml) is then as in
// the embedded copy too.
func (s *source) isEmbedded() bool {
	s.embeddedOnce.Do(func() {
		if fsys, ok := s.fsys.(embed.FS); ok && fsys == FS {
			s.embedded = true
			return
		}
		for _, name := range names(FS) {
			if !strings.HasSuffix(name, ".yaml") {
				continue
			}
			e, _ := FS.ReadFile(name)
			if got, err := fs.ReadFile(s.fsys, name); err != nil || !bytes.Equal(normalize(got), e) {
				return // s.embedded stays false
			}
		}
		s.embedded = true
	})
	return s.embedded
}

func (s *source) started() {
	s.once.Do(func() {
		if s.firstRead != nil {
			s.firstRead()
		}
	})
}

func (s *source) read(name string) ([]byte, error) {
	s.started()
	data, err := fs.ReadFile(s.fsys, name)
	var se *safefile.Error
	switch {
	case errors.As(err, &se):
		return nil, fmt.Errorf("%s: không đọc được tệp: %w", s.path(name), se)
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s: không có tệp này; hãy lấy lại tệp từ thư mục templates/ của kho mã: %w", s.path(name), fs.ErrNotExist)
	case err != nil:
		return nil, fmt.Errorf("%s: không đọc được tệp (%v); hãy kiểm tra quyền đọc tệp", s.path(name), err)
	}
	return normalize(data), nil
}

func (s *source) path(name string) string {
	if s.dir == "" {
		return "templates/" + name
	}
	p := filepath.Join(s.dir, filepath.FromSlash(name))
	if _, err := os.Stat(p); err == nil {
		return p
	}
	return "templates/" + name + " (bản có sẵn trong chương trình)"
}

// fromDisk reports whether the file name is read from the folder in use.
func (s *source) fromDisk(name string) bool {
	if s.dir == "" {
		return false
	}
	_, err := os.Stat(filepath.Join(s.dir, filepath.FromSlash(name)))
	return err == nil
}

// normalize drops a UTF-8 BOM and turns CRLF line ends into LF, so a file
// saved by Notepad or checked out with core.autocrlf=true reads like the
// embedded one (a CR would otherwise end up in the documents' text).
func normalize(b []byte) []byte {
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	if bytes.Contains(b, []byte("\r\n")) {
		b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	}
	return b
}

// MaxFileBytes is the size limit of a template file on disk, as of a plan
// (yamlx.MaxFileBytes).
const MaxFileBytes = 4 << 20

// Folder returns the template files of the folder dir over the embedded
// copy: a file dir holds is read from there, any other from FS, and a
// folder lists the files of both. So a templates/ folder from an older
// checkout still finds a criteria set added since. Files on disk are read
// as plans are (safefile): at most MaxFileBytes, regular files only, and
// symlinks only within the repository or the templates folder.
func Folder(dir string) fs.FS {
	safefile.Trust(dir)
	return overlay{dir: dir, disk: os.DirFS(dir)}
}

type overlay struct {
	dir  string
	disk fs.FS
}

func (o overlay) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	st, err := fs.Stat(o.disk, name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return FS.Open(name)
	case err == nil && st.IsDir():
		return o.disk.Open(name)
	}
	return openDisk(filepath.Join(o.dir, filepath.FromSlash(name)))
}

// openDisk opens a template file on disk within the limits of Folder.
func openDisk(path string) (fs.File, error) {
	f, err := safefile.Open(path, MaxFileBytes)
	if err != nil {
		return nil, err // *safefile.Error as it is: read says it with the path
	}
	return f, nil
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	disk, derr := fs.ReadDir(o.disk, name)
	if derr != nil && !errors.Is(derr, fs.ErrNotExist) {
		return nil, derr
	}
	emb, eerr := fs.ReadDir(FS, name)
	if derr != nil && eerr != nil {
		return nil, derr
	}
	seen := map[string]bool{}
	out := disk
	for _, e := range disk {
		seen[e.Name()] = true
	}
	for _, e := range emb {
		if !seen[e.Name()] {
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

// names lists the template files of fsys: every *.tmpl and *.yaml, in
// its subfolders too (tieu-chi/, tieu-chi/tinh/, giai-doan/), as embedded.
func names(fsys fs.FS) []string {
	var out []string
	fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error { //nolint:errcheck // an unreadable folder lists nothing
		if err != nil {
			return nil
		}
		if !d.IsDir() && (strings.HasSuffix(name, ".tmpl") || strings.HasSuffix(name, ".yaml")) {
			out = append(out, name)
		}
		return nil
	})
	sort.Strings(out)
	return out
}

// IsFolder reports whether dir is a templates folder: a folder holding at
// least one file named like a file of the embedded copy (so that a folder
// that only happens to be called templates is left alone).
func IsFolder(dir string) bool {
	disk := os.DirFS(dir)
	for _, n := range names(FS) {
		if st, err := fs.Stat(disk, n); err == nil && st.Mode().IsRegular() {
			return true
		}
	}
	return false
}

// Compare tells how the templates folder dir differs from the embedded
// copy: the files it holds with other content (line ends and BOM aside)
// and the files it adds (a new criteria set).
func Compare(dir string) (changed, added []string) {
	disk := os.DirFS(dir)
	for _, n := range names(disk) {
		d, err := safefile.ReadFile(filepath.Join(dir, filepath.FromSlash(n)), MaxFileBytes)
		if err != nil {
			continue // read reports it when the file is used
		}
		e, err := FS.ReadFile(n)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			added = append(added, n)
		case err == nil && !bytes.Equal(normalize(d), e):
			changed = append(changed, n)
		}
	}
	return changed, added
}
