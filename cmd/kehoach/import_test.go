package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v4"

	"kehoach/internal/extract"
	"kehoach/internal/extract/hostile"
	"kehoach/internal/plan"
	"kehoach/internal/planfmt"
	"kehoach/internal/testkit"
	"kehoach/internal/yamlx"
)

// wordMatch aligns two texts word by word (longest common subsequence)
// and returns how many words they share in order.
func wordMatch(a, b []string) int {
	prev := make([]int32, len(b)+1)
	cur := make([]int32, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			switch {
			case a[i-1] == b[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return int(prev[len(b)])
}

// precisionRecall measures got against want: the share of got's words
// that are want's (precision) and of want's that got has (recall), in order.
func precisionRecall(want, got string) (p, r float64) {
	w, g := strings.Fields(testkit.Words(want)), strings.Fields(testkit.Words(got))
	m := float64(wordMatch(w, g))
	return m / float64(len(g)), m / float64(len(w))
}

// docxText is the text kehoach text prints for a DOCX.
func docxText(t *testing.T, path string) string {
	t.Helper()
	s, err := extract.Text(path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// resolveTodos removes the TODO comment lines of a draft, as a user does
// once each is done; a TODO that shares its line with YAML would take the
// YAML with it.
func resolveTodos(t *testing.T, s string) string {
	t.Helper()
	var out []string
	for i, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "# TODO:") {
			continue
		}
		if strings.Contains(l, "TODO:") {
			t.Errorf("line %d: a TODO comment shares its line with YAML: %q", i+1, l)
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// fromOriginal gives an imported plan what a document does not print and
// the round trip takes from the original plan, explicitly (README, “Bắt
// đầu từ văn bản Word năm trước”): when the import could not read Biểu 03
// and 04 whole, their data (bieu) and the codes of the funding sources
// they refer to (ma, by position); always the provincial criteria set (tieu_chi.bo_tinh), the links of
// the chỉ tiêu to criteria (chi_tieu[].tieu_chi) and the spelling
// exceptions (ngoai_le).
func fromOriginal(t *testing.T, orig, imported string, annexes bool) string {
	t.Helper()
	o, err := planfmt.ParseDoc("orig.yaml", []byte(orig))
	if err != nil {
		t.Fatal(err)
	}
	d, err := planfmt.ParseDoc("imported.yaml", []byte(imported))
	if err != nil {
		t.Fatal(err)
	}
	om, dm := o.Content[0], d.Content[0]
	set := func(m *yaml.Node, key string, v *yaml.Node) {
		if k, _ := planfmt.Lookup(m, key); k != nil {
			for i := 0; i+1 < len(m.Content); i += 2 {
				if m.Content[i].Value == key {
					m.Content[i+1] = v
				}
			}
			return
		}
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v)
	}
	keys := []string{"ngoai_le"}
	if annexes {
		keys = append(keys, "bieu")
	}
	for _, key := range keys {
		if _, v := planfmt.Lookup(om, key); v != nil {
			set(dm, key, v)
		}
	}
	if v := planfmt.Path(om, "tieu_chi", "bo_tinh"); v != nil {
		set(planfmt.Path(dm, "tieu_chi"), "bo_tinh", v)
	}
	if oc, dc := planfmt.Path(om, "muc_tieu", "chi_tieu"), planfmt.Path(dm, "muc_tieu", "chi_tieu"); oc != nil && dc != nil {
		for i := 0; i < len(oc.Content) && i < len(dc.Content); i++ {
			if _, v := planfmt.Lookup(oc.Content[i], "tieu_chi"); v != nil {
				set(dc.Content[i], "tieu_chi", v)
			}
		}
	}
	var codes func(o, d *yaml.Node)
	codes = func(o, d *yaml.Node) {
		for i := 0; o != nil && d != nil && i < len(o.Content) && i < len(d.Content); i++ {
			if _, v := planfmt.Lookup(o.Content[i], "ma"); v != nil {
				set(d.Content[i], "ma", v)
			}
			_, oc := planfmt.Lookup(o.Content[i], "con")
			_, dc := planfmt.Lookup(d.Content[i], "con")
			codes(oc, dc)
		}
	}
	if annexes {
		codes(planfmt.Path(om, "nguon_luc", "nguon"), planfmt.Path(dm, "nguon_luc", "nguon"))
	}
	out, err := planfmt.DumpDoc("imported.yaml", d, planfmt.Style{})
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// emphasis lists a plan's texts that carry markup (**…**, *…*), but the
// group headings, which the document sets in bold throughout.
func emphasis(t *testing.T, path string) string {
	t.Helper()
	res, err := plan.Load(path)
	if err != nil || res.Plan == nil {
		t.Fatalf("load %s: %v", path, err)
	}
	var out []string
	plan.WalkText(res.Plan, func(p, text string) {
		if strings.Contains(text, "*") && !strings.HasSuffix(p, ".tieu_de") && !strings.HasSuffix(p, ".don_vi") {
			out = append(out, text)
		}
	})
	return strings.Join(out, " | ")
}

// figures are a plan's derived figures: the funding totals and the
// criteria counts.
func figures(t *testing.T, path string) string {
	t.Helper()
	res, err := plan.Load(path)
	if err != nil || res.Plan == nil || !res.OK() {
		t.Fatalf("load %s: %v %v", path, err, res.Errors)
	}
	p := res.Plan
	var b strings.Builder
	fmt.Fprintf(&b, "tổng %s; đạt %d/%d, phấn đấu %d", p.Total(), p.CountMet(), p.CountCriteria(), p.CountPlanned())
	p.EachSource(func(n *plan.Nguon, depth int) { fmt.Fprintf(&b, "; %s %s", n.Ten, n.Sum) })
	return b.String()
}

// Every corpus plan survives build → import of its DOCX → build: the
// document's words come back in order (precision and recall ≥ 0,99) and
// the derived figures are the same.
func TestImportRoundTrip(t *testing.T) {
	root := t.TempDir()
	takenAnnexes := 0
	defer func() {
		t.Logf("Biểu 03, 04 taken from the original plan for %d plans", takenAnnexes)
		if takenAnnexes > 4 {
			t.Errorf("Biểu 03, 04 of %d plans not read whole, want at most 4 (the plans whose works draw on one of several investment sources under a top-level column)", takenAnnexes)
		}
	}()
	for _, src := range testkit.CorpusPlans(t) {
		name := filepath.Base(filepath.Dir(src)) + "/" + filepath.Base(src)
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(root, strings.ReplaceAll(name, "/", "-"))
			first, second, imp := filepath.Join(dir, "a"), filepath.Join(dir, "b"), filepath.Join(dir, "plan")
			if code, _, stderr := runArgs("build", "-o", first, src); code != 0 {
				t.Fatalf("build the original: exit %d\n%s", code, stderr)
			}
			docx, _ := filepath.Glob(filepath.Join(first, "ke-hoach-*.docx"))
			if len(docx) != 1 {
				t.Fatalf("docx of the original: %v", docx)
			}
			// The commune file and a provincial set beside the plan are not
			// in the document: they come with the plan's folder.
			os.MkdirAll(imp, 0o755)
			extra, _ := filepath.Glob(filepath.Join(filepath.Dir(src), "*.yaml"))
			for _, f := range extra {
				if f != src {
					b, _ := os.ReadFile(f)
					os.WriteFile(filepath.Join(imp, filepath.Base(f)), b, 0o644)
				}
			}
			code, stdout, stderr := runArgs("import", docx[0], "-o", imp)
			if code != 0 {
				t.Fatalf("import: exit %d\n%s%s", code, stdout, stderr)
			}
			if strings.Contains(stdout, "xa.yaml\n") {
				t.Errorf("import wrote a commune file beside an existing one:\n%s", stdout)
			}
			if strings.Contains(stderr, "không khớp") {
				t.Errorf("a figure of a kehoach document disagrees with its parts:\n%s", stderr)
			}
			out := filepath.Join(imp, filepath.Base(src))
			got, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if canon, err := planfmt.Format(out, got); err != nil || string(canon) != string(got) {
				t.Errorf("the draft is not in canonical form (err %v)", err)
			}
			orig, _ := os.ReadFile(src)
			// Biểu 03 and 04 come from the original only when the import
			// could not read them whole (a work's leaf source under a
			// top-level column with several).
			annexes := strings.Contains(stderr, "Biểu 03") || strings.Contains(stderr, "Biểu 04") || !strings.Contains(string(got), "\nbieu:\n")
			if annexes {
				takenAnnexes++
			}
			resolved := fromOriginal(t, string(orig), resolveTodos(t, string(got)), annexes)
			os.WriteFile(out, []byte(resolved), 0o644)
			if code, stdout, stderr := runArgs("check", out); code != 0 {
				t.Fatalf("check of the resolved draft: exit %d\n%s%s", code, stdout, stderr)
			}
			if code, _, stderr := runArgs("build", "-o", second, out); code != 0 {
				t.Fatalf("build the import: exit %d\n%s", code, stderr)
			}
			want, have := docxText(t, docx[0]), docxText(t, filepath.Join(second, filepath.Base(docx[0])))
			p, r := precisionRecall(want, have)
			t.Logf("%s: precision %.4f, recall %.4f", name, p, r)
			if p < 0.99 || r < 0.99 {
				t.Errorf("precision %.4f, recall %.4f, want ≥ 0,99 both", p, r)
			}
			// Bold and italic come back as the plan's markup, where the
			// document shows them (a heading is bold throughout: its markup
			// cannot show).
			if a, b := emphasis(t, src), emphasis(t, out); a != b {
				t.Errorf("marked-up texts differ:\noriginal %s\nimported %s", a, b)
			}
			if a, b := figures(t, src), figures(t, out); a != b {
				t.Errorf("derived figures differ:\noriginal %s\nimported %s", a, b)
			}
			// Into a folder without a commune file, import writes one with
			// what the document says of the commune.
			fresh := filepath.Join(dir, "fresh")
			if code, _, stderr := runArgs("import", docx[0], "-o", fresh); code != 0 {
				t.Fatalf("import into a new folder: exit %d\n%s", code, stderr)
			}
			if a, b := communeFacts(t, filepath.Join(filepath.Dir(src), "xa.yaml")), communeFacts(t, filepath.Join(fresh, "xa.yaml")); a != b {
				t.Errorf("commune file:\noriginal %s\nimported %s", a, b)
			}
		})
	}
}

// communeFacts are what a document prints of its commune: code, name,
// level, place, agency, what its units are called, the units of Biểu 01.
func communeFacts(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var c plan.Commune
	if _, errs := yamlx.Decode(path, b, &c); len(errs) > 0 {
		t.Fatalf("%s: %v", path, errs)
	}
	place := c.DiaDanh
	if place == "" {
		place = c.Ten
	}
	return fmt.Sprintf("%s|%s|%s|%s|%s|%s|%s|%s", c.Ma, c.Ten, c.Level(), place, c.CoQuan.Ten, c.CoQuan.VietTat, c.CoQuan.ChuQuan, c.LoaiBan)
}

var todoLine = regexp.MustCompile(`(?m)^  (\S+\.yaml):(\d+): kiểm tra `)

// The 2025 seed imports to a draft whose only disagreeing figure is the
// 2.256 of Vốn lồng ghép; once the listed TODOs are resolved it passes
// check, builds, and its document holds the seed's words (recall ≥ 0,97).
func TestImportSeed(t *testing.T) {
	s := testkit.SharedDir()
	if s == "" {
		testkit.Missing(t, "BỎ QUA: không có thư mục shared/ cạnh kho mã (văn bản mẫu)")
	}
	seedPath := filepath.Join(s, "seed", "ke-hoach-ntm-2025-muong-khoa.txt")
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		testkit.Missing(t, "BỎ QUA: %v", err)
	}
	root := t.TempDir()
	t.Chdir(root)
	code, stdout, stderr := runArgs("import", seedPath)
	if code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, stdout, stderr)
	}
	planPath, xaPath := filepath.Join("plans", "muong-khoa", "2025.yaml"), filepath.Join("plans", "muong-khoa", "xa.yaml")
	if stdout != "Đã ghi "+planPath+"\nĐã ghi "+xaPath+"\nĐã đọc: 3 căn cứ, 4 chỉ tiêu, 11 nhóm nhiệm vụ (36 đoạn, ý), 3 nguồn vốn, 7 giải pháp, 6 đơn vị thực hiện (12 đoạn, ý), 6 nơi nhận.\n" {
		t.Errorf("stdout = %q", stdout)
	}
	if n := strings.Count(stderr, "≠"); n != 1 || !strings.Contains(stderr, "ke-hoach-ntm-2025-muong-khoa.txt:424: Vốn lồng ghép: 2.256 ≠ 602 + 1.954\n") {
		t.Errorf("want exactly the one contradiction at the seed's line 424, got %d:\n%s", n, stderr)
	}
	todos := todoLine.FindAllStringSubmatch(stderr, -1)
	t.Logf("seed: %d TODO, report:\n%s", len(todos), stderr)
	// The criteria met, the 2.256 total, “công nghiêp”, the two names of
	// the programme, the signer's name; the province, the region and the
	// bản of the commune file.
	if len(todos) != 8 {
		t.Errorf("%d TODOs listed, want 8", len(todos))
	}
	// Resolve the listed TODOs as a user would: the 2.256 total is wrong
	// (the parts and the 3.900 agree), so its tong goes; the misspelt
	// “công nghiêp” takes the suggestion; the list of bản gets the one bản
	// the seed names; Mường Khoa (Lai Châu) is in the region tdmnpb; the
	// other TODOs accept the draft.
	for _, f := range []string{planPath, xaPath} {
		b, _ := os.ReadFile(f)
		s := resolveTodos(t, string(b))
		s = strings.Replace(s, "      tong: 2256\n", "", 1)
		s = strings.Replace(s, "nghiêp", "nghiệp", 1)
		s = strings.Replace(s, "ban:\n  - TODO\n", "ban: [Hô Tra]\n", 1)
		s = strings.Replace(s, "\nco_quan:\n", "\nvung: tdmnpb\n\nco_quan:\n", 1)
		os.WriteFile(f, []byte(s), 0o644)
	}
	if code, stdout, stderr := runArgs("check", planPath); code != 0 {
		t.Fatalf("check after resolving the TODOs: exit %d\n%s%s", code, stdout, stderr)
	}
	if code, _, stderr := runArgs("build", "-o", "out", planPath); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	text := docxText(t, filepath.Join("out", "ke-hoach-ntm-2025-muong-khoa.docx"))
	// The seed lost its header and has no annexes.
	body := testkit.From(t, text, "KẾ HOẠCH")
	if i := strings.Index(body, "Biểu số 01"); i > 0 {
		body = body[:i]
	}
	p, r := precisionRecall(string(seed), body)
	t.Logf("seed: recall %.4f, precision %.4f", r, p)
	if r < 0.97 {
		t.Errorf("recall of the seed's words %.4f, want ≥ 0,97", r)
	}
}

// Hostile DOCX files (zip bombs, entities, XML nested too deep, broken or
// empty packages, control characters, too many parts or paragraphs) are
// refused by import with a Vietnamese message, within the readers' limits,
// and nothing is written.
func TestImportHostile(t *testing.T) {
	root := t.TempDir()
	n := 0
	for _, c := range hostile.Cases() {
		if filepath.Ext(c.Name) != ".docx" {
			continue
		}
		n++
		t.Run(c.Name, func(t *testing.T) {
			src := filepath.Join(root, c.Name)
			if err := os.WriteFile(src, c.Make(), 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(root, "out-"+c.Name)
			code, stdout, stderr := runSoon(t, root, "import", src, "-o", out)
			// A case the reader refuses is a read error (2) whose message
			// holds the reader's reason; one it reads is no Kế hoạch (1).
			want := 2
			if c.ImportReads {
				want = 1
			} else if !strings.Contains(stderr, c.Import) {
				t.Errorf("stderr lacks the reader's reason %q: %q", c.Import, stderr)
			}
			if code != want || stdout != "" {
				t.Errorf("exit %d (want %d), stdout %q, stderr %q", code, want, stdout, stderr)
			}
			if !strings.HasPrefix(stderr, "kehoach import: "+src+": ") || !vietnamese.MatchString(stderr) || strings.Contains(stderr, "panic") || strings.Count(stderr, "\n") != 1 {
				t.Errorf("stderr is not one Vietnamese line naming the file: %q", stderr)
			}
			t.Logf("%s", stderr)
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("import wrote %s (stat: %v)", out, err)
			}
		})
	}
	if n < 20 {
		t.Errorf("%d hostile DOCX cases, want the corpus's (at least 20)", n)
	}
}

// import never replaces a plan, and says why it refuses a file.
func TestImportRefusals(t *testing.T) {
	root := t.TempDir()
	t.Chdir(root)
	write := func(name, s string) string {
		p := filepath.Join(root, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	plan := "KẾ HOẠCH\nThực hiện Chương trình năm 2025 trên địa bàn xã Tân Lợi\nỦy ban nhân dân xã Tân Lợi xây dựng Kế hoạch thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2025, như sau:\nI. MỤC TIÊU\n1. Mục tiêu chung\nPhát triển.\n"
	src := write("kh.txt", plan)
	existing := write("co/2025.yaml", "# kế hoạch đã có\n")
	for _, c := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"plan exists", []string{"import", src, "-o", "co"}, 1, "kehoach import: " + filepath.Join("co", "2025.yaml") + ": tệp kế hoạch đã có; lệnh import không bao giờ ghi đè kế hoạch: hãy ghi vào thư mục khác (-o THƯ_MỤC) hoặc đổi tên, xóa tệp cũ\n"},
		{"old Word file", []string{"import", write("kh.doc", "x")}, 2, "kehoach import: " + filepath.Join(root, "kh.doc") + ": không đọc được loại tệp “.doc”; lệnh import đọc văn bản Word (.docx) hoặc văn bản thuần (.txt); tệp .doc cũ hãy mở bằng Word rồi lưu thành .docx\n"},
		{"no Kế hoạch", []string{"import", write("thu.txt", "Kính gửi anh chị\n")}, 1, "kehoach import: " + filepath.Join(root, "thu.txt") + ": không phải văn bản Kế hoạch: không thấy dòng tên loại “KẾ HOẠCH”; lệnh import chỉ đọc văn bản Kế hoạch (tệp .docx hoặc .txt)\n"},
		{"text with a NUL", []string{"import", write("nul.txt", "KẾ HOẠCH\x00\n"), "-o", "nul"}, 2, "kehoach import: " + filepath.Join(root, "nul.txt") + ": không đọc được tệp văn bản: "},
		{"missing file", []string{"import", "khong-co.docx"}, 2, "kehoach import: "}, // the OS cause in Vietnamese (its words differ on Windows)
		{"a folder", []string{"import", "co"}, 2, "kehoach import: co: là thư mục, không phải tệp; hãy chỉ một tệp .docx hoặc .txt.\n"},
		{"no file", []string{"import"}, 2, "kehoach import: cần đúng một tệp .docx hoặc .txt.\nCách dùng: kehoach import TỆP.docx|TỆP.txt [-o THƯ_MỤC]\nHướng dẫn đầy đủ: kehoach help import\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := runArgs(c.args...)
			if code != c.code || stdout != "" || !(stderr == c.want || strings.HasSuffix(c.want, ": ") && strings.HasPrefix(stderr, c.want) && vietnamese.MatchString(stderr[len(c.want):])) {
				t.Errorf("exit %d (want %d), stdout %q\nstderr %q\nwant   %q", code, c.code, stdout, stderr, c.want)
			}
		})
	}
	if b, _ := os.ReadFile(existing); string(b) != "# kế hoạch đã có\n" {
		t.Errorf("the existing plan changed: %q", b)
	}
	if _, err := os.Stat(filepath.Join(root, "nul")); !os.IsNotExist(err) {
		t.Errorf("a refused text file left a folder (stat: %v)", err)
	}
	if _, err := os.Stat(filepath.Join(root, "co", "xa.yaml")); !os.IsNotExist(err) {
		t.Errorf("a refused import wrote a commune file (stat: %v)", err)
	}
	// The same file into a new folder: a draft and a commune file.
	code, stdout, _ := runArgs("import", src, "-o", "moi")
	if code != 0 || !strings.HasPrefix(stdout, "Đã ghi "+filepath.Join("moi", "2025.yaml")+"\nĐã ghi "+filepath.Join("moi", "xa.yaml")+"\nĐã đọc: 0 căn cứ, 0 chỉ tiêu, 0 nhóm nhiệm vụ (0 đoạn, ý),") {
		t.Errorf("import into a new folder: exit %d, %q", code, stdout)
	}
}

