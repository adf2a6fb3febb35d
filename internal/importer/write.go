package importer

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"kehoach/internal/fileset"
)

// ErrExists says the plan file is already there: the import never
// replaces a plan.
var ErrExists = errors.New("tệp kế hoạch đã có")

// Write writes the draft into dir: the plan file, never over an existing
// one, and the commune file when the result has one and dir has none. Each
// file is written atomically (a temporary file, then a link), so a reader
// never sees half a file; when the plan cannot be written, the commune
// file written just before is removed again. It returns the files written.
func Write(r *Result, dir string) ([]string, error) {
	planPath := filepath.Join(dir, r.PlanName)
	if _, err := os.Lstat(planPath); err == nil {
		return nil, fmt.Errorf("%s: %w; lệnh import không bao giờ ghi đè kế hoạch: hãy ghi vào thư mục khác (-o THƯ_MỤC) hoặc đổi tên, xóa tệp cũ", planPath, ErrExists)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("không tạo được thư mục %s: %w; hãy kiểm tra đường dẫn và quyền ghi", dir, err)
	}
	var written []string
	communePath := filepath.Join(dir, r.CommuneName)
	if r.Commune != nil {
		if _, err := os.Lstat(communePath); err != nil {
			if err := fileset.WriteNew(communePath, r.Commune); err != nil {
				return nil, err
			}
			written = append(written, communePath)
		}
	}
	if err := fileset.WriteNew(planPath, r.Plan); err != nil {
		for _, w := range written {
			os.Remove(w)
		}
		if errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("%s: %w; lệnh import không bao giờ ghi đè kế hoạch: hãy ghi vào thư mục khác (-o THƯ_MỤC)", planPath, ErrExists)
		}
		return nil, err
	}
	return append([]string{planPath}, written...), nil
}

// Report writes what the user must look at, in Vietnamese: the TODO places
// (file:line in dir), the figures that disagree with their parts, the
// corrections of form, and the next step.
func Report(w io.Writer, r *Result, dir string) {
	if len(r.Mismatches) > 0 {
		fmt.Fprintf(w, "Số liệu không khớp với các phần của nó (%d):\n", len(r.Mismatches))
		for _, m := range r.Mismatches {
			fmt.Fprintf(w, "  %s: %s\n", m.File, m.Text)
		}
	}
	if len(r.Notes) > 0 {
		fmt.Fprintf(w, "Đã sửa cách viết (%d):\n", len(r.Notes))
		for _, n := range r.Notes {
			fmt.Fprintf(w, "  %s: %s\n", n.File, n.Text)
		}
	}
	plan := filepath.Join(dir, r.PlanName)
	if len(r.Todos) == 0 {
		fmt.Fprintf(w, "Không có chỗ nào cần kiểm tra thêm. Tiếp theo: kehoach check %s\n", plan)
		return
	}
	fmt.Fprintf(w, "Dự thảo đã ghi, còn %d chỗ cần kiểm tra (ghi chú “# TODO: kiểm tra” trong tệp):\n", len(r.Todos))
	for _, t := range r.Todos {
		fmt.Fprintf(w, "  %s:%d: %s\n", filepath.Join(dir, t.File), t.Line, t.Text)
	}
	fmt.Fprintf(w, "Sửa từng chỗ rồi xóa ghi chú TODO, sau đó chạy kehoach check %s và kehoach build %s.\n", plan, plan)
}
