package manifest

import (
	"bytes"
	"flag"
	"fmt"
	"io"

	"kehoach/internal/build"
	"kehoach/internal/doc"
	"kehoach/internal/fonts"
	"kehoach/internal/plan"
	"kehoach/internal/render/pdf"
)

// Usage is the help text of `kehoach print`.
const Usage = `Cách dùng: kehoach print [-o THƯ_MỤC] [KẾ_HOẠCH|THƯ_MỤC …]
  In ra màn hình, cho từng kế hoạch, tổng số bản cần in và số bản gửi từng
  nơi nhận (mặc định: mọi kế hoạch trong plans/). Với -o, ghi thêm sổ phát
  hành so-phat-hanh-NĂM-XÃ.csv (mở bằng Excel) và .pdf (in ra để người nhận
  ký nhận) vào THƯ_MỤC.
`

// BaseName is the output file name stem of a plan's manifest:
// so-phat-hanh-2025-muong-khoa.
func BaseName(p *plan.Plan) string {
	return fmt.Sprintf("so-phat-hanh-%d-%s", p.Nam, p.Commune.Ma)
}

// WritePDF renders the manifest document as PDF with the bundled font.
func (m *Manifest) WritePDF(w io.Writer, prof *doc.Profile) error {
	return pdf.Write(w, m.Document(prof), prof, fonts.Bundled())
}

// Run is `kehoach print [-o DIR] [PLAN|DIR …]`. Exit status: 0 success, 1
// some plan has errors (nothing printed for it), 2 usage or I/O error.
func Run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("print", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() { fmt.Fprint(stderr, Usage) }
	outDir := fl.String("o", "", "thư mục ghi sổ phát hành (CSV và PDF); mặc định chỉ in ra màn hình")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	files, err := build.ExpandPaths(fl.Args(), false)
	if err != nil {
		fmt.Fprintln(stderr, "kehoach print:", err)
		return 2
	}
	status := 0
	fail := func(s int) {
		if s > status {
			status = s
		}
	}
	grand, count := 0, 0
	for i, f := range files {
		res, err := plan.Load(f)
		if err != nil {
			fmt.Fprintln(stderr, err)
			fail(2)
			continue
		}
		if !res.OK() {
			for _, e := range res.Errors {
				fmt.Fprintln(stderr, e.Error())
			}
			fmt.Fprintf(stderr, "%s: %d lỗi, chưa tính được số bản; hãy sửa lỗi (kehoach check %s) rồi chạy lại.\n", f, len(res.Errors), f)
			fail(1)
			continue
		}
		m := Build(res.Plan)
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		fmt.Fprintf(stdout, "%s: %s, in %d bản.\n", f, m.Ref, m.Total())
		if m.Draft {
			fmt.Fprintf(stdout, "  CHÚ Ý: kế hoạch còn là dự thảo (chưa có số, ngày): chỉ in để xem xét, chưa phát hành.\n  Khi văn bản đã ký: kehoach issue %s --so SỐ --ngay NGÀY\n", f)
		}
		fmt.Fprint(stdout, m.Text())
		grand += m.Total()
		count++
		if *outDir != "" {
			base := BaseName(res.Plan)
			var pdfBytes bytes.Buffer
			if err := m.WritePDF(&pdfBytes, res.Profile); err != nil {
				fmt.Fprintf(stderr, "%s: không tạo được sổ phát hành PDF: %v\n", f, err)
				fail(2)
				continue
			}
			// The CSV and the PDF as one set: the CSV held open in Excel
			// leaves both at their old version.
			outs, err := build.WriteAll(*outDir, []build.File{{Name: base + ".csv", Data: m.CSV()}, {Name: base + ".pdf", Data: pdfBytes.Bytes()}})
			if err != nil {
				fmt.Fprintln(stderr, err)
				fail(2)
				continue
			}
			for _, o := range outs {
				fmt.Fprintf(stdout, "  Sổ phát hành → %s\n", o.Path)
			}
		}
	}
	if count > 1 {
		fmt.Fprintf(stdout, "\nTổng cộng: %d bản cho %d kế hoạch.\n", grand, count)
	}
	return status
}
