package vn

import (
	"fmt"
	"testing"
)

func TestYearsInText(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"năm 2025", "[{5 9 2025 true false}]"},
		{"Năm 2025 và năm\u00a02026", "[{5 9 2025 true false} {20 24 2026 true false}]"},
		{"giai đoạn 2021-2025", "[{13 17 2021 false true} {18 22 2025 false true}]"},
		{"giai đoạn 2026 – 2030", "[{13 17 2026 false true} {22 26 2030 false true}]"},
		{"Quý III-IV/2025", "[{12 16 2025 false false}]"},
		{"tháng 5năm 2025, 12345, 202, hằngnăm 2025", "[{13 17 2025 false false} {42 46 2025 false false}]"},
	}
	// A digit or letter glued to “năm” (5năm, hằngnăm) is not the word.
	for _, tc := range tests {
		if got := fmt.Sprint(Years(tc.in)); got != tc.want {
			t.Errorf("Years(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestDatesInText(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"ngày 22/02/2022", "[{6 16 22 2 2022}]"},
		{"Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020", "[{35 62 5 3 2020}]"},
		{"đến 31.12.2024 và 1-1-2025", "[{7 17 31 12 2024} {22 30 1 1 2025}]"},
		{"30/2020/NĐ-CP, 12/2025, 31/12/20255, 40/13/2025", "[]"},
		{"Ngày 1 tháng 2 năm 2021 và ngày 3/4/2022", "[{0 26 1 2 2021} {37 45 3 4 2022}]"},
		{"năm nay, ngày mai: 5/6/2023", "[{21 29 5 6 2023}]"},
		{"không có ngày nào", "[]"},
		{"", "[]"},
	}
	for _, tc := range tests {
		if got := fmt.Sprint(Dates(tc.in)); got != tc.want {
			t.Errorf("Dates(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}
