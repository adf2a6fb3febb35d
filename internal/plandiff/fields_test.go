package plandiff

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v4"

	"kehoach/internal/plan"
	"kehoach/internal/testkit"
	"kehoach/internal/yamlx"
)

// modelLeaves walks the YAML keys of t (yamlx.Keys, the one reader of
// the struct tags) and returns the path of every leaf and of every list of
// items, as the tables of fields.go name them. A struct type met again
// inside itself (a source's con) is not walked twice.
func modelLeaves(t reflect.Type, path string, seen map[reflect.Type]bool, leaves, listPaths map[string]bool) {
	seen[t] = true
	defer delete(seen, t)
	for _, k := range yamlx.Keys(t) {
		p := join(path, k.Name)
		ft := k.Field.Type
		if ft.Kind() == reflect.Pointer && isStruct(ft.Elem()) {
			ft = ft.Elem()
		}
		switch {
		case isStruct(ft):
			modelLeaves(ft, p, seen, leaves, listPaths)
		case ft.Kind() == reflect.Slice && isStruct(ft.Elem()):
			if !seen[ft.Elem()] {
				listPaths[p+"[]"] = true
				modelLeaves(ft.Elem(), p+"[]", seen, leaves, listPaths)
			}
		default:
			leaves[p] = true
		}
	}
}

// Every leaf of the plan and commune files is compared (in plan terms or
// field by field with a label) or declared not printed with a reason,
// in exactly one table; every list of items has a pairing rule; and the
// tables name no leaf the model does not have. A field added to the model
// fails here until the diff covers it.
func TestFieldsCovered(t *testing.T) {
	leaves, listPaths := map[string]bool{}, map[string]bool{}
	modelLeaves(reflect.TypeOf(plan.Plan{}), "", map[reflect.Type]bool{}, leaves, listPaths)
	modelLeaves(reflect.TypeOf(plan.Commune{}), CommuneFile, map[reflect.Type]bool{}, leaves, listPaths)
	if len(leaves) < 100 {
		t.Fatalf("walked only %d leaves: %v", len(leaves), leaves)
	}
	ownKey := func(p string) bool {
		for lp, l := range listsTable() {
			if l.own && strings.HasPrefix(p, lp+".") && strings.TrimPrefix(p, lp+".") == l.keys[0] {
				return true
			}
		}
		return false
	}
	var missing []string
	for p := range leaves {
		_, c := comparedTable()[p]
		_, l := labelledTable()[p]
		reason, n := notPrintedTable()[p]
		in := 0
		for _, b := range []bool{c, l, n, ownKey(p)} {
			if b {
				in++
			}
		}
		switch {
		case in == 0:
			missing = append(missing, p)
		case in > 1:
			t.Errorf("%s is in more than one table", p)
		case n && len(reason) < 10:
			t.Errorf("%s: not printed without a reason", p)
		}
	}
	sort.Strings(missing)
	for _, p := range missing {
		t.Errorf("%s: neither compared (compared, labelled) nor declared not printed (notPrinted) in fields.go", p)
	}
	for name, table := range map[string][]string{"compared": keys(comparedTable()), "labelled": keys(labelledTable()), "notPrinted": keys(notPrintedTable())} {
		for _, p := range table {
			if !leaves[p] {
				t.Errorf("%s names %s, which is no leaf of the model", name, p)
			}
		}
	}
	for p := range listPaths {
		if _, ok := listsTable()[p]; !ok {
			t.Errorf("list %s has no pairing rule in lists", p)
		}
	}
	for p := range listsTable() {
		if !listPaths[p] {
			t.Errorf("lists names %s, which is no list of the model", p)
		}
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// corpusPlans are the plans of plans/ and testdata/corpus.
func corpusPlans(t *testing.T) []string {
	root := testkit.RepoRoot(t)
	var out []string
	for _, dir := range []string{"plans", filepath.Join("testdata", "corpus")} {
		ms, err := filepath.Glob(filepath.Join(root, dir, "*", "*.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			if plan.IsPlanCandidate(filepath.Base(m), false) {
				out = append(out, m)
			}
		}
	}
	if len(out) < 5 {
		t.Fatalf("only %d corpus plans", len(out))
	}
	return out
}

// A scalar of a YAML file with its path as fields.go names it.
type leafNode struct {
	path string
	node *yaml.Node
}

func yamlLeaves(n *yaml.Node, path string, out *[]leafNode) {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			yamlLeaves(c, path, out)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			yamlLeaves(n.Content[i+1], join(path, n.Content[i].Value), out)
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			p := path + "[]"
			if c.Kind == yaml.ScalarNode {
				p = path // a list of scalars is one leaf
			}
			yamlLeaves(c, p, out)
		}
	case yaml.ScalarNode:
		if n.Tag != "!!null" && n.Value != "" {
			*out = append(*out, leafNode{canonical(path), n})
		}
	}
}

