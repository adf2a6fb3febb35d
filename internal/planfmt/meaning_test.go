package planfmt

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v4"

	"kehoach/internal/compose"
	"kehoach/internal/layout"
	"kehoach/internal/plan"
	"kehoach/internal/plan/plantest"
	rtext "kehoach/internal/render/text"
	"kehoach/internal/vn"
	"kehoach/internal/yamlx"
)

// scalarValues maps the path of every non-null scalar of a YAML file (as
// yamlx.Index writes paths: "nhiem_vu.nhom[0].noi_dung[1].doan") to its
// NFC value; ok is false when the file does not parse as YAML.
func scalarValues(src []byte) (map[string]string, bool) {
	var d yaml.Node
	if err := yaml.Unmarshal(yamlx.Normalize(src), &d); err != nil || len(d.Content) == 0 {
		return nil, false
	}
	out := map[string]string{}
	editNode(d.Content[0], "", func(path, value string) (string, bool) {
		out[path] = value
		return value, false
	})
	return out, true
}

// sameScalar reports whether a formatted value b says what a did: the same
// text, or the same number or date in the canonical spelling.
func sameScalar(a, b string) bool {
	if a == b {
		return true
	}
	if da, err := vn.ParseDecimal(a); err == nil {
		if db, err := vn.ParseDecimal(b); err == nil && vn.FormatYAML(da) == vn.FormatYAML(db) {
			return true
		}
	}
	var x, y plan.Date
	if x.DecodeScalar(a, false) == nil && y.DecodeScalar(b, false) == nil && !x.IsZero() && x == y {
		return true
	}
	var c1, c2 plan.Cmp
	return c1.DecodeScalar(a, false) == nil && c2.DecodeScalar(b, false) == nil && c1 == c2
}

// keepsScalars fails unless out holds exactly the scalars of src, each
// saying the same (whatever the plan's validity: every file that formats).
func keepsScalars(t *testing.T, src, out []byte) {
	t.Helper()
	a, ok := scalarValues(src)
	if !ok {
		return
	}
	b, ok := scalarValues(out)
	if !ok {
		t.Fatalf("formatted output is not YAML:\n%s", out)
	}
	for p, v := range a {
		w, ok := b[p]
		if !ok {
			t.Fatalf("value at %s lost:\n%s\n----\n%s", p, src, out)
		}
		if !sameScalar(v, w) {
			t.Fatalf("value at %s changed: %q → %q\n%s\n----\n%s", p, v, w, src, out)
		}
	}
	for p := range b {
		if _, ok := a[p]; !ok {
			t.Fatalf("value at %s added:\n%s\n----\n%s", p, src, out)
		}
	}
}

// blockScalarCases are block scalars whose text changes if a line of them
// is lost or added: blank lines inside | and > blocks (F-07), leading and
// trailing ones, keep chomping (|+) before the next key, more-indented
// lines in a folded block, an indentation indicator.
var blockScalarCases = []string{
	"ket_luan: |-\n  Dòng một.\n\n  Dòng ba sau một dòng trống.\n\n\n  Dòng sáu.\n",
	"ket_luan: |\n  Dòng một.\n\n  Dòng ba.\n",
	"ket_luan: |+\n  Dòng một.\n\n  Dòng ba.\n\n\nxa: xa.yaml\n",
	"xa: xa.yaml\nket_luan: |+\n  Dòng một.\n\n",
	"ket_luan: |+\n  Dòng một.\n  Dòng ba.\n\n\n# ghi chú cuối tệp\n",
	"a:\n  ket_luan: |+\n    Dòng một.\n\n  # ghi chú\n  xa: x\n",
	"ket_luan: >-\n  Đoạn một\n  tiếp tục.\n\n  Đoạn hai.\n\n\n  Đoạn ba.\n",
	"ket_luan: >\n  Đoạn một.\n\n\n  Đoạn hai.\n",
	"ket_luan: >-\n  Đoạn một.\n\n    thụt vào hơn\n\n  Đoạn hai.\n",
	"ket_luan: |2-\n    bắt đầu bằng hai dấu cách\n\n  dòng ba\n",
	"ket_luan: |-\n\n  Dòng hai sau một dòng trống đầu.\n",
	"giai_phap:\n  - |-\n    Giải pháp một.\n\n    Còn tiếp.\n  - Giải pháp hai.\n",
	"nhiem_vu:\n  nhom:\n    - tieu_de: Nhóm\n      noi_dung:\n        - doan: |-\n            Đoạn một.\n\n            Đoạn hai.\n        - y: Một ý.\n",
	"muc_tieu:\n  chung: \"Dòng một.\\n\\nDòng ba.\"\n",
	"muc_tieu:\n  chung: \"Dòng một.  \\n\\n  Dòng ba có dấu cách đầu.\\n\"\n",
	"muc_tieu:\n  chung: \"\\n\\nhai dòng trống đầu\"\n",
	"muc_tieu:\n  chung: \"cuối có hai dòng trống\\n\\n\\n\"\n",
	"# đầu tệp\n\nket_luan: |-\n  # không phải ghi chú\n\n  # vẫn là chữ\n",
}

