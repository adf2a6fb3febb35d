package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// hostileCase is one malformed or hostile plan and what kehoach must say.
type hostileCase struct {
	file   string
	status int
	first  string // the first error line, exactly; "-" when valid
	data   []byte // generated cases carry their bytes
}

func loadHostile(t *testing.T) []hostileCase {
	t.Helper()
	f, err := os.Open("testdata/hostile/want.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []hostileCase
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		p := strings.SplitN(sc.Text(), "\t", 3)
		st, _ := strconv.Atoi(p[1])
		out = append(out, hostileCase{file: p[0], status: st, first: p[2]})
	}
	// Too large to commit: a 10 MB string and 100 000 list items.
	base, err := os.ReadFile("testdata/hostile/52-bom-utf8.yaml")
	if err != nil {
		t.Fatal(err)
	}
	big := bytes.Replace(base, []byte("chung: Mục tiêu chung."), []byte("chung: "+strings.Repeat("a", 10<<20)), 1)
	many := bytes.Replace(base, []byte("giai_phap: [Giải pháp một.]"), []byte("giai_phap:\n"+strings.Repeat("  - x\n", 100000)), 1)
	out = append(out,
		hostileCase{file: "90-chuoi-10MB.yaml", status: 1, data: big,
			first: fmt.Sprintf("90-chuoi-10MB.yaml: tệp quá lớn (%d byte, tối đa 4194304 byte); hãy tách bớt nội dung hoặc kiểm tra lại tệp.", len(big))},
		hostileCase{file: "91-100000-phan-tu.yaml", status: 1, data: many,
			first: "91-100000-phan-tu.yaml:51:3: danh sách có 100000 phần tử (tối đa 10000); hãy kiểm tra lại tệp."},
	)
	return out
}

// Every hostile plan gets its exact Vietnamese message, position and exit
// status, and nothing is written to the output folder; valid ones (a BOM,
// CRLF line ends, text that looks like markup) build.
func TestHostileCorpus(t *testing.T) {
	cases := loadHostile(t)
	if n := len(cases) - 2; n < 60 {
		t.Fatalf("only %d committed hostile plans, want at least 60", n)
	}
	xa, err := os.ReadFile("testdata/hostile/xa.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "xa.yaml"), xa, 0o644); err != nil {
				t.Fatal(err)
			}
			// A case is a file, a folder (file names as Windows users make
			// them) or a file in such a folder: the first element of its
			// path is copied.
			top, _, inFolder := strings.Cut(tc.file, "/")
			if st, err := os.Stat(filepath.Join("testdata/hostile", top)); err == nil && st.IsDir() {
				if err := os.CopyFS(filepath.Join(dir, top), os.DirFS(filepath.Join("testdata/hostile", top))); err != nil {
					t.Fatal(err)
				}
			} else if inFolder {
				t.Fatalf("%s is not a folder", top)
			} else {
				data := tc.data
				if data == nil {
					if data, err = os.ReadFile(filepath.Join("testdata/hostile", tc.file)); err != nil {
						t.Fatal(err)
					}
				}
				if err := os.WriteFile(filepath.Join(dir, tc.file), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			t.Chdir(dir)
			out := filepath.Join(dir, "out")
			var o, e bytes.Buffer
			st := run([]string{"build", "-o", out, filepath.FromSlash(tc.file)}, &o, &e)
			if st != tc.status {
				t.Errorf("status %d, want %d\n%s", st, tc.status, e.String())
			}
			var first string
			for _, l := range strings.Split(e.String(), "\n") {
				// Warnings end in "(cảnh báo)", those of the layout too.
				if l != "" && !strings.HasSuffix(l, " (cảnh báo)") {
					first = l
					break
				}
			}
			if first == "" {
				first = "-"
			}
			// Paths in messages use the OS separator.
			first = strings.ReplaceAll(first, filepath.FromSlash(top+"/"), top+"/")
			if first != tc.first {
				t.Errorf("first message:\n got %s\nwant %s", first, tc.first)
			}
			ents, _ := os.ReadDir(out)
			if tc.status != 0 && len(ents) > 0 {
				t.Errorf("an invalid plan wrote %d files to out/", len(ents))
			}
			if tc.status == 0 && len(ents) != 3 {
				t.Errorf("a valid plan wrote %d files, want 3 (DOCX, PDF, XLSX)", len(ents))
			}
		})
	}
}
