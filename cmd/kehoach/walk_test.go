package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/internal/compose"
	"kehoach/internal/layout"
	"kehoach/internal/plan"
	"kehoach/internal/plan/plantest"
	"kehoach/internal/render/text"
)

// call runs kehoach with args, expecting the exit status want, and returns
// what it printed (stdout, then stderr).
func call(t *testing.T, want int, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	if got := run(args, &out, &errb); got != want {
		t.Fatalf("%v: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", args, got, want, out.String(), errb.String())
	}
	return out.String() + errb.String()
}

// document loads, checks and composes a plan, returning its text.
func document(t *testing.T, path string) (*plan.Plan, string) {
	t.Helper()
	res, err := plan.Load(path)
	if err != nil || !res.OK() {
		t.Fatalf("%s: %v %v", path, err, res.Errors)
	}
	d, err := compose.Compose(res.Plan, plantest.Profile(t, res), layout.Bundled())
	if err != nil {
		t.Fatal(err)
	}
	return res.Plan, text.Render(d)
}

// TestWalk goes through a year: the draft is reviewed, issued, printed and
// distributed, and next year's draft is started from it.
func TestWalk(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "plans", "muong-khoa")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"2025.yaml", "xa.yaml"} {
		b, err := os.ReadFile(filepath.Join("../../plans/muong-khoa", f))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, f), b, 0o644)
	}
	p2025 := filepath.Join(dir, "2025.yaml")
	out := filepath.Join(root, "out")

	// 1. The draft: marked, printed for review only.
	_, draft := document(t, p2025)
	if !strings.HasPrefix(draft, "DỰ THẢO\n") {
		t.Error("the draft has no DỰ THẢO mark")
	}
	s := call(t, 0, "print", p2025)
	if !strings.Contains(s, "(dự thảo), in 26 bản") || !strings.Contains(s, "CHÚ Ý: kế hoạch còn là dự thảo") {
		t.Errorf("print of the draft:\n%s", s)
	}

	// 2. Signed, then issued by the văn thư.
	s = call(t, 0, "issue", p2025, "--so", "125", "--ngay", "2025-08-05")
	if !strings.Contains(s, "Số: 125/KH-UBND") {
		t.Errorf("issue:\n%s", s)
	}
	call(t, 1, "issue", p2025, "--so", "125", "--ngay", "2025-08-05") // never twice
	p, final := document(t, p2025)
	if p.IsDraft() || strings.Contains(final, "DỰ THẢO") || !strings.Contains(final, "\nSố: 125/KH-UBND\n") || !strings.Contains(final, "\nMường Khoa, ngày 05 tháng 8 năm 2025\n") {
		t.Errorf("the issued document:\n%s", final[:300])
	}

	// 3. Printed and distributed with the manifest.
	s = call(t, 0, "print", "-o", out, filepath.Join(root, "plans"))
	if !strings.Contains(s, p2025+": Kế hoạch số 125/KH-UBND ngày 05/8/2025, in 26 bản.") || strings.Contains(s, "CHÚ Ý") {
		t.Errorf("print of the issued plan:\n%s", s)
	}
	csv, err := os.ReadFile(filepath.Join(out, "so-phat-hanh-2025-muong-khoa.csv"))
	if err != nil || !bytes.HasSuffix(csv, []byte(",Tổng số bản,,26,\r\n")) {
		t.Errorf("manifest CSV: %v\n%s", err, csv)
	}
	if _, err := os.Stat(filepath.Join(out, "so-phat-hanh-2025-muong-khoa.pdf")); err != nil {
		t.Error(err)
	}

	// 4. Next year: a draft again, in the new criteria set, amounts to enter.
	s = call(t, 0, "new", "--from", p2025, "2026")
	if !strings.Contains(s, "CHUYỂN GIAI ĐOẠN") {
		t.Errorf("new:\n%s", s)
	}
	call(t, 1, "new", "--from", p2025, "2026") // never overwritten
	p2026 := filepath.Join(dir, "2026.yaml")
	p, next := document(t, p2026)
	if !p.IsDraft() || !strings.HasPrefix(next, "DỰ THẢO\n") || p.TieuChi.Bo != "qd51-2026-2030" || !p.Total().IsZero() {
		t.Errorf("2026: draft %v, set %s, total %s", p.IsDraft(), p.TieuChi.Bo, p.Total().String())
	}
	if !strings.Contains(strings.Join(strings.Fields(next), " "), "Mường Khoa, ngày tháng năm 2026") {
		t.Error("the 2026 draft's date line is not blank for 2026")
	}
	if strings.Contains(next, "Duy trì, nâng cao chất lượng") || p.CountCriteria() != 10 || p.CountMet() != 0 {
		t.Error("the 2026 draft must count its criteria in the new set (0/10, all to assess again) and maintain none")
	}

	// 5. The draft straight from new is unfinished: issue refuses it.
	// Number 125 again in 2026, issued as it is on purpose (--chua-xong):
	// numbering restarts every year.
	if s = call(t, 1, "issue", p2026, "--so", "125", "--ngay", "2026-01-15"); !strings.Contains(s, "chỗ chưa xong") {
		t.Errorf("issue of the draft from new:\n%s", s)
	}
	call(t, 0, "issue", p2026, "--so", "125", "--ngay", "2026-01-15", "--chua-xong")
	s = call(t, 0, "print", filepath.Join(root, "plans"))
	if !strings.Contains(s, "Kế hoạch số 125/KH-UBND ngày 15/01/2026, in 26 bản.") || !strings.Contains(s, "Tổng cộng: 52 bản cho 2 kế hoạch.") {
		t.Errorf("print of both years:\n%s", s)
	}
}
