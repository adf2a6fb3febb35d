package extract

import (
	"bytes"
	"kehoach/internal/extract/limits"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadFileLimits: a file over MaxFileBytes is refused by its size,
// before it is read; so is what is not a regular file.
func TestReadFileLimits(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "lon.pdf")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(limits.MaxFileBytes + 1); err != nil { // sparse: nothing written
		t.Fatal(err)
	}
	f.Close()
	if _, err := Text(big); err == nil || !strings.Contains(err.Error(), "tệp quá lớn (33.554.433 byte; lệnh text chỉ đọc tệp đến 32 MiB)") {
		t.Errorf("large file: %v", err)
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		link := filepath.Join(dir, "zero.docx")
		if err := os.Symlink("/dev/zero", link); err == nil {
			if _, err := Text(link); err == nil || !strings.Contains(err.Error(), "không phải tệp thường") {
				t.Errorf("/dev/zero: %v", err)
			}
		}
	}
	// Exactly at the limit: read (and refused as a PDF, not for its size).
	if err := os.WriteFile(big, bytes.Repeat([]byte{' '}, 1024), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Text(big); err == nil || strings.Contains(err.Error(), "quá lớn") {
		t.Errorf("small file: %v", err)
	}
}
