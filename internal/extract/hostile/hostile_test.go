package hostile

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kehoach/internal/extract/docx"
	"kehoach/internal/extract/limits"
	xpara "kehoach/internal/extract/para"
	"kehoach/internal/testkit"
)

var update = testkit.Update

// TestImportReader: the DOCX reader of kehoach import refuses each
// .docx case with its message, or reads it, within the bounds.
func TestImportReader(t *testing.T) {
	for _, c := range Cases() {
		if !strings.HasSuffix(c.Name, ".docx") {
			continue
		}
		t.Run(c.Name, func(t *testing.T) {
			if c.Import == "" {
				t.Fatal("no outcome for kehoach import")
			}
			data := c.Make()
			var ps []xpara.Para
			var err error
			testkit.Within(t, testkit.Budget{Time: MaxSeconds * time.Second, Alloc: MaxRSSBytes}, func() {
				ps, err = docx.Paragraphs(data, limits.NewBudget())
			})
			if !c.ImportReads {
				if err == nil || !strings.Contains(err.Error(), c.Import) {
					t.Fatalf("%d paragraphs, error %v; want an error with “%s”", len(ps), err, c.Import)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, p := range ps {
				found = found || strings.Contains(p.Text(), c.Import)
			}
			if !found {
				t.Errorf("no paragraph has “%s” (%d paragraphs)", c.Import, len(ps))
			}
		})
	}
}

// Table is the README table of the corpus: each file, what it is, what
// kehoach text must do, and what the review measured before the fix.
func Table(cases []Case, sizes map[string]int) string {
	var b strings.Builder
	b.WriteString("| Tệp | Nội dung | Kết quả phải có | Trước khi sửa (bản 9867b2c) | `kehoach import` |\n|---|---|---|---|---|\n")
	for _, c := range cases {
		name := "`" + c.Name + "`"
		if sizes[c.Name] > CommitBytes {
			name += " (sinh khi kiểm thử, " + strings.Replace(fmt.Sprintf("%.1f MB", float64(sizes[c.Name])/1e6), ".", ",", 1) + ")"
		}
		var want string
		switch {
		case c.Exit == 2:
			want = "từ chối, mã thoát 2: “" + c.Want + "”"
		case c.Notice:
			want = "mã thoát 0, chữ cắt kèm dòng báo; có “" + oneLine(c.Want) + "”"
		default:
			want = "mã thoát 0, in đủ; có “" + oneLine(c.Want) + "”"
		}
		imp := "—"
		switch {
		case c.ImportReads:
			imp = "đọc được; có “" + oneLine(c.Import) + "”"
		case c.Import != "":
			imp = "từ chối: “" + c.Import + "”"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", name, c.What, want, c.Before, imp)
	}
	return b.String()
}

func oneLine(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "⏎")
}

const readmeHead = `# Tệp độc hại cho ` + "`kehoach text`" + `

Các tệp DOCX, XLSX, PDF dựng để làm ` + "`kehoach text`" + ` (bộ chuyển chữ của git diff) treo, hết
bộ nhớ, in không dừng hay điều khiển màn hình, theo bản rà soát tháng 12/2026 (vụ việc
T, X, P giữ số của bản rà soát). Bảng dưới do ` + "`internal/extract/hostile`" + ` sinh ra; tệp đến
200 KB được commit ở đây, tệp lớn hơn sinh ra khi kiểm thử. Viết lại cả thư mục:
` + "`go test ./internal/extract/hostile -update`" + `.

` + "`TestHostileText`" + ` (cmd/kehoach) chạy ` + "`kehoach text`" + ` trên từng tệp như một tiến trình riêng
và đòi: đúng mã thoát và thông báo, xong trong 5 giây, bộ nhớ đỉnh (RSS) dưới 300 MB, chữ in
ra không quá giới hạn, không có ký tự điều khiển nào (trừ Tab và xuống dòng). Cột cuối là
kết quả của bản trước khi sửa (9867b2c) trên máy 2 lõi, bộ nhớ giới hạn 4 GB, dừng sau 20 giây;
sau khi sửa, mọi tệp xong dưới 1,5 giây và 100 MB.

Cột “` + "`kehoach import`" + `” là điều bộ đọc DOCX của lệnh import (` + "`docx.Paragraphs`" + `, đọc thêm
` + "`word/numbering.xml`" + ` và ` + "`word/styles.xml`" + `) phải làm với tệp: từ chối kèm thông báo ấy, hay đọc được.
` + "`TestImportReader`" + ` (internal/extract/hostile) đòi điều đó, trong 5 giây và 300 MB cấp phát mỗi tệp.

Tệp ` + "`.gitattributes`" + ` ở đây tắt bộ chuyển chữ cho các tệp này: một bản kehoach cũ hơn
sẽ treo trên chúng khi ` + "`git log -p`" + `.

`

// TestCorpus: the committed files and the README are what Cases makes.
func TestCorpus(t *testing.T) {
	dir := filepath.Join(testkit.RepoRoot(t), "testdata", "hostile-text")
	sizes := map[string]int{}
	want := map[string]bool{"README.md": true, ".gitattributes": true}
	for _, c := range Cases() {
		data := c.Make()
		sizes[c.Name] = len(data)
		if len(data) > CommitBytes {
			continue
		}
		want[c.Name] = true
		p := filepath.Join(dir, c.Name)
		if *update {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(p)
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("%s: not what Cases makes (go test ./internal/extract/hostile -update): %v", c.Name, err)
		}
	}
	readme := readmeHead + Table(Cases(), sizes)
	attrs := "# Hostile files: never through a textconv driver, never line-end converted.\n*.pdf  -diff -text\n*.docx -diff -text\n*.xlsx -diff -text\n"
	if *update {
		os.WriteFile(filepath.Join(dir, "README.md"), []byte(readme), 0o644)
		os.WriteFile(filepath.Join(dir, ".gitattributes"), []byte(attrs), 0o644)
	}
	for name, text := range map[string]string{"README.md": readme, ".gitattributes": attrs} {
		if got, _ := os.ReadFile(filepath.Join(dir, name)); string(got) != text {
			t.Errorf("%s is not what Cases makes (go test ./internal/extract/hostile -update)", name)
		}
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if !want[e.Name()] {
			if *update {
				os.Remove(filepath.Join(dir, e.Name()))
				continue
			}
			t.Errorf("%s: no case makes it", e.Name())
		}
	}
	seen := map[string]bool{}
	for _, c := range Cases() {
		if seen[c.Name] {
			t.Errorf("%s: two cases", c.Name)
		}
		seen[c.Name] = true
		if c.Exit != 0 && c.Exit != 2 || c.Exit == 2 && c.Notice || c.Want == "" {
			t.Errorf("%s: outcome not well said", c.Name)
		}
	}
}
