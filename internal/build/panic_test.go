package build

import (
	"errors"
	"os"
	"strings"
	"testing"

	"kehoach/internal/panics"
)

// TestRendererPanicIsThePlansError: a panic while rendering one format
// (the kind of fault "5 m²x" once met in vn.Bind, which ended kehoach build
// with a Go stack trace) is the plan's error, in Vietnamese with where it
// happened, and no file of the plan is written, the set already in the
// folder kept whole.
func TestRendererPanicIsThePlansError(t *testing.T) {
	dir := t.TempDir()
	o := Options{OutDir: dir}
	if r := Plan(plan2025, o); r.Err != nil {
		t.Fatal(r.Err)
	}
	before := snapshotDir(t, dir)
	for _, format := range []string{"pdf", "docx", "xlsx"} {
		renderHook = func(f string) {
			if f == format {
				var s []int
				_ = s[len(f)]
			}
		}
		r := Plan(plan2025, o)
		renderHook = func(string) {}
		var pe *panics.Error
		if !errors.As(r.Err, &pe) {
			t.Fatalf("%s: error %v is not a recovered panic", format, r.Err)
		}
		for _, want := range []string{plan2025, "không tạo được tệp " + format, "lỗi nội bộ của kehoach", "index out of range", "tại panic_test.go:"} {
			if !strings.Contains(r.Err.Error(), want) {
				t.Errorf("%s: %q lacks %q", format, r.Err, want)
			}
		}
		if len(r.Outputs) != 0 {
			t.Errorf("%s: outputs %v", format, r.Outputs)
		}
		if after := snapshotDir(t, dir); after != before {
			t.Errorf("%s: the output folder changed:\n%s\nwas\n%s", format, after, before)
		}
	}
}

// snapshotDir is the names and bytes of the files in dir, as one string.
func snapshotDir(t *testing.T, dir string) string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, e := range es {
		data, err := os.ReadFile(dir + "/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(e.Name() + " " + string(data) + "\n")
	}
	return b.String()
}
