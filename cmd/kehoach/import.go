package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"kehoach/internal/extract/limits"
	"kehoach/internal/importer"
	"kehoach/internal/oserr"
	"kehoach/internal/safefile"
	"kehoach/internal/yamlx"
)

var importCmd = &Command{
	Name:      "import",
	UsageLine: "kehoach import TỆP.docx|TỆP.txt [-o THƯ_MỤC]",
	Short:     "đọc văn bản Kế hoạch đã có (Word .docx hay văn bản .txt) thành dự thảo tệp kế hoạch, kèm tệp xã nếu chưa có",
	Long: `Đọc một văn bản Kế hoạch đã có — tệp Word (.docx) của năm trước, hay chữ của
nó (.txt, UTF-8) — và ghi dự thảo tệp kế hoạch YAML ở định dạng chuẩn (như
kehoach fmt), cùng tệp xã xa.yaml nếu thư mục chưa có, ví dụ
  kehoach import "Ke hoach NTM 2025.docx"
ghi plans/<mã xã>/2025.yaml và plans/<mã xã>/xa.yaml (mã xã lấy từ tên xã,
không dấu). -o THƯ_MỤC ghi vào THƯ_MỤC. Không bao giờ ghi đè tệp kế hoạch đã
có; tệp xã đã có được giữ nguyên.

Lệnh đọc: số, ngày, tên cơ quan, địa danh; trích yếu; từng căn cứ (loại, số,
ngày, cơ quan, trích yếu); mục tiêu chung, số tiêu chí đạt (“12/19”), tiêu chí
phấn đấu (“Tiêu chí số 17”, đối chiếu với bộ tiêu chí của năm), từng chỉ tiêu
(tên, so sánh, giá trị, đơn vị); các nhóm nhiệm vụ với đoạn văn, ý “-”, ý nhỏ
“+” và dòng “(Chi tiết có biểu số … kèm theo)”; từng nguồn vốn và nguồn con
với số tiền; giải pháp; tổ chức thực hiện; câu kết; Nơi nhận (ghi chú b/c,
t/h, dòng Lưu); khối chữ ký (TM., KT., chức vụ, họ tên); chữ đậm, nghiêng
trong tệp Word thành **đậm**, *nghiêng*. Với văn bản do kehoach tạo, lệnh đọc
thêm các biểu: tình trạng từng tiêu chí (Biểu 01), cây nguồn vốn (Biểu 02),
công trình (Biểu 03), phân bổ vốn sự nghiệp (Biểu 04).

Chỗ nào không chắc được giữ nguyên chữ, có ghi chú “# TODO: kiểm tra …” ngay
tại chỗ đó. Lệnh in (ra stderr) danh sách các chỗ đó (tệp:dòng), mọi con số
không khớp với các phần của nó (ví dụ “Vốn lồng ghép: 2.256 ≠ 602 + 1.954”) và
những chỗ đã sửa cách viết. Lệnh không bao giờ tự đặt ra một con số. Sửa xong
các chỗ TODO thì chạy kehoach check rồi kehoach build.

Tệp lạ (hỏng, nén quá mức, XML quá sâu) bị từ chối với lỗi rõ ràng, không ghi
tệp nào (giới hạn: README, mục “Giới hạn đầu vào”).

Mã thoát: 0 đã ghi dự thảo (kể cả khi còn chỗ TODO), 1 từ chối (tệp kế hoạch
đã có, văn bản không phải Kế hoạch), 2 lỗi cách dùng hoặc lỗi đọc/ghi tệp.
`,
	Flags: func(fl *flag.FlagSet) Runner {
		dir := outDirFlag(fl, "", "ghi dự thảo vào `THƯ_MỤC` (mặc định plans/<mã xã>)")
		return func(c *Context, args []string) int { return runImport(c, args, *dir) }
	},
}

func runImport(c *Context, args []string, dir string) int {
	if len(args) != 1 {
		return c.UsageError("cần đúng một tệp .docx hoặc .txt.")
	}
	src := args[0]
	if st, err := os.Stat(src); err == nil && st.IsDir() {
		c.Errorf("%s", limits.Visible(src+": là thư mục, không phải tệp; hãy chỉ một tệp .docx hoặc .txt."))
		return 2
	}
	data, err := safefile.ReadFile(src, limits.MaxFileBytes)
	if err != nil {
		// The OS causes in Vietnamese, and the file named where the
		// message does not name it (safefile's own errors).
		msg := oserr.Text(err)
		if !strings.Contains(msg, src) {
			msg = src + ": " + msg
		}
		c.Errorf("%s", limits.Visible(msg))
		return 2
	}
	ps, err := importer.Read(src, data)
	if err != nil {
		c.Errorf("%s", limits.Visible(err.Error()))
		return 2
	}
	// The commune folder: -o, else plans/<mã xã>; the result names the code.
	r, err := importer.Convert(ps, importer.Options{Source: src})
	if err != nil {
		c.Errorf("%s", limits.Visible(err.Error()))
		if errors.Is(err, importer.ErrNotPlan) {
			return 1
		}
		return 2
	}
	if dir == "" {
		dir = filepath.Join("plans", r.Ma)
	}
	// A commune file already in the folder stands: the draft refers to its
	// units, and no commune file is written.
	if xa, err := safefile.ReadFile(filepath.Join(dir, r.CommuneName), yamlx.MaxFileBytes); err == nil {
		if r, err = importer.Convert(ps, importer.Options{Source: src, Commune: xa}); err != nil {
			c.Errorf("%s", limits.Visible(err.Error()))
			return 2
		}
	}
	written, err := importer.Write(r, dir)
	if err != nil {
		c.Errorf("%v", err)
		if errors.Is(err, importer.ErrExists) {
			return 1
		}
		return 2
	}
	for _, w := range written {
		fmt.Fprintf(c.Stdout, "Đã ghi %s\n", w)
	}
	fmt.Fprintf(c.Stdout, "Đã đọc: %s.\n", r.Summary)
	if enc := importer.Encoding(src, data); enc != "" {
		fmt.Fprintf(c.Stderr, "Đã đọc %s theo bảng mã %s và chuyển sang Unicode (UTF-8); hãy xem lại chữ có dấu trong dự thảo.\n", src, enc)
	}
	importer.Report(c.Stderr, r, dir)
	return 0
}
