package vn

import (
	"testing"
	"time"
)

func TestParseAndFormatDecimal(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, out string
		err     string
	}{
		{"1954", "1.954", ""},
		{"3900", "3.900", ""},
		{"1282.2", "1.282,2", ""},
		{"1.282,2", "1.282,2", ""},
		{"64.3", "64,3", ""},
		{"0.6", "0,6", ""},
		{"11000", "11.000", ""},
		{"1_954", "1.954", ""},
		{"1.282.000", "1.282.000", ""},
		{"18.92", "18,92", ""},
		{"-200", "-200", ""},
		{"0", "0", ""},
		{"abc", "", `"abc" không phải là số; hãy viết số bằng chữ số, ví dụ 1954 hoặc 1282.5`},
		{"1.954", "", `"1.954" dễ nhầm giữa số nguyên và số thập phân: số nguyên thì viết 1954 (không có dấu phân cách hàng nghìn), số thập phân thì viết 1.9540 (thêm số 0 ở cuối để không nhầm)`},
		{"1,954", "", `"1,954" dễ nhầm giữa số nguyên và số thập phân: số nguyên thì viết 1954 (không có dấu phân cách hàng nghìn), số thập phân thì viết 1.9540 (thêm số 0 ở cuối để không nhầm)`},
		{"1.250", "", `"1.250" dễ nhầm giữa số nguyên và số thập phân: số nguyên thì viết 1250 (không có dấu phân cách hàng nghìn), số thập phân thì viết 1.25`},
		{"2.000", "", `"2.000" dễ nhầm giữa số nguyên và số thập phân: số nguyên thì viết 2000 (không có dấu phân cách hàng nghìn), số thập phân thì viết 2`},
		{"1.9540", "1,954", ""},
		{"1.95400", "1,954", ""},
		{"1.95401", "", `"1.95401" có quá 3 chữ số thập phân; hãy làm tròn`},
		{"640,5", "640,5", ""},
		{"1282.20", "1.282,2", ""},
		{"9511.0", "9.511", ""},
		{"0.125", "0,125", ""},
		{"1,5", "1,5", ""},
		{"3,900.5", "", `"3,900.5" viết theo kiểu tiếng Anh; hãy viết 3900.5`},
		{"1.2345", "", `"1.2345" có quá 3 chữ số thập phân; hãy làm tròn`},
		{"99999999999999", "", "số 99999999999999 quá lớn (tối đa 1.000.000.000.000)"},
		{"", "", "thiếu giá trị số"},
	}
	for _, tc := range tests {
		d, err := ParseDecimal(tc.in)
		if tc.err != "" {
			if err == nil || err.Error() != tc.err {
				t.Errorf("ParseDecimal(%q) error = %v, want %s", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseDecimal(%q): %v", tc.in, err)
			continue
		}
		if got := d.String(); got != tc.out {
			t.Errorf("ParseDecimal(%q).String() = %q, want %q", tc.in, got, tc.out)
		}
	}
}

func TestSum(t *testing.T) {
	t.Parallel()
	a, _ := ParseDecimal("602")
	b, _ := ParseDecimal("1954")
	if got := a.Add(b).String(); got != "2.556" {
		t.Errorf("602 + 1954 = %s", got)
	}
	c, _ := ParseDecimal("0.1")
	d, _ := ParseDecimal("0.2")
	if s := c.Add(d); s.Milli != 300 || s.String() != "0,3" {
		t.Errorf("0.1 + 0.2 = %v", s)
	}
	// A sum prints to the precision of its data: whole sums without ",0".
	var sum Decimal
	for _, x := range []string{"640.5", "1250", "7620.5"} {
		v, _ := ParseDecimal(x)
		sum = sum.Add(v)
	}
	if got := sum.String(); got != "9.511" {
		t.Errorf("640.5 + 1250 + 7620.5 = %s, want 9.511", got)
	}
	if got := Int(200).Signed(); got != "+200" {
		t.Errorf("Signed = %q", got)
	}
}

// FormatYAML writes what ParseDecimal reads back to the same value and
// places, never a form it refuses.
func TestFormatYAMLRoundTrip(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"1954", "1282.2", "0.125", "1.9540", "640,5", "1.282,25", "0.5", "100000", "-3.5", "12345.678"} {
		d, err := ParseDecimal(in)
		if err != nil {
			t.Fatalf("ParseDecimal(%q): %v", in, err)
		}
		out := FormatYAML(d)
		back, err := ParseDecimal(out)
		if err != nil || back != d {
			t.Errorf("%q → FormatYAML %q → %v, %v; want %v", in, out, back, err, d)
		}
	}
}

