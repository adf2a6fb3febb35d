package planfmt

import (
	"os"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"kehoach/internal/diag"
	"kehoach/internal/plan"
	"kehoach/internal/yamlx"
)

var files = []string{
	"../../plans/muong-khoa/2025.yaml",
	"../../plans/muong-khoa/xa.yaml",
	"../plan/testdata/minimal.yaml",
	"../plan/testdata/xa.yaml",
	"../plan/testdata/seed-2256.yaml",
}

var commentRe = regexp.MustCompile(`#[^\n"]*$`)

// comments returns the comment texts of a YAML file (outside quoted text).
func comments(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if i := strings.Index(l, "# "); i >= 0 && !strings.Contains(l[:i], `"`) {
			out = append(out, strings.TrimSpace(l[i:]))
		} else if strings.HasPrefix(strings.TrimSpace(l), "#") {
			out = append(out, strings.TrimSpace(l))
		}
	}
	sort.Strings(out)
	return out
}

// zeroPos clears position fields so decoded models can be compared.
func zeroPos(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			zeroPos(v.Elem())
		}
	case reflect.Struct:
		if v.Type() == reflect.TypeOf(diag.Pos{}) {
			v.Set(reflect.Zero(v.Type()))
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				zeroPos(v.Field(i))
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			zeroPos(v.Index(i))
		}
	}
}

func decode(t *testing.T, path string, src []byte) any {
	t.Helper()
	var v any = &plan.Plan{}
	if KindOf(path) == reflect.TypeOf(plan.Commune{}) {
		v = &plan.Commune{}
	}
	if _, errs := yamlx.Decode(path, src, v); len(errs) > 0 {
		t.Fatalf("%s: %v", path, errs)
	}
	zeroPos(reflect.ValueOf(v))
	return v
}

// fmt(fmt(x)) == fmt(x); the meaning is unchanged; every comment is kept.
func TestIdempotentKeepsMeaningAndComments(t *testing.T) {
	t.Parallel()
	for _, f := range files {
		t.Run(f, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			once, err := Format(f, src)
			if err != nil {
				t.Fatal(err)
			}
			twice, err := Format(f, once)
			if err != nil {
				t.Fatal(err)
			}
			if string(once) != string(twice) {
				t.Errorf("not idempotent:\n%s", firstDiffLine(string(once), string(twice)))
			}
			if !reflect.DeepEqual(decode(t, f, src), decode(t, f, once)) {
				t.Error("formatting changed the plan's meaning")
			}
			if a, b := comments(string(src)), comments(string(once)); strings.Join(a, "\n") != strings.Join(b, "\n") {
				t.Errorf("comments changed:\nbefore %d: %q\nafter %d: %q", len(a), a, len(b), b)
			}
		})
	}
}

func firstDiffLine(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return la[i] + "\n" + lb[i]
		}
	}
	return "(length differs)"
}

func TestCanonicalForms(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		{"key order as the model", "nam: 2025\nxa: xa.yaml\n", "xa: xa.yaml\nnam: 2025\n"},
		{"nested key order", "van_ban:\n  trich_yeu: T\n  so: 5\n", "van_ban:\n  so: 5\n  trich_yeu: T\n"},
		{"NFC text", "muc_tieu:\n  chung: Vie\u0302\u0323t Nam\n", "muc_tieu:\n  chung: Việt Nam\n"},
		{"number forms", "nguon_luc:\n  tong: 3_900\n  nguon:\n    - ten: A\n      so_tien: 1.282,2\n", "nguon_luc:\n  tong: 3900\n  nguon:\n    - ten: A\n      so_tien: 1282.2\n"},
		{"date forms", "van_ban:\n  ngay: 05/08/2025\n", "van_ban:\n  ngay: 2025-08-05\n"},
		{"comparison sign", "muc_tieu:\n  chi_tieu:\n    - {ten: A, so_sanh: ≥, gia_tri: 54}\n", "muc_tieu:\n  chi_tieu:\n    - {ten: A, so_sanh: \">=\", gia_tri: 54}\n"},
		{"indentation and quotes", "can_cu:\n- loai: 'Quyết định'\n  so: '263/QĐ-TTg'\n", "can_cu:\n  - loai: Quyết định\n    so: 263/QĐ-TTg\n"},
		{"string field keeps a number-like value quoted", "nhiem_vu:\n  bieu: [01]\n", "nhiem_vu:\n  bieu: [\"01\"]\n"},
		{"comments travel with their key", "ten_xa: x\n# về năm\nnam: 2025 # năm\n# trước xa\nxa: xa.yaml\n", "# trước xa\n\nxa: xa.yaml\n\n# về năm\nnam: 2025 # năm\n\nten_xa: x\n"},
		{"the first comment is the file header", "# đầu tệp\nnam: 2025\nxa: xa.yaml\n", "# đầu tệp\n\nxa: xa.yaml\nnam: 2025\n"},
		{"file header comment stays on top", "# đầu tệp\n\nnam: 2025\nxa: xa.yaml\n", "# đầu tệp\n\nxa: xa.yaml\nnam: 2025\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Format("p.yaml", []byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestSyntaxErrorIsNotRewritten(t *testing.T) {
	t.Parallel()
	_, err := Format("p.yaml", []byte("nam: [2025\n"))
	if err == nil || !strings.Contains(err.Error(), "p.yaml:") {
		t.Errorf("error = %v", err)
	}
}
