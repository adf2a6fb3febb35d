package compose

import (
	"strings"
	"testing"
	"time"

	"kehoach/internal/doc"
	"kehoach/internal/layout"
	"kehoach/internal/plan"
	"kehoach/internal/plan/plantest"
	"kehoach/internal/testkit"
	"kehoach/internal/vn"
)

// issued2025 loads a copy of the 2025 plan issued as number 125 on
// 05/8/2025, with a signer's name.
func issued2025(t *testing.T) *plan.Result {
	t.Helper()
	path := testkit.CopyPlan(t, t.TempDir(), "muong-khoa", "2025.yaml", func(s string) string {
		s = strings.Replace(s, "  so: # dự thảo: văn thư điền số khi ban hành (kehoach issue)\n", "  so: 125\n", 1)
		s = strings.Replace(s, "  ngay: # dự thảo\n", "  ngay: 2025-08-05\n", 1)
		return strings.Replace(s, "  ho_ten: # bản mẫu không ghi họ tên người ký\n", "  ho_ten: Lò Văn Minh\n", 1)
	})
	res, err := plan.Load(path)
	if err != nil || !res.OK() {
		t.Fatalf("load: %v %v", err, res.Errors)
	}
	return res
}

func composeOpts(t *testing.T, res *plan.Result, o Options) *doc.Document {
	t.Helper()
	o.Measure = layout.Bundled()
	c, err := All(res.Plan, plantest.Profile(t, res), o)
	if err != nil {
		t.Fatal(err)
	}
	return c.Doc
}

