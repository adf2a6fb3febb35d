package build

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v4"

	"kehoach/internal/extract"
	"kehoach/internal/markup"
	"kehoach/internal/plan"
	"kehoach/internal/testkit"
	"kehoach/internal/yamlx"
)

// justification is one ly_do the test writes into a plan: its text, the
// path of its item, and the first words of the item's printed text (""
// when the item prints no text of its own, a criterion's status row).
type justification struct {
	path, text, item string
}

// withJustifications adds a distinct ly_do to every mapping of src whose
// model type has the key (every item a leader reviews, whatever the model
// comes to hold), returning the new plan text and the justifications in
// the order of the model.
func withJustifications(t *testing.T, src string) (string, []justification) {
	t.Helper()
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(src), &root); err != nil {
		t.Fatal(err)
	}
	var out []justification
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
				j := justification{path: path, text: fmt.Sprintf("Lý do thứ %d được Ban Chỉ đạo xã thống nhất.", len(out)+1)}
				for i := 0; i+1 < len(n.Content); i += 2 {
					switch n.Content[i].Value {
					case "tieu_de", "doan", "y", "ten", "noi_dung":
						if n.Content[i+1].Kind == yaml.ScalarNode && j.item == "" {
							j.item = firstWords(markup.Plain(n.Content[i+1].Value), 3)
						}
					}
				}
				n.Content = append(n.Content,
					&yaml.Node{Kind: yaml.ScalarNode, Value: "ly_do"},
					&yaml.Node{Kind: yaml.ScalarNode, Value: j.text})
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

// printedOrder sorts justifications into the order the review copy prints
// them: the body's parts (I, II, III, V), then the annexes (Biểu 01, 03,
// 04), each in the order of the model.
func printedOrder(js []justification) []justification {
	rank := func(path string) int {
		for i, p := range []string{"muc_tieu.", "nhiem_vu.", "nguon_luc.", "to_chuc_thuc_hien", "tieu_chi.", "bieu.cong_trinh", "bieu.su_nghiep"} {
			if strings.HasPrefix(path, p) {
				return i
			}
		}
		return 99
	}
	out := append([]justification{}, js...)
	sort.SliceStable(out, func(a, b int) bool { return rank(out[a].path) < rank(out[b].path) })
	return out
}

// TestReviewCopy builds the corpus plan with a ly_do on every item that
// has the key: the document's files are byte for byte those of the plan
// without them; the review copy is written beside them under its own names
// (DOCX and PDF only) and its text, as kehoach text extracts it, carries
// every justification once, in the printed order, right after its item.
func TestReviewCopy(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(testkit.RepoRoot(t), "plans", "muong-khoa", "2025.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	noted, js := withJustifications(t, string(src))
	kinds := map[string]bool{}
	for _, j := range js {
		kinds[strings.TrimRight(j.path, "0123456789[]")] = true
	}
	if len(js) < 40 || len(kinds) < 7 {
		t.Fatalf("only %d justifications over %d kinds of item: %v", len(js), len(kinds), kinds)
	}
	plain := testkit.CopyPlan(t, t.TempDir(), "muong-khoa", "2025.yaml", nil)
	withNotes := testkit.CopyPlan(t, t.TempDir(), "muong-khoa", "2025.yaml", func(string) string { return noted })

	outPlain, outNotes := t.TempDir(), t.TempDir()
	for _, b := range []struct{ path, out string }{{plain, outPlain}, {withNotes, outNotes}} {
		if r := Plan(b.path, Options{OutDir: b.out}); r.Err != nil || !r.Load.OK() {
			t.Fatalf("%s: %v %v", b.path, r.Err, r.Load.Errors)
		}
	}
	names := func(dir string) []string {
		es, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range es {
			out = append(out, e.Name())
		}
		return out
	}
	docs := names(outPlain)
	if len(docs) != 3 || strings.Join(docs, " ") != strings.Join(names(outNotes), " ") {
		t.Fatalf("outputs %v and %v", docs, names(outNotes))
	}
	read := func(dir, name string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, name := range docs {
		if !bytes.Equal(read(outPlain, name), read(outNotes, name)) {
			t.Errorf("%s differs once the plan has justifications: the document must never carry them", name)
		}
	}

	r := Plan(withNotes, Options{OutDir: outNotes, Review: true})
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	var got []string
	for _, o := range r.Outputs {
		got = append(got, filepath.Base(o.Path))
	}
	if want := "ke-hoach-ntm-2025-muong-khoa-ban-trinh.docx ke-hoach-ntm-2025-muong-khoa-ban-trinh.pdf"; strings.Join(got, " ") != want {
		t.Fatalf("review copy wrote %v, want %s", got, want)
	}
	for _, name := range docs {
		if !bytes.Equal(read(outPlain, name), read(outNotes, name)) {
			t.Errorf("the review copy changed %s", name)
		}
	}
	order := printedOrder(js)
	for _, o := range r.Outputs {
		text, err := extract.Text(o.Path)
		if err != nil {
			t.Fatal(err)
		}
		text = testkit.Words(text)
		const banner = "BẢN TRÌNH LÃNH ĐẠO XEM XÉT - KHÔNG BAN HÀNH"
		if strings.HasSuffix(o.Path, ".pdf") {
			if n := strings.Count(text, banner); n != r.Pages {
				t.Errorf("%s: the banner is printed on %d of %d pages", o.Path, n, r.Pages)
			}
		} else {
			// Word prints it from both headers (with and without the page
			// number): every page.
			parts, _ := testkit.Unzip(t, read(outNotes, filepath.Base(o.Path)))
			for _, h := range []string{"word/header1.xml", "word/header2.xml"} {
				if !strings.Contains(string(parts[h]), banner) {
					t.Errorf("%s: %s has no banner", o.Path, h)
				}
			}
		}
		at := 0
		for _, j := range order {
			i := strings.Index(text[at:], j.text)
			if i < 0 {
				t.Errorf("%s: %s (%s) not found after the previous justification", filepath.Base(o.Path), j.text, j.path)
				continue
			}
			if strings.Count(text, j.text) != 1 {
				t.Errorf("%s: %s printed %d times", filepath.Base(o.Path), j.text, strings.Count(text, j.text))
			}
			// Its item is between the previous justification and it.
			if j.item != "" && !strings.Contains(text[at:at+i], j.item) {
				t.Errorf("%s: %s (%s) does not follow its item “%s”:\n…%s…", filepath.Base(o.Path), j.text, j.path, j.item, text[at:at+i])
			}
			at += i + len(j.text)
		}
	}
}
