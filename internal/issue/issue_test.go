package issue

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"kehoach/internal/compose"
	"kehoach/internal/diag"
	"kehoach/internal/layout"
	"kehoach/internal/plan"
	"kehoach/internal/plan/plantest"
	"kehoach/internal/planfmt"
	"kehoach/internal/render/text"
	"kehoach/internal/testkit"
)

// copyCommune copies the 2025 plan and the commune file of Mường Khoa into
// root/plans/<folder>/, editing the plan text with edit (may be nil), and
// returns the plan's path.
func copyCommune(t *testing.T, root, folder, name string, edit func(string) string) string {
	return testkit.CopyPlan(t, root, folder, name, edit)
}

// issued edits a plan's text as if it had been issued with so and ngay.
func issued(so, ngay string) func(string) string {
	return func(s string) string {
		s = strings.Replace(s, "  so: # dự thảo: văn thư điền số khi ban hành (kehoach issue)\n", "  so: "+so+"\n", 1)
		return strings.Replace(s, "  ngay: # dự thảo\n", "  ngay: "+ngay+"\n", 1)
	}
}

// issueAt issues the plan at path with number so and the date ngay as
// written on the command line (kehoach issue, in cmd/kehoach, prints what
// the Result holds).
func issueAt(path string, so int, ngay string) (*Result, error) {
	d, err := ParseDate(ngay)
	if err != nil {
		return nil, err
	}
	return Issue(Request{Path: path, So: so, Ngay: d})
}

// comments lists the comment texts of a YAML file, sorted.
func comments(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if i := strings.Index(l, "# "); i >= 0 && !strings.Contains(l[:i], `"`) {
			out = append(out, strings.TrimSpace(l[i:]))
		}
	}
	sort.Strings(out)
	return out
}

func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestIssueKeepsCommentsAndIsCanonical(t *testing.T) {
	p := copyCommune(t, t.TempDir(), "muong-khoa", "2025.yaml", nil)
	before, _ := os.ReadFile(p)
	r, err := issueAt(p, 125, "2025-08-05")
	if err != nil {
		t.Fatal(err)
	}
	if r.Path != p || r.NumberLine != "Số: 125/KH-UBND" || r.DateLine != "Mường Khoa, ngày 05 tháng 8 năm 2025" {
		t.Errorf("result: %s, %q, %q", r.Path, r.NumberLine, r.DateLine)
	}
	after, _ := os.ReadFile(p)

	// Exactly the two lines changed: the source is canonical.
	bl, al := strings.Split(string(before), "\n"), strings.Split(string(after), "\n")
	if len(bl) != len(al) {
		t.Fatalf("line count %d → %d", len(bl), len(al))
	}
	var changed []string
	for i := range bl {
		if bl[i] != al[i] {
			changed = append(changed, al[i])
		}
	}
	if want := []string{"  so: 125", "  ngay: 2025-08-05"}; strings.Join(changed, "\n") != strings.Join(want, "\n") {
		t.Errorf("changed lines %q, want %q", changed, want)
	}

	// Every comment is kept but the two draft hints.
	var want []string
	for _, c := range comments(string(before)) {
		if !strings.HasPrefix(c, "# dự thảo") {
			want = append(want, c)
		}
	}
	if got := comments(string(after)); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("comments changed:\ngot  %d %q\nwant %d %q", len(got), got, len(want), want)
	}
	if f, err := planfmt.Format(p, after); err != nil || !bytes.Equal(f, after) {
		t.Errorf("issued file is not canonical (err %v)", err)
	}
	res, err := plan.Load(p)
	if err != nil || !res.OK() {
		t.Fatalf("issued plan does not load: %v %v", err, res.Errors)
	}
	if res.Plan.IsDraft() || res.Plan.VanBan.So != 125 || !res.Plan.VanBan.Ngay.Equal(date("2025-08-05")) {
		t.Errorf("loaded van_ban = %+v", res.Plan.VanBan)
	}
	// No temporary file left behind.
	ents, _ := os.ReadDir(filepath.Dir(p))
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

func TestKeepsOtherCommentsOnTheLine(t *testing.T) {
	p := copyCommune(t, t.TempDir(), "muong-khoa", "2025.yaml", func(s string) string {
		return strings.Replace(s, "  ngay: # dự thảo\n", "  ngay: # hỏi văn phòng\n", 1)
	})
	if _, err := issueAt(p, 7, "05/08/2025"); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(p)
	for _, want := range []string{"\n  so: 7\n", "\n  ngay: 2025-08-05 # hỏi văn phòng\n"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("file lacks %q", want)
		}
	}
}