// TestBlockScalarsKeepMeaning: formatting keeps every line of a block
// scalar, blank ones included (F-07: fmt -w dropped the blank lines of a
// | block, which changed the DOCX and PDF).
func TestBlockScalarsKeepMeaning(t *testing.T) {
	t.Parallel()
	for _, in := range blockScalarCases {
		once, err := Format("p.yaml", []byte(in))
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		keepsScalars(t, []byte(in), once)
		twice, err := Format("p.yaml", once)
		if err != nil || string(twice) != string(once) {
			t.Errorf("not idempotent (%v):\n%s\n----\n%s", err, once, twice)
		}
	}
}

// blankLinePlan is the minimal plan with a paragraph that holds blank
// lines (a literal block) and one with paragraphs (a folded block).
func blankLinePlan(t testing.TB) []byte {
	src, err := os.ReadFile("../plan/testdata/minimal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(src), "        - doan: Một đoạn.\n",
		"        - doan: |-\n            Dòng một.\n\n            Dòng ba sau một dòng trống.\n\n\n            Dòng sáu.\n"+
			"        - doan: >-\n            Đoạn gấp\n            dòng.\n\n\n            Đoạn sau hai dòng trống.\n", 1)
	if s == string(src) {
		t.Fatal("fixture lacks the paragraph")
	}
	return []byte(s)
}

// documentText loads a plan from bytes (its commune file from the folder
// of the minimal plan) and renders its document as text; "" when the plan
// is not valid.
func documentText(t testing.TB, src []byte) (*plan.Plan, string) {
	t.Helper()
	path := filepath.Join("..", "plan", "testdata", "p.yaml")
	res, err := plan.LoadBytes(path, src, os.ReadFile)
	if err != nil || !res.OK() {
		return nil, ""
	}
	d, err := compose.Compose(res.Plan, plantest.Profile(t, res), layout.Bundled())
	if err != nil {
		t.Fatalf("a valid plan does not compose: %v", err)
	}
	// Positions are where the text is, not what it says.
	res.Plan.Index = nil
	if res.Plan.Commune != nil {
		c := *res.Plan.Commune
		c.Index = nil
		res.Plan.Commune = &c
	}
	zeroPos(reflect.ValueOf(res.Plan))
	return res.Plan, rtext.Render(d)
}

// TestFormattedPlanSameDocument: a plan with blank lines in its blocks
// formats to a plan that loads to the same Plan and renders the same text.
func TestFormattedPlanSameDocument(t *testing.T) {
	t.Parallel()
	src := blankLinePlan(t)
	a, ta := documentText(t, src)
	if a == nil {
		t.Fatal("fixture invalid")
	}
	once, err := Format("p.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	b, tb := documentText(t, once)
	if b == nil {
		t.Fatalf("the formatted plan is invalid:\n%s", once)
	}
	if !reflect.DeepEqual(a, b) {
		t.Errorf("the formatted plan means something else:\n%s", once)
	}
	if ta != tb {
		t.Errorf("the document changed:\n%s\n----\n%s", firstDiffLine(ta, tb), once)
	}
}
