package plandiff

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"kehoach/internal/plan"
)

// repoPlan loads a plan of the repository (path from this package) with
// edit applied to its text, read as the file itself: its commune file and
// a provincial set beside it come from the disk.
func repoPlan(t *testing.T, path string, edit func(t *testing.T, s string) string) *plan.Plan {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	if edit != nil {
		text = edit(t, text)
	}
	res, err := plan.LoadBytes(path, []byte(text), os.ReadFile)
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK() {
		t.Fatalf("%s (edited) is invalid: %v", path, res.Errors)
	}
	return res.Plan
}

// replaceRe replaces the one match of re, which must match.
func replaceRe(t *testing.T, s, re, with string) string {
	t.Helper()
	r := regexp.MustCompile(re)
	if len(r.FindAllStringIndex(s, -1)) != 1 {
		t.Fatalf("want one match of %q", re)
	}
	return r.ReplaceAllLiteralString(s, with)
}

// criteria19 is a tieu_chi block of QĐ 318 with met criteria met, planned
// the next ones to be met this year and the rest not met.
func criteria19(met, planned int) string {
	var b strings.Builder
	b.WriteString("tieu_chi:\n  danh_gia:\n")
	for so := 1; so <= 19; so++ {
		st := "chua_dat"
		switch {
		case so <= met:
			st = "dat"
		case so <= met+planned:
			st = "phan_dau"
		}
		fmt.Fprintf(&b, "    - {so: %d, hien_trang: %s}\n", so, st)
	}
	return b.String() + "\n"
}

// eaToLo2025 is Ea Tơ Lơ's 2026 plan of the corpus made into the plan of
// the year before (period 2021 - 2025, QĐ 318, 12/19 → 13/19), on the
// period's defaults as the 2026 plan is.
func eaToLo2025(t *testing.T, s string) string {
	s = edit(t, s,
		"nam: 2026", "nam: 2025",
		"so: 46/KH-UBND\n    ngay: 2026-02-27", "so: 31/KH-UBND\n    ngay: 2025-02-20",
		"quốc gia năm 2026 trên địa bàn tỉnh", "quốc gia năm 2025 trên địa bàn tỉnh",
		`tieu_chi: "3.1"`, `tieu_chi: "10"`,
		`tieu_chi: "6.1"`, `tieu_chi: "11"`)
	s = replaceRe(t, s, `(?s)  trich_yeu: >-\n.*?\n\n`, "  trich_yeu: Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2025 trên địa bàn xã Ea Tơ Lơ\n\n")
	return replaceRe(t, s, `(?ms)^tieu_chi:\n.*?\n\n`, criteria19(12, 1))
}

// muongKhoa2026 is the seed moved into 2026 as a commune would write it on
// the defaults: no chuong_trinh, no can_cu, the set of the period, criteria
// references of the old set dropped.
func muongKhoa2026(t *testing.T, s string) string {
	s = edit(t, s, "nam: 2025", "nam: 2026", "năm 2025 trên địa bàn", "năm 2026 trên địa bàn", "  bo: qd318-2021-2025\n", "")
	s = replaceRe(t, s, `(?m)^  # Bộ tiêu chí của tỉnh Lai Châu.*\n(?:  # .*\n)*  bo_tinh: .*\n`, "")
	s = replaceRe(t, s, `(?ms)^chuong_trinh:\n.*?\n\n`, "")
	s = replaceRe(t, s, `(?ms)^can_cu:\n.*?\n\n`, "")
	s = regexp.MustCompile(`(?m)^ +tieu_chi: (".*"|\[.*\])\n`).ReplaceAllString(s, "")
	var b strings.Builder
	b.WriteString("  danh_gia:\n")
	for so := 1; so <= 10; so++ {
		st := map[bool]string{true: "dat", false: "chua_dat"}[so <= 5]
		if so == 6 {
			st = "phan_dau"
		}
		fmt.Fprintf(&b, "    - {so: %d, hien_trang: %s}\n", so, st)
	}
	return replaceRe(t, s, `(?ms)^  danh_gia:\n.*?\n\n`, b.String()+"\n")
}

// naSangPhinNoProvince is Nà Sàng Phìn's plan without its provincial set:
// the indicators the set adds are typed in full, as they were before.
func naSangPhinNoProvince(t *testing.T, s string) string {
	return edit(t, s,
		"  bo_tinh: bo-tieu-chi-tinh.yaml\n", "",
		`{ma: "2.2", hien_trang: "46", ke_hoach: "58"}`, `{ma: "2.2", ten: "Tỷ lệ đường thôn, bản được cứng hóa", don_vi: "%", quy_dinh: ≥ 70, hien_trang: "46", ke_hoach: "58"}`,
		`{ma: "4.2", hien_trang: "91,2"}`, `{ma: "4.2", ten: Tỷ lệ hộ có đăng ký trực tiếp và được sử dụng điện sinh hoạt, don_vi: "%", quy_dinh: ≥ 95, hien_trang: "91,2"}`)
}