func TestReissueRefused(t *testing.T) {
	p := copyCommune(t, t.TempDir(), "muong-khoa", "2025.yaml", nil)
	if _, err := issueAt(p, 125, "2025-08-05"); err != nil {
		t.Fatalf("first issue: %v", err)
	}
	before, _ := os.ReadFile(p)
	for _, again := range []struct {
		so   int
		ngay string
	}{{126, "2025-08-06"}, {125, "2025-08-05"}} {
		_, err := issueAt(p, again.so, again.ngay)
		if !diag.IsRefusal(err) || !strings.Contains(err.Error(), "kế hoạch đã ban hành số 125/KH-UBND ngày 05/8/2025; không ban hành lại") {
			t.Errorf("%v: %v", again, err)
		}
	}
	if after, _ := os.ReadFile(p); !bytes.Equal(before, after) {
		t.Error("re-issuing changed the file")
	}
}

func TestNumberOnlyIsStillADraft(t *testing.T) {
	// A number without a date is a draft (with a warning): issuing sets both.
	p := copyCommune(t, t.TempDir(), "muong-khoa", "2025.yaml", func(s string) string {
		return strings.Replace(s, "  so: # dự thảo: văn thư điền số khi ban hành (kehoach issue)\n", "  so: 99\n", 1)
	})
	if _, err := issueAt(p, 125, "2025-08-05"); err != nil {
		t.Fatal(err)
	}
	res, _ := plan.Load(p)
	if res.Plan.VanBan.So != 125 {
		t.Errorf("so = %d", res.Plan.VanBan.So)
	}
}

func TestDuplicateNumber(t *testing.T) {
	tests := []struct {
		name   string
		setup  func(t *testing.T, root string) // other files beside plans/muong-khoa/2025.yaml
		status int
		want   string
	}{
		{"same folder, same year", func(t *testing.T, root string) {
			copyCommune(t, root, "muong-khoa", "2025-bo-sung.yaml", issued("125", "2025-03-01"))
		}, 1, "số 125 đã dùng trong năm 2025 cho văn bản khác của xã Mường Khoa: " + filepath.Join("plans", "muong-khoa", "2025-bo-sung.yaml") + " (số 125/KH-UBND ngày 01/3/2025)"},
		{"other folder, same commune id", func(t *testing.T, root string) {
			copyCommune(t, root, "muong-khoa-cu", "ke-hoach.yaml", issued("125", "2025-01-15"))
		}, 1, filepath.Join("plans", "muong-khoa-cu", "ke-hoach.yaml")},
		{"other folder sharing the commune file", func(t *testing.T, root string) {
			copyCommune(t, root, "khac", "kh.yaml", func(s string) string {
				return strings.Replace(issued("125", "2025-01-15")(s), "xa: xa.yaml", "xa: ../muong-khoa/xa.yaml", 1)
			})
			os.Remove(filepath.Join(root, "plans", "khac", "xa.yaml"))
		}, 1, filepath.Join("plans", "khac", "kh.yaml")},
		{"other commune, same number", func(t *testing.T, root string) {
			copyCommune(t, root, "xa-khac", "2025.yaml", issued("125", "2025-03-01"))
			x := filepath.Join(root, "plans", "xa-khac", "xa.yaml")
			b, _ := os.ReadFile(x)
			os.WriteFile(x, bytes.Replace(b, []byte("ma: muong-khoa"), []byte("ma: xa-khac"), 1), 0o644)
		}, 0, "Số: 125/KH-UBND"},
		{"same number in the year before", func(t *testing.T, root string) {
			copyCommune(t, root, "muong-khoa", "2024.yaml", func(s string) string {
				return strings.Replace(issued("125", "2024-02-01")(s), "nam: 2025", "nam: 2024", 1)
			})
		}, 0, "Số: 125/KH-UBND"},
		{"other number, same year", func(t *testing.T, root string) {
			copyCommune(t, root, "muong-khoa", "2025-bo-sung.yaml", issued("124", "2025-03-01"))
		}, 0, "Số: 125/KH-UBND"},
		{"same number without a date", func(t *testing.T, root string) {
			copyCommune(t, root, "muong-khoa", "2025-bo-sung.yaml", issued("125", ""))
		}, 0, "Số: 125/KH-UBND"},
		{"not a plan, broken plan", func(t *testing.T, root string) {
			dir := filepath.Join(root, "plans", "muong-khoa")
			os.WriteFile(filepath.Join(dir, "ghi-chu.yaml"), []byte("- mot\n- hai\n"), 0o644)
			os.WriteFile(filepath.Join(dir, "hong.yaml"), []byte("xa: [\n"), 0o644)
		}, 0, "Số: 125/KH-UBND"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			p := copyCommune(t, root, "muong-khoa", "2025.yaml", nil)
			tc.setup(t, root)
			wd, _ := os.Getwd()
			if err := os.Chdir(root); err != nil {
				t.Fatal(err)
			}
			defer os.Chdir(wd)
			rel, _ := filepath.Rel(root, p)
			r, err := issueAt(rel, 125, "2025-08-05")
			switch {
			case tc.status == 0 && err != nil, tc.status == 1 && !diag.IsRefusal(err):
				t.Fatalf("error %v, want exit status %d", err, tc.status)
			case tc.status == 0 && !strings.Contains(r.NumberLine, tc.want):
				t.Errorf("number line %q lacks %q", r.NumberLine, tc.want)
			case tc.status == 1 && !strings.Contains(err.Error(), tc.want):
				t.Errorf("refusal %q lacks %q", err, tc.want)
			}
		})
	}
}

