package programme

import (
	"strings"
	"testing"
	"testing/fstest"

	"kehoach/templates"
)

func TestThreshold(t *testing.T) {
	s, err := LoadCriteriaSet("qd318-2021-2025")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name     string
		class    Class
		ma       string
		want     string
		missing  string // part of Missing
		keyIssue bool
	}{
		{"mountain region stunting", Class{Vung: "tdmnpb"}, "15.3", "≤ 24", "", false},
		{"delta stunting, decimal comma", Class{Vung: "dbsh"}, "15.3", "≤ 16,5", "", false},
		{"Mekong stunting", Class{Vung: "dbscl"}, "15.3", "≤ 19", "", false},
		{"special commune uses the mountain value", Class{Vung: "dbscl", DacBiet: true}, "15.3", "≤ 24", "", false},
		{"e-record cut off in the source", Class{Vung: "tn"}, "15.4", "", "chưa có ngưỡng", false},
		{"e-record mountain", Class{Vung: "tdmnpb"}, "15.4", "≥ 50", "", false},
		{"word threshold, common", Class{Vung: "tn"}, "3.2", "Đạt", "", false},
		{"unverified value never printed", Class{Vung: "tdmnpb"}, "3.1", "", "chưa đối chiếu", false},
		{"commune without region", Class{}, "15.3", "", "", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			key, _, ok := s.Key(c.class)
			if ok == c.keyIssue {
				t.Fatalf("Key(%+v) ok = %v", c.class, ok)
			}
			if !ok {
				return
			}
			in := s.Indicator(c.ma)
			if in == nil {
				t.Fatalf("no indicator %s", c.ma)
			}
			v := s.Threshold(in, key, nil)
			if v.Text != c.want || !strings.Contains(v.Missing, c.missing) || (c.missing == "") != (v.Missing == "") {
				t.Errorf("Threshold(%s, %s) = %+v; want %q missing %q", c.ma, key, v, c.want, c.missing)
			}
		})
	}
}

func TestGroupKey(t *testing.T) {
	s, err := LoadCriteriaSet("qd51-2026-2030")
	if err != nil {
		t.Fatal(err)
	}
	if len(s.TieuChi) != 10 || s.SoChiTieu != 47 || len(s.NhomXa) != 3 {
		t.Fatalf("qd51: %d criteria, %d indicators, %d groups; want 10, 47, 3", len(s.TieuChi), s.SoChiTieu, len(s.NhomXa))
	}
	if k, d, ok := s.Key(Class{Nhom: 3, Vung: "tdmnpb"}); !ok || k != "3" || d != "xã nhóm 3" {
		t.Errorf("Key(nhóm 3) = %q %q %v", k, d, ok)
	}
	if _, what, ok := s.Key(Class{Vung: "tdmnpb"}); ok || what != "nhom_xa" {
		t.Errorf("Key without group = %q %v; want nhom_xa missing", what, ok)
	}
	// Every old criterion maps to exactly one new one.
	old, _ := LoadCriteriaSet("qd318-2021-2025")
	seen := map[int]int{}
	for _, c := range s.TieuChi {
		for _, o := range c.ThayCho {
			if _, ok := old.Criterion(o); !ok {
				t.Errorf("criterion %d: thay_cho %d is not a QĐ 318 criterion", c.So, o)
			}
			if p, dup := seen[o]; dup {
				t.Errorf("QĐ 318 criterion %d mapped to both %d and %d", o, p, c.So)
			}
			seen[o] = c.So
		}
	}
	if len(seen) != len(old.TieuChi) {
		t.Errorf("%d of %d QĐ 318 criteria mapped", len(seen), len(old.TieuChi))
	}
}

// The 2016–2020 thresholds of QĐ 1980/QĐ-TTg circulate on the web next to
// QĐ 318's; none may enter the data (../shared/spec/ntm-2026.md §1.2).
func TestNoQD1980Values(t *testing.T) {
	banned := []struct {
		word, key, value string
	}{
		{"bảo hiểm y tế", "", "85"},
		{"thấp còi", "tdmnpb", "26.7"},
		{"thấp còi", "dbscl", "20.5"},
		{"thu nhập", "tdmnpb", "36"},
		{"thu nhập", "dbscl", "50"},
		{"lao động", "tdmnpb", "25"},
	}
	for _, id := range CriteriaSetIDs() {
		s, err := LoadCriteriaSet(id)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range s.TieuChi {
			for _, in := range c.ChiTieu {
				if len(in.Nguon) == 0 {
					t.Errorf("%s %s has no source", id, in.Ma)
				}
				for _, th := range in.Nguong {
					if th.Nguon == "" {
						t.Errorf("%s %s %s has no source", id, in.Ma, th.ApDung)
					}
					for _, b := range banned {
						if strings.Contains(strings.ToLower(in.Ten+" "+c.Ten), b.word) && (b.key == "" || b.key == th.ApDung) && th.GiaTri == b.value {
							t.Errorf("%s %s %s = %s is the QĐ 1980 (2016–2020) value", id, in.Ma, th.ApDung, th.GiaTri)
						}
					}
				}
			}
		}
	}
}

