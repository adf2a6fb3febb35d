package testkit

import (
	"os"
	"path/filepath"
	"testing"
)

// SeedText is the seed document (../shared/seed), as its file has it. It
// skips the test when the seed is absent (fails with CI set).
func SeedText(t testing.TB) []byte {
	t.Helper()
	s := SharedDir()
	if s == "" {
		Missing(t, "BỎ QUA so sánh với văn bản mẫu: không có thư mục shared/ cạnh kho mã")
	}
	b, err := os.ReadFile(filepath.Join(s, "seed", "ke-hoach-ntm-2025-muong-khoa.txt"))
	if err != nil {
		Missing(t, "BỎ QUA so sánh với văn bản mẫu: %v", err)
	}
	return b
}
