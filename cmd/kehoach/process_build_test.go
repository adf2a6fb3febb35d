//go:build integration

package main

// Tests that run kehoach as processes — killed at random moments, several
// at once, or fed hostile files under time and memory bounds — take most of
// this package's CPU time; they run with the integration tests (make test:
// go test -tags integration -run … ./cmd/kehoach), not in go test ./... .

import (
	"archive/zip"
	"bytes"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A build killed at any moment never leaves a truncated file in out/: every
// visible file there is complete (temporary files and backups are hidden
// dot-files that the next build removes once they are stale).
func TestKilledBuildLeavesNoTruncatedFile(t *testing.T) {
	t.Parallel() // runs processes only: no working folder or environment of its own
	dir := t.TempDir()
	bin := buildKehoach(t)
	plans := filepath.Join(dir, "plans")
	for i := 0; i < 12; i++ {
		d := filepath.Join(plans, "xa-"+string(rune('a'+i)))
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		p, _ := os.ReadFile("../../plans/muong-khoa/2025.yaml")
		x, _ := os.ReadFile("../../plans/muong-khoa/xa.yaml")
		x = bytes.Replace(x, []byte("ma: muong-khoa"), []byte("ma: xa-"+string(rune('a'+i))), 1)
		os.WriteFile(filepath.Join(d, "2025.yaml"), p, 0o644)
		os.WriteFile(filepath.Join(d, "xa.yaml"), x, 0o644)
	}
	out := filepath.Join(dir, "out")
	rng := rand.New(rand.NewSource(1))
	for round := 0; round < 15; round++ {
		cmd := exec.Command(bin, "build", "-j", "2", "-o", out, plans)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(5+rng.Intn(250)) * time.Millisecond)
		cmd.Process.Kill()
		cmd.Wait()
		ents, _ := os.ReadDir(out)
		for _, e := range ents {
			name := e.Name()
			if strings.HasPrefix(name, ".") && (strings.HasSuffix(name, ".tmp") || strings.HasSuffix(name, ".bak")) {
				continue // an unfinished temporary file or the backup of an old output, never a result
			}
			b, err := os.ReadFile(filepath.Join(out, name))
			if err != nil {
				t.Fatal(err)
			}
			switch filepath.Ext(name) {
			case ".pdf":
				if !bytes.HasSuffix(bytes.TrimSpace(b), []byte("%%EOF")) {
					t.Errorf("round %d: %s is truncated (%d bytes)", round, name, len(b))
				}
			case ".docx", ".xlsx":
				if _, err := zip.NewReader(bytes.NewReader(b), int64(len(b))); err != nil {
					t.Errorf("round %d: %s is not a whole zip: %v", round, name, err)
				}
			default:
				t.Errorf("round %d: unexpected file %s", round, name)
			}
		}
	}
	// A full build afterwards succeeds and leaves only complete files.
	if outb, err := exec.Command(bin, "build", "-o", out, plans).CombinedOutput(); err != nil {
		t.Fatalf("final build: %v\n%s", err, outb)
	}
}
