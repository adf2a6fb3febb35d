package plan

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"unicode/utf8"

	"kehoach/internal/diag"
	"kehoach/internal/lazy"
	"kehoach/internal/markup"
	"kehoach/internal/nd30"
	"kehoach/internal/programme"
	"kehoach/internal/vn"
	"kehoach/internal/yamlx"
)

// Known document types (ký hiệu → tên loại) the composer can build.
var docTypes = map[string]string{"KH": "Kế hoạch"}

// TypeName returns the document type's name ("Kế hoạch").
func (p *Plan) TypeName() string { return docTypes[p.Loai()] }

// Loai returns the type's abbreviation, "KH" by default.
func (p *Plan) Loai() string {
	if p.VanBan.Loai == "" {
		return "KH"
	}
	return p.VanBan.Loai
}

// Ways a plan is issued (van_ban.ban_hanh).
const (
	IssuePaper      = "giay"    // a paper document, signed and stamped by hand (the default)
	IssueElectronic = "dien_tu" // an electronic document, signed digitally in the agency's document system
)

// IssueModes are the values of van_ban.ban_hanh.
var IssueModes = []string{IssuePaper, IssueElectronic}

// Electronic reports whether the plan is issued as an electronic document
// (van_ban.ban_hanh: dien_tu).
func (p *Plan) Electronic() bool { return p.VanBan.BanHanh == IssueElectronic }

// IsDraft reports whether the plan still lacks its number or date.
func (p *Plan) IsDraft() bool { return p.VanBan.So == 0 || p.VanBan.Ngay.IsZero() }

type checker struct {
	p          *Plan
	src        []byte // the plan file's bytes, to place a problem inside a text
	res        *Result
	badAmounts bool // some amount is not a valid non-negative number
}

func (c *checker) errAt(path string, format string, args ...any) {
	c.res.Errors = append(c.res.Errors, &diag.Diagnostic{File: c.p.File, Pos: c.p.Index.Lookup(path), Msg: fmt.Sprintf(format, args...)})
}

func (c *checker) errAtKey(path string, format string, args ...any) {
	c.res.Errors = append(c.res.Errors, &diag.Diagnostic{File: c.p.File, Pos: c.p.Index.KeyPos(path), Msg: fmt.Sprintf(format, args...)})
}

func (c *checker) warnAt(path string, format string, args ...any) {
	c.res.Warnings = append(c.res.Warnings, &diag.Diagnostic{File: c.p.File, Pos: c.p.Index.Lookup(path), Severity: diag.Warning, Msg: fmt.Sprintf(format, args...)})
}

var idRe = lazy.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func validateCommune(c *Commune, ix yamlx.Index, res *Result) {
	add := func(path, format string, args ...any) {
		res.Errors = append(res.Errors, &diag.Diagnostic{File: c.File, Pos: ix.Lookup(path), Msg: fmt.Sprintf(format, args...)})
	}
	if c.Ma != "" && !idRe.Get().MatchString(c.Ma) {
		add("ma", "mã xã “%s” không hợp lệ; chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ muong-khoa.", c.Ma)
	} else if n := len(c.Ma); n > MaxCommuneID {
		// The id names the output files (ke-hoach-ntm-2025-<ma>-bieu.xlsx):
		// past about 255 bytes no file system can write them.
		add("ma", "mã xã dài %d ký tự (tối đa %d, vì mã đặt tên các tệp kết quả); hãy rút gọn, ví dụ muong-khoa.", n, MaxCommuneID)
	}
	cbSeen := map[string]bool{}
	for i, cb := range c.CanBo {
		if cbSeen[cb.Ma] {
			add(fmt.Sprintf("can_bo[%d].ma", i), "mã cán bộ “%s” bị trùng; mỗi người cần một mã riêng.", cb.Ma)
		}
		cbSeen[cb.Ma] = true
	}
	seen := map[string]int{}
	for i, d := range c.DonVi {
		if j, dup := seen[d.Ma]; dup {
			add(fmt.Sprintf("don_vi[%d].ma", i), "mã đơn vị “%s” bị trùng với đơn vị thứ %d; mỗi đơn vị cần một mã riêng.", d.Ma, j+1)
		}
		seen[d.Ma] = i
	}
	switch lb := strings.TrimSpace(c.LoaiBan); {
	case len(c.Ban) > 0 && lb == "":
		add("ban", "có danh sách %d đơn vị ở khóa ban nhưng chưa ghi chúng được gọi là gì; hãy thêm một dòng loai_ban: thôn (hoặc bản, ấp, tổ dân phố, khu phố, buôn, sóc…).", len(c.Ban))
	case lb != "" && lb != vn.Lower(lb):
		add("loai_ban", "hãy viết loai_ban bằng chữ thường (ví dụ “tổ dân phố”); chữ hoa đầu câu được thêm tự động khi cần.")
	}
	banSeen := map[string]bool{}
	for i, b := range c.Ban {
		if banSeen[b] {
			add(fmt.Sprintf("ban[%d]", i), "%s “%s” bị ghi hai lần; hãy xóa một dòng.", vn.UpperFirst(c.SubUnit()), b)
		}
		banSeen[b] = true
	}
	if c.Vung != "" {
		if !programme.IsRegion(c.Vung) {
			add("vung", "%s", unknown("vùng", c.Vung, programme.Regions()))
		}
	}
	if c.NhomXa != 0 && (c.NhomXa < 1 || c.NhomXa > 3) {
		add("nhom_xa", "nhóm xã %d không có; Bộ tiêu chí 2026 - 2030 chia xã thành nhóm 1, 2 và 3.", c.NhomXa)
	}
	if o := c.TrinhBay; o != nil {
		res.Errors = append(res.Errors, nd30.Check(*o, c.File, func(key string) diag.Pos { return ix.Lookup("trinh_bay." + key) })...)
	}
}

