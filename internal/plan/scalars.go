package plan

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"kehoach/internal/programme"
	"kehoach/internal/vn"
)

// Number is an exact decimal written in a plan (amounts in triệu đồng,
// indicator values). Set reports whether the key was given at all.
type Number struct {
	vn.Decimal
	Set     bool
	Invalid bool // written but not a number: sums that use it are not checked
}

// DecodeScalar implements yamlx.ScalarDecoder.
func (n *Number) DecodeScalar(s string, quoted bool) error {
	d, err := vn.ParseDecimal(s)
	if err != nil {
		n.Set, n.Invalid = true, true
		return errors.New(err.Error() + ".")
	}
	n.Decimal, n.Set = d, true
	return nil
}

// Date is a calendar date written YYYY-MM-DD (or DD/MM/YYYY). The zero Date
// means "not given" (a draft's empty ngày).
type Date struct {
	time.Time
}

// DecodeScalar implements yamlx.ScalarDecoder.
func (d *Date) DecodeScalar(s string, quoted bool) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	var y, m, day int
	var err error
	switch {
	case strings.Count(s, "-") == 2:
		p := strings.Split(s, "-")
		y, err = atoi(p[0], err)
		m, err = atoi(p[1], err)
		day, err = atoi(p[2], err)
	case strings.Count(s, "/") == 2:
		p := strings.Split(s, "/")
		day, err = atoi(p[0], err)
		m, err = atoi(p[1], err)
		y, err = atoi(p[2], err)
	default:
		err = errors.New("bad")
	}
	if err != nil || y < 1900 || y > 2200 {
		return fmt.Errorf("ngày %q không đúng dạng; hãy viết năm-tháng-ngày, ví dụ 2025-08-05 (hoặc ngày/tháng/năm đủ bốn chữ số năm: 05/08/2025).", s)
	}
	t := time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || day < 1 || t.Day() != day {
		return fmt.Errorf("ngày %02d/%02d/%d không có thật (tháng %d không có ngày %d); hãy sửa lại ngày.", day, m, y, m, day)
	}
	d.Time = t
	return nil
}

func atoi(s string, prev error) (int, error) {
	if prev != nil {
		return 0, prev
	}
	return strconv.Atoi(strings.TrimSpace(s))
}

// DocNo is a document number (số văn bản): a positive integer, or 0 for a
// draft whose number the văn thư fills in.
type DocNo int

// DecodeScalar implements yamlx.ScalarDecoder.
func (n *DocNo) DecodeScalar(s string, quoted bool) error {
	s = strings.TrimSpace(s)
	if s == "" {
		*n = 0
		return nil
	}
	v, err := strconv.Atoi(s)
	if err != nil || v <= 0 || v > 99999 {
		return fmt.Errorf("số văn bản %q không hợp lệ; hãy ghi số thứ tự (ví dụ 125) hoặc để trống khi còn là dự thảo.", s)
	}
	*n = DocNo(v)
	return nil
}

// Cmp is the comparison of an indicator target: ≥ ≤ = < >.
type Cmp string

// The comparisons, stored as the signs printed.
const (
	CmpNone Cmp = ""
	CmpGE   Cmp = "≥"
	CmpLE   Cmp = "≤"
	CmpEQ   Cmp = "="
	CmpLT   Cmp = "<"
	CmpGT   Cmp = ">"
)

// DecodeScalar implements yamlx.ScalarDecoder.
func (c *Cmp) DecodeScalar(s string, quoted bool) error {
	sign, ok := programme.Sign(s)
	if !ok {
		return programme.SignError(s)
	}
	*c = Cmp(sign)
	return nil
}

// Status is a criterion's state in the plan year.
type Status string

// The states of a criterion.
const (
	StatusMet     Status = "dat"      // met at the start of the year
	StatusPlanned Status = "phan_dau" // to be met this year
	StatusNotMet  Status = "chua_dat" // not met, not planned this year
)

// DecodeScalar implements yamlx.ScalarDecoder.
func (s *Status) DecodeScalar(v string, quoted bool) error {
	switch Status(strings.TrimSpace(v)) {
	case StatusMet, StatusPlanned, StatusNotMet:
		*s = Status(strings.TrimSpace(v))
		return nil
	}
	return fmt.Errorf("trạng thái %q không có; hãy dùng dat (đã đạt), phan_dau (phấn đấu đạt trong năm) hoặc chua_dat (chưa đạt).", v)
}

// Label is the Vietnamese word shown in tables.
func (s Status) Label() string {
	switch s {
	case StatusMet:
		return "Đạt"
	case StatusPlanned, StatusNotMet:
		return "Chưa đạt"
	}
	return ""
}
