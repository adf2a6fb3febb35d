package panics

import (
	"errors"
	"strings"
	"testing"
)

func index(s []int, i int) (v int, err error) {
	defer Catch(&err)
	return s[i], nil
}

func TestCatch(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		run  func() error
		want []string // in the message; nil: no error
	}{
		{"no panic", func() error { _, err := index([]int{1}, 0); return err }, nil},
		{"index out of range", func() error { _, err := index(nil, 2); return err },
			[]string{"lỗi nội bộ của kehoach", "index out of range [2] with length 0", "tại panics_test.go:"}},
		{"panic with a value", func() (err error) {
			defer Catch(&err)
			panic("hỏng")
		}, []string{"(hỏng tại panics_test.go:"}},
		{"From in a deferred function", func() (err error) {
			defer func() {
				if p := recover(); p != nil {
					err = From(p)
				}
			}()
			var m map[string]int
			m["x"] = 1
			return nil
		}, []string{"assignment to entry in nil map tại panics_test.go:"}},
	}
	for _, tc := range tests {
		err := tc.run()
		if tc.want == nil {
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
			}
			continue
		}
		var pe *Error
		if !errors.As(err, &pe) {
			t.Fatalf("%s: %v is not an *Error", tc.name, err)
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: %q lacks %q", tc.name, err, w)
			}
		}
	}
}