func validate(p *Plan, src []byte, res *Result) {
	c := &checker{p: p, src: src, res: res}
	if p.Nam != 0 && (p.Nam < 2000 || p.Nam > 2100) { // 0: reported as missing by yamlx
		c.errAt("nam", "năm kế hoạch %d không hợp lệ; hãy ghi năm có bốn chữ số, ví dụ 2025.", p.Nam)
	}
	if _, ok := docTypes[p.Loai()]; !ok {
		c.errAt("van_ban.loai", "loại văn bản “%s” chưa được hỗ trợ; hiện chỉ có KH (Kế hoạch).", p.VanBan.Loai)
	}
	if b := p.VanBan.BanHanh; b != "" && !slices.Contains(IssueModes, b) {
		c.errAt("van_ban.ban_hanh", "cách ban hành “%s” không có; hãy ghi giay (văn bản giấy, mặc định) hoặc dien_tu (văn bản điện tử ký số).", b)
	}
	if p.VanBan.So != 0 && p.VanBan.Ngay.IsZero() {
		c.warnAt("van_ban.so", "đã có số văn bản nhưng chưa có ngày ban hành; văn bản vẫn là dự thảo cho tới khi có cả hai.")
	}
	if !p.VanBan.Ngay.IsZero() && p.Nam != 0 && (p.VanBan.Ngay.Year() < p.Nam-1 || p.VanBan.Ngay.Year() > p.Nam) {
		c.errAt("van_ban.ngay", "ngày ban hành %s không khớp năm kế hoạch %d; hãy kiểm tra lại năm.", vn.ShortDate(p.VanBan.Ngay.Time), p.Nam)
	}
	c.criteria()
	c.indicatorRows()
	c.indicators()
	c.items()
	c.funding()
	c.annexes()
	c.signature()
	c.signChain()
	c.recipients()
	c.texts()
}