// structure is what an imported plan says, part by part, one line each:
// the document's facts without the file's layout.
func structure(t *testing.T, path string) []string {
	t.Helper()
	res, err := plan.Load(path)
	if err != nil || res.Plan == nil {
		t.Fatalf("load %s: %v", path, err)
	}
	p := res.Plan
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	add("văn bản %d %s %d %v %q", p.Nam, p.VanBan.Loai, p.VanBan.So, p.VanBan.Ngay.Format("2006-01-02"), p.VanBan.TrichYeu)
	add("xã %s %s %s", p.Commune.Agency(), p.Commune.CoQuan.VietTat, p.Commune.DiaDanh)
	add("chương trình %q %q", p.ChuongTrinh.Ten, p.ChuongTrinh.TenNgan)
	for _, c := range p.CanCu {
		add("căn cứ %s|%s|%s|%s|%s", c.Loai, c.So, c.Ngay.Format("2006-01-02"), c.CoQuan, c.TrichYeu)
	}
	add("mục tiêu chung %q; cụ thể %q", p.MucTieu.Chung, p.MucTieu.CuThe)
	for _, c := range p.MucTieu.ChiTieu {
		add("chỉ tiêu %s|%s|%s|%s", c.Ten, c.SoSanh, c.GiaTri, c.DonVi)
	}
	add("tiêu chí %s: đạt %d, phấn đấu %v", p.TieuChi.Bo, p.CountMet(), p.Planned())
	items := func(ms []plan.Muc) {
		for _, m := range ms {
			add("  đoạn %q ý %q ý nhỏ %q", m.Doan, m.Y, m.YNho)
		}
	}
	for _, g := range p.NhiemVu.Nhom {
		add("nhóm %q biểu %v", g.TieuDe, g.Bieu)
		items(g.NoiDung)
	}
	add("biểu phần II %v", p.NhiemVu.Bieu)
	p.EachSource(func(n *plan.Nguon, depth int) {
		if depth <= 1 {
			add("nguồn %d %s %s %s", depth, n.Ten, n.Sum, n.Tong.Decimal)
		}
	})
	add("biểu phần III %v", p.NguonLuc.Bieu)
	for _, g := range p.GiaiPhap {
		add("giải pháp %q", g)
	}
	for _, u := range p.ToChuc {
		add("đơn vị %q", u.DonVi)
		items(u.NoiDung)
	}
	add("kết luận %q", p.KetLuan)
	for _, n := range p.NoiNhan.Nhan {
		add("nơi nhận %s (%s) %v", n.Ten, n.GhiChu, n.TheoBan)
	}
	add("lưu %v; ký %+v", p.NoiNhan.Luu, plan.Ky{ThayMat: p.Ky.ThayMat, QuyenHan: p.Ky.QuyenHan, ThuTruong: p.Ky.ThuTruong, ChucVu: p.Ky.ChucVu, HoTen: p.Ky.HoTen})
	return out
}