// A provincial set overrides the national value for its communes, adds
// indicators, and a value it leaves unverified is not printed.
func TestProvincialOverride(t *testing.T) {
	defer templates.Use(templates.FS, "", nil)
	over := fstest.MapFS{}
	for _, name := range []string{"nguon.yaml", "can-cu.yaml", "tieu-chi/qd318-2021-2025.yaml"} {
		b, err := templates.FS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		over[name] = &fstest.MapFile{Data: b}
	}
	templates.Use(over, "", nil)
	src := `ma: thu
tinh: Thử
bo: qd318-2021-2025
van_ban: {loai: Quyết định, so: 1/QĐ-UBND, ngay: 2024-01-02, co_quan: UBND tỉnh Thử, trich_yeu: ban hành Bộ tiêu chí, nguon: [SEED]}
chi_tieu:
  - ma: "15.3"
    nguong: [{ap_dung: chung, gia_tri: "20", nguon: SEED, da_doi_chieu: true}]
  - ma: "15.4"
    nguong: [{ap_dung: tn, gia_tri: "40", nguon: SEED, da_doi_chieu: false}]
  - ma: "16.1"
    tieu_chi: 16
    ten: Tỷ lệ bản đạt chuẩn văn hóa
    dvt: "%"
    so_sanh: ">="
    nguon: [SEED]
    nguong: [{ap_dung: chung, gia_tri: "70", nguon: SEED, da_doi_chieu: true}]
`
	ps, err := ParseProvincialSet("tinh-thu.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	s, _ := LoadCriteriaSet("qd318-2021-2025")
	if v := s.Threshold(s.Indicator("15.3"), "tdmnpb", ps); v.Text != "≤ 20" || v.From != "tinh-thu.yaml" {
		t.Errorf("override = %+v; want ≤ 20 from the provincial set", v)
	}
	if v := s.Threshold(s.Indicator("15.4"), "tn", ps); v.Text != "" || !strings.Contains(v.Missing, "chưa đối chiếu") {
		t.Errorf("unverified provincial value = %+v; want blank", v)
	}
	ins := s.Indicators(16, ps)
	if len(ins) != 1 || ins[0].Ma != "16.1" {
		t.Fatalf("Indicators(16) = %+v; want the added 16.1", ins)
	}
	if v := s.Threshold(&ins[0], "tdmnpb", ps); v.Text != "≥ 70" {
		t.Errorf("added = %+v", v)
	}
	// Bad provincial files: an unknown indicator without criterion, a key
	// that is not a region, a missing source.
	bad := `ma: x
tinh: X
bo: qd318-2021-2025
van_ban: {loai: Quyết định, so: 1/QĐ-UBND, trich_yeu: t, nguon: [KHONG-CO]}
chi_tieu:
  - {ma: "99.1", nguong: [{ap_dung: chung, gia_tri: "1", nguon: SEED, da_doi_chieu: true}]}
  - {ma: "15.3", nguong: [{ap_dung: nhom-1, gia_tri: "1", nguon: SEED}]}
`
	_, err = ParseProvincialSet("bad.yaml", []byte(bad))
	for _, want := range []string{"bad.yaml:4:", "KHONG-CO", "bad.yaml:6:", "99.1", "bad.yaml:7:", "nhom-1"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v lacks %q", err, want)
		}
	}
}

// A provincial set kept next to a plan cites its own decision: sources it
// lists under nguon count like those of templates/nguon.yaml; an id of
// nguon.yaml may not be redefined, and an unknown tag is still refused.
func TestProvincialLocalSources(t *testing.T) {
	src := `ma: thu
tinh: Thử
bo: qd318-2021-2025
nguon:
  - {ma: QD-TINH, ten: Quyết định của tỉnh Thử, dia_chi: van-ban/qd-1.pdf}
van_ban: {loai: Quyết định, so: 1/QĐ-UBND, ngay: 2024-01-02, co_quan: UBND tỉnh Thử, trich_yeu: ban hành Bộ tiêu chí, nguon: [QD-TINH], da_doi_chieu: true}
chi_tieu:
  - ma: "15.3"
    nguong: [{ap_dung: tdmnpb, gia_tri: "22", nguon: QD-TINH, da_doi_chieu: true}]
`
	ps, err := ParseProvincialSet("tinh-thu.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	s, _ := LoadCriteriaSet("qd318-2021-2025")
	if v := s.Threshold(s.Indicator("15.3"), "tdmnpb", ps); v.Text != "≤ 22" || v.Source != "QD-TINH" {
		t.Errorf("override = %+v; want ≤ 22 from QD-TINH", v)
	}
	bad := strings.NewReplacer("{ma: QD-TINH,", "{ma: SEED,", "nguon: QD-TINH,", "nguon: KHAC,").Replace(src)
	_, err = ParseProvincialSet("bad.yaml", []byte(bad))
	for _, want := range []string{"bad.yaml:5:", "“SEED” đã có trong templates/nguon.yaml", "bad.yaml:6:", "“QD-TINH” không có trong templates/nguon.yaml hay trong nguon của tệp này", "bad.yaml:9:", "“KHAC”"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v lacks %q", err, want)
		}
	}
}