func (c *checker) criteria() {
	p := c.p
	if p.Set == nil {
		return
	}
	seen := map[int]int{}
	for i, d := range p.TieuChi.DanhGia {
		path := fmt.Sprintf("tieu_chi.danh_gia[%d]", i)
		if d.So == 0 {
			continue
		}
		if _, ok := p.Set.Criterion(d.So); !ok {
			c.errAt(path+".so", "bộ tiêu chí %s không có tiêu chí số %d (chỉ có từ 1 đến %d); hãy sửa số tiêu chí.", p.Set.Ma, d.So, len(p.Set.TieuChi))
			continue
		}
		if j, dup := seen[d.So]; dup {
			c.errAt(path+".so", "tiêu chí số %d được đánh giá hai lần (đã có ở phần tử thứ %d); hãy xóa một mục.", d.So, j+1)
			continue
		}
		seen[d.So] = i
		if d.ChuTri != "" && p.Commune != nil && p.Commune.unit(d.ChuTri) == nil {
			c.unknownUnit(path+".chu_tri", d.ChuTri)
		}
		for k, u := range d.PhoiHop {
			if p.Commune != nil && p.Commune.unit(u) == nil {
				c.unknownUnit(fmt.Sprintf("%s.phoi_hop[%d]", path, k), u)
			}
		}
		mseen := map[string]bool{}
		for k, ct := range d.ChiTieu {
			if ct.Ma != "" && !strings.HasPrefix(ct.Ma, fmt.Sprint(d.So)+".") && ct.Ma != fmt.Sprint(d.So) {
				c.errAt(fmt.Sprintf("%s.chi_tieu[%d].ma", path, k), "mã chỉ tiêu “%s” không thuộc tiêu chí số %d; mã phải bắt đầu bằng “%d.”.", ct.Ma, d.So, d.So)
			}
			if mseen[ct.Ma] {
				c.errAt(fmt.Sprintf("%s.chi_tieu[%d].ma", path, k), "mã chỉ tiêu “%s” bị trùng; mỗi chỉ tiêu cần một mã riêng.", ct.Ma)
			}
			mseen[ct.Ma] = true
		}
	}
	var missing []string
	for _, cr := range p.Set.TieuChi {
		if _, ok := seen[cr.So]; !ok {
			missing = append(missing, fmt.Sprint(cr.So))
		}
	}
	if len(missing) > 0 && len(p.TieuChi.DanhGia) > 0 {
		c.errAtKey("tieu_chi.danh_gia", "thiếu đánh giá các tiêu chí số %s của bộ %s; mỗi tiêu chí cần một mục {so, hien_trang}.", strings.Join(missing, ", "), p.Set.Ma)
	}
	met, planned := p.CountMet(), p.CountMet()+p.CountPlanned()
	total := len(p.Set.TieuChi)
	if d := p.TieuChi.SoDat; d != nil && *d != met {
		c.errAt("tieu_chi.so_dat", "so_dat ghi %d/%d nhưng danh sách có %d tiêu chí “dat”; hãy sửa so_dat thành %d hoặc xóa dòng này (số được tính tự động).", *d, total, met, met)
	}
	if d := p.TieuChi.SoDatCuoiNam; d != nil && *d != planned {
		c.errAt("tieu_chi.so_dat_cuoi_nam", "so_dat_cuoi_nam ghi %d/%d nhưng danh sách có %d tiêu chí “dat” hoặc “phan_dau”; hãy sửa thành %d hoặc xóa dòng này.", *d, total, planned, planned)
	}
}

func (c *checker) unknownUnit(path, id string) {
	var ids []string
	for _, u := range c.p.Commune.DonVi {
		ids = append(ids, u.Ma)
	}
	msg := fmt.Sprintf("không có đơn vị mã “%s” trong tệp xã", id)
	if s := yamlx.Suggest(id, ids); s != "" {
		msg += fmt.Sprintf("; có phải ý bạn là “%s”?", s)
	} else {
		msg += "; các mã có: " + strings.Join(ids, ", ") + "."
	}
	c.errAt(path, "%s", msg)
}

// unit finds a unit by id.
func (cm *Commune) unit(id string) *DonVi {
	for i := range cm.DonVi {
		if cm.DonVi[i].Ma == id {
			return &cm.DonVi[i]
		}
	}
	return nil
}

// Unit returns the unit's name for an id, or the id itself when it is not a
// known id (a name written in full).
func (p *Plan) Unit(id string) string {
	if p.Commune != nil {
		if u := p.Commune.unit(id); u != nil {
			return u.Ten
		}
	}
	return id
}

