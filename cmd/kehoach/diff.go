package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"path/filepath"
	"runtime"
	"sync"

	"kehoach/internal/build"
	"kehoach/internal/fileset"
	"kehoach/internal/gitrev"
	"kehoach/internal/panics"
	"kehoach/internal/plan"
	"kehoach/internal/plandiff"
	"kehoach/internal/termsafe"
)

var diffCmd = &Command{
	Name:      "diff",
	UsageLine: "kehoach diff [-f text|md|json] [-tep TỆP] CŨ [MỚI]",
	Short: `so sánh hai phiên bản kế hoạch theo nội dung (tệp, phiên bản git như HEAD~1,
hoặc PHIÊN_BẢN:TỆP); một tệp: so với lần commit cuối; mã thoát 0 giống, 1 khác
hoặc có lỗi`,
	Long: `Cho biết bằng tiếng Việt điều gì đã đổi giữa hai phiên bản kế hoạch, nhóm theo
phần của kế hoạch: chỉ tiêu, từng nguồn vốn và các tổng phía trên, tình trạng
tiêu chí, nhiệm vụ thêm, bỏ, chuyển chỗ hay sửa (đánh dấu từng từ), nơi nhận,
người ký, số và ngày văn bản. Hai kế hoạch khác giai đoạn hay khác bộ tiêu chí
(2025 và 2026) thì báo trước hết: giai đoạn, tên Chương trình, bộ tiêu chí và số
tiêu chí đạt (12/19 → 6/10), bộ tiêu chí của tỉnh, rồi các căn cứ thêm, bỏ. Căn
cứ, tên Chương trình và chỉ tiêu quy định ở Biểu 01 được so như văn bản in ra,
kể cả phần lấy mặc định từ giai đoạn và bộ tiêu chí. Mọi khóa mà văn bản, biểu
hay danh sách gửi in ra đều được so, cả các cột chỉ biểu in và tệp xã.
Kế hoạch chỉ có ở một phiên bản ghi là thêm hoặc bỏ, kèm đoạn tóm tắt (xã,
năm, số và ngày hoặc dự thảo, tổng nguồn lực, số tiêu chí); tệp đổi tên (git
nhận ra, hoặc cùng xã, cùng năm) được ghép đôi. Phiên bản có lỗi vẫn được so
phần đọc được, sau đó là các lỗi của nó (tệp:dòng:cột).
CŨ và MỚI là tệp kế hoạch, phiên bản git (HEAD~1,
main) hoặc PHIÊN_BẢN:TỆP; chỉ một tệp thì so với lần commit cuối, chỉ một phiên
bản thì so mọi kế hoạch trong plans/. So với phiên bản git cần cài git.

Ví dụ:
  kehoach diff plans/muong-khoa/2025.yaml plans/muong-khoa/2026.yaml
  kehoach diff HEAD~1 HEAD
  kehoach diff -f md -tep nhan-xet.md main

Trong Windows PowerShell 5.1, dấu > ghi tệp bằng UTF-16 (hỏng chữ Việt khi mở
bằng công cụ khác): hãy dùng -tep TỆP, hoặc chạy lệnh trong cmd.

Mã thoát: 0 giống nhau; 1 khác nhau (cả kế hoạch thêm, bỏ, đổi tên) hoặc có
phiên bản có lỗi; 2 dùng lệnh sai hoặc không đọc được tệp, phiên bản git.
`,
	Flags: func(fl *flag.FlagSet) Runner {
		o := &diffOptions{}
		fl.StringVar(&o.format, "f", "text", "in theo `ĐỊNH_DẠNG`: text (có màu khi in ra màn hình), md (Markdown cho merge request) hoặc json")
		o.out = outFileFlag(fl, "ghi kết quả vào `TỆP` (UTF-8) thay cho in ra màn hình")
		alias(fl, "o", "tep")
		return o.run
	},
}

type diffOptions struct {
	format string
	out    *string
}

// A diffPair is the old and the new version of one plan; nil when the
// plan is not in that version (added or removed).
// same is set over two revisions when git's trees show the plan's bytes
// and every file it could read unchanged: the plan need not be loaded.
type diffPair struct {
	old, new *gitrev.Source
	same     bool
}

func src(s gitrev.Source) *gitrev.Source { return &s }

