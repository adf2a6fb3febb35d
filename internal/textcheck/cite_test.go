package textcheck

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kehoach/templates"
)

func TestParseDocNumber(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"263/QĐ-TTg", "{263 0 QĐ-TTg}", true},
		{"257/2025/QH15", "{257 2025 QH15}", true},
		{"30/2020/NĐ – CP", "{30 2020 NĐ-CP}", true},
		{"37- QĐ/ĐU", "{37 0 QĐ/ĐU}", true},
		{"51 / 2025 / QĐ-TTg", "{51 2025 QĐ-TTg}", true},
		{"QĐ-TTg", "{0 0 }", false},
		{"2021-2025", "{0 0 }", false},
	}
	for _, tc := range tests {
		got, ok := ParseDocNumber(tc.in)
		if fmt.Sprint(got) != tc.want || ok != tc.ok {
			t.Errorf("ParseDocNumber(%q) = %v, %v; want %s, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// Documents named in prose are read with their number, date and issuer,
// whichever way the date is written.
func TestReferences(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"theo Quyết định số 263/QĐ-TTg ngày 22/02/2022 của Thủ tướng Chính phủ, xã", "Quyết định 263/QĐ-TTg {263 0 QĐ-TTg} 22/2/2022 [Thủ tướng Chính phủ]"},
		{"Nghị quyết 25/2021/QH15 của Quốc hội", "Nghị quyết 25/2021/QH15 {25 2021 QH15} - [Quốc hội]"},
		{"Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020", "Nghị định 30/2020/NĐ-CP {30 2020 NĐ-CP} 5/3/2020 []"},
		{"Quyết định số 37-QĐ/ĐU.", "Quyết định 37-QĐ/ĐU {37 0 QĐ/ĐU} - []"},
	}
	for _, tc := range tests {
		rs := references(tc.in)
		if len(rs) != 1 {
			t.Errorf("references(%q): %d, want 1", tc.in, len(rs))
			continue
		}
		r := rs[0]
		d := "-"
		if r.date != nil {
			d = fmt.Sprintf("%d/%d/%d", r.date.Day, r.date.Month, r.date.Year)
		}
		if got := fmt.Sprintf("%s %s %v %s [%s]", r.loai, r.so, r.num, d, r.issuer); got != tc.want {
			t.Errorf("references(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

// An expired or replaced document is reported with what replaces it. The
// registry has no such entry yet (no source says so), so the test uses a
// templates folder whose copy of can-cu.yaml marks two entries — test data
// only, not facts.
func TestCiteStatus(t *testing.T) {
	dir := t.TempDir()
	b, err := templates.ReadFile("can-cu.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), "    ap_dung: 2021-2025\n", "    ap_dung: 2021-2025\n    trang_thai: het_hieu_luc\n", 1)
	s = strings.Replace(s, "  - ma: qd318-2022\n", "  - ma: qd318-2022\n    thay_the_boi: qd51-2025\n", 1)
	if err := os.WriteFile(filepath.Join(dir, "can-cu.yaml"), []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	templates.Use(templates.Folder(dir), dir, nil)
	defer templates.Use(templates.FS, "", nil)
	tests := []struct{ in, want string }{
		{"Quyết định số 263/QĐ-TTg ngày 22/02/2022", "can-cu-hieu-luc 21-32 Quyết định 263/QĐ-TTg đã hết hiệu lực (theo sổ căn cứ) | bỏ căn cứ này hoặc thay bằng văn bản đang có hiệu lực"},
		{"Quyết định 318/QĐ-TTg", "can-cu-hieu-luc 16-27 Quyết định 318/QĐ-TTg đã được thay thế bởi Quyết định 51/2025/QĐ-TTg | viện dẫn “Quyết định số 51/2025/QĐ-TTg ngày 29/12/2025 của Thủ tướng Chính phủ”"},
	}
	for _, tc := range tests {
		var got []string
		for _, f := range proseCitations(2025, references(tc.in)) {
			got = append(got, fmt.Sprintf("%s %d-%d %s | %s", f.Rule, f.Start, f.End, f.Msg, f.Suggest))
		}
		if strings.Join(got, "\n") != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.in, strings.Join(got, "\n"), tc.want)
		}
	}
}
