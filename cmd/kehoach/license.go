package main

import (
	"fmt"

	"kehoach/internal/fonts"
)

var licenseCmd = &Command{
	Name:      "giay-phep",
	Aliases:   []string{"license"},
	UsageLine: "kehoach giay-phep",
	Short:     "in giấy phép của phông chữ Liberation Serif đi kèm",
	Long: `In giấy phép SIL Open Font License 1.1 của phông chữ Liberation Serif 2.1.5,
phông được nhúng trong chương trình và dùng khi máy không có Times New Roman.
`,
	Flags: noFlags(func(c *Context, args []string) int {
		if len(args) > 0 {
			return c.UsageError("lệnh này không nhận đối số “%s”.", args[0])
		}
		fmt.Fprint(c.Stdout, fonts.License)
		return 0
	}),
}
