package main

import (
	"flag"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"kehoach/internal/annex"
	"kehoach/internal/build"
	"kehoach/internal/compose"
	"kehoach/internal/diag"
	"kehoach/internal/fileset"
	"kehoach/templates"
)

var buildCmd = &Command{
	Name:      "build",
	UsageLine: "kehoach build [-o THƯ_MỤC] [-j N] [-tong-ket] [-ban-trinh] [-dien-tu] [-luu-tru[=2b|1b]] [-gan-the] [-phong T,Đ,N,ĐN] [KẾ_HOẠCH|THƯ_MỤC …]",
	Short: `kiểm tra và tạo văn bản vào thư mục out/ (mặc định: mọi kế hoạch trong plans/);
nhiều kế hoạch được dựng song song trên mọi lõi CPU, kèm bảng tổng kết`,
	Long: `Kiểm tra từng kế hoạch rồi tạo văn bản DOCX, PDF và sổ tính các biểu XLSX
(Biểu số 01–04) vào THƯ_MỤC. Không ghi kế hoạch nào thì dựng mọi kế hoạch trong
thư mục plans/; ghi một thư mục thì dựng mọi kế hoạch trong thư mục đó.
Kế hoạch có lỗi không được tạo văn bản và không làm dừng các kế hoạch khác.

Mỗi tệp được ghi ra tệp tạm rồi đổi tên, nên không bao giờ có tệp ghi dở. Lệnh
in ra phông chữ đã dùng; khi dựng nhiều kế hoạch, màn hình có thanh tiến độ và
cuối cùng là bảng tổng kết (kế hoạch, số trang, số tệp, thời gian, cảnh báo).

Với -ban-trinh, lệnh tạo bản trình lãnh đạo xem xét thay cho văn bản: mọi
trang có dòng “BẢN TRÌNH LÃNH ĐẠO XEM XÉT - KHÔNG BAN HÀNH”, phần nội dung in
trong cột hẹp hơn và lý do của từng mục (khóa ly_do trong kế hoạch: nhóm nhiệm
vụ, nội dung, chỉ tiêu, nguồn vốn, tiêu chí ở Biểu 01, công trình ở Biểu 03,
nội dung ở Biểu 04) in ở cột ghi chú bên phải, ngang dòng đầu của mục; ở các
biểu, lý do in ở dòng ngay dưới dòng của mục. Chỉ ghi DOCX và PDF, tên tệp có
thêm -ban-trinh (out/ke-hoach-ntm-2025-muong-khoa-ban-trinh.pdf), không ghi đè
và không đổi các tệp văn bản. Văn bản (build không có -ban-trinh) và lệnh issue
không bao giờ in lý do.

Với -dien-tu (hoặc khi kế hoạch ghi van_ban.ban_hanh: dien_tu), lệnh tạo văn
bản điện tử để ký số trên Hệ thống quản lý văn bản thay cho văn bản giấy: để
trống số và ngày, tháng ban hành (Hệ thống cấp khi ký, Nghị định 30 Điều 15.3),
để trống số, ngày của dòng “(Kèm theo Kế hoạch số …)” ở các biểu, không in
“DỰ THẢO”, chừa chỗ hình chữ ký và hình dấu. Tên tệp có thêm -dien-tu
(out/ke-hoach-ntm-2025-muong-khoa-dien-tu.pdf, …-dien-tu-bieu.xlsx), kèm dữ
liệu đặc tả văn bản đi theo Phụ lục VI Nghị định 30 ở …-dien-tu-dac-ta.xml và
…-dien-tu-dac-ta.json; không ghi đè tệp của văn bản giấy. PDF điện tử có
trường chữ ký số trống (AcroForm /Sig) đúng chỗ ký giữa chức vụ và họ tên, để
phần mềm ký số đặt hình chữ ký vào đó, và luôn gắn thẻ như với -gan-the.

Với -luu-tru, tệp PDF theo chuẩn lưu trữ lâu dài PDF/A-2b (ISO 19005-2);
-luu-tru=1b cho PDF/A-1b (ISO 19005-1, TCVN 14159-1:2024): siêu dữ liệu XMP
có định danh PDF/A và dữ liệu đặc tả Phụ lục VI, hồ sơ màu sRGB, mọi phông
nhúng, mã định danh tệp; tệp vẫn mang tên thường (hoặc -dien-tu) và luôn gắn
thẻ. Với -gan-the, PDF có cây cấu trúc (tiêu đề, đoạn, danh sách, bảng, khối
tiêu đề và khối chữ ký; ngôn ngữ vi-VN) cho trình đọc màn hình và sao chép
đúng thứ tự đọc.

Ví dụ:
  kehoach build
  kehoach build plans/muong-khoa/2025.yaml
  kehoach build plans -o ket-qua
  kehoach build -ban-trinh plans/muong-khoa/2026.yaml
  kehoach build -dien-tu plans/muong-khoa/2025.yaml
  kehoach build -dien-tu -luu-tru plans/muong-khoa/2025.yaml

Mã thoát: 0 thành công, 1 có kế hoạch lỗi, 2 lỗi cách dùng hoặc lỗi đọc/ghi tệp.
`,
	Flags: func(fl *flag.FlagSet) Runner {
		o := &buildOptions{}
		o.out = outDirFlag(fl, "out", "ghi kết quả vào `THƯ_MỤC`")
		o.jobs = jobsFlag(fl)
		fl.BoolVar(&o.summary, "tong-ket", false, "in bảng tổng kết cả khi chỉ có một kế hoạch")
		fl.BoolVar(&o.review, "ban-trinh", false, "tạo bản trình lãnh đạo xem xét (có lý do từng mục, tên tệp …-ban-trinh.docx, .pdf) thay cho văn bản")
		fl.BoolVar(&o.electronic, "dien-tu", false, "tạo văn bản điện tử để ký số (để trống số, ngày cho Hệ thống; tên tệp …-dien-tu.docx, .pdf, -bieu.xlsx, kèm dữ liệu đặc tả -dac-ta.xml, .json) thay cho văn bản giấy")
		fl.Var(&o.archive, "luu-tru", "tạo PDF lưu trữ lâu dài PDF/A-2b (`MỨC`: -luu-tru=1b cho PDF/A-1b), có gắn thẻ")
		fl.BoolVar(&o.tagged, "gan-the", false, "tạo PDF gắn thẻ (cây cấu trúc, ngôn ngữ vi-VN) cho trình đọc màn hình")
		o.fonts = fontFlag(fl)
		return o.run
	},
}

