package draft

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"kehoach/internal/diag"
	"kehoach/internal/plan"
	"kehoach/internal/testkit"
)

// at is where a diagnostic is expected: the first place the text at
// stands in the (edited) file.
type at struct {
	rule string
	text string // where the diagnostic points: the start of this text (see posOf)
	msg  string // a part of its message
}

// posOf is the line and column (in runes) where sub first stands in s;
// when sub holds a '^', where its part after the '^' stands in the first
// place of the whole (without the '^').
func posOf(t *testing.T, s, sub string) diag.Pos {
	t.Helper()
	before, after, _ := strings.Cut(sub, "^")
	if after == "" {
		before, after = "", before
	}
	i := strings.Index(s, before+after)
	if i < 0 {
		t.Fatalf("the test file has no %q", before+after)
	}
	i += len(before)
	start := strings.LastIndexByte(s[:i], '\n') + 1
	return diag.Pos{Line: strings.Count(s[:i], "\n") + 1, Col: utf8.RuneCountInString(s[start:i]) + 1}
}

// find copies the Mường Khoa plan with its commune file, edits them, checks
// that the plan still loads without errors and returns what Find reports,
// with the edited texts.
func find(t *testing.T, editPlan, editCommune func(string) string, sev diag.Severity) (diag.List, string, string, *plan.Plan) {
	t.Helper()
	path := testkit.CopyPlan(t, t.TempDir(), "mk", "2025.yaml", editPlan)
	xa := filepath.Join(filepath.Dir(path), "xa.yaml")
	if editCommune != nil {
		b, err := os.ReadFile(xa)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(xa, []byte(editCommune(string(b))), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := plan.Load(path)
	if err != nil || !res.OK() {
		t.Fatalf("the edited plan does not load: %v\n%v", err, res.Errors)
	}
	ps, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := os.ReadFile(xa)
	if err != nil {
		t.Fatal(err)
	}
	return Find(res.Plan, ps, cs, sev), string(ps), string(cs), res.Plan
}

func TestFind(t *testing.T) {
	review := "# ==== KẾ HOẠCH NĂM 2025: CẦN XEM LẠI TRƯỚC KHI TRÌNH KÝ (kehoach new) ====\n" +
		"# Tạo từ 2024.yaml bằng “kehoach new”. Đã tự động:\n" +
		"# - 9 số tiền (so_tien) ghi 0, có ghi chú “TODO” kèm số năm 2024\n" +
		"# - 1 đoạn văn còn nêu Chương trình giảm nghèo bền vững (có\n" +
		"#   TODO): to_chuc_thuc_hien[2].noi_dung[0].y.\n"
	reviewEnd := "# ==== HẾT PHẦN CẦN XEM LẠI ====\n"
	oldHead := "# Ghi chú đầu tệp của kế hoạch năm 2024 (xem lại, sửa hoặc xóa):\n"
	afterModeline := func(block string) func(string) string {
		return func(s string) string {
			i := strings.IndexByte(s, '\n') + 1
			return s[:i] + block + s[i:]
		}
	}
	replace := func(pairs ...string) func(string) string {
		return func(s string) string {
			for i := 0; i < len(pairs); i += 2 {
				if !strings.Contains(s, pairs[i]) {
					panic("no " + pairs[i])
				}
				s = strings.Replace(s, pairs[i], pairs[i+1], 1)
			}
			return s
		}
	}
	tests := []struct {
		name    string
		plan    func(string) string
		commune func(string) string
		want    []at // in the plan file
		inXa    []at // in the commune file
	}{
		{name: "finished plan"},
		{name: "TODO comment above a key",
			plan: replace("  trich_yeu: >-\n", "  # TODO: xem lại trích yếu\n  trich_yeu: >-\n"),
			want: []at{{RuleTodo, "# TODO: xem lại trích yếu", "còn ghi chú “TODO: xem lại trích yếu”"}}},
		{name: "TODO comment at the end of a line",
			plan: replace("  loai: KH\n", "  loai: KH # TODO hỏi văn phòng\n"),
			want: []at{{RuleTodo, "# TODO hỏi", "“TODO hỏi văn phòng”"}}},
		{name: "TODO in a text",
			plan: replace("năm 2025 trên địa bàn\n", "năm 2025 TODO trên địa bàn\n"),
			want: []at{{RuleTodo, "TODO trên", "van_ban.trich_yeu còn chữ TODO"}}},
		{name: "a # in a quoted text is no comment",
			plan: replace(`thoi_gian: "2025"`, `thoi_gian: "2025 # TODO: hỏi"`),
			want: []at{{RuleTodo, "TODO: hỏi", "bieu.cong_trinh[0].thoi_gian còn chữ TODO"}}},
		{name: "a # in a block text is no comment",
			plan: replace("    huy năng động sáng tạo", "    # TODO viết tiếp\n    huy năng động sáng tạo"),
			want: []at{{RuleTodo, "TODO viết tiếp", "giai_phap[0] còn chữ TODO"}}},
		{name: "not TODO marks",
			plan: replace("  loai: KH\n", "  loai: KH # TODOS\n  # xem TODO sau\n  # todo: chữ thường\n"),
		},
		{name: "review block",
			plan: afterModeline(review + reviewEnd + oldHead),
			want: []at{
				{RuleReview, "# ==== KẾ HOẠCH NĂM", "còn khối ghi chú “CẦN XEM LẠI TRƯỚC KHI TRÌNH KÝ” do kehoach new ghi ở đầu tệp (dòng 2–7)"},
				{RuleReview, "# Ghi chú đầu tệp", "còn dòng “Ghi chú đầu tệp của kế hoạch năm 2024 (xem lại, sửa hoặc xóa):”"},
			}},
		{name: "review block without its last line",
			plan: afterModeline(review),
			want: []at{{RuleReview, "# ==== KẾ HOẠCH NĂM", "(từ dòng 2, đã mất dòng cuối “# ==== HẾT PHẦN CẦN XEM LẠI ====”)"}}},
		{name: "last line of the review block alone",
			plan: afterModeline(reviewEnd),
			want: []at{{RuleReview, "# ==== HẾT", "còn dòng cuối “# ==== HẾT PHẦN CẦN XEM LẠI ====”"}}},
		{name: "a source of 0",
			plan: replace("      so_tien: 40\n", "      so_tien: 0 # nhập sau\n", "  tong: 3900", "  tong: 3860"),
			want: []at{{RuleZero, "0 # nhập sau", "nguồn “Ngân sách xã” ghi số tiền 0 triệu đồng"}}},
		{name: "a Biểu 03 allocation of 0 and its source",
			plan: replace("          so_tien: 504\n", "          so_tien: 0 # a\n", "{nguon: nstw-dau-tu, so_tien: 504}", "{nguon: nstw-dau-tu, so_tien: 0}",
				"      tong: 1304\n", "      tong: 800\n", "  tong: 3900", "  tong: 3396"),
			want: []at{
				{RuleZero, "0 # a", "nguồn “Vốn đầu tư” ghi số tiền 0 triệu đồng"},
				{RuleZero, "0}", "Biểu 03, công trình “Bê tông hóa đường lên bản Hô Tra”: vốn từ nguồn “nstw-dau-tu” ghi số tiền 0 triệu đồng"},
			}},
		{name: "a Biểu 04 row of 0",
			plan: replace("      so_tien: 150\n", "      so_tien: 0 # biểu 04\n", "      so_tien: 350\n", "      so_tien: 500\n"),
			want: []at{{RuleZero, "0 # biểu 04", "Biểu 04, nội dung “Sửa chữa hệ thống loa các bản”: ghi số tiền 0 triệu đồng"}}},
		{name: "a blank item of a text list",
			plan: replace("giai_phap:\n", "giai_phap:\n  - ''\n"),
			want: []at{{RuleEmpty, "''", "mục giai_phap[0] để trống"}}},
		{name: "a placeholder item",
			plan: replace("giai_phap:\n", "giai_phap:\n  - …\n"),
			want: []at{{RuleEmpty, "giai_phap:\n  - ^…", "mục giai_phap[0] mới có chỗ giữ chỗ “…”"}}},
		{name: "an item with no text",
			plan: replace("    noi_dung:\n      - doan: >-\n          Tập trung", "    noi_dung:\n      - y: ' '\n      - doan: >-\n          Tập trung"),
			want: []at{{RuleEmpty, "y: ' '", "mục to_chuc_thuc_hien[0].noi_dung[0] để trống"}}},
		{name: "a required text that is a placeholder",
			plan: replace("  chuc_vu: Phó Chủ tịch\n", "  chuc_vu: ...\n"),
			want: []at{{RuleEmpty, "chuc_vu: ^...", "ky.chuc_vu mới có chỗ giữ chỗ “...”"}}},
		{name: "the commune file",
			commune: replace("loai_ban: bản\n", "loai_ban: bản # TODO: hỏi lại\n", "\nban:\n", "\nban:\n  - ''\n"),
			inXa: []at{
				{RuleTodo, "# TODO: hỏi lại", "còn ghi chú “TODO: hỏi lại”"},
				{RuleEmpty, "''", "mục ban[0] để trống"},
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ps, cs, p := find(t, tc.plan, tc.commune, diag.Warning)
			var want []*diag.Diagnostic
			for _, w := range tc.want {
				want = append(want, &diag.Diagnostic{File: p.File, Pos: posOf(t, ps, w.text), Rule: w.rule, Msg: w.msg})
			}
			for _, w := range tc.inXa {
				want = append(want, &diag.Diagnostic{File: p.Commune.File, Pos: posOf(t, cs, w.text), Rule: w.rule, Msg: w.msg})
			}
			if len(got) != len(want) {
				t.Fatalf("%d diagnostics, want %d:\n%v", len(got), len(want), got)
			}
			diag.List(want).Sort()
			for i, g := range got {
				w := want[i]
				if g.File != w.File || g.Pos != w.Pos || g.Rule != w.Rule || !strings.Contains(g.Msg, w.Msg) || g.Severity != diag.Warning || g.Hint == "" {
					t.Errorf("got  %s (%v)\nwant %s:%d:%d: [%s] …%s… with a hint", g, g.Pos, w.File, w.Pos.Line, w.Pos.Col, w.Rule, w.Msg)
				}
			}
		})
	}
}

// Find gives its diagnostics the severity asked for: errors where they
// stop the work (check -nghiem-ngat, issue).
func TestFindSeverity(t *testing.T) {
	edit := func(s string) string {
		s = strings.Replace(s, "  loai: KH\n", "  loai: KH # TODO: a\n", 1)
		return strings.Replace(s, "giai_phap:\n", "giai_phap:\n  - ''\n", 1)
	}
	for _, sev := range []diag.Severity{diag.Warning, diag.Error} {
		got, _, _, _ := find(t, edit, nil, sev)
		if len(got) != 2 {
			t.Fatalf("%v: %d diagnostics, want 2:\n%v", sev, len(got), got)
		}
		for _, d := range got {
			if d.Severity != sev {
				t.Errorf("%s: severity %v, want %v", d, d.Severity, sev)
			}
		}
		if sev == diag.Error && (len(got.Errors()) != 2 || strings.Contains(got.Error(), "(cảnh báo)")) {
			t.Errorf("errors print as warnings:\n%v", got)
		}
	}
}

// A finished plan has nothing unfinished: every plan of plans/ and of the
// test corpus, their commune files included (no false positives).
func TestFinishedPlans(t *testing.T) {
	for _, path := range testkit.CorpusPlans(t) {
		res, err := plan.Load(path)
		if err != nil || !res.OK() {
			t.Fatalf("%s: %v %v", path, err, res.Errors)
		}
		ps, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		cs, err := os.ReadFile(res.Plan.Commune.File)
		if err != nil {
			t.Fatal(err)
		}
		if got := Find(res.Plan, ps, cs, diag.Warning); len(got) > 0 {
			t.Errorf("%s: a finished plan reported unfinished:\n%v", path, got)
		}
	}
}

// Todos leaves out the review block, whose lines mention “TODO”, and
// finds every TODO comment where its '#' stands, a '#' in a text being
// none.
func TestTodos(t *testing.T) {
	src := "# ==== KẾ HOẠCH NĂM 2026: CẦN XEM LẠI TRƯỚC KHI TRÌNH KÝ (kehoach new) ====\n" +
		"# - có ghi chú “TODO”\n" +
		"#   TODO: trong khối\n" +
		"# ==== HẾT PHẦN CẦN XEM LẠI ====\n" +
		"# TODO: sau khối\n" +
		"a: \"x # TODO: trong chữ\" # TODO: cuối dòng\n" +
		"b: |\n" +
		"  # TODO: trong đoạn\n" +
		"c:\n" +
		"  # TODO: trên mục\n" +
		"  - d # TODO: d\n" +
		"  # TODO: cuối\n" +
		"# TODO: cuối\n"
	var got []string
	for _, c := range Todos([]byte(src)) {
		got = append(got, fmt.Sprintf("%d:%d %s", c.Pos.Line, c.Pos.Col, c.Text))
	}
	want := []string{"5:1 TODO: sau khối", "6:26 TODO: cuối dòng", "10:3 TODO: trên mục", "11:7 TODO: d", "12:3 TODO: cuối", "13:1 TODO: cuối"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Todos:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