// A Kế hoạch laid out in Word as people do (header and signature in
// borderless tables, soft line breaks, labels typed with a tab or Word's
// automatic numbering; internal/extract/docx/testdata/wordlike) imports
// to the same plan as the document it was made from: kehoach's own DOCX
// of the plan, or the seed's text. Word's files have no annexes, so the
// criteria read from Biểu 01 and the third level of Biểu 02 are not
// compared.
func TestImportWordlike(t *testing.T) {
	root := t.TempDir()
	repo := testkit.RepoRoot(t)
	wordlike := filepath.Join(repo, "internal", "extract", "docx", "testdata", "wordlike")
	built := filepath.Join(root, "built")
	for _, p := range []string{"plans/muong-khoa/2025.yaml", "testdata/corpus/kinh-dung/2025.yaml"} {
		if code, _, stderr := runArgs("build", "-o", built, filepath.Join(repo, p)); code != 0 {
			t.Fatalf("build %s: exit %d\n%s", p, code, stderr)
		}
	}
	seedText := filepath.Join(testkit.SharedDir(), "seed", "ke-hoach-ntm-2025-muong-khoa.txt")
	for _, c := range []struct{ fixture, ref string }{
		{"muong-khoa-2025-auto.docx", filepath.Join(built, "ke-hoach-ntm-2025-muong-khoa.docx")},
		{"kinh-dung-2025-manual.docx", filepath.Join(built, "ke-hoach-ntm-2025-kinh-dung.docx")},
		{"seed-manual.docx", seedText},
	} {
		t.Run(c.fixture, func(t *testing.T) {
			if c.ref == seedText && testkit.SharedDir() == "" {
				testkit.Missing(t, "BỎ QUA: không có thư mục shared/ cạnh kho mã (văn bản mẫu)")
			}
			var got [2][]string
			for i, src := range []string{filepath.Join(wordlike, c.fixture), c.ref} {
				dir := filepath.Join(root, c.fixture, fmt.Sprint(i))
				if code, _, stderr := runArgs("import", src, "-o", dir); code != 0 {
					t.Fatalf("import %s: exit %d\n%s", src, code, stderr)
				}
				got[i] = structure(t, filepath.Join(dir, "2025.yaml"))
			}
			if len(got[0]) != len(got[1]) {
				t.Errorf("%d facts from Word's file, %d from %s", len(got[0]), len(got[1]), filepath.Base(c.ref))
			}
			for i := 0; i < len(got[0]) && i < len(got[1]); i++ {
				if got[0][i] != got[1][i] {
					t.Errorf("fact %d differs:\nWord's file: %s\n%s: %s", i+1, got[0][i], filepath.Base(c.ref), got[1][i])
					break
				}
			}
			t.Logf("%d facts", len(got[0]))
		})
	}
}

