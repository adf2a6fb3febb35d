package plandiff

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/internal/plan"
)

func load(t *testing.T, text string) *plan.Plan {
	t.Helper()
	res, err := plan.LoadBytes("../plan/testdata/p.yaml", []byte(text), os.ReadFile)
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK() {
		t.Fatalf("fixture invalid: %v", res.Errors)
	}
	return res.Plan
}

func minimal(t *testing.T) string {
	b, err := os.ReadFile(filepath.Join("..", "plan", "testdata", "minimal.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// edit applies replacements, each of which must apply.
func edit(t *testing.T, s string, pairs ...string) string {
	t.Helper()
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			t.Fatalf("fixture lacks %q", pairs[i])
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	return s
}

func TestCompare(t *testing.T) {
	t.Parallel()
	base := minimal(t)
	tests := []struct {
		name  string
		edits []string
		want  []string // the report's lines, Text(false) without the header
	}{
		{"identical", nil, nil},
		{"NFC form only is no difference",
			[]string{"Mục tiêu chung.", "Mu\u0323c tie\u0302u chung."}, nil},
		{"funding line and every total above it",
			[]string{"so_tien: 600}", "so_tien: 800}", "tong: 900", "tong: 1100", "tong: 1000", "tong: 1200", "{nguon: nstw-dau-tu, so_tien: 600}", "{nguon: nstw-dau-tu, so_tien: 800}"},
			[]string{
				"== Nguồn lực ==",
				"sửa  nguồn “Vốn đầu tư công”: 600 triệu đồng → 800 triệu đồng (+200)",
				"sửa  tổng “Vốn Ngân sách Trung ương”: 900 triệu đồng → 1.100 triệu đồng (+200)",
				"sửa  Tổng nguồn lực: 1.000 triệu đồng → 1.200 triệu đồng (+200)",
				"== Biểu kèm theo ==",
				"sửa  công trình (Biểu 03) thứ 1: … Vốn đầu tư công [-600-] {+800+} triệu đồng",
			}},
		{"indicator target",
			[]string{"gia_tri: 54", "gia_tri: 58"},
			[]string{"== Mục tiêu và chỉ tiêu ==", "sửa  chỉ tiêu “Thu nhập đạt”: ≥ 54 triệu đồng/năm → ≥ 58 triệu đồng/năm (+4)"}},
		{"criteria status and counts",
			[]string{"{so: 5, hien_trang: chua_dat}", "{so: 5, hien_trang: phan_dau}"},
			[]string{"== Tiêu chí ==", "sửa  tiêu chí số 5 (Văn hóa, giáo dục, y tế): chưa đạt → phấn đấu đạt trong năm", "sửa  số tiêu chí đạt cuối năm: 4/10 → 5/10"}},
		{"added task",
			[]string{"        - y: Một ý.\n", "        - y: Một ý.\n        - y: Ý mới thêm vào.\n"},
			[]string{"== Nhiệm vụ ==", "thêm  nhóm nhiệm vụ 1 thứ 3: - Ý mới thêm vào."}},
		{"reordered list: moved, not removed and added",
			[]string{"giai_phap: [Giải pháp một.]", "giai_phap: [Giải pháp hai., Giải pháp một.]"},
			[]string{"== Giải pháp ==", "thêm  giải pháp thứ 1: Giải pháp hai."}},
		{"moved items",
			[]string{"giai_phap: [Giải pháp một.]", "giai_phap: [Một hai ba., Bốn năm sáu., Bảy tám chín.]"},
			nil}, // checked below against a reordering
		{"edited text, word by word",
			[]string{"        - doan: Một đoạn.", "        - doan: Một đoạn văn mới."},
			[]string{"== Nhiệm vụ ==", "sửa  nhóm nhiệm vụ 1 thứ 1: Một [-đoạn.-] {+đoạn văn mới.+}"}},
		{"recipients, signature, number and date",
			[]string{"so: 5\n", "so: 6\n", "ngay: 2025-08-05", "ngay: 2025-08-06", "    - {ten: Trưởng các bản, theo_ban: true}\n", "", "ho_ten: Nguyễn Văn A", "ho_ten: Nguyễn Văn B"},
			[]string{
				"== Văn bản ==",
				"sửa  số văn bản: 05/KH-UBND → 06/KH-UBND",
				"sửa  ngày ban hành: 05/8/2025 → 06/8/2025",
				"== Nơi nhận ==",
				"bỏ  nơi nhận thứ 2: Trưởng các bản",
				"== Chữ ký ==",
				"sửa  người ký: Nguyễn Văn A → Nguyễn Văn B",
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "moved items" {
				return
			}
			a := load(t, base)
			b := load(t, edit(t, base, tc.edits...))
			r := Compare(a, b)
			var got []string
			for _, l := range strings.Split(r.Text(false), "\n")[1:] {
				if l = strings.TrimSpace(l); l != "" && !strings.HasSuffix(l, "thay đổi.") {
					got = append(got, l)
				}
			}
			if len(tc.want) == 0 {
				if !r.Equal() {
					t.Errorf("want no difference, got:\n%s", r.Text(false))
				}
				return
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestMovedItems(t *testing.T) {
	t.Parallel()
	base := edit(t, minimal(t), "giai_phap: [Giải pháp một.]", "giai_phap: [Một hai ba., Bốn năm sáu., Bảy tám chín.]")
	moved := edit(t, base, "[Một hai ba., Bốn năm sáu., Bảy tám chín.]", "[Bảy tám chín., Một hai ba., Bốn năm sáu.]")
	r := Compare(load(t, base), load(t, moved))
	want := "chuyển chỗ  giải pháp “Bảy tám chín.”: thứ 3 → thứ 1"
	if len(r.Changes) != 1 || !strings.Contains(r.Text(false), want) {
		t.Errorf("got:\n%s\nwant one change: %s", r.Text(false), want)
	}
}

func TestFormats(t *testing.T) {
	t.Parallel()
	base := minimal(t)
	r := Compare(load(t, base), load(t, edit(t, base, "        - doan: Một đoạn.", "        - doan: Một đoạn dài.")))
	if md := r.Markdown(); !strings.Contains(md, "#### Nhiệm vụ") || !strings.Contains(md, "~~đoạn.~~ **đoạn dài.**") {
		t.Errorf("markdown:\n%s", md)
	}
	if c := r.Text(true); !strings.Contains(c, "\x1b[31m[-đoạn.-]\x1b[0m") {
		t.Errorf("colour text lacks red deletion: %q", c)
	}
	j, err := r.JSON()
	if err != nil || !strings.Contains(string(j), `"giong_nhau": false`) || !strings.Contains(string(j), `"op": "+"`) {
		t.Errorf("json: %s %v", j, err)
	}
}

// Long lists (past maxLCSCells and similarWindow) are matched in
// near-linear time with the same answers: a removed, an added, a moved and
// an edited item among 5.000 (#15 F-12). An item is moved when it
// comes before items it followed (as for short lists).
func TestMatchLongLists(t *testing.T) {
	t.Parallel()
	const n = 5000
	var a []string
	for i := 0; i < n; i++ {
		a = append(a, fmt.Sprintf("nội dung số %d của kế hoạch", i))
	}
	var b []string
	for i, s := range a {
		switch i {
		case 100: // removed
			continue
		case 4000: // moved up, before item 300
			continue
		case 500:
			s = "nội dung số 500 của kế hoạch đã sửa"
		}
		if i == 200 {
			b = append(b, "một nội dung mới")
		}
		if i == 300 {
			b = append(b, a[4000])
		}
		b = append(b, s)
	}
	if len(a)*len(b) <= maxLCSCells {
		t.Fatal("lists too short to take the patience path")
	}
	var added, removed, moved, edited []string
	for _, p := range match(a, b) {
		switch {
		case p.i < 0:
			added = append(added, b[p.j])
		case p.j < 0:
			removed = append(removed, a[p.i])
		default:
			if p.moved {
				moved = append(moved, b[p.j])
			}
			if a[p.i] != b[p.j] {
				edited = append(edited, a[p.i]+" → "+b[p.j])
			}
		}
	}
	for _, c := range []struct {
		what      string
		got, want []string
	}{
		{"added", added, []string{"một nội dung mới"}},
		{"removed", removed, []string{a[100]}},
		{"moved", moved, []string{a[4000]}},
		{"edited", edited, []string{a[500] + " → nội dung số 500 của kế hoạch đã sửa"}},
	} {
		if fmt.Sprint(c.got) != fmt.Sprint(c.want) {
			t.Errorf("%s: %q, want %q", c.what, c.got, c.want)
		}
	}
}

// #15 F-12: two plans of 9.500 paragraphs, all changed (was 162 s for the
// command; 0,28 s on 02/12/2026).
func BenchmarkMatchLongLists(b *testing.B) {
	var x, y []string
	for i := 0; i < 9500; i++ {
		x = append(x, fmt.Sprintf("giải pháp %d: rà soát, bổ sung quy hoạch", i))
		y = append(y, fmt.Sprintf("giải pháp %d: tiếp tục rà soát quy hoạch xã", i))
	}
	b.ReportAllocs()
	for b.Loop() {
		match(x, y)
	}
}