// canonical names a source under a source as a source.
func canonical(p string) string {
	for strings.Contains(p, "nguon_luc.nguon[].con[]") {
		p = strings.Replace(p, "nguon_luc.nguon[].con[]", "nguon_luc.nguon[]", 1)
	}
	return p
}

// maxPerPath is how many occurrences of one path TestEveryLeafChangeIsSeen
// changes in each file.
const maxPerPath = 1

var isoDate = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)

// mutate changes a scalar to another value of its kind.
func mutate(n *yaml.Node) {
	switch {
	case n.Tag == "!!bool":
		n.Value = strconv.FormatBool(n.Value != "true")
	case n.Tag == "!!int":
		v, _ := strconv.Atoi(n.Value)
		n.Value = strconv.Itoa(v + 1)
	case n.Tag == "!!float":
		v, _ := strconv.ParseFloat(n.Value, 64)
		n.Value = strconv.FormatFloat(v+1, 'f', -1, 64)
	case isoDate.MatchString(n.Value):
		m := isoDate.FindStringSubmatch(n.Value)
		day, _ := strconv.Atoi(m[3])
		n.Value = fmt.Sprintf("%s-%s-%02d", m[1], m[2], day%27+1)
	default:
		n.Value += " khác"
	}
}

// Changing any one leaf of a corpus plan or of its commune file that some
// output prints gives a non-empty diff (the plans loaded leniently, as
// kehoach diff does: a changed reference may make the plan invalid).
func TestEveryLeafChangeIsSeen(t *testing.T) {
	for _, path := range corpusPlans(t) {
		name := filepath.Base(filepath.Dir(path)) + "/" + filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			orig := loadLenient(t, path, data, nil)
			if orig.Commune == nil {
				t.Fatal("no commune file")
			}
			communePath := orig.Commune.File
			cdata, err := os.ReadFile(communePath)
			if err != nil {
				t.Fatal(err)
			}
			for _, file := range []struct {
				prefix string
				data   []byte
			}{{"", data}, {CommuneFile, cdata}} {
				var doc yaml.Node
				if err := yaml.Unmarshal(file.data, &doc); err != nil {
					t.Fatal(err)
				}
				var ls []leafNode
				yamlLeaves(&doc, "", &ls)
				tried := map[string]int{}
				for _, l := range ls {
					p := file.prefix + l.path
					if _, ok := notPrintedTable()[p]; ok {
						continue
					}
					// One occurrence of a path per file is enough (the
					// comparison is by path; ten plans give ten; all would take seconds).
					if tried[p]++; tried[p] > maxPerPath {
						continue
					}
					old := l.node.Value
					mutate(l.node)
					out, err := yaml.Marshal(&doc)
					l.node.Value = old
					if err != nil {
						t.Fatal(err)
					}
					var b *plan.Plan
					if file.prefix == "" {
						b = loadLenient(t, path, out, nil)
					} else {
						b = loadLenient(t, path, data, map[string][]byte{communePath: out})
					}
					if r := Compare(orig, b); len(r.Changes) == 0 {
						t.Errorf("%s (line %d) changed from %q: no difference reported", p, l.node.Line, old)
					}
				}
			}
		})
	}
}

// loadLenient loads a plan as kehoach diff does: what decodes, errors or
// not; files in override are read from there.
func loadLenient(t *testing.T, path string, data []byte, override map[string][]byte) *plan.Plan {
	t.Helper()
	res, err := plan.LoadBytes(path, data, func(p string) ([]byte, error) {
		if b, ok := override[p]; ok {
			return b, nil
		}
		return os.ReadFile(p)
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Plan.Pos.IsZero() {
		t.Fatalf("%s did not decode: %v", path, res.Errors)
	}
	return res.Plan
}
