package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"kehoach/internal/fileset"
	"kehoach/internal/schema"
)

var schemaCmd = &Command{
	Name:      "schema",
	UsageLine: "kehoach schema [-o THƯ_MỤC] | kehoach schema ke-hoach|xa",
	Short: `ghi lược đồ JSON của tệp kế hoạch và tệp xã (mặc định vào schema/) để VS Code gợi ý
khóa và báo lỗi khi gõ; ke-hoach hoặc xa: in một lược đồ ra màn hình`,
	Long: `Không có đối số: ghi plan.schema.json và xa.schema.json vào THƯ_MỤC (mặc định
schema/). Trình soạn thảo có tiện ích YAML (VS Code) đọc các lược đồ này để gợi
ý khóa và báo lỗi ngay khi gõ.
ke-hoach (hoặc plan) hay xa: in lược đồ của tệp kế hoạch hay tệp xã ra màn hình.

Mã thoát: 0 thành công, 2 lỗi cách dùng hoặc lỗi ghi tệp.
`,
	Flags: func(fl *flag.FlagSet) Runner {
		dir := outDirFlag(fl, "schema", "ghi hai tệp lược đồ vào `THƯ_MỤC`")
		return func(c *Context, args []string) int { return runSchema(c, args, *dir) }
	},
}

func runSchema(c *Context, args []string, dir string) int {
	switch len(args) {
	case 0:
		if err := os.MkdirAll(dir, 0o755); err != nil {
			c.Errorf("không tạo được thư mục %s: %v; hãy kiểm tra đường dẫn và quyền ghi.", dir, err)
			return 2
		}
		for _, f := range []struct {
			name string
			data []byte
		}{{schema.PlanFile, schema.Plan()}, {schema.CommuneFile, schema.Commune()}} {
			path := filepath.Join(dir, f.name)
			if err := writeFile(path, f.data); err != nil {
				c.Errorf("không ghi được %s: %v; hãy kiểm tra quyền ghi.", path, err)
				return 2
			}
			fmt.Fprintf(c.Stdout, "đã ghi %s\n", path)
		}
		return 0
	case 1:
		switch args[0] {
		case "ke-hoach", "kehoach", "plan":
			_, _ = c.Stdout.Write(schema.Plan())
			return 0
		case "xa":
			_, _ = c.Stdout.Write(schema.Commune())
			return 0
		}
		return c.UsageError("không có lược đồ “%s”; hãy chọn ke-hoach (tệp kế hoạch) hoặc xa (tệp xã).", args[0])
	}
	return c.UsageError("thừa tham số “%s”.", args[1])
}

// writeFile writes data through a temporary file renamed into place, so
// an editor never reads half a schema.
func writeFile(path string, data []byte) error {
	_, err := fileset.WriteAtomic(filepath.Dir(path), filepath.Base(path), data)
	return err
}
