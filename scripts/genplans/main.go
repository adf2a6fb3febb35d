// Command genplans writes N varied, valid plans (one commune each) for the
// batch benchmark: go run ./scripts/genplans -n 1000 -o /tmp/plans.
// Each plan is the 2025 Mường Khoa plan with another commune, other amounts,
// other criteria statuses and a different number of tasks; deterministic
// for a given -seed.
package main

import (
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"time"

	yaml "go.yaml.in/yaml/v4"

	"kehoach/internal/plan"
)

func main() {
	n := flag.Int("n", 1000, "số kế hoạch")
	out := flag.String("o", "plans-gen", "thư mục ghi")
	src := flag.String("from", "plans/muong-khoa", "thư mục kế hoạch mẫu (2025.yaml, xa.yaml)")
	seed := flag.Int64("seed", 1, "hạt giống ngẫu nhiên")
	flag.Parse()
	if err := gen(*n, *out, *src, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "genplans:", err)
		os.Exit(1)
	}
}

func load(path string) (map[string]any, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	return m, yaml.Unmarshal(b, &m)
}

func gen(n int, out, src string, seed int64) error {
	rng := rand.New(rand.NewSource(seed))
	for i := 1; i <= n; i++ {
		p, err := load(filepath.Join(src, "2025.yaml"))
		if err != nil {
			return err
		}
		c, err := load(filepath.Join(src, "xa.yaml"))
		if err != nil {
			return err
		}
		id := fmt.Sprintf("xa-%04d", i)
		name := fmt.Sprintf("Thử Nghiệm %d", i)
		c["ma"], c["ten"], c["dia_danh"] = id, name, name
		vary(p, rng)
		dir := filepath.Join(out, id)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		for f, v := range map[string]any{"xa.yaml": c, "2025.yaml": p} {
			b, err := yaml.Marshal(v)
			if err != nil {
				return err
			}
			if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

// vary changes amounts (keeping the annexes equal to their sources),
// criteria statuses and the number of tasks.
func vary(p map[string]any, rng *rand.Rand) {
	for _, c := range p["can_cu"].([]any) {
		m := c.(map[string]any)
		if t, ok := m["ngay"].(time.Time); ok {
			m["ngay"] = t.Format("2006-01-02")
		}
	}
	nl := p["nguon_luc"].(map[string]any)
	delete(nl, "tong")
	var dauTu, suNghiep int
	var walk func(ns []any)
	walk = func(ns []any) {
		for _, x := range ns {
			m := x.(map[string]any)
			delete(m, "tong")
			if con, ok := m["con"].([]any); ok {
				walk(con)
				continue
			}
			v := 10 + rng.Intn(3000)
			m["so_tien"] = v
			loai, _ := m["loai"].(string)
			switch plan.FundKind(loai) {
			case plan.KindInvest:
				dauTu += v
			case plan.KindCurrent:
				suNghiep += v
			}
		}
	}
	walk(nl["nguon"].([]any))
	bieu := p["bieu"].(map[string]any)
	works := bieu["cong_trinh"].([]any)
	works[0].(map[string]any)["von"].([]any)[0].(map[string]any)["so_tien"] = dauTu
	lines := bieu["su_nghiep"].([]any)
	left := suNghiep
	for k, l := range lines {
		v := left / (len(lines) - k)
		if k == len(lines)-1 {
			v = left
		}
		l.(map[string]any)["so_tien"] = v
		left -= v
	}
	tc := p["tieu_chi"].(map[string]any)
	for _, d := range tc["danh_gia"].([]any) {
		d.(map[string]any)["hien_trang"] = []string{"dat", "dat", "phan_dau", "chua_dat"}[rng.Intn(4)]
	}
	nv := p["nhiem_vu"].(map[string]any)
	groups := nv["nhom"].([]any)
	for _, g := range groups {
		gm := g.(map[string]any)
		items := gm["noi_dung"].([]any)
		switch rng.Intn(3) {
		case 0: // fewer items
			gm["noi_dung"] = items[:1+rng.Intn(len(items))]
		case 1: // more items
			gm["noi_dung"] = append(items, items...)
		}
	}
	p["nhiem_vu"].(map[string]any)["nhom"] = groups[:6+rng.Intn(len(groups)-5)]
}
