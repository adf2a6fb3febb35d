package planfmt

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"kehoach/internal/plan"
	"kehoach/internal/yamlx"
)

// FuzzFormat: fmt(fmt(x)) == fmt(x), and formatting never changes what a
// valid file means.
func FuzzFormat(f *testing.F) {
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	hostile, _ := filepath.Glob("../../cmd/kehoach/testdata/hostile/*.yaml")
	for _, p := range hostile {
		if b, err := os.ReadFile(p); err == nil && len(b) < 1<<16 {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		once, err := Format("p.yaml", src)
		if err != nil {
			return
		}
		twice, err := Format("p.yaml", once)
		if err != nil {
			t.Fatalf("formatted output does not parse: %v\n%s", err, once)
		}
		if string(once) != string(twice) {
			t.Fatalf("not idempotent:\n%s\n----\n%s", once, twice)
		}
		var a, b plan.Plan
		_, ea := yamlx.Decode("p.yaml", src, &a)
		_, eb := yamlx.Decode("p.yaml", once, &b)
		if len(ea) == 0 {
			if len(eb) != 0 {
				t.Fatalf("a valid file became invalid: %v\n%s", eb, once)
			}
			zeroPos(reflect.ValueOf(&a))
			zeroPos(reflect.ValueOf(&b))
			if !reflect.DeepEqual(a, b) {
				t.Fatalf("meaning changed:\n%s\n----\n%s", src, once)
			}
		}
	})
}