// diffPairs turns the arguments into (old, new) sources. Over folders
// (one or two bare revisions) every plan of either version is in a pair:
// plans of one version only are paired with nil, and renames are the
// plan files git finds renamed (old path → new path).
func diffPairs(args []string) (pairs []diffPair, renames map[string]string, err error) {
	switch len(args) {
	case 1:
		s, ok, err := gitrev.Parse(args[0])
		if err != nil {
			return nil, nil, err
		}
		if ok {
			if s.Rev != "" {
				return []diffPair{{old: src(s), new: src(gitrev.At("", s.Path))}}, nil, nil
			}
			return []diffPair{{old: src(gitrev.At("HEAD", s.Path)), new: src(s)}}, nil, nil
		}
		return folderPairs(s.Rev, "")
	case 2:
		a, okA, err := gitrev.Parse(args[0])
		if err != nil {
			return nil, nil, err
		}
		b, okB, err := gitrev.Parse(args[1])
		if err != nil {
			return nil, nil, err
		}
		switch {
		case okA && okB:
			return []diffPair{{old: src(a), new: src(b)}}, nil, nil
		case !okA && okB:
			return []diffPair{{old: src(gitrev.At(a.Rev, b.Path)), new: src(b)}}, nil, nil
		case okA && !okB:
			return []diffPair{{old: src(a), new: src(gitrev.At(b.Rev, a.Path))}}, nil, nil
		}
		return folderPairs(a.Rev, b.Rev)
	}
	return nil, nil, fmt.Errorf("cần một hoặc hai đối số: kehoach diff CŨ MỚI")
}

// folderPairs pairs the plans under plans/ at two revisions ("" = the
// working tree) by path; a plan of one side only is paired with nil. The
// renames git detects come with them (none when git cannot tell: the
// plans are then paired by commune and year only).
func folderPairs(revA, revB string) ([]diffPair, map[string]string, error) {
	fa, err := gitrev.PlanFiles(revA, "plans")
	if err != nil {
		return nil, nil, err
	}
	fb, err := gitrev.PlanFiles(revB, "plans")
	if err != nil {
		return nil, nil, err
	}
	renames, err := gitrev.Renames(revA, revB, "plans")
	if err != nil {
		renames = nil
	}
	inB := map[string]bool{}
	for _, f := range fb {
		inB[f] = true
	}
	same := samePlans(revA, revB, fa, fb)
	inA := map[string]bool{}
	var out []diffPair
	for _, f := range fa {
		inA[f] = true
		p := diffPair{old: src(gitrev.At(revA, f))}
		if inB[f] {
			p.new = src(gitrev.At(revB, f))
			p.same = same[f]
		}
		out = append(out, p)
	}
	for _, f := range fb {
		if !inA[f] {
			out = append(out, diffPair{new: src(gitrev.At(revB, f))})
		}
	}
	return out, renames, nil
}

// samePlans are the plans of both revisions whose plan file has the same
// blob at both (#21: diff costs what changed). A plan also reads its
// commune file and perhaps a provincial criteria set, named inside it
// (both YAML files: plan.CommunePath); rather than parse every plan to
// learn which, any YAML file other than a plan file that differs between
// the two trees (anywhere in the repository) makes every plan be loaded
// and compared. Nil for the working tree or
// when git cannot list a tree.
func samePlans(revA, revB string, fa, fb []string) map[string]bool {
	if revA == "" || revB == "" {
		return nil
	}
	ta, err := gitrev.Blobs(revA)
	if err != nil {
		return nil
	}
	tb, err := gitrev.Blobs(revB)
	if err != nil {
		return nil
	}
	isPlan := map[string]bool{}
	for _, f := range append(append([]string(nil), fa...), fb...) {
		isPlan[f] = true
	}
	for _, t := range [][2]map[string]string{{ta, tb}, {tb, ta}} {
		for f, id := range t[0] {
			if !isPlan[f] && plan.IsYAMLName(f) && t[1][f] != id {
				return nil
			}
		}
	}
	out := map[string]bool{}
	for _, f := range fa {
		if id, ok := ta[f]; ok && tb[f] == id {
			out[f] = true
		}
	}
	return out
}

// loaded is one version of a plan, read leniently: what decodes, with the
// version's errors; nil when the version does not hold the plan.
type loaded struct {
	src *gitrev.Source
	res *plan.Result
}

// loadSource reads one version leniently (a plan with errors is still
// compared); a file the revision does not hold is res == nil, not an
// error.
func loadSource(s *gitrev.Source) (loaded, error) {
	if s == nil {
		return loaded{}, nil
	}
	data, err := s.Data()
	if errors.Is(err, gitrev.ErrNotInRevision) || s.Rev == "" && errors.Is(err, fs.ErrNotExist) {
		return loaded{}, nil
	}
	if err != nil {
		return loaded{}, err
	}
	res, err := plan.LoadBytes(s.Path, data, s.Read)
	if err != nil {
		return loaded{}, err
	}
	res.Plan.File = s.Label
	return loaded{s, res}, nil
}