// A text in Windows-1258 (Notepad's “ANSI” on a Vietnamese Windows)
// imports as its UTF-8 twin does, and the report says how it was read.
func TestImportWindows1258(t *testing.T) {
	iconv := testkit.Tool(t, "iconv", "libc-bin")
	root := t.TempDir()
	t.Chdir(root)
	text := "KẾ HOẠCH\nThực hiện Chương trình năm 2025 trên địa bàn xã Tân Lợi\nỦy ban nhân dân xã Tân Lợi xây dựng Kế hoạch thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2025, như sau:\nI. MỤC TIÊU\n1. Mục tiêu chung\nPhát triển bền vững.\n"
	os.WriteFile("utf8.txt", []byte(text), 0o644)
	ansi, err := exec.Command(iconv, "-f", "UTF-8", "-t", "CP1258", "utf8.txt").Output()
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile("ansi.txt", ansi, 0o644)
	var drafts [2]string
	for i, f := range []string{"utf8.txt", "ansi.txt"} {
		code, _, stderr := runArgs("import", f, "-o", f+".d")
		said := strings.Contains(stderr, "Đã đọc ansi.txt theo bảng mã Windows-1258 và chuyển sang Unicode (UTF-8)")
		if code != 0 || said != (f == "ansi.txt") {
			t.Errorf("%s: exit %d, stderr %q", f, code, stderr)
		}
		b, _ := os.ReadFile(filepath.Join(f+".d", "2025.yaml"))
		drafts[i] = strings.ReplaceAll(string(b), f, "")
	}
	if drafts[0] != drafts[1] || !strings.Contains(drafts[1], "Phát triển bền vững.") {
		t.Errorf("the Windows-1258 draft differs from the UTF-8 one:\n%s\n---\n%s", drafts[0], drafts[1])
	}
}
