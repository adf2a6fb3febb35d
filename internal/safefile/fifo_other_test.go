//go:build !unix

package safefile

import "errors"

func mkfifo(path string) error { return errors.New("không có FIFO trên hệ điều hành này") }