func (c *checker) indicators() {
	// A criterion's indicator row linked to a main target must not say
	// something else: Biểu 01 prints the target from muc_tieu.
	targets := map[string]string{}
	for _, ct := range c.p.MucTieu.ChiTieu {
		if ct.TieuChi != "" && ct.GiaTri.Set && !ct.GiaTri.Invalid {
			t := ct.GiaTri.String()
			if ct.SoSanh != "" && ct.SoSanh != CmpEQ {
				t = string(ct.SoSanh) + " " + t
			}
			targets[ct.TieuChi] = t
		}
	}
	for i, d := range c.p.TieuChi.DanhGia {
		for k, ct := range d.ChiTieu {
			want, linked := targets[ct.Ma]
			got := strings.Join(strings.Fields(strings.ReplaceAll(ct.KeHoach, "\u00a0", " ")), " ")
			if linked && got != "" && got != want {
				c.errAt(fmt.Sprintf("tieu_chi.danh_gia[%d].chi_tieu[%d].ke_hoach", i, k),
					"chỉ tiêu %s ghi kế hoạch “%s” nhưng mục tiêu (muc_tieu.chi_tieu) ghi “%s”; hãy xóa ke_hoach ở đây (Biểu 01 lấy số từ mục tiêu) hoặc sửa cho khớp.", ct.Ma, got, want)
			}
		}
	}
	for i, ct := range c.p.MucTieu.ChiTieu {
		path := fmt.Sprintf("muc_tieu.chi_tieu[%d]", i)
		if ct.GiaTri.Set && ct.GiaTri.Milli < 0 {
			c.errAt(path+".gia_tri", "giá trị chỉ tiêu không được âm (%s); hãy ghi số dương.", ct.GiaTri.String())
		}
		if strings.HasSuffix(ct.DonVi, "%") || strings.HasPrefix(ct.DonVi, "%") {
			if ct.GiaTri.Milli > 100*vn.Scale {
				c.errAt(path+".gia_tri", "tỷ lệ %s%% vượt quá 100%%; hãy kiểm tra lại giá trị.", ct.GiaTri.String())
			}
		}
	}
}

func (c *checker) items() {
	check := func(path string, ms []Muc) {
		for i, m := range ms {
			mp := fmt.Sprintf("%s[%d]", path, i)
			switch {
			case m.Doan != "" && m.Y != "":
				c.errAt(mp, "một mục chỉ được có “doan” (đoạn văn) hoặc “y” (ý gạch đầu dòng), không được có cả hai; hãy tách thành hai mục.")
			case m.Doan == "" && m.Y == "" && len(m.YNho) == 0:
				c.errAt(mp, "mục trống: cần “doan: …” (đoạn văn) hoặc “y: …” (ý gạch đầu dòng).")
			case m.Y == "" && len(m.YNho) > 0:
				c.errAt(mp+".y_nho", "“y_nho” (các ý “+”) phải đi kèm một ý “y” (ý “-”) ở cùng mục; hãy thêm “y: …”.")
			}
		}
	}
	for i, g := range c.p.NhiemVu.Nhom {
		check(fmt.Sprintf("nhiem_vu.nhom[%d].noi_dung", i), g.NoiDung)
		c.annexRefs(fmt.Sprintf("nhiem_vu.nhom[%d].bieu", i), g.Bieu)
	}
	c.annexRefs("nhiem_vu.bieu", c.p.NhiemVu.Bieu)
	c.annexRefs("nguon_luc.bieu", c.p.NguonLuc.Bieu)
	for i, t := range c.p.ToChuc {
		check(fmt.Sprintf("to_chuc_thuc_hien[%d].noi_dung", i), t.NoiDung)
	}
}

// Annexes are the four biểu kehoach builds.
var Annexes = []string{"01", "02", "03", "04"}

func (c *checker) annexRefs(path string, refs []string) {
	for i, r := range refs {
		ok := false
		for _, a := range Annexes {
			if r == a {
				ok = true
			}
		}
		if !ok {
			c.errAt(fmt.Sprintf("%s[%d]", path, i), "không có biểu số “%s”; các biểu có: %s (viết trong ngoặc kép, ví dụ \"01\").", r, strings.Join(Annexes, ", "))
		}
	}
}

// kindsHint says which loai values there are, with the names the plan's
// period gives the two kinds (templates/giai-doan, bieu).
func (c *checker) kindsHint() string {
	names := map[string]string{KindInvest: "vốn đầu tư", KindCurrent: "vốn sự nghiệp"}
	if per := c.p.Period; per != nil {
		names[KindInvest], names[KindCurrent] = vn.LowerFirst(per.Bieu.DauTu), vn.LowerFirst(per.Bieu.ThuongXuyen)
	}
	byKind := map[string][]string{}
	var order []string
	for _, loai := range FundKinds() {
		k := FundKind(loai)
		if byKind[k] == nil {
			order = append(order, k)
		}
		byKind[k] = append(byKind[k], loai)
	}
	var parts []string
	for _, k := range order {
		parts = append(parts, fmt.Sprintf("%s (%s)", strings.Join(byKind[k], " hoặc "), names[k]))
	}
	return "hãy dùng " + strings.Join(parts, ", ")
}