// The record of Phụ lục VI carries what the plan says: the Nơi nhận
// recipients one per copy line of kehoach print (10 bản for “Trưởng các
// bản”), the 26 copies print counts (manifest's TestTotal2025), the
// number and date on paper only.
func TestRecord(t *testing.T) {
	res := issued2025(t)
	bans := []string{"Hô Tra", "Nà Ún", "Phiêng Phát", "Nà Phát", "Bút Trên", "Bút Dưới", "Chiềng Ban", "Nà Khì", "Hua Chăng", "Nậm Bon"}
	wantTo := []string{"Sở Nông nghiệp và Môi trường", "TT. Đảng ủy xã", "TT. HĐND xã", "Chủ tịch, các PCT UBND xã", "Các cơ quan, đơn vị, đoàn thể xã"}
	for _, b := range bans {
		wantTo = append(wantTo, "Trưởng bản "+b)
	}
	for _, tc := range []struct {
		name       string
		electronic bool
		number     string
		date       time.Time
	}{
		{"paper", false, "125", time.Date(2025, 8, 5, 0, 0, 0, 0, time.UTC)},
		{"electronic", true, "", time.Time{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := composeOpts(t, res, Options{Electronic: tc.electronic}).Meta.Record
			want := map[string][2]string{
				"TypeName":     {r.TypeName, "Kế hoạch"},
				"CodeNumber":   {r.CodeNumber, tc.number},
				"CodeNotation": {r.CodeNotation, "KH-UBND"},
				"OrganName":    {r.OrganName, "Ủy ban nhân dân xã Mường Khoa"},
				"Subject":      {r.Subject, "Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2025 trên địa bàn xã Mường Khoa"},
				"Language":     {r.Language, "Tiếng Việt"},
				"Position":     {r.SignerInfo.Position, "Phó Chủ tịch"},
				"FullName":     {r.SignerInfo.FullName, "Lò Văn Minh"},
			}
			for k, v := range want {
				if v[0] != v[1] {
					t.Errorf("%s = %q, want %q", k, v[0], v[1])
				}
			}
			if !r.IssuedDate.Equal(tc.date) {
				t.Errorf("IssuedDate = %v, want %v", r.IssuedDate, tc.date)
			}
			if r.IssuedAmount != 26 || r.PageAmount != 0 || r.Priority != 0 || !r.DueDate.IsZero() || r.Description != "" {
				t.Errorf("IssuedAmount %d (want 26), PageAmount %d, Priority %d, DueDate %v, Description %q (want none)", r.IssuedAmount, r.PageAmount, r.Priority, r.DueDate, r.Description)
			}
			var got []string
			for _, to := range r.To {
				got = append(got, to.OrganName)
				if to.OrganID != "" {
					t.Errorf("recipient %q has an identifier %q the plan does not know", to.OrganName, to.OrganID)
				}
			}
			if strings.Join(got, "|") != strings.Join(wantTo, "|") {
				t.Errorf("To =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantTo, "\n"))
			}
		})
	}
	if r := composeOpts(t, res, Options{Review: true, Electronic: true}).Meta; !r.Record.IsZero() || r.Keywords != nil {
		t.Errorf("the review copy carries a record %+v, keywords %v", r.Record, r.Keywords)
	}
}

// paraTexts are the plain texts of the paragraphs of blocks, columns
// included, in order.
func paraTexts(bs []doc.Block) []string {
	var out []string
	for _, b := range bs {
		switch v := b.(type) {
		case *doc.Paragraph:
			out = append(out, doc.PlainText(v.Runs))
		case *doc.Columns:
			for _, col := range v.Cols {
				out = append(out, paraTexts(col)...)
			}
		case *doc.Table:
			for _, r := range v.Rows {
				for _, c := range r.Cells {
					for _, p := range c.Paragraphs {
						out = append(out, doc.PlainText(p.Runs))
					}
				}
			}
		}
	}
	return out
}

// signRooms are the Spacers of the signature block (the last Columns
// block of the first section).
func signRooms(d *doc.Document) []*doc.Spacer {
	var cols *doc.Columns
	for _, b := range d.Sections[0].Blocks {
		if c, ok := b.(*doc.Columns); ok {
			cols = c
		}
	}
	var out []*doc.Spacer
	for _, b := range cols.Cols[len(cols.Cols)-1] {
		if s, ok := b.(*doc.Spacer); ok {
			out = append(out, s)
		}
	}
	return out
}

// The electronic layout of an issued plan leaves the number and the day
// and month blank for the document system (ND30 Điều 15.3), the four
// places of every annex's reference line blank (Phụ lục I III.1.c), marks
// the signing room, and carries keywords; the paper layout prints them
// and marks nothing. A draft's electronic layout has no “DỰ THẢO” mark.
func TestElectronicLayout(t *testing.T) {
	res := issued2025(t)
	b := vn.Blank
	for _, tc := range []struct {
		name       string
		electronic bool
		number     string
		date       string
		ref        string
	}{
		{"paper", false, "Số: 125/KH-UBND", "Mường Khoa, ngày 05 tháng 8 năm 2025",
			"(Kèm theo Kế hoạch số 125/KH-UBND ngày 05 tháng 8 năm 2025 của Ủy ban nhân dân xã Mường Khoa)"},
		{"electronic", true, "Số: " + b + "/KH-UBND", "Mường Khoa, ngày " + b + " tháng " + b + " năm 2025",
			"(Kèm theo Kế hoạch số " + b + "/KH-UBND ngày " + b + " tháng " + b + " năm " + b + " của Ủy ban nhân dân xã Mường Khoa)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := composeOpts(t, res, Options{Electronic: tc.electronic})
			texts := strings.Join(paraTexts(d.Sections[0].Blocks), "\n")
			for _, want := range []string{vn.Bind(tc.number), tc.date} {
				w := strings.ReplaceAll(want, " ", "\u00a0")
				if !strings.Contains(texts, want) && !strings.Contains(texts, w) {
					t.Errorf("header has no line %q:\n%s", want, texts[:min(len(texts), 600)])
				}
			}
			if len(d.Sections) < 2 {
				t.Fatal("no annex sections")
			}
			for _, s := range d.Sections[1:] {
				got := paraTexts(s.Blocks)
				if !containsBound(got, tc.ref) {
					t.Errorf("annex section has no reference line %q: %q", tc.ref, got[:min(len(got), 4)])
				}
			}
			rooms := signRooms(d)
			if len(rooms) != 1 || rooms[0].Height != 25 {
				t.Fatalf("signature block spacers %+v, want one 25 mm room", rooms)
			}
			sign := rooms[0].Sign
			if tc.electronic {
				if sign == nil || sign.Seal != 25 || sign.Width < 40 || sign.Width > 102 {
					t.Errorf("signing room %+v, want a signature box as wide as the widest signature line and a 25 mm seal box", sign)
				}
				if len(d.Meta.Keywords) == 0 || d.Meta.Keywords[1] != "KH-UBND" {
					t.Errorf("keywords %q", d.Meta.Keywords)
				}
			} else if sign != nil || d.Meta.Keywords != nil {
				t.Errorf("paper layout marks a signing room %+v or keywords %q", sign, d.Meta.Keywords)
			}
		})
	}
	draft := load2025(t)
	for _, tc := range []struct {
		electronic bool
		mark       bool
	}{{false, true}, {true, false}} {
		d := composeOpts(t, draft, Options{Electronic: tc.electronic})
		p, ok := d.Sections[0].Blocks[0].(*doc.Paragraph)
		has := ok && p.Style == doc.StyleDraftMark
		if has != tc.mark {
			t.Errorf("electronic %v: draft mark %v, want %v", tc.electronic, has, tc.mark)
		}
	}
}

// containsBound reports whether one of texts is want, its spaces bound
// or not (vn.Bind may bind some of them).
func containsBound(texts []string, want string) bool {
	norm := func(s string) string { return strings.ReplaceAll(s, "\u00a0", " ") }
	for _, s := range texts {
		if norm(s) == norm(want) {
			return true
		}
	}
	return false
}
