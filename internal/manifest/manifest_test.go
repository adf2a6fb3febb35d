package manifest

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"
	"time"

	"kehoach/internal/plan"
	"kehoach/internal/testkit"
)

// copyPlan copies the 2025 plan of Mường Khoa and its commune file into a
// temporary plans/muong-khoa/ folder, editing the plan text with edit.
func copyPlan(t *testing.T, edit func(string) string) string {
	return testkit.CopyPlan(t, t.TempDir(), "muong-khoa", "2025.yaml", edit)
}

func load(t *testing.T, path string) *plan.Result {
	t.Helper()
	res, err := plan.Load(path)
	if err != nil || !res.OK() {
		t.Fatalf("%s: %v %v", path, err, res.Errors)
	}
	return res
}

// date stands for the document date the caller passes (compose.DocDate).
var date = time.Date(2025, 8, 5, 0, 0, 0, 0, time.UTC)

func issue(s string) string {
	s = strings.Replace(s, "  so: # dự thảo: văn thư điền số khi ban hành (kehoach issue)\n", "  so: 125\n", 1)
	return strings.Replace(s, "  ngay: # dự thảo\n", "  ngay: 2025-08-05\n", 1)
}

// The 2025 plan, counted by hand from its noi_nhan block and xa.yaml:
//
//	Sở Nông nghiệp và Môi trường (b/c)       1
//	TT. Đảng ủy xã (b/c)                     1
//	TT. HĐND xã                              1
//	Chủ tịch, các PCT UBND xã (so_ban: 3)    3
//	Các cơ quan, đơn vị, đoàn thể xã (8)     8
//	Trưởng các bản (theo_ban, 10 bản)       10
//	Lưu: VT, KT (2 nơi lưu)                  2
//	                                        --
//	                                        26
func TestTotal2025(t *testing.T) {
	m := Build(load(t, copyPlan(t, nil)).Plan, date)
	if got := m.Total(); got != 26 {
		t.Errorf("Total = %d, want 26", got)
	}
	if got := m.Sent(); got != 24 {
		t.Errorf("Sent = %d, want 24", got)
	}
	if len(m.Rows) != 17 {
		t.Fatalf("%d rows, want 17 (5 recipients + 10 bản + 2 lưu)", len(m.Rows))
	}
	want := map[int]Row{
		1:  {STT: 1, NoiNhan: "Sở Nông nghiệp và Môi trường", GhiChu: "b/c", SoBan: 1},
		4:  {STT: 4, NoiNhan: "Chủ tịch, các PCT UBND xã", SoBan: 3},
		5:  {STT: 5, NoiNhan: "Các cơ quan, đơn vị, đoàn thể xã", SoBan: 8},
		6:  {STT: 6, NoiNhan: "Trưởng bản Hô Tra", SoBan: 1},
		15: {STT: 15, NoiNhan: "Trưởng bản Nậm Bon", SoBan: 1},
		16: {STT: 16, NoiNhan: "Lưu: VT (Văn thư)", SoBan: 1, Luu: true},
		17: {STT: 17, NoiNhan: "Lưu: KT (Phòng Kinh tế)", SoBan: 1, Luu: true},
	}
	for stt, w := range want {
		if got := m.Rows[stt-1]; got != w {
			t.Errorf("row %d = %+v, want %+v", stt, got, w)
		}
	}
	if !m.Draft || m.Ref != "Kế hoạch số …/KH-UBND (dự thảo)" {
		t.Errorf("draft ref = %q (draft %v)", m.Ref, m.Draft)
	}
	issued := time.Date(2025, 8, 6, 0, 0, 0, 0, time.UTC)
	mi := Build(load(t, copyPlan(t, issue)).Plan, issued)
	if mi.Draft || mi.Ref != "Kế hoạch số 125/KH-UBND ngày 05/8/2025" {
		t.Errorf("issued ref = %q (draft %v)", mi.Ref, mi.Draft)
	}
	if !mi.Date.Equal(issued) {
		t.Errorf("issued manifest date %v, want the date passed, %v", mi.Date, issued)
	}
}