// pairLoad is the two loaded versions of one pair, or the first error.
// When both versions exist their report is made by the worker that loaded
// them (report) and the loaded plans are dropped (old and new are then
// empty), so memory holds one report per plan, not two parsed plans.
type pairLoad struct {
	old, new loaded
	report   *plandiff.Report
	err      error
}

// loadPairs loads the pairs not skipped, over the cores (#21: plans are
// parsed in parallel; reads of revisions share one git process); the
// results are in the pairs' order, so the first error met in that order
// is the one reported, as when loading one after another.
func loadPairs(pairs []diffPair, skip func(diffPair) bool) []pairLoad {
	out := make([]pairLoad, len(pairs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(pairs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				r := &out[i]
				func() {
					defer func() { // a fault of kehoach's met by one plan is that plan's error
						if p := recover(); p != nil {
							name := ""
							if s := pairs[i].new; s != nil {
								name = s.Path
							} else if s := pairs[i].old; s != nil {
								name = s.Path
							}
							r.report, r.err = nil, fmt.Errorf("%s: %w", name, panics.From(p))
						}
					}()
					if r.old, r.err = loadSource(pairs[i].old); r.err == nil {
						r.new, r.err = loadSource(pairs[i].new)
					}
					// A plan in both versions is never paired as a rename
					// (pairRenamed): compare it here, on this core.
					if r.err == nil && r.old.res != nil && r.new.res != nil {
						r.report = diffReport(version{old: r.old, new: r.new})
						r.old, r.new = loaded{}, loaded{}
					}
				}()
			}
		}()
	}
	for i, p := range pairs {
		if !skip(p) {
			next <- i
		}
	}
	close(next)
	wg.Wait()
	return out
}

// version is the two loaded versions of one plan; renamed when they are
// files of two names paired by pairRenamed.
type version struct {
	old, new loaded
	renamed  bool
	same     string           // the new label of a plan not loaded, known unchanged
	report   *plandiff.Report // made by loadPairs (a plan in both versions)
}

// pairRenamed pairs a plan removed with a plan added: the files git
// found renamed (renames, old path → new path), then those of the same
// commune and year (a file renamed or moved), when that pairing is
// unique.
func pairRenamed(ls []version, renames map[string]string) []version {
	key := func(l loaded) string {
		p := l.res.Plan
		if p.Pos.IsZero() || p.Nam == 0 {
			return ""
		}
		commune := p.Xa
		if p.Commune != nil && p.Commune.Ma != "" {
			commune = p.Commune.Ma
		}
		return fmt.Sprintf("%s\x00%d\x00%s", commune, p.Nam, p.Loai())
	}
	drop := map[int]bool{}
	addedAt := map[string]int{}
	for i, l := range ls {
		if l.old.res == nil && l.new.res != nil {
			addedAt[l.new.src.Path] = i
		}
	}
	for i, l := range ls {
		if l.old.res != nil && l.new.res == nil {
			if j, ok := addedAt[renames[l.old.src.Path]]; ok && !drop[j] {
				ls[i].new, ls[i].renamed = ls[j].new, true
				drop[j] = true
			}
		}
	}
	removed, added := map[string][]int{}, map[string][]int{}
	for i, l := range ls {
		if drop[i] || l.renamed {
			continue
		}
		switch {
		case l.old.res != nil && l.new.res == nil:
			if k := key(l.old); k != "" {
				removed[k] = append(removed[k], i)
			}
		case l.old.res == nil && l.new.res != nil:
			if k := key(l.new); k != "" {
				added[k] = append(added[k], i)
			}
		}
	}
	for k, rs := range removed {
		if as := added[k]; len(rs) == 1 && len(as) == 1 {
			ls[rs[0]].new, ls[rs[0]].renamed = ls[as[0]].new, true
			drop[as[0]] = true
		}
	}
	var out []version
	for i, l := range ls {
		if !drop[i] {
			out = append(out, l)
		}
	}
	return out
}