func TestScanRoot(t *testing.T) {
	root := t.TempDir()
	p := copyCommune(t, root, "muong-khoa", "2025.yaml", nil)
	if got, want := ScanRoot(p), filepath.Join(root, "plans"); got != want {
		t.Errorf("ScanRoot = %q, want %q", got, want)
	}
	lone := filepath.Join(t.TempDir(), "x", "2025.yaml")
	if got := ScanRoot(lone); got != filepath.Dir(lone) {
		t.Errorf("ScanRoot outside plans/ = %q, want the plan's folder", got)
	}
}

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in, want, err string
	}{
		{"2025-08-05", "2025-08-05", ""},
		{"05/08/2025", "2025-08-05", ""},
		{"5/8/2025", "2025-08-05", ""},
		{" 2025-12-31 ", "2025-12-31", ""},
		{"2025-02-29", "", "không có thật"},
		{"31/04/2025", "", "không có thật"},
		{"2025.08.05", "", "không đúng dạng"},
		{"", "", "chưa ghi ngày"},
	} {
		got, err := ParseDate(tc.in)
		if err != nil && strings.Count(err.Error(), "05/08/2025") > 1 {
			t.Errorf("ParseDate(%q): %v says the example twice", tc.in, err)
		}
		switch {
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("ParseDate(%q) error %v, want %q", tc.in, err, tc.err)
		case tc.err == "" && (err != nil || got.Format("2006-01-02") != tc.want):
			t.Errorf("ParseDate(%q) = %v, %v; want %s", tc.in, got, err, tc.want)
		}
	}
}

func TestIsDraftComment(t *testing.T) {
	for c, want := range map[string]bool{
		"# dự thảo": true,
		"# dự thảo: văn thư điền số khi ban hành": true,
		"#Dự thảo":             true,
		"# bản mẫu không ghi":  false,
		"# không phải dự thảo": false,
	} {
		if got := isDraftComment(c); got != want {
			t.Errorf("isDraftComment(%q) = %v", c, got)
		}
	}
}

// render composes a plan and renders it as plain text.
func render(t *testing.T, path string) string {
	t.Helper()
	res, err := plan.Load(path)
	if err != nil || !res.OK() {
		t.Fatalf("%s: %v %v", path, err, res.Errors)
	}
	d, err := compose.Compose(res.Plan, plantest.Profile(t, res), layout.Bundled())
	if err != nil {
		t.Fatal(err)
	}
	return text.Render(d)
}

var spaces = regexp.MustCompile(`\s+`)

