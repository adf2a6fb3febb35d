package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v4"

	"kehoach/internal/plan"
	"kehoach/internal/testkit"
	"kehoach/internal/yamlx"
)

var update = testkit.Update

func committed(t *testing.T, name string) string {
	return filepath.Join(testkit.RepoRoot(t), "schema", name)
}

// TestCommittedSchemas keeps schema/*.json equal to what the types generate
// (go test ./internal/schema -update rewrites them).
func TestCommittedSchemas(t *testing.T) {
	for _, c := range []struct {
		file string
		gen  func() []byte
	}{{PlanFile, Plan}, {CommuneFile, Commune}} {
		t.Run(c.file, func(t *testing.T) {
			want := c.gen()
			if !bytes.Equal(want, c.gen()) {
				t.Fatal("two generations differ: output is not deterministic")
			}
			path := committed(t, c.file)
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, want, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v; run: go test ./internal/schema -update", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("schema/%s is stale; run: go test ./internal/schema -update (or kehoach schema)", c.file)
			}
		})
	}
}

// TestSchemaShape checks what every schema promises: valid JSON, draft-07,
// additionalProperties false on every object, a Vietnamese description on
// every key and a message with every pattern, only keywords the validator
// knows.
func TestSchemaShape(t *testing.T) {
	for _, c := range []struct {
		name string
		data []byte
	}{{"plan", Plan()}, {"xa", Commune()}} {
		t.Run(c.name, func(t *testing.T) {
			v, err := decodeJSON(c.data)
			if err != nil {
				t.Fatalf("not JSON: %v", err)
			}
			root := v.(map[string]any)
			if root["$schema"] != Draft {
				t.Errorf("$schema = %v, want %s", root["$schema"], Draft)
			}
			objects, keys := 0, 0
			var walk func(s any, path string)
			walk = func(s any, path string) {
				switch s := s.(type) {
				case map[string]any:
					if props, ok := s["properties"].(map[string]any); ok {
						objects++
						if s["additionalProperties"] != false {
							t.Errorf("%s: additionalProperties is %v, want false", path, s["additionalProperties"])
						}
						for k, p := range props {
							keys++
							d, _ := p.(map[string]any)["description"].(string)
							if strings.TrimSpace(d) == "" {
								t.Errorf("%s.%s: no description", path, k)
							}
						}
					}
					if _, ok := s["pattern"]; ok {
						if m, _ := s["patternErrorMessage"].(string); m == "" {
							t.Errorf("%s: a pattern without a Vietnamese patternErrorMessage", path)
						}
					}
					for k, sub := range s {
						walk(sub, path+"/"+k)
					}
				case []any:
					for i, sub := range s {
						walk(sub, fmt.Sprintf("%s[%d]", path, i))
					}
				}
			}
			walk(root, "$")
			if objects < 3 || keys < 10 {
				t.Errorf("only %d objects and %d keys found", objects, keys)
			}
			// An empty document exercises every keyword at the root; the
			// real plans below exercise the rest.
			if _, err := validateJSON(c.data, map[string]any{}); err != nil {
				t.Fatal(err)
			}
		})
	}
	// The recursive funding source is a definition referred to twice.
	p := string(Plan())
	if n := strings.Count(p, `"$ref": "#/definitions/Nguon"`); n != 2 {
		t.Errorf("#/definitions/Nguon referred to %d times, want 2 (nguon_luc.nguon and Nguon.con)", n)
	}
}

// TestTablesNameRealKeys: every rule, description and example names a key
// the types have, so renaming a key in package plan cannot leave one
// silently unused.
func TestTablesNameRealKeys(t *testing.T) {
	_, pk := generate(reflect.TypeOf(plan.Plan{}), "", "")
	_, ck := generate(reflect.TypeOf(plan.Commune{}), "", "")
	for _, tbl := range []struct {
		name string
		keys []string
	}{{"rules", mapKeys(rulesTable())}, {"docs", mapKeys(docsTable())}, {"examples", mapKeys(examplesTable())}} {
		for _, k := range tbl.keys {
			if !pk[k] && !ck[k] {
				t.Errorf("%s[%q]: no such key in plan.Plan or plan.Commune", tbl.name, k)
			}
		}
	}
}

func mapKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestExamplesFromRealPlan: each example is a value the 2025 plan of
// Mường Khoa (or its commune file) has at that key.
func TestExamplesFromRealPlan(t *testing.T) {
	root := testkit.RepoRoot(t)
	res, err := plan.Load(filepath.Join(root, "plans", "muong-khoa", "2025.yaml"))
	if err != nil || !res.OK() {
		t.Fatalf("load: %v %v", err, res.Errors)
	}
	seen := map[string][]reflect.Value{}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		case reflect.Struct:
			for _, f := range fields(v.Type()) {
				name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
				fv := v.FieldByIndex(f.Index)
				seen[v.Type().Name()+"."+name] = append(seen[v.Type().Name()+"."+name], fv)
				if !scalar(f.Type) {
					walk(fv)
				}
			}
		}
	}
	walk(reflect.ValueOf(res.Plan))
	walk(reflect.ValueOf(res.Plan.Commune))
	for key, exs := range examplesTable() {
		for _, ex := range exs {
			found := false
			for _, v := range seen[key] {
				if sameValue(t, v, ex) {
					found = true
					break
				}
			}
			if !found {
				t.Errorf("example %s = %v is not a value of the 2025 plan of Mường Khoa", key, ex)
			}
		}
	}
}

// sameValue compares a loaded value with an example written in the schema.
func sameValue(t *testing.T, v reflect.Value, ex any) bool {
	if _, ok := v.Addr().Interface().(yamlx.ScalarDecoder); ok {
		nv := reflect.New(v.Type())
		if err := nv.Interface().(yamlx.ScalarDecoder).DecodeScalar(fmt.Sprint(ex), false); err != nil {
			t.Errorf("example %v does not decode as %s: %v", ex, v.Type(), err)
			return false
		}
		return reflect.DeepEqual(nv.Elem().Interface(), v.Interface())
	}
	if v.Kind() == reflect.Slice {
		a, ok := ex.([]any)
		if !ok || len(a) != v.Len() {
			return false
		}
		for i := range a {
			if fmt.Sprint(a[i]) != fmt.Sprint(v.Index(i).Interface()) {
				return false
			}
		}
		return true
	}
	return fmt.Sprint(ex) == fmt.Sprint(v.Interface())
}

