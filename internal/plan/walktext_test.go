package plan

import (
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"testing"

	"kehoach/internal/yamlx"
)

// walkTextRef is WalkText as it was before it built paths in one buffer:
// a new string for the path of every field.
func walkTextRef(v reflect.Value, path string, fn func(path, text string)) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			walkTextRef(v.Elem(), path, fn)
		}
	case reflect.Struct:
		t := v.Type()
		for _, k := range yamlx.Keys(t) {
			p := k.Name
			if path != "" {
				p = path + "." + k.Name
			}
			walkTextRef(v.Field(k.Index), p, fn)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walkTextRef(v.Index(i), path+"["+strconv.Itoa(i)+"]", fn)
		}
	case reflect.String:
		if v.String() != "" {
			fn(path, v.String())
		}
	}
}

// WalkText calls fn with the paths and texts, in the order, of the
// reference, for every plan and commune of plans/ and testdata/corpus/.
func TestWalkTextSameAsRef(t *testing.T) {
	files, _ := filepath.Glob("../../plans/*/20*.yaml")
	more, _ := filepath.Glob("../../testdata/corpus/*/20*.yaml")
	files = append(files, more...)
	if len(files) < 5 {
		t.Fatalf("only %d plans found", len(files))
	}
	for _, f := range files {
		res, err := Load(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range []any{res.Plan, res.Plan.Commune} {
			type field struct{ path, text string }
			var got, want []field
			WalkText(v, func(p, s string) { got = append(got, field{p, s}) })
			walkTextRef(reflect.ValueOf(v), "", func(p, s string) { want = append(want, field{p, s}) })
			if len(want) < 10 || !slices.Equal(got, want) {
				t.Errorf("%s: %d fields, reference %d (or they differ)", f, len(got), len(want))
			}
		}
	}
}