func TestDraftMarkAndHeaderLines(t *testing.T) {
	p := copyCommune(t, t.TempDir(), "muong-khoa", "2025.yaml", nil)
	draft := render(t, p)
	lines := strings.Split(draft, "\n")
	if lines[0] != "DỰ THẢO" {
		t.Errorf("a draft's first line is %q, want DỰ THẢO", lines[0])
	}
	if n := strings.Count(draft, "DỰ THẢO"); n != 1 {
		t.Errorf("DỰ THẢO appears %d times in the draft", n)
	}
	flat := spaces.ReplaceAllString(draft, " ")
	for _, want := range []string{"Số: /KH-UBND", "Mường Khoa, ngày tháng năm 2025"} {
		if !strings.Contains(flat, want) {
			t.Errorf("draft lacks the blank line %q", want)
		}
	}

	if _, err := issueAt(p, 125, "2025-08-05"); err != nil {
		t.Fatalf("issue: %v", err)
	}
	final := render(t, p)
	if strings.Contains(final, "DỰ THẢO") {
		t.Error("an issued plan still shows DỰ THẢO")
	}
	for _, want := range []string{"\nSố: 125/KH-UBND\n", "\nMường Khoa, ngày 05 tháng 8 năm 2025\n"} {
		if !strings.Contains(final, want) {
			t.Errorf("issued plan lacks the line %q", strings.TrimSpace(want))
		}
	}
	// Nothing but the mark and the two header lines changed.
	dl, fl := strings.Split(draft, "\n")[1:], strings.Split(final, "\n")
	if len(dl) != len(fl) {
		t.Fatalf("line count %d → %d", len(dl), len(fl))
	}
	var changed []string
	for i := range dl {
		if dl[i] != fl[i] {
			changed = append(changed, fl[i])
		}
	}
	// The number and date lines, and the reference line of each annex
	// (“(Kèm theo Kế hoạch số 125/KH-UBND ngày 05 tháng 8 năm 2025 …)”).
	ref := "(Kèm theo Kế hoạch số 125/KH-UBND ngày 05 tháng 8 năm 2025 của Ủy ban nhân dân xã Mường Khoa)"
	refs := 0
	for _, l := range changed {
		if l == ref {
			refs++
		}
	}
	if len(changed) != 2+refs || refs != 4 {
		t.Errorf("changed lines %q, want the number and date lines and the 4 annex reference lines only", changed)
	}
	// Single-digit numbers take a leading zero (ND30).
	q := copyCommune(t, t.TempDir(), "muong-khoa", "2025.yaml", nil)
	if _, err := issueAt(q, 5, "2025-02-03"); err != nil {
		t.Fatal(err)
	}
	if s := render(t, q); !strings.Contains(s, "\nSố: 05/KH-UBND\n") || !strings.Contains(s, "ngày 03 tháng 02 năm 2025") {
		t.Errorf("number/date spelling wrong:\n%s", strings.Join(strings.Split(s, "\n")[:8], "\n"))
	}
}

// An unfinished plan (package draft) is refused, every unfinished place
// listed as an error at its line, the file left as it was; with
// AllowUnfinished it is issued and the places are returned as warnings.
// A TODO of the commune file counts too.
func TestUnfinishedRefused(t *testing.T) {
	unfinished := func(s string) string {
		s = strings.Replace(s, "  loai: KH\n", "  loai: KH # TODO: hỏi văn phòng\n", 1)
		return strings.Replace(s, "giai_phap:\n", "giai_phap:\n  - ''\n", 1)
	}
	for _, allow := range []bool{false, true} {
		p := copyCommune(t, t.TempDir(), "muong-khoa", "2025.yaml", unfinished)
		xa := filepath.Join(filepath.Dir(p), "xa.yaml")
		b, _ := os.ReadFile(xa)
		os.WriteFile(xa, bytes.Replace(b, []byte("loai_ban: bản\n"), []byte("loai_ban: bản # TODO: hỏi lại\n"), 1), 0o644)
		before, _ := os.ReadFile(p)
		r, err := Issue(Request{Path: p, So: 125, Ngay: date("2025-08-05"), AllowUnfinished: allow})
		if !allow {
			var ref *diag.Refusal
			if !errors.As(err, &ref) || !strings.Contains(ref.Msg, "kế hoạch còn 3 chỗ chưa xong") || !strings.Contains(ref.Msg, "--chua-xong") {
				t.Fatalf("not refused: %v", err)
			}
			want := []string{p + ":11:12: [todo]", p + ":426:5: [de-trong]", xa + ":16:15: [todo]"}
			if len(ref.Details) != len(want) {
				t.Fatalf("%d details, want %d:\n%v", len(ref.Details), len(want), ref.Details)
			}
			for i, d := range ref.Details {
				if d.Severity != diag.Error || !strings.HasPrefix(d.Error(), want[i]) {
					t.Errorf("detail %d: %s, want an error at %s", i, d, want[i])
				}
			}
			if after, _ := os.ReadFile(p); !bytes.Equal(before, after) {
				t.Error("a refused issue changed the file")
			}
			continue
		}
		if err != nil {
			t.Fatalf("AllowUnfinished: %v", err)
		}
		if len(r.Unfinished) != 3 || len(r.Unfinished.Warnings()) != 3 {
			t.Errorf("Unfinished: %v", r.Unfinished)
		}
		if res, _ := plan.Load(p); res.Plan.IsDraft() {
			t.Error("AllowUnfinished did not issue the plan")
		}
	}
}