// diffReport compares the two versions: the changes it can compute (a plan
// with errors is compared as far as it decoded), then each version's
// errors; a plan of one version only is listed as added or removed.
func diffReport(v version) *plandiff.Report {
	a, b := v.old, v.new
	var r *plandiff.Report
	switch {
	case a.res == nil:
		r = plandiff.Alone(plandiff.Added, b.src.Label, b.res.Plan)
	case b.res == nil:
		r = plandiff.Alone(plandiff.Removed, a.src.Label, a.res.Plan)
	case a.res.Plan.Pos.IsZero() || b.res.Plan.Pos.IsZero():
		r = &plandiff.Report{Old: a.src.Label, New: b.src.Label, Incomparable: true}
	default:
		r = plandiff.Compare(a.res.Plan, b.res.Plan)
	}
	if v.renamed {
		r.Changes = append([]plandiff.Change{{Section: "Văn bản", Kind: plandiff.Moved, Item: "tệp kế hoạch (đổi tên hay chuyển thư mục)", Old: a.src.Path, New: b.src.Path}}, r.Changes...)
	}
	if a.res != nil {
		r.OldErrors = plandiff.Messages(a.res.Errors)
	}
	if b.res != nil {
		r.NewErrors = plandiff.Messages(b.res.Errors)
	}
	return r
}

// run is kehoach diff [-f text|md|json] [-tep FILE] OLD [NEW]. Exit 0 the
// same, 1 different or a version with errors, 2 usage or I/O error.
func (o *diffOptions) run(c *Context, args []string) int {
	switch o.format {
	case "text", "md", "json":
	default:
		return c.UsageError("định dạng “%s” không có; hãy dùng text, md hoặc json", o.format)
	}
	if len(args) == 0 || len(args) > 2 {
		return c.UsageError("cần một hoặc hai đối số: kehoach diff CŨ MỚI")
	}
	defer gitrev.Close()
	// As build and check of many plans: loading a plan allocates much and
	// keeps little, so collect less often, within the memory budget.
	build.SetGC(2)
	pairs, renames, err := diffPairs(args)
	if err != nil {
		c.Errorf("%v", err)
		return 2
	}
	skip := func(p diffPair) bool { return p.same && len(pairs) > 1 && o.format != "json" }
	loads := loadPairs(pairs, skip)
	var versions []version
	for i, p := range pairs {
		if skip(p) {
			// Named in the closing “unchanged” line only.
			versions = append(versions, version{same: p.new.Label})
			continue
		}
		a, b := loads[i].old, loads[i].new
		if loads[i].err != nil {
			c.Errorf("%v", loads[i].err)
			return 2
		}
		if loads[i].report != nil {
			versions = append(versions, version{report: loads[i].report})
			continue
		}
		if a.res == nil && b.res == nil {
			c.Errorf("%s và %s đều không có tệp này; hãy kiểm tra tên tệp và phiên bản (git log --follow -- %s cho biết các lần commit của tệp)", p.old.Label, p.new.Label, p.new.Path)
			return 2
		}
		versions = append(versions, version{old: a, new: b})
	}
	versions = pairRenamed(versions, renames)
	var out bytes.Buffer
	color := *o.out == "" && c.Color(c.Stdout)
	status := 0
	// Of many plans (revisions, folders), those without any change are
	// named in one line at the end rather than a report each; one plan
	// always gets its report, and JSON lists every plan.
	var unchanged []string
	for _, v := range versions {
		if v.same != "" {
			unchanged = append(unchanged, v.same)
			continue
		}
		r := v.report
		if r == nil {
			r = diffReport(v)
		}
		if len(versions) > 1 && o.format != "json" && r.Equal() {
			unchanged = append(unchanged, r.New)
			continue
		}
		switch o.format {
		case "text":
			out.WriteString(r.Text(color))
		case "md":
			out.WriteString(r.Markdown())
		case "json":
			j, err := r.JSON()
			if err != nil {
				c.Errorf("%v", err)
				return 2
			}
			out.Write(append(j, '\n'))
		}
		if *o.out == "" {
			w := c.Stdout
			if color {
				// Text(true) escaped every piece of plan text itself
				// (termsafe); the colour codes are its own.
				w = termsafe.Unwrap(w)
			}
			w.Write(out.Bytes())
			out.Reset()
		}
		if !r.Equal() {
			status = 1
		}
	}
	if line := plandiff.Unchanged(unchanged, len(unchanged) == len(versions), o.format == "md"); line != "" {
		if *o.out == "" {
			c.Stdout.Write([]byte(line))
		} else {
			out.WriteString(line)
		}
	}
	if *o.out != "" {
		if _, err := fileset.WriteAtomic(filepath.Dir(*o.out), filepath.Base(*o.out), out.Bytes()); err != nil {
			c.Errorf("%v", err)
			return 2
		}
		fmt.Fprintf(c.Stdout, "Đã ghi kết quả so sánh vào %s.\n", *o.out)
	}
	return status
}
