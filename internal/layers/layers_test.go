package layers

import (
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"kehoach/internal/testkit"
)

// allowed lists, for every package of the module (without the "kehoach/"
// prefix), the packages of the module it may import directly. A new
// import fails the test until it is added here — a decision a reviewer
// sees in the diff. None breaks the intended layering since #16; an edge
// that must break it for a time is marked "leak" in a comment, with the
// issue that removes it.
var allowed = map[string][]string{
	// Foundations: no package of the module, or only diag (the one
	// diagnostics type).
	"internal/diag": {}, "internal/doc": {}, "internal/fonts": {}, "internal/oserr": {}, "internal/panics": {}, "internal/safefile": {}, "internal/lazy": {},
	"internal/termsafe": {}, "internal/textdiff": {}, "internal/vn": {}, "internal/codepage": {}, "internal/nfc": {}, "internal/classre": {"internal/lazy"},
	"internal/testkit": {"internal/doc"}, "internal/testkit/pdfobj": {}, "internal/extract/hostile": {},
	"internal/vntext":  {"internal/lazy", "internal/classre", "internal/diag", "internal/nfc"},
	"internal/yamlx":   {"internal/codepage", "internal/diag", "internal/nfc"},
	"internal/nd30":    {"internal/diag"},
	"templates":        {"internal/lazy", "internal/safefile"},
	"internal/fileset": {"internal/lazy", "internal/safefile"},

	// Data: the plan, the national programme, the profile.
	"internal/programme":     {"internal/classre", "internal/lazy", "internal/diag", "internal/nfc", "internal/vn", "internal/yamlx", "templates"},
	"internal/markup":        {"internal/diag", "internal/doc"},
	"internal/style":         {"internal/diag", "internal/doc", "internal/nd30", "internal/yamlx", "templates"},
	"internal/plan":          {"internal/lazy", "internal/diag", "internal/markup", "internal/nd30", "internal/oserr", "internal/programme", "internal/safefile", "internal/vn", "internal/yamlx", "templates"},
	"internal/plan/plantest": {"internal/doc", "internal/markup", "internal/plan", "internal/style", "internal/testkit", "internal/yamlx"},

	// Tools on plans.
	"internal/planfmt":   {"internal/lazy", "internal/nfc", "internal/plan", "internal/vn", "internal/yamlx"},
	"internal/draft":     {"internal/lazy", "internal/diag", "internal/plan", "internal/yamlx"},
	"internal/rollover":  {"internal/lazy", "internal/diag", "internal/draft", "internal/fileset", "internal/plan", "internal/planfmt", "internal/programme", "internal/vn", "internal/yamlx"},
	"internal/plandiff":  {"internal/lazy", "internal/diag", "internal/markup", "internal/plan", "internal/programme", "internal/termsafe", "internal/textdiff", "internal/vn", "internal/yamlx"},
	"internal/gitrev":    {"internal/plan", "internal/safefile", "internal/yamlx"},
	"internal/schema":    {"internal/nd30", "internal/plan", "internal/programme", "internal/yamlx"},
	"internal/textcheck": {"internal/lazy", "internal/classre", "internal/diag", "internal/plan", "internal/planfmt", "internal/programme", "internal/vn", "internal/vntext", "internal/yamlx", "templates"},
	"internal/importer":  {"internal/lazy", "internal/compose", "internal/diag", "internal/extract/docx", "internal/extract/limits", "internal/extract/para", "internal/extract/txt", "internal/fileset", "internal/plan", "internal/planfmt", "internal/programme", "internal/textcheck", "internal/vn"},
	"internal/issue":     {"internal/diag", "internal/draft", "internal/fileset", "internal/plan", "internal/planfmt", "internal/safefile", "internal/vn", "internal/yamlx"},

	// Composition: plan → document model (and the plan-free sheet model).
	"internal/sheet":               {"internal/vn"},
	"internal/annex":               {"internal/markup", "internal/plan", "internal/sheet", "internal/vn", "templates"},
	"internal/compose":             {"internal/annex", "internal/doc", "internal/manifest", "internal/markup", "internal/plan", "internal/sheet", "internal/vn", "templates"},
	"internal/manifest":            {"internal/markup", "internal/plan", "internal/vn"},
	"internal/compose/manifestdoc": {"internal/doc", "internal/manifest", "internal/vn"},

	// Layout and renderers: document model → files.
	"internal/layout":        {"internal/doc", "internal/fonts"},
	"internal/doc/doctest":   {"internal/doc", "internal/fonts", "internal/style"},
	"internal/render/opc":    {},
	"internal/render/docx":   {"internal/doc", "internal/render/opc"},
	"internal/render/pdf":    {"internal/lazy", "internal/doc", "internal/fonts", "internal/layout"},
	"internal/render/text":   {"internal/doc"},
	"internal/render/record": {"internal/doc"},
	"internal/render/xlsx":   {"internal/doc", "internal/fonts", "internal/render/opc", "internal/sheet"},

	// Readers: outputs → text, apart from the writers.
	"internal/extract/limits": {"internal/termsafe", "internal/vn"},
	"internal/extract/para":   {},
	"internal/extract/docx":   {"internal/extract/limits", "internal/extract/para"},
	"internal/extract/txt":    {"internal/codepage", "internal/extract/para"},
	"internal/extract/xlsx":   {"internal/extract/limits"},
	"internal/extract/pdf":    {"internal/extract/limits"},
	"internal/extract":        {"internal/extract/docx", "internal/extract/limits", "internal/extract/pdf", "internal/extract/xlsx"},

	// The build and the command layer.
	"internal/build": {"internal/diag", "internal/panics", "internal/compose", "internal/doc", "internal/fileset", "internal/fonts", "internal/layout", "internal/plan",
		"internal/render/docx", "internal/render/pdf", "internal/render/record", "internal/render/text", "internal/render/xlsx", "internal/safefile", "internal/sheet", "internal/style", "internal/yamlx"},
	"cmd/kehoach": {"internal/lazy", "internal/annex", "internal/panics", "internal/build", "internal/diag", "internal/compose", "internal/draft", "internal/fileset", "internal/fonts", "internal/gitrev", "internal/importer", "internal/issue",
		"internal/manifest", "internal/compose/manifestdoc", "internal/oserr", "internal/plan", "internal/plandiff", "internal/planfmt", "internal/rollover",
		"internal/safefile", "internal/schema", "internal/termsafe", "internal/textcheck", "internal/extract", "internal/extract/limits",
		"internal/textdiff", "internal/vntext", "internal/yamlx", "templates"},
	"scripts/genplans":  {"internal/plan"},
	"scripts/wordlike":  {"internal/extract/docx", "internal/extract/limits", "internal/extract/para", "internal/extract/txt"},
	"scripts/testtime":  {},
	"scripts/benchpair": {},
	"scripts/sample":    {"internal/doc/doctest", "internal/fonts", "internal/render/docx", "internal/render/pdf", "internal/render/text", "internal/style"},
	"internal/layers":   {},
	// Tests only (LibreOffice, behind the build tag integration).
	"internal/integration": {},
	// The CI files for plan repositories and their test (no code).
	"examples/ci": {},
}