// periodVocabulary warns of a funding source named as the previous period
// named it, by the period's own carry-over rules (chuyen_nguon): "Vốn sự
// nghiệp" in a 2026 plan is "Kinh phí thường xuyên"; a district budget or
// a merged programme's funds are no longer a source of their own.
func (c *checker) periodVocabulary(path, name string) {
	if c.p.Period == nil {
		return
	}
	for i := range c.p.Period.ChuyenNguon {
		r := &c.p.Period.ChuyenNguon[i]
		if !r.Matches(name) {
			continue
		}
		if r.Bo {
			c.warnAt(path, "nguồn “%s” không còn là một nguồn riêng trong giai đoạn %s: %s; hãy xem lại (templates/giai-doan/%s.yaml).", name, c.p.Period.Ma, r.LyDo, c.p.Period.Ma)
		} else if !strings.EqualFold(strings.TrimSpace(name), r.DoiTen) {
			c.warnAt(path, "giai đoạn %s gọi nguồn “%s” là “%s” (%s); hãy đổi tên nguồn.", c.p.Period.Ma, name, r.DoiTen, r.LyDo)
		}
		return
	}
}

func (c *checker) funding() {
	nl := &c.p.NguonLuc
	ids := map[string]string{}
	var walk func(ns []Nguon, path string)
	walk = func(ns []Nguon, path string) {
		for i := range ns {
			n := &ns[i]
			np := fmt.Sprintf("%s[%d]", path, i)
			if n.Ma != "" {
				if !idRe.Get().MatchString(n.Ma) {
					c.errAt(np+".ma", "mã nguồn “%s” không hợp lệ; chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ nstw-dau-tu.", n.Ma)
				} else if prev, dup := ids[n.Ma]; dup {
					c.errAt(np+".ma", "mã nguồn “%s” bị trùng (đã dùng cho “%s”); mỗi nguồn cần một mã riêng.", n.Ma, prev)
				}
				ids[n.Ma] = n.Ten
			}
			if n.Loai != "" && n.Kind() == "" {
				c.errAt(np+".loai", "loại vốn “%s” không có; %s.", n.Loai, c.kindsHint())
			}
			c.periodVocabulary(np+".ten", n.Ten)
			if len(n.Con) > 0 {
				if n.SoTien.Set {
					c.errAt(np+".so_tien", "nguồn “%s” có nguồn con nên không ghi so_tien; tổng được tính từ các nguồn con (nếu muốn đối chiếu, ghi “tong”).", n.Ten)
				}
				walk(n.Con, np+".con")
				continue
			}
			if n.SoTien.Invalid || n.SoTien.Milli < 0 {
				c.badAmounts = true
			}
			if !n.SoTien.Set {
				c.badAmounts = true
				c.errAt(np, "nguồn “%s” chưa có số tiền; hãy thêm “so_tien: …” (triệu đồng, ghi 0 nếu không có).", n.Ten)
			} else if n.SoTien.Milli < 0 {
				c.errAt(np+".so_tien", "số tiền không được âm (%s triệu đồng); hãy ghi số dương hoặc 0.", n.SoTien.String())
			}
			if n.Tong.Set {
				c.errAt(np+".tong", "nguồn “%s” không có nguồn con nên không ghi “tong”; hãy dùng “so_tien”.", n.Ten)
			}
		}
	}
	walk(nl.Nguon, "nguon_luc.nguon")
	computeSums(nl.Nguon)
	if c.badAmounts {
		return // totals cannot be checked until every amount is a valid number
	}
	// Declared totals against computed sums.
	var check func(ns []Nguon, path string)
	check = func(ns []Nguon, path string) {
		for i := range ns {
			n := &ns[i]
			np := fmt.Sprintf("%s[%d]", path, i)
			if len(n.Con) == 0 {
				continue
			}
			if n.Tong.Set && !n.Tong.Equal(n.Sum) {
				parts := make([]string, len(n.Con))
				for k, ch := range n.Con {
					parts[k] = ch.Sum.String()
				}
				c.errAt(np+".tong", "tổng đã ghi của “%s” là %s triệu đồng nhưng các nguồn con cộng lại được %s triệu đồng (%s): %s ≠ %s; hãy sửa “tong” thành %s hoặc xóa dòng này (tổng được tính tự động).",
					n.Ten, n.Tong.String(), n.Sum.String(), strings.Join(parts, " + "), n.Tong.String(), n.Sum.String(), n.Sum.String())
			}
			check(n.Con, np+".con")
		}
	}
	check(nl.Nguon, "nguon_luc.nguon")
	if total := c.p.Total(); nl.Tong.Set && !nl.Tong.Equal(total) {
		parts := make([]string, len(nl.Nguon))
		for k, ch := range nl.Nguon {
			parts[k] = ch.Sum.String()
		}
		c.errAt("nguon_luc.tong", "tổng nguồn lực đã ghi là %s triệu đồng nhưng các nguồn cộng lại được %s triệu đồng (%s): %s ≠ %s; hãy sửa “tong” thành %s hoặc xóa dòng này.",
			nl.Tong.String(), total.String(), strings.Join(parts, " + "), nl.Tong.String(), total.String(), total.String())
	}
}