// TestModelines: the first line of every plan and commune file names the
// committed schema by a relative path that resolves from the file's folder.
func TestModelines(t *testing.T) {
	root := testkit.RepoRoot(t)
	files, err := filepath.Glob(filepath.Join(root, "plans", "*", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no plans: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(data), "\n")
		rel, ok := strings.CutPrefix(first, "# yaml-language-server: $schema=")
		if !ok {
			t.Errorf("%s: first line %q is not the schema modeline", f, first)
			continue
		}
		want := PlanFile
		if filepath.Base(f) == "xa.yaml" {
			want = CommuneFile
		}
		got := filepath.Clean(filepath.Join(filepath.Dir(f), filepath.FromSlash(strings.TrimSpace(rel))))
		if got != committed(t, want) {
			t.Errorf("%s: modeline resolves to %s, want %s", f, got, committed(t, want))
		}
		if _, err := os.Stat(got); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// TestRealFilesValidate: every committed plan and commune file passes its
// schema, as VS Code would see it.
func TestRealFilesValidate(t *testing.T) {
	root := testkit.RepoRoot(t)
	files, _ := filepath.Glob(filepath.Join(root, "plans", "*", "*.yaml"))
	for _, f := range files {
		t.Run(strings.TrimPrefix(f, root+string(filepath.Separator)), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := yamlToJSON(data)
			if err != nil {
				t.Fatal(err)
			}
			s := Plan()
			if filepath.Base(f) == "xa.yaml" {
				s = Commune()
			}
			errs, err := validateJSON(s, doc)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range errs {
				t.Error(e)
			}
		})
	}
}

// mutation edits a decoded document: the value at path (dot-separated,
// list indexes as numbers) is set, or deleted when value is del.
type mutation struct {
	path  string
	value any
}

var del = &struct{}{}

func apply(doc any, m mutation) error {
	parts := strings.Split(m.path, ".")
	cur := doc
	for i, p := range parts {
		last := i == len(parts)-1
		switch c := cur.(type) {
		case map[string]any:
			if last {
				if m.value == del {
					delete(c, p)
				} else {
					c[p] = m.value
				}
				return nil
			}
			cur = c[p]
		case []any:
			n, err := strconv.Atoi(p)
			if err != nil || n >= len(c) {
				return fmt.Errorf("bad index %q", p)
			}
			if last {
				c[n] = m.value
				return nil
			}
			cur = c[n]
		default:
			return fmt.Errorf("cannot descend into %T at %q", cur, p)
		}
	}
	return nil
}

// fromYAML decodes YAML into plain Go values (for mutation and re-encoding).
func fromYAML(t *testing.T, data []byte) any {
	v, err := yamlValues(data)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestSchemaAgreesWithLoader changes the 2025 plan or its commune file one
// key at a time and checks that the schema and plan.Load give the same
// verdict: rejected (an unknown key, a wrong enum value, a value out of
// range…) or accepted (every boundary value of the rules restated here).
func TestSchemaAgreesWithLoader(t *testing.T) {
	root := testkit.RepoRoot(t)
	dir := filepath.Join(root, "plans", "muong-khoa")
	planSrc, err := os.ReadFile(filepath.Join(dir, "2025.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	xaSrc, err := os.ReadFile(filepath.Join(dir, "xa.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		xa     bool // the mutation is in the commune file
		m      mutation
		reject bool
		where  string // expected in the schema's error path
		// canonical: the schema rejects a spelling the loader tolerates
		// (kehoach fmt rewrites most of them): the schemas describe the
		// canonical form.
		canonical bool
	}{
		{"unknown top key", false, mutation{"nam_hoc", 2025}, true, "$.nam_hoc", false},
		{"unknown key in a list item", false, mutation{"can_cu.0.so_hieu", "1"}, true, "$.can_cu[0].so_hieu", false},
		{"unknown key in a nested funding source", false, mutation{"nguon_luc.nguon.0.con.0.so_tienn", 1}, true, "$.nguon_luc.nguon[0].con[0].so_tienn", false},
		{"wrong criterion status", false, mutation{"tieu_chi.danh_gia.0.hien_trang", "da_dat"}, true, "hien_trang", false},
		{"unknown criteria set", false, mutation{"tieu_chi.bo", "qd999-2021-2025"}, true, "tieu_chi.bo", false},
		{"unknown annex", false, mutation{"nhiem_vu.bieu", []any{"05"}}, true, "nhiem_vu.bieu[0]", false},
		{"wrong comparison", false, mutation{"muc_tieu.chi_tieu.0.so_sanh", "=>"}, true, "so_sanh", false},
		{"date in another form", false, mutation{"can_cu.0.ngay", "2022-2-22x"}, true, "can_cu[0].ngay", false},
		{"impossible month", false, mutation{"can_cu.0.ngay", "2022-13-01"}, true, "can_cu[0].ngay", false},
		{"document number zero", false, mutation{"van_ban.so", 0}, true, "van_ban.so", false},
		{"ambiguous amount", false, mutation{"nguon_luc.nguon.1.so_tien", "1,954"}, true, "so_tien", false},
		{"amount not a number", false, mutation{"nguon_luc.nguon.1.so_tien", "bốn mươi"}, true, "so_tien", false},
		{"missing required key", false, mutation{"van_ban.trich_yeu", del}, true, "van_ban", false},
		{"required key empty", false, mutation{"van_ban.trich_yeu", ""}, true, "trich_yeu", false},
		{"required list empty", false, mutation{"giai_phap", []any{}}, true, "giai_phap", false},
		{"year before every period", false, mutation{"nam", 2020}, true, "nam", false},
		{"year after every period", false, mutation{"nam", 2031}, true, "nam", false},
		{"unknown period", false, mutation{"giai_doan", "2016-2020"}, true, "giai_doan", false},
		{"unknown registry citation", false, mutation{"can_cu.0", map[string]any{"ma": "qd999"}}, true, "ma", false},
		{"unknown region", true, mutation{"vung", "mien-nui"}, true, "vung", false},
		{"commune group 4", true, mutation{"nhom_xa", 4}, true, "nhom_xa", false},
		{"unknown document type", false, mutation{"van_ban.loai", "QĐ"}, true, "van_ban.loai", false},
		{"unknown funding kind", false, mutation{"nguon_luc.nguon.0.con.0.loai", "von_vay"}, true, "loai", false},
		{"unknown signing authority", false, mutation{"ky.quyen_han", "KTT"}, true, "quyen_han", false},
		{"authority with a dot", false, mutation{"ky.quyen_han", "KT."}, true, "quyen_han", true},
		{"comparison in words", false, mutation{"muc_tieu.chi_tieu.0.so_sanh", "toi_thieu"}, true, "so_sanh", true},
		{"ambiguous amount with a point", false, mutation{"nguon_luc.nguon.1.so_tien", "1.250"}, true, "so_tien", false},
		{"amount with English separators", false, mutation{"nguon_luc.nguon.1.so_tien", "1,954.5"}, true, "so_tien", false},
		{"date with two-digit year", false, mutation{"can_cu.0.ngay", "22/02/22"}, true, "can_cu[0].ngay", false},
		{"number in a text key", false, mutation{"muc_tieu.chi_tieu.0.tieu_chi", 10}, true, "tieu_chi", true},
		{"a text where a group is wanted", false, mutation{"ky", "Phó Chủ tịch"}, true, "$.ky", false},
		{"commune id with capitals", true, mutation{"ma", "Muong-Khoa"}, true, "$.ma", false},
		{"unknown commune key", true, mutation{"tinh_thanh", "Lai Châu"}, true, "tinh_thanh", false},
		{"font size 12", true, mutation{"trinh_bay", map[string]any{"co_chu": 12}}, true, "co_chu", false},
		{"line spacing 1.6", true, mutation{"trinh_bay", map[string]any{"gian_dong": 1.6}}, true, "gian_dong", false},
		{"paragraph spacing 5", true, mutation{"trinh_bay", map[string]any{"cach_doan": 5}}, true, "cach_doan", false},
		{"indent 11", true, mutation{"trinh_bay", map[string]any{"thut_dau_dong": 11}}, true, "thut_dau_dong", false},
		{"tone style unknown", true, mutation{"trinh_bay", map[string]any{"kieu_dau": "moi_nhat"}}, true, "kieu_dau", false},
		{"top margin 19", true, mutation{"trinh_bay", map[string]any{"le": map[string]any{"tren": 19}}}, true, "le.tren", false},
		{"left margin 36", true, mutation{"trinh_bay", map[string]any{"le": map[string]any{"trai": 36}}}, true, "le.trai", false},
		{"unknown layout key", true, mutation{"trinh_bay", map[string]any{"co": 13}}, true, "trinh_bay.co", false},

		{"first year of the first period", false, mutation{"nam", 2021}, false, "", false},
		{"period named", false, mutation{"giai_doan", "2021-2025"}, false, "", false},
		{"registry citation", false, mutation{"can_cu.0", map[string]any{"ma": "qd263-2022"}}, false, "", false},
		{"region", true, mutation{"vung", "tdmnpb"}, false, "", false},
		{"commune group", true, mutation{"nhom_xa", 3}, false, "", false},
		{"document type KH", false, mutation{"van_ban.loai", "KH"}, false, "", false},
		{"issued: number and date", false, mutation{"van_ban.so", 125}, false, "", false},
		{"date of issue", false, mutation{"van_ban.ngay", "2025-08-05"}, false, "", false},
		{"comparison ≥", false, mutation{"muc_tieu.chi_tieu.0.so_sanh", "≥"}, false, "", false},
		{"comparison empty", false, mutation{"muc_tieu.chi_tieu.3.so_sanh", nil}, false, "", false}, // index 3 has no sign: index 0 would contradict its Biểu 01 row (a cross-field check no schema expresses)
		{"amount written as text", false, mutation{"nguon_luc.nguon.1.so_tien", "40.0"}, false, "", false},
		{"amount the Vietnamese way", false, mutation{"nguon_luc.nguon.1.so_tien", "40,00"}, false, "", false},
		{"decimal comma", false, mutation{"bieu.cong_trinh.0.tong_muc_dau_tu", "640,5"}, false, "", false},
		{"Vietnamese thousands and decimals", false, mutation{"bieu.cong_trinh.0.tong_muc_dau_tu", "1.282,5"}, false, "", false},
		{"three places with the zero that disambiguates", false, mutation{"bieu.cong_trinh.0.tong_muc_dau_tu", "1.9540"}, false, "", false},
		{"three places after a long whole part", false, mutation{"bieu.cong_trinh.0.tong_muc_dau_tu", "12345.678"}, false, "", false},
		{"date day first", false, mutation{"can_cu.0.ngay", "22/02/2022"}, false, "", false},
		{"date day first without zeros", false, mutation{"can_cu.0.ngay", "5/8/2022"}, false, "", false},
		{"funding kind su_nghiep", false, mutation{"nguon_luc.nguon.0.con.1.loai", "su_nghiep"}, false, "", false},
		{"funding kind thuong_xuyen", false, mutation{"nguon_luc.nguon.0.con.1.loai", "thuong_xuyen"}, false, "", false},
		{"authority Q", false, mutation{"ky.quyen_han", "Q"}, false, "", false},
		{"authority TL", false, mutation{"ky.quyen_han", "TL"}, false, "", false},
		{"authority TUQ", false, mutation{"ky.quyen_han", "TUQ"}, false, "", false},
		{"optional key empty", false, mutation{"ky.ho_ten", nil}, false, "", false},
		{"every annex", false, mutation{"nguon_luc.bieu", []any{"01", "02", "03", "04"}}, false, "", false},
		{"font size 13", true, mutation{"trinh_bay", map[string]any{"co_chu": 13}}, false, "", false},
		{"font size 14", true, mutation{"trinh_bay", map[string]any{"co_chu": 14}}, false, "", false},
		{"line spacing 1 to 1.5", true, mutation{"trinh_bay", map[string]any{"gian_dong": 1.5, "cach_doan": 6}}, false, "", false},
		{"line spacing 1", true, mutation{"trinh_bay", map[string]any{"gian_dong": 1, "cach_doan": 24}}, false, "", false},
		{"indent 12.7", true, mutation{"trinh_bay", map[string]any{"thut_dau_dong": 12.7, "kieu_dau": "moi"}}, false, "", false},
		{"indent 10", true, mutation{"trinh_bay", map[string]any{"thut_dau_dong": 10, "kieu_dau": "cu"}}, false, "", false},
		{"margins at the low ends", true, mutation{"trinh_bay", map[string]any{"le": map[string]any{"tren": 20, "duoi": 20, "trai": 30, "phai": 15}}}, false, "", false},
		{"margins at the high ends", true, mutation{"trinh_bay", map[string]any{"le": map[string]any{"tren": 25, "duoi": 25, "trai": 35, "phai": 20}}}, false, "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pdoc, xdoc := fromYAML(t, planSrc), fromYAML(t, xaSrc)
			target := pdoc
			if c.xa {
				target = xdoc
			}
			if err := apply(target, c.m); err != nil {
				t.Fatal(err)
			}
			if c.m.path == "van_ban.so" && c.m.value == 125 {
				_ = apply(pdoc, mutation{"van_ban.ngay", "2025-08-05"})
			}
			// The schema's verdict.
			sch := Plan()
			if c.xa {
				sch = Commune()
			}
			j, err := json.Marshal(target)
			if err != nil {
				t.Fatal(err)
			}
			jdoc, err := decodeJSON(j)
			if err != nil {
				t.Fatal(err)
			}
			errs, err := validateJSON(sch, jdoc)
			if err != nil {
				t.Fatal(err)
			}
			if c.reject {
				if len(errs) == 0 {
					t.Errorf("schema accepts %s = %v", c.m.path, c.m.value)
				} else if !strings.Contains(strings.Join(errs, "\n"), c.where) {
					t.Errorf("schema errors do not mention %q:\n%s", c.where, strings.Join(errs, "\n"))
				}
			} else if len(errs) > 0 {
				t.Errorf("schema rejects %s = %v:\n%s", c.m.path, c.m.value, strings.Join(errs, "\n"))
			}
			// The loader's verdict on the same files.
			py, err := yaml.Marshal(pdoc)
			if err != nil {
				t.Fatal(err)
			}
			xy, err := yaml.Marshal(xdoc)
			if err != nil {
				t.Fatal(err)
			}
			res, err := plan.LoadBytes(filepath.Join(dir, "2025.yaml"), py, func(name string) ([]byte, error) {
				if filepath.Base(name) == "xa.yaml" {
					return xy, nil
				}
				return os.ReadFile(name)
			})
			if err != nil {
				t.Fatal(err)
			}
			if c.canonical {
				if !res.OK() {
					t.Errorf("the loader rejects %s = %v, a tolerated spelling: %v", c.m.path, c.m.value, res.Errors)
				}
				return
			}
			if c.reject && res.OK() {
				t.Errorf("the loader accepts what the schema rejects (%s = %v)", c.m.path, c.m.value)
			}
			if !c.reject && !res.OK() {
				t.Errorf("the loader rejects what the schema accepts (%s = %v): %v", c.m.path, c.m.value, res.Errors)
			}
		})
	}
}

// TestValidator checks the test validator itself on small cases.
func TestValidator(t *testing.T) {
	schema := []byte(`{
  "type": "object",
  "properties": {
    "a": {"type": ["integer", "null"], "minimum": 1, "maximum": 3},
    "b": {"enum": ["x", 1.5, null]},
    "c": {"type": "string", "pattern": "^[a-z]+$", "minLength": 2},
    "d": {"type": "array", "items": {"$ref": "#/definitions/N"}, "minItems": 1},
    "e": {"anyOf": [{"type": "boolean"}, {"type": "string"}]},
    "f": {"oneOf": [{"type": "number"}, {"type": "integer"}]}
  },
  "required": ["a"],
  "additionalProperties": false,
  "definitions": {
    "N": {"type": "object", "properties": {"n": {"type": "array", "items": {"$ref": "#/definitions/N"}}}, "additionalProperties": false}
  }
}`)
	cases := []struct {
		doc  string
		want string // "" = valid; else a fragment of the error
	}{
		{`{"a": 2}`, ""},
		{`{"a": null}`, ""},
		{`{"a": 2.0}`, ""},
		{`{"a": 2.5}`, "type"},
		{`{"a": 0}`, "below minimum"},
		{`{"a": 4}`, "above maximum"},
		{`{}`, "missing required"},
		{`{"a": 1, "z": 1}`, "$.z: unknown key"},
		{`{"a": 1, "b": 1.50}`, ""},
		{`{"a": 1, "b": "y"}`, "not in enum"},
		{`{"a": 1, "c": "abc"}`, ""},
		{`{"a": 1, "c": "a"}`, "shorter"},
		{`{"a": 1, "c": "ab1"}`, "pattern"},
		{`{"a": 1, "d": []}`, "fewer than"},
		{`{"a": 1, "d": [{"n": [{"n": []}]}]}`, ""},
		{`{"a": 1, "d": [{"n": [{"m": 1}]}]}`, "$.d[0].n[0].m: unknown key"},
		{`{"a": 1, "e": "s"}`, ""},
		{`{"a": 1, "e": 1}`, "anyOf"},
		{`{"a": 1, "f": 1.5}`, ""},
		{`{"a": 1, "f": 1}`, "oneOf"},
	}
	for _, c := range cases {
		doc, err := decodeJSON([]byte(c.doc))
		if err != nil {
			t.Fatal(err)
		}
		errs, err := validateJSON(schema, doc)
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Join(errs, "\n")
		switch {
		case c.want == "" && got != "":
			t.Errorf("%s: unexpected errors:\n%s", c.doc, got)
		case c.want != "" && !strings.Contains(got, c.want):
			t.Errorf("%s: errors %q do not contain %q", c.doc, got, c.want)
		}
	}
	if errs, _ := validateJSON([]byte(`{"format": "date"}`), "x"); len(errs) == 0 || !strings.Contains(errs[0], "unsupported") {
		t.Errorf("an unknown keyword must be reported, got %v", errs)
	}
}