// render is the rendering stack: no data package or plan tool may reach it,
// even indirectly, but those listed in stackLeaks.
var render = []string{"internal/layout", "internal/render/docx", "internal/render/pdf", "internal/render/xlsx", "internal/render/text", "internal/render/record", "internal/render/opc"}

// stackLeaks are the tools that reach the rendering stack today (#16);
// none since issue writes through fileset instead of build.
var stackLeaks = map[string]bool{}

// noRender are the packages that must not link the rendering stack.
var noRender = []string{"internal/plan", "internal/programme", "internal/planfmt", "internal/draft", "internal/rollover", "internal/plandiff",
	"internal/gitrev", "internal/schema", "internal/textcheck", "internal/issue", "internal/manifest", "internal/compose/manifestdoc", "internal/extract", "internal/extract/docx", "internal/extract/xlsx", "internal/extract/pdf", "internal/sheet", "internal/annex", "internal/compose"}

// noPlan are the packages that must not link the plan, even indirectly:
// the models, layout and the renderers read only the document or sheet
// model and the profile; the readers read files.
var noPlan = []string{"internal/doc", "internal/sheet", "internal/layout", "internal/render/docx", "internal/render/pdf", "internal/render/opc",
	"internal/render/text", "internal/render/xlsx", "internal/render/record", "internal/extract", "internal/extract/docx", "internal/extract/pdf",
	"internal/extract/xlsx", "internal/extract/para", "internal/extract/txt", "internal/codepage"}

// presentation are the packages that know how a document looks: the
// profile and the fonts. The data layer, the plan tools and the composer
// (which measures through compose.Measurer) reach neither, even
// indirectly (#16).
var presentation = []string{"internal/fonts", "internal/style"}

// noPresentation are the packages that must not link the presentation.
var noPresentation = []string{"internal/plan", "internal/programme", "internal/nd30", "internal/planfmt", "internal/draft", "internal/rollover",
	"internal/plandiff", "internal/gitrev", "internal/schema", "internal/textcheck", "internal/issue", "internal/compose"}

type pkg struct {
	ImportPath   string
	Imports      []string
	Deps         []string
	TestGoFiles  []string
	XTestGoFiles []string
	TestImports  []string
	XTestImports []string
}

