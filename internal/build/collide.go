package build

import (
	"bytes"
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"kehoach/internal/diag"
	"kehoach/internal/plan"
	"kehoach/internal/yamlx"
)

// OutputName is the file name of a plan's output in format: the document
// as BaseName.docx or .pdf, the annex workbook as BaseName-bieu.xlsx, an
// electronic document's metadata (RecordFormats) as BaseName-dac-ta.xml
// and .json (base then ends in ElectronicSuffix).
func OutputName(base, format string) string {
	switch format {
	case "xlsx":
		return base + "-bieu.xlsx"
	case "xml", "json":
		return base + "-dac-ta." + format
	}
	return base + "." + format
}

// target is what a plan file would write, read without validating it.
type target struct {
	key     string // BaseName in lower case (Windows names ignore case)
	base    string
	nam     int
	ma      string
	commune string // the commune file, cleaned
	namPos  diag.Pos
	maPos   diag.Pos
}

// commune is a commune file's code, read once per file.
type commune struct {
	once sync.Once
	ma   string
	pos  diag.Pos
}

// peek reads the year of the plan at path and the code of its commune,
// just far enough to name its outputs; ok is false when they cannot be
// read (the build then reports why, and writes nothing).
func peek(path string, communes *sync.Map) (target, bool) {
	if plan.NameProblem(path, false) != nil {
		return target{}, false
	}
	data, err := plan.ReadFile(path)
	if err != nil {
		return target{}, false
	}
	var t target
	xa, xaOK := topScalar(data, "xa")
	nam, namOK := topScalar(data, "nam")
	if n, err := strconv.Atoi(nam.value); xaOK && namOK && err == nil {
		t.nam, t.namPos = n, nam.pos
	} else {
		// Not in the plain form kehoach fmt writes: decode the file.
		var p plan.Plan
		ix, _ := yamlx.Decode(path, data, &p)
		t.nam, t.namPos = p.Nam, ix.Lookup("nam")
		xa.value = p.Xa
	}
	cpath, ok := plan.CommunePath(path, xa.value)
	if t.nam <= 0 || !ok {
		return target{}, false
	}
	t.commune = filepath.Clean(cpath)
	v, _ := communes.LoadOrStore(t.commune, &commune{})
	c := v.(*commune)
	c.once.Do(func() {
		data, err := plan.ReadFile(t.commune)
		if err != nil {
			return
		}
		if ma, ok := topScalar(data, "ma"); ok {
			c.ma, c.pos = ma.value, ma.pos
			return
		}
		var x plan.Commune
		cix, _ := yamlx.Decode(t.commune, data, &x)
		c.ma, c.pos = x.Ma, cix.Lookup("ma")
	})
	if c.ma == "" {
		return target{}, false
	}
	t.ma, t.maPos = c.ma, c.pos
	t.base = fmt.Sprintf("ke-hoach-ntm-%d-%s", t.nam, t.ma)
	t.key = strings.ToLower(t.base)
	return t, true
}

// CommuneFile is the commune file the plan at path names (its xa key), as
// a path on this OS; ok is false when the plan cannot be read or names
// none. `kehoach watch` watches it with the plan.
func CommuneFile(path string) (string, bool) {
	data, err := plan.ReadFile(path)
	if err != nil {
		return "", false
	}
	xa, ok := topScalar(data, "xa")
	if !ok {
		var p plan.Plan
		yamlx.Decode(path, data, &p)
		xa.value = p.Xa
	}
	return plan.CommunePath(path, xa.value)
}

// scalar is a value read by topScalar and where it is.
type scalar struct {
	value string
	pos   diag.Pos
}

// topScalar finds the top-level key of a YAML file in the plain form that
// kehoach fmt writes (“nam: 2025”, at the start of a line, an optional
// comment after it) without parsing the file: a fraction of the time of a
// decode, which matters for a thousand plans. ok is false when the key is
// not there once in that form (quoted, a block, a flow mapping, several
// documents …): the caller then decodes the file.
func topScalar(data []byte, key string) (scalar, bool) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var found scalar
	n := 0
	for i, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimSuffix(line, []byte("\r"))
		if bytes.HasPrefix(line, []byte("---")) || bytes.IndexByte(line, 0) >= 0 {
			return scalar{}, false
		}
		rest, ok := bytes.CutPrefix(line, []byte(key+":"))
		if !ok {
			continue
		}
		if len(rest) > 0 && rest[0] != ' ' {
			continue // another key that starts alike (nam_x:)
		}
		n++
		v := bytes.TrimLeft(rest, " ")
		col := len(key) + 1 + len(rest) - len(v) + 1
		if c := bytes.Index(v, []byte(" #")); c >= 0 {
			v = v[:c]
		}
		v = bytes.TrimRight(v, " ")
		if len(v) == 0 || bytes.ContainsAny(v[:1], "\"'|>&*!{[%@`#") || bytes.Contains(v, []byte(": ")) {
			return scalar{}, false
		}
		found = scalar{string(v), diag.Pos{Line: i + 1, Col: col}}
	}
	return found, n == 1
}

