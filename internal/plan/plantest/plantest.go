// Package plantest loads plans for tests of the packages that compose and
// render them: the plan with its document profile, which the plan loader
// leaves to the build (build.Preflight); and writes a justification
// (ly_do) on every item of a plan for the tests of the review copy, with
// the check that they are printed next to their items.
package plantest

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v4"

	"kehoach/internal/doc"
	"kehoach/internal/markup"
	"kehoach/internal/plan"
	"kehoach/internal/style"
	"kehoach/internal/testkit"
	"kehoach/internal/yamlx"
)

// Profile returns the document profile of a loaded plan: its commune's
// trinh_bay applied to templates/nd30.yaml. It fails the test when the
// plan has no commune or the profile is invalid.
func Profile(t testing.TB, res *plan.Result) *doc.Profile {
	t.Helper()
	c := res.Plan.Commune
	if c == nil {
		t.Fatalf("%s: no commune file, so no profile", res.Plan.File)
	}
	p, err := style.Load(c.TrinhBay)
	if err != nil {
		t.Fatalf("%s: profile: %v", c.File, err)
	}
	return p
}

// Justification is one ly_do Justify writes into a plan.
type Justification struct {
	Path string // the YAML path of its item: nhiem_vu.nhom[0]
	Text string // the ly_do, distinct from every other
	// Item is the first words of the item's printed text, "" when the
	// item prints no text of its own (a criterion's status row).
	Item string
}

// Justify adds a distinct ly_do to every mapping of src whose
// model type has the key (every item a leader reviews, whatever the model
// comes to hold), returning the new plan text and the justifications in
// the order of the model.
func Justify(t testing.TB, src string) (string, []Justification) {
	t.Helper()
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(src), &root); err != nil {
		t.Fatal(err)
	}
	var out []Justification
	var walk func(n *yaml.Node, ty reflect.Type, path string)
	walk = func(n *yaml.Node, ty reflect.Type, path string) {
		for ty.Kind() == reflect.Pointer {
			ty = ty.Elem()
		}
		switch {
		case n.Kind == yaml.DocumentNode:
			walk(n.Content[0], ty, path)
		case n.Kind == yaml.SequenceNode && ty.Kind() == reflect.Slice:
			for i, c := range n.Content {
				walk(c, ty.Elem(), fmt.Sprintf("%s[%d]", path, i))
			}
		case n.Kind == yaml.MappingNode && ty.Kind() == reflect.Struct:
			fields := map[string]reflect.Type{}
			for _, k := range yamlx.Keys(ty) {
				fields[k.Name] = k.Field.Type
			}
			if _, ok := fields["ly_do"]; ok {
				j := Justification{Path: path, Text: fmt.Sprintf("Lý do thứ %d được Ban Chỉ đạo xã thống nhất.", len(out)+1)}
				for i := 0; i+1 < len(n.Content); i += 2 {
					switch n.Content[i].Value {
					case "tieu_de", "doan", "y", "ten", "noi_dung":
						if n.Content[i+1].Kind == yaml.ScalarNode && j.Item == "" {
							j.Item = firstWords(markup.Plain(n.Content[i+1].Value), 3)
						}
					}
				}
				n.Content = append(n.Content,
					&yaml.Node{Kind: yaml.ScalarNode, Value: "ly_do"},
					&yaml.Node{Kind: yaml.ScalarNode, Value: j.Text})
				out = append(out, j)
			}
			for i := 0; i+1 < len(n.Content); i += 2 {
				if ft, ok := fields[n.Content[i].Value]; ok {
					walk(n.Content[i+1], ft, strings.TrimPrefix(path+"."+n.Content[i].Value, "."))
				}
			}
		}
	}
	walk(&root, reflect.TypeOf(plan.Plan{}), "")
	b, err := yaml.Marshal(&root)
	if err != nil {
		t.Fatal(err)
	}
	return string(b), out
}

func firstWords(s string, n int) string {
	w := strings.Fields(s)
	return strings.Join(w[:min(n, len(w))], " ")
}

// PrintedOrder sorts justifications into the order the review copy prints
// them: the body's parts (I, II, III, V), then the annexes (Biểu 01, 03,
// 04), each in the order of the model.
func PrintedOrder(js []Justification) []Justification {
	rank := func(path string) int {
		for i, p := range []string{"muc_tieu.", "nhiem_vu.", "nguon_luc.", "to_chuc_thuc_hien", "tieu_chi.", "bieu.cong_trinh", "bieu.su_nghiep"} {
			if strings.HasPrefix(path, p) {
				return i
			}
		}
		return 99
	}
	out := append([]Justification{}, js...)
	sort.SliceStable(out, func(a, b int) bool { return rank(out[a].Path) < rank(out[b].Path) })
	return out
}

// Printed checks the text of a review copy (words joined by single
// spaces, testkit.Words): every justification of js is there once, in
// the printed order (PrintedOrder), after its item's first words and
// before the next justification. what names the file in failures.
func Printed(t testing.TB, what, text string, js []Justification) {
	t.Helper()
	at := 0
	for _, j := range PrintedOrder(js) {
		i := strings.Index(text[at:], j.Text)
		if i < 0 {
			t.Errorf("%s: %s (%s) not found after the previous justification", what, j.Text, j.Path)
			continue
		}
		if n := strings.Count(text, j.Text); n != 1 {
			t.Errorf("%s: %s printed %d times", what, j.Text, n)
		}
		if j.Item != "" && !strings.Contains(text[at:at+i], j.Item) {
			t.Errorf("%s: %s (%s) does not follow its item “%s”:\n…%s…", what, j.Text, j.Path, j.Item, text[at:at+i])
		}
		at += i + len(j.Text)
	}
}

// SixSources loads the 2025 plan edited to draw its one work on six
// top-level sources with big, decimal and tiny amounts (testkit.SixSources),
// for the tests of the annexes in compose and in the integration package.
func SixSources(t *testing.T) *plan.Result {
	t.Helper()
	path := testkit.CopyPlan(t, t.TempDir(), "six", "2025.yaml", testkit.SixSources)
	res, err := plan.Load(path)
	if err != nil || !res.OK() {
		t.Fatalf("load: %v %v", err, res.Errors)
	}
	return res
}