// list runs go list on the module for one GOOS (files for Windows have
// their own imports).
func list(t *testing.T, goos string) map[string]pkg {
	t.Helper()
	root := testkit.RepoRoot(t)
	// go test caches a result by the files the test itself opens; go list
	// reads the sources in another process, so open them here too, or an
	// import added later would be judged by a cached pass.
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || d.Name() == ".git" || d.Name() == "out" || d.Name() == "dist") {
			return filepath.SkipDir
		}
		if !d.IsDir() && (strings.HasSuffix(path, ".go") || d.Name() == "go.mod") {
			f, err := os.Open(path)
			if err == nil {
				f.Close()
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "list", "-json", "./...")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS="+goos)
	out, err := cmd.Output()
	if err != nil {
		if _, lerr := exec.LookPath("go"); lerr != nil {
			testkit.Missing(t, "the go command is not on PATH")
			return nil
		}
		t.Fatalf("go list: %v", err)
	}
	pkgs := map[string]pkg{}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		var p pkg
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		p.ImportPath = strings.TrimPrefix(p.ImportPath, "kehoach/")
		pkgs[p.ImportPath] = p
	}
	return pkgs
}

func own(imports []string) []string {
	var out []string
	for _, i := range imports {
		if strings.HasPrefix(i, "kehoach/") {
			out = append(out, strings.TrimPrefix(i, "kehoach/"))
		}
	}
	sort.Strings(out)
	return out
}

// violations are the imports pkgs makes that the rules forbid.
func violations(pkgs map[string]pkg, goos string) []string {
	var out []string
	for path, p := range pkgs {
		if strings.HasPrefix(path, "third_party/") {
			continue
		}
		ok, known := allowed[path]
		if !known {
			out = append(out, path+" (GOOS="+goos+") is not in the layers table; add it to allowed in internal/layers/layers_test.go with the packages it may import")
			continue
		}
		set := map[string]bool{}
		for _, a := range ok {
			set[a] = true
		}
		for _, imp := range own(p.Imports) {
			if !strings.HasPrefix(imp, "third_party/") && !set[imp] {
				out = append(out, path+" imports "+imp+" (GOOS="+goos+"), which the layers table does not allow")
			}
		}
	}
	for _, path := range noRender {
		if stackLeaks[path] {
			continue
		}
		for _, dep := range own(pkgs[path].Deps) {
			for _, r := range render {
				if dep == r {
					out = append(out, path+" reaches the rendering stack ("+r+") through its imports (GOOS="+goos+")")
				}
			}
		}
	}
	for _, path := range noPlan {
		for _, dep := range own(pkgs[path].Deps) {
			if dep == "internal/plan" {
				out = append(out, path+" reaches internal/plan through its imports (GOOS="+goos+")")
			}
		}
	}
	for _, path := range noPresentation {
		for _, dep := range own(pkgs[path].Deps) {
			if slices.Contains(presentation, dep) {
				out = append(out, path+" reaches the presentation ("+dep+") through its imports (GOOS="+goos+")")
			}
		}
	}
	sort.Strings(out)
	return out
}

// TestLayers fails when a package imports a package of the module that
// the table does not allow, when a package is not in the table, or when a
// data package or plan tool reaches the rendering stack.
// TestEveryTestPackageTakesUpdate: golden files are rewritten with go test
// ./... -update, which fails in any test binary that does not define the
// flag; testkit defines it, so every package with tests imports testkit.
func TestEveryTestPackageTakesUpdate(t *testing.T) {
	for path, p := range list(t, "linux") {
		if len(p.TestGoFiles)+len(p.XTestGoFiles) == 0 || path == "internal/testkit" || strings.HasPrefix(path, "third_party/") {
			continue
		}
		if !slices.Contains(p.TestImports, "kehoach/internal/testkit") && !slices.Contains(p.XTestImports, "kehoach/internal/testkit") {
			t.Errorf("%s has tests but does not import internal/testkit, so go test ./... -update fails there: add an update_test.go like internal/diag's", path)
		}
	}
}

func TestLayers(t *testing.T) {
	for _, goos := range []string{"linux", "windows"} {
		for _, v := range violations(list(t, goos), goos) {
			t.Error(v)
		}
	}
}

// The rules catch a forbidden import, a new package, and a data package
// that reaches the renderers or the fonts indirectly.
func TestLayersCatchForbiddenImports(t *testing.T) {
	pkgs := list(t, "linux")
	p := pkgs["internal/plan"]
	p.Imports = append(p.Imports, "kehoach/internal/render/pdf")
	p.Deps = append(p.Deps, "kehoach/internal/render/pdf", "kehoach/internal/fonts")
	pkgs["internal/plan"] = p
	pkgs["internal/newpkg"] = pkg{ImportPath: "internal/newpkg"}
	x := pkgs["internal/render/xlsx"]
	x.Deps = append(x.Deps, "kehoach/internal/annex", "kehoach/internal/plan")
	pkgs["internal/render/xlsx"] = x
	got := strings.Join(violations(pkgs, "linux"), "\n")
	for _, want := range []string{
		"internal/newpkg (GOOS=linux) is not in the layers table",
		"internal/plan imports internal/render/pdf (GOOS=linux), which the layers table does not allow",
		"internal/plan reaches the rendering stack (internal/render/pdf)",
		"internal/render/xlsx reaches internal/plan through its imports",
		"internal/plan reaches the presentation (internal/fonts)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("violations lack %q:\n%s", want, got)
		}
	}
}