// computeSums fills Sum on every node of the funding tree.
func computeSums(ns []Nguon) vn.Decimal {
	var total vn.Decimal
	for i := range ns {
		n := &ns[i]
		if len(n.Con) > 0 {
			n.Sum = computeSums(n.Con)
		} else {
			n.Sum = n.SoTien.Decimal
		}
		total = total.Add(n.Sum)
	}
	return total
}

func (c *checker) annexes() {
	p := c.p
	leaves := map[string]*Nguon{}
	p.EachSource(func(n *Nguon, depth int) {
		if n.Ma != "" && len(n.Con) == 0 {
			leaves[n.Ma] = n
		}
	})
	var leafIDs []string
	p.EachSource(func(n *Nguon, depth int) {
		if n.Ma != "" && len(n.Con) == 0 {
			leafIDs = append(leafIDs, n.Ma)
		}
	})
	used := map[string]vn.Decimal{}
	ref := func(path, id string, amt Number) {
		if id == "" {
			return
		}
		if _, ok := leaves[id]; !ok {
			msg := fmt.Sprintf("không có nguồn vốn mã “%s” trong nguon_luc", id)
			if s := yamlx.Suggest(id, leafIDs); s != "" {
				msg += fmt.Sprintf("; có phải ý bạn là “%s”?", s)
			} else if len(leafIDs) > 0 {
				msg += "; các mã có: " + strings.Join(leafIDs, ", ") + "."
			} else {
				msg += "; hãy đặt “ma” cho nguồn vốn cần tham chiếu."
			}
			c.errAt(path+".nguon", "%s", msg)
			return
		}
		if amt.Invalid {
			c.badAmounts = true
		}
		if amt.Milli < 0 {
			c.badAmounts = true
			c.errAt(path+".so_tien", "số tiền không được âm (%s triệu đồng); hãy ghi số dương hoặc 0.", amt.String())
		}
		used[id] = used[id].Add(amt.Decimal)
	}
	for i, w := range p.Bieu.CongTrinh {
		for k, v := range w.Von {
			ref(fmt.Sprintf("bieu.cong_trinh[%d].von[%d]", i, k), v.Nguon, v.SoTien)
		}
		if p.Set != nil {
			for k, so := range w.TieuChi {
				if _, ok := p.Set.Criterion(so); !ok {
					c.errAt(fmt.Sprintf("bieu.cong_trinh[%d].tieu_chi[%d]", i, k), "bộ tiêu chí %s không có tiêu chí số %d; hãy sửa lại.", p.Set.Ma, so)
				}
			}
		}
		if w.TongMucDauTu.Set && w.TongMucDauTu.Milli < 0 {
			c.errAt(fmt.Sprintf("bieu.cong_trinh[%d].tong_muc_dau_tu", i), "tổng mức đầu tư không được âm; hãy ghi số dương.")
		}
	}
	for i, s := range p.Bieu.SuNghiep {
		ref(fmt.Sprintf("bieu.su_nghiep[%d]", i), s.Nguon, s.SoTien)
	}
	if c.badAmounts {
		return
	}
	// Every investment leaf is spent on works, every current-funds leaf in
	// Biểu 04, to the last triệu: the annexes and section III agree.
	for _, id := range leafIDs {
		n := leaves[id]
		kind := n.Kind()
		u, any := used[id]
		if !any && kind == "" {
			continue
		}
		where := map[string]string{KindInvest: "các công trình ở Biểu 03 (bieu.cong_trinh)", KindCurrent: "các nội dung ở Biểu 04 (bieu.su_nghiep)", "": "Biểu 03 và Biểu 04"}[kind]
		if kind == "" {
			if u.Milli > n.Sum.Milli {
				c.errAt(c.sourcePath(id), "nguồn “%s” có %s triệu đồng nhưng %s dùng %s triệu đồng; hãy giảm phân bổ hoặc tăng nguồn.", n.Ten, n.Sum.String(), where, u.String())
			}
			continue
		}
		if (len(p.Bieu.CongTrinh) > 0 && kind == KindInvest) || (len(p.Bieu.SuNghiep) > 0 && kind == KindCurrent) {
			if !u.Equal(n.Sum) {
				c.errAt(c.sourcePath(id)+".so_tien", "nguồn “%s” có %s triệu đồng nhưng %s cộng lại được %s triệu đồng: %s ≠ %s; hãy sửa để hai số bằng nhau.", n.Ten, n.Sum.String(), where, u.String(), n.Sum.String(), u.String())
			}
		}
	}
}

