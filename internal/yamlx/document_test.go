package yamlx

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"
)

// DecodeDocument returns the document node it decoded, comments included,
// as a parse of its own would make it (every node's kind, value, tag,
// position and head, line and foot comments; the document node's too), so
// a reader of the comments (package draft) need not parse the file again;
// Parse returns its root. A file Parse refuses gives no document.
func TestDecodeDocument(t *testing.T) {
	plan, err := os.ReadFile("../../plans/muong-khoa/2025.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		src  string
		ok   bool // Parse accepts it
	}{
		{"comments everywhere", "# head of the document\n\nten: a # line\n# head of so\nso: 3\ncac:\n  - 1 # one\n  # foot of the list\n# foot of the document\n", true},
		{"CRLF and BOM", "\ufeff# head\r\nten: a # line\r\nso: 1\r\n", true},
		{"a plan", string(plan), true},
		{"an alias, refused", "ten: &x a\nso: *x # line\n", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := []byte(tc.src)
			var v struct {
				Ten string `yaml:"ten"`
				So  int    `yaml:"so"`
				Cac []int  `yaml:"cac"`
			}
			_, doc, errs := DecodeDocument("f.yaml", data, &v)
			root, perr := Parse("f.yaml", data)
			if !tc.ok {
				if doc != nil || root != nil || perr == nil || len(errs) == 0 {
					t.Errorf("refused file: document %v, root %v, errors %v / %v", doc != nil, root != nil, perr, errs)
				}
				return
			}
			if doc == nil || perr != nil || doc.Kind != yaml.DocumentNode {
				t.Fatalf("document %v, Parse error %v", doc, perr)
			}
			var want yaml.Node
			if err := yaml.Unmarshal(Normalize(data), &want); err != nil {
				t.Fatal(err)
			}
			if d := nodeDiff(&want, doc, "doc"); d != "" {
				t.Error(d)
			}
			if d := nodeDiff(want.Content[0], root, "root"); d != "" {
				t.Error("Parse: " + d)
			}
		})
	}
}

// nodeDiff says where two trees differ, "" when they do not.
func nodeDiff(a, b *yaml.Node, at string) string {
	if a.Kind != b.Kind || a.Value != b.Value || a.Line != b.Line || a.Column != b.Column ||
		a.HeadComment != b.HeadComment || a.LineComment != b.LineComment || a.FootComment != b.FootComment || a.Tag != b.Tag {
		return fmt.Sprintf("%s: %+v\n  vs %+v", at, brief(a), brief(b))
	}
	if len(a.Content) != len(b.Content) {
		return fmt.Sprintf("%s: %d children vs %d", at, len(a.Content), len(b.Content))
	}
	for i := range a.Content {
		if d := nodeDiff(a.Content[i], b.Content[i], fmt.Sprintf("%s/%d", at, i)); d != "" {
			return d
		}
	}
	return ""
}

func brief(n *yaml.Node) string {
	return strings.Join([]string{fmt.Sprint(n.Kind), n.Value, n.Tag, fmt.Sprint(n.Line, ":", n.Column), n.HeadComment, n.LineComment, n.FootComment}, "|")
}

// Keys gives each struct type's keys, the same slice each time.
func TestKeysCached(t *testing.T) {
	ty := reflect.TypeOf(inner{})
	a, b := Keys(ty), Keys(ty)
	if len(a) != 4 || a[0].Name != "ten" || !a[0].Required || &a[0] != &b[0] {
		t.Errorf("Keys(inner) = %+v then %+v", a, b)
	}
}