func TestRowsVariants(t *testing.T) {
	commune := &plan.Commune{Ma: "x", Ten: "Xã Thử", CoQuan: plan.CoQuan{Ten: "Ủy ban nhân dân", VietTat: "UBND"},
		LoaiBan: "bản", Ban: []string{"Một", "Hai"}, DonVi: []plan.DonVi{{Ma: "vp", Ten: "Văn phòng", VietTat: "VP"}}}
	tests := []struct {
		name    string
		nn      plan.NoiNhan
		rows    []string // "name|note|copies"
		total   int
		commune *plan.Commune // instead of the default one
	}{
		{"defaults", plan.NoiNhan{Nhan: []plan.NguoiNhan{{Ten: "A"}, {Ten: "B", SoBan: 4, GhiChu: "t/h"}}, Luu: []string{"VT"}},
			[]string{"A||1", "B|t/h|4", "Lưu: VT (Văn thư)||1"}, 6, nil},
		{"per bản, so_ban each", plan.NoiNhan{Nhan: []plan.NguoiNhan{{Ten: "Trưởng các bản", TheoBan: true, SoBan: 2, GhiChu: "t/h"}}, Luu: []string{"VT", "VP"}},
			[]string{"Trưởng bản Một|t/h|2", "Trưởng bản Hai|t/h|2", "Lưu: VT (Văn thư)||1", "Lưu: VP (Văn phòng)||1"}, 6, nil},
		{"per bản, other wording", plan.NoiNhan{Nhan: []plan.NguoiNhan{{Ten: "Chi hội Nông dân", TheoBan: true}, {Ten: "Các bản", TheoBan: true}}, Luu: []string{"VT"}},
			[]string{"Chi hội Nông dân - bản Một||1", "Chi hội Nông dân - bản Hai||1", "Bản Một||1", "Bản Hai||1", "Lưu: VT (Văn thư)||1"}, 5, nil},
		{"so_ban_luu", plan.NoiNhan{Nhan: []plan.NguoiNhan{{Ten: "A"}}, Luu: []string{"VT", "KT"}, SoBanLuu: 3},
			[]string{"A||1", "Lưu: VT, KT||3"}, 4, nil},
		{"unknown archive", plan.NoiNhan{Nhan: []plan.NguoiNhan{{Ten: "A"}}, Luu: []string{"TH"}},
			[]string{"A||1", "Lưu: TH||1"}, 2, nil},
		{"ấp, with the count in the name", plan.NoiNhan{Nhan: []plan.NguoiNhan{{Ten: "Trưởng các ấp (2 ấp)", TheoBan: true}}, Luu: []string{"VT"}},
			[]string{"Trưởng ấp Tân Lợi||1", "Trưởng Ấp 3||1", "Lưu: VT (Văn thư)||1"}, 3,
			&plan.Commune{Ma: "x", Ten: "Thử", CoQuan: commune.CoQuan, LoaiBan: "ấp", Ban: []string{"Tân Lợi", "Ấp 3"}}},
		{"tổ dân phố, another wording", plan.NoiNhan{Nhan: []plan.NguoiNhan{{Ten: "Ban công tác Mặt trận", TheoBan: true}, {Ten: "Tổ trưởng các tổ dân phố", TheoBan: true}}, Luu: []string{"VT"}},
			[]string{"Ban công tác Mặt trận - tổ dân phố 1||1", "Tổ trưởng tổ dân phố 1||1", "Lưu: VT (Văn thư)||1"}, 3,
			&plan.Commune{Ma: "x", Ten: "Thử", CoQuan: commune.CoQuan, LoaiBan: "tổ dân phố", Ban: []string{"1"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := &plan.Plan{Nam: 2025, NoiNhan: tc.nn, Commune: commune}
			if tc.commune != nil {
				p.Commune = tc.commune
			}
			m := Build(p, date)
			var got []string
			for i, r := range m.Rows {
				if r.STT != i+1 {
					t.Errorf("row %d numbered %d", i+1, r.STT)
				}
				got = append(got, r.NoiNhan+"|"+r.GhiChu+"|"+strconv.Itoa(r.SoBan))
			}
			if strings.Join(got, "\n") != strings.Join(tc.rows, "\n") {
				t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.rows, "\n"))
			}
			if m.Total() != tc.total {
				t.Errorf("Total = %d, want %d", m.Total(), tc.total)
			}
		})
	}
}