// sourcePath returns the YAML path of the source with id.
func (c *checker) sourcePath(id string) string {
	var find func(ns []Nguon, path string) string
	find = func(ns []Nguon, path string) string {
		for i := range ns {
			np := fmt.Sprintf("%s[%d]", path, i)
			if ns[i].Ma == id {
				return np
			}
			if r := find(ns[i].Con, np+".con"); r != "" {
				return r
			}
		}
		return ""
	}
	return find(c.p.NguonLuc.Nguon, "nguon_luc.nguon")
}

var prefixes = map[string]bool{"": true, "KT": true, "Q": true, "TL": true, "TUQ": true}

func (c *checker) signature() {
	k := c.p.Ky
	q := strings.TrimSuffix(strings.TrimSpace(k.QuyenHan), ".")
	if !prefixes[q] {
		c.errAt("ky.quyen_han", "quyền hạn ký “%s” không có; Nghị định 30 chỉ dùng KT (ký thay), Q (quyền), TL (thừa lệnh), TUQ (thừa ủy quyền); ký thay mặt tập thể thì ghi “thay_mat: true”.", k.QuyenHan)
	}
	if (q == "KT" || q == "Q" || q == "TL" || q == "TUQ") && strings.TrimSpace(k.ThuTruong) == "" {
		c.errAt("ky", "ký %s cần chức danh người đứng đầu; hãy thêm “thu_truong: Chủ tịch”.", q)
	}
	if k.NguoiKy != "" && c.p.Commune != nil {
		var codes []string
		found := false
		for _, cb := range c.p.Commune.CanBo {
			codes = append(codes, cb.Ma)
			found = found || cb.Ma == k.NguoiKy
		}
		if !found {
			msg := fmt.Sprintf("không có cán bộ mã “%s” trong tệp xã (can_bo)", k.NguoiKy)
			if s := yamlx.Suggest(k.NguoiKy, codes); s != "" {
				msg += fmt.Sprintf("; có phải ý bạn là “%s”?", s)
			} else {
				msg += "; hãy thêm cán bộ vào mục can_bo của tệp xã hoặc ghi ho_ten."
			}
			c.errAt("ky.nguoi_ky", "%s", msg)
		}
		if k.HoTen != "" {
			c.errAt("ky.ho_ten", "chỉ ghi một trong hai: ho_ten hoặc nguoi_ky.")
		}
	}
	if strings.TrimSpace(c.p.SignerName()) == "" && k.NguoiKy == "" {
		c.warnAt("ky", "chưa có họ tên người ký (ky.ho_ten); văn bản sẽ để trống dòng họ tên.")
	}
}

// CountRe matches a count of sub-units written in a recipient's name,
// "(12 ấp)" for the word "ấp"; the number is group 1.
func CountRe(word string) *regexp.Regexp {
	return regexp.MustCompile(`\(\s*(\d+)\s+` + regexp.QuoteMeta(word) + `\s*\)`)
}

