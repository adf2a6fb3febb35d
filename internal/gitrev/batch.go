package gitrev

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"kehoach/internal/yamlx"
)

// catFile is one “git cat-file --batch” process that every revision read
// of this process goes through (#21: one process, not two per file).
type catFile struct {
	mu   sync.Mutex
	cmd  *exec.Cmd
	in   io.WriteCloser
	out  *bufio.Reader
	dir  string // the working directory it was started in
	dead bool
}

var batch catFile

// start runs the process once; false when git cannot be started (the
// caller then reads with git show, which says why).
func (c *catFile) start() bool {
	dir, err := os.Getwd()
	if err != nil {
		return false
	}
	if c.dir != dir {
		c.close()
	}
	if c.cmd != nil || c.dead {
		return !c.dead
	}
	c.dir = dir
	cmd := exec.Command("git", "cat-file", "--batch")
	in, err := cmd.StdinPipe()
	if err == nil {
		var out io.ReadCloser
		if out, err = cmd.StdoutPipe(); err == nil {
			if err = cmd.Start(); err == nil {
				c.cmd, c.in, c.out = cmd, in, bufio.NewReaderSize(out, 64<<10)
				return true
			}
		}
	}
	c.dead = true
	return false
}

// read returns the file name (“REV:./path”, relative to the working
// directory) from the batch process; found is false when git has no such
// object (or the process failed), and the caller asks git show for the
// precise reason. A file over yamlx.MaxFileBytes is refused from the size
// in git's header: its body is skipped, never held in memory.
func (c *catFile) read(name, path, rev string) (data []byte, found bool, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.start() {
		return nil, false, nil
	}
	fail := func() ([]byte, bool, error) {
		c.close()
		c.dead = true
		return nil, false, nil
	}
	if _, err := io.WriteString(c.in, name+"\n"); err != nil {
		return fail()
	}
	header, err := c.out.ReadString('\n')
	if err != nil {
		return fail()
	}
	f := strings.Fields(header)
	if len(f) != 3 {
		// “NAME missing”, “NAME ambiguous”: no object to read.
		return nil, false, nil
	}
	size, err := strconv.ParseInt(f[2], 10, 64)
	if err != nil || size < 0 {
		return fail()
	}
	if f[1] != "blob" || size > yamlx.MaxFileBytes {
		if _, err := io.CopyN(io.Discard, c.out, size+1); err != nil {
			return fail()
		}
		if f[1] != "blob" {
			return nil, false, nil
		}
		return nil, true, fmt.Errorf("%s ở phiên bản %s: tệp quá lớn (%d byte, tối đa %d byte) nên không đọc", path, rev, size, yamlx.MaxFileBytes)
	}
	data = make([]byte, size+1)
	if _, err := io.ReadFull(c.out, data); err != nil || data[size] != '\n' {
		return fail()
	}
	return data[:size], true, nil
}

// close ends the process, if any; the next read starts another.
func (c *catFile) close() {
	if c.cmd != nil {
		c.in.Close()
		c.cmd.Wait()
	}
	c.cmd, c.in, c.out, c.dir, c.dead = nil, nil, nil, "", false
}

// Close ends the cat-file process that reads of revisions share, so that
// reads after a commit or in another directory see that state; call it
// when a command's reads are done.
func Close() {
	batch.mu.Lock()
	defer batch.mu.Unlock()
	batch.close()
}

// showName is how git names path at rev for the working directory:
// “REV:./path”.
func showName(rev, path string) string {
	p := filepath.ToSlash(filepath.Clean(path))
	if !filepath.IsAbs(path) && !strings.HasPrefix(p, "../") {
		p = "./" + p
	}
	return rev + ":" + p
}

// ReadAt reads path at revision rev through the one cat-file process,
// falling back to Show (and its exact messages) for a file git does not
// have there, a name git would not take on one line, or a failed process.
func ReadAt(rev, path string) ([]byte, error) {
	if err := checkRev(rev); err != nil {
		return nil, err
	}
	name := showName(rev, path)
	if !filepath.IsAbs(path) && !strings.ContainsAny(name, "\n\r") && !bytes.ContainsRune([]byte(name), 0) {
		if data, found, err := batch.read(name, path, rev); found {
			return data, err
		}
	}
	return Show(rev, path)
}
