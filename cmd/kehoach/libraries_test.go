package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The command layer is this package alone: no library package parses
// flags, exits the program or writes to the process's own streams; they
// export plain functions that return what the commands print.
func TestLibrariesHaveNoCommandLayer(t *testing.T) {
	root := filepath.Join("..", "..", "internal")
	files := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") || strings.Contains(filepath.ToSlash(path), "/testdata/") {
			return err
		}
		if strings.Contains(filepath.ToSlash(path), "internal/testkit/") {
			return nil // test support: linked into test binaries only (its -update flag)
		}
		files++
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); p == "flag" {
				t.Errorf("%s imports flag: parse flags in cmd/kehoach (a Command) and pass the values", path)
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if x, ok := sel.X.(*ast.Ident); ok && x.Name == "os" {
				switch sel.Sel.Name {
				case "Exit", "Stdout", "Stderr", "Args":
					t.Errorf("%s uses os.%s: only cmd/kehoach exits, reads the arguments and owns the standard streams", path, sel.Sel.Name)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 50 {
		t.Fatalf("read %d files under %s, want the whole of internal/", files, root)
	}
}
