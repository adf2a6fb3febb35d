package importer

import (
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v4"

	"kehoach/internal/extract/para"
)

// fields writes a mapping's scalar fields as key=value, in order, with a
// mark when the node carries a TODO.
func fields(n *yaml.Node) string {
	var b []string
	if strings.Contains(n.HeadComment, "TODO") {
		b = append(b, "TODO")
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if strings.Contains(n.Content[i].HeadComment, "TODO") {
			b = append(b, "TODO")
		}
		b = append(b, n.Content[i].Value+"="+n.Content[i+1].Value)
	}
	return strings.Join(b, " ")
}

func TestCitation(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Căn cứ Quyết định số 263/QĐ-TTg ngày 22/02/2022 của Thủ tướng Chính phủ phê duyệt Chương trình MTQG xây dựng NTM giai đoạn 2021-2025;",
			"loai=Quyết định so=263/QĐ-TTg ngay=2022-02-22 co_quan=Thủ tướng Chính phủ trich_yeu=phê duyệt Chương trình MTQG xây dựng NTM giai đoạn 2021-2025"},
		{"Căn cứ Quyết định số 37- QĐ/ĐU ngày 29/7/2025 của Đảng ủy xã Mường Khoa về thành lập Ban Chỉ đạo.",
			"loai=Quyết định so=37-QĐ/ĐU ngay=2025-07-29 co_quan=Đảng ủy xã Mường Khoa trich_yeu=về thành lập Ban Chỉ đạo"},
		{"Căn cứ Quyết định số 417/QĐ-BNNMT ngày 31/01/2026 của Bộ trưởng Bộ Nông nghiệp và Môi trường phê duyệt Chương trình;",
			"loai=Quyết định so=417/QĐ-BNNMT ngay=2026-01-31 co_quan=Bộ trưởng Bộ Nông nghiệp và Môi trường trich_yeu=phê duyệt Chương trình"},
		{"Căn cứ Nghị quyết số 41/NQ-HĐND ngày 18/12/2026 của HĐND xã Bình Lạc Điền về kế hoạch đầu tư công.",
			"loai=Nghị quyết so=41/NQ-HĐND ngay=2026-12-18 co_quan=HĐND xã Bình Lạc Điền trich_yeu=về kế hoạch đầu tư công"},
		{"Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
			"loai=Nghị định so=30/2020/NĐ-CP ngay=2020-03-05 co_quan=Chính phủ trich_yeu=về công tác văn thư"},
		// No agency: kept as text, marked.
		{"Căn cứ tình hình thực tế của địa phương;", "TODO loai=tình trich_yeu=hình thực tế của địa phương"},
	} {
		im := &importer{src: "x.txt"}
		if got := fields(im.citation(line{text: c.in, src: 1})); got != c.want {
			t.Errorf("%s\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

func TestIndicator(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Thu nhập bình quân đầu người đạt ≥ 54 triệu đồng/năm.", "ten=Thu nhập bình quân đầu người đạt so_sanh=>= gia_tri=54 don_vi=triệu đồng/năm"},
		{"Tỷ lệ hộ nghèo đa chiều ≤ 11%.", "ten=Tỷ lệ hộ nghèo đa chiều so_sanh=<= gia_tri=11 don_vi=%"},
		{"Tỷ lệ người dân tham gia bảo hiểm y tế (áp dụng đạt cho cả nam và nữ): ≥ 60% dân số.", "ten=Tỷ lệ người dân tham gia bảo hiểm y tế (áp dụng đạt cho cả nam và nữ): so_sanh=>= gia_tri=60 don_vi=% dân số"},
		{"Tỷ lệ thu gom bao gói thuốc BVTV đạt 100%.", "ten=Tỷ lệ thu gom bao gói thuốc BVTV đạt gia_tri=100 don_vi=%"},
		{"Diện tích chè 1.282,2 ha.", "ten=Diện tích chè gia_tri=1282.2 don_vi=ha"},
		{"Tỷ lệ trẻ em suy dinh dưỡng < 18,92%.", "ten=Tỷ lệ trẻ em suy dinh dưỡng so_sanh=< gia_tri=18.92 don_vi=%"},
		// No figure: kept as the name, marked, value 0 to enter.
		{"Giữ vững an ninh trật tự.", "TODO ten=Giữ vững an ninh trật tự. gia_tri=0"},
	} {
		if got := fields(indicator(c.in)); got != c.want {
			t.Errorf("%s\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

func TestSource(t *testing.T) {
	for _, c := range []struct{ in, want, mismatch string }{
		{"Ngân sách xã: 40 triệu đồng.", "ma=ns-xa ten=Ngân sách xã so_tien=40", ""},
		{"Vốn Ngân sách Trung ương: 1.304 triệu đồng (trong đó: Vốn đầu tư 504 triệu đồng; vốn sự nghiệp 800 triệu đồng).",
			"ma=nstw ten=Vốn Ngân sách Trung ương tong=1304 con=", ""},
		{"Vốn lồng ghép: 2.256 triệu đồng (trong đó: Vốn A 602 triệu đồng; Vốn B 1.954 triệu đồng).",
			"TODO ma=long-ghep ten=Vốn lồng ghép tong=2256 con=", "Vốn lồng ghép: 2.256 ≠ 602 + 1.954"},
	} {
		im := &importer{src: "x.txt"}
		n, _, ok := im.source(c.in, line{src: 7})
		if !ok {
			t.Errorf("%s: not read", c.in)
			continue
		}
		if got := fields(n); got != c.want {
			t.Errorf("%s\n got %s\nwant %s", c.in, got, c.want)
		}
		var ms []string
		for _, m := range im.mismatch {
			ms = append(ms, m.Text)
		}
		if got := strings.Join(ms, "; "); got != c.mismatch {
			t.Errorf("%s: mismatch %q, want %q", c.in, got, c.mismatch)
		}
	}
	im := &importer{}
	if _, _, ok := im.source("Vốn khác: chưa rõ.", line{}); ok {
		t.Error("a source without an amount was read")
	}
}

// A hard-wrapped text file's lines are joined into its paragraphs; an
// element of the plan always starts one.
func TestReflow(t *testing.T) {
	src := strings.Join([]string{
		"Căn cứ Quyết định số 1 ngày 01/01/2025 của UBND tỉnh",
		"Lai Châu ban hành Bộ tiêu chí;",
		"1. Nâng cao hiệu quả quản lý và thực hiện xây dựng NTM theo quy hoạch",
		"Tiếp tục rà soát, cập nhật lại quy hoạch xây dựng nông thôn mới phù hợp địa",
		"giới, dân cư sau sáp nhập.",
		"- Thực hiện có hiệu quả cuộc vận động “Toàn dân đoàn kết xây dựng",
		"NTM, đô thị văn minh” do Ủy ban MTTQ Việt Nam phát động.",
		"4. Văn phòng HĐND và UBND xã, Ban Chỉ huy Quân sự, Công an xã,",
		"Trạm y tế xã",
		"Căn cứ chức năng, nhiệm vụ được giao.",
		"Tổng nguồn lực thực hiện Chương trình năm 2025:",
		"3.900 triệu đồng, trong đó:",
		"+ Duy trì vùng chè",
	}, "\n")
	var got []string
	for _, l := range reflow(lines(textParas(src))) {
		got = append(got, l.text)
	}
	want := []string{
		"Căn cứ Quyết định số 1 ngày 01/01/2025 của UBND tỉnh Lai Châu ban hành Bộ tiêu chí;",
		"1. Nâng cao hiệu quả quản lý và thực hiện xây dựng NTM theo quy hoạch",
		"Tiếp tục rà soát, cập nhật lại quy hoạch xây dựng nông thôn mới phù hợp địa giới, dân cư sau sáp nhập.",
		"- Thực hiện có hiệu quả cuộc vận động “Toàn dân đoàn kết xây dựng NTM, đô thị văn minh” do Ủy ban MTTQ Việt Nam phát động.",
		"4. Văn phòng HĐND và UBND xã, Ban Chỉ huy Quân sự, Công an xã, Trạm y tế xã",
		"Căn cứ chức năng, nhiệm vụ được giao.",
		"Tổng nguồn lực thực hiện Chương trình năm 2025: 3.900 triệu đồng, trong đó:",
		"+ Duy trì vùng chè",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("reflow:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Emphasis on part of a paragraph becomes the plan's markup; emphasis on
// all of it is the document's style (a heading, a căn cứ) and is dropped.
func TestMarkup(t *testing.T) {
	for _, c := range []struct {
		runs []para.Run
		want string
	}{
		{[]para.Run{{Text: "xây dựng cảnh quan "}, {Text: "sáng - xanh", Bold: true}, {Text: ", an toàn"}}, "xây dựng cảnh quan **sáng - xanh**, an toàn"},
		{[]para.Run{{Text: "bảo tồn "}, {Text: "không gian ", Italic: true}, {Text: "văn hóa", Italic: true, Bold: true}}, "bảo tồn *không gian* ***văn hóa***"},
		{[]para.Run{{Text: "1. Mục tiêu chung", Bold: true}}, "1. Mục tiêu chung"},
		{[]para.Run{{Text: "giá 5*3 "}, {Text: "đậm", Bold: true}}, `giá 5\*3 **đậm**`},
	} {
		ls := lines([]para.Para{{Runs: c.runs}})
		if len(ls) != 1 || ls[0].md != c.want {
			t.Errorf("%+v: got %+v, want %q", c.runs, ls, c.want)
		}
	}
}

func TestTitleAndNumbers(t *testing.T) {
	for in, want := range map[string]string{"PHÓ CHỦ TỊCH": "Phó Chủ tịch", "CHỦ TỊCH": "Chủ tịch", "CHÁNH VĂN PHÒNG": "Chánh Văn phòng"} {
		if got := title(in); got != want {
			t.Errorf("title(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"1.304": "1.304", "3.900": "3.900", "1.282,2": "1.282,2", "64,3": "64,3", "40": "40", "0,5": "0,5"} {
		d, err := docNumber(in)
		if err != nil || d.String() != want {
			t.Errorf("docNumber(%q) = %v, %v", in, d, err)
		}
	}
	for _, bad := range []string{"1,304.5", "12.34", "1.2.3"} {
		if _, err := docNumber(bad); err == nil {
			t.Errorf("docNumber(%q) read", bad)
		}
	}
}
