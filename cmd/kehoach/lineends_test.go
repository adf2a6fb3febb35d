package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"kehoach/internal/plan"
	"kehoach/internal/planfmt"
	"kehoach/internal/yamlx"
)

// planRoots are the trees of real plans: the repository's, and the test
// corpus when it is there.
var planRoots = []string{"../../plans", "../../testdata/corpus"}

// framings are the ways Windows editors save a file: Notepad and Git for
// Windows (core.autocrlf) write CRLF, Notepad's "UTF-8 with BOM" adds a BOM.
var framings = []struct {
	name  string
	style planfmt.Style
}{
	{"crlf", planfmt.Style{CRLF: true}},
	{"bom-crlf", planfmt.Style{BOM: true, CRLF: true}},
}

// tree is the YAML files of a plan tree, by slash path, in LF.
type tree map[string][]byte

func readTree(t *testing.T, root string) tree {
	t.Helper()
	tr := tree{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".yaml") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		tr[filepath.ToSlash(rel)] = yamlx.Normalize(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func (tr tree) plans() []string {
	var out []string
	for p := range tr {
		if plan.IsPlanCandidate(filepath.Base(p), false) {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// write puts the tree under dir/plans, every file framed in style.
func (tr tree) write(t *testing.T, dir string, style planfmt.Style) {
	t.Helper()
	for p, b := range tr {
		dst := filepath.Join(dir, "plans", filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, style.Apply(b), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

var (
	xaLine     = regexp.MustCompile(`(?m)^xa: .*\n`)
	foldedText = regexp.MustCompile(`>-\n( +\S+) `)
)

// unformat moves the top-level xa key to the end: fmt puts it back first.
func unformat(s string) string {
	l := xaLine.FindString(s)
	return strings.Replace(s, l, "", 1) + l
}

// slip doubles a space in the first folded text: check -fix repairs it.
func slip(s string) string {
	if m := foldedText.FindStringSubmatchIndex(s); m != nil {
		return s[:m[3]] + "  " + s[m[3]+1:]
	}
	return s
}

// A run of one command over every plan of a tree.
type runOutcome struct {
	log   string // exit status, stdout and stderr of each call
	files tree   // every YAML file afterwards, as bytes
}

// Every command that rewrites or derives a plan file (fmt -w, check -fix,
// issue, new --from) gives a CRLF or BOM+CRLF copy of every plan exactly
// the bytes it gives the LF file, framed the same way: comments at the
// same lines, the rest of the file unchanged, the same messages at the same
// positions. And fmt -l lists no canonical file for its line ends.
func TestRewritesKeepLineEndsAndBOM(t *testing.T) {
	type command struct {
		name string
		prep func(string) string // applied to each plan before framing
		args func(p string, nam int) []string
	}
	commands := []command{
		{"fmt -l", nil, func(p string, _ int) []string { return []string{"fmt", "-l", p} }},
		{"fmt -w", unformat, func(p string, _ int) []string { return []string{"fmt", "-w", p} }},
		{"check -fix", slip, func(p string, _ int) []string { return []string{"check", "-fix", p} }},
		{"issue", nil, func(p string, nam int) []string {
			return []string{"issue", p, "--so", "987", "--ngay", strconv.Itoa(nam) + "-01-15"}
		}},
		{"new --from", nil, func(p string, nam int) []string {
			return []string{"new", "--from", p, strconv.Itoa(nam + 1), "-o", strings.TrimSuffix(p, ".yaml") + "-moi.yaml"}
		}},
	}
	tried := 0
	for _, root := range planRoots {
		if _, err := os.Stat(root); err != nil {
			continue
		}
		base := readTree(t, root)
		years := map[string]int{}
		for _, p := range base.plans() {
			if res, err := plan.Load(filepath.Join(root, filepath.FromSlash(p))); err == nil {
				years[p] = res.Plan.Nam
			}
		}
		tried += len(base.plans())
		for _, c := range commands {
			t.Run(filepath.Base(root)+"/"+c.name, func(t *testing.T) {
				in := tree{}
				for p, b := range base {
					if c.prep != nil && plan.IsPlanCandidate(filepath.Base(p), false) {
						b = []byte(c.prep(string(b)))
					}
					in[p] = b
				}
				run1 := func(style planfmt.Style) runOutcome {
					dir := t.TempDir()
					in.write(t, dir, style)
					t.Chdir(dir)
					var log strings.Builder
					for _, p := range in.plans() {
						var o, e bytes.Buffer
						st := run(c.args("plans/"+p, years[p]), &o, &e)
						log.WriteString(strconv.Itoa(st) + "\n" + o.String() + e.String())
					}
					return runOutcome{log.String(), readRaw(t, filepath.Join(dir, "plans"))}
				}
				lf := run1(planfmt.Style{})
				if c.name == "fmt -l" && lf.log != strings.Repeat("0\n", len(in.plans())) {
					t.Fatalf("fmt -l lists an LF plan:\n%s", lf.log)
				}
				changed := 0
				for p, b := range lf.files {
					if !bytes.Equal(b, in[p]) {
						changed++
					}
				}
				if c.name != "fmt -l" && changed == 0 {
					t.Errorf("%s changed no file: the test proves nothing", c.name)
				}
				for _, f := range framings {
					got := run1(f.style)
					if got.log != lf.log {
						t.Errorf("%s: messages differ from the LF run:\n%s\n---- LF:\n%s", f.name, got.log, lf.log)
					}
					var names []string
					for p := range lf.files {
						names = append(names, p)
					}
					for p := range got.files {
						if _, ok := lf.files[p]; !ok {
							names = append(names, p)
						}
					}
					sort.Strings(names)
					for _, p := range names {
						if want := f.style.Apply(lf.files[p]); !bytes.Equal(got.files[p], want) {
							t.Errorf("%s: %s is not the LF run's output framed %s:\n%s", f.name, p, f.name, firstDiff(string(got.files[p]), string(want)))
						}
					}
				}
			})
		}
	}
	if tried == 0 {
		t.Fatal("no plan found")
	}
}

// readRaw reads every YAML file under root as it is.
func readRaw(t *testing.T, root string) tree {
	t.Helper()
	tr := tree{}
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".yaml") {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			rel, _ := filepath.Rel(root, p)
			tr[filepath.ToSlash(rel)] = b
		}
		return err
	})
	return tr
}

// firstDiff shows the first line where a and b differ.
func firstDiff(a, b string) string {
	la, lb := strings.SplitAfter(a, "\n"), strings.SplitAfter(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return "line " + strconv.Itoa(i+1) + ":\n got " + strconv.Quote(la[i]) + "\nwant " + strconv.Quote(lb[i])
		}
	}
	return "lengths differ: " + strconv.Itoa(len(la)) + " and " + strconv.Itoa(len(lb)) + " lines"
}

// A file with both kinds of line end is written all in the style of most
// of its lines, and the command says so.
func TestMixedLineEnds(t *testing.T) {
	const canon = "xa: xa.yaml\nnam: 2025\n\n# về căn cứ\ncan_cu:\n  - loai: A\n  # về B\n  - loai: B\n"
	tests := []struct {
		name, in, want, say string
	}{
		{"most lines CRLF", strings.Replace(crlfOf(canon), "nam: 2025\r\n", "nam: 2025\n", 1), crlfOf(canon),
			"p.yaml: đã định dạng lại (tệp trộn hai kiểu xuống dòng (CRLF và LF); nay mọi dòng đều xuống dòng kiểu CRLF (kiểu Windows) như phần lớn các dòng của tệp).\n"},
		{"most lines LF", strings.Replace(canon, "nam: 2025\n", "nam: 2025\r\n", 1), canon,
			"p.yaml: đã định dạng lại (tệp trộn hai kiểu xuống dòng (CRLF và LF); nay mọi dòng đều xuống dòng kiểu LF như phần lớn các dòng của tệp).\n"},
		{"BOM and most lines CRLF", "\ufeff" + strings.Replace(crlfOf(canon), "  - loai: A\r\n", "  - loai: A\n", 1), "\ufeff" + crlfOf(canon),
			"p.yaml: đã định dạng lại (tệp trộn hai kiểu xuống dòng (CRLF và LF); nay mọi dòng đều xuống dòng kiểu CRLF (kiểu Windows) như phần lớn các dòng của tệp).\n"},
		{"CRLF only: nothing to do", crlfOf(canon), crlfOf(canon), ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			if err := os.WriteFile("p.yaml", []byte(tc.in), 0o644); err != nil {
				t.Fatal(err)
			}
			var o, e bytes.Buffer
			if st := run([]string{"fmt", "-l", "p.yaml"}, &o, &e); (st == 0) != (tc.say == "") {
				t.Errorf("fmt -l: status %d, %q", st, o.String())
			}
			o.Reset()
			if st := run([]string{"fmt", "-w", "p.yaml"}, &o, &e); st != 0 || o.String() != tc.say {
				t.Errorf("fmt -w: status %d\n got %q\nwant %q\n%s", st, o.String(), tc.say, e.String())
			}
			if got, _ := os.ReadFile("p.yaml"); string(got) != tc.want {
				t.Errorf("file:\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func crlfOf(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }

// check -fix and issue also write a mixed plan all in the style of most of
// its lines, and say so.
func TestMixedLineEndsFixAndIssue(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "plans", "muong-khoa"))
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(dir, "2025.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	xa, err := os.ReadFile(filepath.Join(dir, "xa.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	// Git for Windows' CRLF, with the first three lines pasted in LF.
	mixed := []byte(crlfOf(slip(string(src))))
	for range 3 {
		i := bytes.Index(mixed, []byte("\r\n"))
		mixed = append(mixed[:i], mixed[i+1:]...)
	}
	p := filepath.Join("plans", "x", "2025.yaml")
	note := p + ": tệp trộn hai kiểu xuống dòng (CRLF và LF); nay mọi dòng đều xuống dòng kiểu CRLF (kiểu Windows) như phần lớn các dòng của tệp.\n"
	for _, args := range [][]string{
		{"check", "-fix", p},
		{"issue", p, "--so", "125", "--ngay", "2025-08-05"},
	} {
		t.Run(args[0], func(t *testing.T) {
			t.Chdir(t.TempDir())
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(filepath.Dir(p), "xa.yaml"), xa, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, mixed, 0o644); err != nil {
				t.Fatal(err)
			}
			var o, e bytes.Buffer
			if st := run(args, &o, &e); st != 0 {
				t.Fatalf("status %d: %s", st, e.String())
			}
			if !strings.Contains(o.String(), note) {
				t.Errorf("no note about the line ends:\n%s", o.String())
			}
			got, _ := os.ReadFile(p)
			if n := bytes.Count(got, []byte("\n")) - bytes.Count(got, []byte("\r\n")); n != 0 || len(got) == 0 {
				t.Errorf("%d lines still end in LF alone", n)
			}
		})
	}
}
