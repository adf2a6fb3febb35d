package build

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"kehoach/internal/plan"
	"kehoach/internal/testkit"
	"kehoach/internal/yamlx"
)

// communePlans copies the Mường Khoa plan into root/plans/folder under the
// given names, its commune file's code set to ma, and returns the paths.
func communePlans(t *testing.T, root, folder, ma string, names ...string) []string {
	t.Helper()
	var out []string
	for _, n := range names {
		out = append(out, testkit.CopyPlan(t, root, folder, n, nil))
	}
	xa := filepath.Join(root, "plans", folder, "xa.yaml")
	b, err := os.ReadFile(xa)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(xa, []byte(strings.Replace(string(b), "ma: muong-khoa", "ma: "+ma, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

// Two plans whose outputs would have the same names are found before
// anything is written, and each error names the other plan file(s), in
// Vietnamese, at the line to change.
func TestCollisions(t *testing.T) {
	const outs = "(out/ke-hoach-ntm-2025-muong-khoa.docx, .pdf, -bieu.xlsx)"
	copyMsg := func(plan, others string) string {
		return plan + ":8:6: kế hoạch này" + others + " cùng là kế hoạch năm 2025 của xã “muong-khoa” nên sẽ ghi đè tệp kết quả của nhau " + outs + "; không dựng kế hoạch nào trong số đó. Hãy xóa hoặc chuyển ra chỗ khác tệp thừa (thường là bản chép như “2025 - Copy.yaml”)."
	}
	tests := []struct {
		name  string
		setup func(t *testing.T, root string) []string
		want  []string // per path: the error with R for the root, or ""
	}{
		{"Explorer's copy beside the plan", func(t *testing.T, root string) []string {
			return communePlans(t, root, "muong-khoa", "muong-khoa", "2025 - Copy.yaml", "2025.yaml")
		}, []string{
			copyMsg("R/plans/muong-khoa/2025 - Copy.yaml", " và R/plans/muong-khoa/2025.yaml"),
			copyMsg("R/plans/muong-khoa/2025.yaml", " và R/plans/muong-khoa/2025 - Copy.yaml"),
		}},
		{"three copies", func(t *testing.T, root string) []string {
			return communePlans(t, root, "muong-khoa", "muong-khoa", "2025 - Copy (2).yaml", "2025 - Copy.yaml", "2025.yaml")
		}, []string{
			copyMsg("R/plans/muong-khoa/2025 - Copy (2).yaml", ", R/plans/muong-khoa/2025 - Copy.yaml và R/plans/muong-khoa/2025.yaml"),
			copyMsg("R/plans/muong-khoa/2025 - Copy.yaml", ", R/plans/muong-khoa/2025 - Copy (2).yaml và R/plans/muong-khoa/2025.yaml"),
			copyMsg("R/plans/muong-khoa/2025.yaml", ", R/plans/muong-khoa/2025 - Copy (2).yaml và R/plans/muong-khoa/2025 - Copy.yaml"),
		}},
		{"two communes with the same ma", func(t *testing.T, root string) []string {
			return append(communePlans(t, root, "muong-khoa", "muong-khoa", "2025.yaml"), communePlans(t, root, "tan-loi", "muong-khoa", "2025.yaml")...)
		}, []string{
			"R/plans/muong-khoa/xa.yaml:4:5: mã xã “muong-khoa” trùng với mã của xã ở R/plans/tan-loi/xa.yaml, nên kế hoạch R/plans/muong-khoa/2025.yaml và R/plans/tan-loi/2025.yaml (cùng năm 2025) sẽ ghi đè tệp kết quả của nhau " + outs + "; không dựng kế hoạch nào trong số đó. Hãy đặt cho mỗi xã một mã riêng (khóa ma: tên xã không dấu, nối bằng gạch ngang, ví dụ tan-loi).",
			"R/plans/tan-loi/xa.yaml:4:5: mã xã “muong-khoa” trùng với mã của xã ở R/plans/muong-khoa/xa.yaml, nên kế hoạch R/plans/tan-loi/2025.yaml và R/plans/muong-khoa/2025.yaml (cùng năm 2025) sẽ ghi đè tệp kết quả của nhau " + outs + "; không dựng kế hoạch nào trong số đó. Hãy đặt cho mỗi xã một mã riêng (khóa ma: tên xã không dấu, nối bằng gạch ngang, ví dụ tan-loi).",
		}},
		{"two communes, two codes", func(t *testing.T, root string) []string {
			return append(communePlans(t, root, "muong-khoa", "muong-khoa", "2025.yaml"), communePlans(t, root, "tan-loi", "tan-loi", "2025.yaml")...)
		}, []string{"", ""}},
		{"two years of one commune", func(t *testing.T, root string) []string {
			ps := communePlans(t, root, "muong-khoa", "muong-khoa", "2025.yaml")
			p := testkit.CopyPlan(t, root, "muong-khoa", "2026.yaml", func(s string) string { return strings.Replace(s, "nam: 2025", "nam: 2026", 1) })
			return append(ps, p)
		}, []string{"", ""}},
		{"a copy whose year does not read: it writes nothing, so no collision", func(t *testing.T, root string) []string {
			ps := communePlans(t, root, "muong-khoa", "muong-khoa", "2025.yaml")
			p := testkit.CopyPlan(t, root, "muong-khoa", "2025 - Copy.yaml", func(s string) string { return strings.Replace(s, "nam: 2025", "nam: hai", 1) })
			return append(ps, p)
		}, []string{"", ""}},
		{"a copy saved as .txt by Notepad: never read as a plan", func(t *testing.T, root string) []string {
			return communePlans(t, root, "muong-khoa", "muong-khoa", "2025.yaml", "2025 - Copy.yaml.txt")
		}, []string{"", ""}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			paths := tc.setup(t, root)
			got := Collisions(paths, Options{}, 0)
			for i, p := range paths {
				want := strings.ReplaceAll(tc.want[i], "R/", root+"/")
				want = strings.ReplaceAll(want, "/", string(filepath.Separator))
				g := ""
				if got != nil && got[i] != nil {
					g = got[i].Error()
				}
				if g != want {
					t.Errorf("%s:\n got %s\nwant %s", p, g, want)
				}
			}
		})
	}
}

// On a file system that tells letter cases apart, 2025.yaml and 2025.YAML
// are two plans with the same outputs (Windows has one file, listed once).
func TestCollisionsLetterCase(t *testing.T) {
	root := t.TempDir()
	paths := communePlans(t, root, "muong-khoa", "muong-khoa", "2025.yaml", "2025.YAML")
	if st, _ := os.ReadDir(filepath.Dir(paths[0])); len(st) != 3 {
		t.Skip("BỎ QUA: hệ thống tệp không phân biệt chữ hoa, chữ thường")
	}
	if got := Collisions(paths, Options{}, 0); got == nil || got[0] == nil || got[1] == nil {
		t.Errorf("not refused: %v", got)
	}
}

// A batch refuses the colliding plans, writing none of their outputs, and
// builds the others; a refused plan's result carries the collision and
// its own problems.
func TestBatchRefusesCollidingPlans(t *testing.T) {
	root := t.TempDir()
	dup := communePlans(t, root, "muong-khoa", "muong-khoa", "2025 - Copy.yaml", "2025.yaml")
	other := communePlans(t, root, "tan-loi", "tan-loi", "2025.yaml")
	out := filepath.Join(root, "out")
	results := Batch(append(dup, other...), Options{OutDir: out}, 2, nil)
	for i, r := range results[:2] {
		if r.Err != nil || r.Load == nil || r.Load.OK() || len(r.Outputs) != 0 {
			t.Fatalf("plan %d: err %v, outputs %v", i, r.Err, r.Outputs)
		}
		if msg := r.Load.Errors[0].Error(); !strings.Contains(msg, "ghi đè tệp kết quả của nhau") || !strings.Contains(msg, dup[1-i]) {
			t.Errorf("plan %d: %s", i, msg)
		}
		if len(r.Load.Warnings) == 0 {
			t.Errorf("plan %d: the plan's own warnings are not reported", i)
		}
	}
	if r := results[2]; r.Err != nil || len(r.Outputs) != 3 {
		t.Fatalf("the other plan: %v %v", r.Err, r.Outputs)
	}
	ents, _ := os.ReadDir(out)
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	if got := strings.Join(names, " "); got != "ke-hoach-ntm-2025-tan-loi-bieu.xlsx ke-hoach-ntm-2025-tan-loi.docx ke-hoach-ntm-2025-tan-loi.pdf" {
		t.Errorf("out/ holds %s", got)
	}
}

// A file named twice (its folder and itself, or ./ and another spelling)
// is built once, not twice side by side.
func TestExpandPathsOnce(t *testing.T) {
	root := t.TempDir()
	p := communePlans(t, root, "muong-khoa", "muong-khoa", "2025.yaml")[0]
	t.Chdir(root)
	rel := filepath.Join("plans", "muong-khoa", "2025.yaml")
	args := []string{filepath.Join("plans", "muong-khoa"), rel, "." + string(filepath.Separator) + rel, p}
	if runtime.GOOS == "windows" {
		args = append(args, strings.ToUpper(rel))
	}
	got, err := ExpandPaths(args, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0] != rel {
		t.Errorf("ExpandPaths(%q) = %q, want [%s]", args, got, rel)
	}
}

// topScalar reads a top-level key in the form kehoach fmt writes, and
// gives up (the caller decodes) on anything else.
func TestTopScalar(t *testing.T) {
	tests := []struct {
		name, data, key string
		value           string
		line, col       int
		ok              bool
	}{
		{"plain", "# Kế hoạch\nxa: xa.yaml\nnam: 2025\n", "nam", "2025", 3, 6, true},
		{"comment, CRLF, BOM", "\ufeffxa: xa.yaml\r\nnam:   2025 # năm kế hoạch\r\n", "nam", "2025", 2, 8, true},
		{"a path with backslashes", "xa: ..\\chung\\xa.yaml\n", "xa", `..\chung\xa.yaml`, 1, 5, true},
		{"a longer key that starts alike", "nam_cu: 2024\nnam: 2025\n", "nam", "2025", 2, 6, true},
		{"indented: not top level", "van_ban:\n  nam: 2024\nnam: 2025\n", "nam", "2025", 3, 6, true},
		{"quoted", "nam: \"2025\"\n", "nam", "", 0, 0, false},
		{"twice", "nam: 2025\nnam: 2026\n", "nam", "", 0, 0, false},
		{"missing", "xa: xa.yaml\n", "nam", "", 0, 0, false},
		{"a block", "nam:\n  2025\n", "nam", "", 0, 0, false},
		{"a flow mapping", "{xa: xa.yaml, nam: 2025}\n", "nam", "", 0, 0, false},
		{"two documents", "nam: 2025\n---\nnam: 2026\n", "nam", "", 0, 0, false},
		{"an anchor", "nam: &n 2025\n", "nam", "", 0, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := topScalar([]byte(tc.data), tc.key)
			if ok != tc.ok || ok && (got.value != tc.value || got.pos.Line != tc.line || got.pos.Col != tc.col) {
				t.Errorf("got %q at %d:%d, %v; want %q at %d:%d, %v", got.value, got.pos.Line, got.pos.Col, ok, tc.value, tc.line, tc.col, tc.ok)
			}
		})
	}
}

// On every plan of the corpus and its commune file, the quick read gives
// what the decoder gives: the same values at the same places.
func TestTopScalarAgreesWithDecode(t *testing.T) {
	for _, path := range testkit.CorpusPlans(t) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var p plan.Plan
		ix, _ := yamlx.Decode(path, data, &p)
		nam, ok1 := topScalar(data, "nam")
		xa, ok2 := topScalar(data, "xa")
		if !ok1 || !ok2 || nam.value != strconv.Itoa(p.Nam) || nam.pos != ix.Lookup("nam") || xa.value != p.Xa || xa.pos != ix.Lookup("xa") {
			t.Errorf("%s: quick read %v %v %v %v, decoder %d at %v, %s at %v", path, nam, ok1, xa, ok2, p.Nam, ix.Lookup("nam"), p.Xa, ix.Lookup("xa"))
		}
		cpath, _ := plan.CommunePath(path, p.Xa)
		cdata, err := os.ReadFile(cpath)
		if err != nil {
			t.Fatal(err)
		}
		var c plan.Commune
		cix, _ := yamlx.Decode(cpath, cdata, &c)
		if ma, ok := topScalar(cdata, "ma"); !ok || ma.value != c.Ma || ma.pos != cix.Lookup("ma") {
			t.Errorf("%s: quick read %v %v, decoder %s at %v", cpath, ma, ok, c.Ma, cix.Lookup("ma"))
		}
	}
}
