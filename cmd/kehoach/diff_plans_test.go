package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"kehoach/internal/testkit"
)

// copyCorpus copies the corpus commune folder (plan and commune file)
// of the source tree at root into repo/plans/name.
func copyCorpus(t *testing.T, root, repo, name string) {
	t.Helper()
	src := filepath.Join(root, "testdata", "corpus", name)
	dst := filepath.Join(repo, "plans", name)
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	es, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// kehoach diff over revisions and folders sees every plan, in a temporary
// git repository: a commit that adds a commune's plan, a new plan not yet
// committed (diff -f md main, the merge-request form), a removed plan, a
// renamed folder, a version that does not validate and one that does not
// parse. Exit 1 whenever anything differs, and no raw git message.
func TestDiffPlansAddedRemovedRenamedInvalid(t *testing.T) {
	root := testkit.RepoRoot(t)
	repo, _ := planRepo(t)
	gitIn(t, repo, "branch", "-f", "main")
	diff := func(args ...string) (int, string, string) {
		var o, e bytes.Buffer
		st := run(append([]string{"diff"}, args...), &o, &e)
		return st, o.String(), e.String()
	}
	type want struct {
		args   []string
		status int
		has    []string
		hasNot []string
	}
	check := func(step string, tcs ...want) {
		t.Helper()
		for _, tc := range tcs {
			st, out, errs := diff(tc.args...)
			bad := st != tc.status || strings.Contains(errs, "fatal") || strings.Contains(out, "fatal")
			for _, h := range tc.has {
				bad = bad || !strings.Contains(out+errs, h)
			}
			for _, h := range tc.hasNot {
				bad = bad || strings.Contains(out+errs, h)
			}
			if bad {
				t.Errorf("%s: diff %q: status %d (want %d), want %q, not %q\nstdout:\n%s\nstderr:\n%s", step, tc.args, st, tc.status, tc.has, tc.hasNot, out, errs)
			}
		}
	}

	// A commit that adds a commune's plan (a draft).
	copyCorpus(t, root, repo, "kinh-dung")
	gitIn(t, repo, "add", ".")
	gitIn(t, repo, "commit", "-qm", "kinh-dung")
	added := []string{"Kế hoạch mới (thêm):", "plans/kinh-dung/2025.yaml (HEAD)", "Kế hoạch năm 2025 của xã Kinh Đứng, tỉnh", "dự thảo (chưa có số, ngày ban hành)", "triệu đồng;", "tiêu chí ("}
	check("added commit",
		// The plan the commit did not touch is named once, not given a report.
		want{[]string{"HEAD~1", "HEAD"}, 1, append(added, "Không thay đổi (1 kế hoạch): plans/muong-khoa/2025.yaml (HEAD)."), []string{"Kế hoạch bị bỏ", "So sánh plans/muong-khoa"}},
		want{[]string{"-f", "md", "HEAD~1", "HEAD"}, 1, []string{"### Thay đổi kế hoạch: `(không có)` → `plans/kinh-dung/2025.yaml (HEAD)`", "Kế hoạch mới (thêm):", "\nKhông thay đổi (1 kế hoạch): `plans/muong-khoa/2025.yaml (HEAD)`.\n"}, []string{"→ `plans/muong-khoa"}},
		want{[]string{"-f", "json", "HEAD~1", "HEAD"}, 1, []string{`"ke_hoach": "thêm"`, `"giong_nhau": false`}, nil},
		want{[]string{"HEAD~1:plans/kinh-dung/2025.yaml", "HEAD:plans/kinh-dung/2025.yaml"}, 1, added, nil},
		want{[]string{"HEAD", "HEAD~1"}, 1, []string{"Kế hoạch bị bỏ (không còn ở phiên bản mới):", "xã Kinh Đứng"}, nil},
		want{[]string{"HEAD:plans/khong-co/2025.yaml", "HEAD~1:plans/khong-co/2025.yaml"}, 2, []string{"đều không có tệp này"}, nil},
	)

	// A plan not yet committed, against a branch: the merge-request form.
	copyCorpus(t, root, repo, "an-luong-hai")
	check("uncommitted plan",
		want{[]string{"-f", "md", "main"}, 1, []string{"`plans/kinh-dung/2025.yaml`", "`plans/an-luong-hai/2025.yaml`", "Kế hoạch mới (thêm):", "xã An Lương Hải", "số 58/KH-UBND ngày 14/02/2025"}, []string{"không có ở phiên bản"}},
		want{[]string{"HEAD"}, 1, []string{"xã An Lương Hải"}, []string{"Kinh Đứng"}},
		want{[]string{"plans/an-luong-hai/2025.yaml"}, 1, []string{"So sánh (không có) → plans/an-luong-hai/2025.yaml", "Kế hoạch mới (thêm):"}, nil},
	)
	if err := os.RemoveAll(filepath.Join(repo, "plans", "an-luong-hai")); err != nil {
		t.Fatal(err)
	}
	check("clean tree", want{[]string{"HEAD"}, 0, []string{"Không có thay đổi. Giống nhau (2 kế hoạch): plans/kinh-dung/2025.yaml, plans/muong-khoa/2025.yaml."}, []string{"So sánh"}})

	// A commit that removes a plan.
	gitIn(t, repo, "rm", "-rq", "plans/kinh-dung")
	gitIn(t, repo, "commit", "-qm", "bỏ kinh-dung")
	check("removed commit", want{[]string{"HEAD~1", "HEAD"}, 1, []string{"Kế hoạch bị bỏ (không còn ở phiên bản mới):", "plans/kinh-dung/2025.yaml (HEAD~1) → (không có)", "xã Kinh Đứng"}, []string{"Kế hoạch mới"}})

	// A renamed folder: the same commune and year, paired, not added and removed.
	gitIn(t, repo, "mv", "plans/muong-khoa", "plans/muong-khoa-2")
	gitIn(t, repo, "commit", "-qm", "đổi tên")
	check("renamed commit", want{[]string{"HEAD~1", "HEAD"}, 1, []string{"chuyển chỗ  tệp kế hoạch (đổi tên hay chuyển thư mục): plans/muong-khoa/2025.yaml → plans/muong-khoa-2/2025.yaml", "1 thay đổi."}, []string{"Kế hoạch mới", "Kế hoạch bị bỏ"}})

	// A version that does not validate: an amount changed, the declared
	// totals not: the change, then that version's errors with positions.
	rel := "plans/muong-khoa-2/2025.yaml"
	b, err := os.ReadFile(rel)
	if err != nil {
		t.Fatal(err)
	}
	invalid := strings.Replace(string(b), "so_tien: 504", "so_tien: 704", 1)
	if invalid == string(b) {
		t.Fatal("plan lacks so_tien: 504")
	}
	if err := os.WriteFile(rel, []byte(invalid), 0o644); err != nil {
		t.Fatal(err)
	}
	gitIn(t, repo, "commit", "-qam", "+200, tổng chưa sửa")
	st, out, errs := diff("HEAD~1", "HEAD")
	at := strings.Index(out, "Lỗi của "+rel+" (HEAD) (")
	change := strings.Index(out, "nguồn “Vốn đầu tư”: 504 triệu đồng → 704 triệu đồng (+200)")
	if st != 1 || change < 0 || at < change || !regexp.MustCompile(`(?m)^  plans/muong-khoa-2/2025\.yaml:\d+:\d+: `).MatchString(out[at:]) || strings.Contains(out, "Lỗi của "+rel+" (HEAD~1)") || errs != "" {
		t.Errorf("invalid new version: status %d\n%s%s", st, out, errs)
	}
	check("invalid side",
		want{[]string{"HEAD", "HEAD~1"}, 1, []string{"704 triệu đồng → 504 triệu đồng (-200)", "Lỗi của " + rel + " (HEAD) ("}, []string{"(HEAD~1) ("}},
		want{[]string{"HEAD", "HEAD"}, 1, []string{"Không có thay đổi nội dung, nhưng có lỗi"}, nil},
		want{[]string{"-f", "md", "HEAD~1", "HEAD"}, 1, []string{"#### Lỗi của " + rel + " (HEAD) ("}, nil},
		want{[]string{"-f", "json", "HEAD~1", "HEAD"}, 1, []string{`"loi_ban_moi": [`}, nil},
	)

	// A version that does not parse: nothing to compare, its errors.
	if err := os.WriteFile(rel, []byte("nam: [2025\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	check("unparsable working file", want{[]string{rel}, 1, []string{"Không so sánh được nội dung", "Lỗi của " + rel + " (1 lỗi;", rel + ":2:1: lỗi cú pháp YAML"}, nil})
	gitIn(t, repo, "checkout", "--", rel)

	// A file renamed with its year changed: not the same commune and
	// year, but git's rename detection pairs the two.
	gitIn(t, repo, "mv", rel, "plans/muong-khoa-2/2024.yaml")
	b, err = os.ReadFile("plans/muong-khoa-2/2024.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("plans/muong-khoa-2/2024.yaml", []byte(strings.Replace(string(b), "nam: 2025", "nam: 2024", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	gitIn(t, repo, "commit", "-qam", "2024")
	moved := []string{"tệp kế hoạch (đổi tên hay chuyển thư mục): plans/muong-khoa-2/2025.yaml → plans/muong-khoa-2/2024.yaml", "năm kế hoạch: 2025 → 2024"}
	check("renamed, another year",
		want{[]string{"HEAD~1", "HEAD"}, 1, moved, []string{"Kế hoạch mới", "Kế hoạch bị bỏ"}},
		want{[]string{"HEAD~1"}, 1, moved, []string{"Kế hoạch mới", "Kế hoạch bị bỏ"}},
	)
}

// A field only the annexes print (ghi_chu of a Biểu 03 work, the unit of
// a Biểu 04 row, shown by the unit's name) is a difference, and hostile
// plan text in it stays text in the Markdown for a merge request: no
// link, image, tag or emphasis, and the diff's own ~~deleted~~ **inserted** markers stay paired (the
// plan's own **bold** is plan markup, compared as its plain text).
func TestDiffAnnexFieldsAndHostileMarkdown(t *testing.T) {
	repo, rel := planRepo(t)
	b, err := os.ReadFile(rel)
	if err != nil {
		t.Fatal(err)
	}
	hostile := `[Bấm vào đây](https://evil.example) ![](https://evil.example/p.png) <img src=x onerror=alert(1)> **đậm** ~~gạch~~ ` + "`mã`" + ` | ô | www.evil.example &amp; &lt;b&gt;`
	s := string(b)
	for _, r := range [][2]string{
		{"ghi_chu: Nhân dân hiến đất, góp ngày công", "ghi_chu: '" + hostile + "'"},
		{"      don_vi: van-hoa-xa-hoi\n      nguon: nstw-su-nghiep\n      so_tien: 150", "      don_vi: kinh-te\n      nguon: nstw-su-nghiep\n      so_tien: 150"},
	} {
		if !strings.Contains(s, r[0]) {
			t.Fatalf("plan lacks %q", r[0])
		}
		s = strings.Replace(s, r[0], r[1], 1)
	}
	if err := os.WriteFile(rel, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	gitIn(t, repo, "commit", "-qam", "ghi chú, đơn vị")

	var o, e bytes.Buffer
	if st := run([]string{"diff", "HEAD~1", "HEAD"}, &o, &e); st != 1 ||
		!strings.Contains(o.String(), "sửa  công trình (Biểu 03) “Bê tông hóa đường lên bản Hô Tra”, ghi chú: [-Nhân dân hiến đất, góp ngày công-] {+"+strings.Replace(hostile, "**đậm**", "đậm", 1)+"+}") ||
		!strings.Contains(o.String(), "sửa  nội dung vốn sự nghiệp (Biểu 04) “Sửa chữa hệ thống loa các bản”, đơn vị thực hiện: Phòng [-Văn hóa - Xã hội-] {+Kinh tế+}") {
		t.Fatalf("text: status %d\n%s%s", st, o.String(), e.String())
	}
	o.Reset()
	if st := run([]string{"diff", "-f", "md", "HEAD~1", "HEAD"}, &o, &e); st != 1 {
		t.Fatalf("md: status %d\n%s%s", st, o.String(), e.String())
	}
	md := o.String()
	want := `~~Nhân dân hiến đất, góp ngày công~~ **\[Bấm vào đây\](` + "`https://evil.example)`" + ` \!\[\](` + "`https://evil.example/p.png)`" + ` &lt;img src=x onerror=alert(1)&gt; đậm \~\~gạch\~\~ \` + "`mã\\`" + ` \| ô \| ` + "`www.evil.example`" + ` &amp;amp; &amp;lt;b&amp;gt;**`
	if !strings.Contains(md, want) {
		t.Errorf("md lacks\n%s\nin\n%s", want, md)
	}
	for _, bad := range []string{"](http", "<img", "![", "&lt;b&gt;**"} {
		if strings.Contains(md, bad) {
			t.Errorf("md holds %q:\n%s", bad, md)
		}
	}
}

// Where git cannot answer (no commit yet, no repository) diff says so in
// Vietnamese with what to do, exit 2, and no raw git message.
func TestDiffGitRefusalsInVietnamese(t *testing.T) {
	testkit.Tool(t, "git", "git")
	plan := copyPlan(t, nil)
	repo := filepath.Dir(filepath.Dir(filepath.Dir(plan)))
	t.Chdir(repo)
	rel := "plans/muong-khoa/2025.yaml"
	for _, tc := range []struct {
		init bool
		args []string
		want string
	}{
		{false, []string{"main"}, "không nằm trong kho git; hãy chạy lệnh trong thư mục kho mã"},
		{false, []string{rel}, "không nằm trong kho git"},
		{true, []string{rel}, "hãy kiểm tra tên nhánh, thẻ hay commit"},
		{true, []string{"HEAD"}, "không phải tệp kế hoạch, phiên bản git"},
		{true, []string{"main", "HEAD"}, "không phải tệp kế hoạch, phiên bản git"},
	} {
		if tc.init {
			gitIn(t, repo, "init", "-q")
		}
		var o, e bytes.Buffer
		st := run(append([]string{"diff"}, tc.args...), &o, &e)
		if st != 2 || !strings.Contains(e.String(), tc.want) || strings.Contains(e.String()+o.String(), "fatal") {
			t.Errorf("diff %q (git init: %v): status %d, stderr %q, want %q", tc.args, tc.init, st, e.String(), tc.want)
		}
	}
}

// Over two revisions only plans whose files changed are loaded (#21): a
// plan whose plan file and every other file are the same blobs at both is
// named in the closing line unread, even one that does not validate (its
// errors are check's business, and JSON, which lists every plan, still
// loads it), even when a file that is not YAML changed; a commune file
// changed makes every plan be loaded, so the commune's change is reported.
func TestDiffRevisionsLoadOnlyWhatChanged(t *testing.T) {
	root := testkit.RepoRoot(t)
	repo, rel := planRepo(t)
	copyCorpus(t, root, repo, "kinh-dung")
	bad := filepath.Join(repo, "plans", "hong", "2025.yaml")
	if err := os.MkdirAll(filepath.Dir(bad), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte("xa: xa.yaml\nnam: 2025\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	notes := filepath.Join(repo, "GHI-CHU.md")
	if err := os.WriteFile(notes, []byte("một\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	gitIn(t, repo, "add", ".")
	gitIn(t, repo, "commit", "-qm", "three plans")
	// A file no plan can read (not YAML) changes too: plans are still
	// skipped.
	if err := os.WriteFile(notes, []byte("hai\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	edit := func(path, old, new, msg string) {
		t.Helper()
		b, err := os.ReadFile(path)
		if err != nil || !strings.Contains(string(b), old) {
			t.Fatalf("%s lacks %q (%v)", path, old, err)
		}
		if err := os.WriteFile(path, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		gitIn(t, repo, "commit", "-qam", msg)
	}
	diff := func(args ...string) (int, string) {
		var o, e bytes.Buffer
		st := run(append([]string{"diff"}, args...), &o, &e)
		return st, o.String() + e.String()
	}

	edit(rel, "Nhân dân hiến đất, góp ngày công", "Nhân dân hiến đất", "ghi chú")
	st, out := diff("HEAD~1", "HEAD")
	if want := "Không thay đổi (2 kế hoạch): plans/hong/2025.yaml (HEAD), plans/kinh-dung/2025.yaml (HEAD).\n"; st != 1 || !strings.HasSuffix(out, want) ||
		!strings.Contains(out, "ghi chú: Nhân dân hiến [-đất, góp ngày công-] {+đất+}") || strings.Contains(out, "Lỗi của plans/hong") {
		t.Errorf("plan file changed: status %d, want the change and suffix %q:\n%s", st, want, out)
	}
	if st, out := diff("-f", "json", "HEAD~1", "HEAD"); st != 1 || strings.Count(out, `"giong_nhau"`) != 3 || !strings.Contains(out, `"loi_ban_moi": [`) {
		t.Errorf("json: status %d, want 3 plans and hong's errors:\n%s", st, out)
	}

	edit(filepath.Join(repo, "plans", "kinh-dung", "xa.yaml"), "ten: Kinh Đứng", "ten: Kinh Đứng Mới", "tên xã")
	st, out = diff("HEAD~1", "HEAD")
	if st != 1 || !strings.Contains(out, "sửa  tên xã: Kinh Đứng {+Mới+}") || !strings.Contains(out, "Lỗi của plans/hong/2025.yaml (HEAD)") || !strings.HasSuffix(out, "Không thay đổi (1 kế hoạch): plans/muong-khoa/2025.yaml (HEAD).\n") {
		t.Errorf("commune file changed: status %d, want kinh-dung's change, hong loaded:\n%s", st, out)
	}
}

// loadPairs compares a plan found in both revisions where it loaded it
// and keeps only the report (#21: diff of 1.000 changed plans held every
// parsed plan of both revisions, 1,3 GB); a plan of one revision only
// stays loaded, for pairRenamed.
func TestLoadPairsKeepsReportsNotPlans(t *testing.T) {
	root := testkit.RepoRoot(t)
	repo, rel := planRepo(t)
	b, err := os.ReadFile(rel)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(rel, []byte(strings.Replace(string(b), "Nhân dân hiến đất, góp ngày công", "Nhân dân hiến đất", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	copyCorpus(t, root, repo, "kinh-dung")
	gitIn(t, repo, "add", ".")
	gitIn(t, repo, "commit", "-qm", "edit and add")
	pairs, renames, err := diffPairs([]string{"HEAD~1", "HEAD"})
	if err != nil {
		t.Fatal(err)
	}
	loads := loadPairs(pairs, func(diffPair) bool { return false })
	got := map[string]string{}
	for i, p := range pairs {
		l := loads[i]
		if l.err != nil {
			t.Fatalf("%s: %v", p.new.Path, l.err)
		}
		switch {
		case l.report != nil && l.old.res == nil && l.new.res == nil:
			got[p.new.Path] = "report"
			if l.report.Equal() {
				t.Errorf("%s: the edited note is not in the report", p.new.Path)
			}
		case l.report == nil && l.old.res == nil && l.new.res != nil:
			got[p.new.Path] = "added, loaded"
		default:
			got[p.new.Path] = fmt.Sprintf("report %v, old %v, new %v", l.report != nil, l.old.res != nil, l.new.res != nil)
		}
	}
	want := map[string]string{"plans/muong-khoa/2025.yaml": "report", "plans/kinh-dung/2025.yaml": "added, loaded"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("loadPairs kept %v, want %v (renames %v)", got, want, renames)
	}
}