func (c *checker) recipients() {
	var count *regexp.Regexp // CountRe of the commune's sub-unit, compiled for the first name with a “(”
	for i, n := range c.p.NoiNhan.Nhan {
		path := fmt.Sprintf("noi_nhan.nhan[%d]", i)
		if n.SoBan < 0 {
			c.errAt(path+".so_ban", "số bản không được âm; hãy ghi số bản gửi (mặc định 1).")
		}
		if n.TheoBan && c.p.Commune != nil && len(c.p.Commune.Ban) == 0 {
			c.errAt(path+".theo_ban", "“theo_ban: true” cần danh sách các thôn, bản, ấp… trong tệp xã (khóa ban, cùng loai_ban); hãy thêm danh sách đó.")
		}
		if cm := c.p.Commune; cm != nil && len(cm.Ban) > 0 {
			word := cm.SubUnit()
			var m []string
			if strings.Contains(n.Ten, "(") { // else the count cannot match
				if count == nil {
					count = CountRe(word)
				}
				m = count.FindStringSubmatch(n.Ten)
			}
			if m != nil && m[1] != strconv.Itoa(len(cm.Ban)) {
				c.errAt(path+".ten", "tên nơi nhận ghi “%s” nhưng tệp xã có %d %s (khóa ban); hãy sửa thành “(%d %s)” hoặc bỏ phần trong ngoặc (số bản gửi được tính từ danh sách).", strings.TrimSpace(m[0]), len(cm.Ban), word, len(cm.Ban), word)
			}
		}
		if t := strings.TrimSpace(n.Ten); strings.HasPrefix(t, "-") || strings.HasSuffix(t, ";") || strings.HasSuffix(t, ".") {
			c.errAt(path+".ten", "chỉ ghi tên nơi nhận, không ghi dấu “-” ở đầu hay “;” “.” ở cuối; các dấu này được thêm tự động.")
		}
		if g := strings.TrimSpace(n.GhiChu); strings.ContainsAny(g, "();") || strings.HasSuffix(g, ".") {
			c.errAt(path+".ghi_chu", "chỉ ghi nội dung ghi chú (b/c, t/h), không ghi ngoặc “( )” hay dấu “;” “.”; văn bản tự in “- %s (%s);” (Nghị định 30: mỗi nơi nhận kết thúc bằng “;”).", strings.TrimSpace(n.Ten), strings.Trim(g, "();. "))
		}
	}
	for i, l := range c.p.NoiNhan.Luu {
		if strings.TrimSpace(l) == "" || strings.ContainsAny(l, ",;.") {
			c.errAt(fmt.Sprintf("noi_nhan.luu[%d]", i), "mỗi phần tử của “luu” là một chữ viết tắt (VT, KT), không có dấu câu.")
		}
	}
	if c.p.NoiNhan.SoBanLuu < 0 {
		c.errAt("noi_nhan.so_ban_luu", "số bản lưu không được âm.")
	}
}

// Writer limits checked here so that what check accepts, build builds.
const (
	// MaxCommuneID bounds the commune id, which names the output files.
	MaxCommuneID = 64
	// MaxCellChars is the most characters an XLSX cell holds (Excel's
	// limit); the texts of the annex tables go into cells.
	MaxCellChars = 32767
)

// inWorkbook reports whether the text at path is printed in a cell of the
// annex workbook (Biểu 01–04).
func inWorkbook(path string) bool {
	for _, p := range []string{"bieu.", "tieu_chi.", "nguon_luc.", "muc_tieu.chi_tieu"} {
		if strings.HasPrefix(path, p) {
			return true
		}
	}
	return false
}

// texts checks every text field: inline markup balanced, and no longer
// than a workbook cell where it goes into one. The glyphs of the chosen
// font are checked by the build (build.Preflight).
func (c *checker) texts() {
	WalkText(c.p, func(path, text string) {
		if n := utf8.RuneCountInString(text); n > MaxCellChars && inWorkbook(path) {
			c.errAt(path, "đoạn chữ dài %d ký tự, quá %d ký tự một ô của sổ tính biểu (XLSX) chứa được; hãy rút gọn, hoặc đưa phần dài vào phần nhiệm vụ của văn bản.", n, MaxCellChars)
		}
		if strings.ContainsAny(text, `*\`) {
			if _, err := markup.Parse(text); err != nil {
				c.markupError(path, text, err)
			}
		}
	})
}

// markupError reports an unclosed marker of text at its line and column in
// the plan file or, when it cannot be found there, at the field with its
// character number in the text.
func (c *checker) markupError(path, text string, err error) {
	var d *diag.Diagnostic
	if !errors.As(err, &d) {
		return
	}
	at := c.p.Index.Lookup(path)
	if pos := yamlx.Locate(c.src, at, text, d.Span.Start, d.Span.End); pos != at {
		end := diag.Pos{Line: pos.Line, Col: pos.Col + utf8.RuneCountInString(text[d.Span.Start:d.Span.End])}
		c.res.Errors = append(c.res.Errors, &diag.Diagnostic{File: c.p.File, Pos: pos, End: end, Path: path, Span: d.Span, Msg: d.Msg})
		return
	}
	c.errAt(path, "%s (ở ký tự thứ %d của đoạn).", strings.TrimSuffix(d.Msg, "."), utf8.RuneCountInString(text[:d.Span.Start])+1)
}
