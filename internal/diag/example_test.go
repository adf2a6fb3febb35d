package diag_test

import (
	"os"

	"kehoach/internal/diag"
)

func ExampleList_Print() {
	l := diag.List{
		{File: "plans/muong-khoa/2025.yaml", Pos: diag.Pos{Line: 315, Col: 9}, Severity: diag.Warning, Rule: "tu-ghep",
			Msg: "“bình đăng” không phải là từ có trong từ điển; có lẽ gõ sai dấu", Hint: "có lẽ là “bình đẳng”"},
		{File: "plans/muong-khoa/2025.yaml", Pos: diag.Pos{Line: 12, Col: 3}, Msg: "thiếu khóa nam; hãy ghi năm của kế hoạch, ví dụ nam: 2025."},
		{File: "plans/muong-khoa/xa.yaml", Msg: "tệp không có nội dung."},
	}
	l.Sort()
	l.Print(os.Stdout)
	// Output:
	// plans/muong-khoa/2025.yaml:12:3: thiếu khóa nam; hãy ghi năm của kế hoạch, ví dụ nam: 2025.
	// plans/muong-khoa/2025.yaml:315:9: [tu-ghep] “bình đăng” không phải là từ có trong từ điển; có lẽ gõ sai dấu — gợi ý: có lẽ là “bình đẳng” (cảnh báo)
	// plans/muong-khoa/xa.yaml: tệp không có nội dung.
}
