package vn_test

import (
	"fmt"
	"time"

	"kehoach/internal/vn"
)

// Amounts print with "." between thousands and "," before the decimals,
// to the places they need.
func ExampleDecimal_String() {
	for _, s := range []string{"3900", "1282.2", "0.5", "116126.50"} {
		d, err := vn.ParseDecimal(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(d)
	}
	// Output:
	// 3.900
	// 1.282,2
	// 0,5
	// 116.126,5
}

// Whole numbers, as the annexes print counts.
func ExampleFormatInt() {
	fmt.Println(vn.FormatInt(3900))
	fmt.Println(vn.FormatInt(1234567))
	// Output:
	// 3.900
	// 1.234.567
}

// The dates of a Kế hoạch keep the leading zeros ND30 asks for.
func ExampleLongDate() {
	d := time.Date(2025, 8, 5, 0, 0, 0, 0, time.UTC)
	fmt.Println(vn.LongDate(d))
	fmt.Println(vn.ShortDate(d))
	fmt.Println(vn.ShortDate(time.Date(2022, 2, 22, 0, 0, 0, 0, time.UTC)))
	// Output:
	// ngày 05 tháng 8 năm 2025
	// 05/8/2025
	// 22/02/2022
}

// Part numbers and lists.
func ExampleRoman() {
	fmt.Println(vn.Roman(4), vn.DocNumber(7), vn.JoinAnd([]string{"giao thông", "thủy lợi", "trường học"}))
	// Output:
	// IV 07 giao thông, thủy lợi và trường học
}
