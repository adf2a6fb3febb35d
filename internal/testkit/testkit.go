// Package testkit holds what several packages' tests share: finding the
// ../shared folder (seed document, OOXML schemas), validating XML parts with
// xmllint, converting with LibreOffice, extracting PDF text with poppler,
// and comparing our text with the seed word for word. Tests that need a
// missing tool or folder skip with a visible message.
package testkit

import (
	"archive/zip"
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/metrics"
	"sort"
	"strings"
	"testing"
	"time"
)

// SharedDir finds the project's shared/ folder by walking up from the
// working directory (it sits beside the clone), or returns "".
func SharedDir() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		cand := filepath.Join(dir, "shared")
		if st, err := os.Stat(filepath.Join(cand, "seed")); err == nil && st.IsDir() {
			return cand
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// RepoRoot returns the repository root (the folder holding go.mod).
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test directory")
		}
		dir = parent
	}
}

// SchemaDir returns the OOXML transitional schemas folder ($KEHOACH_OOXML_XSD
// or shared/ooxml-schemas/xsd), skipping the test when there is none.
func SchemaDir(t testing.TB) string {
	t.Helper()
	if d := os.Getenv("KEHOACH_OOXML_XSD"); d != "" {
		return d
	}
	if s := SharedDir(); s != "" {
		d := filepath.Join(s, "ooxml-schemas", "xsd")
		if _, err := os.Stat(filepath.Join(d, "wml.xsd")); err == nil {
			return d
		}
	}
	Missing(t, "BỎ QUA kiểm tra lược đồ OOXML: không có shared/ooxml-schemas/xsd cạnh kho mã (hoặc đặt KEHOACH_OOXML_XSD)")
	return ""
}

// Missing skips the test with a visible message, or fails it when the
// environment variable CI is set: .ci/run sets it and installs every tool
// the tests use, and CI has ../shared, so there a missing tool or folder is
// a broken machine, not a reason to pass without checking.
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv("CI") != "" {
		t.Fatalf("%s; biến môi trường CI được đặt nên kiểm thử này không được bỏ qua", strings.Replace(msg, "BỎ QUA", "THIẾU", 1))
	}
	t.Skip(msg)
}

// Tool returns the path of a command. When it is absent the test is
// skipped with a visible message, or fails when the environment variable
// CI is set: .ci/run installs every tool the tests use, so there a missing
// tool is a broken machine, not a reason to pass without checking.
func Tool(t testing.TB, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		Missing(t, "BỎ QUA: thiếu lệnh %s (apt-get install %s)", name, pkg)
	}
	return p
}

// SchemaFor names the OOXML schema of a package part (see the schemas'
// README), or "" for parts no schema covers.
func SchemaFor(part string) string {
	switch {
	case part == "[Content_Types].xml":
		return "opc-contentTypes.xsd"
	case strings.HasSuffix(part, ".rels"):
		return "opc-relationships.xsd"
	case part == "docProps/core.xml":
		return "opc-coreProperties.xsd"
	case part == "docProps/app.xml":
		return "shared-documentPropertiesExtended.xsd"
	case part == "docProps/custom.xml":
		return "shared-documentPropertiesCustom.xsd"
	case strings.HasPrefix(part, "word/theme/"), strings.HasPrefix(part, "xl/theme/"):
		return "dml-main.xsd"
	case strings.HasPrefix(part, "word/") && strings.HasSuffix(part, ".xml"):
		return "wml.xsd"
	case strings.HasPrefix(part, "xl/") && strings.HasSuffix(part, ".xml"):
		return "sml.xsd"
	}
	return ""
}

// ValidateParts validates every XML part against its schema with xmllint
// (one call per schema). prepare may rewrite a part first (for example to
// strip xml:space from SpreadsheetML <t>, caveat 3 of the schemas' README).
func ValidateParts(t *testing.T, parts map[string][]byte, prepare func(part string, data []byte) []byte) {
	t.Helper()
	xmllint := Tool(t, "xmllint", "libxml2-utils")
	xsd := SchemaDir(t)
	dir := t.TempDir()
	bySchema := map[string][]string{}
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, part := range names {
		if !strings.HasSuffix(part, ".xml") && !strings.HasSuffix(part, ".rels") {
			continue
		}
		schema := SchemaFor(part)
		if schema == "" {
			t.Errorf("no schema known for part %s", part)
			continue
		}
		data := parts[part]
		if prepare != nil {
			data = prepare(part, data)
		}
		path := filepath.Join(dir, filepath.FromSlash(part))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		bySchema[schema] = append(bySchema[schema], path)
	}
	schemas := make([]string, 0, len(bySchema))
	for s := range bySchema {
		schemas = append(schemas, s)
	}
	sort.Strings(schemas)
	for _, schema := range schemas {
		args := append([]string{"--nonet", "--noout", "--schema", filepath.Join(xsd, schema)}, bySchema[schema]...)
		if out, err := exec.Command(xmllint, args...).CombinedOutput(); err != nil {
			t.Errorf("xmllint --schema %s: %v\n%s", schema, err, out)
		}
	}
}

