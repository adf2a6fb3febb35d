package programme

import (
	"strings"
	"testing"
)

// Every data file of templates/ loads and every cross-reference holds:
// sources resolve, registry ids exist, threshold keys are the set's.
func TestTemplatesDataLoad(t *testing.T) {
	if _, err := Sources(); err != nil {
		t.Fatal(err)
	}
	if _, err := Citations(); err != nil {
		t.Fatal(err)
	}
	for _, id := range CriteriaSetIDs() {
		if _, err := LoadCriteriaSet(id); err != nil {
			t.Errorf("%s: %v", id, err)
		}
	}
	for _, id := range ProvincialSetIDs() {
		if _, err := LoadProvincialSet(id); err != nil {
			t.Errorf("%s: %v", id, err)
		}
	}
	if len(PeriodIDs()) < 2 {
		t.Fatalf("periods = %v, want 2021-2025 and 2026-2030", PeriodIDs())
	}
	for _, id := range PeriodIDs() {
		if _, err := LoadPeriod(id); err != nil {
			t.Errorf("%s: %v", id, err)
		}
	}
}

func TestPeriodFor(t *testing.T) {
	for _, c := range []struct {
		year       int
		period, bo string
		bases      string
	}{
		{2025, "2021-2025", "qd318-2021-2025", "263/QĐ-TTg"},
		{2026, "2026-2030", "qd51-2026-2030", "257/2025/QH15 424/NQ-CP 417/QĐ-BNNMT"},
		{2030, "2026-2030", "qd51-2026-2030", "257/2025/QH15 424/NQ-CP 417/QĐ-BNNMT"},
	} {
		p := PeriodFor(c.year)
		if p == nil {
			t.Fatalf("PeriodFor(%d) = nil", c.year)
		}
		var so []string
		for _, b := range p.Bases() {
			so = append(so, b.So)
		}
		if p.Ma != c.period || p.BoTieuChi != c.bo || strings.Join(so, " ") != c.bases {
			t.Errorf("PeriodFor(%d) = %s %s %q; want %s %s %q", c.year, p.Ma, p.BoTieuChi, so, c.period, c.bo, c.bases)
		}
	}
	if p := PeriodFor(2019); p != nil {
		t.Errorf("PeriodFor(2019) = %s, want none", p.Ma)
	}
}

// The registry covers the national chains of both periods and ND30, each
// chain document naming a period that contains its own, and its status
// fields are well formed.
func TestRegistryCoverage(t *testing.T) {
	for _, id := range PeriodIDs() {
		p, err := LoadPeriod(id)
		if err != nil {
			t.Fatal(err)
		}
		set, err := LoadCriteriaSet(p.BoTieuChi)
		if err != nil {
			t.Fatal(err)
		}
		ids := append(append([]string{}, p.CanCu...), set.CanCu)
		for _, ma := range ids {
			ct, ok := Cite(ma)
			if !ok {
				t.Errorf("%s: %s not in the registry", id, ma)
				continue
			}
			if f, to, ok := ct.Span(); !ok || f > p.Tu || to < p.Den {
				t.Errorf("%s: %s ap_dung %q does not contain %d-%d", id, ma, ct.ApDung, p.Tu, p.Den)
			}
		}
	}
	nd30, ok := Cite("nd30-2020")
	if !ok || nd30.So != "30/2020/NĐ-CP" || nd30.Ngay != "2020-03-05" || nd30.TrangThai != InForce {
		t.Errorf("nd30-2020: %+v", nd30)
	}
}

// IsRegion agrees with Regions: every listed code is a region, nothing
// else is (a set keyed by commune group has no regions).
func TestIsRegion(t *testing.T) {
	regions := Regions()
	if len(regions) == 0 {
		t.Fatal("no region codes")
	}
	for _, r := range regions {
		if !IsRegion(r) {
			t.Errorf("IsRegion(%q) = false; Regions lists it", r)
		}
	}
	for _, r := range []string{"", "TDMNPB", "tdmnpb ", "nhom-1", "1", "vung"} {
		if IsRegion(r) {
			t.Errorf("IsRegion(%q) = true; Regions = %v", r, regions)
		}
	}
}
