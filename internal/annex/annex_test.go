package annex

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kehoach/internal/doc"
	"kehoach/internal/fonts"
	"kehoach/internal/plan"
	"kehoach/internal/sheet"
	"kehoach/internal/style"
	"kehoach/internal/testkit"
	"kehoach/internal/vn"
)

const plan2025 = "../../plans/muong-khoa/2025.yaml"

// metrics are the ND30 profile's (the landscape text width, the cell
// padding, the table styles' sizes) with the bundled font, as package
// compose fits the annexes.
func metrics() sheet.Metrics {
	prof := style.Default()
	font := fonts.Bundled()
	return sheet.Metrics{
		Width: prof.Landscape.TextWidth(), PadLeft: prof.CellPad.Left, PadRight: prof.CellPad.Right,
		HeadSize: prof.Style(doc.StyleTableHead).Size, CellSize: prof.Style(doc.StyleTableCell).Size,
		Measure: func(text string, size float64, bold bool) float64 {
			return font.WidthMM(fonts.StyleOf(bold, false), size, text)
		},
	}
}

// fitted are the plan's annexes fitted with metrics().
func fitted(t *testing.T, p *plan.Plan) []sheet.Sheet {
	t.Helper()
	sheets, err := Sheets(p)
	if err != nil {
		t.Fatal(err)
	}
	for i := range sheets {
		if probs := sheets[i].Fit(metrics()); len(probs) > 0 {
			t.Fatalf("biểu %s does not fit the page: %v", sheets[i].Number, probs)
		}
	}
	return sheets
}

