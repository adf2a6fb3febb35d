package textcheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/internal/plan/plantest"
	"kehoach/internal/testkit"
)

// slipped copies a corpus plan and its commune file into a temporary
// folder with edits (old → new, each once) and returns the findings of the
// citation and year rules.
func slipped(t *testing.T, dir, name string, edits ...string) []string {
	t.Helper()
	tmp := t.TempDir()
	for _, f := range []string{name, "xa.yaml"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		if f == name {
			for i := 0; i+1 < len(edits); i += 2 {
				if !strings.Contains(s, edits[i]) {
					t.Fatalf("%q not in %s", edits[i], name)
				}
				s = strings.Replace(s, edits[i], edits[i+1], 1)
			}
		}
		if err := os.WriteFile(filepath.Join(tmp, f), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, ps, cs := load(t, filepath.Join(tmp, name))
	var out []string
	for _, f := range Check(res.Plan, ps, cs, plantest.Profile(t, res).ToneStyle) {
		if ours[f.Rule] {
			out = append(out, strings.TrimPrefix(f.Error(), filepath.Join(tmp, name)))
		}
	}
	return out
}

var ours = map[string]bool{RuleCiteNumber: true, RuleCiteDate: true, RuleCiteIssuer: true, RuleCiteStatus: true, RuleCitePeriod: true,
	RulePlanYear: true, RulePeriod: true, RuleDateSpan: true, RuleTargetYear: true, RuleCriteriaOf: true}

const mk = "../../plans/muong-khoa"

// Each slip, injected alone into a real line of a corpus plan, is reported
// by its rule at its line and column with the registry's version or the
// plan year as the hint.
func TestCitationAndYearSlips(t *testing.T) {
	qd263 := "viết “Quyết định số 263/QĐ-TTg ngày 22/02/2022 của Thủ tướng Chính phủ” (cảnh báo)"
	tests := []struct {
		name, dir, file string
		edits           []string
		want            []string
	}{
		{"wrong issuer code", mk, "2025.yaml", []string{"so: 263/QĐ-TTg", "so: 263/QĐ-TT"},
			[]string{":26:9: [can-cu-so] số, ký hiệu “263/QĐ-TT” khác sổ căn cứ (templates/can-cu.yaml): Quyết định 263/QĐ-TTg — gợi ý: " + qd263}},
		{"another date", mk, "2025.yaml", []string{"ngay: 2022-02-22", "ngay: 2022-02-12"},
			[]string{":27:11: [can-cu-ngay] Quyết định 263/QĐ-TTg ban hành ngày 22/02/2022, không phải ngày 12/02/2022 — gợi ý: " + qd263}},
		{"another issuer", mk, "2025.yaml", []string{"co_quan: Thủ tướng Chính phủ", "co_quan: Chính phủ"},
			[]string{":28:14: [can-cu-co-quan] Quyết định 263/QĐ-TTg do Thủ tướng Chính phủ ban hành, không phải Chính phủ — gợi ý: " + qd263}},
		{"legislature suffix in prose, and a document of the next period", mk, "2025.yaml",
			[]string{"thích ứng với biến đổi khí hậu", "thích ứng với biến đổi khí hậu theo Nghị quyết số 257/2025/QH14 của Quốc hội"},
			[]string{
				":55:90: [can-cu-so] số, ký hiệu “257/2025/QH14” khác sổ căn cứ (templates/can-cu.yaml): Nghị quyết 257/2025/QH15 — gợi ý: viết “Nghị quyết số 257/2025/QH15 ngày 11/12/2025 của Quốc hội” (cảnh báo)",
				":55:90: [can-cu-giai-doan] Nghị quyết 257/2025/QH15 là văn bản của giai đoạn 2026 - 2035, kế hoạch năm 2025 ở ngoài giai đoạn đó — gợi ý: căn cứ của giai đoạn 2021-2025 là Quyết định 263/QĐ-TTg; giữ văn bản này chỉ khi nó vẫn áp dụng cho năm 2025 (cảnh báo)",
			}},
		{"date of a cited document in prose, long form", mk, "2025.yaml",
			[]string{"thích ứng với biến đổi khí hậu", "thích ứng với biến đổi khí hậu (Quyết định số 263/QĐ-TTg ngày 22 tháng 3 năm 2022)"},
			[]string{":55:97: [can-cu-ngay] Quyết định 263/QĐ-TTg ban hành ngày 22/02/2022, không phải ngày 22/03/2022 — gợi ý: " + qd263}},
		{"ND30 cited correctly passes", mk, "2025.yaml",
			[]string{"thích ứng với biến đổi khí hậu", "thích ứng với biến đổi khí hậu (Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ)"}, nil},
		{"unknown document passes", mk, "2025.yaml",
			[]string{"thích ứng với biến đổi khí hậu", "thích ứng với biến đổi khí hậu (Quyết định số 263/QĐ-UBND ngày 12/01/2019 của UBND tỉnh)"}, nil},
		{"last year in the trích yếu", mk, "2025.yaml", []string{"nông thôn mới năm 2025 trên địa bàn", "nông thôn mới năm 2024 trên địa bàn"},
			[]string{":16:73: [nam-ke-hoach] “năm 2024” khác năm kế hoạch (2025) — gợi ý: viết “năm 2025” (cảnh báo)"}},
		{"last year in a Biểu 04 time", mk, "2025.yaml", []string{"thoi_gian: Quý III-IV/2025", "thoi_gian: Quý III-IV/2024"},
			[]string{":582:29: [nam-ke-hoach] thời gian ở Biểu 04 ghi năm 2024, khác năm kế hoạch (2025) — gợi ý: viết 2025 (cảnh báo)"}},
		{"a target for last year", mk, "2025.yaml", []string{"Phấn đấu năm 2025 có 88%", "Phấn đấu năm 2024 có 88%"},
			[]string{":272:27: [nam-phan-dau] chỉ tiêu phấn đấu ghi năm 2024, năm trước năm kế hoạch 2025 — gợi ý: viết “năm 2025” nếu là chỉ tiêu của năm kế hoạch (cảnh báo)"}},
		{"a date outside the span", mk, "2025.yaml", []string{"gắn với xây dựng NTM năm 2025.", "gắn với xây dựng NTM trước ngày 30/6/2023."},
			[]string{":276:52: [ngay-ngoai-nam] ngày “30/6/2023” ngoài thời gian của kế hoạch năm 2025 (năm 2024 - 2025) — gợi ý: kiểm tra lại năm; ngày của một văn bản viện dẫn thì ghi kèm số, ký hiệu văn bản đó (cảnh báo)"}},
		{"a count of another criteria set", mk, "2025.yaml", []string{"Phấn đấu năm 2025 có 88%", "Phấn đấu năm 2025 đạt 8/10 tiêu chí, có 88%"},
			[]string{":272:36: [bo-tieu-chi] “8/10” đếm theo bộ tiêu chí qd51-2026-2030 (10 tiêu chí), không áp dụng cho năm 2025 — gợi ý: bộ qd318-2021-2025 của kế hoạch có 19 tiêu chí: viết “…/19” (cảnh báo)"}},
		{"a period of another period in the trích yếu", "../../testdata/corpus/ea-to-lo", "2026.yaml",
			[]string{"miền núi năm 2026 trên địa", "miền núi giai đoạn 2021-2025 năm 2026 trên địa"},
			[]string{":18:86: [giai-doan-khac] nêu giai đoạn 2021 - 2025, không chứa năm kế hoạch 2026 — gợi ý: năm 2026 thuộc giai đoạn 2026 - 2030 (cảnh báo)"}},
		{"the old period's programme name", "../../testdata/corpus/ea-to-lo", "2026.yaml",
			[]string{"can_cu_them:\n", "chuong_trinh:\n  ten: Chương trình mục tiêu quốc gia (MTQG) xây dựng nông thôn mới (NTM)\n  ten_ngan: Chương trình MTQG xây dựng NTM\ncan_cu_them:\n"},
			[]string{
				":25:8: [giai-doan-khac] tên Chương trình của giai đoạn 2021-2025, kế hoạch năm 2026 thuộc giai đoạn 2026-2030 — gợi ý: viết “Chương trình mục tiêu quốc gia (MTQG) xây dựng nông thôn mới (NTM), giảm nghèo bền vững và phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi”, hoặc xóa khóa chuong_trinh để dùng tên của giai đoạn (cảnh báo)",
				":26:13: [giai-doan-khac] tên Chương trình của giai đoạn 2021-2025, kế hoạch năm 2026 thuộc giai đoạn 2026-2030 — gợi ý: viết “Chương trình MTQG”, hoặc xóa khóa chuong_trinh để dùng tên của giai đoạn (cảnh báo)",
			}},
		{"the old programme in a 2026 trích yếu", "../../testdata/corpus/ea-to-lo", "2026.yaml",
			[]string{"nông thôn mới, giảm nghèo bền vững và\n    phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi năm 2026", "nông thôn mới năm 2026"},
			[]string{":17:15: [giai-doan-khac] trích yếu nêu tên Chương trình giai đoạn 2021-2025, kế hoạch năm 2026 thuộc giai đoạn 2026-2030 — gợi ý: viết “Chương trình mục tiêu quốc gia xây dựng nông thôn mới, giảm nghèo bền vững và phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi” (cảnh báo)"}},
		{"the 2021-2025 decision in a 2026 plan", "../../testdata/corpus/ea-to-lo", "2026.yaml",
			[]string{"can_cu_them:\n", "can_cu_them:\n  - ma: qd263-2022\n"},
			[]string{":25:9: [can-cu-giai-doan] Quyết định 263/QĐ-TTg là văn bản của giai đoạn 2021 - 2025, kế hoạch năm 2026 ở ngoài giai đoạn đó — gợi ý: căn cứ của giai đoạn 2026-2030 là Nghị quyết 257/2025/QH15, Nghị quyết 424/NQ-CP, Quyết định 417/QĐ-BNNMT; giữ văn bản này chỉ khi nó vẫn áp dụng cho năm 2026 (cảnh báo)"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := slipped(t, tc.dir, tc.file, tc.edits...)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// No corpus plan draws a finding of the citation and year rules.
func TestConsistencyCorpusClean(t *testing.T) {
	for _, path := range testkit.CorpusPlans(t) {
		res, ps, cs := load(t, path)
		for _, f := range Check(res.Plan, ps, cs, plantest.Profile(t, res).ToneStyle) {
			if ours[f.Rule] {
				t.Errorf("%s", f)
			}
		}
	}
}
