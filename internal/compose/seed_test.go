package compose

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/internal/plan"
	"kehoach/internal/render/text"
)

// seedPath is the reference document, beside the repository.
const seedPath = "../../../shared/seed/ke-hoach-ntm-2025-muong-khoa.txt"

// words normalises text to single-space-separated words.
func words(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}

// Correction is one intended difference between the seed and our document.
type Correction struct{ Seed, Ours, Why string }

// LoadCorrections reads testdata/seed-corrections.tsv.
func LoadCorrections(t *testing.T) []Correction {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "seed-corrections.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []Correction
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) != 3 {
			t.Fatalf("seed-corrections.tsv: %q: want 3 tab-separated fields", line)
		}
		out = append(out, Correction{parts[0], parts[1], parts[2]})
	}
	return out
}

// SeedWithCorrections returns the seed's words with every intended
// correction applied; each correction must apply exactly once.
func SeedWithCorrections(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(seedPath)
	if err != nil {
		t.Skipf("bỏ qua: không có văn bản mẫu %s (cần thư mục shared/ cạnh kho mã): %v", seedPath, err)
	}
	seed := words(string(b))
	for _, c := range LoadCorrections(t) {
		n := strings.Count(seed, c.Seed)
		if n != 1 {
			t.Errorf("correction %q (%s) occurs %d times in the seed, want 1", c.Seed, c.Why, n)
			continue
		}
		seed = strings.Replace(seed, c.Seed, c.Ours, 1)
	}
	return seed
}

// bodyWords is our document's text from "KẾ HOẠCH" on: the seed lost the
// header block when it was extracted.
func bodyWords(t *testing.T, full string) string {
	t.Helper()
	w := words(full)
	i := strings.Index(w, "KẾ HOẠCH")
	if i < 0 {
		t.Fatalf("no KẾ HOẠCH in %q", w[:min(len(w), 200)])
	}
	return w[i:]
}

func compose2025(t *testing.T) string {
	t.Helper()
	res, err := plan.Load("../../plans/muong-khoa/2025.yaml")
	if err != nil || !res.OK() {
		t.Fatalf("load: %v %v", err, res.Errors)
	}
	d, err := Compose(res.Plan, res.Profile)
	if err != nil {
		t.Fatal(err)
	}
	return text.Render(d)
}

// CompareWords reports the first difference between want and got with
// context.
func CompareWords(t *testing.T, want, got string) {
	t.Helper()
	if want == got {
		return
	}
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	from := max(0, i-80)
	t.Errorf("text differs from the corrected seed at byte %d:\nseed: …%s…\nours: …%s…", i, want[from:min(len(want), i+120)], got[from:min(len(got), i+120)])
}

func TestTextEqualsSeed(t *testing.T) {
	want := SeedWithCorrections(t)
	got := bodyWords(t, compose2025(t))
	CompareWords(t, want, got)
}