func TestCSVBytes(t *testing.T) {
	m := &Manifest{Rows: []Row{
		{STT: 1, NoiNhan: "Sở Nông nghiệp và Môi trường", GhiChu: "b/c", SoBan: 1},
		{STT: 2, NoiNhan: "Chủ tịch, các PCT UBND xã", SoBan: 3},
		{STT: 3, NoiNhan: `Ban "Dân vận"`, SoBan: 1},
		{STT: 4, NoiNhan: "=HYPERLINK(\"http://x\")", GhiChu: "+1", SoBan: 1},
		{STT: 5, NoiNhan: "-2+3", GhiChu: "@SUM(A1)", SoBan: 1},
		{STT: 6, NoiNhan: "Lưu: VT", SoBan: 2, Luu: true},
	}}
	want := "\ufeff" +
		"STT,Nơi nhận,Ghi chú,Số bản,Ký nhận\r\n" +
		"1,Sở Nông nghiệp và Môi trường,b/c,1,\r\n" +
		"2,\"Chủ tịch, các PCT UBND xã\",,3,\r\n" +
		"3,\"Ban \"\"Dân vận\"\"\",,1,\r\n" +
		"4,\"'=HYPERLINK(\"\"http://x\"\")\",'+1,1,\r\n" +
		"5,'-2+3,'@SUM(A1),1,\r\n" +
		"6,Lưu: VT,,2,\r\n" +
		",Tổng số bản,,9,\r\n"
	got := m.CSV()
	if string(got) != want {
		t.Errorf("CSV:\n%q\nwant:\n%q", got, want)
	}
	// It reads back as 8 records of 5 fields.
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(got, []byte("\ufeff")))).ReadAll()
	if err != nil || len(recs) != 8 {
		t.Fatalf("read back: %v, %d records", err, len(recs))
	}
	for _, r := range recs {
		if len(r) != 5 {
			t.Errorf("record %q has %d fields", r, len(r))
		}
	}
}

func TestCSV2025(t *testing.T) {
	m := Build(load(t, copyPlan(t, nil)).Plan, date)
	got := string(m.CSV())
	for _, want := range []string{
		"\ufeffSTT,Nơi nhận,Ghi chú,Số bản,Ký nhận\r\n",
		"\r\n6,Trưởng bản Hô Tra,,1,\r\n",
		"\r\n5,\"Các cơ quan, đơn vị, đoàn thể xã\",,8,\r\n",
		"\r\n,Tổng số bản,,26,\r\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("CSV lacks %q", want)
		}
	}
	if !strings.HasSuffix(got, ",Tổng số bản,,26,\r\n") {
		t.Error("the total is not the last row")
	}
}

func TestDefuse(t *testing.T) {
	for in, want := range map[string]string{
		"": "", "b/c": "b/c", "=1+1": "'=1+1", "+84": "'+84", "-": "'-", "@x": "'@x", "\tx": "'\tx", "a=b": "a=b", "'=x": "'=x",
	} {
		if got := Defuse(in); got != want {
			t.Errorf("Defuse(%q) = %q, want %q", in, got, want)
		}
	}
}

// countRe is plan.CountRe, compiled once a word.
func TestCountReKept(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ word, text, want string }{
		{"ấp", "Trưởng các ấp (12 ấp)", "12"},
		{"bản", "Trưởng các bản ( 7 bản )", "7"},
		{"tổ dân phố", "Tổ trưởng các tổ dân phố (3 tổ dân phố)", "3"},
		{"ấp", "Trưởng các ấp", ""},
	} {
		re := countRe(tt.word)
		if re != countRe(tt.word) {
			t.Errorf("%q: compiled again", tt.word)
		}
		if re.String() != plan.CountRe(tt.word).String() {
			t.Errorf("%q: %s, want plan.CountRe's %s", tt.word, re, plan.CountRe(tt.word))
		}
		got := ""
		if m := re.FindStringSubmatch(tt.text); m != nil {
			got = m[1]
		}
		if got != tt.want {
			t.Errorf("countRe(%q) in %q: %q, want %q", tt.word, tt.text, got, tt.want)
		}
	}
}