type buildOptions struct {
	out     *string
	jobs    *int
	summary bool
	review  bool
	// electronic: the electronic document (build.Options.Electronic).
	electronic bool
	// archive: PDF/A (build.Options.Archive); tagged: build.Options.Tagged.
	archive archiveFlag
	tagged  bool
	fonts   *fontChoice
}

// archiveFlag is -luu-tru: alone PDF/A-2b, or -luu-tru=2b, -luu-tru=1b.
type archiveFlag struct{ level build.Archive }

func (a *archiveFlag) String() string { return string(a.level) }

// IsBoolFlag lets -luu-tru stand without a value.
func (a *archiveFlag) IsBoolFlag() bool { return true }

func (a *archiveFlag) Set(v string) error {
	switch strings.ToLower(v) {
	case "true", "2b", "a-2b", "pdfa-2b":
		a.level = build.Archive2B
	case "1b", "a-1b", "pdfa-1b":
		a.level = build.Archive1B
	case "false":
		a.level = build.ArchiveNone
	default:
		return fmt.Errorf("kehoach không tạo được PDF/A mức “%s”; hãy dùng -luu-tru (PDF/A-2b) hoặc -luu-tru=1b (PDF/A-1b)", v)
	}
	return nil
}

func (o *buildOptions) run(c *Context, args []string) int {
	stdout, stderr := c.Stdout, c.Stderr
	if o.review && o.electronic {
		c.Errorf("không dùng -ban-trinh cùng -dien-tu: bản trình lãnh đạo không ban hành nên không có bản điện tử; hãy chạy hai lệnh riêng")
		return 2
	}
	if o.review && o.archive.level != build.ArchiveNone {
		c.Errorf("không dùng -ban-trinh cùng -luu-tru: bản trình lãnh đạo không ban hành nên không lưu trữ; hãy chạy hai lệnh riêng")
		return 2
	}
	font, err := o.fonts.family()
	if err != nil {
		c.Errorf("%v", err)
		return 2
	}
	files, err := build.ExpandPaths(args, false)
	if err != nil {
		c.Errorf("%v", err)
		return 2
	}
	// A wording file that does not parse (edited in templates/) is said
	// once, not once per plan.
	for _, name := range []string{compose.WordingFile, annex.WordingFile} {
		if _, err := templates.Text(name); err != nil {
			c.Errorf("%v", err)
			return 2
		}
	}
	fmt.Fprintf(stdout, "Phông chữ: %s.\n", font.Source)
	var progress func(int, int, *build.Result)
	if c.Console(stderr) && len(files) > 1 {
		progress = (&progressBar{w: stderr}).update
	}
	start := time.Now()
	fileset.CleanStale(*o.out)
	// Temporary files of a killed fmt -w, check -sua, issue or new, beside
	// the plans, once stale.
	cleaned := map[string]bool{}
	for _, f := range files {
		if d := filepath.Dir(f); !cleaned[d] {
			cleaned[d] = true
			fileset.CleanStale(d)
		}
	}
	// The collector's settings for this many plans (build.SetGC: none
	// for one plan, 400 % for more, within the memory budget).
	build.SetGC(len(files))
	results := build.Batch(files, build.Options{OutDir: *o.out, Font: font, SourceDate: sourceDateValue, Review: o.review, Electronic: o.electronic, Archive: o.archive.level, Tagged: o.tagged}, *o.jobs, progress)
	status := 0
	for _, r := range results {
		if r.Load != nil {
			report(stderr, r.Load)
		}
		switch {
		case r.Err != nil:
			fmt.Fprintln(stderr, errText(r.Err))
			status = 2
		case r.Load != nil && !r.Load.OK():
			fmt.Fprintf(stderr, "%s: %d lỗi, không tạo văn bản.\n", r.Plan, len(r.Load.Errors))
			if status == 0 {
				status = 1
			}
		default:
			for _, o := range r.Outputs {
				fmt.Fprintf(stdout, "%s → %s (%s KB)\n", r.Plan, o.Path, strconv.Itoa((o.Bytes+1023)/1024))
			}
			buildWarnings(r).Print(stderr)
		}
	}
	if len(results) > 1 || o.summary {
		build.Summary(stdout, results, time.Since(start))
	}
	return status
}

// buildWarnings are the warnings of a plan's build: the annex columns too
// narrow for their words (on the plan), the layout faults (on the PDF, to
// be looked at before printing).
func buildWarnings(r *build.Result) diag.List {
	var l diag.List
	for _, p := range r.Annex {
		l = append(l, &diag.Diagnostic{File: r.Plan, Severity: diag.Warning, Rule: "cot-hep", Msg: p.Message()})
	}
	for _, p := range r.Layout {
		l = append(l, &diag.Diagnostic{File: pdfOutput(r), Severity: diag.Warning, Rule: p.Code, Msg: p.Message(), Hint: "xem trang này trước khi in"})
	}
	return l
}

// pdfOutput is the PDF a build wrote, which layout warnings refer to.
func pdfOutput(r *build.Result) string {
	for _, o := range r.Outputs {
		if strings.HasSuffix(o.Path, ".pdf") {
			return o.Path
		}
	}
	return r.Plan
}
