package main

import (
	"os"
	"strings"
	"testing"

	"kehoach/internal/testkit"
)

// check finds the typing slips and a legacy-font phrase written into the
// 2025 plan, one per line, each at its line and column (#18 deliver 2, 3),
// and check -fix repairs the safe ones.
func TestCheckTypingSlips(t *testing.T) {
	edits := [][2]string{
		{"gắn với thực hiện có hiệu quả cơ cấu", "gắn với với thực hiện có hiệu quả cơ cấu"},
		{"phát triển kinh tế nông thôn; nâng cao", "phát triển kinh tế nông thôn;; nâng cao"},
		{"thần của người dân nông thôn; xây dựng hạ tầng", "thần của người dân nông thôn; xaay dựng hạ tầng"},
		{"cảnh quan nông thôn sáng, xanh, sạch", "cảnh quan nông thôn sáng,xanh, sạch"},
		{"giàu bản sắc văn hóa truyền thống", "giàu bản sắc v¨n hãa truyền thống"},
		{"co_quan: UBND tỉnh Lai Châu", "co_quan: UNBD tỉnh Lai Châu"},
		{"điểm dân cư nông thôn, quy hoạch sử dụng đất.", "điểm dân cư nông thôn, qui hoạch sử dụng đất."},
		{"góp phần nâng cao đời sống văn hóa", "góp phần na6ng cao đời sống văn hóa"},
	}
	p := testkit.CopyPlan(t, t.TempDir(), "muong-khoa", "2025.yaml", func(s string) string {
		for _, r := range edits {
			if strings.Count(s, r[0]) != 1 {
				t.Fatalf("plan has %d of %q", strings.Count(s, r[0]), r[0])
			}
			s = strings.Replace(s, r[0], r[1], 1)
		}
		return s
	})
	code, stdout, stderr := runArgs("check", p)
	out := stdout + stderr
	for _, want := range []string{
		"2025.yaml:51:64: [lap-tu] “với với”: từ “với” bị gõ lặp — gợi ý: xóa “với” thứ hai",
		"2025.yaml:52:56: [dau-cau-lap] dấu “;;” bị gõ lặp — gợi ý: chỉ để một dấu “;”",
		"2025.yaml:53:35: [go-telex] “xaay” còn sót phím gõ Telex (bộ gõ chưa bật tiếng Việt) — gợi ý: viết “xây”",
		"2025.yaml:54:64: [thieu-khoang] thiếu khoảng trắng sau dấu “,” — gợi ý: viết “, ” rồi mới đến chữ tiếp theo",
		"2025.yaml:55:18: [legacy-tcvn3] đoạn “v¨n hãa” bị lỗi phông: gõ bằng bảng mã TCVN3 (ABC, phông .VnTime), dán vào văn bản Unicode — gợi ý: chuyển đoạn này sang Unicode (Unikey Toolkit hoặc EVKey), kết quả: “văn hóa”",
		"2025.yaml:35:14: [viet-tat-sai] chữ viết tắt “UNBD” sai: có lẽ là “UBND” — gợi ý: viết “UBND”",
		"2025.yaml:158:36: [qui-quy] “qui” là cách viết cũ — gợi ý: viết “quy” (quy định, quy hoạch, quý)",
		"2025.yaml:194:22: [go-vni] “na6ng” còn sót phím số của kiểu gõ VNI (bộ gõ chưa bật tiếng Việt) — gợi ý: viết “nâng”",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("check lacks %q\n%s", want, out)
		}
	}
	if code != 1 {
		t.Errorf("exit %d, want 1 (go-telex is an error)", code)
	}
	if code, stdout, stderr := runArgs("check", "-fix", p); !strings.Contains(stdout, "đã sửa") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	b, _ := os.ReadFile(p)
	for _, r := range edits {
		if !strings.Contains(string(b), r[0]) {
			t.Errorf("not fixed back to %q", r[0])
		}
	}
}

// check warns of “Kính gửi” written in a Kế hoạch, at its line and column
// (#18 deliver 7); it has no automatic fix.
func TestCheckKinhGui(t *testing.T) {
	p := testkit.CopyPlan(t, t.TempDir(), "muong-khoa", "2025.yaml", func(s string) string {
		const old = "            Tiếp tục rà soát, cập nhật lại quy hoạch"
		if strings.Count(s, old) != 1 {
			t.Fatalf("plan lacks %q", old)
		}
		return strings.Replace(s, old, "            Kính gửi các ban, ngành: tiếp tục rà soát, cập nhật lại quy hoạch", 1)
	})
	_, stdout, stderr := runArgs("check", p)
	want := "2025.yaml:156:13: [kinh-gui] “Kính gửi” không dùng trong Kế hoạch (Nghị định 30, Phụ lục I: chỉ công văn, tờ trình, báo cáo gửi cấp trên mới có “Kính gửi”) — gợi ý: bỏ “Kính gửi”; cơ quan, đơn vị nhận Kế hoạch ghi ở mục Nơi nhận (noi_nhan.nhan) (cảnh báo)"
	if !strings.Contains(stdout+stderr, want) {
		t.Errorf("check lacks %q:\n%s%s", want, stdout, stderr)
	}
}
