package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// doubleClick is kehoach started from Explorer (startedByDoubleClick): it
// builds the plans of the folder dir the program is in, as kehoach build
// there would, says where the documents are, and waits for Enter so that
// the window does not close before the results are read.
func doubleClick(dir string, stdin io.Reader, stdout, stderr io.Writer) int {
	status := buildFolder(dir, stdout, stderr)
	fmt.Fprint(stdout, "\nBấm Enter để đóng cửa sổ này.")
	bufio.NewReader(stdin).ReadString('\n')
	return status
}

// buildFolder runs kehoach build in dir and explains the outcome.
func buildFolder(dir string, stdout, stderr io.Writer) int {
	plans := filepath.Join(dir, "plans")
	if st, err := os.Stat(plans); dir == "" || err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "kehoach: không có thư mục plans cạnh chương trình (trong %s).\n"+
			"Hãy chép kehoach.exe vào thư mục kho mã, cạnh thư mục plans, rồi bấm đúp lại;\n"+
			"hoặc mở cmd hay PowerShell trong thư mục kho mã và gõ: kehoach build\n", dir)
		return 2
	}
	if err := os.Chdir(dir); err != nil {
		fmt.Fprintf(stderr, "kehoach: không vào được thư mục %s: %s.\n", dir, errText(err))
		return 2
	}
	fmt.Fprintf(stdout, "kehoach: tạo văn bản cho mọi kế hoạch trong %s.\n\n", plans)
	status := run([]string{"build"}, stdout, stderr)
	out := filepath.Join(dir, "out")
	switch status {
	case 0:
		fmt.Fprintf(stdout, "\nXong: văn bản ở thư mục %s.\n", out)
	case 1:
		fmt.Fprintf(stdout, "\nCó kế hoạch còn lỗi (xem các dòng ở trên, mỗi dòng ghi tệp:dòng:cột và cách sửa);\n"+
			"kế hoạch đó chưa được tạo văn bản. Sửa tệp rồi bấm đúp lại. Văn bản của các kế hoạch khác ở %s.\n", out)
	default:
		fmt.Fprintf(stdout, "\nCó lỗi khi đọc hoặc ghi tệp (xem các dòng ở trên). Nếu một văn bản đang mở\n"+
			"trong Word, Excel hay trình đọc PDF, hãy đóng lại rồi bấm đúp lại.\n")
	}
	return status
}