// Real plan pairs across the period boundary and across a provincial set:
// the report opens with the period, the programme, the set and its counts,
// then the legal bases as Load resolved them (defaults included), then the
// rest; names and thresholds that only the data fills in count.
func TestPeriodChange(t *testing.T) {
	t.Parallel()
	const (
		eaToLo     = "../../testdata/corpus/ea-to-lo/2026.yaml"
		muongKhoa  = "../../plans/muong-khoa/2025.yaml"
		naSangPhin = "../../testdata/corpus/na-sang-phin/2025.yaml"
	)
	type side struct {
		path string
		edit func(*testing.T, string) string
	}
	nq257 := "Nghị quyết số 257/2025/QH15 ngày 11/12/2025 của Quốc hội phê duyệt chủ trương đầu tư Chương trình mục tiêu quốc gia xây dựng nông thôn mới, giảm nghèo bền vững và phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2026 - 2035"
	nq424 := "Nghị quyết số 424/NQ-CP ngày 30/12/2025 của Chính phủ ban hành Kế hoạch thực hiện Nghị quyết số 257/2025/QH15 của Quốc hội phê duyệt chủ trương đầu tư Chương trình mục tiêu quốc gia xây dựng nông thôn mới, giảm nghèo bền vững và phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2026 - 2035"
	qd417 := "Quyết định số 417/QĐ-BNNMT ngày 31/01/2026 của Bộ trưởng Bộ Nông nghiệp và Môi trường phê duyệt Chương trình mục tiêu quốc gia xây dựng nông thôn mới, giảm nghèo bền vững và phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2026 - 2035, giai đoạn I: từ năm 2026 đến năm 2030"
	qd51 := "Quyết định số 51/2025/QĐ-TTg ngày 29/12/2025 của Thủ tướng Chính phủ ban hành Bộ tiêu chí quốc gia về nông thôn mới giai đoạn 2026 - 2030"
	period := []string{
		"== Giai đoạn và bộ tiêu chí ==",
		"sửa  giai đoạn: 2021 - 2025 → 2026 - 2030",
		"sửa  Chương trình: Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 - 2025 → Chương trình mục tiêu quốc gia xây dựng nông thôn mới, giảm nghèo bền vững và phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2026 - 2035",
		"sửa  bộ tiêu chí: Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021 - 2025 (Quyết định số 318/QĐ-TTg, 19 tiêu chí) → Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2026 - 2030 (Quyết định số 51/2025/QĐ-TTg, 10 tiêu chí)",
	}
	names := []string{
		"sửa  tên Chương trình: … dựng nông thôn mới [-(NTM)-] {+(NTM), giảm nghèo bền vững và phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi+}",
		"sửa  tên ngắn Chương trình: Chương trình MTQG [-xây dựng NTM-]",
	}
	cat := func(parts ...[]string) []string {
		var out []string
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	tests := []struct {
		name     string
		old, new side
		want     []string // the report's lines, Text(false) without the header and the count
	}{
		{"Ea Tơ Lơ 2025 → 2026, both on the period's defaults", side{eaToLo, eaToLo2025}, side{eaToLo, nil}, cat(period, []string{
			"sửa  số tiêu chí đã đạt đầu năm: 12/19 → 6/10",
			"sửa  số tiêu chí đạt cuối năm: 13/19 → 8/10",
			"sửa  ngưỡng chỉ tiêu của xã theo: vùng Tây Nguyên → xã nhóm 3",
			"== Căn cứ ==",
			"thêm  căn cứ thứ 1: " + nq257,
			"thêm  căn cứ thứ 2: " + nq424,
			"thêm  căn cứ thứ 3: " + qd417,
			"thêm  căn cứ thứ 4: " + qd51,
			"thêm  căn cứ thứ 5: Kế hoạch số 46/KH-UBND ngày 27/02/2026 của UBND tỉnh Đắk Lắk thực hiện Chương trình mục tiêu quốc gia năm 2026 trên địa bàn tỉnh",
			"bỏ  căn cứ thứ 1: Quyết định số 263/QĐ-TTg ngày 22/02/2022 của Thủ tướng Chính phủ phê duyệt Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 - 2025",
			"bỏ  căn cứ thứ 2: Quyết định số 318/QĐ-TTg ngày 08/3/2022 của Thủ tướng Chính phủ ban hành Bộ tiêu chí quốc gia về xã nông thôn mới và Bộ tiêu chí quốc gia về xã nông thôn mới nâng cao giai đoạn 2021 - 2025",
			"bỏ  căn cứ thứ 3: Kế hoạch số 31/KH-UBND ngày 20/02/2025 của UBND tỉnh Đắk Lắk thực hiện Chương trình mục tiêu quốc gia năm 2025 trên địa bàn tỉnh",
			"== Văn bản ==",
			"sửa  năm kế hoạch: 2025 → 2026",
			"sửa  trích yếu: … xây dựng nông thôn [-mới-] {+mới, giảm nghèo bền vững và phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi+} năm [-2025-] {+2026+} trên địa bàn xã …",
		}, names)},
		{"Mường Khoa 2025 (typed names and bases) → 2026 on the defaults", side{muongKhoa, nil}, side{muongKhoa, muongKhoa2026}, cat(period, []string{
			"sửa  số tiêu chí đã đạt đầu năm: 12/19 → 5/10",
			"sửa  số tiêu chí đạt cuối năm: 13/19 → 6/10",
			"sửa  ngưỡng chỉ tiêu của xã theo: vùng Trung du và miền núi phía Bắc → (tệp xã chưa ghi nhom_xa)",
			"sửa  bộ tiêu chí của tỉnh: Quyết định số 1487/QĐ-UBND ngày 22/10/2024 của UBND tỉnh Lai Châu → (không có)",
			"== Căn cứ ==",
			"thêm  căn cứ thứ 1: " + nq257,
			"thêm  căn cứ thứ 2: " + nq424,
			"thêm  căn cứ thứ 3: " + qd417,
			"thêm  căn cứ thứ 4: " + qd51,
			"bỏ  căn cứ thứ 1: Quyết định số 263/QĐ-TTg ngày 22/02/2022 của Thủ tướng Chính phủ phê duyệt Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021-2025",
			"bỏ  căn cứ thứ 2: Quyết định số 1487/QĐ-UBND ngày 22/10/2024 của UBND tỉnh Lai Châu ban hành Bộ tiêu chí về xã nông thôn mới, xã nông thôn mới nâng cao, huyện nông thôn mới tỉnh Lai Châu giai đoạn 2021-2025",
			"bỏ  căn cứ thứ 3: Quyết định số 37-QĐ/ĐU ngày 29/7/2025 của Đảng ủy xã Mường Khoa về thành lập Ban Chỉ đạo các chương trình mục tiêu quốc gia giai đoạn 2021-2025 xã Mường Khoa",
			"== Văn bản ==",
			"sửa  năm kế hoạch: 2025 → 2026",
			"sửa  trích yếu: … nông thôn mới năm [-2025-] {+2026+} trên địa bàn xã …",
		}, names)},
		{"Nà Sàng Phìn without → with its provincial set (same period)", side{naSangPhin, naSangPhinNoProvince}, side{naSangPhin, nil}, []string{
			"== Giai đoạn và bộ tiêu chí ==",
			"sửa  bộ tiêu chí của tỉnh: (không có) → Quyết định số 2468/QĐ-UBND ngày 16/9/2022 của UBND tỉnh Điện Biên",
			"== Căn cứ ==",
			"thêm  căn cứ thứ 3: Quyết định số 2468/QĐ-UBND ngày 16/9/2022 của UBND tỉnh Điện Biên ban hành Bộ tiêu chí xã nông thôn mới, xã nông thôn mới nâng cao tỉnh Điện Biên giai đoạn 2021 - 2025",
			// 2.2 and 4.2, typed before, read the same from the set: no change.
			"== Tiêu chí ==",
			"sửa  chỉ tiêu 15.3 “Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi (chi…”, chỉ tiêu quy định: ≤ 24 → ≤ 22",
		}},
		{"same period and sets: no period section, a base reworded", side{eaToLo, nil}, side{eaToLo, func(t *testing.T, s string) string {
			return edit(t, s, "trich_yeu: thực hiện Chương trình mục tiêu quốc gia năm 2026", "trich_yeu: về thực hiện Chương trình mục tiêu quốc gia năm 2026")
		}}, []string{
			"== Căn cứ ==",
			"sửa  căn cứ “Kế hoạch số 46/KH-UBND”: … UBND tỉnh Đắk Lắk {+về+} thực hiện Chương trình …",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := repoPlan(t, tc.old.path, tc.old.edit)
			b := repoPlan(t, tc.new.path, tc.new.edit)
			r := Compare(a, b)
			var got []string
			for _, l := range strings.Split(r.Text(false), "\n")[1:] {
				if l = strings.TrimSpace(l); l != "" && !strings.HasSuffix(l, "thay đổi.") {
					got = append(got, l)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if back := Compare(b, a); back.Equal() || back.Changes[0].Section != r.Changes[0].Section {
				t.Errorf("the other way round opens with %v; want %s", back.Changes, r.Changes[0].Section)
			}
		})
	}
}

// Bases moved, not added and removed: the same documents in another order.
func TestBasesMoved(t *testing.T) {
	t.Parallel()
	path := "../../testdata/corpus/binh-lac-dien/2027.yaml"
	a := repoPlan(t, path, nil)
	b := repoPlan(t, path, nil)
	b.CanCu[4], b.CanCu[5] = b.CanCu[5], b.CanCu[4]
	r := Compare(a, b)
	want := "chuyển chỗ  căn cứ “Kế hoạch số 27/KH-UBND”: thứ 5 → thứ 6"
	if len(r.Changes) != 1 || !strings.Contains(r.Text(false), want) {
		t.Errorf("got:\n%s\nwant one change: %s", r.Text(false), want)
	}
}