func TestDates(t *testing.T) {
	t.Parallel()
	tests := []struct {
		d           time.Time
		long, short string
	}{
		{time.Date(2025, 8, 5, 0, 0, 0, 0, time.UTC), "ngày 05 tháng 8 năm 2025", "05/8/2025"},
		{time.Date(2025, 2, 15, 0, 0, 0, 0, time.UTC), "ngày 15 tháng 02 năm 2025", "15/02/2025"},
		{time.Date(2022, 2, 22, 0, 0, 0, 0, time.UTC), "ngày 22 tháng 02 năm 2022", "22/02/2022"},
		{time.Date(2025, 7, 29, 0, 0, 0, 0, time.UTC), "ngày 29 tháng 7 năm 2025", "29/7/2025"},
		{time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), "ngày 01 tháng 01 năm 2025", "01/01/2025"},
		{time.Date(2024, 10, 22, 0, 0, 0, 0, time.UTC), "ngày 22 tháng 10 năm 2024", "22/10/2024"},
	}
	for _, tc := range tests {
		if got := LongDate(tc.d); got != tc.long {
			t.Errorf("LongDate = %q, want %q", got, tc.long)
		}
		if got := ShortDate(tc.d); got != tc.short {
			t.Errorf("ShortDate = %q, want %q", got, tc.short)
		}
	}
}

func TestText(t *testing.T) {
	t.Parallel()
	tests := []struct{ got, want string }{
		{Upper("Ủy ban nhân dân xã Mường Khoa"), "ỦY BAN NHÂN DÂN XÃ MƯỜNG KHOA"},
		{LowerFirst("Vốn sự nghiệp"), "vốn sự nghiệp"},
		{LowerFirst("MTQG giảm nghèo"), "MTQG giảm nghèo"},
		{UpperFirst("đảm bảo"), "Đảm bảo"},
		{JoinAnd([]string{"a", "b", "c"}), "a, b và c"},
		{Roman(4), "IV"}, {Roman(11), "XI"},
		{DocNumber(5), "05"}, {DocNumber(125), "125"},
		{FormatInt(3900), "3.900"}, {FormatInt(1304), "1.304"}, {FormatInt(40), "40"},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

func TestBind(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"bê tông hóa 07 km đường", "bê tông hóa 07\u00a0km đường"},
		{"đạt ≥ 54 triệu đồng/năm", "đạt ≥\u00a054\u00a0triệu\u00a0đồng/năm"},
		{"1.282,2 ha, 11.000 tấn", "1.282,2\u00a0ha, 11.000\u00a0tấn"},
		{"đạt 349 người", "đạt 349\u00a0người"},
		{"trẻ 5 tuổi", "trẻ 5\u00a0tuổi"},
		{"5 mức độ", "5 mức độ"},       // not a unit
		{"64,3%", "64,3%"},             // percent has no space at all
		{"không có số", "không có số"}, // fast path
		// A spaced dash or plus between words keeps to the word before it,
		// so a wrapped line never starts with "- " (read as a new bullet).
		{"đường giao thông Ấp 3 - Ấp 7", "đường giao thông Ấp 3\u00a0- Ấp 7"},
		{"nông thôn sáng - xanh - sạch - đẹp", "nông thôn sáng\u00a0- xanh\u00a0- sạch\u00a0- đẹp"},
		{"giai đoạn 2021 – 2025", "giai đoạn 2021\u00a0– 2025"},
		{"vốn A + vốn B", "vốn A\u00a0+ vốn B"},
		{"Văn hóa - Xã hội", "Văn hóa\u00a0- Xã hội"},
		{"- đầu dòng", "- đầu dòng"},                     // a leading marker is not a phrase dash
		{"KT-XH, 2021-2025", "KT-XH, 2021-2025"},         // unspaced hyphens stay
		{"a  -  b", "a\u00a0- b"},                        // runs of spaces collapse around it
		{"A +\u00a0B", "A\u00a0+ B"},                     // a no-break space after it counts
		{"giai đoạn 2021 –2025", "giai đoạn 2021 –2025"}, // no space after: not a phrase dash
		{"dài 5  km", "dài 5\u00a0km"},                   // runs of spaces before a unit
		{"đạt ≥5 mức", "đạt ≥5 mức"},                     // no space after the sign, no unit
		{"trên > 5 người", "trên >\u00a05\u00a0người"},
		{"5 mức, ≤ 3", "5 mức, ≤\u00a03"},
		// A unit binds where a word ends. Before, "m²" needed a word
		// character next (\b), so "2.400 m²" stayed unbound and the typo
		// "m²a" crashed kehoach build.
		{"1.282,2 m²a, 1.249 ha", "1.282,2 m²a, 1.249\u00a0ha"},
		{"1.282,2 m², 1.249 ha", "1.282,2\u00a0m², 1.249\u00a0ha"},
		{"quy mô 2.400 m²", "quy mô 2.400\u00a0m²"},
		{"5 kmx, 5 km_, 5 km2", "5 kmx, 5 km_, 5 km2"},
	}
	for _, tc := range tests {
		if got := Bind(tc.in); got != tc.want {
			t.Errorf("Bind(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
