package importer

import (
	"errors"
	"strings"
	"testing"
	"time"

	"kehoach/internal/extract/txt"
	"kehoach/internal/planfmt"
)

// FuzzImport: any text the reader accepts imports without a panic, in
// bounded time, either to an error that says the text is no Kế hoạch or
// to a draft in canonical form whose every TODO is a comment line of its
// own.
func FuzzImport(f *testing.F) {
	f.Add([]byte("KẾ HOẠCH\nThực hiện năm 2025 trên địa bàn xã Tân Lợi\nỦy ban nhân dân xã Tân Lợi xây dựng Kế hoạch thực hiện Chương trình năm 2025, như sau:\nI. MỤC TIÊU\n1. Mục tiêu chung\nPhát triển.\n2. Mục tiêu cụ thể\n- Duy trì, nâng cao chất lượng 12/19 tiêu chí đã đạt.\n- Các chỉ tiêu chủ yếu:\n+ Thu nhập đạt ≥ 54 triệu đồng/năm.\n"))
	f.Add([]byte("KẾ HOẠCH\nỦy ban nhân dân xã A xây dựng Kế hoạch thực hiện B năm 2026, như sau:\nIII. DỰ KIẾN NGUỒN LỰC\nTổng nguồn lực thực hiện B năm 2026: 10 triệu đồng, trong đó:\n- Vốn X: 5 triệu đồng (trong đó: Vốn đầu tư 2 triệu đồng; vốn sự nghiệp 2 triệu đồng).\n- Lưu: VT.\nNơi nhận:\n- Sở; (B/c)\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A\n"))
	f.Add([]byte("KẾ HOẠCH\n1. *x* **y\nCăn cứ số ngày 32/13/2025 của;\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ps, err := txt.Paragraphs(data)
		if err != nil || len(ps) == 0 {
			return
		}
		start := time.Now()
		r, err := Convert(ps, Options{Source: "x.txt"})
		if d := time.Since(start); d > 5*time.Second {
			t.Fatalf("Convert took %v", d)
		}
		if err != nil {
			if !errors.Is(err, ErrNotPlan) {
				t.Fatalf("error that is not ErrNotPlan: %v", err)
			}
			return
		}
		if canon, err := planfmt.Format(r.PlanName, r.Plan); err != nil || string(canon) != string(r.Plan) {
			t.Fatalf("draft not canonical (%v):\n%s", err, r.Plan)
		}
		for i, l := range strings.Split(string(r.Plan), "\n") {
			if strings.Contains(l, "TODO: kiểm tra") && !strings.HasPrefix(strings.TrimSpace(l), "# TODO: kiểm tra") {
				t.Fatalf("line %d: TODO shares its line: %q", i+1, l)
			}
		}
	})
}
