package testkit

import (
	"fmt"
	"go/format"
	"io/fs"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// A Snapshot is one generated function of a GoSource file: Func(path)
// returns Value, written out as a Go composite literal, with every string
// equal to Path replaced by the function's path argument.
type Snapshot struct {
	Name  string // the template file (templates.ParsedOr)
	Func  string // function name
	Path  string // the string that stands for the path argument
	Value any    // plain data: structs, pointers, slices, maps, strings, numbers, bools
}

// GoSource writes the Go file of package pkg (import path pkgPath) that
// rebuilds each snapshot's value without parsing: one function per
// snapshot returning the value as a composite literal, so the data sits in
// the binary as constants and costs a few allocations to build, and
// snapshot(name, path string) any, which calls the function of the
// snapshot named name (nil for none; templates.ParsedOr). header is
// the file's leading comment, without comment markers. It panics on what a
// literal cannot rebuild the same: functions, channels, interfaces,
// unexported fields of another package's types, and a pointer met twice
// (the literal would not share it).
func GoSource(pkg, pkgPath, header string, snaps []Snapshot) []byte {
	g := &golit{pkgPath: pkgPath, imports: map[string]string{}}
	var body strings.Builder
	body.WriteString("\n// snapshot returns what the generated function of the template file name\n// builds for path, nil for a file without one.\nfunc snapshot(name, path string) any {\n\tswitch name {\n")
	for _, s := range snaps {
		fmt.Fprintf(&body, "\tcase %q:\n\t\treturn %s(path)\n", s.Name, s.Func)
	}
	body.WriteString("\t}\n\treturn nil\n}\n")
	for _, s := range snaps {
		g.path, g.seen = s.Path, map[uintptr]bool{}
		v := reflect.ValueOf(s.Value)
		fmt.Fprintf(&body, "\nfunc %s(path string) %s {\n\treturn %s\n}\n", s.Func, g.typ(v.Type()), g.lit(v))
	}
	var out strings.Builder
	for _, l := range strings.Split(strings.TrimSpace(header), "\n") {
		out.WriteString(strings.TrimRight("// "+l, " ") + "\n")
	}
	fmt.Fprintf(&out, "\npackage %s\n", pkg)
	if len(g.imports) > 0 {
		var ps []string
		for p := range g.imports {
			ps = append(ps, p)
		}
		sort.Strings(ps)
		out.WriteString("\nimport (\n")
		for _, p := range ps {
			fmt.Fprintf(&out, "\t%q\n", p)
		}
		out.WriteString(")\n")
	}
	out.WriteString(body.String())
	if g.ptrs {
		out.WriteString("\n// snapshotPtr returns a pointer to a copy of v.\nfunc snapshotPtr[T any](v T) *T { return &v }\n")
	}
	src, err := format.Source([]byte(out.String()))
	if err != nil {
		panic(fmt.Sprintf("testkit.GoSource: %v\n%s", err, out.String()))
	}
	return src
}

type golit struct {
	pkgPath string
	imports map[string]string
	path    string
	seen    map[uintptr]bool
	ptrs    bool // snapshotPtr is used
}

// typ is t as written in package pkgPath.
func (g *golit) typ(t reflect.Type) string {
	if t.Name() != "" {
		if t.PkgPath() == "" || t.PkgPath() == g.pkgPath {
			return t.Name()
		}
		g.imports[t.PkgPath()] = ""
		return t.String() // package name, dot, name
	}
	switch t.Kind() {
	case reflect.Pointer:
		return "*" + g.typ(t.Elem())
	case reflect.Slice:
		return "[]" + g.typ(t.Elem())
	case reflect.Array:
		return fmt.Sprintf("[%d]%s", t.Len(), g.typ(t.Elem()))
	case reflect.Map:
		return "map[" + g.typ(t.Key()) + "]" + g.typ(t.Elem())
	case reflect.Struct:
		var fs []string
		for i := range t.NumField() {
			f := t.Field(i)
			s := f.Name + " " + g.typ(f.Type)
			if f.Tag != "" {
				s += " " + strconv.Quote(string(f.Tag))
			}
			fs = append(fs, s)
		}
		return "struct {\n" + strings.Join(fs, "\n") + "\n}"
	}
	panic("testkit.GoSource: cannot write type " + t.String())
}

// lit is v as a Go expression of its type.
func (g *golit) lit(v reflect.Value) string {
	t := v.Type()
	switch t.Kind() {
	case reflect.String:
		s := v.String()
		q := strconv.Quote(s)
		if s == g.path && g.path != "" {
			q = "path"
		}
		if t.PkgPath() != "" {
			return g.typ(t) + "(" + q + ")"
		}
		return q
	case reflect.Bool:
		return g.conv(t, strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return g.conv(t, strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return g.conv(t, strconv.FormatUint(v.Uint(), 10))
	case reflect.Float32, reflect.Float64:
		return g.conv(t, strconv.FormatFloat(v.Float(), 'g', -1, t.Bits()))
	case reflect.Pointer:
		if v.IsNil() {
			return "nil"
		}
		if g.seen[v.Pointer()] {
			panic("testkit.GoSource: a pointer met twice in " + t.String())
		}
		g.seen[v.Pointer()] = true
		if t.Elem().Kind() == reflect.Struct {
			return "&" + g.lit(v.Elem())
		}
		g.ptrs = true
		e := g.lit(v.Elem())
		if t.Elem().PkgPath() == "" && t.Elem().Kind() != reflect.String && t.Elem().Kind() != reflect.Bool {
			e = g.typ(t.Elem()) + "(" + e + ")" // snapshotPtr(1.5) would be a *float64 for any float type
		}
		return "snapshotPtr(" + e + ")"
	case reflect.Slice, reflect.Array:
		if t.Kind() == reflect.Slice && v.IsNil() {
			return "nil"
		}
		var b strings.Builder
		b.WriteString(g.typ(t) + "{")
		for i := range v.Len() {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(g.elem(v.Index(i)))
		}
		b.WriteString("}")
		return b.String()
	case reflect.Map:
		if v.IsNil() {
			return "nil"
		}
		keys := v.MapKeys()
		ks := make([]string, len(keys))
		for i, k := range keys {
			ks[i] = g.lit(k)
		}
		idx := make([]int, len(keys))
		for i := range idx {
			idx[i] = i
		}
		sort.Slice(idx, func(a, b int) bool { return ks[idx[a]] < ks[idx[b]] })
		var b strings.Builder
		b.WriteString(g.typ(t) + "{\n")
		for _, i := range idx {
			b.WriteString(ks[i] + ": " + g.elem(v.MapIndex(keys[i])) + ",\n")
		}
		b.WriteString("}")
		return b.String()
	case reflect.Struct:
		var b strings.Builder
		b.WriteString(g.typ(t) + "{")
		n := 0
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() && t.PkgPath() != g.pkgPath {
				panic("testkit.GoSource: unexported field " + f.Name + " of " + t.String())
			}
			if v.Field(i).IsZero() {
				continue
			}
			if n == 0 {
				b.WriteString("\n")
			}
			n++
			b.WriteString(f.Name + ": " + g.lit(v.Field(i)) + ",\n")
		}
		b.WriteString("}")
		return b.String()
	}
	panic("testkit.GoSource: cannot write a " + t.String())
}

// elem is v as an element of a slice or map literal: a struct's type may
// be elided there, not a pointer's.
func (g *golit) elem(v reflect.Value) string {
	s := g.lit(v)
	if v.Kind() == reflect.Struct {
		return strings.TrimPrefix(s, g.typ(v.Type()))
	}
	return s
}

// conv writes a number or bool s of type t: as it is for a predeclared
// type (the literal's context gives the type), converted for a named one.
func (g *golit) conv(t reflect.Type, s string) string {
	if t.PkgPath() == "" {
		return s
	}
	return g.typ(t) + "(" + s + ")"
}

// SnapshotFile is a template file and the parse its package's loader uses.
type SnapshotFile struct {
	Name  string // as in fsys
	Parse func(path string, data []byte) (any, error)
}

// ParseAny is parse for a SnapshotFile: its value as an any.
func ParseAny[T any](parse func(path string, data []byte) (T, error)) func(string, []byte) (any, error) {
	return func(path string, data []byte) (any, error) { return parse(path, data) }
}

// SnapshotPath stands for the path argument of the generated functions.
const SnapshotPath = "\x00path\x00"

// CheckSnapshots regenerates the package's snapshot_gen.go (GoSource) from
// what parse makes of each file of fsys and compares it with the file
// (-update, or go generate, rewrites it), so a template edited without
// regenerating fails; then it shows that snapshot, the package's generated
// dispatcher, gives for each file what its parse gives, for the embedded
// path and for a file on disk, and nothing for a file it does not know.
func CheckSnapshots(t *testing.T, fsys fs.FS, pkg, pkgPath string, files []SnapshotFile, snapshot func(name, path string) any) {
	t.Helper()
	var snaps []Snapshot
	for _, f := range files {
		data, err := fs.ReadFile(fsys, f.Name)
		if err != nil {
			t.Fatal(err)
		}
		v, err := f.Parse(SnapshotPath, data)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		snaps = append(snaps, Snapshot{Name: f.Name, Func: snapshotFunc(f.Name), Path: SnapshotPath, Value: v})
	}
	src := GoSource(pkg, pkgPath,
		"Code generated by go generate (testkit.CheckSnapshots); DO NOT EDIT.\n\n"+
			"What this package's parse makes of each embedded template file it\n"+
			"loads, for templates.ParsedOr: loading one costs no YAML decoding or\n"+
			"checking.", snaps)
	Golden(t, "snapshot_gen.go", src, *Update)
	if *Update {
		return // snapshot is the old code until the package is built again
	}
	for _, f := range files {
		data, _ := fs.ReadFile(fsys, f.Name)
		for _, path := range []string{"templates/" + f.Name, "/nơi/khác/templates/" + f.Name} {
			want, err := f.Parse(path, data)
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
			got := snapshot(f.Name, path)
			if got == nil {
				t.Fatalf("%s: no snapshot (go generate)", f.Name)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: the snapshot differs from the parse (go generate)", f.Name)
			}
		}
	}
	if snapshot("khong-co.yaml", "x") != nil {
		t.Error("a snapshot for a file that has none")
	}
}

// snapshotFunc names the generated function of a template file:
// snapshotTieuChiQd318_2021_2025 for tieu-chi/qd318-2021-2025.yaml.
func snapshotFunc(name string) string {
	b := []byte("snapshot")
	up := true
	for _, r := range strings.TrimSuffix(name, ".yaml") {
		switch {
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9':
			if up && r >= 'a' {
				r -= 'a' - 'A'
			}
			b = append(b, byte(r))
			up = false
		case r == '-' && b[len(b)-1] >= '0' && b[len(b)-1] <= '9':
			b = append(b, '_')
		default:
			up = true
		}
	}
	return string(b)
}