// Soffice converts files with LibreOffice (headless, a private profile in
// dir so parallel runs do not clash) into dir, to the given filter ("pdf",
// "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1").
func Soffice(t *testing.T, dir, to string, files ...string) {
	t.Helper()
	SofficeWith(t, filepath.Join(dir, ".lo-profile"), dir, to, files...)
}

// SofficeWith is Soffice with the LibreOffice profile folder given: a
// second conversion with the profile of the first starts warm (the first
// start of a new profile is most of LibreOffice's time).
func SofficeWith(t *testing.T, profile, dir, to string, files ...string) {
	t.Helper()
	if testing.Short() {
		t.Skip("BỎ QUA LibreOffice ở chế độ -short")
	}
	soffice := Tool(t, "soffice", "libreoffice-writer-nogui libreoffice-calc-nogui")
	args := []string{"-env:UserInstallation=file://" + filepath.ToSlash(profile), "--headless", "--convert-to", to, "--outdir", dir}
	cmd := exec.Command(soffice, append(args, files...)...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice --convert-to %s: %v\n%s", to, err, out)
	}
}

// PDFText extracts a PDF's text with pdftotext (UTF-8); extra args such as
// "-layout" or "-bbox" are passed through.
func PDFText(t testing.TB, path string, extra ...string) string {
	t.Helper()
	pdftotext := Tool(t, "pdftotext", "poppler-utils")
	args := append(append([]string{"-enc", "UTF-8"}, extra...), path, "-")
	out, err := exec.Command(pdftotext, args...).Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// Words normalises text to single-space-separated words (no-break spaces
// count as spaces).
func Words(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}

// SeedWords returns the seed document's words with every intended correction
// of corrections (a TSV file: seed text, our text, why) applied; each must
// apply exactly once. It skips the test when the seed is absent.
func SeedWords(t testing.TB, corrections string) string {
	t.Helper()
	seed := Words(string(SeedText(t)))
	f, err := os.Open(corrections)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) != 3 {
			t.Fatalf("%s: %q: want 3 tab-separated fields", corrections, line)
		}
		if n := strings.Count(seed, parts[0]); n != 1 {
			t.Errorf("correction %q (%s) occurs %d times in the seed, want 1", parts[0], parts[2], n)
			continue
		}
		seed = strings.Replace(seed, parts[0], parts[1], 1)
	}
	return seed
}

// From returns the words of text from the first occurrence of start on.
func From(t testing.TB, text, start string) string {
	t.Helper()
	w := Words(text)
	i := strings.Index(w, start)
	if i < 0 {
		t.Fatalf("no %q in the text: %.200q", start, w)
	}
	return w[i:]
}

// SameWords fails the test at the first difference between want and got,
// showing both with context.
func SameWords(t testing.TB, what, want, got string) {
	t.Helper()
	if want == got {
		return
	}
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	from := max(0, i-80)
	t.Errorf("%s differs at byte %d:\nwant: …%s…\ngot:  …%s…", what, i, want[from:min(len(want), i+120)], got[from:min(len(got), i+120)])
}

// CopyPlan copies the 2025 plan of Mường Khoa and its commune file into
// root/plans/folder/, the plan under name, editing the plan text with edit
// (may be nil). It returns the plan's path.
func CopyPlan(t testing.TB, root, folder, name string, edit func(string) string) string {
	t.Helper()
	src := filepath.Join(RepoRoot(t), "plans", "muong-khoa")
	dir := filepath.Join(root, "plans", folder)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"2025.yaml", "xa.yaml"} {
		b, err := os.ReadFile(filepath.Join(src, f))
		if err != nil {
			t.Fatal(err)
		}
		s, dst := string(b), filepath.Join(dir, f)
		if f == "2025.yaml" {
			dst = filepath.Join(dir, name)
			if edit != nil {
				s = edit(s)
			}
		}
		if err := os.WriteFile(dst, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, name)
}

// Unzip reads every entry of a zip package (DOCX, XLSX): the parts by name
// and the entries in their stored order.
func Unzip(t testing.TB, b []byte) (map[string][]byte, []*zip.File) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = data
	}
	return parts, zr.File
}

