package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/internal/schema"
)

// TestSchema covers kehoach schema: both files into a folder, one schema on
// stdout, usage errors.
func TestSchema(t *testing.T) {
	dir := t.TempDir()
	var out, errb bytes.Buffer
	if st := run([]string{"schema", "-o", dir}, &out, &errb); st != 0 {
		t.Fatalf("status %d: %s", st, errb.String())
	}
	for name, want := range map[string][]byte{schema.PlanFile: schema.Plan(), schema.CommuneFile: schema.Commune()} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: written file differs (%v)", name, err)
		}
	}
	for _, c := range []struct {
		args   []string
		status int
		out    []byte
		err    string
	}{
		{[]string{"ke-hoach"}, 0, schema.Plan(), ""},
		{[]string{"xa"}, 0, schema.Commune(), ""},
		{[]string{"tinh"}, 2, nil, "không có lược đồ “tinh”"},
		{[]string{"xa", "ke-hoach"}, 2, nil, "thừa tham số"},
		{[]string{"-x"}, 2, nil, "-x"},
		{[]string{"-o", filepath.Join(dir, schema.PlanFile, "sub")}, 2, nil, "không tạo được thư mục"},
	} {
		out.Reset()
		errb.Reset()
		st := run(append([]string{"schema"}, c.args...), &out, &errb)
		if st != c.status || (c.out != nil && !bytes.Equal(out.Bytes(), c.out)) || !strings.Contains(errb.String(), c.err) {
			t.Errorf("Run(%q) = %d, stderr %q; want %d, %q", c.args, st, errb.String(), c.status, c.err)
		}
	}
}