// build is Sheets failing the test on an error.
func build(t *testing.T, p *plan.Plan) []sheet.Sheet {
	t.Helper()
	s, err := Sheets(p)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func load(t *testing.T) *plan.Plan {
	t.Helper()
	res, err := plan.Load(plan2025)
	if err != nil || !res.OK() {
		t.Fatalf("load: %v %v", err, res.Errors)
	}
	return res.Plan
}

// row returns the first row whose column col reads text.
func row(t *testing.T, s *sheet.Sheet, col int, text string) sheet.Row {
	t.Helper()
	for _, r := range s.Rows {
		if r.Cells[col].String() == text {
			return r
		}
	}
	t.Fatalf("biểu %s: no row with %q in column %d", s.Number, text, col+1)
	return sheet.Row{}
}

func titles(s *sheet.Sheet) []string {
	var out []string
	for _, c := range s.Columns {
		out = append(out, strings.Join(c.Head, " > "))
	}
	return out
}

// The four annexes of the 2025 plan: headings, column heads, row counts.
func TestSheets2025(t *testing.T) {
	t.Parallel()
	p := load(t)
	sheets, err := Sheets(p)
	if err != nil {
		t.Fatal(err)
	}
	m := metrics()
	for i := range sheets {
		if probs := sheets[i].Fit(m); len(probs) > 0 {
			t.Errorf("biểu %s does not fit the page: %v", sheets[i].Number, probs)
		}
	}
	ref := "(Kèm theo Kế hoạch số " + vn.Blank + "/KH-UBND ngày " + vn.Blank + " tháng " + vn.Blank + " năm 2025 của Ủy ban nhân dân xã Mường Khoa)"
	tests := []struct {
		number, title, unit string
		headerRows, rows    int
		heads               []string
	}{
		{"01", "KẾ HOẠCH THỰC HIỆN CÁC TIÊU CHÍ NÔNG THÔN MỚI NĂM 2025", "", 2,
			// 5 groups + 19 criteria + 7 indicators + the summary row.
			5 + 19 + 7 + 1,
			[]string{"TT", "Tiêu chí, chỉ tiêu", "ĐVT", "Chỉ tiêu quy định",
				"Hiện trạng đầu năm 2025 > Kết quả", "Hiện trạng đầu năm 2025 > Đánh giá",
				"Kế hoạch năm 2025 > Chỉ tiêu", "Kế hoạch năm 2025 > Đánh giá dự kiến cuối năm",
				"Đơn vị thực hiện > Chủ trì", "Đơn vị thực hiện > Phối hợp", "Ghi chú"}},
		{"02", "TỔNG HỢP NGUỒN LỰC THỰC HIỆN CHƯƠNG TRÌNH NĂM 2025", "ĐVT: triệu đồng", 2,
			1 + 3 + 4, // TỔNG SỐ, I–III, their 4 children
			[]string{"STT", "Nguồn vốn", "Kế hoạch năm 2025", "Trong đó > Vốn đầu tư", "Trong đó > Vốn sự nghiệp", "Ghi chú"}},
		{"03", "DANH MỤC CÔNG TRÌNH, DỰ ÁN ĐẦU TƯ NĂM 2025", "ĐVT: triệu đồng", 3,
			1 + 1,
			[]string{"STT", "Tên công trình, dự án", "Địa điểm xây dựng", "Quy mô, năng lực thiết kế",
				"Thời gian khởi công\u00a0- hoàn thành", "Chủ đầu tư", "Tổng mức đầu tư",
				"Kế hoạch vốn năm 2025 > Tổng số",
				// The one work draws on NSTW only: no column for Ngân sách
				// xã nor Vốn lồng ghép.
				"Kế hoạch vốn năm 2025 > Trong đó > Vốn Ngân sách Trung ương",
				"Thuộc tiêu chí số", "Ghi chú"}},
		{"04", "PHÂN BỔ VỐN SỰ NGHIỆP NĂM 2025", "ĐVT: triệu đồng", 1,
			1 + 5,
			[]string{"STT", "Nội dung, nhiệm vụ", "Đơn vị thực hiện", "Kinh phí", "Nguồn vốn", "Thời gian thực hiện", "Ghi chú"}},
	}
	if len(sheets) != len(tests) {
		t.Fatalf("got %d sheets, want %d", len(sheets), len(tests))
	}
	for i, tc := range tests {
		s := &sheets[i]
		t.Run("Biểu "+tc.number, func(t *testing.T) {
			if s.Number != tc.number || s.Heading != "Biểu số "+tc.number || s.Title != tc.title || s.Unit != tc.unit {
				t.Errorf("heading = %q %q %q %q, want %q %q %q", s.Number, s.Heading, s.Title, s.Unit, tc.number, tc.title, tc.unit)
			}
			if s.Ref != ref {
				t.Errorf("ref = %q\nwant  %q", s.Ref, ref)
			}
			if s.Issuer != "Ủy ban nhân dân xã Mường Khoa" {
				t.Errorf("issuer = %q", s.Issuer)
			}
			if got := strings.Join(titles(s), " | "); got != strings.Join(tc.heads, " | ") {
				t.Errorf("columns:\n got %s\nwant %s", got, strings.Join(tc.heads, " | "))
			}
			if s.HeaderRows() != tc.headerRows {
				t.Errorf("header rows = %d, want %d", s.HeaderRows(), tc.headerRows)
			}
			if len(s.Rows) != tc.rows {
				t.Errorf("%d rows, want %d", len(s.Rows), tc.rows)
			}
			w := 0.0
			for _, c := range s.Columns {
				w += c.Width
				if c.Width < 9 {
					t.Errorf("column %q only %.1f mm wide", c.Title(), c.Width)
				}
			}
			if math.Abs(w-m.Width) > 1e-9 {
				t.Errorf("widths add up to %.3f mm, want %.0f", w, m.Width)
			}
			for r, row := range s.Rows {
				if len(row.Cells) != len(s.Columns) {
					t.Errorf("row %d has %d cells for %d columns", r+1, len(row.Cells), len(s.Columns))
				}
			}
			checkTotals(t, s)
		})
	}
}

// checkTotals recomputes every Total from the cells it names and checks
// that it adds up cells of one column or one row, never text.
func checkTotals(t *testing.T, s *sheet.Sheet) {
	t.Helper()
	for r, row := range s.Rows {
		for c, cell := range row.Cells {
			if cell.Kind != sheet.Total {
				if cell.Kind == sheet.Empty && cell.Sum != nil {
					t.Errorf("(%d,%d): empty cell with refs", r, c)
				}
				continue
			}
			var sum vn.Decimal
			for _, ref := range cell.Sum {
				if ref.Col != c && ref.Row != r {
					t.Errorf("(%d,%d): total adds (%d,%d), neither its column nor its row", r, c, ref.Row, ref.Col)
				}
				x := s.Rows[ref.Row].Cells[ref.Col]
				if x.Kind == sheet.Text {
					t.Errorf("(%d,%d): total adds a text cell", r, c)
				}
				sum = sum.Add(x.Value)
			}
			if !sum.Equal(cell.Value) {
				t.Errorf("(%d,%d): total %s, its cells add up to %s", r, c, cell.Value, sum)
			}
		}
	}
}

// Every figure the document prints is the annexes' figure: the same plan
// values, not a copy.
func TestFiguresAgreeWithThePlan(t *testing.T) {
	t.Parallel()
	p := load(t)
	s := build(t, p)
	b01, b02, b03, b04 := &s[0], &s[1], &s[2], &s[3]
	var invest, current vn.Decimal
	for i := range p.NguonLuc.Nguon {
		d, _ := p.NguonLuc.Nguon[i].SumByKind(plan.KindInvest)
		invest = invest.Add(d)
		d, _ = p.NguonLuc.Nguon[i].SumByKind(plan.KindCurrent)
		current = current.Add(d)
	}
	total := row(t, b02, c02Name, "TỔNG SỐ")
	nstw := row(t, b02, c02Name, "Vốn Ngân sách Trung ương")
	lg := row(t, b02, c02Name, "Vốn lồng ghép")
	tests := []struct {
		what string
		cell sheet.Cell
		want vn.Decimal // the figure the text prints
		lit  string
	}{
		{"Biểu 02 TỔNG SỐ", total.Cells[c02Plan], p.Total(), "3.900"},
		{"Biểu 02 TỔNG SỐ vốn đầu tư", total.Cells[c02Invest], invest, "504"},
		{"Biểu 02 TỔNG SỐ vốn sự nghiệp", total.Cells[c02Current], current, "800"},
		{"Biểu 02 NSTW", nstw.Cells[c02Plan], p.NguonLuc.Nguon[0].Sum, "1.304"},
		{"Biểu 02 lồng ghép", lg.Cells[c02Plan], p.NguonLuc.Nguon[2].Sum, "2.556"},
		{"Biểu 02 Ngân sách xã", row(t, b02, c02Name, "Ngân sách xã").Cells[c02Plan], p.NguonLuc.Nguon[1].Sum, "40"},
		{"Biểu 03 TỔNG SỐ", b03.Rows[0].Cells[7], invest, "504"},
		{"Biểu 03 TỔNG SỐ NSTW", b03.Rows[0].Cells[8], p.NguonLuc.Nguon[0].Con[0].Sum, "504"},
		{"Biểu 04 TỔNG SỐ", b04.Rows[0].Cells[c04Amount], p.NguonLuc.Nguon[0].Con[1].Sum, "800"},
	}
	for _, tc := range tests {
		if tc.cell.Kind != sheet.Total && !strings.Contains(tc.what, "Ngân sách xã") {
			t.Errorf("%s: kind %v, want a sheet.Total", tc.what, tc.cell.Kind)
		}
		if !tc.cell.Value.Equal(tc.want) || tc.cell.String() != tc.lit {
			t.Errorf("%s = %s, want %s (%s)", tc.what, tc.cell.String(), tc.lit, tc.want)
		}
	}
	// No column for a source no work draws on (Ngân sách xã).
	for _, c := range b03.Columns {
		if c.Title() == "Ngân sách xã" {
			t.Errorf("Biểu 03 has a column %q that no work draws on", strings.Join(c.Head, " > "))
		}
	}
	if c := row(t, b02, c02Name, "Ngân sách xã").Cells[c02Invest]; c.Kind != sheet.Empty {
		t.Errorf("Biểu 02 Ngân sách xã vốn đầu tư = %q, want empty (no loai)", c.String())
	}
	// 12/19 now, 13/19 at the end of the year.
	sum := b01.Rows[len(b01.Rows)-1]
	want := []string{fmt.Sprintf("%d/%d", p.CountMet(), p.CountCriteria()), fmt.Sprintf("%d/%d", p.CountMet()+p.CountPlanned(), p.CountCriteria())}
	if got := []string{sum.Cells[c01NowEval].String(), sum.Cells[c01PlanEval].String()}; got[0] != want[0] || got[1] != want[1] || want[0] != "12/19" || want[1] != "13/19" {
		t.Errorf("Biểu 01 summary = %v, want %v (12/19, 13/19)", got, want)
	}
	if !sum.Total || !sum.Bold || sum.Cells[c01Name].String() != "Tổng số tiêu chí đạt" {
		t.Errorf("Biểu 01 summary row = %+v", sum)
	}
	// Counting the rows agrees with the counts.
	met, end := 0, 0
	for _, r := range b01.Rows[:len(b01.Rows)-1] {
		if r.Bold && r.Cells[c01NowEval].String() == "Đạt" {
			met++
		}
		if r.Bold && r.Cells[c01PlanEval].String() == "Đạt" {
			end++
		}
	}
	if met != p.CountMet() || end != p.CountMet()+p.CountPlanned() {
		t.Errorf("Biểu 01 rows say %d met now and %d at year end, the plan %d and %d", met, end, p.CountMet(), p.CountMet()+p.CountPlanned())
	}
}

// Criterion rows: bold, in set order, status from danh_gia, units by name;
// indicator rows beneath; the main indicators' targets are the text's.
func TestBieu01Rows(t *testing.T) {
	t.Parallel()
	p := load(t)
	s := build(t, p)[0]
	tests := []struct {
		tt, name, nowEval, endEval, lead, partner, note string
		bold                                            bool
		level                                           int
	}{
		{"I", "QUY HOẠCH", "", "", "", "", "", true, 0},
		{"2", "Giao thông", "Chưa đạt", "Chưa đạt", "Phòng Kinh tế", "", "Bê tông hóa 07\u00a0km đường bản Hô Tra", true, 1},
		{"17", "Môi trường và an toàn thực phẩm", "Chưa đạt", "Đạt", "Phòng Kinh tế", "Trạm Y tế xã, Phòng Văn hóa\u00a0- Xã hội", "", true, 1},
		{"19", "Quốc phòng và An ninh", "Đạt", "Đạt", "Ban Chỉ huy Quân sự xã", "Công an xã", "", true, 1},
		{"17.7", "Tỷ lệ bao gói thuốc bảo vệ thực vật và chất thải rắn y tế được thu gom, xử lý", "", "", "", "", "", false, 2},
	}
	for _, tc := range tests {
		r := row(t, &s, c01TT, tc.tt)
		got := []string{r.Cells[c01Name].String(), r.Cells[c01NowEval].String(), r.Cells[c01PlanEval].String(), r.Cells[c01Lead].String(), r.Cells[c01Partner].String(), r.Cells[c01Note].String()}
		want := []string{tc.name, tc.nowEval, tc.endEval, tc.lead, tc.partner, tc.note}
		if strings.Join(got, "|") != strings.Join(want, "|") || r.Bold != tc.bold || r.Level != tc.level {
			t.Errorf("row %s = %q bold %v level %d, want %q bold %v level %d", tc.tt, got, r.Bold, r.Level, want, tc.bold, tc.level)
		}
	}
	// Group rows: the name spans from the name column to the last, the
	// cells it covers are empty.
	groups := 0
	for _, r := range s.Rows {
		if r.Level != 0 || !r.Bold || r.Total {
			continue
		}
		groups++
		if r.Cells[c01Name].Span != c01N-c01Name {
			t.Errorf("group %s: name spans %d columns, want %d", r.Cells[c01TT], r.Cells[c01Name].Span, c01N-c01Name)
		}
		for c := c01Name + 1; c < c01N; c++ {
			if r.Cells[c].Kind != sheet.Empty {
				t.Errorf("group %s: covered cell %d holds %q", r.Cells[c01TT], c, r.Cells[c].String())
			}
		}
	}
	if groups != 5 {
		t.Errorf("%d group rows, want 5", groups)
	}
	// Criteria in set order.
	var order []string
	for _, r := range s.Rows {
		if r.Bold && r.Level == 1 {
			order = append(order, r.Cells[c01TT].String())
		}
	}
	if got := strings.Join(order, " "); got != "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19" {
		t.Errorf("criteria order %s", got)
	}
	// Targets of linked indicators come from muc_tieu.chi_tieu.
	targets := map[string]string{"10": "≥\u00a054", "11": "≤\u00a011", "15.1": "≥\u00a060", "17.7": "100", "15.3": "<\u00a018,92"}
	units := map[string]string{"10": "triệu đồng/người/năm", "11": "%", "15.1": "%", "17.7": "%", "15.3": "%"}
	for code, want := range targets {
		var r sheet.Row
		for _, x := range s.Rows {
			if x.Cells[c01TT].String() == code && !x.Bold {
				r = x
			}
		}
		if got := r.Cells[c01Plan].String(); got != want {
			t.Errorf("indicator %s target %q, want %q", code, got, want)
		}
		if got := r.Cells[c01Unit].String(); got != units[code] {
			t.Errorf("indicator %s unit %q, want %q", code, got, units[code])
		}
	}
}

// The indicator rows of Biểu 01 are the rows plan.Load enriched
// (DanhGiaTC.Rows): the threshold for the commune's region in “Chỉ tiêu
// quy định”, blank where the set has no verified one; wording and unit
// from the set where the plan leaves them out; the plan's own values in
// the other columns.
func TestBieu01IndicatorRows(t *testing.T) {
	t.Parallel()
	const (
		name153 = "Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi"
		set153  = name153 + " (chiều cao theo tuổi)" // the set's wording
	)
	// Criterion 15.3 of the 2025 plan, without its own wording and unit,
	// with a value now.
	bare := func(s string) string {
		old := "        - ma: \"15.3\"\n          ten: " + name153 + "\n          don_vi: \"%\"\n"
		if !strings.Contains(s, old) {
			t.Fatal("the 2025 plan no longer has indicator 15.3 as this test expects")
		}
		return strings.Replace(s, old, "        - ma: \"15.3\"\n          hien_trang: \"20,1\"\n", 1)
	}
	type cells struct{ name, unit, rule, now, plan string }
	tests := []struct {
		name string
		edit func(string) string // the plan text; nil: as it is
		vung string              // the commune's region; "": as it is (tdmnpb)
		want map[string]cells    // by indicator code
	}{
		{"Mường Khoa 2025", nil, "", map[string]cells{
			"15.3": {name153, "%", "≤\u00a024", "", "<\u00a018,92"}, // QĐ 318, tdmnpb
			"15.1": {"Tỷ lệ người dân tham gia bảo hiểm y tế", "%", "", "", "≥\u00a060"},
			"17.7": {"Tỷ lệ bao gói thuốc bảo vệ thực vật và chất thải rắn y tế được thu gom, xử lý", "%", "", "", "100"},
			"10":   {"Thu nhập bình quân đầu người khu vực nông thôn", "triệu đồng/người/năm", "", "", "≥\u00a054"},
		}},
		{"wording and unit from the set", bare, "", map[string]cells{
			"15.3": {set153, "%", "≤\u00a024", "20,1", "<\u00a018,92"},
		}},
		{"another region", bare, "tn", map[string]cells{
			"15.3": {set153, "%", "≤\u00a026,5", "20,1", "<\u00a018,92"},
			"15.1": {"Tỷ lệ người dân tham gia bảo hiểm y tế", "%", "", "", "≥\u00a060"},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := plan2025
			if tc.edit != nil || tc.vung != "" {
				path = testkit.CopyPlan(t, t.TempDir(), "muong-khoa", "2025.yaml", tc.edit)
				if tc.vung != "" {
					xa := filepath.Join(filepath.Dir(path), "xa.yaml")
					b, err := os.ReadFile(xa)
					if err != nil || !strings.Contains(string(b), "\nvung: tdmnpb\n") {
						t.Fatalf("xa.yaml: %v, or no vung: tdmnpb", err)
					}
					if err := os.WriteFile(xa, []byte(strings.Replace(string(b), "\nvung: tdmnpb\n", "\nvung: "+tc.vung+"\n", 1)), 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
			res, err := plan.Load(path)
			if err != nil || !res.OK() {
				t.Fatalf("load: %v %v", err, res.Errors)
			}
			s := build(t, res.Plan)[0]
			for code, want := range tc.want {
				var r *sheet.Row
				for i := range s.Rows {
					if x := &s.Rows[i]; x.Cells[c01TT].String() == code && !x.Bold {
						r = x
					}
				}
				if r == nil {
					t.Errorf("no indicator row %s", code)
					continue
				}
				got := cells{r.Cells[c01Name].String(), r.Cells[c01Unit].String(), r.Cells[c01Rule].String(), r.Cells[c01Now].String(), r.Cells[c01Plan].String()}
				want.name = vn.Bind(want.name) // "5 tuổi" bound
				if got != want {
					t.Errorf("indicator %s (name, unit, rule, now, plan):\n got %q\nwant %q", code, got, want)
				}
				if want.rule == "" && r.Cells[c01Rule].Kind != sheet.Empty {
					t.Errorf("indicator %s: rule cell kind %v, want empty", code, r.Cells[c01Rule].Kind)
				}
			}
		})
	}
}

// The funds' names in Biểu 02's “Trong đó” columns and Biểu 04's title
// are the plan's period's (templates/giai-doan, bieu).
func TestVocabularyByPeriod(t *testing.T) {
	t.Parallel()
	tests := []struct {
		plan                     string
		invest, current, title04 string
	}{
		{plan2025, "Vốn đầu tư", "Vốn sự nghiệp", "PHÂN BỔ VỐN SỰ NGHIỆP NĂM 2025"},
		{"../../testdata/corpus/ea-to-lo/2026.yaml", "Vốn đầu tư công", "Kinh phí thường xuyên", "PHÂN BỔ KINH PHÍ THƯỜNG XUYÊN NĂM 2026"},
	}
	for _, tc := range tests {
		res, err := plan.Load(tc.plan)
		if err != nil || !res.OK() {
			t.Fatalf("%s: load: %v %v", tc.plan, err, res.Errors)
		}
		v := res.Plan.Period.Bieu
		if v.DauTu != tc.invest || v.ThuongXuyen != tc.current {
			t.Errorf("%s: period %s names %q, %q", tc.plan, res.Plan.Period.Ma, v.DauTu, v.ThuongXuyen)
		}
		s := build(t, res.Plan)
		got := []string{strings.Join(s[1].Columns[c02Invest].Head, " > "), strings.Join(s[1].Columns[c02Current].Head, " > "), s[3].Title}
		want := []string{"Trong đó > " + tc.invest, "Trong đó > " + tc.current, tc.title04}
		if strings.Join(got, " | ") != strings.Join(want, " | ") {
			t.Errorf("%s:\n got %q\nwant %q", tc.plan, got, want)
		}
	}
	// Without a period (plan.Load gives every valid plan one) the annexes
	// are an error, not blank headers.
	p := load(t)
	p.Period = nil
	if _, err := Sheets(p); err == nil || !strings.Contains(err.Error(), "giai đoạn") {
		t.Errorf("no period: %v", err)
	}
}

// A source of loai thuong_xuyen goes where su_nghiep goes: Biểu 02's
// current funds column, pointing to Biểu 04.
func TestCurrentFundsSpelling(t *testing.T) {
	t.Parallel()
	for _, loai := range []string{"su_nghiep", "thuong_xuyen"} {
		p := load(t)
		src := &p.NguonLuc.Nguon[0].Con[1]
		if src.Ten != "Vốn sự nghiệp" {
			t.Fatalf("source %q, want Vốn sự nghiệp", src.Ten)
		}
		src.Loai = loai
		b02 := build(t, p)[1]
		r := row(t, &b02, c02Name, "Vốn sự nghiệp")
		got := []string{r.Cells[c02Invest].String(), r.Cells[c02Current].String(), r.Cells[c02Note].String(), b02.Rows[0].Cells[c02Current].String()}
		if want := []string{"", "800", "Chi tiết tại Biểu số 04", "800"}; strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("loai %s: (đầu tư, sự nghiệp, ghi chú, TỔNG SỐ sự nghiệp) = %q, want %q", loai, got, want)
		}
	}
}

// A changed plan value changes the annex: the target of a main indicator,
// a main indicator linked to an indicator without its own row, an amount.
func TestAnnexFollowsThePlan(t *testing.T) {
	t.Parallel()
	p := load(t)
	p.MucTieu.ChiTieu[0].GiaTri.Decimal = vn.Int(58) // income ≥ 58
	p.MucTieu.ChiTieu[1].TieuChi = "13.2"            // now linked to criterion 13
	p.NguonLuc.Nguon[2].Con[0].Sum = vn.Int(702)     // lồng ghép giảm nghèo
	p.NguonLuc.Nguon[2].Con[0].SoTien.Decimal = vn.Int(702)
	s := build(t, p)
	b01 := s[0]
	var income, added sheet.Row
	for i, r := range b01.Rows {
		if r.Cells[c01TT].String() == "10" && !r.Bold {
			income = r
		}
		if r.Cells[c01TT].String() == "13.2" {
			added = r
			if prev := b01.Rows[i-1].Cells[c01TT].String(); prev != "13" {
				t.Errorf("indicator 13.2 follows row %q, want criterion 13", prev)
			}
		}
	}
	if got := income.Cells[c01Plan].String(); got != "≥\u00a058" {
		t.Errorf("income target %q, want ≥ 58", got)
	}
	if added.Cells[c01Name].String() != "Tỷ lệ hộ nghèo đa chiều" || added.Cells[c01Plan].String() != "≤\u00a011" || added.Cells[c01Unit].String() != "%" || added.Level != 2 {
		t.Errorf("added indicator row = %+v", added)
	}
	if got := s[1].Rows[0].Cells[c02Plan].String(); got != "4.000" {
		t.Errorf("Biểu 02 TỔNG SỐ = %s after +100, want 4.000", got)
	}
}

// The reference line: blanks in a draft, the number and date once issued,
// with ND30's leading zeros.
func TestRef(t *testing.T) {
	t.Parallel()
	tests := []struct {
		so   int
		ngay string
		want string
	}{
		{0, "", "(Kèm theo Kế hoạch số " + vn.Blank + "/KH-UBND ngày " + vn.Blank + " tháng " + vn.Blank + " năm 2025 của Ủy ban nhân dân xã Mường Khoa)"},
		{125, "2025-08-05", "(Kèm theo Kế hoạch số 125/KH-UBND ngày 05 tháng 8 năm 2025 của Ủy ban nhân dân xã Mường Khoa)"},
		{5, "2024-12-30", "(Kèm theo Kế hoạch số 05/KH-UBND ngày 30 tháng 12 năm 2024 của Ủy ban nhân dân xã Mường Khoa)"},
		{7, "2025-02-01", "(Kèm theo Kế hoạch số 07/KH-UBND ngày 01 tháng 02 năm 2025 của Ủy ban nhân dân xã Mường Khoa)"},
	}
	for _, tc := range tests {
		p := load(t)
		p.VanBan.So = plan.DocNo(tc.so)
		if tc.ngay != "" {
			d, _ := time.Parse("2006-01-02", tc.ngay)
			p.VanBan.Ngay = plan.Date{Time: d}
		}
		for _, s := range build(t, p) {
			if s.Ref != tc.want {
				t.Errorf("số %d ngày %s, biểu %s: %q\nwant %q", tc.so, tc.ngay, s.Number, s.Ref, tc.want)
			}
		}
	}
}

// Without works or allocations the tables keep their header and an empty
// TỔNG SỐ row (no 0 for a column with nothing in it).
func TestEmptyAnnexes(t *testing.T) {
	t.Parallel()
	p := load(t)
	p.Bieu = plan.Bieu{}
	s := build(t, p)
	for _, i := range []int{2, 3} {
		if len(s[i].Rows) != 1 {
			t.Errorf("biểu %s: %d rows, want the TỔNG SỐ row only", s[i].Number, len(s[i].Rows))
		}
		for c, cell := range s[i].Rows[0].Cells {
			if cell.IsNumber() {
				t.Errorf("biểu %s: TỔNG SỐ column %d = %s, want empty", s[i].Number, c+1, cell.String())
			}
		}
	}
	// Biểu 02 no longer points to empty annexes.
	for _, r := range s[1].Rows {
		if n := r.Cells[c02Note].String(); n != "" {
			t.Errorf("Biểu 02 note %q with empty Biểu 03/04", n)
		}
	}
}

// Plan text is text, whatever it looks like: never a number or a formula.
func TestTextStaysText(t *testing.T) {
	t.Parallel()
	p := load(t)
	p.Bieu.CongTrinh[0].Ten = `=HYPERLINK("http://x","y")`
	p.Bieu.SuNghiep[0].NoiDung = "+1"
	p.Bieu.SuNghiep[1].GhiChu = "-2"
	p.Bieu.SuNghiep[2].ThoiGian = "@SUM(A1)"
	s := build(t, p)
	for _, c := range []sheet.Cell{s[2].Rows[1].Cells[1], s[3].Rows[1].Cells[c04Task], s[3].Rows[2].Cells[c04Note], s[3].Rows[3].Cells[c04When]} {
		if c.Kind != sheet.Text || c.Sum != nil {
			t.Errorf("%q: kind %v, want sheet.Text", c.String(), c.Kind)
		}
	}
}

// Referenced: the annexes the text refers to, in annex order.
func TestReferenced(t *testing.T) {
	t.Parallel()
	p := load(t)
	if got := strings.Join(Referenced(p), " "); got != "01 02 03 04" {
		t.Errorf("2025: %s", got)
	}
	p.NhiemVu.Bieu = nil
	p.NguonLuc.Bieu = []string{"04", "02"}
	p.NhiemVu.Nhom[1].Bieu = []string{"02"}
	if got := strings.Join(Referenced(p), " "); got != "02 04" {
		t.Errorf("edited: %s", got)
	}
}

// No word of a header or a cell is wider than its fitted column less the
// profile's cell padding, at 11 pt in the cell's face: no reader, DOCX,
// PDF or XLSX, has to break a word inside. Words bound by no-break spaces
// ("≥ 54") count as one.
func TestWordsFitTheirColumns(t *testing.T) {
	t.Parallel()
	m := metrics()
	margins, size := m.PadLeft+m.PadRight, 11.0
	font := fonts.Bundled()
	for _, s := range fitted(t, load(t)) {
		check := func(text string, face fonts.Style, width float64, where string) {
			for _, w := range strings.Split(text, " ") {
				if got := font.WidthMM(face, size, w); got > width-margins {
					t.Errorf("biểu %s, %s: %q is %.1f mm, the column leaves %.1f mm", s.Number, where, w, got, width-margins)
				}
			}
		}
		for _, hr := range s.Header() {
			for _, hc := range hr {
				w := 0.0
				for c := hc.Col; c < hc.Col+hc.ColSpan; c++ {
					w += s.Columns[c].Width
				}
				check(hc.Text, fonts.Bold, w, "header")
			}
		}
		for r, row := range s.Rows {
			face := fonts.Regular
			if row.Bold {
				face = fonts.Bold
			}
			for c, cell := range row.Cells {
				check(cell.String(), face, s.Columns[c].Width, fmt.Sprintf("row %d", r+1))
			}
		}
	}
}

// Biểu 03 carries a column for each top-level source some work draws on,
// in the order of nguon_luc, whatever the order of the von entries; a von
// entry of a child source counts for its top-level source; with no work
// only the total column is left.
func TestBieu03Sources(t *testing.T) {
	t.Parallel()
	von := func(code string, amount int64) plan.PhanBo {
		return plan.PhanBo{Nguon: code, SoTien: plan.Number{Decimal: vn.Int(amount), Set: true}}
	}
	head := func(s *sheet.Sheet) []string {
		var out []string
		for _, c := range s.Columns[7:] {
			out = append(out, strings.Join(c.Head, " > "))
		}
		return out
	}
	year := "Kế hoạch vốn năm 2025 > "
	p := load(t)
	w := p.Bieu.CongTrinh[0]
	w2 := w
	w2.Ten = "Nhà văn hóa bản Nậm Bó"
	// Lồng ghép (through a child) before NSTW in the work: columns still in
	// nguon_luc order; Ngân sách xã through the second work.
	w.Von = []plan.PhanBo{von("long-ghep-dtts", 100), von("nstw-dau-tu", 504)}
	w2.Von = []plan.PhanBo{von("ns-xa", 0)}
	p.Bieu.CongTrinh = []plan.CongTrinh{w, w2}
	s := build(t, p)[2]
	want := []string{year + "Tổng số", year + "Trong đó > Vốn Ngân sách Trung ương", year + "Trong đó > Ngân sách xã", year + "Trong đó > Vốn lồng ghép", "Thuộc tiêu chí số", "Ghi chú"}
	if got := head(&s); strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("columns:\n got %s\nwant %s", strings.Join(got, " | "), strings.Join(want, " | "))
	}
	var got []string
	for _, r := range s.Rows {
		got = append(got, fmt.Sprintf("%s %s %s %s", r.Cells[7], r.Cells[8], r.Cells[9], r.Cells[10]))
	}
	if strings.Join(got, "; ") != "604 504 0 100; 604 504  100; 0  0 " {
		t.Errorf("amounts (total, NSTW, NS xã, lồng ghép): %q", strings.Join(got, "; "))
	}
	checkTotals(t, &s)

	// Only lồng ghép.
	w.Von = []plan.PhanBo{von("long-ghep-giam-ngheo", 50)}
	p.Bieu.CongTrinh = []plan.CongTrinh{w}
	s = build(t, p)[2]
	if got := strings.Join(head(&s), " | "); got != year+"Tổng số | "+year+"Trong đó > Vốn lồng ghép | Thuộc tiêu chí số | Ghi chú" {
		t.Errorf("columns with lồng ghép only: %s", got)
	}
	if got := s.Rows[0].Cells[7].String() + " " + s.Rows[0].Cells[8].String(); got != "50 50" {
		t.Errorf("TỔNG SỐ %q, want 50 50", got)
	}

	// No work: the total column only, two header rows.
	p.Bieu.CongTrinh = nil
	s = build(t, p)[2]
	if got := strings.Join(head(&s), " | "); got != year+"Tổng số | Thuộc tiêu chí số | Ghi chú" {
		t.Errorf("columns without works: %s", got)
	}
	if s.HeaderRows() != 2 || len(s.Rows) != 1 || s.Rows[0].Cells[7].Kind != sheet.Empty {
		t.Errorf("without works: %d header rows, %d rows, total %q", s.HeaderRows(), len(s.Rows), s.Rows[0].Cells[7].String())
	}
}

// Heading rows keep with the row below them: a Biểu 01 criterion with its
// indicators, a group with its first criterion, a Biểu 02 source with its
// parts; indicator rows, leaves and totals do not.
func TestKeepHeads(t *testing.T) {
	t.Parallel()
	sheets, err := Sheets(load(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sheets {
		for i, r := range s.Rows {
			want := !r.Total && i+1 < len(s.Rows) && s.Rows[i+1].Level > r.Level
			if r.KeepNext != want {
				t.Errorf("%s row %d (%q): KeepNext %v, want %v", s.Number, i, r.Cells[1].String(), r.KeepNext, want)
			}
		}
	}
	b01 := sheets[0]
	var keep []string
	for _, r := range b01.Rows {
		if r.KeepNext {
			keep = append(keep, r.Cells[0].String())
		}
	}
	if got := strings.Join(keep, " "); got != "I II III 10 11 12 IV 15 16 17 V" {
		t.Errorf("Biểu 01 rows keeping with the next: %s", got)
	}
}

// The 2025 annexes with the real font: nothing cut; every amount column
// fits its widest amount on one line; Biểu 01's name column is its widest
// and wider than ĐVT.
func TestFit2025(t *testing.T) {
	m := metrics()
	for _, s := range fitted(t, load(t)) {
		for c, col := range s.Columns {
			if !col.Numeric {
				continue
			}
			for _, r := range s.Rows {
				cell := r.Cells[c]
				if !cell.IsNumber() {
					continue
				}
				if w := m.Measure(cell.String(), m.CellSize, r.Bold) + m.PadLeft + m.PadRight; w > col.Width {
					t.Errorf("biểu %s, %s: %s needs %.1f mm, the column is %.1f", s.Number, col.Title(), cell.String(), w, col.Width)
				}
			}
		}
		if s.Number != "01" {
			continue
		}
		name, unit := s.Columns[c01Name].Width, s.Columns[c01Unit].Width
		for c, col := range s.Columns {
			if c != c01Name && col.Width >= name {
				t.Errorf("Biểu 01: %s (%.1f mm) is as wide as the name column (%.1f mm)", col.Title(), col.Width, name)
			}
		}
		if name < unit+10 {
			t.Errorf("Biểu 01: name %.1f mm, ĐVT %.1f mm", name, unit)
		}
	}
}
