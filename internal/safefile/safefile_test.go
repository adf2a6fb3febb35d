package safefile

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func mustWrite(t *testing.T, p string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustLink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// readSoon reads path with a 100-byte limit, failing the test if the read
// does not return within seconds (a FIFO would block an open, /dev/zero
// never ends).
func readSoon(t *testing.T, path string) ([]byte, error) {
	t.Helper()
	type res struct {
		b   []byte
		err error
	}
	ch := make(chan res, 1)
	go func() {
		b, err := ReadFile(path, 100)
		ch <- res{b, err}
	}()
	select {
	case r := <-ch:
		return r.b, r.err
	case <-time.After(5 * time.Second):
		t.Fatalf("%s: the read did not return", path)
		return nil, nil
	}
}

// Hostile files of a repository: a symlink to /dev/zero, a FIFO, a socket,
// a folder, a file over the limit, symlinks out of the repository (of the
// file or of a folder on its path) are refused before anything is read,
// each with its reason; regular files and symlinks within the repository
// (or within a plans folder that is itself a symlink) are read.
func TestReadFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("BỎ QUA: tạo symlink trên Windows cần quyền quản trị; FIFO, /dev/zero không có")
	}
	repo := t.TempDir()
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	outside := t.TempDir()
	mustWrite(t, filepath.Join(outside, "bi-mat.yaml"), []byte("mat-khau: 123\n"))
	mustWrite(t, filepath.Join(repo, "plans", "a", "2025.yaml"), []byte("nam: 2025\n"))
	mustWrite(t, filepath.Join(repo, "chung", "xa.yaml"), []byte("ma: chung\n"))
	mustWrite(t, filepath.Join(repo, "plans", "a", "lon.yaml"), make([]byte, 101))
	mustWrite(t, filepath.Join(repo, "plans", "a", "vua.yaml"), make([]byte, 100))
	mustLink(t, "/dev/zero", filepath.Join(repo, "plans", "a", "zero.yaml"))
	mustLink(t, "../../chung/xa.yaml", filepath.Join(repo, "plans", "a", "xa.yaml"))
	mustLink(t, filepath.Join(outside, "bi-mat.yaml"), filepath.Join(repo, "plans", "a", "ngoai.yaml"))
	mustLink(t, outside, filepath.Join(repo, "plans", "ngoai"))
	mustLink(t, "khong-co.yaml", filepath.Join(repo, "plans", "a", "gay.yaml"))
	if err := mkfifo(filepath.Join(repo, "plans", "a", "fifo.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(repo, "plans", "a", "thu-muc.yaml"), 0o755); err != nil {
		t.Fatal(err)
	}
	sock := filepath.Join(repo, "plans", "a", "s.yaml")
	if l, err := net.Listen("unix", sock); err == nil {
		defer l.Close()
	} else {
		t.Logf("no socket: %v", err)
		sock = ""
	}
	// A second repository whose plans folder is a symlink to a shared
	// folder outside it, holding a symlink within itself.
	shared := filepath.Join(t.TempDir(), "plans-chung")
	mustWrite(t, filepath.Join(shared, "b", "2025.yaml"), []byte("nam: 2025\n"))
	mustWrite(t, filepath.Join(shared, "chung", "xa.yaml"), []byte("ma: b\n"))
	mustLink(t, "../chung/xa.yaml", filepath.Join(shared, "b", "xa.yaml"))
	repo2 := t.TempDir()
	os.Mkdir(filepath.Join(repo2, ".git"), 0o755)
	mustLink(t, shared, filepath.Join(repo2, "plans"))

	realOutside, _ := filepath.EvalSymlinks(outside)
	realRepo, _ := filepath.EvalSymlinks(repo)
	tests := []struct {
		path string
		want string // the content, or "error: " and the reason
	}{
		{"plans/a/2025.yaml", "nam: 2025\n"},
		{"plans/a/xa.yaml", "ma: chung\n"},
		{"plans/a/vua.yaml", strings.Repeat("\x00", 100)},
		{"plans/a/lon.yaml", "error: tệp quá lớn (101 byte, tối đa 100 byte); hãy tách bớt nội dung hoặc kiểm tra lại tệp."},
		{"plans/a/zero.yaml", "error: tệp là liên kết (symlink) tới /dev/zero, là một thiết bị chứ không phải tệp thường; kehoach chỉ đọc tệp thường: hãy thay liên kết bằng tệp thật."},
		{"plans/a/fifo.yaml", "error: đây là một FIFO (ống có tên) chứ không phải tệp thường; kehoach chỉ đọc tệp thường: hãy xóa nó và đặt tệp thật vào chỗ đó."},
		{"plans/a/thu-muc.yaml", "error: đây là một thư mục chứ không phải tệp thường; kehoach chỉ đọc tệp thường: hãy xóa nó và đặt tệp thật vào chỗ đó."},
		{"plans/a/ngoai.yaml", "error: tệp là liên kết (symlink) tới " + filepath.Join(realOutside, "bi-mat.yaml") + ", nằm ngoài kho mã (" + realRepo + "); kehoach không theo liên kết ra ngoài kho mã: hãy chép tệp đó vào kho mã thay cho liên kết."},
		{"plans/ngoai/bi-mat.yaml", "error: đường dẫn đi qua một thư mục liên kết (symlink), tới " + filepath.Join(realOutside, "bi-mat.yaml") + ", nằm ngoài kho mã (" + realRepo + "); kehoach không theo liên kết ra ngoài kho mã: hãy chép tệp đó vào kho mã thay cho liên kết."},
		{"plans/a/gay.yaml", "error: not exist"},
		{"/dev/zero", "error: đây là một thiết bị chứ không phải tệp thường; kehoach chỉ đọc tệp thường: hãy xóa nó và đặt tệp thật vào chỗ đó."},
		{repo2 + "/plans/b/2025.yaml", "nam: 2025\n"},
		{repo2 + "/plans/b/xa.yaml", "ma: b\n"},
	}
	if sock != "" {
		tests = append(tests, struct{ path, want string }{"plans/a/s.yaml", "error: đây là một socket chứ không phải tệp thường; kehoach chỉ đọc tệp thường: hãy xóa nó và đặt tệp thật vào chỗ đó."})
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			p := tc.path
			if !filepath.IsAbs(p) {
				p = filepath.Join(repo, filepath.FromSlash(p))
			}
			b, err := readSoon(t, p)
			want, isErr := strings.CutPrefix(tc.want, "error: ")
			switch {
			case !isErr && err != nil:
				t.Fatalf("error %v, want %q", err, want)
			case !isErr && string(b) != want:
				t.Errorf("read %q, want %q", b, want)
			case isErr && want == "not exist" && !errors.Is(err, os.ErrNotExist):
				t.Errorf("error %v, want one that does not exist", err)
			case isErr && want != "not exist" && (err == nil || err.Error() != want):
				t.Errorf("error:\n got %v\nwant %s", err, want)
			}
			var se *Error
			if isErr && want != "not exist" && !errors.As(err, &se) {
				t.Errorf("%T is not an *Error", err)
			}
		})
	}

	// Relative paths, from the repository as working folder.
	t.Chdir(repo)
	if b, err := ReadFile(filepath.FromSlash("plans/a/xa.yaml"), 100); err != nil || string(b) != "ma: chung\n" {
		t.Errorf("relative path within: %q, %v", b, err)
	}
	if _, err := ReadFile(filepath.FromSlash("plans/a/ngoai.yaml"), 100); err == nil || !strings.Contains(err.Error(), "nằm ngoài kho mã ("+realRepo+")") {
		t.Errorf("relative path out of the repository: %v", err)
	}

	// A folder trusted (named on the command line) may be linked to.
	Trust(outside)
	if b, err := ReadFile(filepath.Join(repo, "plans", "a", "ngoai.yaml"), 100); err != nil || string(b) != "mat-khau: 123\n" {
		t.Errorf("a link into a trusted folder: %q, %v", b, err)
	}
}

// A file that grows past the limit while it is read stops at the limit.
func TestReadStopsAtTheLimit(t *testing.T) {
	p := filepath.Join(t.TempDir(), "f.yaml")
	mustWrite(t, p, make([]byte, 50))
	f, err := Open(p, 100)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// It grows after the look.
	if err := os.WriteFile(p, make([]byte, 1000), 0o644); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 4096)
	total := 0
	for {
		n, err := f.Read(buf)
		total += n
		if err != nil {
			var se *Error
			if !errors.As(err, &se) || se.Kind != TooLarge || err.Error() != "tệp quá lớn (hơn 100 byte, và còn lớn thêm khi đang đọc); hãy tách bớt nội dung hoặc kiểm tra lại tệp." {
				t.Fatalf("error %v", err)
			}
			break
		}
	}
	if total > 101 {
		t.Errorf("read %d bytes of a file limited to 100", total)
	}
}