// SixSources edits the 2025 plan of Mường Khoa (as CopyPlan passes it)
// into a plan whose one work draws on six top-level funding sources, with
// big, decimal and tiny amounts (100.000; 12.345,5; 1.890,5; 0,5; 1.250;
// 640): the widest Biểu 03 the annexes must lay out without cutting a
// number. Use it as CopyPlan's edit.
func SixSources(s string) string {
	start, end := strings.Index(s, "\nnguon_luc:\n"), strings.Index(s, "\ngiai_phap:\n")
	work := strings.Index(s, "        - {nguon: nstw-dau-tu, so_tien: 504}\n")
	if start < 0 || end < start || work < end {
		panic("testkit.SixSources: the 2025 plan no longer has the nguon_luc block or the work's von line")
	}
	sources := `
nguon_luc:
  nguon:
    - ma: nstw
      ten: Vốn Ngân sách Trung ương
      con:
        - ma: nstw-dau-tu
          ten: Vốn đầu tư
          so_tien: 100000
          loai: dau_tu
        - ma: nstw-su-nghiep
          ten: Vốn sự nghiệp
          so_tien: 800
          loai: su_nghiep
    - ma: ns-tinh
      ten: Ngân sách tỉnh
      so_tien: 12345.5
      loai: dau_tu
    - ma: ns-huyen
      ten: Ngân sách huyện
      so_tien: 1890.5
      loai: dau_tu
    - ma: ns-xa
      ten: Ngân sách xã
      so_tien: 0.5
      loai: dau_tu
    - ma: long-ghep
      ten: Vốn lồng ghép
      so_tien: 1250
      loai: dau_tu
    - ma: dan-gop
      ten: Vốn huy động Nhân dân đóng góp
      so_tien: 640
      loai: dau_tu
  bieu: ["02", "03", "04"]
`
	von := `        - {nguon: nstw-dau-tu, so_tien: 100000}
        - {nguon: ns-tinh, so_tien: 12345.5}
        - {nguon: ns-huyen, so_tien: 1890.5}
        - {nguon: ns-xa, so_tien: 0.5}
        - {nguon: long-ghep, so_tien: 1250}
        - {nguon: dan-gop, so_tien: 640}
`
	w := s[work:]
	return s[:start] + sources + s[end:work] + von + w[strings.Index(w, "\n")+1:]
}

// Budget bounds one fuzz input: its wall time and the bytes it allocates.
type Budget struct {
	Time  time.Duration
	Alloc uint64
}

// FuzzBudget is the bound every fuzz target holds each input to in CI
// (#15): a hang or a blow-up is a finding, like a crash.
var FuzzBudget = Budget{Time: 10 * time.Second, Alloc: 512 << 20}

// Within runs check and fails t when it runs longer or allocates more than
// b allows. An input that never ends panics the fuzz process at the time
// limit, which the fuzzer reports as a crash with the input saved.
func Within(t testing.TB, b Budget, check func()) {
	t.Helper()
	timer := time.AfterFunc(b.Time, func() {
		panic(fmt.Sprintf("an input took over %v", b.Time))
	})
	defer timer.Stop()
	before := allocated()
	start := time.Now()
	check()
	if d := time.Since(start); d > b.Time {
		t.Fatalf("an input took %v (limit %v)", d, b.Time)
	}
	if n := allocated() - before; n > b.Alloc {
		t.Fatalf("an input allocated %d MB (limit %d MB)", n>>20, b.Alloc>>20)
	}
}

// allocated is the bytes the process has allocated so far, read without
// stopping the world (runtime.ReadMemStats would, twice per input, and
// slowed the fuzzers until their baseline run missed its deadline).
func allocated() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

// Update is the -update flag of every test binary of the module: golden
// files are rewritten with go test ./... -update. It is defined here once,
// and every test package imports testkit (those without golden files only
// for the flag), so that go test ./... -update runs in every package
// instead of failing with "flag provided but not defined".
var Update = flag.Bool("update", false, "rewrite the golden files (go test ./... -update)")

// Golden compares got with the golden file at path, or rewrites the file
// when update is set (the package's -update flag). A difference is
// reported at its first differing line.
func Golden(t testing.TB, path string, got []byte, update bool) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update rewrites it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl || i >= len(g) || i >= len(w) {
			t.Errorf("%s differs at line %d:\n got: %q\nwant: %q\n(go test -update rewrites it after an intended change)", path, i+1, gl, wl)
			return
		}
	}
}