// Collisions finds the plans among paths whose outputs would have the same
// names: the same year and commune code, as when Explorer's copy “2025 -
// Copy.yaml” sits beside 2025.yaml, or two communes have the same ma.
// Built together, whichever plan is written last would win file by file,
// so none of them may be built. The result holds, for each such plan (by
// index in paths), an error naming the others; nil when there are none.
// The files are read on workers goroutines (0: one per core).
func Collisions(paths []string, o Options, workers int) []*diag.Diagnostic {
	if len(paths) < 2 {
		return nil
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	targets := make([]target, len(paths))
	found := make([]bool, len(paths))
	var communes sync.Map
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(workers, len(paths)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				targets[i], found[i] = peek(paths[i], &communes)
			}
		}()
	}
	for i := range paths {
		jobs <- i
	}
	close(jobs)
	wg.Wait()

	groups := map[string][]int{}
	for i, t := range targets {
		if found[i] {
			groups[t.key] = append(groups[t.key], i)
		}
	}
	var out []*diag.Diagnostic
	for i, t := range targets {
		g := groups[t.key]
		if !found[i] || len(g) < 2 {
			continue
		}
		if out == nil {
			out = make([]*diag.Diagnostic, len(paths))
		}
		out[i] = collision(i, g, paths, targets, o)
	}
	return out
}

// collision is the error for plan i of a group of plans with the same
// output names.
func collision(i int, group []int, paths []string, targets []target, o Options) *diag.Diagnostic {
	t := targets[i]
	var others, otherCommunes []string
	sameCommune := true
	for _, j := range group {
		if j == i {
			continue
		}
		others = append(others, paths[j])
		if targets[j].commune != t.commune {
			sameCommune = false
			if !slices.Contains(otherCommunes, targets[j].commune) {
				otherCommunes = append(otherCommunes, targets[j].commune)
			}
		}
	}
	outputs := outputList(t.base, o)
	if sameCommune {
		return &diag.Diagnostic{File: paths[i], Pos: t.namPos, Msg: fmt.Sprintf(
			"%s cùng là kế hoạch năm %d của xã “%s” nên sẽ ghi đè tệp kết quả của nhau (%s); không dựng kế hoạch nào trong số đó. Hãy xóa hoặc chuyển ra chỗ khác tệp thừa (thường là bản chép như “%d - Copy.yaml”).",
			andList(append([]string{"kế hoạch này"}, others...)), t.nam, t.ma, outputs, t.nam)}
	}
	return &diag.Diagnostic{File: t.commune, Pos: t.maPos, Msg: fmt.Sprintf(
		"mã xã “%s” trùng với mã của xã ở %s, nên kế hoạch %s và %s (cùng năm %d) sẽ ghi đè tệp kết quả của nhau (%s); không dựng kế hoạch nào trong số đó. Hãy đặt cho mỗi xã một mã riêng (khóa ma: tên xã không dấu, nối bằng gạch ngang, ví dụ tan-loi).",
		t.ma, andList(otherCommunes), paths[i], andList(others), t.nam, outputs)}
}

// outputList names a plan's outputs in the output folder: the first in
// full, the others by what follows the base name.
func outputList(base string, o Options) string {
	formats := o.formats()
	switch {
	case o.Review:
		base += ReviewSuffix
	case o.Electronic:
		base += ElectronicSuffix
		formats = o.formatsFor(true)
	}
	dir := o.OutDir
	if dir == "" {
		dir = "out"
	}
	var parts []string
	for k, f := range formats {
		name := OutputName(base, f)
		if k == 0 {
			parts = append(parts, filepath.Join(dir, name))
		} else {
			parts = append(parts, strings.TrimPrefix(name, base))
		}
	}
	return strings.Join(parts, ", ")
}

// andList joins names as Vietnamese lists them: “a”, “a và b”, “a, b và c”.
func andList(names []string) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " và " + names[len(names)-1]
}
