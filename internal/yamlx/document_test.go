package yamlx

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"
)

// Document gives the tree of a file Parse has read, comments included, as
// a parse of its own would (every node's kind, value, position and head,
// line and foot comments; the document node's too), without parsing again:
// the same node each time. Bytes Parse has not read, or did not accept,
// are parsed anew; bytes that do not parse give nil.
func TestDocument(t *testing.T) {
	plan, err := os.ReadFile("../../plans/muong-khoa/2025.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		src    string
		parsed bool // Parse accepts it
	}{
		{"comments everywhere", "# head of the document\n\nnam: 2025 # line\n# head of ten\nten: a\nds:\n  - 1 # one\n  # foot of the list\n# foot of the document\n", true},
		{"CRLF and BOM", "\ufeff# head\r\nnam: 2025 # line\r\n", true},
		{"a plan", string(plan), true},
		{"an alias, refused by Parse", "a: &x 1\nb: *x # line\n", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := []byte(tc.src)
			_, err := Parse("f.yaml", data)
			if (err == nil) != tc.parsed {
				t.Fatalf("Parse: %v", err)
			}
			var want yaml.Node
			if err := yaml.Unmarshal(Normalize(data), &want); err != nil {
				t.Fatal(err)
			}
			got := Document(data)
			if got == nil {
				t.Fatal("Document: nil")
			}
			if d := nodeDiff(&want, got, "doc"); d != "" {
				t.Error(d)
			}
			if again := Document(data); tc.parsed != (again == got) {
				t.Errorf("Document twice: same node %v, want %v (kept from Parse)", again == got, tc.parsed)
			}
		})
	}
	if Document([]byte("a: [1\n")) != nil {
		t.Error("Document of YAML that does not parse: want nil")
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
