package schema

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Usage is the help of the schema subcommand.
const Usage = `Cách dùng:
  kehoach schema [-o THƯ_MỤC]     ghi plan.schema.json và xa.schema.json (mặc định vào schema/)
  kehoach schema ke-hoach|xa      in lược đồ của tệp kế hoạch hoặc tệp xã ra màn hình
`

// Run is the `kehoach schema` subcommand: with no argument it writes both
// schemas into the folder given by -o (default "schema"); with "ke-hoach"
// (or "plan") or "xa" it prints that schema. Exit status: 0 success, 2 a
// usage or I/O error.
func Run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("schema", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() { fmt.Fprint(stderr, Usage) }
	dir := fl.String("o", "schema", "thư mục ghi hai tệp lược đồ")
	if err := fl.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	switch fl.NArg() {
	case 0:
		if err := os.MkdirAll(*dir, 0o755); err != nil {
			fmt.Fprintf(stderr, "kehoach schema: không tạo được thư mục %s: %v; hãy kiểm tra đường dẫn và quyền ghi.\n", *dir, err)
			return 2
		}
		for _, f := range []struct {
			name string
			data []byte
		}{{PlanFile, Plan()}, {CommuneFile, Commune()}} {
			path := filepath.Join(*dir, f.name)
			if err := writeFile(path, f.data); err != nil {
				fmt.Fprintf(stderr, "kehoach schema: không ghi được %s: %v; hãy kiểm tra quyền ghi.\n", path, err)
				return 2
			}
			fmt.Fprintf(stdout, "đã ghi %s\n", path)
		}
		return 0
	case 1:
		switch fl.Arg(0) {
		case "ke-hoach", "kehoach", "plan":
			_, _ = stdout.Write(Plan())
			return 0
		case "xa":
			_, _ = stdout.Write(Commune())
			return 0
		}
		fmt.Fprintf(stderr, "kehoach schema: không có lược đồ “%s”; hãy chọn ke-hoach (tệp kế hoạch) hoặc xa (tệp xã).\n\n%s", fl.Arg(0), Usage)
		return 2
	}
	fmt.Fprintf(stderr, "kehoach schema: thừa tham số “%s”.\n\n%s", fl.Arg(1), Usage)
	return 2
}

// writeFile writes data through a temporary file renamed into place, so
// an editor never reads half a schema.
func writeFile(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
